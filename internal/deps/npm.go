// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
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
}

// declared adds the names a package.json (or a lock's root entry) declares
// to direct; dev ones are marked in dev.
func (p npmPackage) declared(direct map[string]bool, dev map[string]bool) {
	for _, m := range []map[string]string{p.Dependencies, p.OptionalDependencies, p.PeerDependencies} {
		for n := range m {
			direct[n] = true
		}
	}
	for n := range p.DevDependencies {
		direct[n] = true
		dev[n] = true
	}
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
// Direct dependencies are those the root (or a workspace) declares,
// installed at the top of node_modules.
func parsePackageLock(p string, data []byte, ctx *readContext) ([]Dependency, error) {
	doc := newJSONDoc(p, data)
	direct, dev := map[string]bool{}, map[string]bool{}
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
					e.declared(direct, dev)
					return nil
				}
				if e.Link {
					return nil
				}
				inst := k[strings.LastIndex(k, "node_modules/")+len("node_modules/"):]
				name := e.Name
				if name == "" {
					name = inst
				}
				d := Dependency{Name: name, Version: e.Version, Line: line, Dev: e.Dev}
				// Top-level installs may be direct; nested ones never are.
				d.Direct = k == "node_modules/"+inst
				d.dir = npmInstallPath(k)
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
	pd, pdev := npmDeclared(ctx)
	for n := range pd {
		direct[n] = true
	}
	for n := range pdev {
		dev[n] = true
	}
	for i := range out {
		d := &out[i]
		d.Direct = d.Direct && direct[strings.TrimPrefix(d.dir, "node_modules/")]
		if dev[d.Name] && d.Direct {
			d.Dev = true
		}
	}
	return out, nil
}

// npmInstallPath keeps the install path of a package (node_modules/a or
// node_modules/a/node_modules/b), where its package.json is on disk.
func npmInstallPath(k string) string {
	if i := strings.Index(k, "node_modules/"); i >= 0 {
		return k[i:]
	}
	return k
}

func flattenLockV1(m map[string]npmLockV1, lines map[string]int, prefix string) []Dependency {
	var out []Dependency
	for name, e := range m {
		d := Dependency{Name: name, Version: e.Version, Dev: e.Dev, Direct: prefix == "node_modules/",
			dir: prefix + name, Line: lines[name]}
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

// npmDeclared reads the direct dependencies a package.json declares.
func npmDeclared(ctx *readContext) (direct, dev map[string]bool) {
	direct, dev = map[string]bool{}, map[string]bool{}
	if pj := ctx.sibling("package.json"); pj != nil {
		var root npmPackage
		if json.Unmarshal(pj, &root) == nil {
			root.declared(direct, dev)
		}
	}
	return direct, dev
}
