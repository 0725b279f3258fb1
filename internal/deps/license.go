// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"encoding/json"
	"strings"

	"github.com/ospolint/ospolint/internal/licpolicy"
	"github.com/ospolint/ospolint/internal/manifest"
)

// normalizeLicense turns a declared licence (an npm or Composer licence
// field, a package manifest's) into an SPDX expression: a valid expression
// as it is (canonical case), a common name ("Apache 2.0", "BSD-3") when it
// means one licence, the proprietary markers UNLICENSED and proprietary as
// LicenseRefs, and anything else NOASSERTION.
func normalizeLicense(v string) string {
	v = strings.TrimSpace(v)
	switch strings.ToUpper(v) {
	case "":
		return ""
	case "UNLICENSED", "PROPRIETARY":
		return "LicenseRef-" + v
	case "NOASSERTION":
		return NoAssertion
	}
	if e, err := licpolicy.Parse(v); err == nil {
		return e.String()
	}
	// The manifest reader knows the names people write; an npm licence
	// field is a package.json licence field.
	obj, _ := json.Marshal(map[string]string{"license": v})
	m := manifest.Parse("package.json", obj)
	for _, f := range m.Fields {
		if len(f.Candidates) == 1 {
			if e, err := licpolicy.Parse(f.Candidates[0]); err == nil {
				return e.String()
			}
		}
	}
	return NoAssertion
}

// setDeclared records a declared licence on a dependency.
func (d *Dependency) setDeclared(raw, source string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return
	}
	d.declared = raw
	d.License = normalizeLicense(raw)
	d.LicenseSource = source
}

// jsonLicense reads an npm-style licence value: a string, {"type": ...},
// or a list of either (the deprecated "licenses" form, one of which
// applies).
func jsonLicense(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj struct {
		Type string `json:"type"`
	}
	if json.Unmarshal(raw, &obj) == nil && obj.Type != "" {
		return obj.Type
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		var parts []string
		for _, l := range list {
			if v := jsonLicense(l); v != "" {
				parts = append(parts, v)
			}
		}
		if len(parts) > 1 {
			return "(" + strings.Join(parts, ") OR (") + ")"
		}
		return strings.Join(parts, "")
	}
	return ""
}
