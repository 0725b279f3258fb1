// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

// reuseKind describes one reuse-* check: which of the REUSE problems it
// reports.
type reuseKind struct {
	id, title, summary, help string
	issues                   func(r *reuse.Result) []reuse.Issue
	// report, when set, turns the issues into findings instead of one
	// finding per issue.
	report func(p *Pass, issues []reuse.Issue)
}

// reuseHelpFooter ends every reuse-* help: the GGI link and how the checks
// relate to `reuse lint`.
const reuseHelpFooter = `

**Why (GGI-A-21, Manage legal compliance; GGI-A-25, Promote open source development best practices):** REUSE
(https://reuse.software) makes the copyright and licence of every file machine-readable, which is the evidence
GGI-A-21 asks for and one of the best practices GGI-A-25 promotes.

The ` + "`reuse`" + ` rule set (` + "`ospolint scan --rules reuse`" + `) enables every reuse-* check; together they find what
` + "`reuse lint`" + ` finds, in the same single pass over the files as the other checks. Files are Covered Files as in
the REUSE Specification 3.3: LICENSES/, .reuse/, REUSE.toml, COPYING and LICENSE* files, .license sidecars,
symlinks, empty files, SPDX documents, submodules and files ignored by git or excluded in the configuration are not.
docs/reuse.md lists where ospolint and ` + "`reuse lint`" + ` differ.`

// reuseCheck builds a reuse-* check. Every one of them visits the same
// files, so whichever subset a rule set enables, the heads are read once in
// the runner's file pass and parsed once (Target.Reuse).
func reuseCheck(k reuseKind) *Check {
	return &Check{
		ID:         k.id,
		Title:      k.title,
		Summary:    k.summary,
		Activities: []string{"GGI-A-21", "GGI-A-25"},
		Level:      Error,
		Needs:      NeedFiles,
		Help:       k.help + reuseHelpFooter,
		Want:       func(p *Pass, path string) bool { return p.Target.reuseWant(p.Check, path) },
		Visit:      func(p *Pass, f File) { p.Target.reuseVisit(f) },
		HeadBytes:  reuseHeadBytes,
		reuseText:  true,
		Run: func(p *Pass) error {
			r := p.Target.Reuse()
			if r.Facts.CoveredFiles == 0 && len(r.LicenseFiles) == 0 && len(r.ConfigErrors) == 0 {
				p.NotApplicable("the repository has no files that need licensing information")
				return nil
			}
			if k.report != nil {
				k.report(p, k.issues(r))
				return nil
			}
			issues := k.issues(r)
			p.grow(len(issues))
			for _, is := range issues {
				f := Finding{Path: is.Path, Line: is.Line, Message: is.Message, Key: is.Key}
				if is.Source != nil {
					f.Properties = map[string]any{"source": is.Source.Path, "sourceLine": is.Source.Line}
				}
				p.Report(f)
			}
			return nil
		},
	}
}
