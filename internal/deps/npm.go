// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"path"
	"strings"
)

// npmPackage is an entry of package-lock.json's "packages" (v2, v3) and
// the declarations of package.json.
type npmPackage struct {
	Name                 string            `json:"name"`
	Version              string            `json:"version"`
	Resolved             string            `json:"resolved"`
	Integrity            string            `json:"integrity"`
	Dev                  bool              `json:"dev"`
	Link                 bool              `json:"link"`
	License              json.RawMessage   `json:"license"`
	Dependencies         map[string]string `json:"dependencies"`
	DevDependencies      map[string]string `json:"devDependencies"`
	OptionalDependencies map[string]string `json:"optionalDependencies"`
	PeerDependencies     map[string]string `json:"peerDependencies"`
	// Workspaces is a list of globs, or {"packages": [...]} (Yarn).
	Workspaces json.RawMessage `json:"workspaces"`
}

// declares calls fn with each package the package.json (or a lock's root
// or workspace entry) declares, dev ones included, and its range.
func (p npmPackage) declares(fn func(name, rng string)) {
	for _, m := range []map[string]string{p.Dependencies, p.OptionalDependencies, p.PeerDependencies, p.DevDependencies} {
		for n, r := range m {
			fn(n, r)
		}
	}
}

// workspaces lists the workspace globs of a root package.json.
func (p npmPackage) workspaces() []string {
	var list []string
	if json.Unmarshal(p.Workspaces, &list) == nil {
		return list
	}
	var obj struct {
		Packages []string `json:"packages"`
	}
	_ = json.Unmarshal(p.Workspaces, &obj)
	return obj.Packages
}

// npmLockV1 is an entry of lockfileVersion 1's nested "dependencies".
type npmLockV1 struct {
	Version      string               `json:"version"`
	Integrity    string               `json:"integrity"`
	Dev          bool                 `json:"dev"`
	Dependencies map[string]npmLockV1 `json:"dependencies"`
}

// parsePackageLock reads package-lock.json and npm-shrinkwrap.json: the
// "packages" map of lockfile versions 2 and 3 (one entry per installed
// path, with licence fields), or the nested "dependencies" of version 1.
// A dependency is direct when the root or a workspace declares it and it
// is the copy Node resolves from there: the workspace's own node_modules
// first, then its parents' up to the root's. Dev is npm's own verdict (the
// "dev" flag: needed only for development).
func parsePackageLock(p string, data []byte, ctx *readContext) ([]Dependency, error) {
	doc := newJSONDoc(p, data)
	// declarers are the root ("") and the workspaces, by directory.
	declarers := map[string][]string{}
	var out []Dependency
	var v1 map[string]npmLockV1
	v1Line := map[string]int{}
	err := doc.object(func(key string, _ int) error {
		switch key {
		case "packages":
			return doc.object(func(k string, line int) error {
				var e npmPackage
				if err := doc.decode(&e); err != nil {
					return err
				}
				if k == "" || !strings.Contains(k, "node_modules/") {
					// The root and workspace packages declare; they are the
					// project itself.
					e.declares(func(n, _ string) { declarers[k] = append(declarers[k], n) })
					return nil
				}
				if e.Link {
					return nil
				}
				name := e.Name
				if name == "" {
					name = k[strings.LastIndex(k, "node_modules/")+len("node_modules/"):]
				}
				d := Dependency{Name: name, Version: e.Version, Line: line, Dev: e.Dev, dir: k}
				d.setDeclared(jsonLicense(e.License), SourceLockfile)
				d.Checksums = integrity(e.Integrity)
				out = append(out, d)
				return nil
			})
		case "dependencies":
			return doc.object(func(k string, line int) error {
				var e npmLockV1
				if err := doc.decode(&e); err != nil {
					return err
				}
				if v1 == nil {
					v1 = map[string]npmLockV1{}
				}
				v1[k] = e
				v1Line[k] = line
				return nil
			})
		default:
			return doc.skip()
		}
	})
	if err != nil {
		return nil, err
	}
	if out == nil && v1 != nil {
		out = flattenLockV1(v1, v1Line, "node_modules/")
	}
	if pj := ctx.sibling("package.json"); pj != nil {
		// Version 1 has no root entry: package.json declares.
		var root npmPackage
		if json.Unmarshal(pj, &root) == nil {
			root.declares(func(n, _ string) { declarers[""] = append(declarers[""], n) })
		}
	}
	byDir := make(map[string]int, len(out))
	for i, d := range out {
		byDir[d.dir] = i
	}
	for from, names := range declarers {
		search := npmSearchPath(from)
		for _, n := range names {
			for _, dir := range search {
				if i, ok := byDir[dir+n]; ok {
					out[i].Direct = true
					break
				}
			}
		}
	}
	return out, nil
}

// npmSearchPath lists where Node looks for a package required from dir:
// dir/node_modules/, then each parent's up to the root's (at most 32
// levels: workspaces are not that deep, and a hostile key costs no more).
func npmSearchPath(dir string) []string {
	var out []string
	if dir != "" {
		dir = path.Clean(dir)
	}
	for len(out) < 32 && dir != "" && dir != "." && dir != "/" {
		out = append(out, dir+"/node_modules/")
		dir = path.Dir(dir)
	}
	return append(out, "node_modules/")
}

func flattenLockV1(m map[string]npmLockV1, lines map[string]int, prefix string) []Dependency {
	var out []Dependency
	for name, e := range m {
		d := Dependency{Name: name, Version: e.Version, Dev: e.Dev, dir: prefix + name, Line: lines[name]}
		d.Checksums = integrity(e.Integrity)
		out = append(out, d)
		if len(e.Dependencies) > 0 {
			// Nested entries carry no line of their own: the parent's.
			nl := map[string]int{}
			for n := range e.Dependencies {
				nl[n] = lines[name]
			}
			out = append(out, flattenLockV1(e.Dependencies, nl, prefix+name+"/node_modules/")...)
		}
	}
	return out
}

// integrity reads a Subresource Integrity value ("sha512-BASE64", several
// separated by spaces) into checksums of the package tarball.
func integrity(s string) []Checksum {
	var out []Checksum
	for _, part := range strings.Fields(s) {
		alg, b64, ok := strings.Cut(part, "-")
		if !ok {
			continue
		}
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			continue
		}
		var name string
		switch {
		case alg == "sha512" && len(raw) == 64:
			name = "SHA512"
		case alg == "sha384" && len(raw) == 48:
			name = "SHA384"
		case alg == "sha256" && len(raw) == 32:
			name = "SHA256"
		case alg == "sha1" && len(raw) == 20:
			name = "SHA1"
		default:
			continue
		}
		out = append(out, Checksum{Algorithm: name, Value: hex.EncodeToString(raw)})
	}
	return out
}
