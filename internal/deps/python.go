// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// parsePoetryLock reads poetry.lock. Direct dependencies are those
// pyproject.toml declares (Poetry's tables or PEP 621 [project]); dev ones
// are in the "dev" category (Poetry 1.0) or only in non-main groups.
func parsePoetryLock(p string, data []byte, ctx *readContext) ([]Dependency, error) {
	var lock struct {
		Package []struct {
			Name     string   `toml:"name"`
			Version  string   `toml:"version"`
			Category string   `toml:"category"`
			Groups   []string `toml:"groups"`
			Source   struct {
				Type string `toml:"type"`
				URL  string `toml:"url"`
			} `toml:"source"`
		} `toml:"package"`
	}
	if err := decodeTOML(p, data, &lock); err != nil {
		return nil, err
	}
	lines := tableLines(data, "package")
	direct := pyprojectDeclared(ctx)
	var out []Dependency
	for i, pk := range lock.Package {
		d := Dependency{Name: pk.Name, Version: pk.Version, Line: lineAt(lines, i), Direct: direct[NormalizePyPI(pk.Name)]}
		d.Dev = pk.Category == "dev"
		if len(pk.Groups) > 0 {
			d.Dev = !slices.Contains(pk.Groups, "main")
		}
		if pk.Source.Type == "directory" || pk.Source.Type == "file" {
			d.Local = pk.Source.URL
		}
		out = append(out, d)
	}
	return out, nil
}

// parseUVLock reads uv.lock. The workspace's own packages (editable or
// virtual sources) are left out; what they depend on is direct, and what
// only their dev groups name is dev.
func parseUVLock(p string, data []byte, _ *readContext) ([]Dependency, error) {
	type ref struct {
		Name string `toml:"name"`
	}
	var lock struct {
		Package []struct {
			Name    string            `toml:"name"`
			Version string            `toml:"version"`
			Source  map[string]string `toml:"source"`
			SDist   struct {
				Hash string `toml:"hash"`
			} `toml:"sdist"`
			Dependencies []ref            `toml:"dependencies"`
			Optional     map[string][]ref `toml:"optional-dependencies"`
			DevDeps      map[string][]ref `toml:"dev-dependencies"`
		} `toml:"package"`
	}
	if err := decodeTOML(p, data, &lock); err != nil {
		return nil, err
	}
	lines := tableLines(data, "package")
	isRoot := func(src map[string]string) bool { return src["editable"] != "" || src["virtual"] != "" }
	direct, devOnly := map[string]bool{}, map[string]bool{}
	for _, pk := range lock.Package {
		if !isRoot(pk.Source) {
			continue
		}
		for _, r := range pk.Dependencies {
			direct[NormalizePyPI(r.Name)] = true
		}
		for _, rs := range pk.Optional {
			for _, r := range rs {
				direct[NormalizePyPI(r.Name)] = true
			}
		}
		for _, rs := range pk.DevDeps {
			for _, r := range rs {
				if n := NormalizePyPI(r.Name); !direct[n] {
					devOnly[n] = true
				}
			}
		}
	}
	var out []Dependency
	for i, pk := range lock.Package {
		if isRoot(pk.Source) {
			continue
		}
		n := NormalizePyPI(pk.Name)
		d := Dependency{Name: pk.Name, Version: pk.Version, Line: lineAt(lines, i)}
		d.Direct = direct[n] || devOnly[n]
		d.Dev = devOnly[n] && !direct[n]
		if local := pk.Source["directory"] + pk.Source["path"]; local != "" {
			d.Local = local
		}
		if alg, v, ok := strings.Cut(pk.SDist.Hash, ":"); ok && alg == "sha256" {
			if raw, err := hex.DecodeString(v); err == nil && len(raw) == 32 {
				d.Checksums = []Checksum{{Algorithm: "SHA256", Value: strings.ToLower(v)}}
			}
		}
		out = append(out, d)
	}
	return out, nil
}

// parsePipfileLock reads Pipfile.lock: "default" and "develop" (dev).
// Direct dependencies are those the Pipfile beside it lists.
func parsePipfileLock(p string, data []byte, ctx *readContext) ([]Dependency, error) {
	declared := map[string]bool{}
	if pf := ctx.sibling("Pipfile"); pf != nil {
		var pipfile struct {
			Packages    map[string]any `toml:"packages"`
			DevPackages map[string]any `toml:"dev-packages"`
		}
		if _, err := toml.Decode(string(pf), &pipfile); err == nil {
			for n := range pipfile.Packages {
				declared[NormalizePyPI(n)] = true
			}
			for n := range pipfile.DevPackages {
				declared[NormalizePyPI(n)] = true
			}
		}
	}
	doc := newJSONDoc(p, data)
	var out []Dependency
	err := doc.object(func(key string, _ int) error {
		if key != "default" && key != "develop" {
			return doc.skip()
		}
		return doc.object(func(name string, line int) error {
			var e struct {
				Version string `json:"version"`
				Path    string `json:"path"`
			}
			if err := doc.decode(&e); err != nil {
				return err
			}
			d := Dependency{Name: name, Version: strings.TrimPrefix(strings.TrimPrefix(e.Version, "=="), "="), Line: line,
				Dev: key == "develop", Direct: declared[NormalizePyPI(name)], Local: e.Path}
			out = append(out, d)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

var (
	reqName = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$`)
	reqPin  = regexp.MustCompile(`^===?\s*([A-Za-z0-9][A-Za-z0-9.+!_*-]*)\s*$`)
	reqEgg  = regexp.MustCompile(`#egg=([A-Za-z0-9][A-Za-z0-9._-]*)`)
)

// parseRequirements reads a pip requirements file. Only "name==version"
// pins lock a version; other requirements are listed without one. Lines
// pip-compile annotates with "# via" other packages are indirect.
func parseRequirements(_ string, data []byte, _ *readContext) ([]Dependency, error) {
	var out []Dependency
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	n := 0
	var logical strings.Builder
	start := 0
	last := -1 // index in out of the previous requirement, for "# via"
	inVia := false
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), "\r")
		if logical.Len() == 0 {
			start = n
			t := strings.TrimSpace(raw)
			if strings.HasPrefix(t, "#") {
				// pip-compile: "    # via pkg" or "    # via" then "    #   pkg".
				c := strings.TrimSpace(strings.TrimPrefix(t, "#"))
				switch {
				case strings.HasPrefix(c, "via"):
					inVia = true
					viaFrom(out, last, strings.TrimSpace(strings.TrimPrefix(c, "via")))
				case inVia && c != "":
					viaFrom(out, last, c)
				default:
					inVia = false
				}
				continue
			}
		}
		if strings.HasSuffix(raw, `\`) {
			logical.WriteString(strings.TrimSuffix(raw, `\`))
			logical.WriteByte(' ')
			continue
		}
		logical.WriteString(raw)
		line := logical.String()
		logical.Reset()
		inVia = false
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "-") {
			// Options (-r, -c, --hash, --index-url), and -e with a URL or path.
			if m := reqEgg.FindStringSubmatch(line); m != nil && (strings.HasPrefix(line, "-e") || strings.HasPrefix(line, "--editable")) {
				out = append(out, Dependency{Name: m[1], Line: start, Direct: true, Local: editableTarget(line)})
				last = len(out) - 1
			}
			continue
		}
		if m := reqEgg.FindStringSubmatch(line); m != nil && strings.Contains(line, "://") {
			out = append(out, Dependency{Name: m[1], Line: start, Direct: true})
			last = len(out) - 1
			continue
		}
		// Drop environment markers and per-requirement options.
		if i := strings.Index(line, ";"); i >= 0 {
			line = line[:i]
		}
		if i := strings.Index(line, " --"); i >= 0 {
			line = line[:i]
		}
		m := reqName.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue // a path or URL without a name
		}
		d := Dependency{Name: m[1], Line: start, Direct: true}
		rest := strings.TrimSpace(m[3])
		if pin := reqPin.FindStringSubmatch(rest); pin != nil && !strings.Contains(pin[1], "*") {
			d.Version = pin[1]
		}
		out = append(out, d)
		last = len(out) - 1
	}
	return out, sc.Err()
}

// viaFrom records a pip-compile "via" source: another package makes the
// requirement indirect unless a requirements input (-r, -c) also names it.
// Compiled from a project file, pip-compile names the project with its
// file in parentheses ("example-app (pyproject.toml)"): an input too.
func viaFrom(out []Dependency, i int, src string) {
	if i < 0 || i >= len(out) || src == "" {
		return
	}
	if j := strings.LastIndex(src, " ("); j >= 0 && strings.HasSuffix(src, ")") {
		src = src[j+2 : len(src)-1]
	}
	if strings.HasPrefix(src, "-r ") || strings.HasPrefix(src, "-c ") || strings.HasSuffix(src, ".in") || strings.HasSuffix(src, ".toml") || strings.HasSuffix(src, ".cfg") || strings.HasSuffix(src, ".py") {
		out[i].Direct = true
		out[i].viaInput = true
		return
	}
	if !out[i].viaInput {
		out[i].Direct = false
	}
}

func editableTarget(line string) string {
	f := strings.Fields(line)
	if len(f) < 2 {
		return ""
	}
	t := f[len(f)-1]
	if strings.Contains(t, "://") {
		return ""
	}
	return t
}

var pep508Name = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9._-]*)`)

// pyprojectDeclared reads the dependency names pyproject.toml declares:
// [project] dependencies and optional-dependencies, [dependency-groups],
// and Poetry's dependency tables.
func pyprojectDeclared(ctx *readContext) map[string]bool {
	out := map[string]bool{}
	data := ctx.sibling("pyproject.toml")
	if data == nil {
		return out
	}
	var pp struct {
		Project struct {
			Dependencies []string            `toml:"dependencies"`
			Optional     map[string][]string `toml:"optional-dependencies"`
		} `toml:"project"`
		Groups map[string][]any `toml:"dependency-groups"`
		Tool   struct {
			Poetry struct {
				Dependencies    map[string]any `toml:"dependencies"`
				DevDependencies map[string]any `toml:"dev-dependencies"`
				Group           map[string]struct {
					Dependencies map[string]any `toml:"dependencies"`
				} `toml:"group"`
			} `toml:"poetry"`
		} `toml:"tool"`
	}
	if _, err := toml.Decode(string(data), &pp); err != nil {
		return out
	}
	add508 := func(s string) {
		if m := pep508Name.FindStringSubmatch(s); m != nil {
			out[NormalizePyPI(m[1])] = true
		}
	}
	for _, s := range pp.Project.Dependencies {
		add508(s)
	}
	for _, l := range pp.Project.Optional {
		for _, s := range l {
			add508(s)
		}
	}
	for _, l := range pp.Groups {
		for _, v := range l {
			if s, ok := v.(string); ok {
				add508(s)
			}
		}
	}
	for n := range pp.Tool.Poetry.Dependencies {
		if !strings.EqualFold(n, "python") {
			out[NormalizePyPI(n)] = true
		}
	}
	for n := range pp.Tool.Poetry.DevDependencies {
		out[NormalizePyPI(n)] = true
	}
	for _, g := range pp.Tool.Poetry.Group {
		for n := range g.Dependencies {
			out[NormalizePyPI(n)] = true
		}
	}
	return out
}
