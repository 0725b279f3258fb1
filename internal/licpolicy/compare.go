// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package licpolicy

import "strings"

// stem splits an id into its licence and its GNU-style variant: "only",
// "or-later" or "" when the id does not say (GPL-2.0, as a licence text is).
func stem(t Term) (string, string) {
	if t.OrLater {
		return t.ID, "or-later"
	}
	switch {
	case strings.HasSuffix(t.ID, "-or-later"):
		return strings.TrimSuffix(t.ID, "-or-later"), "or-later"
	case strings.HasSuffix(t.ID, "-only"):
		return strings.TrimSuffix(t.ID, "-only"), "only"
	}
	return t.ID, ""
}

// SameLicense reports whether two terms can name the same licence. A text
// cannot say "only" or "or later" (that is a grant in the headers), so an id
// without the variant (GPL-3.0, as licence detectors report it) matches
// both GPL-3.0-only and GPL-3.0-or-later. An exception only has to match
// when both terms carry one, as exceptions are rarely separate files.
func SameLicense(a, b Term) bool {
	if a.Exception != "" && b.Exception != "" && !strings.EqualFold(a.Exception, b.Exception) {
		return false
	}
	if strings.EqualFold(a.ID, b.ID) && a.OrLater == b.OrLater {
		return true
	}
	sa, va := stem(a)
	sb, vb := stem(b)
	return strings.EqualFold(sa, sb) && (va == "" || vb == "" || va == vb)
}

// Agree reports whether a declared expression (a manifest's licence field)
// says the same as a detected one (the licence files). Order, case and
// grouping do not matter. The detector joins the licence files it finds
// with AND and cannot tell a dual licence from a bundle, so when the
// detected expression has no OR, the declared one agrees when it names the
// same licences whatever its operators: "MIT OR Apache-2.0" in Cargo.toml
// agrees with LICENSE-MIT plus LICENSE-APACHE ("Apache-2.0 AND MIT"), while
// "MIT" alone does not.
func Agree(declared, detected *Expr) bool {
	if declared == nil || detected == nil {
		return false
	}
	dd, err1 := declared.DNF()
	dt, err2 := detected.DNF()
	if err1 == nil && err2 == nil && sameDNF(dd, dt) {
		return true
	}
	if !detected.HasOr() {
		return sameSet(declared.Terms(), detected.Terms())
	}
	return false
}

// WithoutVariants returns a copy of the expression in which no licence says
// "only" or "or later" (GPL-3.0-only becomes GPL-3.0), for comparing with
// what a licence text can say: the variant is a grant in the notices, and a
// detector that states one has guessed or read it elsewhere.
func (e *Expr) WithoutVariants() *Expr {
	if e == nil {
		return nil
	}
	n := &Expr{op: e.op, term: e.term, Problems: e.Problems}
	if e.op == "" {
		n.term.ID, _ = stem(e.term)
		n.term.OrLater = false
		return n
	}
	n.kids = make([]*Expr, len(e.kids))
	for i, k := range e.kids {
		n.kids[i] = k.WithoutVariants()
	}
	return n
}

func sameSet(a, b []Term) bool {
	return Covers(a, b) && Covers(b, a)
}

// Covers reports whether every term of a has a match in b (SameLicense).
func Covers(a, b []Term) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if SameLicense(x, y) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func sameDNF(a, b [][]Term) bool {
	match := func(x, y [][]Term) bool {
		for _, s := range x {
			found := false
			for _, t := range y {
				if sameSet(s, t) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	return match(a, b) && match(b, a)
}
