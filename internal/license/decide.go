// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/google/licensecheck"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// Limits of text a licence file may hold besides licence texts, in words
// that are neither copyright lines, titles, URLs nor SPDX tags.
const (
	// maxLead is the explanatory text allowed before and between licence
	// texts ("This project is dual-licensed ...", lists of files).
	maxLead = 150
	// maxTail is the text allowed after the last licence text (a note on
	// artwork, a pointer to NOTICE); it must also be free of any word that
	// could add a term.
	maxTail = 40
	// maxForeign is the number of words a match may take through its
	// pattern's wildcards (names, years, BSD's "Neither the name of ...
	// nor the names of its contributors") before the text counts as changed.
	maxForeign = 200
)

// analysis is one scan of a prepared text, judged.
type analysis struct {
	matches []licensecheck.Match // licence texts and notices, in order (no URLs)
	ids     []string             // distinct ids of matches, in order
	covered int                  // words inside matches
	residue int                  // other words, not benign
	lead    []string             // residue lines before/between licence texts
	tail    []string             // residue lines after the last licence text
	flag    string               // residue or wildcard words that change the terms
	// leadFlag is set when flag comes from the text before or between the
	// licence texts only.
	leadFlag bool
	spdx     []string // SPDX-License-Identifier values seen
	ev       evidence // GNU version statements outside the texts (see finish)
	prose    string   // the text outside the licence texts, for finish
}

// clean reports whether the matches explain the whole text.
func (a *analysis) clean() bool {
	return len(a.ids) > 0 && a.residue == 0 && a.flag == ""
}

// confidence is the share of the text's meaningful words inside licence
// matches.
func (a *analysis) confidence() float64 {
	if a.covered+a.residue == 0 {
		return 0
	}
	return float64(a.covered) / float64(a.covered+a.residue)
}

// verdict says why an analysis does not identify its text, "" when it does.
func (a *analysis) verdict() string {
	switch {
	case len(a.ids) == 0:
		return "no licence text found"
	case a.flag != "":
		return "changed or extra terms: " + a.flag
	case words(strings.Join(a.tail, " ")) > maxTail:
		return "text after the licence: " + snippet(strings.Join(a.tail, " "))
	case a.residue > maxLead:
		return "long text besides the licence: " + snippet(strings.Join(append(a.lead, a.tail...), " "))
	case a.confidence()*100 < identified:
		return "the licence text covers too little of the file"
	}
	return ""
}

// limits are the words that limit who may use a work: "This software is
// licensed to Acme customers exclusively", "for use by Acme employees", "on
// one computer".
const limits = `exclusive\w*|solely|customers?|clients?|subscri\w*|paying|purchas\w*|employees?|students?|licensees?|one\s+(?:computer|machine|device|seat|user|server|site)`

// limitWords finds them (on copyright lines, which are otherwise the
// file's own).
var limitWords = lazy(`(?i)\b(?:` + limits + `)\b`) //nolint:gochecknoglobals // compiled on first use, immutable

// strongFlags are words that, anywhere outside a licence text or inside
// one in place of its own words, restrict or change what is granted.
var strongFlags = lazy(`(?i)\b(not|non[- ]?commercial(ly)?|commercial(ly)?|unless|prohibit\w*|forbid\w*|restrict\w*|military|weapons?|evil|harm(?:s|ful|ing|ed)?|fees?|pay|paid|payment|royalt\w*|revoc\w*|revok\w*|terminat\w*|must|shall|requir\w*|sell|sold|resale|donat\w*|beer|ethical|moral|government\w*|educational|academic|research|personal|private|internal|evaluation|trial|agree\w*|consent|indemn\w*|jurisdiction|governed|laws?|` + limits + `)\b`) //nolint:gochecknoglobals // compiled on first use, immutable

// weakFlags are words that explanatory text before or between licence
// texts uses ("with the exception of these files", "only one of them"),
// but that after the last text or inside one mean extra terms.
var weakFlags = lazy(`(?i)\b(no|except(ed|ion|ions)?|only|provided\s+that|conditions?|permission|permitted|grant\w*|warrant\w*|liab\w*|disclaim\w*|damages|attribution|endorse\w*|advert\w*|patent\w*|trademark\w*|contract|compan(y|ies)|organi[sz]ations?|individuals?|employees?|revenue|income|users?)\b`) //nolint:gochecknoglobals // compiled on first use, immutable

// reBenignNegation is the BSD family's "The names of the contributors may
// not be used to endorse ..." for "Neither the names ... may be used to
// endorse": the same prohibition, which the patterns take through a
// wildcard.
var reBenignNegation = lazy(`(?i)^not\s+(?:be\s+)?used\s+to\s+endorse\b`) //nolint:gochecknoglobals // compiled on first use, immutable

// benignNegation reports a "not" at b[at:] that only restates a
// licence's own prohibition. In a sentence that starts "Neither the
// name ... nor ..." it is a second negation, which turns the prohibition
// around: not benign.
func benignNegation(b []byte, at int) bool {
	if !reBenignNegation.get().Match(b[at:min(len(b), at+40)]) {
		return false
	}
	start := max(0, at-400)
	if i := bytes.LastIndexByte(b[start:at], '.'); i >= 0 {
		start += i + 1
	}
	return !containsFold(b[start:at], "neither")
}

// foreignFlags are the words that, taken by a pattern's wildcard where
// licences have names and years, add a restriction ("this software, for
// non-commercial use only, and associated files").
var foreignFlags = lazy(`(?i)\b(not|non[- ]?commercial(ly)?|commercial(ly)?|unless|prohibit\w*|forbid\w*|restrict\w*|military|weapons?|evil|harm(?:s|ful|ing|ed)?|fees?|pay|paid|payment|royalt\w*|revoc\w*|revok\w*|terminat\w*|must|shall|sold|resale|donat\w*|beer|only|except(ed|ion|ions)?)\b`) //nolint:gochecknoglobals // compiled on first use, immutable

// reUseVerb is what a restriction forbids or limits: using, copying,
// changing, passing on, selling the work, or the licence granting it.
var reUseVerb = lazy(`(?i)^(?:use[sd]?|using|sell\w*|sold|cop(?:y|ies|ied|ying)|distribut\w*|redistribut\w*|modif\w*|shar(?:e|ed|es|ing)|publish\w*|sublicens\w*|run\w*|ran|deploy\w*|install\w*|host\w*|offer\w*|provid\w*|include\w*|including|incorporat\w*|chang\w*|alter\w*|adapt\w*|commercial\w*|permit\w*|allow\w*|grant\w*|licen[cs]\w*|apply|appl(?:ies|ied)|charg\w*|rent\w*|lease\w*|lend\w*|export\w*|fork\w*|embed\w*|link\w*|train\w*|for|in|to|with|without|any|anyone|anybody|all)$`) //nolint:gochecknoglobals // compiled on first use, immutable

// negatesUse reports a "not" followed, within four words, by a word of
// use or permission (or a preposition that could start a restriction:
// "not for", "not in", "not to"; not "by", as in eCos's "this license is
// not endorsed by the Free Software Foundation").
func negatesUse(after string) bool {
	for i, w := range strings.FieldsFunc(after, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if i >= 4 {
			break
		}
		if reUseVerb.get().MatchString(w) {
			return true
		}
	}
	return false
}

// pathToken is a run of characters joined by slashes: a file or
// directory named in the text ("Files other than internal/golang/*
// licensed under:", "Files: s2/cmd/internal/readahead/*").
var pathToken = lazy(`[\w.-]*(?:/[\w.*-]*)+`) //nolint:gochecknoglobals // compiled on first use, immutable

// pathExt is a file name's extension at the end of a path.
var pathExt = lazy(`\.[A-Za-z0-9]{1,5}$`) //nolint:gochecknoglobals // compiled on first use, immutable

// blankPath blanks a path token that is plainly a path (a glob, a
// directory with its slash, a file with its extension), so that the
// names of its directories ("internal") are not read as terms; other
// slashed words ("commercial/military") are kept.
func blankPath(tok string) string {
	if strings.Contains(tok, "*") || strings.HasSuffix(tok, "/") || pathExt.get().MatchString(tok) {
		return " "
	}
	return tok
}

// flagIn finds a strong flag, or a weak one when weak is set, in s with
// licence names (which contain words such as "Attribution") blanked out.
func flagIn(s string, weak bool) string { return flagsIn(s, weak, false) }

// leadFlagIn is flagIn for the text before and between licence texts,
// which says which parts are under which licence: there a "not" counts
// only before a word of use or permission ("portions from copyright
// holders who have not contributed under the CSL are provided under
// CC-BY-3.0").
func leadFlagIn(s string) string { return flagsIn(s, false, true) }

func flagsIn(s string, weak, scopeNot bool) string {
	if len(s) > 16<<10 {
		s = s[:16<<10] // enough to find and quote a flag; the rest changes nothing
	}
	if !strongFlags.get().MatchString(s) && (!weak || !weakFlags.get().MatchString(s)) {
		return ""
	}
	for _, n := range names {
		s = n.re.get().ReplaceAllString(s, " ")
	}
	s = pathToken.get().ReplaceAllStringFunc(s, blankPath)
	for _, loc := range strongFlags.get().FindAllStringIndex(s, -1) {
		f := s[loc[0]:loc[1]]
		if scopeNot && strings.EqualFold(f, "not") && !negatesUse(s[loc[1]:]) {
			continue
		}
		return "\"" + f + "\" in " + snippet(around(s, f))
	}
	if weak {
		if f := weakFlags.get().FindString(s); f != "" {
			return "\"" + f + "\" in " + snippet(around(s, f))
		}
	}
	return ""
}

// analyse judges a scan of t: which words the licence matches explain, and
// whether what is left is harmless (copyright lines, titles, URLs, SPDX
// tags, the "How to apply" appendix of GNU texts) or changes the terms.
func analyse(t *text, s matcher) *analysis {
	r := s.scan(t.b)
	cov := r.Coverage
	a := &analysis{ev: newEvidence()}
	var urls [][2]int
	for _, m := range cov.Match {
		if m.IsURL {
			urls = append(urls, [2]int{m.Start, m.End})
			continue
		}
		a.matches = append(a.matches, m)
	}
	appendix, appendixOf := gnuAppendix(t.b, a.matches)
	var added []string // words of the appendix outside licence texts
	urls = append(urls, ccPreamble(t.b, a.matches)...)
	if appendix[1] > appendix[0] {
		kept := a.matches[:0]
		for _, m := range a.matches {
			if m.Start >= appendix[0] && m.End <= appendix[1] && strings.Contains(m.ID, "GPL") {
				continue // the sample notice of the appendix declares nothing
			}
			kept = append(kept, m)
		}
		a.matches = kept
	}
	seen := map[string]bool{}
	for _, m := range a.matches {
		if !seen[m.ID] {
			seen[m.ID] = true
			a.ids = append(a.ids, m.ID)
		}
		if base, _ := splitGNU(m.ID); base != "" {
			a.ev.noteID(m.ID, "the notice in the licence file")
		}
	}
	preambles := ownPreambles(t.b, a.matches, s)
	lastEnd := 0
	for _, m := range a.matches {
		lastEnd = max(lastEnd, m.End)
	}

	var foreign, onCopyright []string
	vocabFor := map[string]map[string]bool{}
	prevCopyright := false
	var prose bytes.Buffer
	for off := 0; off < len(t.b); {
		end := bytes.IndexByte(t.b[off:], '\n')
		if end < 0 {
			end = len(t.b)
		} else {
			end += off
		}
		line := t.b[off:end]
		lineStart := off
		off = end + 1

		ws := lineWords(line, lineStart)
		if len(ws) == 0 {
			prevCopyright = false
			continue
		}
		copyrightLine := isCopyright(line)
		var loose []string
		for _, w := range ws {
			switch m := matchAt(a.matches, w[0]); {
			case m >= 0 && !inRanges(preambles, w[0]):
				a.covered++
				word := strings.ToLower(string(t.b[w[0]:w[1]]))
				var taken bool // a word the licence does not have there
				if start := a.matches[m].Start; r.known[start] {
					// The words the pattern's wildcards took, and those
					// of the copyright lines the match was extended to.
					taken = r.wild[int32(w[0])] || int32(w[0]) < r.body[start] //nolint:gosec // texts are capped at MaxClassify
				} else {
					// Not known: the words the pattern has nowhere.
					id := a.matches[m].ID
					v := vocabFor[id]
					if v == nil {
						v = vocab(id)
						vocabFor[id] = v
					}
					taken = !v[word]
				}
				switch {
				case !taken || isNumber(word):
				case copyrightLine:
					onCopyright = append(onCopyright, word)
				case !benignNegation(t.b, w[0]):
					foreign = append(foreign, word)
				}
			case w[0] >= appendix[0] && w[0] < appendix[1]:
				added = append(added, strings.ToLower(string(t.b[w[0]:w[1]])))
			case inRanges(urls, w[0]):
			default:
				loose = append(loose, string(t.b[w[0]:w[1]]))
			}
		}
		if len(loose) == 0 {
			prevCopyright = copyrightLine
			continue
		}
		if id, ok := spdxTag(line); ok {
			a.spdx = append(a.spdx, id)
			prevCopyright = false
			continue
		}
		// A copyright line (or its indented continuation) is the file's
		// own, unless it restricts ("Copyright 2026 X. Not for commercial
		// use.").
		copyrightish := copyrightLine || prevCopyright && len(ws) <= 8 && len(line) > 0 && (line[0] == ' ' || line[0] == '\t')
		benign := copyrightish && !foreignFlags.get().Match(line) && !limitWords.get().Match(line) || isTitle(line) || onlyLinks(line) ||
			len(a.ids) > 0 && ownName(line, a.ids)
		if copyrightLine {
			prevCopyright = true
		} else if !benign {
			prevCopyright = false
		}
		if benign {
			if !copyrightLine {
				// A heading or a line naming the licences may still say
				// "or later".
				prose.Write(line)
				prose.WriteByte('\n')
			}
			continue
		}
		a.residue += len(loose)
		l := strings.Join(strings.Fields(string(line)), " ")
		prose.WriteString(l)
		prose.WriteByte('\n')
		if lineStart >= lastEnd && len(a.matches) > 0 {
			a.tail = append(a.tail, l)
		} else {
			a.lead = append(a.lead, l)
		}
	}
	if prose.Len() < 64<<10 {
		a.prose = prose.String()
	}
	if f := appendixChange(appendixOf, added); f != "" {
		a.flag = f
	}
	if j := strings.Join(onCopyright, " "); a.flag == "" {
		// A copyright line the match took that restricts ("Copyright 2026
		// Acme. Licensed to Acme customers exclusively.").
		if f := foreignFlags.get().FindString(j); f != "" {
			a.flag = "\"" + f + "\" on a copyright line (" + snippet(around(j, f)) + ")"
		} else if f := limitWords.get().FindString(j); f != "" {
			a.flag = "\"" + f + "\" on a copyright line (" + snippet(around(j, f)) + ")"
		}
	}
	if len(foreign) > 0 {
		fj := strings.Join(foreign, " ")
		if f := foreignFlags.get().FindString(fj); f != "" {
			a.flag, a.leadFlag = "\""+f+"\" inside the licence text ("+snippet(around(fj, f))+")", false
		} else if len(foreign) > maxForeign {
			a.flag, a.leadFlag = "words foreign to the licence inside its text ("+snippet(fj)+")", false
		}
	}
	return a
}

// finish completes the analysis of the text that is kept: the flags in
// the text around the licence texts and the GNU version statements. (The
// small matcher's analysis of a text it cannot explain alone is dropped:
// it needs neither, since without residue there is no text around.)
func (a *analysis) finish() {
	scanEvidence(a.prose, "the licence file", a.ev)
	if len(a.ids) == 0 || a.flag != "" {
		return
	}
	if f := flagIn(strings.Join(a.tail, " "), true); f != "" {
		a.flag = f
	} else if f := leadFlagIn(strings.Join(a.lead, " ")); f != "" {
		a.flag, a.leadFlag = f, true
	}
}

// gnuAppendix finds the "How to Apply These Terms" part after a GNU
// licence text: instructions and a sample notice, part of the licence
// document but often edited enough that the pattern stops before it.
func gnuAppendix(b []byte, ms []licensecheck.Match) ([2]int, string) {
	for _, m := range ms {
		if !gnuBare[m.ID] {
			continue
		}
		rest := b[m.End:]
		trim := bytes.TrimLeft(rest, " \t\n\r\f\v")
		// The closing line belongs to the appendix when the pattern
		// stopped before it (SPDX's patterns do).
		start := m.End + len(rest) - len(trim)
		if bytes.HasPrefix(bytes.ToUpper(trim[:min(len(trim), 27)]), []byte("END OF TERMS AND CONDITIONS")) {
			trim = bytes.TrimLeft(trim[27:], " \t\n\r\f\v")
		}
		head := strings.ToLower(string(trim[:min(len(trim), 80)]))
		if !strings.HasPrefix(head, "how to apply") && !strings.HasPrefix(head, "appendix") && !strings.HasPrefix(head, "addendum") {
			continue
		}
		end := min(len(b), start+6000)
		if loc := reAppendixEnd.get().FindIndex(b[start:end]); loc != nil {
			stop := start + loc[1]
			if j := bytes.Index(b[stop:], []byte("\n\n")); j >= 0 {
				stop += j
			} else {
				stop = len(b)
			}
			end = stop
		}
		return [2]int{start, end}, m.ID
	}
	return [2]int{0, 0}, ""
}

// appendixChange compares the words of a GNU appendix with the appendix
// of the licence as published (the SPDX list's text from END OF TERMS AND
// CONDITIONS on): people fill in the sample notice and drop parts, but a
// word added that restricts or changes terms ("You may not use this
// program for ...") is a change of the licence document.
func appendixChange(id string, words []string) string {
	if id == "" || len(words) == 0 {
		return ""
	}
	canon := appendixWords(id)
	if canon == nil {
		return ""
	}
	_, kept, _, ok := wordDiff(canon, words, maxAppendixEdits)
	var runs []string
	var run []string
	for i, w := range words {
		if ok && kept[i] {
			if len(run) > 0 {
				runs = append(runs, strings.Join(run, " "))
				run = nil
			}
			continue
		}
		run = append(run, w)
	}
	if len(run) > 0 {
		runs = append(runs, strings.Join(run, " "))
	}
	for _, r := range runs {
		f := strongFlags.get().FindString(r)
		if f == "" {
			f = foreignFlags.get().FindString(r)
		}
		if f != "" {
			return "\"" + f + "\" added to the \"How to Apply\" appendix of the " + id + " text (" + snippet(around(r, f)) + ")"
		}
	}
	return ""
}

// maxAppendixEdits bounds the comparison of an appendix with the
// published one: past it the appendix is another text, all of it new.
const maxAppendixEdits = 400

var (
	appendixMu    sync.Mutex          //nolint:gochecknoglobals // guards appendices
	appendixCache map[string][]string //nolint:gochecknoglobals // published appendices by id, read once
)

// appendixWords are the words of the published appendix of a bare GNU
// id, nil when the list does not have it.
func appendixWords(id string) []string {
	appendixMu.Lock()
	defer appendixMu.Unlock()
	if w, ok := appendixCache[id]; ok {
		return w
	}
	if appendixCache == nil {
		appendixCache = map[string][]string{}
	}
	var out []string
	if text, ok := spdxlist.Text(id + "-only"); ok {
		at := strings.Index(strings.ToUpper(text), "END OF TERMS AND CONDITIONS")
		if at < 0 {
			at = strings.Index(strings.ToLower(text), "how to apply")
		}
		if at >= 0 {
			b := []byte(text[at:])
			for _, w := range lineWords(b, 0) {
				out = append(out, strings.ToLower(string(b[w[0]:w[1]])))
			}
		}
	}
	appendixCache[id] = out
	return out
}

// reAppendixEnd finds the last sentence of the GNU appendices, wherever
// the lines break.
var reAppendixEnd = lazy(`(?i)why-not-lgpl|instead\s+of\s+this\s+license|that's\s+all\s+there\s+is\s+to\s+it|how\s+to\s+apply\s+and\s+follow\s+the\s+gnu\s+agpl`) //nolint:gochecknoglobals // compiled on first use, immutable

var reCCNotice = lazy(`(?i)creative\s+commons\s+corporation\s+\(\W?creative\s+commons\W?\)\s+is\s+not\s+a\s+law\s+firm`) //nolint:gochecknoglobals // compiled on first use, immutable

// ownPreambles finds text that licensecheck counted into a match although
// it is the file's own: the scanner moves a match's start back to a
// "copyright" up to 50 words before it, taking whatever stands between the
// copyright line and the licence ("All files are licensed as follows,
// except ..."). A second scan from after the copyright lines finds where the
// licence text really starts.
func ownPreambles(b []byte, ms []licensecheck.Match, s matcher) [][2]int {
	var out [][2]int
	for _, m := range ms {
		p := m.Start
		copyright, prev := false, false
		for p < m.End {
			end := bytes.IndexByte(b[p:m.End], '\n')
			if end < 0 {
				break
			}
			line := b[p : p+end]
			switch {
			case isCopyright(line):
				copyright, prev = true, true
			case len(bytes.TrimSpace(line)) == 0:
				prev = false
			case prev:
				// continues the copyright statement above (more holders,
				// "(subject to receipt of any required approvals ...)");
				// its words stay in the match, checked as foreign words
			default:
				end = -1
			}
			if end < 0 {
				break
			}
			p += end + 1
		}
		if !copyright || p >= m.End {
			continue
		}
		for _, sm := range s.scan(b[p:m.End]).Match {
			if sm.ID == m.ID && !sm.IsURL {
				if sm.Start > 0 {
					out = append(out, [2]int{p, p + sm.Start})
				}
				break
			}
		}
	}
	return out
}

// ccPreamble finds Creative Commons' notice before its licences ("not a
// law firm", "Considerations for licensors/the public"), which the legal
// code itself says is not part of the licence.
func ccPreamble(b []byte, ms []licensecheck.Match) [][2]int {
	var out [][2]int
	for _, m := range ms {
		if !strings.HasPrefix(m.ID, "CC-") {
			continue
		}
		from := max(0, m.Start-6000)
		loc := reCCNotice.get().FindIndex(b[from:m.Start])
		if loc == nil {
			continue
		}
		start := from + loc[0]
		// The match may begin inside the notice: licensecheck extends it
		// back to a nearby "copyright".
		limit := min(len(b), m.Start+3000)
		end := bytes.Index(bytes.ToLower(b[start:limit]), []byte("considerations_for_licensees"))
		if end < 0 {
			continue
		}
		end += start
		if nl := bytes.IndexByte(b[end:limit], '\n'); nl >= 0 {
			end += nl
		}
		out = append(out, [2]int{start, end})
	}
	return out
}

// lineWords returns the byte ranges of the words of a line, the way
// licensecheck splits words (letters and digits; © on its own).
func lineWords(line []byte, base int) [][2]int {
	var out [][2]int
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '©' {
			i += size
			continue
		}
		j := i + size
		for r != '©' && j < len(line) {
			r2, s2 := utf8.DecodeRune(line[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
				break
			}
			j += s2
		}
		out = append(out, [2]int{base + i, base + j})
		i = j
	}
	return out
}

func matchAt(ms []licensecheck.Match, at int) int {
	for i, m := range ms {
		if at >= m.Start && at < m.End {
			return i
		}
	}
	return -1
}

func inRanges(rs [][2]int, at int) bool {
	for _, r := range rs {
		if at >= r[0] && at < r[1] {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

var (
	reCopyright = lazy(`(?i)^[\s#*>/;|-]*(?:portions\s+)?(?:copyright\b|©|\(c\)\s*\d|spdx-filecopyrighttext\b)|all rights reserved`) //nolint:gochecknoglobals // compiled on first use, immutable
	reSPDXTag   = lazy(`(?i)spdx-license-identifier\s*:\s*(.+)$`)                                                                    //nolint:gochecknoglobals // compiled on first use, immutable
	reLinks     = lazy(`(?i)<?(?:https?://|www\.)\S+>?|<?[\w.+-]+@[\w-]+\.[\w.-]+>?`)                                                //nolint:gochecknoglobals // compiled on first use, immutable
)

func isCopyright(line []byte) bool {
	// Most lines mention none of the markers: skip the regexp for them.
	if !bytes.Contains(line, []byte("(")) && !bytes.Contains(line, []byte("©")) &&
		!containsFold(line, "copyright") && !containsFold(line, "rights reserved") {
		return false
	}
	return reCopyright.get().Match(line)
}

// containsFold reports whether b contains the lower-case ASCII word w in
// any case.
func containsFold(b []byte, w string) bool {
	for i := 0; i+len(w) <= len(b); i++ {
		if b[i]|0x20 != w[0] {
			continue
		}
		j := 1
		for j < len(w) && b[i+j]|0x20 == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

func spdxTag(line []byte) (string, bool) {
	if !containsFold(line, "spdx-license-identifier") {
		return "", false
	}
	m := reSPDXTag.get().FindSubmatch(line)
	if m == nil {
		return "", false
	}
	return strings.Trim(strings.TrimSpace(string(m[1])), "`*"), true
}

func onlyLinks(line []byte) bool {
	if !bytes.Contains(line, []byte("://")) && !bytes.Contains(line, []byte("www.")) && !bytes.Contains(line, []byte("@")) {
		return false
	}
	rest := reLinks.get().ReplaceAll(line, nil)
	return len(lineWords(rest, 0)) == 0
}

// titleWords may make up a heading above or between licence texts.
//
//nolint:gochecknoglobals // immutable table
var titleWords = wordSet(`the a an of and for to in on or by this is file license licence licenses licences
	version v ver gnu general public lesser library affero free documentation software foundation mozilla apache
	mit x11 expat bsd isc clause new simplified revised modified original berkeley boost eclipse common development
	distribution cddl creative commons attribution share alike sharealike cc sa zero cc0 universal legal code deed
	zlib libpng unlicense unlicence open source osi approved text full terms conditions use reproduction copying
	agreement notice mpl gpl lgpl agpl epl eupl european union artistic perl python psf wtfpl public domain
	dedication waiver gplv2 gplv3 lgplv2 lgplv3 agplv3 apache2 bsd2 bsd3 mit0 january february march april may june
	july august september october november december spdx identifier id short name ii iii iv international
	unported generic ported legalcode`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isTitle reports a heading line made only of licence-naming words and
// version numbers ("The MIT License (MIT)", "Apache License Version 2.0,
// January 2004", "BSD 3-Clause License").
func isTitle(line []byte) bool {
	ws := lineWords(line, 0)
	if len(ws) > 14 {
		return false
	}
	for _, w := range ws {
		word := strings.ToLower(string(line[w[0]:w[1]]))
		if !titleWords[word] && !isNumber(word) && (len(word) > 3 || !strings.ContainsAny(word, "0123456789")) {
			return false
		}
	}
	return true
}

func words(s string) int { return len(strings.Fields(s)) }

func around(s, f string) string {
	i := strings.Index(s, f)
	if i < 0 {
		return s
	}
	lo := max(0, i-60)
	for lo > 0 && s[lo-1] != ' ' {
		lo--
	}
	return s[lo:]
}

func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= 100 {
		return "«" + s + "»"
	}
	cut := 100
	for cut > 60 && s[cut] != ' ' {
		cut--
	}
	return "«" + s[:cut] + " …»"
}
