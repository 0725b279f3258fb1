// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestKindMaxFileSize(t *testing.T) {
	sized := func(n int) *fstest.MapFile { return &fstest.MapFile{Data: make([]byte, n)} }
	repo := fstest.MapFS{
		"README.md":          file("# x\n"),
		"assets/video.MP4":   sized(3 << 20),
		"data/dump.csv":      sized(1<<20 + 1),
		"data/exact.csv":     sized(1 << 20),
		"data/link.csv":      kindSymlink("dump.csv"),
		"docs/diagram.png":   sized(600 << 10),
		"vendor/lib/blob.so": sized(2 << 20),
	}
	tests := []struct {
		name string
		user map[string]any
		want []string
	}{
		{"defaults: 1MiB over every file, links skipped", nil, []string{"assets/video.MP4:0", "data/dump.csv:0", "vendor/lib/blob.so:0"}},
		{"a smaller max", map[string]any{"max": "512KiB"}, []string{"assets/video.MP4:0", "data/dump.csv:0", "data/exact.csv:0", "docs/diagram.png:0", "vendor/lib/blob.so:0"}},
		{"max in bytes", map[string]any{"max": 2 << 20}, []string{"assets/video.MP4:0"}},
		{"paths narrow", map[string]any{"paths": []any{"data/**", "docs/**"}}, []string{"data/dump.csv:0"}},
		{"case matters by default", map[string]any{"paths": "**/*.mp4"}, []string{}},
		{"ignore-case", map[string]any{"paths": "**/*.mp4", "ignore-case": true}, []string{"assets/video.MP4:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, kindMaxFileSize(), repo, tt.user)
			if diff := cmp.Diff(tt.want, kindAt(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}

	got, _ := runCheck(t, kindMaxFileSize(), repo, map[string]any{"paths": "assets/**"})
	want := []Finding{{
		Path: "assets/video.MP4", Key: "too large",
		Message:    "assets/video.MP4 is 3 MiB, over the 1 MiB limit: remove it, shrink it or move it to Git LFS",
		Properties: map[string]any{"size": int64(3 << 20), "max": int64(1 << 20)},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("finding (-want +got):\n%s", diff)
	}
	got, _ = runCheck(t, kindMaxFileSize(), repo, map[string]any{"paths": "assets/**", "message": "use the media bucket"})
	if len(got) != 1 || got[0].Message != "use the media bucket" {
		t.Errorf("user message: got %+v", got)
	}
}
