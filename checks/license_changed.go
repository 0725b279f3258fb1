// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"strings"

	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/manifest"
	"github.com/ospolint/ospolint/internal/repo"
)

func licenseChanged() *Check {
	return &Check{
		ID:         "license-changed",
		Title:      "Licence changed",
		Summary:    "The change leaves the licence files and the manifests' licence fields as they were.",
		Activities: []string{"GGI-A-21"},
		Level:      Note,
		Needs:      NeedDiff,
		Help: `In diff mode (` + "`ospolint scan --diff-base REV`" + `, the GitHub Action on pull requests) this check notes every
licence file the change adds, modifies or deletes (` + "`LICENSE`, `COPYING`" + ` and their variants at the root, and
the texts in ` + "`LICENSES/`" + `), with the licence ospolint identifies before and after, and every licence field of a
package manifest (` + "`package.json`, `Cargo.toml`, `pyproject.toml`, `pom.xml`" + `, ...) whose value changes. It is a
note: changing the licence can be right, but it is a decision for the project's maintainers and, in a company,
its OSPO or legal team. Outside diff mode the check is not available.

**Why (GGI-A-21, Manage legal compliance):** the licence is the contract under which everybody uses and
contributes to the project; it changes only on purpose, after review, with the contributors' agreement where
their copyright is involved.

**Fix:** nothing to fix when the change is intended: have it reviewed by whoever decides on licences. Otherwise
restore the previous licence text or field.`,
		Run: func(p *Pass) error {
			if err := needsBase(p); err != nil {
				return err
			}
			base, head := p.Target.Base(), p.Target
			var manifests []repo.Entry
			for _, c := range head.Changes() {
				if license.IsCandidate(c.Path) {
					reportLicenseFile(p, base, head, c)
				}
				if _, ok := manifest.Detect(c.Path); ok && c.Kind != Deleted {
					e, _ := head.Lookup(c.Path)
					manifests = append(manifests, e)
				}
			}
			// Find drops manifests of vendored code and fixtures.
			for _, e := range manifest.Find(repo.NewIndex(manifests)) {
				reportManifestLicence(p, base, head, e.Path)
			}
			return nil
		},
	}
}

// reportLicenseFile notes one licence file the change touches, with the
// licence read before and after, and the project licence when it moved.
func reportLicenseFile(p *Pass, base, head *Target, c Change) {
	before, after := base.License(), head.License()
	was, is := fileLicence(before, c.Path), fileLicence(after, c.Path)
	var msg string
	switch c.Kind {
	case Added:
		msg = fmt.Sprintf("licence file %s added (%s)", c.Path, is)
	case Deleted:
		msg = fmt.Sprintf("licence file %s deleted (it held %s)", c.Path, was)
	default:
		msg = fmt.Sprintf("licence file %s changed (%s before, %s now)", c.Path, was, is)
	}
	if b, a := projectExpr(before), projectExpr(after); b != a {
		msg += fmt.Sprintf("; the project licence was %s and is %s now", b, a)
	}
	msg += ": have the licence change reviewed by the maintainers (and the OSPO or legal team) before merging"
	p.Report(Finding{Path: c.Path, Key: "licence file " + string(c.Kind), Message: msg,
		Properties: map[string]any{"before": was, "after": is}})
}

// fileLicence is the expression identified in one licence file, or a word
// for its absence.
func fileLicence(r license.Result, path string) string {
	for _, f := range r.Files {
		if f.Path == path {
			if f.Expression == "" {
				return "unidentified text"
			}
			return f.Expression
		}
	}
	return "no licence file"
}

func projectExpr(r license.Result) string {
	if r.Expression == "" {
		return "none"
	}
	return r.Expression
}

// reportManifestLicence compares the licence fields of one manifest with
// the base's and notes each field whose value changed, appeared or went.
func reportManifestLicence(p *Pass, base, head *Target, path string) {
	now := manifestFields(head, path)
	was := manifestFields(base, path)
	for _, f := range now.list {
		old, ok := was.byName[f.Name]
		switch {
		case !ok && was.read:
			p.Report(Finding{Path: path, Line: f.Line, Key: "manifest " + f.Name,
				Message: fmt.Sprintf("%s: licence field %s added (%s): have the licence change reviewed before merging", path, f.Name, f.Value)})
		case ok && normaliseValue(old.Value) != normaliseValue(f.Value):
			p.Report(Finding{Path: path, Line: f.Line, Key: "manifest " + f.Name,
				Message:    fmt.Sprintf("%s: licence field %s changed from %s to %s: have the licence change reviewed before merging", path, f.Name, old.Value, f.Value),
				Properties: map[string]any{"before": old.Value, "after": f.Value}})
		}
	}
	for _, f := range was.list {
		if _, ok := now.byName[f.Name]; !ok && now.read {
			p.Report(Finding{Path: path, Key: "manifest " + f.Name,
				Message: fmt.Sprintf("%s: licence field %s removed (it said %s): have the licence change reviewed before merging", path, f.Name, f.Value)})
		}
	}
}

type fieldSet struct {
	list   []manifest.Field
	byName map[string]manifest.Field
	// read is false when the manifest is absent or unparseable on that side.
	read bool
}

func manifestFields(t *Target, path string) fieldSet {
	s := fieldSet{byName: map[string]manifest.Field{}}
	data, err := t.ReadFile(path)
	if err != nil {
		return s
	}
	m := manifest.Parse(path, data)
	if m.Err != nil {
		return s
	}
	s.read = true
	for _, f := range m.Fields {
		if _, dup := s.byName[f.Name]; !dup {
			s.byName[f.Name] = f
			s.list = append(s.list, f)
		}
	}
	return s
}

func normaliseValue(v string) string { return strings.Join(strings.Fields(v), " ") }
