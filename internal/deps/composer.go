// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"encoding/hex"
	"encoding/json"
	"strings"
)

// parseComposerLock reads composer.lock: "packages" and "packages-dev"
// (dev), with their licence lists (several licences are a choice, as
// Composer defines) and dist checksums. Direct dependencies are those
// composer.json requires.
func parseComposerLock(p string, data []byte, ctx *readContext) ([]Dependency, error) {
	direct := map[string]bool{}
	if cj := ctx.sibling("composer.json"); cj != nil {
		var m struct {
			Require    map[string]string `json:"require"`
			RequireDev map[string]string `json:"require-dev"`
		}
		if json.Unmarshal(cj, &m) == nil {
			for n := range m.Require {
				direct[strings.ToLower(n)] = true
			}
			for n := range m.RequireDev {
				direct[strings.ToLower(n)] = true
			}
		}
	}
	doc := newJSONDoc(p, data)
	var out []Dependency
	err := doc.object(func(key string, _ int) error {
		if key != "packages" && key != "packages-dev" {
			return doc.skip()
		}
		return doc.array(func(line int) error {
			var e struct {
				Name    string   `json:"name"`
				Version string   `json:"version"`
				License []string `json:"license"`
				Dist    struct {
					Type   string `json:"type"`
					URL    string `json:"url"`
					Shasum string `json:"shasum"`
				} `json:"dist"`
			}
			if err := doc.decode(&e); err != nil {
				return err
			}
			d := Dependency{Name: e.Name, Version: e.Version, Line: line, Dev: key == "packages-dev",
				Direct: direct[strings.ToLower(e.Name)]}
			switch len(e.License) {
			case 0:
			case 1:
				d.setDeclared(e.License[0], SourceLockfile)
			default:
				d.setDeclared("("+strings.Join(e.License, ") OR (")+")", SourceLockfile)
			}
			if raw, err := hex.DecodeString(e.Dist.Shasum); err == nil && len(raw) == 20 {
				d.Checksums = []Checksum{{Algorithm: "SHA1", Value: strings.ToLower(e.Dist.Shasum)}}
			}
			if e.Dist.Type == "path" {
				d.Local = e.Dist.URL
			}
			d.dir = "vendor/" + e.Name
			out = append(out, d)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
