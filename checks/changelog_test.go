// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"
)

const changes = `# Changelog

## [Unreleased]

### Fixed
- The scanner no longer follows symbolic links out of the repository.

## [1.2.0] - 2026-03-02

### Added
- SARIF output.
`

func TestChangelog(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []wantFinding
	}{
		{"CHANGELOG.md", fstest.MapFS{"CHANGELOG.md": file(changes)}, nil},
		{"lower case in docs", fstest.MapFS{"docs/changelog.md": file(changes)}, nil},
		{"CHANGES.rst", fstest.MapFS{"CHANGES.rst": file(changes)}, nil},
		{"HISTORY", fstest.MapFS{"History.md": file(changes)}, nil},
		{"NEWS without extension", fstest.MapFS{"NEWS": file(changes)}, nil},
		{"RELEASES", fstest.MapFS{"docs/RELEASES.adoc": file(changes)}, nil},
		{
			"missing",
			fstest.MapFS{"README.md": file("# Widget"), "docs/release-process.md": file(changes)},
			[]wantFinding{{"CHANGELOG.md", 0, "no changelog"}},
		},
		{
			".github is not a changelog location",
			fstest.MapFS{".github/CHANGELOG.md": file(changes)},
			[]wantFinding{{"CHANGELOG.md", 0, "no changelog"}},
		},
		{
			"unknown extension",
			fstest.MapFS{"CHANGELOG.go": file("package changelog\n")},
			[]wantFinding{{"CHANGELOG.md", 0, "no changelog"}},
		},
		{
			"empty",
			fstest.MapFS{"CHANGELOG.md": file("  \n")},
			[]wantFinding{{"CHANGELOG.md", 0, "changelog is empty"}},
		},
		{
			"symlink out of the repository",
			fstest.MapFS{"CHANGELOG.md": escapingLink()},
			[]wantFinding{{"CHANGELOG.md", 0, "symbolic link that leaves the repository"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, changelog(), tt.files, nil)
			matchCommunityFindings(t, got, tt.want)
		})
	}
}
