// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"
)

func TestDependencyUpdateTool(t *testing.T) {
	wf := file("on: push\njobs:\n  t:\n    steps:\n      - run: make\n")
	runCheckCases(t, dependencyUpdateTool, []checkCase{
		{"dependabot covers", fstest.MapFS{"go.mod": file("module m\n"), ".github/workflows/ci.yml": wf,
			".github/dependabot.yml": file("version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n  - package-ecosystem: github-actions\n    directory: /\n")}, "", false, "Dependabot (.github/dependabot.yml)"},
		{"dependabot misses npm", fstest.MapFS{"go.mod": file("module m\n"), "web/package.json": file("{}"),
			".github/dependabot.yml": file("version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n")}, "does not cover npm (web/package.json)", false, ""},
		{"renovate", fstest.MapFS{"Cargo.toml": file("[package]\n"), "renovate.json": file(`{"extends": ["config:recommended"]}`)}, "", false, "Renovate (renovate.json)"},
		{"renovate narrowed", fstest.MapFS{"Cargo.toml": file("[package]\n"), "renovate.json": file(`{"enabledManagers": ["npm"]}`)}, "enables only npm, not cargo", false, ""},
		{"none", fstest.MapFS{"Gemfile": file("source 'x'\n")}, "no Dependabot or Renovate configuration, and the repository uses bundler", false, ""},
		{"nothing to update", fstest.MapFS{"README.md": file("x")}, "", true, ""},
		// u-boot: GitLab CI, and a .github folder with a pull request
		// template only.
		{"GitLab only", fstest.MapFS{"tools/requirements.txt": file("pytest==8.4.2\n"), ".gitlab-ci.yml": file("build:\n  script:\n    - make\n"),
			".github/pull_request_template.md": file("Send patches to the mailing list.\n")}, "its CI is GitLab's, where Dependabot does not run: add renovate.json", false, ""},
	})
}

func TestVulnerabilityScanning(t *testing.T) {
	step := func(s string) *fstest.MapFile {
		return file("on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - " + s + "\n")
	}
	runCheckCases(t, vulnerabilityScanning, []checkCase{
		{"govulncheck", fstest.MapFS{"go.mod": file("module m\n"), ".github/workflows/v.yml": step("run: go run golang.org/x/vuln/cmd/govulncheck@latest ./...")}, "", false, "govulncheck in .github/workflows/v.yml"},
		{"osv action", fstest.MapFS{"package.json": file("{}"), ".github/workflows/v.yml": step("uses: google/osv-scanner-action/osv-scanner-action@v2")}, "", false, "osv-scanner in .github/workflows/v.yml"},
		{"npm audit in GitLab", fstest.MapFS{"package.json": file("{}"), ".gitlab-ci.yml": file("audit:\n  script:\n    - npm audit --audit-level=high\n")}, "", false, "npm audit in .gitlab-ci.yml"},
		{"echo is not a scan", fstest.MapFS{"package.json": file("{}"), ".github/workflows/v.yml": step("run: echo osv-scanner")}, "no CI job scans the dependencies", false, ""},
		{"no CI", fstest.MapFS{"Cargo.toml": file("[package]\n")}, "no CI job scans", false, ""},
		{"no dependencies", fstest.MapFS{"README.md": file("x")}, "", true, ""},
	})
}
