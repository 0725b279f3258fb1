// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenChecks pins the checks of the golden scans, so that checks added to
// the default rule set later do not change these files; the reporters are
// under test here, not the rule set.
const goldenChecks = "contributing,license-detected,license-file,readme,waiver-expired,waiver-unmatched"

// goldenVersion stands for the tool version in golden files.
const goldenVersion = "0.0.0-golden"

// mitText is the MIT licence of a fixture repository, shared with the
// end-to-end tests.
var mitText = func() string {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "repos", "minimal-mit", "LICENSE"))
	if err != nil {
		panic(err)
	}
	return string(b)
}()

const goodReadme = `# legacy

Legacy is a command-line tool that converts old configuration files of the
billing system into the new YAML format. Install it with the release archive,
run legacy convert with the input directory, and read the generated report.
Questions go to the issue tracker; the project is maintained by the platform team.
`

const goodContributing = `# Contributing

Thank you for helping. Open an issue first to discuss a change, then send a
pull request with tests. Every commit needs a Signed-off-by line; run make test
before pushing, and keep one topic per pull request.
`

// fixtureRepos are the repositories of the golden scan, written under a
// temporary directory: a repository with an MIT licence, a trivial README
// (waived) and a stale waiver; one with a custom licence text; and one with
// none of the essentials. "missing" is never created: its scan fails.
func fixtureRepos() map[string]map[string]string {
	return map[string]map[string]string{
		"demo": {
			"LICENSE":   mitText,
			"README.md": "# demo\n\nA small demo tool.\n",
			"main.go":   "package main\n\nfunc main() {}\n",
			".ospolint.yml": `# Waivers of the demo repository.
waivers:
  - check: readme
    paths: [README.md]
    reason: the README is generated at release time
    until: 2099-12-31
  - check: license-file
    reason: kept from the old layout
`,
		},
		"legacy": {
			"LICENSE":              "Copyright (c) 2019 Legacy Corp. All rights reserved.\n\nThis software may be used only by employees of Legacy Corp for internal purposes.\nRedistribution in any form is forbidden without written permission.\n",
			"README.md":            goodReadme,
			"docs/CONTRIBUTING.md": goodContributing,
			"src/convert.py":       "print('hello')\n",
		},
		"bare": {
			"notes.txt": "todo\n",
		},
	}
}

var goldenTargets = []string{"demo", "legacy", "bare", "missing"}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// scanFixtures writes the fixture repositories under a new temporary
// directory, changes into it (so targets have the relative names a user
// would type) and scans them with the real pipeline, as `ospolint scan`
// does.
func scanFixtures(t *testing.T, targets ...string) (*scan.Report, string) {
	t.Helper()
	root := t.TempDir()
	for name, files := range fixtureRepos() {
		writeTree(t, filepath.Join(root, name), files)
	}
	t.Chdir(root)
	return scanTargets(t, targets...), root
}

func scanTargets(t *testing.T, targets ...string) *scan.Report {
	t.Helper()
	ctx := context.Background()
	rep := &scan.Report{
		SchemaVersion: scan.SchemaVersion,
		Tool:          scan.Tool{Name: "ospolint", Version: goldenVersion, URI: "https://github.com/ospolint/ospolint"},
	}
	ran := map[string]*checks.Check{}
	for _, target := range targets {
		res, plan, err := scanOne(ctx, target)
		if err != nil {
			rep.Targets = append(rep.Targets, &scan.TargetResult{Target: target, Error: err.Error(),
				Findings: []scan.Finding{}, Checks: []scan.CheckResult{}, Maturity: []scan.GoalMaturity{}})
			continue
		}
		for _, pc := range plan.Checks {
			ran[pc.Check.ID] = pc.Check
		}
		rep.Targets = append(rep.Targets, res)
	}
	for _, c := range ran {
		rep.Checks = append(rep.Checks, c)
	}
	sort.Slice(rep.Checks, func(i, j int) bool { return rep.Checks[i].ID < rep.Checks[j].ID })
	return rep
}

func scanOne(ctx context.Context, target string) (*scan.TargetResult, *scan.Plan, error) {
	r, err := repo.Open(ctx, target, repo.OpenOptions{})
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	cfg, err := config.ForRepo(r, "")
	if err != nil {
		return nil, nil, err
	}
	plan, err := scan.NewPlan(cfg, goldenChecks)
	if err != nil {
		return nil, nil, err
	}
	res, err := scan.Run(ctx, r, plan, scan.Options{Now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return nil, nil, err
	}
	return res, plan, nil
}

// redact replaces what varies between machines and runs.
func redact(out []byte, root string) []byte {
	for _, p := range []string{root, filepath.ToSlash(root)} {
		out = bytes.ReplaceAll(out, []byte(p), []byte("$TMPDIR"))
	}
	return out
}

func TestGolden(t *testing.T) {
	rep, root := scanFixtures(t, goldenTargets...)
	for _, tc := range []struct {
		format, file string
	}{
		{"json", "report.json.golden"},
		{"sarif", "report.sarif.golden"},
		{"markdown", "report.md.golden"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			compareGolden(t, tc.file, redact(render(t, tc.format, rep), root))
		})
	}
}

// render writes rep in format; SARIF is validated against the schema.
func render(t *testing.T, format string, rep *scan.Report) []byte {
	t.Helper()
	w, err := Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if format == "sarif" {
		validateSARIF(t, buf.Bytes())
	}
	return buf.Bytes()
}

// compareGolden compares with (or, with -update, rewrites) a golden file.
// Golden files are read relative to the package, not the current directory
// the fixture scan changed into.
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(packageDir, "testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; rerun with -update if intended):\n%s", name, diff)
	}
}

// packageDir is the package directory, taken before any test changes the
// working directory.
var packageDir = func() string {
	d, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return d
}()

func TestGoldenFixturesCoverTheCases(t *testing.T) {
	rep, _ := scanFixtures(t, goldenTargets...)
	var waived, noLine, withLine, props int
	statuses := map[checks.Status]bool{}
	for _, tr := range rep.Targets {
		for _, f := range tr.Findings {
			switch {
			case f.Waived != nil:
				waived++
			case f.Line == 0:
				noLine++
			default:
				withLine++
			}
			if len(f.Properties) > 0 {
				props++
			}
		}
		for _, c := range tr.Checks {
			statuses[c.Status] = true
		}
	}
	if waived == 0 || noLine == 0 || withLine == 0 || props == 0 {
		t.Errorf("fixtures should give waived, line-less, lined findings and properties; got %d %d %d %d", waived, noLine, withLine, props)
	}
	for _, s := range []checks.Status{checks.StatusPass, checks.StatusFail, checks.StatusNotApplicable} {
		if !statuses[s] {
			t.Errorf("no check has status %s", s)
		}
	}
	if rep.Targets[len(rep.Targets)-1].Error == "" {
		t.Error("the missing target should fail to scan")
	}
}

// edgeReport is built by hand for what the fixture scans do not reach: a
// cloned target with a revision, checks that errored or were not available,
// paths the walk skipped, odd file names and a user rule the report does not
// list.
func edgeReport() *scan.Report {
	byID := map[string]*checks.Check{}
	for _, c := range checks.All() {
		byID[c.ID] = c
	}
	mit := "MIT"
	return &scan.Report{
		SchemaVersion: scan.SchemaVersion,
		Tool:          scan.Tool{Name: "ospolint", Version: goldenVersion, URI: "https://github.com/ospolint/ospolint"},
		Checks:        []*checks.Check{byID["license-detected"], byID["license-file"], byID["readme"]},
		Targets: []*scan.TargetResult{{
			Target:   "https://github.com/acme/widgets",
			Kind:     "clone",
			Revision: "0123456789abcdef0123456789abcdef01234567",
			Files:    3,
			Findings: []scan.Finding{
				{Check: "readme", Level: "note", Message: "README is trivial (2 words; at least 30 expected): say what the project is and how to use it",
					Path: "docs/Read Me #1 | 100%.md", Line: 1, GGI: scan.GGIRef{Activities: []string{"GGI-A-25", "GGI-A-21"}, Goal: "Culture"}, Fingerprint: "00112233aabbccdd"},
				{Check: "no-todo", Level: "warning", Message: "TODO left in release notes", Path: "a:b/notes.md", Line: 12,
					GGI: scan.GGIRef{Activities: []string{}}, Fingerprint: "44556677eeff0011",
					Waived: &scan.Waived{Reason: "tracked in issue 12", File: ".ospolint.yml", Line: 4}},
			},
			Checks: []scan.CheckResult{
				{ID: "license-detected", Status: checks.StatusError, Level: "warning", Findings: 0, Reason: "licence file not classified: too large"},
				{ID: "license-file", Status: checks.StatusPass, Level: "error"},
				{ID: "readme", Status: checks.StatusFail, Level: "note", Findings: 1},
				{ID: "codeowners-api", Status: checks.StatusNotAvailable, Level: "warning", Reason: "needs GITHUB_TOKEN"},
			},
			Facts:    scan.Facts{License: scan.LicenseFact{Expression: &mit, Confidence: 1}},
			Maturity: []scan.GoalMaturity{{Goal: "Trust", Passed: 1, Applicable: 1, Activities: []string{"GGI-A-21"}, Missing: []string{}}},
			Problems: []repo.Problem{{Path: "vendor/loop", Message: "symlink points outside the repository; not followed"}},
		}},
	}
}

func TestGoldenEdgeCases(t *testing.T) {
	rep := edgeReport()
	for _, tc := range []struct {
		format, file string
	}{
		{"sarif", "edge.sarif.golden"},
		{"markdown", "edge.md.golden"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			compareGolden(t, tc.file, render(t, tc.format, rep))
		})
	}
}
