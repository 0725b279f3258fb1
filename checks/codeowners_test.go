// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ospolint/ospolint/internal/codeowners"
)

const validOwners = `# Default reviewers; later rules win.
*                 @widget/maintainers
/docs/            @widget/docs docs@widget-project.org
/internal/crypto/ @alice @widget/security   # needs two reviews
/vendor/
`

func TestCodeowners(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []wantFinding
	}{
		{".github", fstest.MapFS{".github/CODEOWNERS": file(validOwners)}, nil},
		{"root", fstest.MapFS{"CODEOWNERS": file(validOwners)}, nil},
		{"docs", fstest.MapFS{"docs/CODEOWNERS": file(validOwners)}, nil},
		{
			"missing",
			fstest.MapFS{"README.md": file("# Widget")},
			[]wantFinding{{".github/CODEOWNERS", 0, "no CODEOWNERS file"}},
		},
		{
			"wrong case",
			fstest.MapFS{".github/codeowners": file(validOwners)},
			[]wantFinding{{".github/codeowners", 0, "GitHub ignores .github/codeowners"}},
		},
		{
			"extension",
			fstest.MapFS{"CODEOWNERS.md": file(validOwners)},
			[]wantFinding{{"CODEOWNERS.md", 0, "GitHub ignores CODEOWNERS.md"}},
		},
		{
			"wrong directory",
			fstest.MapFS{"config/CODEOWNERS": file(validOwners)},
			[]wantFinding{{".github/CODEOWNERS", 0, "no CODEOWNERS file"}},
		},
		{
			"shadowed copies",
			fstest.MapFS{".github/CODEOWNERS": file(validOwners), "CODEOWNERS": file(validOwners), "docs/CODEOWNERS": file("* bad-owner\n")},
			[]wantFinding{
				{"CODEOWNERS", 0, "GitHub ignores CODEOWNERS because .github/CODEOWNERS takes precedence"},
				{"docs/CODEOWNERS", 0, "GitHub ignores docs/CODEOWNERS because .github/CODEOWNERS takes precedence"},
			},
		},
		{
			"syntax errors with lines",
			fstest.MapFS{".github/CODEOWNERS": file(`# Owners
*            @widget/maintainers
*.js         frontend-team
!/vendor/    @widget/maintainers
src/*.[ch]   @widget/c
/api/        @widget/backend/core
`)},
			[]wantFinding{
				{".github/CODEOWNERS", 3, `owner "frontend-team" must be @user, @org/team or an e-mail address`},
				{".github/CODEOWNERS", 4, `negation with "!" is not supported`},
				{".github/CODEOWNERS", 5, `character ranges with "[ ]" are not supported`},
				{".github/CODEOWNERS", 6, `owner "@widget/backend/core" is not a valid team`},
			},
		},
		{
			"escaped hash is fine",
			fstest.MapFS{".github/CODEOWNERS": file("\\#runbook.md @widget/sre\n")},
			nil,
		},
		{
			"no rule with an owner",
			fstest.MapFS{"CODEOWNERS": file("# TODO: assign owners\n/docs/\n")},
			[]wantFinding{{"CODEOWNERS", 0, "no rule in CODEOWNERS names a valid owner"}},
		},
		{
			"only invalid owners",
			fstest.MapFS{"CODEOWNERS": file("* maintainers\n")},
			[]wantFinding{
				{"CODEOWNERS", 0, "no rule in CODEOWNERS names a valid owner"},
				{"CODEOWNERS", 1, `owner "maintainers" must be`},
			},
		},
		{
			"empty",
			fstest.MapFS{".github/CODEOWNERS": file("")},
			[]wantFinding{{".github/CODEOWNERS", 0, "no rule in .github/CODEOWNERS names a valid owner"}},
		},
		{
			"over 3 MB",
			fstest.MapFS{".github/CODEOWNERS": file(strings.Repeat("/generated/file.go @widget/maintainers\n", codeowners.MaxSize/38+1))},
			[]wantFinding{{".github/CODEOWNERS", 0, "GitHub ignores a CODEOWNERS file of 3 MB or more"}},
		},
		{
			"symlink out of the repository",
			fstest.MapFS{".github/CODEOWNERS": escapingLink()},
			[]wantFinding{{".github/CODEOWNERS", 0, "symbolic link that leaves the repository"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, codeownersCheck(), tt.files, nil)
			matchCommunityFindings(t, got, tt.want)
		})
	}
}

func TestCodeownersColumnProperty(t *testing.T) {
	got, _ := runCheck(t, codeownersCheck(), fstest.MapFS{"CODEOWNERS": file("* @widget/all\n/api/  api-team\n")}, nil)
	if len(got) != 1 || got[0].Line != 2 || got[0].Properties["column"] != 8 {
		t.Fatalf("findings = %+v, want one at line 2 with column 8", got)
	}
}
