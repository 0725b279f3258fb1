// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/licensecheck"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

func words1(text string) []string {
	var out []string
	for _, w := range splitWords(text) {
		out = append(out, w.w)
	}
	return out
}

func TestSplitWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Copyright (c) 2024 Jane", []string{"copyright", "2024", "jane"}},
		{"Copyright © 2024", []string{"copyright", "2024"}},
		{"&copy; 2024 &amp; more", []string{"copyright", "2024", "more"}},
		{"the notice(s) are these", []string{"the", "notices", "is", "the"}},
		{"see <https://example.org/x> and <b>bold</b>", []string{"see", "http", "example", "org", "x", "and", "bold"}},
		{"<one line to give the program's name> here", []string{"here"}},
		{"[MIT](https://opensource.org/licenses/MIT) licence", []string{"mit", "licence"}},
		{"## Terms {#terms}", []string{"terms"}},
		// Accents are dropped from vowels; other letters fold to one case,
		// not always the lower.
		{"Québec ÉCOLE naïve", []string{"quebec", "ecole", "naÏve"}},
		{"c) file.c", []string{"c", "file", "c"}},
	} {
		if diff := cmp.Diff(c.want, words1(c.text)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", c.text, diff)
		}
	}
}

// scanWith runs one pattern with the interpreter and with licensecheck's
// compiler: the two must find the same matches.
func scanWith(t *testing.T, lre, text string) (mine, theirs []licensecheck.Match) {
	t.Helper()
	p, err := compileLRE("X", lre)
	if err != nil {
		t.Fatalf("%q: %v", lre, err)
	}
	mine = newLREScanner([]*lreProg{p}).scan([]byte(text)).Match
	s, err := licensecheck.NewScanner([]licensecheck.License{{ID: "X", LRE: lre}})
	if err != nil {
		t.Fatalf("licensecheck: %q: %v", lre, err)
	}
	return mine, s.Scan([]byte(text)).Match
}

// TestInterpreterAgreesWithLicensecheck: optional parts, alternatives,
// wildcards and their cut, spelling tolerance, copyright lines and the
// line extension of matches, as licensecheck reads them.
func TestInterpreterAgreesWithLicensecheck(t *testing.T) {
	t.Parallel()
	const lre = `Permission is hereby granted
((
free of charge
||
for nothing
))
to any person
((
obtaining a copy
))??
of the __5__ software to deal in it without restriction.`
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Permission is hereby granted, free of charge, to any person obtaining a copy of the Acme software to deal in it without restriction.", true},
		{"Permission is hereby granted for nothing to any person of the software to deal in it without restriction.", true},
		{"Copyright 2024 Jane Doe\n\nPermission is hereby granted free of charge to any persons of the Big Acme Rocket software to deal in it without restriction.\nTrailer", true},
		{"Permission is hereby granted free of charge to any person of the a b c d e f software to deal in it without restriction.", false},
		{"Permission is hereby granted free of charge to any person of the software to deal in it with restriction.", false},
		{"Permission is hereby granted free of charge to any person of the software to deal in it without restric- tion.", true},
		{"Permission is hereby granted free of charge to any person of the software to deal in it withoutrestriction.", true},
		{"Permission is hereby grnted free of charge to any person of the software to deal in it without restriction.", true},
		{"Prefix words. Permission is hereby granted free of charge to any person obtaining a copy of the software to deal in it without restriction. Suffix.", true},
	} {
		mine, theirs := scanWith(t, lre, c.text)
		if diff := cmp.Diff(theirs, mine); diff != "" {
			t.Errorf("%q: interpreter differs from licensecheck (-licensecheck +interpreter):\n%s", c.text, diff)
		}
		if got := len(mine) > 0; got != c.want {
			t.Errorf("%q: matched %v, want %v", c.text, got, c.want)
		}
	}
	// The cut: three words after a wildcard, it takes no more.
	mine, theirs := scanWith(t, "the name __10__ may not be used to endorse", "the name X may not be Y may not be used to endorse")
	if len(mine) != 0 || len(theirs) != 0 {
		t.Errorf("wildcard cut: interpreter %v, licensecheck %v; want no match", mine, theirs)
	}
}

// TestBullets: list numbering (__B__) is any numbering or none, never a
// word that could change the terms.
func TestBullets(t *testing.T) {
	t.Parallel()
	p, err := compileLRE("X", "the following conditions are met: __B__ Redistributions must retain __B__ the notice and this list")
	if err != nil {
		t.Fatal(err)
	}
	s := newLREScanner([]*lreProg{p})
	for _, c := range []struct {
		text string
		want bool
	}{
		{"the following conditions are met: 1. Redistributions must retain (a) the notice and this list", true},
		{"the following conditions are met: 2.1.1 Redistributions must retain (c) the notice and this list", true},
		{"the following conditions are met: iv) Redistributions must retain the notice and this list", true},
		{"the following conditions are met: Redistributions must retain never the notice and this list", false},
		{"the following conditions are met: not Redistributions must retain the notice and this list", false},
	} {
		if got := len(s.scan([]byte(c.text)).Match) > 0; got != c.want {
			t.Errorf("%q: matched %v, want %v", c.text, got, c.want)
		}
	}
}

// TestPoolPatterns runs every pattern of the SPDX pool on the list's own
// text of its id: the pattern must compile and cover nearly all of it.
func TestPoolPatterns(t *testing.T) {
	t.Parallel()
	n, matched := 0, 0
	for _, e := range spdxlist.Entries() {
		if !e.Pattern {
			continue
		}
		n++
		src, ok := spdxlist.Pattern(e.ID)
		if !ok {
			t.Errorf("%s: no pattern", e.ID)
			continue
		}
		p, err := compileLRE(e.ID, src)
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		text, _ := spdxlist.Text(e.ID)
		if cov := newLREScanner([]*lreProg{p}).scan([]byte(text)); len(cov.Match) > 0 && cov.Percent >= 90 {
			matched++
		} else {
			t.Logf("%s: the pattern covers %.0f%% of its own text", e.ID, cov.Percent)
		}
	}
	t.Logf("%d patterns, %d cover their own text", n, matched)
	if matched*100 < n*99 {
		t.Errorf("%d of %d patterns cover their own text, want at least 99%%", matched, n)
	}
}

// TestInterpreterBounded: a text built to start a long partial match at
// every word stops at the step budget instead of taking quadratic time.
func TestInterpreterBounded(t *testing.T) {
	t.Parallel()
	p, err := compileLRE("X", "a a "+strings.Repeat("a ", 3000)+"b")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("a ", 50_000)
	got, stopped := newLREScanner([]*lreProg{p}).bounded([]byte(text))
	if len(got.Match) != 0 || !stopped {
		t.Errorf("matched %v, stopped by the bound: %v; want no match, stopped", got.Match, stopped)
	}
	// A real text is far from the bound.
	mit, _ := spdxlist.Text("MIT")
	q, err := compileLRE("MIT", mustPattern(t, "MIT"))
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat(mit+"\n", 200)
	if got, stopped := newLREScanner([]*lreProg{q}).bounded([]byte(long)); len(got.Match) != 200 || stopped {
		t.Errorf("200 MIT texts: %d matches, stopped by the bound: %v", len(got.Match), stopped)
	}
}

func mustPattern(t *testing.T, id string) string {
	t.Helper()
	p, ok := spdxlist.Pattern(id)
	if !ok {
		t.Fatalf("%s: no pattern", id)
	}
	return p
}
