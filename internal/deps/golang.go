// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// parseGoMod reads go.mod's requirements, with the main module's replace
// directives applied, and keeps the modules the build uses: with a go.sum
// beside it, those whose module zip go.sum holds a hash for (a requirement
// listed only for its go.mod is part of the module graph, not the build).
func parseGoMod(p string, data []byte, ctx *readContext) ([]Dependency, error) {
	// Parse, not ParseLax: ParseLax drops replace directives.
	mf, err := modfile.Parse(p, data, nil)
	if err != nil {
		return nil, goModError(p, err)
	}
	if mf.Module == nil {
		return nil, atLine(p, 1, errors.New("no module line: not a Go module"))
	}
	var sums map[string]bool
	if sum := ctx.sibling("go.sum"); sum != nil {
		sums = goSumZips(sum)
	}
	type key struct{ path, version string }
	replaced := map[key]*modfile.Replace{}
	for _, r := range mf.Replace {
		replaced[key{r.Old.Path, r.Old.Version}] = r
	}
	var out []Dependency
	for _, r := range mf.Require {
		d := Dependency{Name: r.Mod.Path, Version: r.Mod.Version, Direct: !r.Indirect}
		if r.Syntax != nil {
			d.Line = r.Syntax.Start.Line
		}
		rep := replaced[key{r.Mod.Path, r.Mod.Version}]
		if rep == nil {
			rep = replaced[key{r.Mod.Path, ""}]
		}
		if rep != nil {
			d.Replaces = r.Mod.Path
			if rep.New.Version == "" {
				// A directory: there is no version to lock.
				d.Version, d.Local = "", rep.New.Path
			} else {
				d.Name, d.Version = rep.New.Path, rep.New.Version
			}
		}
		if sums != nil && d.Local == "" && !sums[d.Name+" "+d.Version] {
			continue
		}
		out = append(out, d)
	}
	return out, nil
}

// goSumZips lists "path version" for every go.sum line that hashes a module
// zip (not only its go.mod).
func goSumZips(data []byte) map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 || strings.HasSuffix(f[1], "/go.mod") {
			continue
		}
		m[f[0]+" "+f[1]] = true
	}
	return m
}

func goModError(p string, err error) error {
	var el modfile.ErrorList
	if errors.As(err, &el) && len(el) > 0 {
		return atLine(p, el[0].Pos.Line, el[0].Err)
	}
	return atLine(p, 0, err)
}

// goModuleDir is the directory of a module version in the module cache,
// relative to it, or an error for a path or version that is not valid (so
// a hostile go.mod cannot lead outside the cache).
func goModuleDir(modPath, version string) (string, error) {
	if err := module.Check(modPath, version); err != nil {
		return "", fmt.Errorf("module %s@%s: %w", modPath, version, err)
	}
	ep, err := module.EscapePath(modPath)
	if err != nil {
		return "", err
	}
	ev, err := module.EscapeVersion(version)
	if err != nil {
		return "", err
	}
	return ep + "@" + ev, nil
}
