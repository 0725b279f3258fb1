// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parsePnpmLock reads pnpm-lock.yaml of lockfile versions 5 (keys
// "/name/1.0.0"), 6 ("/name@1.0.0") and 9 ("name@1.0.0"). Direct
// dependencies are those of the importers (the workspace projects) or, in
// older single-project files, the top-level dependency maps.
func parsePnpmLock(p string, data []byte, _ *readContext) ([]Dependency, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(p, err)
	}
	if len(doc.Content) == 0 {
		return nil, atLine(p, 1, errors.New("empty file"))
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, atLine(p, root.Line, errors.New("expected a mapping at the top level"))
	}
	type nv struct{ name, version string }
	direct, dev := map[nv]bool{}, map[nv]bool{}
	readImporter := func(imp *yaml.Node) {
		for _, sec := range []string{"dependencies", "devDependencies", "optionalDependencies"} {
			m := mapGet(imp, sec)
			if m == nil || m.Kind != yaml.MappingNode {
				continue
			}
			for i := 0; i+1 < len(m.Content); i += 2 {
				name, v := m.Content[i].Value, m.Content[i+1]
				ver := v.Value
				if v.Kind == yaml.MappingNode {
					if vv := mapGet(v, "version"); vv != nil {
						ver = vv.Value
					}
				}
				k := nv{name, pnpmStripPeers(ver)}
				direct[k] = true
				if sec == "devDependencies" {
					dev[k] = true
				}
			}
		}
	}
	if imps := mapGet(root, "importers"); imps != nil && imps.Kind == yaml.MappingNode {
		for i := 1; i < len(imps.Content); i += 2 {
			readImporter(imps.Content[i])
		}
	}
	readImporter(root)
	pkgs := mapGet(root, "packages")
	if pkgs == nil {
		return nil, nil
	}
	if pkgs.Kind != yaml.MappingNode {
		return nil, atLine(p, pkgs.Line, errors.New(`"packages" must be a mapping`))
	}
	v5 := false
	if lv := mapGet(root, "lockfileVersion"); lv != nil {
		v5 = strings.HasPrefix(lv.Value, "5") || strings.HasPrefix(lv.Value, "4") || strings.HasPrefix(lv.Value, "3")
	}
	var out []Dependency
	for i := 0; i+1 < len(pkgs.Content); i += 2 {
		k, v := pkgs.Content[i], pkgs.Content[i+1]
		name, ver := pnpmKey(k.Value, v5)
		if name == "" {
			return nil, atLine(p, k.Line, fmt.Errorf("cannot read a package name and version from %q", clip(k.Value)))
		}
		// pnpm links what the project declares at node_modules/NAME.
		d := Dependency{Name: name, Version: ver, Line: k.Line, dir: "node_modules/" + name}
		if n := mapGet(v, "name"); n != nil && n.Value != "" {
			d.Name = n.Value
		}
		if n := mapGet(v, "version"); n != nil && n.Value != "" {
			d.Version = n.Value
		}
		if r := mapGet(v, "resolution"); r != nil {
			if in := mapGet(r, "integrity"); in != nil {
				d.Checksums = integrity(in.Value)
			}
			if dir := mapGet(r, "directory"); dir != nil {
				d.Local = dir.Value
			}
		}
		key := nv{name, ver}
		d.Direct = direct[key]
		d.Dev = dev[key]
		if dv := mapGet(v, "dev"); dv != nil && dv.Value == "true" {
			d.Dev = true
		}
		out = append(out, d)
	}
	return out, nil
}

// pnpmKey splits a package key: "/@scope/name/1.0.0_peer@2" (v5),
// "/@scope/name@1.0.0(peer@2)" (v6), "@scope/name@1.0.0(peer@2)" (v9).
func pnpmKey(k string, v5 bool) (string, string) {
	k = strings.TrimPrefix(k, "/")
	if !v5 {
		k = pnpmStripPeers(k)
		if at := strings.LastIndex(k, "@"); at > 0 {
			return k[:at], k[at+1:]
		}
		return "", ""
	}
	// v5: name/version_peers, the version after the last slash (pnpm
	// writes the slashes of peer names as "+").
	sl := strings.LastIndex(k, "/")
	if sl <= 0 {
		return "", ""
	}
	ver := k[sl+1:]
	if i := strings.Index(ver, "_"); i >= 0 {
		ver = ver[:i]
	}
	return k[:sl], ver
}

// pnpmStripPeers drops the peer-dependency suffix of a version or key.
func pnpmStripPeers(s string) string {
	if i := strings.Index(s, "("); i >= 0 {
		return s[:i]
	}
	return s
}

// mapGet returns the value of key in a YAML mapping, or nil.
func mapGet(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// yamlError names the line of a YAML syntax error ("yaml: line 3: ...").
func yamlError(p string, err error) error {
	msg := err.Error()
	var line int
	if _, e := fmt.Sscanf(strings.TrimPrefix(msg, "yaml: "), "line %d:", &line); e == nil {
		if i := strings.Index(msg, fmt.Sprintf("line %d: ", line)); i >= 0 {
			msg = msg[i+len(fmt.Sprintf("line %d: ", line)):]
		}
		return atLine(p, line, fmt.Errorf("invalid YAML: %s", msg))
	}
	return atLine(p, 0, fmt.Errorf("invalid YAML: %w", err))
}
