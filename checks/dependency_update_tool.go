// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ospolint/ospolint/internal/deps"
)

func dependencyUpdateTool() *Check {
	return &Check{
		ID:         "dependency-update-tool",
		Title:      "No dependency update tool for the ecosystems present",
		Summary:    "Dependabot or Renovate is configured and covers every package ecosystem of the repository.",
		Activities: []string{"GGI-A-22", "GGI-A-23"},
		Level:      Note,
		Needs:      NeedFiles,
		Help: `Looks for Dependabot (` + "`.github/dependabot.yml`" + `) or Renovate (` + "`renovate.json`" + `, ` + "`renovate.json5`" + `,
` + "`.renovaterc`" + `, ` + "`.renovaterc.json`" + `, ` + "`.github/renovate.json`" + `, ` + "`.gitlab/renovate.json`" + `, or a ` + "`renovate`" + ` key in
package.json) and compares what it covers with the ecosystems the repository uses: Go modules, npm (with yarn
and pnpm), Cargo, Python (pip, Poetry, uv, Pipenv), Bundler, Composer, Maven and GitHub Actions. Renovate covers
every ecosystem unless ` + "`enabledManagers`" + ` narrows it; Dependabot covers the ` + "`package-ecosystem`" + ` entries of its
` + "`updates`" + `. The check's ` + "`note`" + ` in JSON names the configuration read. Not applicable when the repository has
no dependency manifest and no workflow.

**Why (GGI-A-22 Manage software vulnerabilities; GGI-A-23):** fixes for vulnerable dependencies only help once they
are applied; an update tool proposes them as pull requests the day they are released.

**Fix:** on GitLab (a ` + "`.gitlab-ci.yml`" + ` and no GitHub workflow, where the finding points at ` + "`renovate.json`" + `),
configure Renovate, which runs there; on GitHub, add ` + "`.github/dependabot.yml`" + `:

` + "```yaml" + `
version: 2
updates:
  - package-ecosystem: gomod
    directory: /
    schedule: {interval: weekly}
  - package-ecosystem: github-actions
    directory: /
    schedule: {interval: weekly}
` + "```",
		Run: runDependencyUpdateTool,
	}
}

// ecosystems maps manifest and lockfile names to Dependabot's
// package-ecosystem names.
func updateEcosystem(name string) string {
	switch name {
	case "go.mod":
		return "gomod"
	case "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml":
		return "npm"
	case "Cargo.toml", "Cargo.lock":
		return "cargo"
	case "pyproject.toml", "poetry.lock", "uv.lock", "Pipfile", "Pipfile.lock", "requirements.txt", "setup.py":
		return "pip"
	case "Gemfile", "Gemfile.lock":
		return "bundler"
	case "composer.json", "composer.lock":
		return "composer"
	case "pom.xml":
		return "maven"
	}
	return ""
}

// presentEcosystems lists the ecosystems of the repository, each with the
// first file that shows it.
func presentEcosystems(t *Target) map[string]string {
	out := map[string]string{}
	for _, e := range t.Files() {
		eco := updateEcosystem(path.Base(e.Path))
		if eco == "" && strings.HasPrefix(e.Path, ".github/workflows/") {
			eco = "github-actions"
		}
		if eco != "" && out[eco] == "" && !deps.IsDependencyPath(e.Path) {
			out[eco] = e.Path
		}
	}
	return out
}

func runDependencyUpdateTool(p *Pass) error {
	present := presentEcosystems(p.Target)
	if len(present) == 0 {
		p.NotApplicable("no dependency manifest or workflow")
		return nil
	}
	for _, name := range []string{"renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".renovaterc.json5",
		".github/renovate.json", ".github/renovate.json5", ".gitlab/renovate.json", ".gitlab/renovate.json5"} {
		if _, ok := p.Target.Lookup(name); ok {
			p.Note("Renovate (" + name + ")")
			return renovateCovers(p, name, present)
		}
	}
	if data, err := p.Target.ReadFile("package.json"); err == nil {
		var m map[string]json.RawMessage
		if json.Unmarshal(data, &m) == nil && m["renovate"] != nil {
			p.Note(`Renovate (the "renovate" key of package.json)`)
			return nil
		}
	}
	for _, name := range []string{".github/dependabot.yml", ".github/dependabot.yaml"} {
		if _, ok := p.Target.Lookup(name); ok {
			p.Note("Dependabot (" + name + ")")
			return dependabotCovers(p, name, present)
		}
	}
	if gitlabOnly(p.Target) {
		// Dependabot runs on GitHub only; Renovate runs on GitLab too.
		p.Report(Finding{Path: "renovate.json", Key: "none",
			Message: fmt.Sprintf("no Dependabot or Renovate configuration, and the repository uses %s: its CI is GitLab's, where Dependabot does not run: add renovate.json for Renovate", ecoList(present))})
		return nil
	}
	p.Report(Finding{Path: ".github/dependabot.yml", Key: "none",
		Message: fmt.Sprintf("no Dependabot or Renovate configuration, and the repository uses %s: add .github/dependabot.yml (or renovate.json)", ecoList(present))})
	return nil
}

// gitlabOnly reports whether the repository builds on GitLab and not on
// GitHub: a .gitlab-ci.yml and no GitHub workflow (u-boot, whose .github
// holds only a note that pull requests go to the mailing list).
func gitlabOnly(t *Target) bool {
	_, yml := t.Lookup(".gitlab-ci.yml")
	_, yaml := t.Lookup(".gitlab-ci.yaml")
	return (yml || yaml) && len(t.Under(".github/workflows")) == 0
}

func ecoList(m map[string]string) string {
	var l []string
	for k := range m {
		l = append(l, k)
	}
	sort.Strings(l)
	return strings.Join(l, ", ")
}

func dependabotCovers(p *Pass, name string, present map[string]string) error {
	data, err := p.Target.ReadFile(name)
	if err != nil {
		return fmt.Errorf("dependency-update-tool: %w", err)
	}
	var cfg struct {
		Updates []struct {
			Ecosystem string `yaml:"package-ecosystem"`
		} `yaml:"updates"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		p.Report(Finding{Path: name, Line: 1, Key: "invalid", Message: fmt.Sprintf("%s is not valid YAML, so Dependabot ignores it: %v", name, err)})
		return nil
	}
	covered := map[string]bool{}
	for _, u := range cfg.Updates {
		e := u.Ecosystem
		if e == "uv" || e == "pipenv" || e == "poetry" {
			e = "pip"
		}
		covered[e] = true
	}
	missing := map[string]string{}
	for eco, where := range present {
		if !covered[eco] {
			missing[eco] = where
		}
	}
	if len(missing) > 0 {
		var l []string
		for eco, where := range missing {
			l = append(l, fmt.Sprintf("%s (%s)", eco, where))
		}
		sort.Strings(l)
		p.Report(Finding{Path: name, Line: 1, Key: "missing:" + ecoList(missing),
			Message: fmt.Sprintf("%s does not cover %s: add a package-ecosystem entry for each", name, strings.Join(l, ", "))})
	}
	return nil
}

func renovateCovers(p *Pass, name string, present map[string]string) error {
	data, err := p.Target.ReadFile(name)
	if err != nil {
		return fmt.Errorf("dependency-update-tool: %w", err)
	}
	var cfg struct {
		EnabledManagers []string `json:"enabledManagers"`
	}
	if json.Unmarshal(data, &cfg) != nil || len(cfg.EnabledManagers) == 0 {
		// JSON5 or no restriction: every manager Renovate knows is on.
		return nil
	}
	managers := map[string]string{"gomod": "gomod", "npm": "npm", "cargo": "cargo", "pip": "pip_requirements",
		"bundler": "bundler", "composer": "composer", "maven": "maven", "github-actions": "github-actions"}
	on := map[string]bool{}
	for _, m := range cfg.EnabledManagers {
		on[m] = true
	}
	missing := map[string]string{}
	for eco, where := range present {
		m := managers[eco]
		if eco == "pip" && (on["pep621"] || on["poetry"] || on["pipenv"] || on["pip-compile"] || on["pip_setup"]) {
			continue
		}
		if !on[m] {
			missing[eco] = where
		}
	}
	if len(missing) > 0 {
		p.Report(Finding{Path: name, Line: 1, Key: "missing:" + ecoList(missing),
			Message: fmt.Sprintf("%s enables only %s, not %s used here", name, strings.Join(cfg.EnabledManagers, ", "), ecoList(missing))})
	}
	return nil
}
