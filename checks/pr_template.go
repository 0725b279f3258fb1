// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"path"

	"github.com/ospolint/ospolint/checks/fileset"
)

func prTemplate() *Check {
	return &Check{
		ID:         "pr-template",
		Title:      "No pull request template",
		Summary:    "A pull request template reminds contributors what a change needs before review.",
		Activities: []string{"GGI-A-25", "GGI-A-44"},
		Level:      Note,
		Needs:      NeedFiles,
		Help: `A pull request template pre-fills the description of every new pull request: what changed and why, how it was
tested, the linked issue, and a checklist (tests, docs, changelog, sign-off). ospolint accepts
` + "`pull_request_template.md`" + ` (or no extension, any case) in the root, ` + "`docs/`" + ` or ` + "`.github/`" + `,
or a ` + "`PULL_REQUEST_TEMPLATE/`" + ` directory holding a template in one of those places. Empty templates and
symbolic links leaving the repository do not count.

**Why (GGI-A-25 and GGI-A-44):** the handbook does not name pull request templates. ospolint cites GGI-A-25 (Promote
open source development best practices), whose text asks for collaborative patterns that let third-party developers
contribute, and GGI-A-44 (Run code reviews), which makes review a standard step: a template gives reviewers the same
information for every change.

**Fix:** add ` + "`.github/pull_request_template.md`" + ` with a short description section, a testing section and a
checklist. GitHub also uses a template from the organisation's public ` + "`.github`" + ` repository;
ospolint counts it (judged like the repository's own, and marked inherited) in ` + "`ospolint org`" + ` and in
` + "`ospolint scan`" + ` of a GitHub repository with a token.`,
		Run: func(p *Pass) error {
			p = orgFallback(p, func(t *Target) bool { return len(prTemplates(t)) > 0 })
			es := prTemplates(p.Target)
			if anyFilled(p, es, "pull request template") || len(es) > 0 {
				return nil
			}
			p.Reportf(".github/pull_request_template.md", 0, "no pull request template: add .github/pull_request_template.md with what reviewers need (summary, testing, checklist)")
			return nil
		},
	}
}

// prTemplates are the pull request templates GitHub would offer.
func prTemplates(t *Target) []fileset.Entry {
	es := markdownOrBare(findDoc(t.index, communityDirs(), "pull_request_template"))
	for _, dir := range communityDirs() {
		es = append(es, t.InDir(path.Join(dir, "PULL_REQUEST_TEMPLATE"))...)
	}
	return es
}
