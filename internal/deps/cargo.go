// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"encoding/hex"
	"strings"
)

// parseCargoLock reads Cargo.lock. Packages without a source are the
// workspace's own crates (left out); what they depend on is direct.
func parseCargoLock(p string, data []byte, _ *readContext) ([]Dependency, error) {
	var lock struct {
		Package []struct {
			Name         string   `toml:"name"`
			Version      string   `toml:"version"`
			Source       string   `toml:"source"`
			Checksum     string   `toml:"checksum"`
			Dependencies []string `toml:"dependencies"`
		} `toml:"package"`
	}
	if err := decodeTOML(p, data, &lock); err != nil {
		return nil, err
	}
	lines := tableLines(data, "package")
	// direct holds "name" and "name version" of what the workspace's crates
	// depend on; versioned the names written with a version (Cargo writes
	// the version only when several are locked: then the bare name does
	// not say which).
	direct, versioned := map[string]bool{}, map[string]bool{}
	for _, pk := range lock.Package {
		if pk.Source != "" {
			continue
		}
		for _, d := range pk.Dependencies {
			// "name", "name version" or "name version (source)".
			f := strings.Fields(d)
			if len(f) == 0 {
				continue
			}
			direct[f[0]] = true
			if len(f) > 1 {
				direct[f[0]+" "+f[1]] = true
				versioned[f[0]] = true
			}
		}
	}
	var out []Dependency
	for i, pk := range lock.Package {
		if pk.Source == "" {
			continue
		}
		d := Dependency{Name: pk.Name, Version: pk.Version, Line: lineAt(lines, i)}
		d.Direct = direct[pk.Name+" "+pk.Version] || (direct[pk.Name] && !versioned[pk.Name])
		if raw, err := hex.DecodeString(pk.Checksum); err == nil && len(raw) == 32 {
			d.Checksums = []Checksum{{Algorithm: "SHA256", Value: strings.ToLower(pk.Checksum)}}
		}
		if strings.HasPrefix(pk.Source, "path+") {
			d.Local = strings.TrimPrefix(pk.Source, "path+")
		}
		out = append(out, d)
	}
	return out, nil
}
