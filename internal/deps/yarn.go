// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/ospolint/ospolint/internal/repo"
)

// parseYarnLock reads yarn.lock, both the classic format (v1: `version
// "1.2.3"`) and the YAML of Yarn 2 and later (`version: 1.2.3`). Workspace,
// link, portal and patch entries are the project or a variant of another
// entry and are left out. A dependency is direct when package.json, or the
// package.json of a workspace it lists, declares it with the range of one of
// the entry's specifiers.
func parseYarnLock(p string, data []byte, ctx *readContext) ([]Dependency, error) {
	declared := npmSpecs(ctx)
	var out []Dependency
	var cur *Dependency
	var specs []string
	skip := false
	flush := func() {
		if cur != nil && !skip && cur.Version != "" {
			for _, s := range specs {
				// Berry writes "name@npm:range" for package.json's "range".
				if r, ok := strings.CutPrefix(s, cur.Name+"@npm:"); ok {
					s = cur.Name + "@" + r
				}
				if declared[s] {
					cur.Direct = true
				}
			}
			out = append(out, *cur)
		}
		cur, specs, skip = nil, nil, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			flush()
			if !strings.HasSuffix(t, ":") {
				return nil, atLine(p, n, fmt.Errorf("expected an entry such as `name@^1.0.0:`, found %q", clip(t)))
			}
			head := strings.TrimSuffix(t, ":")
			if head == "__metadata" {
				skip, cur = true, &Dependency{}
				continue
			}
			for _, s := range strings.Split(head, ",") {
				specs = append(specs, strings.Trim(strings.TrimSpace(s), `"`))
			}
			name := yarnName(specs[0])
			if name == "" {
				return nil, atLine(p, n, fmt.Errorf("cannot read a package name from %q", clip(specs[0])))
			}
			// Yarn (without Plug'n'Play) installs hoisted, at node_modules/NAME;
			// the licence is read there when the installed version matches.
			cur = &Dependency{Name: name, Line: n, dir: "node_modules/" + name}
			for _, s := range specs {
				if strings.Contains(s, "@workspace:") || strings.Contains(s, "@link:") || strings.Contains(s, "@portal:") || strings.Contains(s, "@patch:") {
					skip = true
				}
			}
			continue
		}
		if cur == nil {
			return nil, atLine(p, n, errors.New("indented line outside an entry"))
		}
		// Fields of the entry are indented once; deeper lines are its
		// dependency lists.
		if ind := len(line) - len(strings.TrimLeft(line, " ")); ind != 2 {
			continue
		}
		key, val := yarnField(t)
		switch key {
		case "version":
			cur.Version = val
		case "integrity":
			cur.Checksums = integrity(val)
		case "resolution":
			if strings.Contains(val, "@workspace:") || strings.Contains(val, "@link:") || strings.Contains(val, "@portal:") {
				skip = true
			}
			if strings.Contains(val, "@file:") {
				cur.Local = val[strings.Index(val, "@file:")+len("@file:"):]
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, atLine(p, n+1, err)
	}
	flush()
	return out, nil
}

// yarnName is the package of a specifier: "@scope/name@^1.0.0" gives
// "@scope/name", "name@npm:^1.0.0" gives "name".
func yarnName(spec string) string {
	at := strings.LastIndex(spec, "@")
	if strings.HasPrefix(spec, "@") {
		if at == 0 {
			return ""
		}
		// The version part starts at the first "@" after the scope.
		if i := strings.Index(spec[1:], "@"); i >= 0 {
			at = i + 1
		}
	} else if i := strings.Index(spec, "@"); i >= 0 {
		at = i
	}
	if at <= 0 {
		return spec
	}
	return spec[:at]
}

// yarnField splits `key "value"` (v1) or `key: value` (v2+).
func yarnField(t string) (string, string) {
	var k, v string
	if i := strings.IndexAny(t, ": "); i >= 0 {
		k, v = t[:i], strings.TrimSpace(strings.TrimPrefix(t[i:], ":"))
	} else {
		k = t
	}
	return strings.Trim(k, `"`), strings.Trim(v, `"`)
}

// maxWorkspaces caps the workspaces read for one lockfile.
const maxWorkspaces = 1000

// npmSpecs reads the specifiers ("name@range") package.json declares, and
// those of the workspaces it lists: yarn.lock has an entry per specifier.
func npmSpecs(ctx *readContext) map[string]bool {
	out := map[string]bool{}
	var root npmPackage
	if pj := ctx.sibling("package.json"); pj == nil || json.Unmarshal(pj, &root) != nil {
		return out
	}
	root.declares(func(n, r string) { out[n+"@"+r] = true })
	n := 0
	for _, pattern := range root.workspaces() {
		g := path.Join(ctx.dir, pattern, "package.json")
		if strings.HasPrefix(pattern, "!") || !fs.ValidPath(g) {
			continue
		}
		matches, _ := fs.Glob(ctx.fsys, g)
		for _, m := range matches {
			if n++; n > maxWorkspaces {
				return out
			}
			var ws npmPackage
			if data, err := repo.ReadFile(ctx.fsys, m, maxManifestSize); err == nil && json.Unmarshal(data, &ws) == nil {
				ws.declares(func(n, r string) { out[n+"@"+r] = true })
			}
		}
	}
	return out
}

// clip shortens text quoted in an error message.
func clip(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}
