// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
)

func memRepo(files fstest.MapFS) *repo.Repo {
	return &repo.Repo{Name: "mem", Kind: repo.KindWorktree, FS: files}
}

func custom(id string, run func(p *checks.Pass) error) *checks.Check {
	return &checks.Check{ID: id, Title: "t", Summary: "s", Help: "h", Activities: []string{"GGI-A-21"}, Level: checks.Error, Run: run}
}

func statuses(res *TargetResult) map[string]checks.Status {
	out := map[string]checks.Status{}
	for _, c := range res.Checks {
		out[c.ID] = c.Status
	}
	return out
}

// TestOutcomes: a panicking check, a failing one, an unavailable one and a
// not-applicable one each get their own status, and none stops the others.
func TestOutcomes(t *testing.T) {
	plan := &Plan{Config: &config.Config{}, Checks: []Planned{
		{Check: custom("boom", func(*checks.Pass) error { panic("kaboom") }), Level: checks.Error},
		{Check: custom("broken", func(*checks.Pass) error { return errors.New("cannot parse") }), Level: checks.Error},
		{Check: custom("needs-token", func(*checks.Pass) error { return checks.ErrNotAvailable }), Level: checks.Error},
		{Check: custom("nothing-here", func(p *checks.Pass) error { p.NotApplicable("no manifest"); return nil }), Level: checks.Error},
		{Check: custom("finds", func(p *checks.Pass) error { p.Reportf("a.txt", 3, "bad"); return nil }), Level: checks.Warning},
		{Check: custom("fine", func(*checks.Pass) error { return nil }), Level: checks.Error},
	}}
	res, err := Run(context.Background(), memRepo(fstest.MapFS{"a.txt": {Data: []byte("x")}}), plan, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]checks.Status{
		"boom": checks.StatusError, "broken": checks.StatusError, "needs-token": checks.StatusNotAvailable,
		"nothing-here": checks.StatusNotApplicable, "finds": checks.StatusFail, "fine": checks.StatusPass,
	}
	if d := cmp.Diff(want, statuses(res)); d != "" {
		t.Errorf("statuses (-want +got):\n%s", d)
	}
	if len(res.Findings) != 1 || res.Findings[0].Line != 3 || res.Findings[0].Level != "warning" || res.Findings[0].Fingerprint == "" {
		t.Errorf("findings = %+v", res.Findings)
	}
	// Only judged checks count for maturity: finds failed, fine passed. No
	// essential check of GGI-A-21 ran, so all its judged checks must pass
	// for evidence; the two that errored count as not passed.
	want21 := GoalMaturity{Goal: "Trust", Passed: 1, Applicable: 2, Activities: []string{}, Missing: []string{"GGI-A-21"},
		Gaps: []ActivityGap{{Activity: "GGI-A-21", Failing: []string{"boom", "broken", "finds"}}}}
	if d := cmp.Diff([]GoalMaturity{want21}, res.Maturity); d != "" {
		t.Errorf("maturity (-want +got):\n%s", d)
	}
}

// TestAdvisoryFindings: an advisory finding is a note whatever the check's
// level and leaves the check passing; a check with a real finding beside an
// advisory one fails.
func TestAdvisoryFindings(t *testing.T) {
	plan := &Plan{Config: &config.Config{}, Checks: []Planned{
		{Check: custom("adopted", func(p *checks.Pass) error {
			p.Report(checks.Finding{Path: "CODE_OF_CONDUCT.md", Message: "adopts a code by link", Advisory: true})
			return nil
		}), Level: checks.Error},
		{Check: custom("mixed", func(p *checks.Pass) error {
			p.Report(checks.Finding{Path: "a.txt", Message: "observation", Advisory: true})
			p.Reportf("a.txt", 1, "problem")
			return nil
		}), Level: checks.Warning},
	}}
	res, err := Run(context.Background(), memRepo(fstest.MapFS{"a.txt": {Data: []byte("x")}}), plan, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(map[string]checks.Status{"adopted": checks.StatusPass, "mixed": checks.StatusFail}, statuses(res)); d != "" {
		t.Errorf("statuses (-want +got):\n%s", d)
	}
	levels := map[string]string{}
	for _, f := range res.Findings {
		levels[f.Check+" "+f.Message] = f.Level
		if f.Message != "problem" && (!f.Advisory || f.Severity() != checks.Note) {
			t.Errorf("finding %+v: want an advisory note", f)
		}
	}
	want := map[string]string{"adopted adopts a code by link": "note", "mixed observation": "note", "mixed problem": "warning"}
	if d := cmp.Diff(want, levels); d != "" {
		t.Errorf("levels (-want +got):\n%s", d)
	}
}

func TestWaivers(t *testing.T) {
	cfg := &config.Config{Waivers: []config.Waiver{
		{Check: "finds", Paths: []string{"docs/**"}, Reason: "docs are generated", Pos: config.Pos{File: ".ospolint.yml", Line: 4}},
		{Check: "finds", Paths: []string{"old/**"}, Reason: "legacy", Until: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Pos: config.Pos{File: ".ospolint.yml", Line: 8}},
		{Check: "finds", Paths: []string{"nowhere/**"}, Reason: "stale", Pos: config.Pos{File: ".ospolint.yml", Line: 12}},
	}}
	all := checks.All()
	byID := map[string]*checks.Check{}
	for _, c := range all {
		byID[c.ID] = c
	}
	plan := &Plan{Config: cfg, Checks: []Planned{
		{Check: custom("finds", func(p *checks.Pass) error {
			p.Reportf("docs/a.md", 1, "bad")
			p.Reportf("old/b.md", 1, "bad")
			p.Reportf("src/c.go", 1, "bad")
			return nil
		}), Level: checks.Error},
		{Check: byID["waiver-expired"], Level: checks.Warning},
		{Check: byID["waiver-unmatched"], Level: checks.Warning},
	}}
	res, err := Run(context.Background(), memRepo(fstest.MapFS{"x": {}}), plan, Options{Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Check, Path string
		Line        int
		Waived      bool
	}
	var got []row
	for _, f := range res.Findings {
		got = append(got, row{f.Check, f.Path, f.Line, f.Waived != nil})
	}
	want := []row{
		{"waiver-expired", ".ospolint.yml", 8, false},
		{"waiver-unmatched", ".ospolint.yml", 12, false},
		{"finds", "docs/a.md", 1, true},
		{"finds", "old/b.md", 1, false}, // expired waiver no longer applies
		{"finds", "src/c.go", 1, false},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	for _, c := range res.Checks {
		if c.ID == "finds" && (c.Findings != 2 || c.Status != checks.StatusFail) {
			t.Errorf("finds: %+v, want 2 non-waived findings", c)
		}
	}
}

func TestExcludePrunesDirectories(t *testing.T) {
	globs := []string{"**/testdata/**", "vendor", "**/vendor/**", "build/*.o", "**/x/**", "gen/**/*_gen.go", "docs/{a,b}/**", "site/**/[!_]*", "out/"}
	fast, plain := &Plan{}, &Plan{}
	for _, g := range globs {
		fast.excludes = append(fast.excludes, newExclude(g))
		e := newExclude(g)
		e.lit = "" // no literal shortcut
		plain.excludes = append(plain.excludes, e)
	}
	for _, tc := range []struct {
		path  string
		isDir bool
		want  bool
	}{
		{"testdata", true, true},
		{"pkg/testdata", true, true},
		{"pkg/testdata/x.go", false, true},
		{"vendor", true, true},
		{"build", true, false}, // only *.o below it
		{"build/a.o", false, true},
		{"build/a.c", false, false},
		{"src", true, false},
		{"a", true, false}, // "**/x/**" excludes directories named x, not every one
		{"a/x", true, true},
		{"a/x/b.go", false, true},
		{"gen", true, false},
		{"gen/a/b_gen.go", false, true},
		{"gen/a/b.go", false, false},
		{"docs/a", true, true},
		{"docs/c", true, false},
		{"testdata.go", false, false},
		// "site/**/[!_]*" takes in some files of site/, not all: no pruning.
		{"site", true, false},
		{"site/_keep.md", false, false},
		{"site/page.md", false, true},
		{"site/sub", true, true}, // as in .gitignore, a glob matching a directory takes all of it
		{"out", true, true},
		// A glob ending in "/**" takes in what is inside a directory, not a
		// file of that name (moby's hack/validate/vendor script).
		{"hack/validate/vendor", false, false},
		{"hack/validate/vendor", true, true},
		{"testdata", false, false},
		{"a/x", false, false},
		{"docs/a", false, false},
		{"vendor", false, true}, // "vendor" names the file as well, as in .gitignore
		{"out", false, false},   // "out/" names directories only
	} {
		for name, p := range map[string]*Plan{"with literals": fast, "without": plain} {
			if got := p.excluded(tc.path, tc.isDir); got != tc.want {
				t.Errorf("%s: excluded(%q, %v) = %v, want %v", name, tc.path, tc.isDir, got, tc.want)
			}
		}
	}
}

func TestRequiredLiteral(t *testing.T) {
	for glob, want := range map[string]string{
		"**/testdata/**":  "testdata",
		"vendor":          "vendor",
		"build/*.o":       "build",
		"**/*.min.js":     ".min.js",
		"**":              "",
		"docs/{a,b}/**":   "",
		"src/[ab]*.go":    "",
		`esc\*aped`:       "",
		"a/node_modules/": "node_modules",
	} {
		if got := requiredLiteral(glob); got != want {
			t.Errorf("requiredLiteral(%q) = %q, want %q", glob, got, want)
		}
	}
}

func TestSelection(t *testing.T) {
	cfg, err := config.LoadBuiltin("default")
	if err != nil {
		t.Fatal(err)
	}
	ids := func(sel string) []string {
		p, err := NewPlan(cfg, sel)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, pc := range p.Checks {
			out = append(out, pc.Check.ID)
		}
		return out
	}
	if got := ids("readme,license-file"); !cmp.Equal(got, []string{"license-file", "readme"}) {
		t.Errorf("list selection = %v", got)
	}
	for _, id := range ids("all,-readme") {
		if id == "readme" {
			t.Error("all,-readme kept readme")
		}
	}
	if got := ids("code*"); !cmp.Equal(got, []string{"code-of-conduct", "codeowners"}) {
		t.Errorf("glob selection = %v", got)
	}
	if _, err := NewPlan(cfg, "zzz-*"); !errors.Is(err, config.ErrConfig) {
		t.Errorf("glob matching nothing: err = %v, want a config error", err)
	}
	if _, err := NewPlan(cfg, "no-such-check"); !errors.Is(err, config.ErrConfig) {
		t.Errorf("unknown check: err = %v, want a config error", err)
	}
}

// TestDefaultExcludesKeepFiles scans a moby-like layout with the default
// rule set: the directories vendor/, testdata/ and node_modules/ go, the
// bash script hack/validate/vendor stays.
func TestDefaultExcludesKeepFiles(t *testing.T) {
	cfg, err := config.LoadBuiltin(config.DefaultSet)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := NewPlan(cfg, "readme")
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{
		"README.md":                          {Data: []byte("# moby\n")},
		"hack/validate/vendor":               {Data: []byte("#!/usr/bin/env bash\n")},
		"hack/validate/testdata":             {Data: []byte("#!/usr/bin/env bash\n")},
		"vendor/github.com/x/y/y.go":         {Data: []byte("package y\n")},
		"pkg/testdata/fixture.txt":           {Data: []byte("x\n")},
		"web/node_modules/left-pad/index.js": {Data: []byte("x\n")},
	}
	ix, _, err := repo.Walk(context.Background(), memRepo(files), repo.WalkOptions{Exclude: plan.excluded})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ix.Files() {
		got = append(got, e.Path)
	}
	want := []string{"README.md", "hack/validate/testdata", "hack/validate/vendor"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("indexed files (-want +got):\n%s", d)
	}
}
