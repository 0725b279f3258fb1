// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

import (
	"strings"
	"sync"

	"github.com/github/go-spdx/v2/spdxexp"
	"github.com/github/go-spdx/v2/spdxexp/spdxlicenses"
)

// Expression is an SPDX licence expression as written in a header, a
// REUSE.toml or a dep5 file, with the identifiers it names.
type Expression struct {
	Text string
	// Keys are the licence and exception identifiers exactly as written
	// ("GPL-2.0+", "Classpath-exception-2.0", "LicenseRef-x"), in order of
	// appearance, without duplicates. REUSE looks for LICENSES/<key>.<ext>.
	Keys []string
	// Invalid says why the text is not an SPDX licence expression; empty
	// when it is one. Unknown identifiers alone do not make it invalid: they
	// are bad licences (see Classify).
	Invalid string
}

// placeholders stand for identifiers that are well formed but not on the SPDX
// list, so the grammar is checked by go-spdx without it rejecting the
// unknown name: REUSE reports those as bad licences, not as bad expressions.
const (
	placeholderLicense   = "MIT"
	placeholderException = "Classpath-exception-2.0"
)

// ParseExpression analyses an SPDX licence expression. The grammar is
// checked by github.com/github/go-spdx; lower-case operators (allowed by SPDX
// 2.3, Annex D) are accepted.
func ParseExpression(text string) Expression {
	e := Expression{Text: text}
	s := strings.TrimSpace(text)
	if s == "" {
		e.Invalid = "the licence expression is empty"
		return e
	}
	var sub strings.Builder
	seen := map[string]bool{}
	afterWith := false
	for _, tok := range lexExpression(s) {
		switch tok {
		case "(", ")":
			sub.WriteString(tok)
			continue
		}
		if op := strings.ToUpper(tok); (op == "AND" || op == "OR" || op == "WITH") && (tok == op || tok == strings.ToLower(op)) {
			sub.WriteString(" " + op + " ")
			afterWith = op == "WITH"
			continue
		}
		if !wellFormed(tok) {
			e.Invalid = "\"" + tok + "\" is not a well-formed licence identifier"
			return e
		}
		if !seen[tok] {
			seen[tok] = true
			e.Keys = append(e.Keys, tok)
		}
		sub.WriteString(" " + substitute(tok, afterWith) + " ")
		afterWith = false
	}
	if depth := parenDepth(s); depth != 0 {
		e.Invalid = "unbalanced parentheses"
		return e
	}
	e.Invalid = grammar(sub.String())
	return e
}

// grammar checks an expression with go-spdx, which panics on some malformed
// input (a lone "(" in v2.7.0): that is an invalid expression too.
func grammar(s string) (invalid string) {
	defer func() {
		if recover() != nil {
			invalid = "syntax error"
		}
	}()
	if _, err := spdxexp.ExtractLicenses(s); err != nil {
		return err.Error()
	}
	return ""
}

// parenDepth is the number of unclosed "(", or -1 when a ")" has no "(".
func parenDepth(s string) int {
	d := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			d++
		case ')':
			if d--; d < 0 {
				return -1
			}
		}
	}
	return d
}

// substitute keeps an identifier go-spdx knows and replaces an unknown one by
// a known one of the same role, so only the grammar is judged.
func substitute(tok string, exception bool) string {
	base, plus := strings.CutSuffix(tok, "+")
	if strings.HasPrefix(base, "LicenseRef-") || strings.HasPrefix(base, "DocumentRef-") {
		return tok
	}
	if exception {
		if ok, _ := spdxlicenses.IsException(base); ok || knownLicense(tok) {
			return tok // a licence where an exception belongs: let the grammar say so
		}
		return placeholderException
	}
	if knownLicense(tok) {
		return tok
	}
	if ok, _ := spdxlicenses.IsException(base); ok {
		return tok // an exception where a licence belongs: let the grammar say so
	}
	if plus {
		return placeholderLicense + "+"
	}
	return placeholderLicense
}

func knownLicense(tok string) bool {
	base := strings.TrimSuffix(tok, "+")
	if ok, _ := spdxlicenses.IsActiveLicense(base); ok {
		return true
	}
	if ok, _ := spdxlicenses.IsDeprecatedLicense(tok); ok {
		return true
	}
	ok, _ := spdxlicenses.IsDeprecatedLicense(base)
	return ok
}

// lexExpression splits an expression into parentheses and words.
func lexExpression(s string) []string {
	var toks []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', ')':
			flush(i)
			toks = append(toks, s[i:i+1])
		case ' ', '\t', '\n', '\r':
			flush(i)
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(s))
	return toks
}

// wellFormed reports whether tok has the shape SPDX allows for an identifier:
// letters, digits, "-" and ".", an optional trailing "+", and an optional
// "DocumentRef-...:" prefix.
func wellFormed(tok string) bool {
	if doc, ref, ok := strings.Cut(tok, ":"); ok {
		return strings.HasPrefix(doc, "DocumentRef-") && idstring(doc) && strings.HasPrefix(ref, "LicenseRef-") && idstring(ref)
	}
	return idstring(strings.TrimSuffix(tok, "+"))
}

func idstring(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// Kind classifies a licence identifier.
type Kind int

// Kinds of identifiers.
const (
	// Known is on the SPDX licence or exception list, spelt as there.
	Known Kind = iota
	// Deprecated is on the SPDX list but deprecated.
	Deprecated
	// Ref is a LicenseRef-.
	Ref
	// Miscased is on the SPDX list with different letter case.
	Miscased
	// Unknown is not on the SPDX list and not a LicenseRef-.
	Unknown
)

// Classify says what an identifier is, and its SPDX spelling for Known,
// Deprecated and Miscased ones. A trailing "+" is ignored.
func Classify(key string) (Kind, string) {
	if strings.HasPrefix(key, "LicenseRef-") {
		return Ref, key
	}
	for _, k := range []string{key, strings.TrimSuffix(key, "+")} {
		if ok, canon := spdxlicenses.IsActiveLicense(k); ok {
			return caseKind(k, canon, Known), canon
		}
		if ok, canon := spdxlicenses.IsException(k); ok {
			return caseKind(k, canon, Known), canon
		}
		if ok, canon := spdxlicenses.IsDeprecatedLicense(k); ok {
			return caseKind(k, canon, Deprecated), canon
		}
	}
	return Unknown, key
}

func caseKind(written, canon string, k Kind) Kind {
	if written != canon {
		return Miscased
	}
	return k
}

// expressions memoises ParseExpression: most files of a project share a
// handful of expressions.
type expressions struct{ m sync.Map }

func (c *expressions) parse(text string) Expression {
	if v, ok := c.m.Load(text); ok {
		return v.(Expression)
	}
	e := ParseExpression(text)
	c.m.Store(text, e)
	return e
}
