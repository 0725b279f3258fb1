// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package licpolicy reads SPDX licence expressions, sorts licences into
// categories (permissive, weak-copyleft, ...) and evaluates allow/deny
// policies and the agreement of two expressions.
package licpolicy

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/github/go-spdx/v2/spdxexp/spdxlicenses"
)

// Limits that keep hostile input cheap: licence fields are short.
const (
	maxExprLen   = 4096
	maxDepth     = 64
	maxDNFTerms  = 1024
	noAssertion  = "NOASSERTION"
	noneLicensed = "NONE"
)

// ErrTooComplex is returned by DNF when an expression expands to more
// alternatives than is sensible to compare.
var ErrTooComplex = errors.New("licence expression too complex")

var refPattern = regexp.MustCompile(`^(?:DocumentRef-[A-Za-z0-9.\-]+:)?LicenseRef-[A-Za-z0-9.\-]+$`)

// Term is one licence of an expression, with its "or later" mark and an
// optional exception.
type Term struct {
	// ID is the canonical SPDX id ("GPL-2.0-or-later"), a LicenseRef, or the
	// id as written when it is unknown (ParseAny only).
	ID string
	// OrLater is a "+" that could not be folded into an -or-later id
	// ("Apache-2.0+").
	OrLater   bool
	Exception string
	// Unknown marks an id that is not on the SPDX licence list (ParseAny only).
	Unknown bool
}

// String writes the term in SPDX syntax.
func (t Term) String() string {
	s := t.ID
	if t.OrLater {
		s += "+"
	}
	if t.Exception != "" {
		s += " WITH " + t.Exception
	}
	return s
}

// Expr is a parsed licence expression.
type Expr struct {
	op   string // "", "AND" or "OR"
	term Term
	kids []*Expr
	// Problems lists what the text did that SPDX does not allow but could
	// still be read (lower-case operators, "/" between licences). An
	// expression with problems is not valid SPDX as written.
	Problems []string
}

// String writes the expression canonically: SPDX ids in their list's case,
// upper-case operators, parentheses only where precedence needs them.
func (e *Expr) String() string {
	if e == nil {
		return ""
	}
	if e.op == "" {
		return e.term.String()
	}
	parts := make([]string, len(e.kids))
	for i, k := range e.kids {
		s := k.String()
		if e.op == "AND" && k.op == "OR" {
			s = "(" + s + ")"
		}
		parts[i] = s
	}
	return strings.Join(parts, " "+e.op+" ")
}

// HasOr reports whether the expression offers a choice.
func (e *Expr) HasOr() bool {
	if e.op == "OR" {
		return true
	}
	for _, k := range e.kids {
		if k.HasOr() {
			return true
		}
	}
	return false
}

// Terms returns every licence of the expression once, in order of
// appearance.
func (e *Expr) Terms() []Term {
	var out []Term
	seen := map[string]bool{}
	var walk func(*Expr)
	walk = func(x *Expr) {
		if x.op == "" {
			if k := x.term.String(); !seen[k] {
				seen[k] = true
				out = append(out, x.term)
			}
			return
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(e)
	return out
}

// DNF expands the expression into alternatives (OR) of licence sets that
// apply together (AND). Each set is sorted and free of duplicates.
func (e *Expr) DNF() ([][]Term, error) {
	switch e.op {
	case "":
		return [][]Term{{e.term}}, nil
	case "OR":
		var out [][]Term
		for _, k := range e.kids {
			d, err := k.DNF()
			if err != nil {
				return nil, err
			}
			out = append(out, d...)
			if len(out) > maxDNFTerms {
				return nil, ErrTooComplex
			}
		}
		return dedupSets(out), nil
	default: // AND: the product of the children's alternatives
		out := [][]Term{{}}
		for _, k := range e.kids {
			d, err := k.DNF()
			if err != nil {
				return nil, err
			}
			if len(out)*len(d) > maxDNFTerms {
				return nil, ErrTooComplex
			}
			var next [][]Term
			for _, a := range out {
				for _, b := range d {
					next = append(next, append(append([]Term{}, a...), b...))
				}
			}
			out = next
		}
		return dedupSets(out), nil
	}
}

func dedupSets(sets [][]Term) [][]Term {
	seen := map[string]bool{}
	var out [][]Term
	for _, s := range sets {
		s = sortTerms(s)
		k := setKey(s)
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

func sortTerms(ts []Term) []Term {
	m := map[string]Term{}
	for _, t := range ts {
		m[t.String()] = t
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Term, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

func setKey(ts []Term) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
	}
	return strings.Join(parts, "\x00")
}

// Parse reads an SPDX licence expression. Every id must be on the SPDX
// licence list (active or deprecated) or be a LicenseRef; ids are matched
// case-insensitively and written back in the list's case. "+" becomes the
// -or-later id where the list has one.
func Parse(s string) (*Expr, error) { return parse(s, true) }

// ParseAny reads an expression like Parse but keeps ids that are not on the
// SPDX list (marked Unknown), as licence detectors sometimes report them.
// NOASSERTION and NONE are read as ids.
func ParseAny(s string) (*Expr, error) { return parse(s, false) }

func parse(s string, strict bool) (*Expr, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("empty licence expression")
	}
	if len(s) > maxExprLen {
		return nil, fmt.Errorf("licence expression longer than %d characters", maxExprLen)
	}
	toks, probs, err := tokenize(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, strict: strict}
	e, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	if p.i < len(p.toks) {
		if t := p.toks[p.i]; t != ")" {
			return nil, fmt.Errorf("%q follows a licence without AND, OR or WITH", t)
		}
		return nil, errors.New(`unexpected ")"`)
	}
	e.Problems = probs
	return e, nil
}

func tokenize(s string) ([]string, []string, error) {
	var toks, probs []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')':
			toks = append(toks, string(c))
			i++
		case c == '/':
			// Cargo's and old npm's "MIT/Apache-2.0": read as OR, but say so.
			toks = append(toks, "OR")
			probs = appendOnce(probs, `"/" is not an SPDX operator`)
			i++
		case isIDChar(c):
			j := i
			for j < len(s) && (isIDChar(s[j]) || s[j] == '+') {
				j++
			}
			w := s[i:j]
			switch u := strings.ToUpper(w); u {
			case "AND", "OR", "WITH":
				if w != u {
					probs = appendOnce(probs, fmt.Sprintf("operator %q must be upper case", w))
				}
				w = u
			}
			toks = append(toks, w)
			i = j
		default:
			return nil, nil, fmt.Errorf("unexpected character %q in licence expression", c)
		}
	}
	return toks, probs, nil
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func isIDChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == ':' || c == '_'
}

type parser struct {
	toks   []string
	i      int
	strict bool
}

func (p *parser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func (p *parser) expr(depth int) (*Expr, error) {
	return p.binary("OR", func() (*Expr, error) {
		return p.binary("AND", func() (*Expr, error) { return p.atom(depth) })
	})
}

// binary reads operands joined by op, flattening nested uses of the same
// operator.
func (p *parser) binary(op string, operand func() (*Expr, error)) (*Expr, error) {
	first, err := operand()
	if err != nil {
		return nil, err
	}
	kids := []*Expr{first}
	for p.peek() == op {
		p.i++
		k, err := operand()
		if err != nil {
			return nil, err
		}
		kids = append(kids, k)
	}
	if len(kids) == 1 {
		return first, nil
	}
	n := &Expr{op: op}
	for _, k := range kids {
		if k.op == op {
			n.kids = append(n.kids, k.kids...)
		} else {
			n.kids = append(n.kids, k)
		}
	}
	return n, nil
}

func (p *parser) atom(depth int) (*Expr, error) {
	if depth > maxDepth {
		return nil, errors.New("licence expression nested too deeply")
	}
	t := p.peek()
	switch t {
	case "":
		return nil, errors.New("licence expression ends too early")
	case "(":
		p.i++
		e, err := p.expr(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.peek() != ")" {
			return nil, errors.New("missing closing parenthesis")
		}
		p.i++
		return e, nil
	case ")", "AND", "OR", "WITH":
		return nil, fmt.Errorf("unexpected %q", t)
	}
	p.i++
	term, err := p.license(t)
	if err != nil {
		return nil, err
	}
	if p.peek() == "WITH" {
		p.i++
		x := p.peek()
		if x == "" || x == "(" || x == ")" || x == "AND" || x == "OR" || x == "WITH" {
			return nil, errors.New("WITH needs an exception id")
		}
		p.i++
		exc, ok := exception(x)
		if !ok && p.strict {
			return nil, fmt.Errorf("unknown licence exception %q", x)
		}
		term.Exception = exc
	}
	return &Expr{term: term}, nil
}

// license resolves one id against the SPDX list.
func (p *parser) license(w string) (Term, error) {
	if refPattern.MatchString(w) {
		return Term{ID: w}, nil
	}
	plus := strings.HasSuffix(w, "+")
	base := strings.TrimRight(w, "+")
	if base == "" || strings.Contains(base, "+") {
		return Term{}, fmt.Errorf("malformed licence id %q", w)
	}
	if plus {
		// GPL-2.0+ is GPL-2.0-or-later where the list has that id.
		stem := strings.TrimSuffix(base, "-only")
		if ok, id := spdxlicenses.IsActiveLicense(stem + "-or-later"); ok {
			return Term{ID: id}, nil
		}
	}
	if id, ok := lookupID(base); ok {
		return Term{ID: id, OrLater: plus}, nil
	}
	if !p.strict {
		u := strings.ToUpper(base)
		if u == noAssertion || u == noneLicensed {
			return Term{ID: u}, nil
		}
		return Term{ID: base, OrLater: plus, Unknown: true}, nil
	}
	return Term{}, fmt.Errorf("unknown licence id %q", w)
}

func lookupID(id string) (string, bool) {
	if ok, c := spdxlicenses.IsActiveLicense(id); ok {
		return c, true
	}
	if ok, c := spdxlicenses.IsDeprecatedLicense(id); ok {
		return c, true
	}
	return id, false
}

func exception(id string) (string, bool) {
	if ok, c := spdxlicenses.IsException(id); ok {
		return c, true
	}
	return id, false
}

// Known reports whether id is on the SPDX licence list (active or
// deprecated), returning the list's spelling.
func Known(id string) (string, bool) { return lookupID(id) }

// Normalize returns the canonical form of an SPDX expression, or an error
// saying why it is not one. Problems that still let it be read (lower-case
// operators, "/") are an error too, with the canonical form as suggestion.
func Normalize(s string) (string, error) {
	e, err := Parse(s)
	if err != nil {
		return "", err
	}
	if len(e.Problems) > 0 {
		return e.String(), fmt.Errorf("%s (write %q)", strings.Join(e.Problems, "; "), e.String())
	}
	return e.String(), nil
}
