// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/ggi"
)

// The maturity line must not claim an activity on the strength of a side
// check: a repository without README, CONTRIBUTING and code of conduct
// shows no evidence for GGI-A-25, however many templates it has, and says
// which checks it lacks.
func TestMaturityNeedsEssentialChecks(t *testing.T) {
	mit, err := os.ReadFile(filepath.Join("..", "..", "testdata", "repos", "minimal-mit", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	sides := fstest.MapFS{
		"LICENSE":                              {Data: mit},
		"CHANGELOG.md":                         {Data: []byte("# Changelog\n\n## 1.0.0\n\n- First release with the converter and its tests.\n")},
		".github/ISSUE_TEMPLATE/bug_report.md": {Data: []byte("---\nname: Bug report\nabout: Report a bug\n---\n\nWhat happened?\n")},
		".github/pull_request_template.md":     {Data: []byte("## Summary\n\n## Testing\n")},
		"SECURITY.md":                          {Data: []byte("# Security\n\nReport vulnerabilities privately to security@example.org.\n")},
		"main.go":                              {Data: []byte("package main\n")},
	}
	culture := cultureOf(t, sides)
	if slices.Contains(culture.Activities, "GGI-A-25") {
		t.Errorf("GGI-A-25 has evidence while readme, contributing and code-of-conduct fail: %+v", culture)
	}
	want := []ActivityGap{{Activity: "GGI-A-25", Failing: []string{"readme", "contributing", "code-of-conduct"}}}
	if d := cmp.Diff(want, culture.Gaps); d != "" {
		t.Errorf("gaps (-want +got):\n%s", d)
	}
	if culture.Passed == 0 {
		t.Errorf("the side checks did not pass, so the test proves nothing: %+v", culture)
	}

	// With the essentials, the activity has evidence.
	full := fstest.MapFS{
		"README.md":          {Data: []byte("# widget\n\nWidget converts temperature readings between Celsius and Fahrenheit. Install it with go install and run\nwidget 21C to print the value in Fahrenheit. Bug reports and ideas are welcome in the issue tracker.\n")},
		"CONTRIBUTING.md":    {Data: []byte("# Contributing\n\nFork the repository, create a branch, run go test ./... and open a pull request. A maintainer reviews\nevery change within a week; sign off your commits (DCO) to certify you may contribute them.\n")},
		"CODE_OF_CONDUCT.md": {Data: []byte("# Code of conduct\n\nBe kind and patient. Report problems to conduct@example.org; reports are answered within a week.\n")},
	}
	for k, v := range sides {
		full[k] = v
	}
	culture = cultureOf(t, full)
	if !slices.Contains(culture.Activities, "GGI-A-25") || len(culture.Gaps) != 0 {
		t.Errorf("a repository with the essentials lacks evidence for GGI-A-25: %+v", culture)
	}
}

func cultureOf(t *testing.T, files fstest.MapFS) GoalMaturity {
	t.Helper()
	cfg, err := config.LoadBuiltin(config.DefaultSet)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := NewPlan(cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), memRepo(files), plan, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Maturity {
		if m.Goal == string(ggi.Culture) {
			return m
		}
	}
	t.Fatalf("no Culture goal in %+v", res.Maturity)
	return GoalMaturity{}
}

// The essential checks of an activity are real checks that give evidence
// for it.
func TestEssentialChecksExist(t *testing.T) {
	acts := ggi.EssentialActivities()
	if len(acts) == 0 {
		t.Fatal("no essential checks")
	}
	for _, a := range acts {
		if _, ok := ggi.Lookup(a); !ok {
			t.Errorf("%s is not a GGI activity", a)
		}
		for _, id := range ggi.Essential(a) {
			c, ok := checks.Lookup(id)
			if !ok {
				t.Errorf("%s: essential check %s is not registered", a, id)
				continue
			}
			if !slices.Contains(c.Activities, a) {
				t.Errorf("%s: essential check %s gives evidence for %v, not for it", a, id, c.Activities)
			}
		}
	}
}
