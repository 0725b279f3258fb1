// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestKindFileHeader(t *testing.T) {
	const hdr = "// Copyright 2024 Example Corp\n// Licensed under the Apache License 2.0\n\npackage x\n"
	user := map[string]any{"paths": "**/*.go", "pattern": `^// Copyright \d{4} Example Corp`}
	tests := []struct {
		name  string
		files fstest.MapFS
		user  map[string]any
		want  []string
		na    bool
	}{
		{
			name:  "every file has the header",
			files: fstest.MapFS{"a.go": file(hdr), "pkg/b.go": file(hdr), "README.md": file("# x\n")},
			user:  user,
			want:  []string{},
		},
		{
			name: "files without it are findings at line 1",
			files: fstest.MapFS{
				"a.go":          file(hdr),
				"pkg/b.go":      file("package b\n"),
				"pkg/empty.go":  file(""),
				"cmd/x/main.go": file("// Copyright 2024 Other Inc\npackage main\n"),
			},
			user: user,
			want: []string{"cmd/x/main.go:1", "pkg/b.go:1", "pkg/empty.go:1"},
		},
		{
			name:  "header below the allowed lines",
			files: fstest.MapFS{"gen.go": file("//go:build linux\n\n// Code generated. DO NOT EDIT.\n" + hdr)},
			user:  map[string]any{"paths": "**/*.go", "pattern": `^// Copyright \d{4} Example Corp`, "lines": 3},
			want:  []string{"gen.go:1"},
		},
		{
			name:  "header within the allowed lines",
			files: fstest.MapFS{"gen.go": file("//go:build linux\n\n// Code generated. DO NOT EDIT.\n" + hdr)},
			user:  map[string]any{"paths": "**/*.go", "pattern": `^// Copyright \d{4} Example Corp`, "lines": 4},
			want:  []string{},
		},
		// REUSE-IgnoreStart
		{
			name:  "lines: 1 with CRLF",
			files: fstest.MapFS{"a.py": file("# SPDX-License-Identifier: MIT\r\nimport os\r\n"), "b.py": file("import os\r\n# SPDX-License-Identifier: MIT\r\n")},
			user:  map[string]any{"paths": "*.py", "pattern": `^# SPDX-License-Identifier: \S+\r?$`, "lines": 1},
			want:  []string{"b.py:1"},
		},
		// REUSE-IgnoreEnd
		{
			name:  "ignore-case applies to the pattern and the paths",
			files: fstest.MapFS{"Main.JAVA": file("/* copyright 2024 example corp */\n")},
			user:  map[string]any{"paths": "**/*.java", "pattern": `Copyright \d{4} Example Corp`, "ignore-case": true},
			want:  []string{},
		},
		{
			name:  "only the head is read",
			files: fstest.MapFS{"big.go": file(strings.Repeat("\n", ruleHeadBytes) + "// Copyright 2024 Example Corp\n")},
			user:  map[string]any{"paths": "*.go", "pattern": `Copyright`, "lines": 1000},
			want:  []string{"big.go:1"},
		},
		{
			name:  "binary is a finding",
			files: fstest.MapFS{"logo.go": file("\x00\x01// Copyright 2024 Example Corp")},
			user:  user,
			want:  []string{"logo.go:0"},
		},
		{
			name:  "link leaving the repository is a finding",
			files: fstest.MapFS{"ext.go": kindSymlink("../../vendor/ext.go")},
			user:  user,
			want:  []string{"ext.go:0"},
		},
		{
			name:  "no file matches: not applicable",
			files: fstest.MapFS{"README.md": file("# x\n")},
			user:  user,
			want:  []string{},
			na:    true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, p := runCheck(t, kindFileHeader(), tt.files, tt.user)
			if diff := cmp.Diff(tt.want, kindAt(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if na := p.NotApplicableReason() != ""; na != tt.na {
				t.Errorf("not applicable = %v (%q), want %v", na, p.NotApplicableReason(), tt.na)
			}
		})
	}
}

func TestKindFileHeaderMessages(t *testing.T) {
	files := fstest.MapFS{"a.go": file("package a\n")}
	got, _ := runCheck(t, kindFileHeader(), files, map[string]any{"paths": "*.go", "pattern": "^// SPDX", "lines": 2})
	want := []Finding{{Path: "a.go", Line: 1, Key: "no header",
		Message: `the first 2 lines do not match the required header "^// SPDX": add it at the top`}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("default message (-want +got):\n%s", diff)
	}
	got, _ = runCheck(t, kindFileHeader(), files, map[string]any{"paths": "*.go", "pattern": "^// SPDX", "message": "run `make headers`"})
	if len(got) != 1 || got[0].Message != "run `make headers`" {
		t.Errorf("user message: got %+v", got)
	}
}

func TestRuleFirstLines(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"a\nb\nc\n", 2, "a\nb\n"},
		{"a\nb", 5, "a\nb"},
		{"", 3, ""},
		{"a\n", 1, "a\n"},
	} {
		if got := string(ruleFirstLines([]byte(tt.in), tt.n)); got != tt.want {
			t.Errorf("ruleFirstLines(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
