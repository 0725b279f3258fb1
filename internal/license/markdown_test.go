// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// mostUsed are twenty of the licences projects use most (GitHub's licence
// statistics, with the texts the issue names: GFDL-1.3, the CC licences).
func mostUsed() []string {
	return []string{
		"MIT", "Apache-2.0", "GPL-3.0-only", "GPL-2.0-only", "BSD-3-Clause", "BSD-2-Clause", "AGPL-3.0-only",
		"LGPL-3.0-only", "LGPL-2.1-only", "MPL-2.0", "Unlicense", "ISC", "CC0-1.0", "EPL-2.0", "CC-BY-4.0",
		"CC-BY-SA-4.0", "GFDL-1.3-only", "BSL-1.0", "Zlib", "0BSD",
	}
}

// A paragraph of a plain licence text, as the renderings see it.
type mdPara struct {
	lines []string
	kind  int // paraText, paraHeading, paraItem, paraCode
	label string
}

const (
	paraText = iota
	paraHeading
	paraItem
	paraCode
)

var (
	reItem    = regexp.MustCompile(`^\s*(\(?(?:[0-9]{1,2}|[a-z]|[ivx]{1,4})[.)])\s+(.*)$`)
	reHeading = regexp.MustCompile(`^(?:(?:Section|Article)\s+)?[0-9]{0,2}\.?\s*[A-Z][^.;:]{0,60}\.?$`)
)

// maxHeading is the number of words a heading may have ("How to Apply
// These Terms to Your New Programs").
const maxHeading = 10

// paragraphs splits a plain text at blank lines and tells headings (short
// lines without a sentence), list items (a numbering, then text) and code
// (the indented sample notices of the GNU texts) from prose.
func paragraphs(text string) []mdPara {
	var out []mdPara
	for _, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		lines := strings.Split(strings.Trim(block, "\n"), "\n")
		if strings.TrimSpace(block) == "" {
			continue
		}
		p := mdPara{lines: lines}
		first := strings.TrimSpace(lines[0])
		switch {
		case strings.HasPrefix(lines[0], "    ") && !reItem.MatchString(lines[0]) || strings.Contains(block, "<one line"):
			p.kind = paraCode
		case len(lines) == 1 && len(strings.Fields(first)) <= maxHeading && reHeading.MatchString(first):
			p.kind = paraHeading
		default:
			if m := reItem.FindStringSubmatch(lines[0]); m != nil {
				p.kind, p.label = paraItem, m[1]
				p.lines[0] = m[2]
			}
		}
		out = append(out, p)
	}
	return out
}

// flow joins the lines of a paragraph and wraps them at width columns.
func flow(lines []string, width int, indent string) []string {
	var out []string
	cur := ""
	for _, w := range strings.Fields(strings.Join(lines, " ")) {
		if cur != "" && len(cur)+1+len(w) > width {
			out = append(out, cur)
			cur = indent
		}
		if cur != "" && cur != indent {
			cur += " "
		}
		cur += w
	}
	return append(out, cur)
}

// renderMarkdown writes a plain licence text the ways LICENSE.md files
// do. Style 0 is gnu.org's own Markdown (### headings, "-   a)" items,
// text reflowed); 1 adds what Markdown editors and converters produce
// (# and ## headings with a closing #, bold headings and capitals, the
// defined terms in italics, &lt; &gt; &amp; entities, escaped brackets,
// <br> line breaks, * and 1. list markers); 2 quotes the whole text (>).
func renderMarkdown(text string, style int) string {
	var b strings.Builder
	title := true
	for _, p := range paragraphs(text) {
		switch p.kind {
		case paraCode:
			switch style {
			case 0:
				for _, l := range p.lines {
					b.WriteString("    " + strings.TrimSpace(l) + "\n")
				}
				b.WriteString("\n")
			case 1:
				b.WriteString("```\n" + emphasise(strings.Join(p.lines, "\n")) + "\n```\n\n")
			default:
				b.WriteString(">     " + strings.Join(p.lines, "\n>     ") + "\n>\n")
			}
			continue
		case paraHeading:
			h := strings.TrimSpace(p.lines[0])
			switch {
			case style == 1 && title:
				b.WriteString("# " + h + " #\n\n")
			case style == 1:
				b.WriteString("## **" + h + "**\n\n")
			case style == 2:
				b.WriteString("> **" + h + "**\n>\n")
			case title:
				b.WriteString("### " + h + "\n\n")
			default:
				b.WriteString("#### " + h + "\n\n")
			}
			title = false
			continue
		}
		title = false
		lines := flow(p.lines, 72, "")
		if style == 1 {
			for i, l := range lines {
				lines[i] = emphasise(l)
			}
			if isCaps(strings.Join(p.lines, " ")) {
				lines[0] = "**" + lines[0]
				lines[len(lines)-1] += "**"
			}
		}
		switch {
		case p.kind == paraItem && style == 1:
			b.WriteString("*   " + p.label + " " + strings.Join(lines, "<br>\n    ") + "\n\n")
		case p.kind == paraItem && style == 0:
			b.WriteString("-   " + p.label + " " + strings.Join(lines, "\n    ") + "\n\n")
		case style == 2:
			if p.kind == paraItem {
				lines[0] = p.label + " " + lines[0]
			}
			b.WriteString("> " + strings.Join(lines, "\n> ") + "\n>\n")
		default:
			if p.kind == paraItem {
				lines[0] = p.label + " " + lines[0]
			}
			b.WriteString(strings.Join(lines, "\n") + "\n\n")
		}
	}
	return b.String()
}

var reDefined = regexp.MustCompile(`"([A-Z][a-z]+)"`)

// emphasise applies style 1's inline markup to a line.
func emphasise(l string) string {
	l = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`).Replace(l)
	return reDefined.ReplaceAllString(l, `"_${1}_"`)
}

func isCaps(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			letters++
			if r >= 'A' && r <= 'Z' {
				upper++
			}
		}
	}
	return letters > 40 && upper*10 > letters*9
}

// TestMarkdownRenderings: the twenty most used licences, in three
// Markdown renderings each, are identified as their plain text is.
func TestMarkdownRenderings(t *testing.T) {
	t.Parallel()
	n, right := 0, 0
	for _, id := range mostUsed() {
		text, ok := spdxlist.Text(id)
		if !ok {
			t.Fatalf("%s: no text", id)
		}
		e, _ := spdxlist.Lookup(id)
		want := accepted(e)
		if got := classifyOne("LICENSE", []byte(text)); !want[got.Expression] {
			t.Errorf("%s: the plain text gives %s (%s)", id, got.Expression, got.Note)
			continue
		}
		for style := 0; style < 3; style++ {
			n++
			md := renderMarkdown(text, style)
			got := classifyOne("LICENSE.md", []byte(md))
			if want[got.Expression] {
				right++
				continue
			}
			t.Errorf("%s in Markdown style %d: got %s (%s)", id, style, got.Expression, got.Note)
			if testing.Verbose() {
				fmt.Println(md)
			}
		}
	}
	t.Logf("Markdown renderings of %d licences: %d of %d identified", len(mostUsed()), right, n)
}

// mutations of a licence text that restrict or change it: none may be
// reported as the licence.
func mutations(id, text string) map[string]string {
	out := map[string]string{
		"not for commercial use above":          "Not for commercial use.\n\n" + text,
		"restriction below":                     text + "\nThis software may not be used by government agencies.\n",
		"restriction on a copyright line above": "Copyright (c) 2026 Example Corp. All rights reserved. Not for commercial use.\n\n" + text,
		"restriction under a copyright line":    "Copyright 2026 Jane Doe\n  No military use permitted.\n\n" + text,
	}
	// "not" after a word at six places spread over the text.
	locs := regexp.MustCompile(`[A-Za-z]+`).FindAllStringIndex(text, -1)
	for k := 1; k <= 6; k++ {
		at := locs[k*len(locs)/7][1]
		out[fmt.Sprintf("not inserted at word %d", k*len(locs)/7)] = text[:at] + " not" + text[at:]
	}
	const restriction = "You may not use this program for military purposes."
	if i := strings.Index(text, "How to Apply These Terms"); i >= 0 {
		j := i + strings.Index(text[i:], "\n\n")
		out["restriction in the How to Apply appendix"] = text[:j] + "\n\n" + restriction + text[j:]
	}
	if i := strings.Index(text, "Creative Commons is not a party"); i >= 0 {
		out["restriction in the CC trailer"] = text[:i] + restriction + " " + text[i:]
	}
	if i := strings.Index(text, "Considerations for licensors"); i >= 0 {
		out["restriction in the CC preamble"] = text[:i] + restriction + " " + text[i:]
	}
	return out
}

// TestMutatedTextsStayUnidentified: a restriction above, below or inside
// the twenty most used licences (a "not" inserted at six places, a
// restriction in the GNU appendix or in Creative Commons' notices), in
// plain text and in Markdown, is never reported as the licence.
//
// Without -sweep a fixed fifth of them is classified, spread over the
// licences, kinds of mutation and both forms.
func TestMutatedTextsStayUnidentified(t *testing.T) {
	t.Parallel()
	n, claimed, j := 0, 0, 0
	for _, id := range mostUsed() {
		text, _ := spdxlist.Text(id)
		e, _ := spdxlist.Lookup(id)
		base := accepted(e)
		muts := mutations(id, text)
		for _, what := range slices.Sorted(maps.Keys(muts)) {
			m := muts[what]
			for _, form := range []struct{ name, file, text string }{{"plain", "LICENSE", m}, {"Markdown", "LICENSE.md", renderMarkdown(m, 0)}} {
				j++
				if !sampled(j, 5) {
					continue
				}
				n++
				got := classifyOne(form.file, []byte(form.text))
				for _, part := range exprIDs(got.Expression) {
					if base[part] {
						claimed++
						t.Errorf("%s, %s (%s): reported as %s", id, what, form.name, got.Expression)
						break
					}
				}
			}
		}
	}
	t.Logf("%d mutated texts of %d licences; reported as their licence: %d", n, len(mostUsed()), claimed)
}

// TestMarkdownMarkup: what Markdown adds to a licence text is gone before
// matching (headings, quotes, list bullets, emphasis, entities, escapes,
// HTML tags), what is text stays (numbering, autolinks, placeholders,
// words with underscores).
func TestMarkdownMarkup(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"### END OF TERMS AND CONDITIONS ###\n", " END OF TERMS AND CONDITIONS \n"},
		{"> > quoted\n>\n", "  quoted\n\n"},
		{"-   a) The work must carry\n*  b) item\n+ c) item\n", "   a) The work must carry\n  b) item\n c) item\n"},
		{"**Copyright** _2024_ __Jane__ *Doe* ~~old~~\n", "Copyright 2024 Jane Doe old\n"},
		{"see &lt;https://www.gnu.org/licenses/&gt; &amp; more\n", "see <https://www.gnu.org/licenses/> & more\n"},
		{"\\[name\\] \\*not\\* emphasis\n", "[name] *not* emphasis\n"},
		{"line one<br>\nline <b>two</b><br/>\n", "line one\n\nline two\n\n"},
		{"1. Definitions.\n2) Grant\n", "1. Definitions.\n2) Grant\n"},
		{"<https://fsf.org/> <year> <one line to give>\n", "<https://fsf.org/> <year> <one line to give>\n"},
		{"wiki/Considerations_for_licensees snake_case\n", "wiki/Considerations_for_licensees snake_case\n"},
		{"#hashtag # heading-less\n", "#hashtag # heading-less\n"},
	} {
		got, why := prepare("LICENSE.md", []byte(c.in))
		if why != "" {
			t.Fatalf("%q: %s", c.in, why)
		}
		if string(got.b) != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got.b, c.want)
		}
	}
}
