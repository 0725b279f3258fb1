// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

func reviewRequired() *Check {
	return &Check{
		ID:         "review-required",
		Title:      "Default branch does not require an approving review",
		Summary:    "Changes reach the default branch only after someone other than their author approved them.",
		Activities: []string{"GGI-A-44"},
		Level:      Warning,
		Needs:      NeedAPI,
		Help: `Passes when GitHub requires at least one approving review before a pull request is merged into the default
branch, through a **ruleset** (a ` + "`pull_request`" + ` rule with ` + "`required_approving_review_count`" + ` of 1 or more, from
the repository or its organisation) or **classic branch protection** (required pull request reviews with at least one
approval).

ospolint reads this through the GitHub API: ` + "`ospolint org`" + `, or ` + "`ospolint scan`" + ` of a GitHub repository with
` + "`GITHUB_TOKEN`" + ` (or ` + "`GH_TOKEN`" + `) set. Rulesets are readable with read access; classic protection needs admin
rights, so with a read-only token a branch marked protected without a review rule is reported **not available**, not
failed. Without a token the check is not available.

**Why (GGI-A-44, Run code reviews):** the handbook asks that code review be a standard step of development, with
its rules written down. A required approving review is how the forge makes that step unavoidable; the handbook does
not name branch protection, so ospolint cites A-44's call for review as a systematic practice.

**Fix:** in the repository (or organisation) settings, add a branch ruleset targeting the default branch with
"Require a pull request before merging" and at least one required approval; or a classic branch protection rule with
"Require approvals".`,
		Run: func(p *Pass) error {
			return settingCheck(p, func(f *Forge) Setting { return f.ReviewRequired }, func(f *Forge, s Setting) string {
				return "the default branch " + f.DefaultBranch + " of " + f.Repo + " can be changed without an approving review (" + s.Detail + "): require at least one approval in a branch ruleset or branch protection"
			})
		},
	}
}
