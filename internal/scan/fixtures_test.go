// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
)

// TestFixtureRepos scans every testdata/repos/NAME/ that has an expected.txt
// beside its files and compares the findings, one per line as
// "check path[:line]" (blank lines and # comments ignored). A fixture's own
// .ospolint.yml selects its rule set; otherwise the default set applies.
func TestFixtureRepos(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "repos")
	des, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, de := range des {
		dir := filepath.Join(root, de.Name())
		want, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
		if err != nil {
			continue
		}
		n++
		t.Run(de.Name(), func(t *testing.T) {
			got := scanFixture(t, dir)
			if d := cmp.Diff(parseExpected(string(want)), got); d != "" {
				t.Errorf("findings of %s (-expected.txt +got):\n%s", de.Name(), d)
			}
		})
	}
	if n == 0 {
		t.Fatal("no fixture repositories with expected.txt")
	}
}

func parseExpected(s string) []string {
	out := []string{}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Join(strings.Fields(line), " "))
	}
	sort.Strings(out)
	return out
}

func scanFixture(t *testing.T, dir string) []string {
	t.Helper()
	r, err := repo.OpenWorktree(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// The loader the command line uses, so a fixture's .ospolint.yml is read
	// (and bounded, and confined) as a user's would be.
	cfg, err := config.ForRepo(r, "")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := NewPlan(cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	plan.excludes = append(plan.excludes, newExclude("expected.txt"))
	res, err := Run(context.Background(), r, plan, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, f := range res.Findings {
		if f.Waived != nil {
			continue
		}
		loc := f.Path
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d", f.Path, f.Line)
		}
		got = append(got, f.Check+" "+loc)
	}
	for _, c := range res.Checks {
		if c.Status == "error" {
			t.Errorf("check %s errored: %s", c.ID, c.Reason)
		}
	}
	sort.Strings(got)
	return got
}
