// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package codeowners

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// A CODEOWNERS file the way a real project writes one: comments, a default
// owner, inline comments, a rule that clears ownership, teams and e-mail.
const realistic = `# Lines are matched in order; the last match wins.
# Default reviewers for everything in the repository.
*       @acme/maintainers

# Go code
*.go    @acme/go-reviewers @gopher   # language experts
/cmd/   @release-bot_acme

/docs/  docs-team@acme.example
/docs/generated/
\#notes.md @scribe
/build\ scripts/ @acme/ci.infra
`

func TestParseRealistic(t *testing.T) {
	f, errs := Parse([]byte(realistic))
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []Rule{
		{Pattern: "*", Owners: []string{"@acme/maintainers"}, Line: 3},
		{Pattern: "*.go", Owners: []string{"@acme/go-reviewers", "@gopher"}, Line: 6},
		{Pattern: "/cmd/", Owners: []string{"@release-bot_acme"}, Line: 7},
		{Pattern: "/docs/", Owners: []string{"docs-team@acme.example"}, Line: 9},
		{Pattern: "/docs/generated/", Line: 10},
		{Pattern: `\#notes.md`, Owners: []string{"@scribe"}, Line: 11},
		{Pattern: `/build\ scripts/`, Owners: []string{"@acme/ci.infra"}, Line: 12},
	}
	if diff := cmp.Diff(want, f.Rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	if !f.HasOwners() {
		t.Error("HasOwners = false")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []ParseError
		rules int
	}{
		{
			name: "owner without at sign",
			in:   "*.js  frontend-team\n",
			want: []ParseError{{Line: 1, Column: 7, Msg: `owner "frontend-team" must be @user, @org/team or an e-mail address`}},
		},
		{
			name: "bare at sign",
			in:   "* @\n",
			want: []ParseError{{Line: 1, Column: 3, Msg: `owner "@" names nobody; write @user or @org/team`}},
		},
		{
			name: "nested team",
			in:   "# owners\n/api/ @acme/backend/core\n",
			want: []ParseError{{Line: 2, Column: 7, Msg: `owner "@acme/backend/core" is not a valid team: write @org/team-slug`}},
		},
		{
			name: "empty team",
			in:   "/api/ @acme/\n",
			want: []ParseError{{Line: 1, Column: 7, Msg: `owner "@acme/" is not a valid team: write @org/team-slug`}},
		},
		{
			name: "bad login",
			in:   "/api/ @-acme @a.b\n",
			want: []ParseError{
				{Line: 1, Column: 7, Msg: `owner "@-acme" is not a valid GitHub user or organisation name (letters, digits, hyphens and underscores)`},
				{Line: 1, Column: 14, Msg: `owner "@a.b" is not a valid GitHub user or organisation name (letters, digits, hyphens and underscores)`},
			},
		},
		{
			name: "bad e-mail",
			in:   "docs/ alice@localhost bob@@acme.example\n",
			want: []ParseError{
				{Line: 1, Column: 7, Msg: `owner "alice@localhost" is not a valid e-mail address`},
				{Line: 1, Column: 23, Msg: `owner "bob@@acme.example" is not a valid e-mail address`},
			},
		},
		{
			name:  "negation",
			in:    "* @acme/all\n!vendor/ @acme/all\n",
			want:  []ParseError{{Line: 2, Column: 1, Msg: `negation with "!" is not supported in CODEOWNERS; GitHub skips this line (list the paths you mean instead)`}},
			rules: 1,
		},
		{
			name:  "escaped bang is a literal",
			in:    `\!important.txt @acme/all` + "\n",
			rules: 1,
		},
		{
			name: "character range",
			in:   "  src/*.[ch] @acme/c\n",
			want: []ParseError{{Line: 1, Column: 9, Msg: `character ranges with "[ ]" are not supported in CODEOWNERS; GitHub skips this line (write one pattern per alternative or use *)`}},
		},
		{
			name: "character range at start",
			in:   "[a-z]*.go @acme/go\n",
			want: []ParseError{{Line: 1, Column: 1, Msg: `character ranges with "[ ]" are not supported in CODEOWNERS; GitHub skips this line (write one pattern per alternative or use *)`}},
		},
		{
			name:  "escaped brackets are literals",
			in:    `docs/\[draft\].md @acme/docs` + "\n",
			rules: 1,
		},
		{
			name: "gitlab sections",
			in:   "[Documentation]\ndocs/ @acme/docs\n^[Optional Review] @acme/qa\n[Backend][2] @acme/backend\n",
			want: []ParseError{
				{Line: 1, Column: 1, Msg: `section headers such as "[Section]" are GitLab syntax; GitHub skips this line`},
				{Line: 3, Column: 1, Msg: `section headers such as "[Section]" are GitLab syntax; GitHub skips this line`},
				{Line: 4, Column: 1, Msg: `section headers such as "[Section]" are GitLab syntax; GitHub skips this line`},
			},
			rules: 1,
		},
		{
			name:  "trailing backslash",
			in:    "docs/ @acme/docs\nsrc\\\n",
			want:  []ParseError{{Line: 2, Column: 4, Msg: `line ends with a lone backslash; remove it or escape it as \\`}},
			rules: 1,
		},
		{
			name:  "comment may end with a backslash",
			in:    "# C:\\\n* @acme/all # see C:\\\n",
			rules: 1,
		},
		{
			name:  "not utf-8",
			in:    "* @acme/all\n/d\xffocs/ @acme/docs\n",
			want:  []ParseError{{Line: 2, Column: 3, Msg: "line is not valid UTF-8"}},
			rules: 1,
		},
		{
			name: "columns count characters",
			in:   "/é/ owner\n",
			want: []ParseError{{Line: 1, Column: 5, Msg: `owner "owner" must be @user, @org/team or an e-mail address`}},
		},
		{
			name:  "crlf and tabs",
			in:    "*\t@acme/all\r\n/docs/\t\tdocs@acme.example\r\n",
			rules: 2,
		},
		{
			name:  "hash inside a pattern is not a comment",
			in:    "issue#12/ @acme/all\n",
			rules: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := Parse([]byte(tt.in))
			if diff := cmp.Diff(tt.want, errs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if len(f.Rules) != tt.rules {
				t.Errorf("got %d rules, want %d: %+v", len(f.Rules), tt.rules, f.Rules)
			}
		})
	}
}

func TestHasOwners(t *testing.T) {
	for in, want := range map[string]bool{
		"":                                   false,
		"# only comments\n\n":                false,
		"/docs/\n/vendor/\n":                 false,
		"/docs/\n* @acme/all\n":              true,
		"* owner-without-at\n":               false,
		"/api/ api@acme.example # ping us\n": true,
	} {
		f, _ := Parse([]byte(in))
		if got := f.HasOwners(); got != want {
			t.Errorf("HasOwners(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestParseErrorString(t *testing.T) {
	e := ParseError{Line: 3, Column: 9, Msg: "bad owner"}
	if got, want := e.Error(), "line 3, column 9: bad owner"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		realistic,
		"",
		"\n\n\n",
		"* @a",
		"!x @a",
		"[a] @b",
		"^[Section Name][3] @org/team",
		"src\\",
		"\\",
		"\\#x\\ y @u # c\\",
		"/d\xffocs/ @acme/docs",
		"* @ @/ @a/ a@b a@b.c @a/b/c #",
		"\t \r\n\r",
		"é ü @ü",
		strings.Repeat("* @a ", 1000),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, errs := Parse(data)
		lines := strings.Count(string(data), "\n") + 1
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines || e.Column < 1 || e.Msg == "" {
				t.Fatalf("bad error %+v for %q", e, data)
			}
		}
		last := 0
		for _, r := range file.Rules {
			if r.Line <= last || r.Line > lines {
				t.Fatalf("rule line %d out of order or range for %q", r.Line, data)
			}
			last = r.Line
			if r.Pattern == "" || !utf8.ValidString(r.Pattern) || strings.ContainsAny(r.Pattern, " \t\n") && !strings.Contains(r.Pattern, `\`) {
				t.Fatalf("bad pattern %q for %q", r.Pattern, data)
			}
			for _, o := range r.Owners {
				if o == "" || strings.ContainsAny(o, " \t\n") && !strings.Contains(o, `\`) {
					t.Fatalf("bad owner %q for %q", o, data)
				}
			}
		}
	})
}
