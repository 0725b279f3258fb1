// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/checks/fileset"

func contributing() *Check {
	return &Check{
		ID:         "contributing",
		Title:      "No contributing guide",
		Summary:    "A CONTRIBUTING guide tells people how to propose changes and how they are reviewed.",
		Activities: []string{"GGI-A-25", "GGI-A-21"},
		Level:      Error,
		Needs:      NeedFiles,
		Options: []Option{
			{Name: "min-words", Type: TypeInt, Default: int64(20), Help: "fewest words of text the guide must have"},
		},
		Help: `A contributing guide tells newcomers how to propose a change, how it is reviewed and under which terms
contributions are accepted (DCO sign-off or CLA). ospolint accepts ` + "`CONTRIBUTING`, `CONTRIBUTE` and `HACKING`" + `
(any case, ` + "`-`/`_`" + ` as you like, with no extension or .md, .rst, .txt, .adoc) at the root, in
` + "`.github/`, `docs/`, `doc/` or `Documentation/`" + `, or one folder below those (u-boot's ` + "`doc/CONTRIBUTE.rst`" + `, a
` + "`docs/contributing/README.md`" + `). The guide must have at least ` + "`min-words`" + ` words; text in scripts
without spaces (Chinese, Japanese, Thai) is counted as the readme check explains.

**Why (GGI-A-25, Promote open source development best practices):** the handbook asks every project to document how
to contribute. It is also evidence for GGI-A-21 (Manage legal compliance): the guide is where the inbound licence of
contributions is stated.

**Fix:** add ` + "`CONTRIBUTING.md`" + ` at the root with how to build and test, how to submit a pull request, how reviews
work and the contribution terms. GitHub links to the guide only from the root, ` + "`.github/`" + ` or ` + "`docs/`" + `, and
also shows one from the organisation's public ` + "`.github`" + ` repository;
ospolint counts it (judged like the repository's own, and marked inherited) in ` + "`ospolint org`" + ` and in
` + "`ospolint scan`" + ` of a GitHub repository with a token.`,
		Run: func(p *Pass) error {
			cands, p := communityDocs(p, docSearch{names: []string{"contributing", "contribute", "hacking"}})
			minWords := p.Options.Int("min-words")
			found := judgeDocs(p, cands, "contributing guide", false, func(p *Pass, e fileset.Entry, data []byte) {
				if n := countWords(data); int64(n) < minWords {
					p.Reportf(e.Path, 1, "contributing guide is almost empty (%d words; at least %d expected)", n, minWords)
				}
			})
			if !found {
				p.Report(Finding{Path: expectedPath("CONTRIBUTING.md"), Key: "missing", Message: "no contributing guide: add CONTRIBUTING.md " + docPlaces})
			}
			return nil
		},
	}
}
