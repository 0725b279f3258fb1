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
		{".github", fstest.MapFS{".github/CHANGELOG.md": file(changes)}, nil},
		// spdx/tools-golang keeps its changelog as RELEASE-NOTES.md.
		{"RELEASE-NOTES.md", fstest.MapFS{"RELEASE-NOTES.md": file(changes), "README.md": file("# Widget")}, nil},
		{"release_notes in doc", fstest.MapFS{"doc/release_notes.rst": file(changes)}, nil},
		{"one folder below Documentation", fstest.MapFS{"Documentation/admin/NEWS.txt": file(changes)}, nil},
		{"a folder for the changelog", fstest.MapFS{"docs/changelog/index.md": file(changes)}, nil},
		{
			"two folders below docs is too deep",
			fstest.MapFS{"docs/a/b/CHANGELOG.md": file(changes)},
			[]wantFinding{{"CHANGELOG.md", 0, "no changelog"}},
		},
		{
			"a sub-project's changelog is not the project's",
			fstest.MapFS{"api/docs/CHANGELOG.md": file(changes), "tsdb/CHANGELOG.md": file(changes)},
			[]wantFinding{{"CHANGELOG.md", 0, "no changelog"}},
		},
		{
			"RELEASE (the release process) is not a changelog",
			fstest.MapFS{"RELEASE.md": file(changes)},
			[]wantFinding{{"CHANGELOG.md", 0, "no changelog"}},
		},
		{"an empty copy beside a filled one", fstest.MapFS{"CHANGELOG.md": file(" \n"), "docs/CHANGES.md": file(changes)}, nil},
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
