// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestKindFileNotContains(t *testing.T) {
	main := `package main

// TODO: remove before release
func main() {
	debug() // TODO: remove before release; TODO: remove before release
}
`
	tests := []struct {
		name  string
		files fstest.MapFS
		user  map[string]any
		want  []string
		na    bool
	}{
		{
			name:  "clean",
			files: fstest.MapFS{"main.go": file("package main\n")},
			user:  map[string]any{"paths": "**", "pattern": "TODO: remove before release"},
			want:  []string{},
		},
		{
			name:  "one finding per matching line, with its number",
			files: fstest.MapFS{"cmd/main.go": file(main), "README.md": file("# x\nTODO: remove before release\n")},
			user:  map[string]any{"paths": "**", "pattern": "TODO: remove before release"},
			want:  []string{"README.md:2", "cmd/main.go:3", "cmd/main.go:5"},
		},
		{
			name:  "paths narrow the files",
			files: fstest.MapFS{"cmd/main.go": file(main), "README.md": file("TODO: remove before release\n")},
			user:  map[string]any{"paths": "**/*.go", "pattern": "TODO: remove before release"},
			want:  []string{"cmd/main.go:3", "cmd/main.go:5"},
		},
		{
			name:  "anchors work per line",
			files: fstest.MapFS{"hosts.txt": file("a.example.com\ninternal.corp\n  internal.corp\nx\n")},
			user:  map[string]any{"paths": "*.txt", "pattern": `^internal\.`},
			want:  []string{"hosts.txt:2"},
		},
		{
			name:  "ignore-case",
			files: fstest.MapFS{"Notes.MD": file("ok\nDo Not Release\n")},
			user:  map[string]any{"paths": "*.md", "pattern": "do not release", "ignore-case": true},
			want:  []string{"Notes.MD:2"},
		},
		{
			name:  "a match spanning lines is reported once, at its start",
			files: fstest.MapFS{"a.txt": file("x\nBEGIN\nsecret\nEND\nBEGIN\nEND\n")},
			user:  map[string]any{"paths": "a.txt", "pattern": `(?s)BEGIN.*?END`},
			want:  []string{"a.txt:2", "a.txt:5"},
		},
		{
			name:  "CRLF and a last line without newline",
			files: fstest.MapFS{"w.txt": file("ok\r\nbad\r\nok\r\nbad")},
			user:  map[string]any{"paths": "w.txt", "pattern": `^bad\r?$`},
			want:  []string{"w.txt:2", "w.txt:4"},
		},
		{
			name:  "binary files are not searched",
			files: fstest.MapFS{"app.bin": file("\x7fELF\x00\x00TODO: remove before release")},
			user:  map[string]any{"paths": "**", "pattern": "TODO: remove before release"},
			want:  []string{},
		},
		{
			name:  "too large is a finding",
			files: fstest.MapFS{"dump.sql": file(strings.Repeat("-- row\n", maxRead/7+1))},
			user:  map[string]any{"paths": "**", "pattern": "password"},
			want:  []string{"dump.sql:0"},
		},
		{
			name:  "no file matches: not applicable",
			files: fstest.MapFS{"README.md": file("# x\n")},
			user:  map[string]any{"paths": "src/**", "pattern": "x"},
			want:  []string{},
			na:    true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, p := runCheck(t, kindFileNotContains(), tt.files, tt.user)
			if diff := cmp.Diff(tt.want, kindAt(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if na := p.NotApplicableReason() != ""; na != tt.na {
				t.Errorf("not applicable = %v (%q), want %v", na, p.NotApplicableReason(), tt.na)
			}
		})
	}
}

func TestKindFileNotContainsMessagesAndKeys(t *testing.T) {
	files := fstest.MapFS{"a.txt": file("TODO x\nok\nTODO x\n   TODO x  \nTODO y\n")}
	got, _ := runCheck(t, kindFileNotContains(), files, map[string]any{"paths": "a.txt", "pattern": "TODO"})
	if len(got) != 4 {
		t.Fatalf("got %d findings, want 4: %+v", len(got), got)
	}
	if want := `forbidden pattern "TODO" found: remove or rewrite this line`; got[0].Message != want {
		t.Errorf("message = %q, want %q", got[0].Message, want)
	}
	keys := map[string]bool{}
	for _, f := range got {
		if keys[f.Key] {
			t.Errorf("duplicate key %q: fingerprints would collide", f.Key)
		}
		keys[f.Key] = true
	}
	// Adding a line above keeps the keys (fingerprints) of the findings.
	moved := fstest.MapFS{"a.txt": file("new line\nTODO x\nok\nTODO x\n   TODO x  \nTODO y\n")}
	got2, _ := runCheck(t, kindFileNotContains(), moved, map[string]any{"paths": "a.txt", "pattern": "TODO"})
	for i := range got2 {
		if got2[i].Key != got[i].Key || got2[i].Line != got[i].Line+1 {
			t.Errorf("finding %d: key %q line %d, want key %q line %d", i, got2[i].Key, got2[i].Line, got[i].Key, got[i].Line+1)
		}
	}

	custom, _ := runCheck(t, kindFileNotContains(), files, map[string]any{"paths": "a.txt", "pattern": "TODO y", "message": "finish it"})
	if diff := cmp.Diff([]Finding{{Path: "a.txt", Line: 5, Key: "TODO y#1", Message: "finish it"}}, custom); diff != "" {
		t.Errorf("user message (-want +got):\n%s", diff)
	}
}

func TestKindFileNotContainsCapsFindings(t *testing.T) {
	minified := strings.Repeat("eval(x);eval(y);\n", 250)
	got, _ := runCheck(t, kindFileNotContains(), fstest.MapFS{"app.min.js": file(minified)},
		map[string]any{"paths": "**/*.js", "pattern": `eval\(`})
	if len(got) != ruleMaxMatches+1 {
		t.Fatalf("got %d findings, want %d lines and one summary", len(got), ruleMaxMatches+1)
	}
	if got[0].Line != 0 || !strings.Contains(got[0].Message, "more than 100 lines") {
		t.Errorf("summary finding = %+v", got[0])
	}
	if got[1].Line != 1 || got[ruleMaxMatches].Line != ruleMaxMatches {
		t.Errorf("lines run %d..%d, want 1..%d", got[1].Line, got[ruleMaxMatches].Line, ruleMaxMatches)
	}
}

func TestKindFileNotContainsEmptyMatches(t *testing.T) {
	// A pattern that matches the empty string must still end.
	got, _ := runCheck(t, kindFileNotContains(), fstest.MapFS{"a.txt": file("a\nb\n\n")},
		map[string]any{"paths": "a.txt", "pattern": "x*"})
	if diff := cmp.Diff([]string{"a.txt:1", "a.txt:2", "a.txt:3"}, kindAt(got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}
