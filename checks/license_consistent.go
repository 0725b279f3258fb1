// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"path"
	"strings"

	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/licpolicy"
	"github.com/ospolint/ospolint/internal/manifest"
)

func licenseConsistent() *Check {
	return &Check{
		ID:         "license-consistent",
		Title:      "Manifest licence disagrees with the licence file",
		Summary:    "Licence fields of package manifests are valid SPDX and name the licence the licence files hold.",
		Activities: []string{"GGI-A-21"},
		Level:      Warning,
		Needs:      NeedFiles,
		Help: `Package registries, SBOM generators and licence scanners read the licence from the package manifest, not
from the licence file. ospolint reads the licence fields of ` + "`package.json`" + ` (` + "`license`" + `, the legacy
` + "`licenses`" + ` list), ` + "`Cargo.toml`" + ` (` + "`license`, `license-file`" + `, also ` + "`[workspace.package]`" + `),
` + "`pyproject.toml`" + ` (PEP 639 ` + "`license`" + ` expression, PEP 621 ` + "`license = {text|file}`" + `, licence
classifiers, Poetry's ` + "`tool.poetry.license`" + `), ` + "`setup.cfg`" + ` (` + "`[metadata] license`" + `), ` + "`pom.xml`" + `
(` + "`licenses/license/name`" + `, or its ` + "`url`" + `), ` + "`composer.json`" + `, ` + "`*.gemspec`" + ` (read as text, never run),
` + "`*.nuspec`" + ` (` + "`<license type=\"expression\">`" + `), R ` + "`DESCRIPTION`" + ` (` + "`License: GPL (>= 2)`" + `,
` + "`MIT + file LICENSE`" + `) and Helm ` + "`Chart.yaml`" + ` (annotations ` + "`licenses`" + ` and
` + "`artifacthub.io/license`" + `), at the root and in package directories at any depth. Dependency and fixture
directories (` + "`node_modules`, `vendor`, `third_party`, `testdata`" + `, ...) and excluded paths are skipped.

It reports:

* a manifest that cannot be parsed, at the line of the syntax error;
* a field the format defines as an SPDX expression that is not one (` + "`\"MIT License\"`, `\"Apache 2.0\"`" + `,
  Cargo's old ` + "`MIT/Apache-2.0`" + `, lower-case ` + "`or`" + `), with the correct expression when it is known;
* a ` + "`license-file`" + ` or ` + "`SEE LICENSE IN`" + ` that points to a missing file;
* a declared licence that differs from the one identified in the licence files (see ` + "`license-detected`" + `), at the
  line of the field, naming both: "package.json declares licence GPL-3.0-only but LICENSE is MIT".

**How licences are compared.** Case, order and grouping do not matter, and free-text names (trove classifiers,
Maven names, "Apache License, Version 2.0") are mapped to SPDX ids; an ambiguous name such as "BSD License" agrees
with any licence it may mean. A licence text cannot say "only" or "or later" (the notices do), so ` + "`GPL-3.0-only`" + ` and
` + "`GPL-3.0-or-later`" + ` both agree with a GPL-3.0 text, whichever variant the detector reports. The licence files are joined with AND (one text per
file), which cannot tell a dual licence from a bundle: a declared expression agrees when it names exactly the same
licences, whatever its operators, so ` + "`MIT OR Apache-2.0`" + ` agrees with ` + "`LICENSE-MIT`" + ` plus
` + "`LICENSE-APACHE`" + `, while ` + "`MIT`" + ` alone does not (the Apache text would be unexplained). A declared expression that
says what the project's licence says agrees too: when a file states how the texts combine (ripgrep's ` + "`COPYING`" + `,
"dual-licensed under the Unlicense and MIT licenses", beside ` + "`LICENSE-MIT`" + ` and ` + "`UNLICENSE`" + `), the README
offers a choice, or a third-party notice (` + "`LICENSE-THIRD-PARTY`" + `) is not the project's, that licence is the one
` + "`license-detected`" + ` reports. When the root
holds a licence file, only root files count; with the REUSE layout alone (` + "`LICENSES/`" + ` holds every licence used
by any file), the declared licences need only be among those texts. A manifest in a directory with its own licence
file is a separate package and is checked for syntax only.

**Why (GGI-A-21, Manage legal compliance):** two different licences in one package leave users unsure which applies
and make SBOMs and registries publish the wrong one.

**Fix:** write the licence of the licence file as an SPDX expression (https://spdx.org/licenses/) in the manifest,
e.g. ` + "`\"license\": \"MIT\"`" + ` or ` + "`license = \"MIT OR Apache-2.0\"`" + `, or correct the licence file if the
manifest is right. The check is not applicable when no manifest declares a licence or no licence file is
identified.`,
		Run: runLicenseConsistent,
	}
}

// readManifests parses every manifest of the target; read failures become
// manifests with an error.
func readManifests(p *Pass) []manifest.Manifest {
	var out []manifest.Manifest
	for _, e := range manifest.Find(p.Target.index) {
		if e.Escapes {
			continue
		}
		data, err := p.Target.ReadFile(e.Path)
		if err != nil {
			kind, _ := manifest.Detect(e.Path)
			out = append(out, manifest.Manifest{Path: e.Path, Kind: kind, Err: fmt.Errorf("cannot be read: %w", err)})
			continue
		}
		out = append(out, manifest.Parse(e.Path, data))
	}
	return out
}

// detectedLicence is what the licence files say, for comparison.
type detectedLicence struct {
	// expr is compared without "only"/"or later" variants; shown is what
	// the detector reported.
	expr  *licpolicy.Expr
	shown string
	// where names the files ("LICENSE is", "the licence files (A, B) give").
	where string
	// reuseOnly is set when only LICENSES/ texts exist: the declared
	// licences need only be among them.
	reuseOnly bool
	// project is the project's licence as decided from the files, when it
	// differs from their conjunction (nil otherwise); a field agreeing
	// with either agrees.
	project *licpolicy.Expr
}

// projectLicence reads the detected licence files; nil when nothing
// identified can be compared.
func projectLicence(res license.Result) *detectedLicence {
	var root, reuse []license.File
	for _, f := range res.Files {
		if f.Error != "" {
			continue
		}
		if strings.Contains(f.Path, "/") {
			reuse = append(reuse, f)
		} else {
			root = append(root, f)
		}
	}
	files := root
	if len(files) == 0 {
		files = reuse
	}
	if len(files) == 0 {
		return nil
	}
	var parts, names []string
	for _, f := range files {
		if f.Expression == "" || f.Expression == license.NoAssertion {
			return nil
		}
		parts = append(parts, "("+f.Expression+")")
		names = append(names, f.Path)
	}
	e, err := licpolicy.ParseAny(strings.Join(parts, " AND "))
	if err != nil {
		return nil
	}
	d := &detectedLicence{expr: e.WithoutVariants(), shown: e.String(), reuseOnly: len(root) == 0}
	// The project's expression, when the files decide it otherwise than
	// by joining them: a statement saying how they combine (COPYING
	// "dual-licensed under the Unlicense and MIT licenses" beside their
	// texts), a README offering the choice, third-party notices left out.
	if res.Source == license.SourceFile && res.Expression != license.NoAssertion {
		if pe, err := licpolicy.ParseAny(res.Expression); err == nil && !licpolicy.Agree(pe, e) {
			d.project, d.shown = pe.WithoutVariants(), pe.String()
		}
	}
	if len(names) == 1 {
		d.where = names[0] + " is"
	} else {
		d.where = "the licence files (" + strings.Join(names, ", ") + ") give"
	}
	return d
}

// agrees reports whether any reading of a declared field matches.
func (d *detectedLicence) agrees(candidates []string) bool {
	for _, c := range candidates {
		e, err := licpolicy.ParseAny(c)
		if err != nil {
			continue
		}
		if licpolicy.Agree(e, d.expr) || d.project != nil && licpolicy.Agree(e, d.project) {
			return true
		}
		if d.reuseOnly && licpolicy.Covers(e.Terms(), d.expr.Terms()) {
			return true
		}
	}
	return false
}

func runLicenseConsistent(p *Pass) error {
	ms := readManifests(p)
	if len(ms) == 0 {
		p.NotApplicable("no package manifest")
		return nil
	}
	detected := projectLicence(p.Target.License())
	fields, compared := 0, 0
	for _, m := range ms {
		if m.Err != nil {
			p.Report(Finding{Path: m.Path, Line: m.ErrLine, Key: "unparseable",
				Message: fmt.Sprintf("%s cannot be parsed, so its licence cannot be read: %v; fix the file", m.Path, m.Err)})
			continue
		}
		own := ownLicenceFile(p, m.Dir())
		for _, f := range m.Fields {
			fields++
			who := declarer(m, f)
			if f.Problem != "" {
				p.Report(Finding{Path: m.Path, Line: f.Line, Key: "invalid-spdx:" + f.Name,
					Message: fmt.Sprintf("%s: %s", who, f.Problem)})
			}
			if f.File != "" && !strings.Contains(f.File, "://") {
				target := path.Join(m.Dir(), f.File)
				if _, ok := p.Target.Lookup(target); !ok && !p.Target.IsDir(target) {
					p.Report(Finding{Path: m.Path, Line: f.Line, Key: "missing-file:" + f.Name,
						Message: fmt.Sprintf("%s points to the licence file %s, which does not exist; add it or correct the path", who, target)})
				}
			}
			if detected == nil || len(f.Candidates) == 0 || own {
				continue
			}
			compared++
			if detected.agrees(f.Candidates) {
				continue
			}
			p.Report(Finding{Path: m.Path, Line: f.Line, Key: "mismatch:" + f.Name,
				Message: fmt.Sprintf("%s declares licence %s but %s %s: make the manifest and the licence file agree",
					who, declaredText(f), detected.where, detected.shown),
				Properties: map[string]any{"declared": f.Value, "detected": detected.shown}})
		}
	}
	if len(p.Findings()) > 0 {
		return nil
	}
	switch {
	case fields == 0:
		p.NotApplicable("no package manifest declares a licence")
	case detected == nil:
		p.NotApplicable("no identified licence file to compare the manifests with")
	case compared == 0:
		p.NotApplicable("no manifest licence that can be compared with the licence files")
	}
	return nil
}

// declarer names the manifest and, when it is not the obvious one, the
// field.
func declarer(m manifest.Manifest, f manifest.Field) string {
	switch f.Name {
	case "license", "License", "package.license", "project.license", "metadata.license":
		return m.Path
	}
	return m.Path + " (" + f.Name + ")"
}

// declaredText is how a field's licence is quoted in a message.
func declaredText(f manifest.Field) string {
	if len(f.Candidates) == 1 {
		switch c := f.Candidates[0]; c {
		case "UNLICENSED", "proprietary":
			return c + " (no open source licence)"
		default:
			return c
		}
	}
	return fmt.Sprintf("%q", f.Value)
}

// ownLicenceFile reports whether a package directory below the root (or one
// of its parents below the root) holds a licence file of its own, making it
// a package with its own licence.
func ownLicenceFile(p *Pass, dir string) bool {
	for d := dir; d != "" && d != "."; d = path.Dir(d) {
		for _, e := range p.Target.InDir(d) {
			if licenceFileName(e.Name()) {
				return true
			}
		}
	}
	return false
}

// licenceFileName reports whether a file name is a licence text's:
// LICENSE, LICENCE, COPYING, UNLICENSE, with an extension or a suffix
// (LICENSE-MIT, COPYING.LESSER).
func licenceFileName(name string) bool {
	n := strings.ToLower(name)
	for _, base := range []string{"license", "licence", "copying", "unlicense"} {
		if n == base || strings.HasPrefix(n, base) && strings.ContainsRune(".-_", rune(n[len(base)])) {
			return true
		}
	}
	return false
}
