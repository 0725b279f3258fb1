// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"strings"

	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/licpolicy"
	"github.com/ospolint/ospolint/internal/manifest"
)

func licensePolicy() *Check {
	return &Check{
		ID:         "license-policy",
		Title:      "Licence not allowed by the policy",
		Summary:    "The project licence, the licences declared in package manifests and the per-file licences (SPDX headers, REUSE) are allowed by the configured licence policy.",
		Activities: []string{"GGI-A-21", "GGI-A-19"},
		Level:      Error,
		Needs:      NeedFiles,
		// With a policy, the file heads are read in the runner's single pass
		// for their SPDX-License-Identifier lines, shared with the reuse-*
		// checks.
		Want: func(p *Pass, path string) bool {
			return policyConfigured(p.Options) && p.Target.reuseWant(p.Check, path)
		},
		Visit:     func(p *Pass, f File) { p.Target.reuseVisit(f) },
		HeadBytes: reuseHeadBytes,
		Options: []Option{
			{Name: "allow", Type: TypeStrings, Default: []string{},
				Help: "licences accepted: SPDX ids, categories or id patterns with * (empty: everything not denied)"},
			{Name: "deny", Type: TypeStrings, Default: []string{},
				Help: "licences refused, in the same forms; deny wins over allow"},
			{Name: "categories", Type: TypeStrings, Default: []string{},
				Help: "category overrides and additions written ID=category (e.g. LicenseRef-Acme=proprietary)"},
		},
		Validate: func(o Options) error {
			_, err := licpolicy.NewPolicy(o.Strings("allow"), o.Strings("deny"), o.Strings("categories"))
			if err != nil {
				return fmt.Errorf("license-policy: %w", err)
			}
			return nil
		},
		Help: `Judges the project's licences against an organisation's licence policy: every licence file (each text on
its own, as identified by ` + "`license-detected`" + `; an unidentified text is ` + "`NOASSERTION`" + `) and every licence
declared in a package manifest (the fields ` + "`license-consistent`" + ` reads) and every per-file licence: the
` + "`SPDX-License-Identifier`" + ` of each file, read from its header, its ` + "`.license`" + ` sidecar, ` + "`REUSE.toml`" + ` or
` + "`.reuse/dep5`" + ` as the REUSE checks read them (the same files; a statement in ` + "`REUSE.toml`" + ` that covers
many files is reported once, where it is written). And the licence of every locked dependency (the inventory of ` + "`lockfile`" + `, ` + "`facts.dependencies`" + ` in JSON: from
the lockfile's own fields, installed packages, vendored trees, the Go module cache, Cargo's registry cache or a committed SBOM; ` + "`NOASSERTION`" + `
when nothing on disk says), one finding per dependency and licence, at its line in the lockfile.
It runs only when the policy is configured; without ` + "`allow`" + `
or ` + "`deny`" + ` it is not applicable.

Entries of ` + "`allow`" + ` and ` + "`deny`" + ` are SPDX ids (case-insensitive; ` + "`GPL-3.0`" + ` without a suffix
covers ` + "`-only`" + ` and ` + "`-or-later`" + `), patterns with ` + "`*`" + ` (` + "`CC-BY-NC-*`" + `), the words
` + "`NOASSERTION`" + `, ` + "`NONE`" + `, ` + "`UNLICENSED`" + `, or categories:

| category | examples |
|---|---|
| ` + "`public-domain`" + ` | CC0-1.0, Unlicense, 0BSD, MIT-0 |
| ` + "`permissive`" + ` | MIT, Apache-2.0, BSD-3-Clause, ISC, Zlib, BSL-1.0, CC-BY-4.0 |
| ` + "`weak-copyleft`" + ` | LGPL-2.1, MPL-2.0, EPL-2.0, CDDL-1.0, CC-BY-SA-4.0, GPL with a linking exception |
| ` + "`strong-copyleft`" + ` | GPL-2.0, GPL-3.0, CECILL-2.1, Sleepycat |
| ` + "`network-copyleft`" + ` | AGPL-3.0, OSL-3.0, EUPL-1.2 (its terms cover providing the software online) |
| ` + "`non-commercial`" + ` | CC-BY-NC-*, PolyForm-Noncommercial-1.0.0 |
| ` + "`source-available`" + ` | BUSL-1.1, SSPL-1.0, Elastic-2.0, CC-BY-ND-* |
| ` + "`proprietary`" + ` | LicenseRef-*, npm's UNLICENSED, Composer's proprietary, NONE |
| ` + "`unknown`" + ` | NOASSERTION and ids the built-in table (about 250 common ids and their -only/-or-later variants) does not sort |

` + "`categories`" + ` adds or overrides entries: ` + "`LicenseRef-Acme-Open=permissive`" + `.

**Rules:** deny wins over allow; with an empty ` + "`allow`" + ` everything not denied is accepted. An expression is
accepted when one of its OR alternatives has every licence (AND) accepted: ` + "`MIT OR GPL-3.0-only`" + ` passes
an allow list of ` + "`permissive`" + `, ` + "`MIT AND GPL-3.0-only`" + ` does not. A free-text manifest name that
may mean several licences ("BSD License") passes when one of them does. Licence files are judged one by one, as a
dual licence made of two files cannot be told from a bundle; when a root manifest declares the shipped licences as a
choice (` + "`\"license\": \"MIT OR GPL-3.0-only\"`" + `, agreeing with the files as ` + "`license-consistent`" + ` checks)
and the policy accepts that choice, the files are not judged one by one.

**Why (GGI-A-21 Manage legal compliance, GGI-A-19 Open source supervision):** an organisation's licence policy
only helps when it is checked where licences change, as code, in every repository.

**Fix:** relicense (or drop) the code under the refused licence, or, when the policy is wrong for this repository,
change the configuration or add a waiver with a reason.

` + "```yaml" + `
checks:
  license-policy:
    level: error
    options:
      allow: [public-domain, permissive, weak-copyleft]
      deny: [network-copyleft, non-commercial, "CC-BY-ND-*"]
      categories: ["LicenseRef-Acme-Open=permissive"]
` + "```",
		Run: runLicensePolicy,
	}
}

func runLicensePolicy(p *Pass) error {
	pol, err := licpolicy.NewPolicy(p.Options.Strings("allow"), p.Options.Strings("deny"), p.Options.Strings("categories"))
	if err != nil {
		return fmt.Errorf("license-policy: %w", err)
	}
	if pol.Empty() {
		p.NotApplicable("no licence policy configured")
		return nil
	}
	judged := 0
	lic := p.Target.License()
	manifests := readManifests(p)
	files := lic.Files
	if declaredChoiceAccepted(pol, manifests, lic) {
		// The root manifest states which of the shipped licences apply.
		files = nil
	}
	for _, f := range files {
		expr := f.Expression
		if expr == "" || f.Error != "" {
			expr = license.NoAssertion
		}
		e, err := licpolicy.ParseAny(expr)
		if err != nil {
			continue
		}
		judged++
		if vs := pol.Evaluate(e); vs != nil {
			p.Report(Finding{Path: f.Path, Line: 1, Key: "file:" + e.String(),
				Message: fmt.Sprintf("licence file %s holds %s, which the licence policy refuses: %s; relicense, remove the text or change the policy",
					f.Path, e.String(), violations(vs)),
				Properties: map[string]any{"license": e.String(), "violations": violationList(vs)}})
		}
	}
	for _, m := range manifests {
		for _, f := range m.Fields {
			if len(f.Candidates) == 0 {
				continue
			}
			judged++
			var first []licpolicy.Violation
			ok := false
			for _, c := range f.Candidates {
				e, err := licpolicy.ParseAny(c)
				if err != nil {
					continue
				}
				vs := pol.Evaluate(e)
				if vs == nil {
					ok = true
					break
				}
				if first == nil {
					first = vs
				}
			}
			if ok || first == nil {
				continue
			}
			p.Report(Finding{Path: m.Path, Line: f.Line, Key: "manifest:" + f.Name,
				Message: fmt.Sprintf("%s declares licence %s, which the licence policy refuses: %s; relicense or change the policy",
					declarer(m, f), declaredText(f), violations(first)),
				Properties: map[string]any{"license": f.Value, "violations": violationList(first)}})
		}
	}
	judged += judgeFileLicences(p, pol)
	judged += judgeDependencyLicences(p, pol)
	if judged == 0 {
		p.NotApplicable("no licence file or declared licence to judge")
	}
	return nil
}

func policyConfigured(o Options) bool { return len(o.Strings("allow"))+len(o.Strings("deny")) > 0 }

// judgeFileLicences applies the policy to the licence of every file that
// states one (REUSE: header, sidecar, REUSE.toml, dep5) and returns how many
// statements it judged. A refused licence is reported once per file that
// writes it, at its first line: the file itself for a header, or the
// REUSE.toml, dep5 or sidecar holding the statement, with the number of files
// it covers. Invalid expressions are left to reuse-invalid-expression.
func judgeFileLicences(p *Pass, pol *licpolicy.Policy) int {
	r := p.Target.Reuse()
	verdicts := map[string][]licpolicy.Violation{}
	parsed := map[string]string{}
	type where struct{ path, canon string }
	type seen struct {
		line  int
		files map[string]bool
	}
	refused := map[where]*seen{}
	var order []where
	judged := 0
	for _, f := range r.Files {
		for _, st := range f.Licenses {
			canon, ok := parsed[st.Value]
			if !ok {
				if e, err := licpolicy.ParseAny(st.Value); err == nil {
					canon = e.String()
					verdicts[canon] = pol.Evaluate(e)
				}
				parsed[st.Value] = canon
			}
			if canon == "" {
				continue
			}
			judged++
			if verdicts[canon] == nil {
				continue
			}
			w := where{st.Path, canon}
			s := refused[w]
			if s == nil {
				s = &seen{line: st.Line, files: map[string]bool{}}
				refused[w] = s
				order = append(order, w)
			}
			if st.Line > 0 && (s.line == 0 || st.Line < s.line) {
				s.line = st.Line
			}
			s.files[f.Path] = true
		}
	}
	for _, w := range order {
		s := refused[w]
		vs := verdicts[w.canon]
		props := map[string]any{"license": w.canon, "violations": violationList(vs)}
		if s.files[w.path] && len(s.files) == 1 {
			p.Report(Finding{Path: w.path, Line: s.line, Key: "header:" + w.canon, Properties: props,
				Message: fmt.Sprintf("%s is licensed %s (its SPDX-License-Identifier), which the licence policy refuses: %s; relicense or remove the file, or change the policy",
					w.path, w.canon, violations(vs))})
			continue
		}
		what := "1 file"
		if n := len(s.files); n > 1 {
			what = fmt.Sprintf("%d files", n)
		}
		props["files"] = len(s.files)
		p.Report(Finding{Path: w.path, Line: s.line, Key: "statement:" + w.canon, Properties: props,
			Message: fmt.Sprintf("%s licenses %s as %s, which the licence policy refuses: %s; relicense or remove them, or change the policy",
				w.path, what, w.canon, violations(vs))})
	}
	return judged
}

// declaredChoiceAccepted reports whether a root manifest declares the
// licence files' licences as a choice (OR) that the policy accepts: two
// licence files cannot say "either", a manifest can.
func declaredChoiceAccepted(pol *licpolicy.Policy, ms []manifest.Manifest, lic license.Result) bool {
	detected := projectLicence(lic)
	if detected == nil {
		return false
	}
	for _, m := range ms {
		if m.Dir() != "" || m.Err != nil {
			continue
		}
		for _, f := range m.Fields {
			for _, c := range f.Candidates {
				e, err := licpolicy.ParseAny(c)
				if err != nil || !e.HasOr() || !licpolicy.Agree(e.WithoutVariants(), detected.expr) {
					continue
				}
				if pol.Evaluate(e) == nil {
					return true
				}
			}
		}
	}
	return false
}

func violations(vs []licpolicy.Violation) string {
	return strings.Join(violationList(vs), "; ")
}

func violationList(vs []licpolicy.Violation) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// judgeDependencyLicences applies the policy to the licence of every locked
// dependency: one finding per package and licence, at the lockfile line
// that locks it. It returns how many it judged.
func judgeDependencyLicences(p *Pass, pol *licpolicy.Policy) int {
	judged := 0
	seen := map[string]bool{}
	for _, d := range p.Target.Dependencies().Dependencies {
		key := d.Key() + "\x00" + d.License
		if seen[key] {
			continue
		}
		seen[key] = true
		e, err := licpolicy.ParseAny(d.License)
		if err != nil {
			continue
		}
		judged++
		vs := pol.Evaluate(e)
		if vs == nil {
			continue
		}
		from := ""
		if d.LicenseSource != "" {
			from = " (from " + d.LicenseSource + ")"
		}
		p.Report(Finding{Path: d.Path, Line: d.Line, Key: "dependency:" + string(d.Ecosystem) + ":" + d.Name + "@" + d.Version + ":" + e.String(),
			Message: fmt.Sprintf("dependency %s %s is licensed %s%s, which the licence policy refuses: %s; replace it, or waive it with a reason",
				d.Name, d.Version, e.String(), from, violations(vs)),
			Properties: map[string]any{"license": e.String(), "violations": violationList(vs), "dependency": d.PURL, "direct": d.Direct}})
	}
	return judged
}
