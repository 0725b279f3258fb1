// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

func dependabotAlerts() *Check {
	return &Check{
		ID:         "dependabot-alerts",
		Title:      "Dependabot alerts are off",
		Summary:    "GitHub alerts the maintainers when a dependency has a known vulnerability.",
		Activities: []string{"GGI-A-22"},
		Level:      Warning,
		Needs:      NeedAPI,
		Help: `Passes when Dependabot alerts (GitHub's vulnerability alerts on the dependency graph) are enabled on the
repository.

ospolint reads this through the GitHub API (` + "`GET /repos/OWNER/REPO/vulnerability-alerts`" + `): ` + "`ospolint org`" + `, or
` + "`ospolint scan`" + ` of a GitHub repository with ` + "`GITHUB_TOKEN`" + ` (or ` + "`GH_TOKEN`" + `) set. GitHub answers this only
to tokens with admin rights on the repository and answers "not found" to others, so without admin rights (or
without a token) the check is not available rather than failed.

**Why (GGI-A-22, Manage software vulnerabilities):** the handbook asks that vulnerabilities in the software and
its dependencies be tracked and acted on. Alerts on the dependency graph are the forge's built-in tracking; a
Dependabot or Renovate configuration (the ` + "`dependency-update-tool`" + ` check) is the acting part.

**Fix:** Settings → Code security → "Dependabot alerts" → Enable (or enable it for all repositories in the
organisation's code security configuration).`,
		Run: func(p *Pass) error {
			return settingCheck(p, func(f *Forge) Setting { return f.VulnerabilityAlerts }, func(f *Forge, _ Setting) string {
				return "Dependabot alerts are disabled on " + f.Repo + ": enable them in the repository's code security settings"
			})
		},
	}
}
