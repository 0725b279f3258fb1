// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package codeowners parses GitHub CODEOWNERS files and reports the lines
// GitHub would reject or skip: owners that are not @user, @org/team or an
// e-mail address, and the gitignore pattern syntax CODEOWNERS does not
// support (leading "!" negation, "[ ]" character ranges).
package codeowners

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxSize is GitHub's limit: a CODEOWNERS file of 3 MB or more is ignored
// as a whole.
const MaxSize = 3 << 20

// File is a parsed CODEOWNERS file.
type File struct {
	// Rules in file order; GitHub applies the last matching one. Lines with
	// errors are left out, as GitHub skips them.
	Rules []Rule
}

// Rule is one pattern line.
type Rule struct {
	// Pattern as written, backslash escapes kept.
	Pattern string
	// Owners may be empty: such a rule clears ownership of the files it
	// matches.
	Owners []string
	// Line is 1-based.
	Line int
}

// HasOwners reports whether at least one rule names an owner.
func (f *File) HasOwners() bool {
	for _, r := range f.Rules {
		if len(r.Owners) > 0 {
			return true
		}
	}
	return false
}

// ParseError is a line GitHub would reject.
type ParseError struct {
	// Line and Column are 1-based; Column counts characters (runes).
	Line   int
	Column int
	Msg    string
}

func (e ParseError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// Parse reads a CODEOWNERS file. It never fails as a whole: each bad line is
// reported and skipped, the way GitHub skips it.
func Parse(data []byte) (*File, []ParseError) {
	f := &File{}
	var errs []ParseError
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		if !utf8.ValidString(line) {
			errs = append(errs, ParseError{Line: n, Column: invalidColumn(line), Msg: "line is not valid UTF-8"})
			continue
		}
		toks, terr := tokens(line)
		if terr != nil {
			errs = append(errs, ParseError{Line: n, Column: terr.col, Msg: terr.msg})
			continue
		}
		if len(toks) == 0 {
			continue
		}
		if isSectionHeader(toks[0].text) {
			errs = append(errs, ParseError{Line: n, Column: toks[0].col, Msg: "section headers such as \"[Section]\" are GitLab syntax; GitHub skips this line"})
			continue
		}
		owners := toks[1:]
		bad := false
		if msg, col := checkPattern(toks[0].text); msg != "" {
			errs = append(errs, ParseError{Line: n, Column: toks[0].col + col, Msg: msg})
			bad = true
		}
		r := Rule{Pattern: toks[0].text, Line: n}
		for _, o := range owners {
			if msg := checkOwner(o.text); msg != "" {
				errs = append(errs, ParseError{Line: n, Column: o.col, Msg: msg})
				bad = true
				continue
			}
			r.Owners = append(r.Owners, o.text)
		}
		if !bad {
			f.Rules = append(f.Rules, r)
		}
	}
	return f, errs
}

type token struct {
	text string
	col  int // 1-based rune column of the token's first character
}

type tokenError struct {
	col int
	msg string
}

// tokens splits a line on unescaped spaces and tabs, up to a comment: a "#"
// that starts a token. A backslash escapes the next character, so "\ "
// keeps a space inside a pattern and "\#" starts a pattern with "#".
func tokens(line string) ([]token, *tokenError) {
	var out []token
	var cur strings.Builder
	start, col := 0, 0
	escaped := false
	for _, r := range line {
		col++
		if cur.Len() == 0 && !escaped {
			if r == ' ' || r == '\t' {
				continue
			}
			if r == '#' {
				return out, nil
			}
			start = col
		}
		switch {
		case escaped:
			cur.WriteRune(r)
			escaped = false
		case r == '\\':
			cur.WriteRune(r)
			escaped = true
		case r == ' ' || r == '\t':
			out = append(out, token{text: cur.String(), col: start})
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	if escaped {
		return nil, &tokenError{col: col, msg: "line ends with a lone backslash; remove it or escape it as \\\\"}
	}
	if cur.Len() > 0 {
		out = append(out, token{text: cur.String(), col: start})
	}
	return out, nil
}

// checkPattern returns a message and the 0-based rune offset of the first
// unsupported construct in p, or "".
func checkPattern(p string) (string, int) {
	if strings.HasPrefix(p, "!") {
		return "negation with \"!\" is not supported in CODEOWNERS; GitHub skips this line (list the paths you mean instead)", 0
	}
	escaped := false
	i := 0
	for _, r := range p {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case r == '[' || r == ']':
			return "character ranges with \"[ ]\" are not supported in CODEOWNERS; GitHub skips this line (write one pattern per alternative or use *)", i
		}
		i++
	}
	return "", 0
}

// isSectionHeader recognises GitLab's "[Section]", "^[Optional]" and
// "[Section][2]" headers by their first token ("[Section" when the name has
// a space), telling them from a pattern such as "[a-z]*.go".
func isSectionHeader(first string) bool {
	t := strings.TrimPrefix(first, "^")
	if !strings.HasPrefix(t, "[") {
		return false
	}
	return !strings.Contains(t, "]") || strings.HasSuffix(t, "]")
}

// checkOwner returns why o is not an owner GitHub accepts, or "".
func checkOwner(o string) string {
	switch {
	case strings.HasPrefix(o, "@"):
		name := o[1:]
		if name == "" {
			return "owner \"@\" names nobody; write @user or @org/team"
		}
		org, team, isTeam := strings.Cut(name, "/")
		if !validLogin(org) {
			return fmt.Sprintf("owner %q is not a valid GitHub user or organisation name (letters, digits, hyphens and underscores)", o)
		}
		if isTeam && !validTeam(team) {
			return fmt.Sprintf("owner %q is not a valid team: write @org/team-slug", o)
		}
		return ""
	case strings.Contains(o, "@"):
		if !validEmail(o) {
			return fmt.Sprintf("owner %q is not a valid e-mail address", o)
		}
		return ""
	}
	return fmt.Sprintf("owner %q must be @user, @org/team or an e-mail address", o)
}

// validLogin accepts GitHub logins, including the underscore suffix of
// Enterprise Managed Users (octocat_acme); the length limit is not checked,
// as older accounts exceed it.
func validLogin(s string) bool {
	if s == "" || s[0] == '-' || s[0] == '_' {
		return false
	}
	for _, r := range s {
		if !isAlnum(r) && r != '-' && r != '_' {
			return false
		}
	}
	return true
}

func validTeam(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isAlnum(r) && r != '-' && r != '_' && r != '.' {
			return false
		}
	}
	return true
}

func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.Contains(domain, "@") {
		return false
	}
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return false
	}
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("<>()[]\\,;:\"", r) {
			return false
		}
	}
	return true
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// invalidColumn is the 1-based rune column of the first invalid byte.
func invalidColumn(s string) int {
	col := 1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return col
		}
		i += size
		col++
	}
	return col
}
