// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"encoding/xml"
	"fmt"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ospolint/ospolint/checks/fileset"
)

func licenseScanning() *Check {
	return &Check{
		ID:         "license-scanning",
		Title:      "No licence scanner in CI",
		Summary:    "A CI definition runs a licence scanner (reuse lint, ospolint, ScanCode, ORT, FOSSA, ...).",
		Activities: []string{"GGI-A-21"},
		Level:      Note,
		Needs:      NeedFiles,
		Options: []Option{
			{Name: "extra", Type: TypeStrings, Default: []string{},
				Help: "more scanners to recognise: regular expressions matched against CI commands and action references"},
		},
		Validate: func(o Options) error {
			for _, s := range o.Strings("extra") {
				if _, err := regexp.Compile(s); err != nil {
					return fmt.Errorf("license-scanning: extra: %w", err)
				}
			}
			return nil
		},
		Help: `Looks for a licence scanner in the CI definitions: GitHub (and Forgejo, Gitea) workflows
(` + "`uses:`" + ` with its ` + "`with:`" + ` inputs, and ` + "`run:`" + ` scripts), ` + "`.gitlab-ci.yml`" + ` (scripts, local includes,
the ` + "`License-Scanning`" + ` template), ` + "`.circleci/config.yml`" + `, ` + "`Jenkinsfile`" + `, ` + "`azure-pipelines.yml`" + `,
Travis, Bitbucket, Drone, Woodpecker and Buildkite pipelines, and ` + "`.pre-commit-config.yaml`" + ` hooks.

Recognised: ` + "`reuse lint`" + ` (also in Docker and the ` + "`fsfe/reuse-action`" + ` action or the REUSE pre-commit
hook), ospolint (the CLI or the ` + "`ospolint/ospolint`" + ` action), ScanCode, ORT (OSS Review Toolkit), FOSSA,
licensee, LicenseFinder, go-licenses, ` + "`cargo deny check`" + ` including licences, cargo-about, licensecheck,
Trivy with the licence scanner (` + "`--scanners license`" + ` or the action's ` + "`scanners`" + ` input), GitHub's
dependency-review-action with ` + "`allow-licenses`" + `, ` + "`deny-licenses`" + ` or a ` + "`config-file`" + `,
` + "`addlicense -check`" + `, askalono, licenseclassifier, license-checker, pip-licenses, github/licensed,
SkyWalking Eyes and Apache RAT (` + "`apache-rat:check`" + `, the Gradle ` + "`rat`" + ` task, or a Maven build when the root
` + "`pom.xml`" + ` runs RAT: its ` + "`defaultGoal`" + ` names ` + "`rat:check`" + ` and CI runs ` + "`mvn`" + ` without goals, as Apache Commons
does, or the ` + "`apache-rat-plugin`" + ` is a build plugin with an execution and CI runs a lifecycle phase). A Makefile
target is not followed. Add your own tools with the ` + "`extra`" + ` option.

**Why (GGI-A-21, Manage legal compliance):** the handbook asks for licence compliance to be checked continuously,
not once: a scanner in CI catches a file without a licence header or a dependency under a refused licence when it
is proposed.

**Fix:** add a job such as:

` + "```yaml" + `
# .github/workflows/licences.yml
on: [push, pull_request]
jobs:
  licences:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: fsfe/reuse-action@v5
` + "```" + `

or run ` + "`ospolint scan`" + ` in an existing job. To recognise an in-house scanner:

` + "```yaml" + `
checks:
  license-scanning:
    options:
      extra: ['\bacme-license-audit\b']
` + "```" + `

When the repository has no CI definition at all, the finding says so and points at ` + "`.github/workflows`" + `.`,
		Run: runLicenseScanning,
	}
}

// licenceRule finds a licence rule in a dependency-review configuration.
var licenceRule = regexp.MustCompile(`(?m)^\s*(allow|deny)-licenses\s*:`)

// ciStep is one thing a CI definition runs: an action or image reference
// with its inputs, a script, or a pre-commit hook.
type ciStep struct {
	uses   string            // action, image, orb, template or hook repository reference
	with   map[string]string // inputs of an action
	script string            // one line of shell
	hook   string            // pre-commit hook id
}

// licenceScanner recognises one tool.
type licenceScanner struct {
	name    string
	uses    *regexp.Regexp               // action/image references
	command *regexp.Regexp               // shell lines
	hook    *regexp.Regexp               // pre-commit hook ids
	inputs  func(map[string]string) bool // extra condition on an action's inputs
	run     func(string) bool            // shell lines, when a pattern cannot tell
}

func licenceScanners() []licenceScanner {
	re := regexp.MustCompile
	return []licenceScanner{
		{name: "reuse", uses: re(`(?i)(^|/)(fsfe/reuse-action|fsfe/reuse(-tool)?)([/@:]|$)`),
			command: re(`(?i)\breuse(:\S+)?(\s+\S+){0,4}?\s+lint(-file)?\b`), hook: re(`^reuse(-lint-file)?$`)},
		{name: "ospolint", uses: re(`(?i)(^|/)ospolint([/@:]|$)`), command: re(`(?i)\bospolint\b`), hook: re(`(?i)^ospolint`)},
		{name: "scancode", uses: re(`(?i)scancode`), command: re(`(?i)\bscancode(-toolkit)?\b`)},
		{name: "ort", uses: re(`(?i)oss-review-toolkit`), command: re(`(?i)(\bort\s+(\S+\s+)*?(analyze|scan|evaluate|advise|report)\b|oss-review-toolkit)`)},
		{name: "fossa", uses: re(`(?i)(^|/)fossa[\w-]*([/@:]|$)`), command: re(`(?i)\bfossa\s+(analyze|test)\b`)},
		{name: "licensee", uses: re(`(?i)(^|/)licensee([/@:]|$)`), command: re(`(?i)\blicensee\s+(detect|diff|license-path)\b`)},
		{name: "license_finder", uses: re(`(?i)license_?finder`), command: re(`(?i)\blicense_finder\b`)},
		{name: "go-licenses", command: re(`(?i)\bgo-licenses\b`)},
		{name: "cargo-deny", uses: re(`(?i)(^|/)cargo-deny-action([/@:]|$)`), command: re(`(?i)\bcargo[\s-]deny\b.*\bcheck\b`),
			inputs: func(with map[string]string) bool {
				return cargoDenyChecksLicences(with["command"] + " " + with["arguments"])
			}},
		{name: "cargo-about", command: re(`(?i)\bcargo[\s-]about\b`)},
		{name: "licensecheck", command: re(`(?i)\blicensecheck\b`), hook: re(`(?i)^licensecheck`)},
		{name: "trivy", uses: re(`(?i)(^|/)trivy-action([/@:]|$)`), command: re(`(?i)\btrivy\b.*--(scanners|security-checks)[=\s]+\S*licen[cs]e`),
			inputs: func(with map[string]string) bool {
				return strings.Contains(strings.ToLower(with["scanners"]), "license")
			}},
		{name: "dependency-review", uses: re(`(?i)(^|/)dependency-review-action([/@]|$)`),
			inputs: func(with map[string]string) bool {
				return with["allow-licenses"] != "" || with["deny-licenses"] != "" || with["config-file"] != ""
			}},
		{name: "addlicense", command: re(`(?i)\baddlicense\b.*\s-check\b`)},
		{name: "askalono", command: re(`(?i)\baskalono\b`)},
		{name: "licenseclassifier", command: re(`(?i)\b(licenseclassifier|identify_license)\b`)},
		{name: "license-checker", command: re(`(?i)\blicense-checker(-rseidelsohn)?\b`)},
		{name: "pip-licenses", command: re(`(?i)\bpip-licenses\b`)},
		{name: "licensed", uses: re(`(?i)(github/licensed|licensed-ci|setup-licensed)`), command: re(`(?i)\blicensed\s+(status|cache)\b`)},
		{name: "skywalking-eyes", uses: re(`(?i)skywalking-eyes`), command: re(`(?i)\blicense-eye\b`)},
		{name: "gitlab-license-scanning", uses: re(`(?i)License-Scanning\.gitlab-ci\.yml`)},
		{name: "apache-rat", uses: re(`(?i)apache-rat`), command: re(`(?i)\bapache-rat\b|\brat:check\b|\bgradlew?\s+(\S+\s+)*?rat\b`)},
	}
}

// mavenCommand is a shell line running Maven, with what follows it.
var mavenCommand = regexp.MustCompile(`(?i)(?:^|[\s/])mvnw?(?:\.cmd)?((?:\s+\S+)*)\s*$`)

// mavenPhases are the lifecycle phases that run the validate phase, where
// Apache RAT's check goal binds by default.
var mavenPhases = regexp.MustCompile(`(?i)^(validate|initialize|generate-\S+|process-\S+|compile|test-compile|test|package|pre-integration-test|integration-test|post-integration-test|verify|install|deploy)$`)

// pomRAT reads whether the root pom.xml runs Apache RAT, the licence
// header audit of Apache projects, in a plain Maven build: its
// defaultGoal names rat:check (run by "mvn" without goals), or the
// apache-rat-plugin is a build plugin with an execution (run by any
// lifecycle phase). The plugin only in pluginManagement runs nothing.
func pomRAT(p *Pass) (byDefault, bound bool) {
	data, err := p.Target.ReadFile("pom.xml")
	if err != nil {
		return false, false
	}
	var pom struct {
		Build struct {
			DefaultGoal string `xml:"defaultGoal"`
			Plugins     []struct {
				ArtifactID string     `xml:"artifactId"`
				Executions []struct{} `xml:"executions>execution"`
			} `xml:"plugins>plugin"`
		} `xml:"build"`
	}
	if xml.Unmarshal(data, &pom) != nil {
		return false, false
	}
	for _, pl := range pom.Build.Plugins {
		bound = bound || pl.ArtifactID == "apache-rat-plugin" && len(pl.Executions) > 0
	}
	return strings.Contains(pom.Build.DefaultGoal, "rat:check"), bound
}

// mavenRunsRAT reports whether a CI shell line runs a Maven build that
// runs RAT as pom.xml configures it.
func mavenRunsRAT(line string, byDefault, bound bool) bool {
	m := mavenCommand.FindStringSubmatch(firstWords(line, 40))
	if m == nil || isEcho(line) {
		return false
	}
	goals := 0
	for _, w := range strings.Fields(m[1]) {
		if strings.HasPrefix(w, "-") {
			continue
		}
		goals++
		if bound && mavenPhases.MatchString(w) {
			return true
		}
	}
	return goals == 0 && byDefault
}

// cargoDenyChecksLicences reports whether a cargo-deny command runs the
// licence check: "check" alone runs them all.
func cargoDenyChecksLicences(cmd string) bool {
	f := strings.Fields(strings.ToLower(cmd))
	if len(f) == 0 {
		return true // the action's default command is "check"
	}
	named := false
	for _, w := range f {
		switch w {
		case "licenses", "license":
			return true
		case "advisories", "advisory", "bans", "ban", "sources", "source":
			named = true
		}
	}
	return !named
}

func (s licenceScanner) matches(st ciStep) bool {
	switch {
	case st.uses != "" && s.uses != nil && s.uses.MatchString(st.uses):
		return s.inputs == nil || s.inputs(st.with)
	case st.script != "" && s.command != nil && s.command.MatchString(st.script) && !isEcho(st.script):
		if s.name == "cargo-deny" {
			_, after, _ := strings.Cut(strings.ToLower(st.script), "check")
			return cargoDenyChecksLicences(firstWords(after, 4))
		}
		return true
	case st.hook != "" && s.hook != nil && s.hook.MatchString(st.hook):
		return true
	case st.script != "" && s.run != nil:
		return s.run(st.script)
	}
	return false
}

// isEcho reports whether a shell line only prints text, which may name a
// tool without running it.
func isEcho(line string) bool {
	f := strings.Fields(line)
	return len(f) > 0 && (f[0] == "echo" || f[0] == "printf" || f[0] == "Write-Host")
}

// firstWords keeps the first n words up to a shell separator.
func firstWords(s string, n int) string {
	if i := strings.IndexAny(s, ";&|\n"); i >= 0 {
		s = s[:i]
	}
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// ciFile is one CI definition and how to read it.
type ciFile struct {
	path string
	kind string // "yaml", "precommit" or "text"
}

// ciFiles lists the CI definitions of the repository.
func ciFiles(ix *fileset.Index) []ciFile {
	var out []ciFile
	isYAML := func(p string) bool {
		l := strings.ToLower(p)
		return strings.HasSuffix(l, ".yml") || strings.HasSuffix(l, ".yaml")
	}
	for _, dir := range []string{".github/workflows", ".forgejo/workflows", ".gitea/workflows", ".azure-pipelines", "azure-pipelines", ".woodpecker"} {
		for _, e := range ix.InDir(dir) {
			if isYAML(e.Path) && !e.Escapes {
				out = append(out, ciFile{path: e.Path, kind: "yaml"})
			}
		}
	}
	for _, name := range []string{".gitlab-ci.yml", ".gitlab-ci.yaml", ".circleci/config.yml", ".circleci/config.yaml",
		"azure-pipelines.yml", "azure-pipelines.yaml", ".travis.yml", "bitbucket-pipelines.yml", ".drone.yml",
		".woodpecker.yml", ".woodpecker.yaml", ".buildkite/pipeline.yml", ".buildkite/pipeline.yaml"} {
		if e, ok := ix.Lookup(name); ok && !e.Escapes {
			out = append(out, ciFile{path: name, kind: "yaml"})
		}
	}
	for _, e := range ix.InDir("") {
		if strings.EqualFold(e.Name(), "Jenkinsfile") && !e.Escapes {
			out = append(out, ciFile{path: e.Path, kind: "text"})
		}
	}
	for _, name := range []string{".pre-commit-config.yaml", ".pre-commit-config.yml"} {
		if e, ok := ix.Lookup(name); ok && !e.Escapes {
			out = append(out, ciFile{path: name, kind: "precommit"})
		}
	}
	return out
}

func runLicenseScanning(p *Pass) error {
	scanners := licenceScanners()
	for _, s := range p.Options.Strings("extra") {
		r, err := regexp.Compile(s)
		if err != nil {
			return fmt.Errorf("license-scanning: extra: %w", err)
		}
		scanners = append(scanners, licenceScanner{name: s, uses: r, command: r, hook: r})
	}
	if byDefault, bound := pomRAT(p); byDefault || bound {
		scanners = append(scanners, licenceScanner{name: "apache-rat (pom.xml)", run: func(line string) bool {
			return mavenRunsRAT(line, byDefault, bound)
		}})
	}
	m, files := ciRuns(p, scanners)
	if m.tool != "" {
		return nil
	}
	if len(files) == 0 {
		p.Reportf(".github/workflows", 0, "no CI definitions found; add a workflow running a licence scanner (for example reuse lint or ospolint) under .github/workflows/")
		return nil
	}
	where := ".github/workflows"
	for _, f := range files {
		if f.kind != "precommit" && !strings.HasPrefix(f.path, ".github/workflows/") {
			where = f.path
			if strings.HasPrefix(where, ".forgejo/") || strings.HasPrefix(where, ".gitea/") {
				where = path.Dir(where)
			}
			break
		}
	}
	for _, f := range files {
		if strings.HasPrefix(f.path, ".github/workflows/") {
			where = ".github/workflows"
		}
	}
	p.Reportf(where, 0, "no CI job runs a licence scanner (reuse lint, ospolint, ScanCode, ORT, FOSSA, ...): add one, for example the fsfe/reuse-action step or `ospolint scan`")
	return nil
}

// ciSteps extracts what a CI file runs, and the local files a GitLab file
// includes. A file that is not valid YAML is read line by line.
func ciSteps(f ciFile, data []byte, p *Pass) ([]ciStep, []string) {
	if f.kind == "text" {
		return textSteps(data), nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return textSteps(data), nil
	}
	var steps []ciStep
	var includes []string
	var walk func(n *yaml.Node, key string, depth int)
	walk = func(n *yaml.Node, key string, depth int) {
		if n == nil || depth > 64 {
			return
		}
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key, depth+1)
			}
		case yaml.MappingNode:
			steps = append(steps, mappingStep(n, f, p)...)
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], n.Content[i].Value, depth+1)
			}
		case yaml.ScalarNode:
			switch {
			case commandKey(key):
				for _, l := range strings.Split(n.Value, "\n") {
					steps = append(steps, ciStep{script: stripComment(l)})
				}
			case refKey(key):
				steps = append(steps, ciStep{uses: strings.TrimSpace(n.Value)})
				if inc := localAction(n.Value, p.Target.index); key == "uses" && inc != "" {
					includes = append(includes, inc)
				}
			}
			if key == "include" || key == "local" {
				if inc := localInclude(n.Value, p.Target.index); inc != "" {
					includes = append(includes, inc)
				}
			}
		}
	}
	walk(&doc, "", 0)
	return steps, includes
}

// mappingStep reads a mapping that is a step: uses with its with inputs
// (GitHub), a pre-commit repository with its hooks, or an orbs map.
func mappingStep(n *yaml.Node, f ciFile, p *Pass) []ciStep {
	get := func(key string) *yaml.Node {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
		return nil
	}
	var out []ciStep
	if u := get("uses"); u != nil && u.Kind == yaml.ScalarNode {
		st := ciStep{uses: strings.TrimSpace(u.Value), with: map[string]string{}}
		if w := get("with"); w != nil && w.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(w.Content); i += 2 {
				st.with[w.Content[i].Value] = w.Content[i+1].Value
			}
		}
		// A dependency-review config file must set a licence rule to count.
		if cf := st.with["config-file"]; cf != "" && !strings.Contains(cf, "@") {
			local := strings.TrimPrefix(path.Clean(strings.TrimPrefix(cf, "./")), "/")
			if data, err := p.Target.ReadFile(local); err == nil && !licenceRule.Match(data) {
				delete(st.with, "config-file")
			}
		}
		out = append(out, st)
	}
	if f.kind == "precommit" {
		repoURL := ""
		if r := get("repo"); r != nil && r.Kind == yaml.ScalarNode {
			repoURL = r.Value
			out = append(out, ciStep{uses: repoURL})
		}
		if id := get("id"); id != nil && id.Kind == yaml.ScalarNode {
			out = append(out, ciStep{hook: id.Value})
		}
		if e := get("entry"); e != nil && e.Kind == yaml.ScalarNode {
			out = append(out, ciStep{script: e.Value})
		}
	}
	if orbs := get("orbs"); orbs != nil && orbs.Kind == yaml.MappingNode {
		for i := 1; i < len(orbs.Content); i += 2 {
			out = append(out, ciStep{uses: orbs.Content[i].Value})
		}
	}
	return out
}

// commandKey reports whether a YAML key holds shell commands in some CI
// system.
func commandKey(k string) bool {
	switch k {
	case "run", "script", "scripts", "before_script", "after_script", "command", "commands", "bash", "pwsh",
		"powershell", "sh", "inlineScript", "install", "before_install", "entry":
		return true
	}
	return false
}

// refKey reports whether a YAML key holds a reference to an action, image,
// task or template.
func refKey(k string) bool {
	switch k {
	case "uses", "image", "task", "template", "component", "include", "plugin", "repo":
		return true
	}
	return false
}

// localInclude resolves a GitLab local include to an indexed path.
func localInclude(v string, ix *fileset.Index) string {
	v = strings.TrimSpace(v)
	if v == "" || strings.Contains(v, "://") || strings.ContainsAny(v, "*$") {
		return ""
	}
	p := strings.TrimPrefix(path.Clean("/"+v), "/")
	if _, ok := ix.Lookup(p); ok && (strings.HasSuffix(p, ".yml") || strings.HasSuffix(p, ".yaml")) {
		return p
	}
	return ""
}

// localAction resolves a GitHub Actions step's local action ("uses: ./"
// or "./.github/actions/x") to its action.yml, whose steps run in the job.
func localAction(v string, ix *fileset.Index) string {
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "./") {
		return ""
	}
	dir := strings.TrimPrefix(path.Clean("/"+v), "/")
	for _, name := range []string{"action.yml", "action.yaml"} {
		if _, ok := ix.Lookup(path.Join(dir, name)); ok {
			return path.Join(dir, name)
		}
	}
	return ""
}

// textSteps reads every non-comment line as a command and a reference.
func textSteps(data []byte) []ciStep {
	var out []ciStep
	for _, l := range strings.Split(string(data), "\n") {
		t := stripComment(l)
		if t == "" {
			continue
		}
		out = append(out, ciStep{script: t})
		for _, w := range strings.Fields(t) {
			w = strings.Trim(w, `"'`)
			if strings.Contains(w, "/") {
				out = append(out, ciStep{uses: w})
			}
		}
	}
	return out
}

// stripComment drops a shell or Groovy line comment.
func stripComment(l string) string {
	t := strings.TrimSpace(l)
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") {
		return ""
	}
	if i := strings.Index(t, " #"); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	return t
}
