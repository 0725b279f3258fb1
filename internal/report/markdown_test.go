// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/scan"
)

func TestMarkdownCell(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":                "plain text",
		"a | b":                     `a \| b`,
		"line one\nline two":        "line one<br>line two",
		"crlf\r\nnext":              "crlf<br>next",
		"<script>alert(1)</script>": "&lt;script&gt;alert(1)&lt;/script&gt;",
		"*bold* _it_ `code` [l](u)": "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u)",
		"  trimmed  ":               "trimmed",
	} {
		if got := mdCell(in); got != want {
			t.Errorf("mdCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"README.md": "`README.md`",
		"a|b.md":    "`a\\|b.md`",
		"we`ird.md": "``we`ird.md``",
		"`start.md": "`` `start.md ``",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
}

// A message or file name with a pipe or a newline must not add cells or
// rows to the findings table.
func TestMarkdownTableStaysIntact(t *testing.T) {
	rep := &scan.Report{
		Tool: scan.Tool{Name: "ospolint", Version: "1.0.0"},
		Targets: []*scan.TargetResult{{
			Target: "acme",
			Findings: []scan.Finding{
				{Check: "readme", Level: "error", Path: "docs/a|b\nc.md", Line: 3, Message: "bad | message\nwith a second line", GGI: scan.GGIRef{Activities: []string{"GGI-A-25"}}},
				{Check: "contributing", Level: "warning", Path: "CONTRIBUTING.md", Message: "plain"},
			},
			Checks: []scan.CheckResult{
				{ID: "readme", Status: checks.StatusFail},
				{ID: "license-detected", Status: checks.StatusNotApplicable, Reason: "no licence file"},
				{ID: "license-file", Status: checks.StatusPass},
				{ID: "codeowners", Status: checks.StatusNotAvailable, Reason: "needs a token"},
			},
		}},
	}
	var buf bytes.Buffer
	if err := Markdown(&buf, rep); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	var rows []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| **error**") || strings.HasPrefix(l, "| warning") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 2 {
		t.Fatalf("want 2 finding rows, got %d:\n%s", len(rows), out)
	}
	for _, r := range rows {
		cells := strings.Split(strings.ReplaceAll(r, `\|`, ""), "|")
		if len(cells) != 7 { // 5 cells between 6 pipes
			t.Errorf("row has %d cells: %s", len(cells)-2, r)
		}
	}
	for _, want := range []string{
		"**2 findings (1 error, 1 warning)**",
		"| `codeowners` | not-available | needs a token |",
		"<summary>1 check passed, 1 not applicable</summary>",
		"| `license-detected` | not-applicable | no licence file |",
		"[GGI-A-25](https://ospo-alliance.org/ggi/activities/",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestMarkdownFailedTarget(t *testing.T) {
	rep := &scan.Report{Targets: []*scan.TargetResult{{Target: "gone", Error: "open gone: no such file or directory"}}}
	var buf bytes.Buffer
	if err := Markdown(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "## gone\n\n**Could not be scanned:** open gone: no such file or directory\n") {
		t.Errorf("unexpected output:\n%s", buf.String())
	}
}

// A target whose configuration is wrong reads as such in every
// human-readable report, not as one that could not be reached; the text
// report beside errors already printed on stderr names it without the
// message.
func TestConfigErrorTarget(t *testing.T) {
	rep := &scan.Report{Targets: []*scan.TargetResult{{
		Target: "svc", Error: ".ospolint.yml:3: checks.readme: unknown level \"loud\"",
		ConfigError: &scan.ConfigError{File: ".ospolint.yml", Line: 3, Key: "checks.readme", Message: "unknown level \"loud\""},
	}}}
	for _, tc := range []struct {
		name  string
		write Writer
		want  string
	}{
		{"markdown", Markdown, "## svc\n\n**Not scanned, configuration error:** .ospolint.yml:3: checks.readme: unknown level \"loud\"\n"},
		{"text", Text, "svc: not scanned: configuration error: .ospolint.yml:3: checks.readme: unknown level \"loud\"\n"},
		{"text after the errors", TextErrorsShown, "svc: not scanned: configuration error (printed above)\n"},
	} {
		var buf bytes.Buffer
		if err := tc.write(&buf, rep); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), tc.want) {
			t.Errorf("%s: output lacks %q:\n%s", tc.name, tc.want, buf.String())
		}
	}
}
