// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/ospolint/ospolint/internal/scan"
)

// jsonReport is a report of two targets holding findings with every field
// set and unset, and a third whose findings are nil.
func jsonReport(s string, line int) *scan.Report {
	one := scan.Finding{
		Check: "reuse-missing-license", Level: "error", Message: "no licensing information in " + s, Path: s,
		GGI: scan.GGIRef{Activities: []string{"GGI-A-21", "GGI-A-25"}, Goal: "trust"}, Fingerprint: "0123456789abcdef",
	}
	all := scan.Finding{
		Check: s, Level: "note", Message: s, Path: "a/" + s, Line: line,
		GGI:         scan.GGIRef{Activities: []string{}, Goal: s},
		Fingerprint: s,
		Waived:      &scan.Waived{Reason: s, Until: s, File: ".ospolint.yml", Line: line},
		Properties: map[string]any{
			"files": []map[string]any{{"path": s, "line": line}, {"path": "b"}}, "count": line, "ids": []string{s, "GPL-2.0+"},
			s: nil, "empty": []string{}, "obj": map[string]any{},
		},
		Advisory: true,
	}
	bare := scan.Finding{Check: "x", Path: s, Waived: &scan.Waived{}}
	return &scan.Report{
		SchemaVersion: scan.SchemaVersion,
		Tool:          scan.Tool{Name: "ospolint", Version: s, URI: "https://example.org/ospolint"},
		Targets: []*scan.TargetResult{
			{Target: s, Kind: "dir", Files: 3, Findings: []scan.Finding{one, all, bare},
				Checks: []scan.CheckResult{{ID: "reuse-missing-license", Findings: 1}}, Facts: scan.Facts{}},
			{Target: "findings", Kind: "git", Error: `"findings": null`, Findings: []scan.Finding{}},
			{Target: "nil", Kind: "git", Subdir: s},
			{Target: "last", Kind: "git", Findings: []scan.Finding{all}},
		},
	}
}

func TestJSONMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"plain.c", `quote " and \ back`, "tab\tnl\n\x00\x1f", "é ✓ \u2028 \u2029 😀", "bad \xff utf-8", "<a href='x'>&</a>", ""} {
		for _, line := range []int{0, 7, -1} {
			assertJSONSame(t, jsonReport(s, line))
		}
	}
	assertJSONSame(t, &scan.Report{})

	// Enough findings to be written in parallel chunks, joined in order.
	r := jsonReport("many", 3)
	var many []scan.Finding
	for i := range 3*findingChunk + 7 {
		f := r.Targets[0].Findings[i%3]
		f.Path, f.Line = fmt.Sprintf("dir%d/file%d.c", i%17, i), i
		many = append(many, f)
	}
	r.Targets[0].Findings = many
	assertJSONSame(t, r)
}

func FuzzFindingJSON(f *testing.F) {
	f.Add("src/main.c", 12)
	f.Add("\"\\\n\u2028\xff", 0)
	f.Fuzz(func(t *testing.T, s string, line int) {
		assertJSONSame(t, jsonReport(s, line))
	})
}

// assertJSONSame fails unless JSON writes r as encoding/json would.
func assertJSONSame(t *testing.T, r *scan.Report) {
	t.Helper()
	var got, want bytes.Buffer
	if err := JSON(&got, r); err != nil {
		t.Fatal(err)
	}
	if err := writeIndented(&want, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("JSON:\n%s\nencoding/json:\n%s", got.Bytes(), want.Bytes())
	}
	if !bytes.Equal(want.Bytes(), referenceIndent(t, r)) {
		t.Error("writeIndented differs from encoding/json")
	}
}

// FuzzPlainASCII: the eight-bytes-at-a-time test agrees with looking at
// each byte.
func FuzzPlainASCII(f *testing.F) {
	for _, s := range []string{"", "plain text of a message, long enough", "a\"b", "tab\there", "\\", "é", "0123456\x7f", "0123456\x1f89", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := true
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
				want = false
			}
		}
		if got := plainASCII(s); got != want {
			t.Fatalf("plainASCII(%q) = %v, want %v", s, got, want)
		}
	})
}
