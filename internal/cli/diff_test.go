// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/cli"
)

const iscText = `ISC License

Copyright (c) 2026 Example Org

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
`

// reuseTOML covers the files that carry no comment header.
const reuseTOML = `version = 1

[[annotations]]
path = ["**.md", ".ospolint.yml", "go.mod", "go.sum", "LICENSES/**"]
SPDX-FileCopyrightText = "2026 Example Org"
SPDX-License-Identifier = "MIT"
`

func mitText(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "repos", "minimal-mit", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// changeFixture commits a base with old problems (no CONTRIBUTING, a Go
// file without any header) and then a head that removes a licence header,
// adds a file without one, changes the licence and adds a dependency.
func changeFixture(t *testing.T, config string) (g *gitRepo, base, head string) {
	t.Helper()
	g = newGitRepo(t)
	files := map[string]string{
		"LICENSE":            mitText(t),
		"LICENSES/MIT.txt":   mitText(t),
		"REUSE.toml":         reuseTOML,
		"README.md":          readmeText,
		"SECURITY.md":        "# Security\n\nReport vulnerabilities privately to security@example.org.\n",
		"CODE_OF_CONDUCT.md": "# Code of conduct\n\nWe follow the Contributor Covenant. Contact conduct@example.org.\n",
		// REUSE-IgnoreStart
		"src/a.go":    "// SPDX-FileCopyrightText: 2026 Example Org\n// SPDX-License-Identifier: MIT\n\npackage src\n",
		"src/kept.go": "// SPDX-FileCopyrightText: 2024 Example Org\n// SPDX-License-Identifier: MIT\n\npackage src\n",
		"src/old.go":  "package src\n",
		// REUSE-IgnoreEnd
		"go.mod": "module example.org/r\n\ngo 1.22\n",
	}
	if config != "" {
		files[".ospolint.yml"] = config
	}
	g.write(files)
	base = g.commit("base")
	g.write(map[string]string{
		// REUSE-IgnoreStart
		"src/a.go": "// SPDX-FileCopyrightText: 2026 Example Org\n\npackage src\n",
		// Years updated, notice rewritten: no removal.
		"src/kept.go": "// Copyright (c) 2024-2026 Example Org. All rights reserved.\n// SPDX-License-Identifier: MIT\n\npackage src\n\nfunc Kept() {}\n",
		"src/new.go":  "package src\n\nfunc New() {}\n",
		// REUSE-IgnoreEnd
		"LICENSE": iscText,
		"go.mod":  "module example.org/r\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n",
		// Locked, as go mod tidy leaves it: the lockfile check has nothing to say.
		"go.sum": "github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\ngithub.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=\n",
	})
	head = g.commit("head")
	return g, base, head
}

func TestDiffModeReportsOnlyWhatTheChangeBrings(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		want         []string
		old          string // a finding of the base the diff leaves out
	}{{
		name: "default rule set: no header rules, so a new file without one is fine",
		want: []string{"header-removed src/a.go", "license-changed LICENSE", "new-dependency go.mod"},
		old:  "contributing CONTRIBUTING.md",
	}, {
		name:   "REUSE rule set: the new file's missing header is the change's",
		config: "extends: reuse\n",
		old:    "reuse-missing-license src/old.go",
		want: []string{
			"header-removed src/a.go", "license-changed LICENSE", "new-dependency go.mod",
			"reuse-missing-copyright src/new.go",
			"reuse-missing-license src/a.go", "reuse-missing-license src/new.go",
		},
	}, {
		name:   "a file-header rule asks for headers too",
		config: "extends: default\nrules:\n  - id: spdx-header\n    kind: file-header\n    options: {paths: [\"**/*.go\"], pattern: \"SPDX-License-Identifier:\"}\n",
		want:   []string{"header-removed src/a.go", "license-changed LICENSE", "new-dependency go.mod", "spdx-header src/a.go", "spdx-header src/new.go"},
		old:    "spdx-header src/old.go",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			g, base, _ := changeFixture(t, tc.config)
			res := run(t, nil, "scan", "--diff-base", base, "--format", "json", g.dir)
			res.want(t, cli.ExitFindings)
			if d := cmp.Diff(tc.want, parseReport(t, res.stdout).findings()); d != "" {
				t.Errorf("diff-mode findings (-want +got):\n%s", d)
			}
			// The same scan without --diff-base sees the old problems too.
			full := parseReport(t, run(t, nil, "scan", "--format", "json", g.dir).stdout).findings()
			if !contains(full, tc.old) {
				t.Errorf("the full scan lacks %q, so the test proves nothing: %q", tc.old, full)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDiffModeRevisions(t *testing.T) {
	g, base, head := changeFixture(t, "")
	// The working tree is left dirty: --ref reads the head from the store.
	if err := os.WriteFile(filepath.Join(g.dir, "src", "a.go"), []byte("package src\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, nil, "scan", "--diff-base", base, "--ref", head, "--format", "json", g.dir)
	res.want(t, cli.ExitFindings)
	var rep struct {
		Targets []struct {
			Since struct {
				Base         string `json:"base"`
				ChangedFiles int    `json:"changedFiles"`
				Known        int    `json:"known"`
			} `json:"since"`
			Findings []struct {
				Check, Path, Message string
				Line                 int
			} `json:"findings"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	tr := rep.Targets[0]
	if tr.Since.Base != base || tr.Since.ChangedFiles != 6 || tr.Since.Known == 0 {
		t.Errorf("since = %+v, want base %s, 6 changed files (go.sum among them), some known findings", tr.Since, base)
	}
	var removed []string
	for _, f := range tr.Findings {
		if f.Check == "header-removed" {
			removed = append(removed, f.Message)
			if f.Path != "src/a.go" || f.Line != 2 {
				t.Errorf("header-removed at %s:%d, want src/a.go:2", f.Path, f.Line)
			}
		}
	}
	if len(removed) != 1 || !strings.Contains(removed[0], "SPDX-License-Identifier MIT") {
		t.Errorf("header-removed findings = %q, want one about MIT (the copyright holder of src/kept.go stayed)", removed)
	}
}

func TestDiffModeNotAvailableWithoutBase(t *testing.T) {
	g, _, _ := changeFixture(t, "")
	r := parseReport(t, run(t, nil, "scan", "--format", "json", "--checks", "header-removed,license-changed", g.dir).stdout)
	if d := cmp.Diff([]string{"header-removed", "license-changed"}, r.checkIDs()); d != "" {
		t.Fatalf("checks (-want +got):\n%s", d)
	}
	for _, c := range r.Targets[0].Checks {
		if c.Status != "not-available" {
			t.Errorf("%s outside diff mode: %s, want not-available", c.ID, c.Status)
		}
	}
	// A scan of the default set does not list them at all.
	for _, id := range parseReport(t, run(t, nil, "scan", "--format", "json", g.dir).stdout).checkIDs() {
		if id == "header-removed" || id == "license-changed" {
			t.Errorf("a scan without --diff-base runs %s", id)
		}
	}
}

func TestDiffModeChangeChecksConfigured(t *testing.T) {
	g, base, _ := changeFixture(t, "extends: default\nchecks:\n  license-changed: off\n  new-dependency: off\n  header-removed: warning\n")
	res := run(t, nil, "scan", "--diff-base", base, "--format", "json", g.dir)
	res.want(t, cli.ExitOK)
	r := parseReport(t, res.stdout)
	if d := cmp.Diff([]string{"header-removed src/a.go"}, r.findings()); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	if r.Targets[0].Findings[0].Level != "warning" {
		t.Errorf("level %s, want the configured warning", r.Targets[0].Findings[0].Level)
	}
}

func TestDiffModeBaseNotFetched(t *testing.T) {
	g, _, _ := changeFixture(t, "")
	missing := strings.Repeat("ab", 20)
	res := run(t, nil, "scan", "--diff-base", missing, g.dir)
	res.want(t, cli.ExitTarget)
	for _, want := range []string{"not in this clone", "git fetch --no-tags --depth=1 origin " + missing, "fetch-depth: 0"} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, res.stderr)
		}
	}
}

// TestDiffModeShallowClone scans a shallow clone (one commit, as
// actions/checkout makes) after fetching the base at depth 1.
func TestDiffModeShallowClone(t *testing.T) {
	needGit(t)
	g, base, _ := changeFixture(t, "")
	clone := filepath.Join(t.TempDir(), "clone")
	gitCmd(t, t.TempDir(), "clone", "--quiet", "--depth=1", "--no-tags", "file://"+g.dir, clone)
	run(t, nil, "scan", "--diff-base", base, clone).want(t, cli.ExitTarget)
	gitCmd(t, clone, "fetch", "--quiet", "--no-tags", "--depth=1", "origin", base)
	res := run(t, nil, "scan", "--diff-base", base, "--format", "json", clone)
	res.want(t, cli.ExitFindings)
	if d := cmp.Diff([]string{"header-removed src/a.go", "license-changed LICENSE", "new-dependency go.mod"}, parseReport(t, res.stdout).findings()); d != "" {
		t.Errorf("findings on the shallow clone (-want +got):\n%s", d)
	}
}

// TestDiffModeConfigFromBase: on a pull request the head is the
// contributor's; its configuration must not switch off what judges it.
func TestDiffModeConfigFromBase(t *testing.T) {
	g, _, base := changeFixture(t, "")
	g.write(map[string]string{
		".ospolint.yml": "extends: default\nchecks:\n  header-removed: off\n",
		"src/kept.go":   "package src\n",
	})
	g.commit("drop a header and the check")
	res := run(t, nil, "scan", "--diff-base", base, "--format", "json", g.dir)
	res.want(t, cli.ExitFindings)
	// Its licence and its copyright notice went.
	if d := cmp.Diff([]string{"header-removed src/kept.go", "header-removed src/kept.go"}, parseReport(t, res.stdout).findings()); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
}

func TestBaseline(t *testing.T) {
	dir := writeRepo(t, map[string]string{"main.go": "package main\n", "README.md": readmeText})
	out := t.TempDir()
	for _, format := range []string{"json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			report := filepath.Join(out, "baseline."+format)
			run(t, nil, "scan", "--format", format+"="+report, dir).want(t, cli.ExitFindings)
			run(t, nil, "scan", "--baseline", report, dir).want(t, cli.ExitOK)
			// A new problem is reported; the backlog is not.
			if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			defer os.WriteFile(filepath.Join(dir, "README.md"), []byte(readmeText), 0o644)
			res := run(t, nil, "scan", "--baseline", report, "--format", "json", dir)
			res.want(t, cli.ExitFindings)
			if d := cmp.Diff([]string{"readme README.md"}, parseReport(t, res.stdout).findings()); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
	for _, tc := range []struct{ name, body, want string }{
		{"not JSON", "{\n  \"targets\": [\n  oops\n", "line 3"},
		{"another report", `{"targets": []}`, "not an ospolint JSON report"},
		{"another tool's SARIF", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "eslint"}}, "results": []}]}`, `"eslint"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.json")
			if err := os.WriteFile(bad, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			res := run(t, nil, "scan", "--baseline", bad, dir)
			res.want(t, cli.ExitUsage)
			if !strings.Contains(res.stderr, "--baseline "+bad) || !strings.Contains(res.stderr, tc.want) {
				t.Errorf("stderr = %q, want the file and %q", res.stderr, tc.want)
			}
		})
	}
	run(t, nil, "scan", "--baseline", filepath.Join(out, "nope.json"), dir).want(t, cli.ExitUsage)
}

// TestFingerprintsStableAcrossCommits: code scanning matches alerts across
// analyses by fingerprint, so a problem a change leaves alone keeps its
// fingerprint, and diff mode's SARIF marks it unchanged.
func TestFingerprintsStableAcrossCommits(t *testing.T) {
	g, base, head := changeFixture(t, "extends: default\nchecks:\n  reuse-missing-license: error\n  reuse-missing-copyright: error\n")
	sarifAt := func(args ...string) map[string]string {
		t.Helper()
		file := filepath.Join(t.TempDir(), "r.sarif")
		run(t, nil, append(append([]string{"scan", "--format", "sarif=" + file}, args...), g.dir)...)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID    string `json:"ruleId"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
					PartialFingerprints map[string]string `json:"partialFingerprints"`
					BaselineState       string            `json:"baselineState"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, r := range log.Runs[0].Results {
			key := r.RuleID + " " + r.Locations[0].PhysicalLocation.ArtifactLocation.URI
			out[key] = r.PartialFingerprints["ospolintFingerprint/v1"] + " " + r.BaselineState
		}
		return out
	}
	atBase, atHead := sarifAt("--ref", base), sarifAt("--ref", head)
	diff := sarifAt("--diff-base", base, "--ref", head)
	same := 0
	for key, fp := range atBase {
		if h, ok := atHead[key]; ok {
			same++
			if h != fp {
				t.Errorf("%s: fingerprint %q at the base, %q at the head", key, fp, h)
			}
			if d := diff[key]; d != strings.TrimSpace(fp)+" unchanged" {
				t.Errorf("%s in diff mode: %q, want %q unchanged", key, d, fp)
			}
		}
	}
	if same < 3 {
		t.Fatalf("only %d findings in both commits: the test proves little\nbase %v\nhead %v", same, atBase, atHead)
	}
	if d := diff["header-removed src/a.go"]; !strings.HasSuffix(d, " new") {
		t.Errorf("header-removed in diff mode: %q, want baselineState new", d)
	}
}

func TestNewDependency(t *testing.T) {
	lock := func(leftPad string, extra string) string {
		return `{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {"name": "app", "version": "1.0.0"},
    "node_modules/left-pad": {"version": "` + leftPad + `", "license": "MIT", "dependencies": {"inner": "^1.0.0"}},
    "node_modules/inner": {"version": "1.0.0", "license": "ISC"}` + extra + `
  }
}
`
	}
	g := newGitRepo(t)
	g.write(map[string]string{
		"web/package.json":      `{"name": "app", "version": "1.0.0", "license": "MIT", "dependencies": {"left-pad": "^1.0.0"}}` + "\n",
		"web/package-lock.json": lock("1.0.0", ""),
		"go.mod":                "module example.org/r\n\ngo 1.22\n\nrequire github.com/google/uuid v1.5.0\n",
	})
	base := g.commit("base")
	g.write(map[string]string{
		// left-pad moves to a new version and inner, locked before as
		// left-pad's dependency, is now declared: neither brings new code.
		// chalk comes in for development.
		"web/package.json": `{"name": "app", "version": "1.0.0", "license": "MIT", "dependencies": {"left-pad": "^1.1.0", "inner": "^1.0.0"}, "devDependencies": {"chalk": "^5.0.0"}}` + "\n",
		"web/package-lock.json": lock("1.1.0", `,
    "node_modules/chalk": {"version": "5.3.0", "dev": true, "license": "MIT"}`),
		"go.mod": "module example.org/r\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n",
	})
	g.commit("head")
	res := run(t, nil, "scan", "--diff-base", base, "--checks", "new-dependency", "--format", "json", g.dir)
	res.want(t, cli.ExitOK)
	var rep struct {
		Targets []struct {
			Findings []struct{ Path, Message string } `json:"findings"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Targets[0].Findings {
		got = append(got, f.Path+": "+f.Message)
	}
	want := []string{
		"web/package-lock.json: new direct development dependency chalk 5.3.0 (npm) in web/package-lock.json, under MIT (from the lockfile): review it and its licence against the project's policy",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("new-dependency findings (-want +got):\n%s", d)
	}
}

// TestDiffModeMissingLicenceTextIsOneProblem: reuse-missing-licenses makes
// one finding per missing text, at LICENSES/<id>.txt, keyed by the licence.
// A change that adds another file under a licence whose text was already
// missing brings no new problem (the same text is missing, fixed the same
// way); a change that uses a licence without a text for the first time
// does.
func TestDiffModeMissingLicenceTextIsOneProblem(t *testing.T) {
	g, _, _ := changeFixture(t, "extends: reuse\n")
	g.write(map[string]string{
		// REUSE-IgnoreStart
		"src/old1.go": "// SPDX-FileCopyrightText: 2026 Example Org\n// SPDX-License-Identifier: LicenseRef-Old\n\npackage src\n",
		// REUSE-IgnoreEnd
	})
	base := g.commit("a licence without its text")
	g.write(map[string]string{
		// REUSE-IgnoreStart
		"src/old2.go": "// SPDX-FileCopyrightText: 2026 Example Org\n// SPDX-License-Identifier: LicenseRef-Old\n\npackage src\n",
		"src/new1.go": "// SPDX-FileCopyrightText: 2026 Example Org\n// SPDX-License-Identifier: LicenseRef-New\n\npackage src\n",
		// REUSE-IgnoreEnd
	})
	g.commit("another file under it, and a second licence without its text")
	missing := func(r report) []string {
		var out []string
		for _, f := range r.findings() {
			if strings.HasPrefix(f, "reuse-missing-licenses ") {
				out = append(out, f)
			}
		}
		return out
	}
	diff := parseReport(t, run(t, nil, "scan", "--diff-base", base, "--format", "json", g.dir).stdout)
	if d := cmp.Diff([]string{"reuse-missing-licenses LICENSES/LicenseRef-New.txt"}, missing(diff)); d != "" {
		t.Errorf("diff mode (-want +got):\n%s", d)
	}
	full := parseReport(t, run(t, nil, "scan", "--format", "json", g.dir).stdout)
	if d := cmp.Diff([]string{"reuse-missing-licenses LICENSES/LicenseRef-New.txt", "reuse-missing-licenses LICENSES/LicenseRef-Old.txt"}, missing(full)); d != "" {
		t.Errorf("the full scan (-want +got):\n%s", d)
	}
}
