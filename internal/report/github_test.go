// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/scan"
)

// A message or file name must not end the workflow command early or issue
// one of its own: the runner reads every stdout line starting with "::".
func TestGitHubAnnotationsEscape(t *testing.T) {
	readme, _ := checks.Lookup("readme")
	rep := &scan.Report{
		Checks: []*checks.Check{readme},
		Targets: []*scan.TargetResult{{
			Target: "sub/dir",
			Findings: []scan.Finding{
				{Check: "readme", Level: "error", Path: "a,b:c%.md", Line: 3, Message: "100% wrong\n::add-mask::x, y: z\r", GGI: scan.GGIRef{Activities: []string{"GGI-A-25"}}},
				{Check: "custom", Level: "warning", Path: "x.go", Message: "plain"},
				{Check: "custom", Level: "note", Path: "y.go", Message: "a note"},
				{Check: "custom", Level: "error", Path: "z.go", Message: "waived", Waived: &scan.Waived{Reason: "r"}},
				{Check: "custom", Level: "warning", Message: "about the repository, no file"},
			},
		}, {
			Target: "/abs/other",
			Findings: []scan.Finding{
				{Check: "custom", Level: "error", Path: "top.go", Message: "m"},
			},
		}, {
			Target: "https://github.com/o/r",
			Error:  "clone failed\n::error::forged",
		}},
	}
	var b bytes.Buffer
	if err := GitHub(&b, rep); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"::error file=sub/dir/a%2Cb%3Ac%25.md,line=3,title=readme%3A No README%2C or a trivial one::100% wrong%0A::add-mask::x, y: z%0D (GGI-A-25)",
		"::warning file=sub/dir/x.go,title=custom::plain",
		"::notice file=sub/dir/y.go,title=custom::a note",
		"::warning title=custom::about the repository, no file",
		"::error file=top.go,title=custom::m",
		"::error title=ospolint could not scan https%3A//github.com/o/r::clone failed%0A::error::forged",
	}
	// "100% wrong" is data: % escapes to %25.
	want[0] = strings.Replace(want[0], "::100% wrong", "::100%25 wrong", 1)
	if d := cmp.Diff(want, strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")); d != "" {
		t.Errorf("annotations (-want +got):\n%s", d)
	}
}

func TestWorkspacePrefix(t *testing.T) {
	for in, want := range map[string]string{
		".": "", "": "", "./sub": "sub/", "sub/": "sub/", "../up": "", "/abs": "", "https://h/o/r": "", `win\dir`: "win/dir/",
	} {
		if got := workspacePrefix(in); got != want {
			t.Errorf("workspacePrefix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSummaryGroupsByGoalWithFixes(t *testing.T) {
	var cs []*checks.Check
	for _, id := range []string{"readme", "security-policy", "header-removed"} {
		c, _ := checks.Lookup(id)
		cs = append(cs, c)
	}
	n := 4
	rep := &scan.Report{
		Checks: cs,
		Targets: []*scan.TargetResult{{
			Target: ".",
			Findings: []scan.Finding{
				{Check: "header-removed", Level: "error", Path: "a.go", Line: 2, Message: "gone | here", GGI: scan.GGIRef{Activities: []string{"GGI-A-21", "GGI-A-44"}, Goal: "Trust"}},
				{Check: "readme", Level: "warning", Path: "README.md", Message: "short", GGI: scan.GGIRef{Activities: []string{"GGI-A-25"}, Goal: "Culture"}},
				{Check: "security-policy", Level: "error", Path: "SECURITY.md", Message: "none", GGI: scan.GGIRef{Activities: []string{"GGI-A-22"}, Goal: "Trust"}},
				{Check: "readme", Level: "error", Path: "x", Message: "waived", Waived: &scan.Waived{Reason: "r"}, GGI: scan.GGIRef{Goal: "Culture"}},
			},
			Since:    &scan.Since{Base: "0123456789abcdef0123", ChangedFiles: &n, Known: 1},
			Maturity: []scan.GoalMaturity{{Goal: "Trust", Passed: 1, Applicable: 3}},
		}},
	}
	var b bytes.Buffer
	if err := Summary(&b, rep); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	order := []string{
		"## ospolint: 3 new findings (2 errors, 1 warning)\n",
		"Compared with the base revision `0123456789ab` (4 files changed): 1 finding already there is not repeated here.",
		"### Trust\n",
		"| **error** | `a.go:2` | gone \\| here | `header-removed` |",
		"| **error** | `SECURITY.md` | none | `security-policy` |",
		"**How to fix**\n\n- `header-removed` (",
		"): restore the removed line",
		"- `security-policy` (",
		"### Culture\n",
		"| warning | `README.md` | short | `readme` |",
		"- `readme` (",
		"<summary>Maturity per GGI goal at this revision</summary>",
		"| Trust | 1/3 |",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(out[at:], want)
		if i < 0 {
			t.Fatalf("summary lacks %q after offset %d:\n%s", want, at, out)
		}
		at += i + len(want)
	}
	if strings.Contains(out, "waived") {
		t.Errorf("a waived finding is in the summary:\n%s", out)
	}
}

func TestFixHint(t *testing.T) {
	for _, c := range checks.All() {
		if c.Template || c.Runner {
			continue
		}
		if fixHint(c.Help) == "" {
			t.Errorf("check %s: its help has no **Fix:** paragraph for the job summary", c.ID)
		}
	}
}
