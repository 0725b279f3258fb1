// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package licpolicy

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// rule is one allow or deny entry: a category, a licence id or an id
// pattern with "*".
type rule struct {
	raw  string
	cat  Category
	term *Term
	glob string // upper case
}

func (r rule) matches(t Term, cat Category) bool {
	switch {
	case r.cat != "":
		return cat == r.cat
	case r.glob != "":
		ok, _ := path.Match(r.glob, strings.ToUpper(t.ID))
		return ok
	case r.term != nil:
		if r.term.Exception != "" && !strings.EqualFold(r.term.Exception, t.Exception) {
			return false
		}
		return SameLicense(*r.term, t)
	}
	return false
}

// specialIDs are the words policies may name that are not SPDX ids.
func specialID(s string) (string, bool) {
	switch u := strings.ToUpper(strings.TrimSpace(s)); u {
	case noAssertion, noneLicensed, "UNLICENSED", "PROPRIETARY":
		return u, true
	}
	return "", false
}

func parseRule(s string) (rule, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return rule{}, errors.New("empty entry")
	}
	if c, ok := ParseCategory(s); ok {
		return rule{raw: s, cat: c}, nil
	}
	if strings.Contains(s, "*") {
		g := strings.ToUpper(s)
		if _, err := path.Match(g, ""); err != nil || strings.ContainsAny(g, " /") {
			return rule{}, fmt.Errorf("bad licence pattern %q", s)
		}
		return rule{raw: s, glob: g}, nil
	}
	if id, ok := specialID(s); ok {
		return rule{raw: s, term: &Term{ID: id}}, nil
	}
	t, err := parseTerm(s)
	if err != nil {
		return rule{}, fmt.Errorf("%q is neither a category (%s) nor an SPDX licence id: %w", s, categoryList(), err)
	}
	return rule{raw: s, term: &t}, nil
}

// parseTerm reads a single licence (with an optional exception), not an
// expression.
func parseTerm(s string) (Term, error) {
	e, err := Parse(s)
	if err != nil {
		return Term{}, err
	}
	if e.op != "" {
		return Term{}, errors.New("a single licence id is expected, not an expression")
	}
	return e.term, nil
}

func categoryList() string {
	cs := Categories()
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// Policy is an allow/deny list of licence ids and categories.
type Policy struct {
	allow, deny []rule
	table       *Table
}

// NewPolicy reads allow and deny entries (SPDX ids, categories or id
// patterns such as "CC-BY-NC-*") and category overrides written
// "ID=category" (or "ID: category").
func NewPolicy(allow, deny, categories []string) (*Policy, error) {
	p := &Policy{}
	var errs []error
	for _, s := range allow {
		r, err := parseRule(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("allow: %w", err))
			continue
		}
		p.allow = append(p.allow, r)
	}
	for _, s := range deny {
		r, err := parseRule(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("deny: %w", err))
			continue
		}
		p.deny = append(p.deny, r)
	}
	over, err := ParseOverrides(categories)
	if err != nil {
		errs = append(errs, err)
	}
	p.table = NewTable(over)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// ParseOverrides reads category overrides written "ID=category" or
// "ID: category".
func ParseOverrides(entries []string) (map[string]Category, error) {
	over := map[string]Category{}
	var errs []error
	for _, s := range entries {
		id, cat, ok := strings.Cut(s, "=")
		if !ok {
			// The last colon: "DocumentRef-x:LicenseRef-y: permissive" has two.
			if i := strings.LastIndex(s, ":"); i > 0 {
				id, cat, ok = s[:i], s[i+1:], true
			}
		}
		if !ok {
			errs = append(errs, fmt.Errorf("categories: %q: write ID=category", s))
			continue
		}
		c, okc := ParseCategory(cat)
		if !okc {
			errs = append(errs, fmt.Errorf("categories: %q: unknown category %q (known: %s)", s, strings.TrimSpace(cat), categoryList()))
			continue
		}
		key := strings.TrimSpace(id)
		if sid, ok := specialID(key); ok {
			key = sid
		} else {
			t, err := parseTerm(key)
			if err != nil {
				errs = append(errs, fmt.Errorf("categories: %q: %w", s, err))
				continue
			}
			key = t.String()
		}
		over[key] = c
	}
	return over, errors.Join(errs...)
}

// Empty reports whether the policy has neither allow nor deny entries.
func (p *Policy) Empty() bool { return len(p.allow) == 0 && len(p.deny) == 0 }

// Table is the policy's category table.
func (p *Policy) Table() *Table { return p.table }

// Violation says why one licence is not acceptable.
type Violation struct {
	License  string
	Category Category
	// Denied is the deny entry that matched; empty when the licence is
	// rejected for being absent from the allow list.
	Denied string
}

// String says which licence broke which rule.
func (v Violation) String() string {
	if v.Denied != "" {
		if strings.EqualFold(v.Denied, string(v.Category)) {
			return fmt.Sprintf("%s is %s, which the policy denies", v.License, v.Category)
		}
		return fmt.Sprintf("%s (%s) is denied by %q", v.License, v.Category, v.Denied)
	}
	return fmt.Sprintf("%s (%s) is not in the allow list", v.License, v.Category)
}

// check judges one licence: deny wins over allow; with no allow entries
// everything not denied is allowed.
func (p *Policy) check(t Term) *Violation {
	cat := p.table.Category(t)
	for _, r := range p.deny {
		if r.matches(t, cat) {
			return &Violation{License: t.String(), Category: cat, Denied: r.raw}
		}
	}
	if len(p.allow) == 0 {
		return nil
	}
	for _, r := range p.allow {
		if r.matches(t, cat) {
			return nil
		}
	}
	return &Violation{License: t.String(), Category: cat}
}

// Evaluate judges an expression: it is acceptable when some alternative (OR
// branch) has every licence (AND) acceptable. It returns the violations of
// every alternative when none is acceptable, nil otherwise.
func (p *Policy) Evaluate(e *Expr) []Violation {
	alts, err := e.DNF()
	if err != nil {
		// Too many alternatives to weigh: every licence must pass.
		alts = [][]Term{e.Terms()}
	}
	var all []Violation
	seen := map[string]bool{}
	for _, alt := range alts {
		var vs []Violation
		for _, t := range alt {
			if v := p.check(t); v != nil {
				vs = append(vs, *v)
			}
		}
		if len(vs) == 0 {
			return nil
		}
		for _, v := range vs {
			if k := v.String(); !seen[k] {
				seen[k] = true
				all = append(all, v)
			}
		}
	}
	return all
}
