// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"
)

const bugForm = `name: Bug report
description: Something does not work as documented.
labels: [bug]
body:
  - type: input
    id: version
    attributes:
      label: Version
      description: Output of "widget --version".
    validations:
      required: true
  - type: textarea
    id: steps
    attributes:
      label: Steps to reproduce
`

const bugMarkdown = `---
name: Bug report
about: Something does not work as documented.
---

**Version**

**Steps to reproduce**

**Expected and actual behaviour**
`

const chooserConfig = `blank_issues_enabled: false
contact_links:
  - name: Security report
    url: https://github.com/widget/widget/security/advisories/new
    about: Report vulnerabilities privately.
`

func TestIssueTemplates(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []wantFinding
	}{
		{"issue form", fstest.MapFS{".github/ISSUE_TEMPLATE/bug_report.yml": file(bugForm), ".github/ISSUE_TEMPLATE/config.yml": file(chooserConfig)}, nil},
		{"markdown template", fstest.MapFS{".github/ISSUE_TEMPLATE/bug_report.md": file(bugMarkdown)}, nil},
		{"yaml extension, lower-case directory", fstest.MapFS{".github/issue_template/feature.yaml": file(bugForm)}, nil},
		{"legacy root file", fstest.MapFS{"ISSUE_TEMPLATE.md": file(bugMarkdown)}, nil},
		{"legacy docs file without extension", fstest.MapFS{"docs/issue_template": file(bugMarkdown)}, nil},
		{"legacy .github file", fstest.MapFS{".github/Issue_Template.md": file(bugMarkdown)}, nil},
		{
			"config.yml alone",
			fstest.MapFS{".github/ISSUE_TEMPLATE/config.yml": file(chooserConfig)},
			[]wantFinding{{".github/ISSUE_TEMPLATE/config.yml", 0, "config.yml has no issue template beside it"}},
		},
		{
			"missing",
			fstest.MapFS{"README.md": file("# Widget"), ".github/ISSUE_TEMPLATE/bugs/report.md": file(bugMarkdown)},
			[]wantFinding{{".github/ISSUE_TEMPLATE", 0, "no issue templates"}},
		},
		{
			"other extensions do not count",
			fstest.MapFS{".github/ISSUE_TEMPLATE/bug.txt": file(bugMarkdown), ".github/ISSUE_TEMPLATE.txt": file(bugMarkdown)},
			[]wantFinding{{".github/ISSUE_TEMPLATE", 0, "no issue templates"}},
		},
		{
			"empty template",
			fstest.MapFS{".github/ISSUE_TEMPLATE/bug_report.md": file("\n"), ".github/ISSUE_TEMPLATE/config.yml": file(chooserConfig)},
			[]wantFinding{{".github/ISSUE_TEMPLATE/bug_report.md", 0, "issue template is empty"}},
		},
		{
			"one empty, one filled",
			fstest.MapFS{".github/ISSUE_TEMPLATE/a.md": file(""), ".github/ISSUE_TEMPLATE/b.yml": file(bugForm)},
			nil,
		},
		{
			"symlink out of the repository",
			fstest.MapFS{".github/ISSUE_TEMPLATE/bug_report.yml": escapingLink()},
			[]wantFinding{{".github/ISSUE_TEMPLATE/bug_report.yml", 0, "symbolic link that leaves the repository"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, issueTemplates(), tt.files, nil)
			matchCommunityFindings(t, got, tt.want)
		})
	}
}
