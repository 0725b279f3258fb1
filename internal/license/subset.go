// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/google/licensecheck"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// When the small matcher cannot explain a text, licensecheck's full set is
// not compiled (over a second and some 100 MiB), nor the SPDX pool: a
// licence pattern can only match a text holding every word the pattern
// requires (the words outside its optional and alternative groups), give or
// take the spelling tolerance (one letter changed, added or dropped; two
// words run together; one word split in two; a few canonical rewrites).
// The licences passing that test are run by the pattern interpreter
// (lre.go); TestSubsetAgreesWithFull checks that the answers are
// licensecheck's full set's where it knows the licence.

// maxSubset bounds the candidates run for one text.
const maxSubset = 60

// builtinEntry is a built-in licence's id and the rarest words its
// pattern requires (see buildIndex).
type builtinEntry struct {
	ID    string
	Words []string
}

type lreIndex struct {
	lres  []licensecheck.License // built-in licences with a pattern, built-in order
	urls  map[string]string      // built-in licence URLs (lower case, no scheme) to ids
	words []string               // every required word of any pattern
	req   [][]int32              // per pattern: indexes into words
}

var (
	indexOnce sync.Once //nolint:gochecknoglobals // lazily built, immutable afterwards
	lreIdx    *lreIndex //nolint:gochecknoglobals // see indexOnce
)

func index() *lreIndex {
	indexOnce.Do(func() { lreIdx = buildIndex(licensecheck.BuiltinLicenses(), builtinWords) })
	return lreIdx
}

// buildIndex indexes the built-in licences' patterns by the words they
// require. The rarest of those words come from table, generated for the
// pinned licensecheck (builtin_words.go: tokenising its 3.4 MB of patterns
// took 100 ms of every scan that reached this tier); when table does not
// list exactly these licences, the words are read from the patterns.
func buildIndex(lics []licensecheck.License, table []builtinEntry) *lreIndex {
	ix := &lreIndex{urls: map[string]string{}}
	var withLRE []licensecheck.License
	for _, l := range lics {
		if l.URL != "" {
			ix.urls[l.URL] = l.ID
		}
		if l.LRE != "" {
			withLRE = append(withLRE, l)
		}
	}
	current := len(table) == len(withLRE)
	for k := 0; current && k < len(table); k++ {
		current = table[k].ID == withLRE[k].ID
	}
	var words [][]string
	if current {
		for _, e := range table {
			words = append(words, e.Words)
		}
	} else {
		words = rarestRequired(withLRE)
	}
	vocab := wordTable{}
	for k, l := range withLRE {
		var req []int32
		for _, w := range words[k] {
			req = append(req, vocab.number(w))
		}
		ix.lres = append(ix.lres, l)
		ix.req = append(ix.req, req)
	}
	ix.words = vocab.words
	return ix
}

// wordTable numbers words in the order they are first met.
type wordTable struct {
	pos   map[string]int32
	words []string
}

// number is the position of w, which is added when new.
func (t *wordTable) number(w string) int32 {
	if i, ok := t.pos[w]; ok {
		return i
	}
	if t.pos == nil {
		t.pos = map[string]int32{}
	}
	i := int32(len(t.words)) //nolint:gosec // a few thousand words
	t.pos[w] = i
	t.words = append(t.words, w)
	return i
}

// maxRequired is how many of a pattern's required words the index keeps:
// its rarest among all patterns, which rule out nearly every text that
// lacks the licence as well as all of them would.
const maxRequired = 24

// rarestRequired lists, for each licence, the maxRequired words its
// pattern requires that the fewest other patterns require (ties by the
// word), each once.
func rarestRequired(lics []licensecheck.License) [][]string {
	sets := make([][]string, len(lics))
	df := map[string]int{}
	for k, l := range lics {
		seen := map[string]bool{}
		for _, w := range requiredWords(l.LRE) {
			if !seen[w] {
				seen[w] = true
				sets[k] = append(sets[k], w)
				df[w]++
			}
		}
	}
	for k, set := range sets {
		sort.Slice(set, func(i, j int) bool {
			if df[set[i]] != df[set[j]] {
				return df[set[i]] < df[set[j]]
			}
			return set[i] < set[j]
		})
		sets[k] = set[:min(len(set), maxRequired)]
	}
	return sets
}

// requiredWords lists the words of a pattern outside any (( )) group and
// outside //** comments **//; wildcards (__N__) are no words.
func requiredWords(lre string) []string {
	if alts := splitAlternatives(lre); len(alts) > 1 {
		return intersectWords(alts)
	}
	var out []string
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
			// A group: optional when "??" follows it, else one of its
			// alternatives must match, so the words they all require are
			// required.
			end := groupEnd(lre, i)
			if end < 0 {
				return out
			}
			if !strings.HasPrefix(lre[end:], "??") {
				out = append(out, intersectWords(splitAlternatives(lre[i+2:end-2]))...)
			}
			i = end
		case c == ')' && strings.HasPrefix(lre[i:], "))"):
			i += 2 // unbalanced: nothing to take
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
			out = append(out, canonical(foldWord(lre[i:j])))
			i = j
		}
	}
	return out
}

// groupEnd returns the index just past the "))" closing the group that
// opens at i, or -1 when it is not closed.
func groupEnd(lre string, i int) int {
	depth := 0
	for i < len(lre) {
		switch {
		case strings.HasPrefix(lre[i:], "//**"):
			i = pastComment(lre, i)
		case strings.HasPrefix(lre[i:], "(("):
			depth++
			i += 2
		case strings.HasPrefix(lre[i:], "))"):
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return -1
}

// pastComment returns the index just past the //** comment **// that opens
// at i, or the pattern's end when it is not closed.
func pastComment(lre string, i int) int {
	end := strings.Index(lre[i+4:], "**//")
	if end < 0 {
		return len(lre)
	}
	return i + 4 + end + 4
}

// splitAlternatives splits a pattern at its "||" outside any group.
func splitAlternatives(lre string) []string {
	var alts []string
	start := 0
	for i := 0; i < len(lre); {
		switch {
		case strings.HasPrefix(lre[i:], "//**"):
			i = pastComment(lre, i)
		case strings.HasPrefix(lre[i:], "(("):
			if i = groupEnd(lre, i); i < 0 {
				i = len(lre)
			}
		case strings.HasPrefix(lre[i:], "||"):
			alts = append(alts, lre[start:i])
			i += 2
			start = i
		default:
			i++
		}
	}
	return append(alts, lre[start:])
}

// intersectWords lists the words every alternative requires, in the first
// one's order.
func intersectWords(alts []string) []string {
	common := requiredWords(alts[0])
	for _, a := range alts[1:] {
		if len(common) == 0 {
			break
		}
		in := map[string]bool{}
		for _, w := range requiredWords(a) {
			in[w] = true
		}
		kept := common[:0]
		for _, w := range common {
			if in[w] {
				kept = append(kept, w)
			}
		}
		common = kept
	}
	return common
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
// dropped (for spelling tolerance). It holds hashes, not strings: a
// collision only adds a candidate, and a text of thousands of words is
// bagged without an allocation per variant.
type bag struct {
	exact, del map[uint64]struct{}
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func hashWord(s string) uint64 { return hashBytes(fnvOffset, s) }

// eachDeletion calls f with the hash of w without each of its letters.
func eachDeletion(w string, f func(uint64)) {
	for i := 0; i < len(w); {
		_, size := utf8.DecodeRuneInString(w[i:])
		f(hashBytes(hashBytes(fnvOffset, w[:i]), w[i+size:]))
		i += size
	}
}

func newBag(text []byte) bag {
	words := foldedWords(string(text))
	// A licence text has about one distinct word in six, of about seven
	// letters, each bagged as itself and its pieces (exact) and its
	// deletions (del).
	n := min(len(words), 1<<16) / 6
	b := bag{exact: make(map[uint64]struct{}, 16*n), del: make(map[uint64]struct{}, 8*n)}
	add := func(w string) {
		h := hashWord(w)
		if _, ok := b.del[h]; !ok {
			b.del[h] = struct{}{}
			eachDeletion(w, func(d uint64) { b.del[d] = struct{}{} })
		}
		b.exact[h] = struct{}{}
	}
	seen := map[string]bool{}
	for i, w := range words {
		if i+1 < len(words) {
			// Two words may stand for one the pattern expects ("modify,
			// and" read as its "modifyand").
			b.exact[hashBytes(hashWord(w), words[i+1])] = struct{}{}
		}
		if seen[w] {
			continue
		}
		seen[w] = true
		add(w)
		add(canonical(w))
		// One word may stand for two the pattern expects ("andor").
		for j := 1; j < len(w); j++ {
			b.exact[hashWord(w[:j])] = struct{}{}
			b.exact[hashWord(w[j:])] = struct{}{}
		}
	}
	if seen["c"] || seen["copyright"] || strings.Contains(string(text), "&copy;") {
		add("c")
		add("copyright")
	}
	return b
}

// has reports whether the text could supply w to the matcher.
func (b bag) has(w string) bool {
	h := hashWord(w)
	if _, ok := b.exact[h]; ok {
		return true
	}
	if _, ok := b.del[h]; ok {
		return true
	}
	found := false
	eachDeletion(w, func(d uint64) {
		if _, ok := b.del[d]; ok {
			found = true
		}
	})
	return found
}

// subsetMatcher returns a matcher of the licences that could match text:
// the SPDX pool's and licensecheck's built-in ones whose required words
// the text holds (over maxSubset of them, the most specific), run by the
// pattern interpreter (lre.go): nothing is compiled into a DFA.
func subsetMatcher(text []byte) matcher {
	b := newBag(text)
	// The pool's patterns come first: between matches of the same length
	// the first pattern wins (dtoa, HPND-Netrek and X11-swapped rather
	// than licensecheck's broader HPND and MIT-NoAd).
	cands := rankCandidates(append(poolCandidates(b), candidateLicences(b)...), maxSubset)
	progs := make([]*lreProg, 0, len(cands))
	for _, c := range cands {
		if p := program(c); p != nil {
			progs = append(progs, p)
		}
	}
	return newLREScanner(progs)
}

// candidate is a pattern that may match a text: a licence of the SPDX
// pool (list is its id there) or of licensecheck's set (lre is its
// pattern).
type candidate struct {
	id    string // the id matches report
	list  string
	lre   string
	words int // the pattern's size, to rank candidates
}

var (
	progMu sync.Mutex              //nolint:gochecknoglobals // guards progs
	progs  = map[string]*lreProg{} //nolint:gochecknoglobals // compiled patterns, bounded by progCache
)

// progCache bounds the compiled patterns kept for reuse (a few hundred
// kilobytes each at most).
const progCache = 256

// program is a candidate's pattern compiled, nil when it does not
// compile (the pool's are generated: spdxlist's tests compile each).
func program(c candidate) *lreProg {
	key := c.list
	if key == "" {
		key = "licensecheck:" + c.id
	}
	progMu.Lock()
	p, ok := progs[key]
	progMu.Unlock()
	if ok {
		return p
	}
	src := c.lre
	if c.list != "" {
		src, _ = spdxlist.Pattern(c.list)
	}
	p, err := compileLRE(c.id, src)
	if err != nil {
		p = nil
	}
	progMu.Lock()
	if len(progs) >= progCache {
		clear(progs)
	}
	progs[key] = p
	progMu.Unlock()
	return p
}

// candidateLicences are the built-in licences whose required words text holds,
// in built-in order (which decides between equal matches).
func candidateLicences(b bag) []candidate {
	ix := index()
	var cands []candidate
	for _, i := range holding(b, ix.words, ix.req) {
		l := ix.lres[i]
		cands = append(cands, candidate{id: l.ID, lre: l.LRE, words: strings.Count(l.LRE, " ")})
	}
	return cands
}

// holding lists, in order, the patterns (req: indexes into words) all of
// whose words the text's bag holds; each word is looked up once.
func holding(b bag, words []string, req [][]int32) []int {
	present := make([]int8, len(words)) // 0 unknown, 1 yes, -1 no
	var out []int
	for i, ws := range req {
		ok := true
		for _, w := range ws {
			if present[w] == 0 {
				present[w] = -1
				if b.has(words[w]) {
					present[w] = 1
				}
			}
			if present[w] < 0 {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}
