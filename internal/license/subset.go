// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/google/licensecheck"
)

// When the small matcher cannot explain a text, the full licence set is not
// compiled at once (over a second and some 100 MiB): a licence pattern can
// only match a text holding every word the pattern requires (the words
// outside its optional and alternative groups), give or take licensecheck's
// spelling tolerance (one letter changed, added or dropped; two words run
// together; one word split in two; its few canonical rewrites). The
// licences passing that test are compiled alone, usually a handful in tens
// of milliseconds; TestSubsetAgreesWithFull checks that the answer is the
// full set's.

// maxSubset is the candidate count above which compiling the full set
// (once, shared by every later text) is the better deal.
const maxSubset = 120

// subsetCache bounds the compiled candidate sets kept for reuse.
const subsetCache = 16

type lreIndex struct {
	lres  []licensecheck.License // built-in licences with a pattern, built-in order
	urls  []licensecheck.License // built-in URL-only entries (references)
	words []string               // every required word of any pattern
	req   [][]int32              // per pattern: indexes into words
}

var (
	indexOnce sync.Once //nolint:gochecknoglobals // lazily built, immutable afterwards
	lreIdx    *lreIndex //nolint:gochecknoglobals // see indexOnce

	subsetMu sync.Mutex                           //nolint:gochecknoglobals // guards subsets
	subsets  = map[string]*licensecheck.Scanner{} //nolint:gochecknoglobals // compiled candidate sets, bounded by subsetCache
)

func index() *lreIndex {
	indexOnce.Do(func() {
		ix := &lreIndex{}
		pos := map[string]int32{}
		for _, l := range licensecheck.BuiltinLicenses() {
			if l.LRE == "" {
				ix.urls = append(ix.urls, l)
				continue
			}
			seen := map[int32]bool{}
			var req []int32
			for _, w := range requiredWords(l.LRE) {
				i, ok := pos[w]
				if !ok {
					i = int32(len(ix.words)) //nolint:gosec // a few thousand words
					pos[w] = i
					ix.words = append(ix.words, w)
				}
				if !seen[i] {
					seen[i] = true
					req = append(req, i)
				}
			}
			ix.lres = append(ix.lres, l)
			ix.req = append(ix.req, req)
		}
		lreIdx = ix
	})
	return lreIdx
}

// requiredWords lists the words of a pattern outside any (( )) group and
// outside //** comments **//; wildcards (__N__) are no words.
func requiredWords(lre string) []string {
	var out []string
	depth := 0
	for i := 0; i < len(lre); {
		c := lre[i]
		switch {
		case c == '/' && strings.HasPrefix(lre[i:], "//**"):
			end := strings.Index(lre[i+4:], "**//")
			if end < 0 {
				return out
			}
			i += 4 + end + 4
		case c == '(' && strings.HasPrefix(lre[i:], "(("):
			depth++
			i += 2
		case c == ')' && strings.HasPrefix(lre[i:], "))"):
			depth--
			i += 2
		case c == '_' && strings.HasPrefix(lre[i:], "__"):
			j := i + 2
			for j < len(lre) && lre[j] >= '0' && lre[j] <= '9' {
				j++
			}
			i = j + len("__")
		case c < 0x80 && !isAlnum(c):
			i++
		default:
			r, size := utf8.DecodeRuneInString(lre[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '©' {
				i += size
				continue
			}
			j := i + size
			for r != '©' && j < len(lre) {
				if b := lre[j]; b < 0x80 {
					if !isAlnum(b) {
						break
					}
					j++
					continue
				}
				r2, s2 := utf8.DecodeRuneInString(lre[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += s2
			}
			if depth == 0 {
				out = append(out, canonical(foldWord(lre[i:j])))
			}
			i = j
		}
	}
	return out
}

// foldWord lower-cases one word (letters, digits) as licensecheck does,
// without allocating when it is lower-case ASCII already.
func foldWord(w string) string {
	if w == "©" {
		return "copyright"
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			if ws := foldedWords(w); len(ws) == 1 {
				return ws[0]
			}
			return strings.ToLower(w)
		}
	}
	return strings.ToLower(w)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// foldedWords splits s into lower-case words without the rewrites: the
// spelling tolerance compares the text's words in this form.
func foldedWords(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '©':
			flush()
			out = append(out, "copyright")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(foldVowel(unicode.ToLower(r)))
		case unicode.Is(unicode.Mn, r) && b.Len() > 0:
		default:
			flush()
		}
	}
	flush()
	return out
}

func foldVowel(r rune) rune {
	switch r {
	case 'á', 'à':
		return 'a'
	case 'é', 'è':
		return 'e'
	case 'í', 'ì':
		return 'i'
	case 'ó', 'ò':
		return 'o'
	case 'ú', 'ù':
		return 'u'
	}
	return r
}

// canonical applies licensecheck's rewrites (are/is, these/the, https/http ...).
func canonical(w string) string {
	switch w {
	case "are":
		return "is"
	case "them", "they":
		return "it"
	case "these", "this", "those":
		return "the"
	case "copies":
		return "copy"
	case "https":
		return "http"
	}
	return w
}

// bag is what a text offers for a required word: its words, words run
// together, the pieces of split words, and all of those with one letter
// dropped (for spelling tolerance).
type bag struct {
	exact, del map[string]bool
}

func newBag(text []byte) bag {
	b := bag{exact: map[string]bool{}, del: map[string]bool{}}
	words := foldedWords(string(text))
	add := func(w string) {
		if !b.del[w] {
			b.del[w] = true
			for _, d := range deletions(w) {
				b.del[d] = true
			}
		}
		b.exact[w] = true
	}
	seen := map[string]bool{}
	for i, w := range words {
		if i+1 < len(words) {
			// Two words may stand for one the pattern expects ("modify,
			// and" read as its "modifyand").
			b.exact[w+words[i+1]] = true
		}
		if seen[w] {
			continue
		}
		seen[w] = true
		add(w)
		add(canonical(w))
		// One word may stand for two the pattern expects ("andor").
		for j := 1; j < len(w); j++ {
			b.exact[w[:j]] = true
			b.exact[w[j:]] = true
		}
	}
	if b.exact["c"] || b.exact["copyright"] || strings.Contains(string(text), "&copy;") {
		add("c")
		add("copyright")
	}
	return b
}

// deletions are w with one letter dropped.
func deletions(w string) []string {
	out := make([]string, 0, len(w))
	for i := 0; i < len(w); {
		_, size := utf8.DecodeRuneInString(w[i:])
		out = append(out, w[:i]+w[i+size:])
		i += size
	}
	return out
}

// has reports whether the text could supply w to the matcher.
func (b bag) has(w string) bool {
	if b.exact[w] || b.del[w] {
		return true
	}
	for _, d := range deletions(w) {
		if b.del[d] {
			return true
		}
	}
	return false
}

// subsetMatcher returns a matcher of the built-in licences that can match
// text, or the full set when too many can.
func subsetMatcher(text []byte) matcher {
	cands := candidateLicences(text)
	if len(cands) > maxSubset {
		return fullMatcher{}
	}
	var key strings.Builder
	for _, l := range cands {
		key.WriteString(l.ID)
		key.WriteByte(' ')
	}
	subsetMu.Lock()
	defer subsetMu.Unlock()
	if s, ok := subsets[key.String()]; ok {
		return s
	}
	if len(cands) == 0 {
		// The matcher needs one pattern: one no text holds.
		cands = append(cands, licensecheck.License{ID: NoAssertion, LRE: "ospolintxnomatchxsentinel ospolintxnomatchxsentinel"})
	}
	s, err := licensecheck.NewScanner(append(cands, index().urls...))
	if err != nil {
		return fullMatcher{}
	}
	if len(subsets) >= subsetCache {
		clear(subsets)
	}
	subsets[key.String()] = s
	return s
}

// candidateLicences are the built-in licences whose required words text holds,
// in built-in order (which decides between equal matches).
func candidateLicences(text []byte) []licensecheck.License {
	ix := index()
	b := newBag(text)
	present := make([]int8, len(ix.words)) // 0 unknown, 1 yes, -1 no
	var cands []licensecheck.License
	for i, req := range ix.req {
		ok := true
		for _, w := range req {
			if present[w] == 0 {
				present[w] = -1
				if b.has(ix.words[w]) {
					present[w] = 1
				}
			}
			if present[w] < 0 {
				ok = false
				break
			}
		}
		if ok {
			cands = append(cands, ix.lres[i])
		}
	}
	return cands
}
