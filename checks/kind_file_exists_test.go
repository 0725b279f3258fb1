// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestKindFileExists(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		user  map[string]any
		want  []Finding
	}{
		{
			name:  "present",
			files: fstest.MapFS{"NOTICE": file("Example\n"), "go.mod": file("module x\n")},
			user:  map[string]any{"paths": "NOTICE*"},
		},
		{
			name:  "present with extension, second glob",
			files: fstest.MapFS{"docs/NOTICE.md": file("Example\n")},
			user:  map[string]any{"paths": []any{"NOTICE*", "docs/NOTICE*"}},
		},
		{
			name:  "missing: one finding at the first glob's prefix",
			files: fstest.MapFS{"README.md": file("# x\n"), "src/NOTICE": file("wrong place\n")},
			user:  map[string]any{"paths": []any{"NOTICE*", "docs/NOTICE*"}},
			want:  []Finding{{Path: "NOTICE", Key: "missing", Message: "no file matches NOTICE*, docs/NOTICE*: add one"}},
		},
		{
			name:  "case matters by default",
			files: fstest.MapFS{"notice.txt": file("Example\n")},
			user:  map[string]any{"paths": "NOTICE*"},
			want:  []Finding{{Path: "NOTICE", Key: "missing", Message: "no file matches NOTICE*: add one"}},
		},
		{
			name:  "ignore-case",
			files: fstest.MapFS{"notice.txt": file("Example\n")},
			user:  map[string]any{"paths": "NOTICE*", "ignore-case": true},
		},
		{
			name:  "user message",
			files: fstest.MapFS{"README.md": file("# x\n")},
			user:  map[string]any{"paths": "docs/adr/*.md", "message": "record decisions in docs/adr (see the OSPO wiki)"},
			want:  []Finding{{Path: "docs/adr", Key: "missing", Message: "record decisions in docs/adr (see the OSPO wiki)"}},
		},
		{
			name:  "empty message keeps the default",
			files: fstest.MapFS{},
			user:  map[string]any{"paths": "MAINTAINERS", "message": ""},
			want:  []Finding{{Path: "MAINTAINERS", Key: "missing", Message: "no file matches MAINTAINERS: add one"}},
		},
		{
			name:  "a link inside the repository counts",
			files: fstest.MapFS{"NOTICE": kindSymlink("legal/NOTICE.txt"), "legal/NOTICE.txt": file("Example\n")},
			user:  map[string]any{"paths": "NOTICE"},
		},
		{
			name:  "a link leaving the repository does not",
			files: fstest.MapFS{"NOTICE": kindSymlink("../shared/NOTICE")},
			user:  map[string]any{"paths": "NOTICE"},
			want: []Finding{{Path: "NOTICE", Key: "escapes",
				Message: "NOTICE is a symbolic link that leaves the repository; commit the file itself"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, kindFileExists(), tt.files, tt.user)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
