// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestKindNoBinaries(t *testing.T) {
	repo := fstest.MapFS{
		"README.md":           file("# x\n"),
		"empty":               file(""),
		"latin1.txt":          file("caf\xe9\n"),
		"bin/tool":            file("\x7fELF\x02\x01\x01\x00\x00\x00"),
		"lib/dep.JAR":         file("PK\x03\x04\x14\x00\x00\x00"),
		"docs/logo.PNG":       file("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"testdata/blob.bin":   file("\x00\x00"),
		"late-nul.txt":        file(strings.Repeat("a", ruleBinarySniff) + "\x00"),
		"bin/current":         kindSymlink("tool"),
		"bin/outside":         kindSymlink("../../usr/bin/env"),
		"src/main.go":         file("package main\n"),
		"src/utf16.txt":       file("\xff\xfeh\x00i\x00"),
		"web/fonts/a.woff2":   file("wOF2\x00\x01"),
		"web/fonts/README.md": file("fonts\n"),
	}
	tests := []struct {
		name string
		user map[string]any
		want []string
	}{
		{"defaults", nil, []string{"bin/outside:0", "bin/tool:0", "docs/logo.PNG:0", "lib/dep.JAR:0", "src/utf16.txt:0", "testdata/blob.bin:0", "web/fonts/a.woff2:0"}},
		{
			"allow",
			map[string]any{"allow": []any{"**/*.{png,woff2}", "testdata/**"}},
			[]string{"bin/outside:0", "bin/tool:0", "docs/logo.PNG:0", "lib/dep.JAR:0", "src/utf16.txt:0"},
		},
		{
			"ignore-case applies to allow",
			map[string]any{"allow": []any{"**/*.{png,woff2,jar}", "testdata/**"}, "ignore-case": true},
			[]string{"bin/outside:0", "bin/tool:0", "src/utf16.txt:0"},
		},
		{"paths narrow", map[string]any{"paths": "src/**"}, []string{"src/utf16.txt:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, kindNoBinaries(), repo, tt.user)
			if diff := cmp.Diff(tt.want, kindAt(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}

	got, _ := runCheck(t, kindNoBinaries(), repo, map[string]any{"paths": "lib/**"})
	want := []Finding{{Path: "lib/dep.JAR", Key: "binary",
		Message: "lib/dep.JAR is a binary file: remove it and build or download it instead, or list it under allow"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("finding (-want +got):\n%s", diff)
	}
	got, _ = runCheck(t, kindNoBinaries(), repo, map[string]any{"paths": "lib/**", "message": "fetch jars with Maven"})
	if len(got) != 1 || got[0].Message != "fetch jars with Maven" {
		t.Errorf("user message: got %+v", got)
	}
}
