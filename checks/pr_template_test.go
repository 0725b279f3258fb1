// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"
)

const prBody = `## What and why

<!-- Describe the change and link the issue it fixes. -->

## How it was tested

## Checklist

- [ ] Tests added or updated
- [ ] CHANGELOG.md updated
- [ ] Commits signed off (DCO)
`

func TestPRTemplate(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []wantFinding
	}{
		{".github lower case", fstest.MapFS{".github/pull_request_template.md": file(prBody)}, nil},
		{"root upper case", fstest.MapFS{"PULL_REQUEST_TEMPLATE.md": file(prBody)}, nil},
		{"docs mixed case, no extension", fstest.MapFS{"docs/Pull_Request_Template": file(prBody)}, nil},
		{"template directory", fstest.MapFS{".github/PULL_REQUEST_TEMPLATE/feature.md": file(prBody)}, nil},
		{"template directory in docs", fstest.MapFS{"docs/pull_request_template/bugfix.md": file(prBody)}, nil},
		{
			"missing",
			fstest.MapFS{"README.md": file("# Widget"), ".github/templates/pr.md": file(prBody)},
			[]wantFinding{{".github/pull_request_template.md", 0, "no pull request template"}},
		},
		{
			"unsupported extension",
			fstest.MapFS{".github/pull_request_template.txt": file(prBody)},
			[]wantFinding{{".github/pull_request_template.md", 0, "no pull request template"}},
		},
		{
			"empty",
			fstest.MapFS{".github/pull_request_template.md": file("<!-- -->\n")},
			[]wantFinding{{".github/pull_request_template.md", 0, "pull request template is empty"}},
		},
		{
			"symlink out of the repository",
			fstest.MapFS{".github/PULL_REQUEST_TEMPLATE/feature.md": escapingLink()},
			[]wantFinding{{".github/PULL_REQUEST_TEMPLATE/feature.md", 0, "symbolic link that leaves the repository"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, prTemplate(), tt.files, nil)
			matchCommunityFindings(t, got, tt.want)
		})
	}
}
