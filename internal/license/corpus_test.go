// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/licensecheck"
)

// corpusCase is one text with the expression it must get.
type corpusCase struct {
	name string
	// file names the text for Markdown/HTML detection (its extension).
	file string
	text []byte
	want string
	// base is the expression of the unmodified text when this case is a
	// modification of it: reporting it would claim the original licence.
	base string
}

// loadCorpus reads testdata/corpus/MANIFEST (file, expected, origin).
func loadCorpus(t *testing.T) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "corpus", "MANIFEST"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("MANIFEST: want 3 tab-separated columns: %q", line)
		}
		b, err := os.ReadFile(filepath.Join("testdata", "corpus", cols[0]))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, corpusCase{name: cols[0], file: cols[0], text: b, want: cols[1]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// single reports an expression of one licence id.
func single(expr string) bool { return expr != NoAssertion && !strings.Contains(expr, " ") }

// sample is every case with -sweep, one in every `every` without (an odd
// stride takes every kind of variant in turn).
func sample(cs []corpusCase, every int) []corpusCase {
	var out []corpusCase
	for i, c := range cs {
		if sampled(i, every) {
			out = append(out, c)
		}
	}
	return out
}

func lf(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }

// variants derives the cases the issue asks for from the real texts:
// formatting that must not change the answer (CRLF, BOM, Markdown, HTML,
// added copyright lines), modifications that must give NOASSERTION (a
// changed clause, an added restriction, a truncated text), and
// combinations (two texts in one file, a dual-licence preamble, GNU texts
// with an "or later" or "only" statement).
func variants(base []corpusCase) []corpusCase {
	var out []corpusCase
	var singles []corpusCase
	for _, c := range base {
		if c.want == NoAssertion {
			continue
		}
		b := lf(c.text)
		ext := filepath.Ext(c.file)
		out = append(out,
			corpusCase{name: c.name + "+crlf", file: c.file, text: bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), want: c.want},
			corpusCase{name: c.name + "+bom+crlf", file: c.file, text: append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))...), want: c.want},
			corpusCase{name: c.name + "+copyright", file: c.file, text: append([]byte("Copyright (c) 2019-2024 Example Org <legal@example.org>\nCopyright 2025 Jane Doe\nAll rights reserved.\n\n"), b...), want: c.want},
		)
		if ext != ".html" {
			out = append(out,
				corpusCase{name: c.name + "+markdown", file: "LICENSE.md", text: markdownOf(b), want: c.want},
				corpusCase{name: c.name + "+fenced", file: "LICENSE.md", text: append(append([]byte("## License\n\n```text\n"), b...), "\n```\n"...), want: c.want},
				corpusCase{name: c.name + "+html-pre", file: "LICENSE.html", text: htmlPre(b), want: c.want},
				corpusCase{name: c.name + "+html-p", file: "LICENSE", text: htmlParagraphs(b), want: c.want},
			)
		}
		if single(c.want) && ext != ".html" {
			singles = append(singles, c)
		}
	}
	for _, c := range singles {
		b := lf(c.text)
		out = append(out,
			corpusCase{name: c.name + "~clause", file: c.file, text: changeClause(b), want: NoAssertion, base: c.want},
			corpusCase{name: c.name + "~appended", file: c.file, text: append(append([]byte{}, b...), "\n\nThe Software may not be used for commercial purposes without a separate written agreement.\n"...), want: NoAssertion, base: c.want},
			corpusCase{name: c.name + "~inserted", file: c.file, text: insertMiddle(b, "The Software shall not be used for military purposes."), want: NoAssertion, base: c.want},
			corpusCase{name: c.name + "~truncated", file: c.file, text: truncate(b), want: NoAssertion, base: c.want},
		)
	}
	// Two texts in one file; with a preamble offering the choice, OR.
	for i := 0; i < len(singles); i++ {
		a, b := singles[i], singles[(i+7)%len(singles)]
		if a.want == b.want || strings.Contains(a.want+b.want, "GPL") && i%2 == 1 {
			continue
		}
		both := append(append(append([]byte{}, lf(a.text)...), "\n\n----\n\n"...), lf(b.text)...)
		out = append(out, corpusCase{name: a.name + "&" + b.name, file: "LICENSE", text: both, want: join("AND", []string{a.want, b.want})})
		if i%3 == 0 {
			dual := append([]byte("This software is dual-licensed: at your option, you may use it under either of the two licences below.\n\n"), both...)
			out = append(out, corpusCase{name: a.name + "|" + b.name, file: "LICENSE", text: dual, want: join("OR", []string{a.want, b.want})})
		}
	}
	for _, c := range singles {
		bare, ok := strings.CutSuffix(c.want, "-only")
		if !ok || !gnuBare[bare] || strings.HasPrefix(bare, "GFDL") {
			continue
		}
		fam, ver, _ := strings.Cut(bare, "-")
		name := map[string]string{"GPL": "GNU General Public License", "LGPL": "GNU Lesser General Public License", "AGPL": "GNU Affero General Public License"}[fam]
		if fam == "LGPL" && ver == "2.0" {
			name = "GNU Library General Public License"
		}
		major := strings.TrimSuffix(ver, ".0")
		later := fmt.Sprintf("This program is free software: you can redistribute it and/or modify it under the terms of the %s as published by the Free Software Foundation, either version %s of the License, or (at your option) any later version.\n\n", name, major)
		only := fmt.Sprintf("This program is licensed under version %s of the %s only.\n\n", major, name)
		out = append(out,
			corpusCase{name: c.name + "+or-later", file: c.file, text: append([]byte(later), lf(c.text)...), want: bare + "-or-later"},
			corpusCase{name: c.name + "+only", file: c.file, text: append([]byte(only), lf(c.text)...), want: bare + "-only"},
		)
	}
	return out
}

func markdownOf(b []byte) []byte {
	var w bytes.Buffer
	w.WriteString("# License\n\n")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Copyright") {
			l = "**" + strings.TrimSpace(l) + "**  "
		}
		w.WriteString(l + "\n")
	}
	w.WriteString("\n[1]: https://spdx.org/licenses/\n")
	return w.Bytes()
}

func htmlPre(b []byte) []byte {
	return []byte("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>License</title>\n" +
		"<style>pre { font-family: monospace; } body > nav { display: none }</style>\n<script>window.dataLayer = [];</script>\n" +
		"</head>\n<body>\n<h1>License</h1>\n<pre>" + html.EscapeString(string(b)) + "</pre>\n</body>\n</html>\n")
}

func htmlParagraphs(b []byte) []byte {
	var w bytes.Buffer
	w.WriteString("<html><body>\n")
	for _, p := range strings.Split(string(b), "\n\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		p = html.EscapeString(p)
		p = strings.ReplaceAll(p, "Copyright", "Copyright &copy;")
		p = strings.Replace(p, " ", "&nbsp;", 1)
		w.WriteString("<p>" + p + "</p>\n")
	}
	w.WriteString("</body></html>\n")
	return w.Bytes()
}

// changeClause changes the wording of one operative clause.
func changeClause(b []byte) []byte {
	s := string(b)
	for _, sub := range [][2]string{
		{"free of charge", "for a fee of 100 euros"},
		{"irrevocable", "revocable"},
		{"are permitted provided that", "are permitted for non-commercial purposes provided that"},
		{"is hereby granted", "is hereby granted to individuals only"},
		{"royalty-free", "royalty-bearing"},
		{"You may charge", "You may not charge"},
		{"any purpose", "any non-commercial purpose"},
	} {
		if i := strings.LastIndex(s, sub[0]); i >= 0 {
			return []byte(s[:i] + sub[1] + s[i+len(sub[0]):])
		}
	}
	from := len(s) * 3 / 10
	if i := strings.Index(s[from:], " may "); i >= 0 {
		i += from
		return []byte(s[:i] + " may not " + s[i+len(" may "):])
	}
	return insertMiddle(b, "Commercial use is prohibited.")
}

func insertMiddle(b []byte, sentence string) []byte {
	s := string(b)
	mid := len(s) / 2
	i := strings.Index(s[mid:], "\n\n")
	if i < 0 {
		i = strings.LastIndex(s[:mid], "\n\n") - mid
	}
	if i+mid < 0 {
		return append(append([]byte{}, b...), "\n\n"+sentence+"\n"...)
	}
	at := mid + i
	return []byte(s[:at] + "\n\n" + sentence + s[at:])
}

func truncate(b []byte) []byte {
	cut := len(b) * 45 / 100
	if i := bytes.LastIndexByte(b[:cut], '\n'); i > 0 {
		cut = i
	}
	return append([]byte{}, b[:cut]...)
}

func classifyCase(c corpusCase, mode scanMode) (string, classified) {
	r := classify(c.file, c.text, mode)
	e, _ := r.resolve(r.ev)
	return e, r
}

func TestCorpusAccuracy(t *testing.T) {
	t.Parallel()
	base := loadCorpus(t)
	if len(base) < 60 {
		t.Fatalf("corpus has %d texts, want at least 60", len(base))
	}
	cases := slices.Concat(base, sample(variants(base), 3))
	right, claimed := 0, 0
	var misses []string
	for _, c := range cases {
		got, r := classifyCase(c, fullOrFast)
		if got == c.want {
			right++
			continue
		}
		if c.base != "" && got != NoAssertion {
			for _, id := range exprIDs(c.base) {
				if strings.Contains(got, strings.TrimSuffix(strings.TrimSuffix(id, "-only"), "-or-later")) {
					claimed++
					t.Errorf("%s: modified text reported as %s (original %s)", c.name, got, c.base)
					break
				}
			}
		}
		misses = append(misses, fmt.Sprintf("%s: got %s, want %s (%s)", c.name, got, c.want, r.Note))
	}
	acc := float64(right) / float64(len(cases))
	sort.Strings(misses)
	for _, m := range misses {
		t.Log("miss: " + m)
	}
	t.Logf("corpus: %d texts, %d cases with variants; accuracy %.1f%% (%d right); modified texts reported as the original: %d",
		len(base), len(cases), acc*100, right, claimed)
	if acc < 0.95 {
		t.Errorf("accuracy %.1f%%, want at least 95%%", acc*100)
	}
}

// TestFastAgreesWithFull proves the shortcut safe: on every corpus case
// and on every licence text shipped in licensecheck's module, the small
// matcher either declines or gives exactly the full set's answer.
func TestFastAgreesWithFull(t *testing.T) {
	t.Parallel()
	base := loadCorpus(t)
	cases := slices.Concat(base, sample(variants(base), 3), licensecheckTexts(t))
	agreed := 0
	for _, c := range cases {
		fastExpr, fr := classifyCase(c, fastOnly)
		if fr.Note == "declined by the small matcher" {
			continue
		}
		fullExpr, _ := classifyCase(c, fullOnly)
		if fastExpr != fullExpr {
			t.Errorf("%s: small matcher says %s, full set %s", c.name, fastExpr, fullExpr)
			continue
		}
		agreed++
	}
	t.Logf("%d texts: the small matcher answered %d (all as the full set), declined %d", len(cases), agreed, len(cases)-agreed)
	if agreed < len(base)/2 {
		t.Errorf("the small matcher answered only %d of %d texts: it no longer saves the full compile for common licences", agreed, len(cases))
	}
}

// licensecheckTexts reads the licence texts of licensecheck's testdata (one
// or more per licence it knows, with expectation headers) from the module
// cache; none when the module source is not there.
func licensecheckTexts(t *testing.T) []corpusCase {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/google/licensecheck").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Logf("licensecheck module source not found (%v); checking the corpus only", err)
		return nil
	}
	ents, err := os.ReadDir(filepath.Join(dir, "testdata"))
	if err != nil {
		t.Logf("licensecheck testdata not readable: %v", err)
		return nil
	}
	var cs []corpusCase
	for i, e := range ents {
		if testing.Short() && i%4 != 0 || !sampled(i, 3) {
			continue // -short: a quarter of them; without -sweep a third
		}
		b, err := os.ReadFile(filepath.Join(dir, "testdata", e.Name()))
		if err != nil {
			continue
		}
		cs = append(cs, corpusCase{name: "licensecheck/" + e.Name(), text: testdataBody(b), want: wholeTextID(b)})
	}
	return cs
}

// wholeTextID is the licence a testdata header expects over the whole
// text ("100%" then "ID 0,$"), "" for other expectations.
func wholeTextID(b []byte) string {
	for len(b) > 0 && b[0] == '#' {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return ""
		}
		b = b[i+1:]
	}
	head, _, _ := strings.Cut(string(b), "\n\n")
	lines := strings.Split(head, "\n")
	if len(lines) != 2 || lines[0] != "100%" {
		return ""
	}
	id, ok := strings.CutSuffix(lines[1], " 0,$")
	if !ok {
		return ""
	}
	return id
}

// testdataBody strips the expectation header of a licensecheck testdata
// file: "#" comments, the coverage line and the expected matches, up to the
// first blank line.
func testdataBody(b []byte) []byte {
	for len(b) > 0 && b[0] == '#' {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return nil
		}
		b = b[i+1:]
	}
	if i := bytes.Index(b, []byte("\n\n")); i >= 0 {
		return b[i+2:]
	}
	return b
}

// TestSPDXListTexts measures the texts of the SPDX licence list that
// licensecheck's module ships as testdata: each file whose header expects
// one licence over the whole text must get that licence (GNU ids with the
// documented -only reading).
func TestSPDXListTexts(t *testing.T) {
	t.Parallel()
	n, right := 0, 0
	for _, c := range licensecheckTexts(t) {
		id := c.want
		if id == "" {
			continue
		}
		want := spdxID(id)
		if gnuBare[id] {
			want = id + "-only"
		}
		n++
		if got := Classify(c.text); got.Expression == want {
			right++
		} else {
			t.Logf("%s: got %s, want %s (%s)", c.name, got.Expression, want, got.Note)
		}
	}
	if n == 0 {
		t.Skip("licensecheck module source not available")
	}
	acc := float64(right) / float64(n)
	t.Logf("SPDX list texts: %d, identified as expected: %d (%.1f%%)", n, right, acc*100)
	if acc < 0.95 {
		t.Errorf("accuracy %.1f%%, want at least 95%%", acc*100)
	}
}

// TestSubsetAgreesWithFull proves the second tier safe: the licences
// run for a text the small matcher declined (those whose required words
// the text holds) include every licence the full set finds in it, on the
// corpus with its variants and on every licence text shipped in
// licensecheck's module; and on the real texts (corpus, its modified
// variants, a sixth of licensecheck's texts) the answers of the candidates
// and the pool, run by the interpreter, are licensecheck's full set's.
func TestSubsetAgreesWithFull(t *testing.T) {
	t.Parallel()
	base := loadCorpus(t)
	lc := licensecheckTexts(t)
	cases := slices.Concat(base, sample(variants(base), 3), lc)
	for _, c := range cases {
		tx, why := prepare(c.file, c.text)
		if why != "" {
			continue
		}
		cands := map[string]bool{}
		for _, l := range candidateLicences(newBag(tx.b)) {
			cands[l.id] = true
		}
		for _, m := range licensecheck.Scan(tx.b).Match {
			if !m.IsURL && !cands[m.ID] {
				t.Errorf("%s: the full set finds %s, which the candidate filter left out", c.name, m.ID)
			}
		}
	}
	var full []corpusCase
	for _, c := range sample(variants(base), 3) {
		if c.base != "" {
			full = append(full, c)
		}
	}
	full = append(full, base...)
	for i := 0; i < len(lc); i += 6 {
		full = append(full, lc[i])
	}
	// Variants of one text next to each other reuse its compiled subset.
	sort.Slice(full, func(i, j int) bool { return full[i].name < full[j].name })
	// The subset holds the SPDX pool's patterns too, so it may identify
	// what licensecheck's full set cannot (a gain); it must never name
	// another licence, and may lose (NOASSERTION where the full set
	// identifies) at most 2% of the texts.
	gains, losses := 0, 0
	for _, c := range full {
		sub, _ := classifyCase(c, subsetOnly)
		fullExpr, _ := classifyCase(c, fullOnly)
		switch {
		case sub == fullExpr:
		case fullExpr == NoAssertion:
			gains++
			t.Logf("%s: the pool identifies %s, licensecheck's full set nothing", c.name, sub)
		case sub == NoAssertion:
			losses++
			t.Logf("%s: candidate subset says NOASSERTION, full set %s", c.name, fullExpr)
		default:
			t.Errorf("%s: candidate subset says %s, full set %s", c.name, sub, fullExpr)
		}
	}
	t.Logf("%d texts: the subset with the pool gains %d, loses %d", len(full), gains, losses)
	if losses*50 > len(full) {
		t.Errorf("the subset loses %d of %d texts the full set identifies", losses, len(full))
	}
}
