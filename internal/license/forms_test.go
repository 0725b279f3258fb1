// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

func listText(t *testing.T, id string) string {
	t.Helper()
	text, ok := spdxlist.Text(id)
	if !ok {
		t.Fatalf("%s: no text", id)
	}
	return text
}

// TestTracedForms covers the causes traced in the issue, one case each:
// the GNU appendix and the Creative Commons notices in Markdown, the CC0
// sentence that CC-BY-4.0's older legal code lacks, titles holding flag
// words, the LGPL-3.0 with the GPL-3.0 in one file.
func TestTracedForms(t *testing.T) {
	t.Parallel()
	gpl := listText(t, "GPL-3.0-only")
	// gnu.org's Markdown: headings on the closing line and the appendix,
	// the sample notices indented, angle brackets as entities.
	gplMD := regexp.MustCompile(`(?m)^(TERMS AND CONDITIONS|END OF TERMS AND CONDITIONS|How to Apply These Terms to Your New Programs|Preamble)$`).
		ReplaceAllString(gpl, "### $1")
	gplMD = strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(gplMD)
	gplMD = regexp.MustCompile(`(?m)^(This program|You should|<|&lt;)`).ReplaceAllString(gplMD, "    $1")
	ccby := listText(t, "CC-BY-4.0")
	const cc0 = "The text of the Creative Commons public licenses is dedicated to the public domain under the CC0 Public Domain Dedication. "
	trailer := strings.Index(ccby, "Creative Commons is not a party")
	lgpl := listText(t, "LGPL-3.0-only")
	for _, c := range []struct {
		name, file, text, want string
	}{
		{"GPL-3.0 in gnu.org Markdown", "LICENSE.md", gplMD, "GPL-3.0-only"},
		{"GPL-3.0 in Markdown, a restriction in the appendix", "LICENSE.md",
			strings.Replace(gplMD, "Also add information on how to contact you", "You may not use this program commercially. Also add information on how to contact you", 1), NoAssertion},
		{"CC-BY-4.0 without the CC0 sentence (reuse download)", "LICENSES/CC-BY-4.0.txt", strings.Replace(ccby, cc0, "", 1), "CC-BY-4.0"},
		{"CC-BY-4.0 with the CC0 sentence", "LICENSE", ccby, "CC-BY-4.0"},
		{"CC-BY-4.0 with its closing notice in bold", "LICENSE.md", ccby[:trailer] + "**" + strings.TrimSpace(ccby[trailer:]) + "**\n", "CC-BY-4.0"},
		{"CC-BY-4.0, a restriction in the closing notice", "LICENSE",
			strings.Replace(ccby, "Creative Commons may be contacted", "The licensed material may not be used for commercial purposes. Creative Commons may be contacted", 1), NoAssertion},
		{"CC-BY-NC-SA-4.0 under its own title", "LICENSE", listText(t, "CC-BY-NC-SA-4.0"), "CC-BY-NC-SA-4.0"},
		{"CC-BY-SA-3.0-IGO under its own title", "LICENSE", listText(t, "CC-BY-SA-3.0-IGO"), "CC-BY-SA-3.0-IGO"},
		{"NLOD-2.0 under its own title", "LICENSE", listText(t, "NLOD-2.0"), "NLOD-2.0"},
		{"LGPL-3.0 with the GPL-3.0 appended", "COPYING.LESSER", lgpl + "\n\n" + gpl, "LGPL-3.0-only"},
	} {
		got := classifyOne(c.file, []byte(c.text))
		if got.Expression != c.want {
			t.Errorf("%s: got %s (%s), want %s", c.name, got.Expression, got.Note, c.want)
		}
	}
}

// TestReadmeSection: without a licence file, a README whose licence
// section holds a licence's text gives that licence; a changed text gives
// NOASSERTION with the closest licence, never the licence it names.
func TestReadmeSection(t *testing.T) {
	t.Parallel()
	mit := listText(t, "MIT")
	for _, c := range []struct {
		name, readme, want, note string
	}{
		{"the MIT text", "# x\n\nDoes things.\n\n## License\n\nCopyright (c) 2026 Jane Doe\n\n" + mit + "\n## Authors\n\nJane.\n", "MIT", "licence text in the README"},
		{"the MIT text under a Licence heading in bold", "# x\n\n**Licence**\n\n" + mit, "MIT", "licence text in the README"},
		{"a changed MIT text naming MIT", "# x\n\n## License\n\n" + strings.Replace(mit, "free of charge", "for non-commercial use", 1),
			NoAssertion, "closest licence MIT"},
		{"a name only", "# x\n\n## License\n\nMIT, see the website.\n", "MIT", "named"},
	} {
		res := detect(t, fstest.MapFS{"README.md": &fstest.MapFile{Data: []byte(c.readme)}})
		var sig *File
		for i := range res.Signals {
			if res.Signals[i].Source == SourceReadme {
				sig = &res.Signals[i]
			}
		}
		if sig == nil || sig.Expression != c.want || !strings.Contains(sig.Note, c.note) {
			t.Errorf("%s: README signal %+v, want %s with a note saying %q", c.name, sig, c.want, c.note)
		}
	}
}

// TestClosestLicence: a text not identified names the licence it is
// nearest to, its share and where they first differ; a near miss (a word
// such as "the" gained or lost) is that licence, a changed word that
// could change the terms is not.
func TestClosestLicence(t *testing.T) {
	t.Parallel()
	mit := listText(t, "MIT")
	apache := listText(t, "Apache-2.0")
	for _, c := range []struct {
		name, text, want, closest string
		line                      int
		excerpt                   string
	}{
		{"MIT for students", strings.Replace(mit, "to any person obtaining", "to any student obtaining", 1), NoAssertion, "MIT", 5, "student"},
		{"MIT with a clause added", strings.Replace(mit, "The above copyright notice", "The Software shall not be used for military purposes.\n\nThe above copyright notice", 1), NoAssertion, "MIT", 11, "military"},
		{"Apache-2.0 cut short", apache[:len(apache)/3], NoAssertion, "Apache-2.0", 0, ""},
		{"MIT with a preposition swapped", strings.Replace(mit, "persons to whom", "persons from whom", 1), NoAssertion, "MIT", 0, "from"},
		{"Apache-2.0 with a pronoun swapped", strings.Replace(apache, "You must give any other recipients", "We must give any other recipients", 1), NoAssertion, "Apache-2.0", 0, "we"},
		{"MIT with one more article (near miss)", strings.Replace(mit, "to permit persons to whom", "to permit the persons to whom", 1), "MIT", "", 0, ""},
		{"an unknown licence", strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. ", 8), NoAssertion, "", 0, ""},
	} {
		got := classifyOne("LICENSE", []byte(c.text))
		if got.Expression != c.want {
			t.Errorf("%s: got %s (%s), want %s", c.name, got.Expression, got.Note, c.want)
			continue
		}
		switch {
		case c.closest == "" && got.Closest != nil && got.Closest.Share >= minDiffShare:
			t.Errorf("%s: closest %+v, want none", c.name, got.Closest)
		case c.closest == "":
		case got.Closest == nil || got.Closest.ID != c.closest || got.Closest.Share < 0.4:
			t.Errorf("%s: closest %+v, want %s with most words in common", c.name, got.Closest, c.closest)
		case c.line > 0 && got.Closest.Line != c.line, !strings.Contains(got.Closest.Text+" "+got.Closest.Licence, c.excerpt):
			t.Errorf("%s: first difference at line %d «%s» / «%s», want line %d with %q", c.name, got.Closest.Line, got.Closest.Licence, got.Closest.Text, c.line, c.excerpt)
		}
		if c.want != NoAssertion && !strings.Contains(got.Note, "near miss") {
			t.Errorf("%s: note %q, want it to say near miss", c.name, got.Note)
		}
	}
}

// TestLicencesWithScope: a LICENSE holding several licence texts, with
// sentences saying which part is under which (spdx/spdx-spec's layout), is
// all of them; a restriction among those sentences is not.
func TestLicencesWithScope(t *testing.T) {
	t.Parallel()
	const sep = "\n\n= = = = =\n\n"
	scope := "The Widget Specification is provided under the Community Specification License 1.0 (Community-Spec-1.0), a copy of which is included below.\n\n" +
		"Earlier portions of the Widget Specification from copyright holders who have not since contributed under the Community Specification License 1.0 are provided under Creative Commons Attribution 3.0 Unported (CC-BY-3.0), a copy of which is included below.\n\n" +
		"/tools/fetch.py is licensed under the MIT License (MIT), a copy of which is included below."
	texts := listText(t, "Community-Spec-1.0") + sep + listText(t, "CC-BY-3.0") + sep + "MIT License\n\nCopyright (c) 2026 Widget Authors\n\n" + strings.SplitN(listText(t, "MIT"), "\n\n", 3)[2]
	for _, c := range []struct{ name, text, want string }{
		{"three licences and the parts they cover", scope + sep + texts, "CC-BY-3.0 AND Community-Spec-1.0 AND MIT"},
		{"a restriction among the scope sentences", scope + "\n\nThe specification may not be used for commercial products." + sep + texts, NoAssertion},
		{"a restriction worded with not", strings.Replace(scope, "a copy of which is included below.\n\nEarlier", "a copy of which is included below. It may not be used by companies.\n\nEarlier", 1) + sep + texts, NoAssertion},
	} {
		if got := classifyOne("LICENSE", []byte(c.text)); got.Expression != c.want {
			t.Errorf("%s: got %s (%s), want %s", c.name, got.Expression, got.Note, c.want)
		}
	}
}

// TestRestrictionsWithoutFlagWords: sentences that limit who may use a
// licence ("licensed to Acme customers exclusively"), above the text or on
// its copyright line, a second negation in BSD's endorsement clause, a
// changed word in a paragraph that quotes a copyright notice, and a long
// changed text that quotes SPDX tags are never the licence; a copyright
// line naming a holder after a title ("Dr.") or the licence is.
func TestRestrictionsWithoutFlagWords(t *testing.T) {
	t.Parallel()
	mit := listText(t, "MIT")
	bsd := listText(t, "BSD-3-Clause")
	for _, c := range []struct{ name, text, want string }{
		{"licensed to customers above", "This software is licensed to Acme customers exclusively.\n\n" + mit, NoAssertion},
		{"for employees above", "For use by Acme employees.\n\n" + mit, NoAssertion},
		{"one computer above", "This copy is licensed to Jane Doe; it may be used on one computer.\n\n" + mit, NoAssertion},
		{"subscribers on the copyright line", "Copyright (c) 2020 Acme Inc. Licensed to Acme subscribers only.\n\n" + mit, NoAssertion},
		{"a second negation in the endorsement clause", strings.Replace(bsd, "contributors may be used to endorse", "contributors may not be used to endorse", 1), NoAssertion},
		{"CNRI-Jython, royalty-bearing in the paragraph quoting its notice", strings.Replace(listText(t, "CNRI-Jython"), "royalty-free", "royalty-bearing", 1), NoAssertion},
		{"CAL-1.0 changed, quoting its SPDX tags", strings.Replace(listText(t, "CAL-1.0-Combined-Work-Exception"), "royalty-free", "royalty-bearing", 1), NoAssertion},
		{"a holder after a title", "Copyright (c) 2020 Dr. Jane Doe\n\n" + mit, "MIT"},
		{"a copyright line naming the licence", "Copyright (c) 2016 Foo Bar. Licensed under the MIT license.\n\n" + mit, "MIT"},
		{"a preamble naming the licence", "The Foo library is released under the MIT License, see below.\n\n" + mit, "MIT"},
		{"eCos as u-boot ships it, under the FSF's note", "Note that this license is not endorsed by the Free Software Foundation.\nIt is available here as a convenience to readers of the license list.\n\n" + listText(t, "eCos-2.0"), "GPL-2.0-or-later WITH eCos-exception-2.0"},
		{"a note that restricts", "Note that this license may not be used by companies.\n\n" + listText(t, "eCos-2.0"), NoAssertion},
	} {
		if got := classifyOne("LICENSE", []byte(c.text)); got.Expression != c.want {
			t.Errorf("%s: got %s (%s), want %s", c.name, got.Expression, got.Note, c.want)
		}
	}
}
