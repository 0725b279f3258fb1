// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"strings"
	"text/template"
)

//go:embed templates/*.md
var templates embed.FS

// Project describes the repository for community-file templates.
type Project struct {
	Project string // name
	License string // SPDX expression
	Contact string // e-mail or URL for conduct and security reports
}

// Templates lists the community files fix can create, by file name.
func Templates() []string {
	des, _ := templates.ReadDir("templates")
	out := make([]string, 0, len(des))
	for _, de := range des {
		out = append(out, de.Name())
	}
	return out
}

// Community renders a community file template (CONTRIBUTING.md,
// CODE_OF_CONDUCT.md, SECURITY.md) for the path where it is missing, with an
// SPDX header so the new file is itself REUSE-compliant.
func Community(p string, prj Project, h Header) (Change, error) {
	name := p[strings.LastIndex(p, "/")+1:]
	src, err := templates.ReadFile("templates/" + name)
	if err != nil {
		return Change{}, fmt.Errorf("no template for %s (have: %s)", name, strings.Join(Templates(), ", "))
	}
	if strings.Contains(string(src), "{{.Contact}}") && strings.TrimSpace(prj.Contact) == "" {
		return Change{}, errors.New(name + " needs a contact: pass --contact EMAIL-OR-URL")
	}
	if prj.License == "" {
		prj.License = h.License
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return Change{}, fmt.Errorf("template %s: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, prj); err != nil {
		return Change{}, fmt.Errorf("template %s: %w", name, err)
	}
	need := Missing(b.Bytes())
	out, _, err := AddHeader(p, b.Bytes(), h, need)
	if err != nil {
		return Change{}, err
	}
	return Change{Path: p, New: out, Reason: "missing " + name, license: h.written(need)}, nil
}
