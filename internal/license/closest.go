// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// Closest is the licence of the SPDX list that a text not identified is
// nearest to, and where they first differ: a maintainer sees at once
// whether the file is a modified licence or another one (like `licensee
// diff`).
type Closest struct {
	ID string `json:"id"`
	// Share is the share of the two texts' words that they have in
	// common, in the same order (0..1); copyright lines and titles left
	// out.
	Share float64 `json:"share"`
	// Line is the line of the file where the texts first differ; Licence
	// and Text are the words there, the licence's and the file's.
	Line    int    `json:"line,omitempty"`
	Licence string `json:"licence,omitempty"`
	Text    string `json:"text,omitempty"`
}

// Describe says it in a sentence.
func (c *Closest) Describe() string {
	s := fmt.Sprintf("closest licence %s (%.0f%% of the words in common)", c.ID, c.Share*100)
	if c.Line > 0 {
		s += fmt.Sprintf("; first difference at line %d: the licence has «%s», the file «%s»", c.Line, c.Licence, c.Text)
	}
	return s
}

const (
	// minClosestWords is the length from which an unidentified text is
	// compared with the list: shorter ones are statements or notes.
	minClosestWords = 30
	// minClosestShare is the share of words in common from which a
	// licence is named as the closest: below, it is no more than chance.
	minClosestShare = 0.4
	// maxClosestWords bounds the words compared (the longest licences
	// have about 12,000).
	maxClosestWords = 16000
	// minDiffShare is the word-bag likeness from which the texts are
	// compared word by word (below, they are different licences).
	minDiffShare = 0.5
	// maxClosestEdits bounds the word comparison.
	maxClosestEdits = 1500
	// maxNearEdits is the number of words a near miss may differ by.
	maxNearEdits = 6
)

// cword is a word of a text with where it is.
type cword struct {
	w   string
	off int // in the text compared
}

// comparable lists the words of a text that a comparison with a licence
// counts: not those of copyright lines and titles.
func comparable(b []byte) []cword {
	var out []cword
	for off := 0; off < len(b) && len(out) < maxClosestWords; {
		end := bytes.IndexByte(b[off:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += off
		}
		line := b[off:end]
		if !ownLine(line) {
			for _, w := range lineWords(line, off) {
				out = append(out, cword{w: canonical(foldWord(string(b[w[0]:w[1]]))), off: w[0]})
			}
		}
		off = end + 1
	}
	return out
}

// ownLine reports a line a comparison leaves out: a title, or a copyright
// line of at most maxOwnLineWords words. A longer line that mentions a
// copyright is a paragraph of terms (CNRI-Jython's "... provided, however,
// that CNRI's notice of copyright, i.e., "Copyright (c) ... All Rights
// Reserved" are retained ..."): it is compared like the others.
func ownLine(line []byte) bool {
	return isTitle(line) || isCopyright(line) && len(bytes.Fields(line)) <= maxOwnLineWords
}

// maxOwnLineWords is the length of the longest copyright line a
// comparison leaves out (several holders and years).
const maxOwnLineWords = 30

func wordsOf(cs []cword) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.w
	}
	return out
}

// nearest finds the licence of the SPDX pool a text is closest to. near
// is set when the text is that licence with a few words drifted, none of
// which could change its terms (see driftWord).
func nearest(t *text, orig []byte) (closest *Closest, near bool, drift []string) {
	tw := comparable(t.b)
	if len(tw) < minClosestWords {
		return nil, false, nil
	}
	words := wordsOf(tw)
	have := map[string]bool{}
	for _, w := range words {
		have[w] = true
	}
	// Candidates: the entries whose rarest required words the text holds
	// best, nearest in length.
	ix := pool()
	type cand struct {
		i    int
		frac float64
	}
	var cands []cand
	for i, req := range ix.req {
		if len(req) == 0 {
			continue
		}
		n := 0
		for _, w := range req {
			if have[ix.words[w]] {
				n++
			}
		}
		cands = append(cands, cand{i, float64(n) / float64(len(req))})
	}
	size := func(i int) float64 {
		a, b := float64(ix.size[i]), float64(len(words))
		return min(a, b) / max(a, b, 1)
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].frac != cands[b].frac {
			return cands[a].frac > cands[b].frac
		}
		return size(cands[a].i) > size(cands[b].i)
	})
	// A text cut short lacks the rare words of its end: the licences its
	// first lines name are candidates too.
	head := map[string]bool{}
	for _, w := range foldedWords(string(t.b[:tw[min(len(tw)-1, 60)].off])) {
		head[w] = true
	}
	var picked []cand
	for k, c := range cands {
		if k < maxClosestCands || len(picked) < 2*maxClosestCands && namedIn(ix.names[ix.list[c.i]], head) {
			picked = append(picked, c)
		}
	}
	// The licences with the most words in common, then compared word by
	// word: the bag of words cannot tell a licence from its relative with
	// one more sentence (JSON's "shall be used for Good, not Evil").
	type scored struct {
		i     int
		share float64
		ref   []string
	}
	var bags []scored
	for _, c := range picked {
		text, ok := spdxlist.Text(ix.list[c.i])
		if !ok {
			continue
		}
		ref := wordsOf(comparable([]byte(text)))
		bags = append(bags, scored{c.i, bagShare(ref, words), ref})
	}
	sort.SliceStable(bags, func(a, b int) bool { return bags[a].share > bags[b].share })
	if len(bags) == 0 || bags[0].share < minClosestShare {
		return nil, false, nil
	}
	closest = &Closest{ID: ix.list[bags[0].i], Share: round3(bags[0].share)}
	// Word by word: the edit distance alone (memory in the edits, not
	// their square), the path only for a near miss.
	var best *scored
	edits, bestShare := 0, -1.0
	for k := range bags[:min(2, len(bags))] {
		sc := &bags[k]
		if sc.share < minDiffShare {
			break
		}
		d, ok := editDistance(sc.ref, words, maxClosestEdits)
		if !ok {
			continue
		}
		// Each edit is a word of one text that the other lacks.
		if share := float64(len(sc.ref)+len(words)-d) / float64(len(sc.ref)+len(words)); share > bestShare {
			best, bestShare, edits = sc, share, d
		}
	}
	if best == nil {
		return closest, false, nil
	}
	closest = &Closest{ID: ix.list[best.i], Share: round3(bestShare)}
	bestRef := best.ref
	// The first place where they differ.
	i := 0
	for i < len(words) && i < len(bestRef) && words[i] == bestRef[i] {
		i++
	}
	if i < len(words) || i < len(bestRef) {
		closest.Licence = excerpt(bestRef, i)
		closest.Text = excerpt(words, i)
		at := tw[min(i, len(tw)-1)].off
		o, _ := t.orig(at, at+1)
		closest.Line = 1 + bytes.Count(orig[:min(o, len(orig))], []byte("\n"))
	}
	if edits > maxNearEdits {
		return closest, false, nil
	}
	keptRef, keptText, _, _ := wordDiff(bestRef, words, maxNearEdits)
	for k, w := range bestRef {
		if !keptRef[k] {
			drift = append(drift, "-"+w)
			if !driftWord(w) {
				return closest, false, nil
			}
		}
	}
	for k, w := range words {
		if !keptText[k] {
			drift = append(drift, "+"+w)
			if !driftWord(w) {
				return closest, false, nil
			}
		}
	}
	return closest, true, drift
}

// maxClosestCands is the number of licences, by their rare words, that
// an unidentified text is compared with.
const maxClosestCands = 12

// namedIn reports a licence whose name's words (three letters or more,
// not counting "license") all stand in head.
func namedIn(name map[string]bool, head map[string]bool) bool {
	n := 0
	for w := range name {
		if len(w) < 3 || w == "license" || w == "licence" || w == "version" {
			continue
		}
		if !head[w] {
			return false
		}
		n++
	}
	return n > 0
}

// excerpt is a few words of ws from i on, with two before.
func excerpt(ws []string, i int) string {
	if i >= len(ws) {
		return "(end of text)"
	}
	return strings.Join(ws[max(0, i-2):min(len(ws), i+10)], " ")
}

// bagShare is the Dice coefficient of two texts' word multisets: what a
// word-by-word comparison could find at best.
func bagShare(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// driftWords are the words a text may gain, lose or swap and still be its
// licence, word for word: articles, demonstratives and the legal fillers
// "hereby", "herein". Never a negation, a conjunction that could turn
// "and" into "or", a condition, a number (30 days, version 2), a pronoun
// ("at your option" is not "at our option") or a preposition ("to" is not
// "from"): anything that names who, what or how many.
//
//nolint:gochecknoglobals // immutable table
var driftWords = wordSet(`the a an this that these those such hereby herein thereof therein also`)

// driftWord reports a word a near miss may differ by.
func driftWord(w string) bool { return driftWords[w] }
