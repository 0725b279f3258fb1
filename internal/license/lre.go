// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/google/licensecheck"
)

// The second tier does not compile its candidates with licensecheck (whose
// compiler builds a DFA: 10-50 ms and megabytes per licence pattern). It
// runs them as they are: a pattern in licensecheck's LRE syntax (words,
// (( a || b )) alternatives, (( ... ))?? optional parts, __N__ wildcards of
// up to N words) becomes a short instruction list, and a text is matched
// word by word by following every place the pattern could be at once (an
// NFA simulation), which costs the text's words times the few places a
// licence text can be at (one, mostly; N inside a wildcard). The semantics
// are licensecheck's, so that both tiers read texts alike: the same word
// splitting and rewrites, leftmost-longest non-overlapping matches starting
// at a pattern's first two words, the same spelling tolerance (a letter
// changed, added or dropped; two words run together or one split), the
// same cut of a wildcard three words after it, the same copyright-line and
// URL handling around matches.

// lword is one word of a text: its canonical form and where it is.
type lword struct {
	w      string
	lo, hi int32
}

// splitWords splits text into words the way licensecheck reads it:
// letters and digits, folded to lower case without acute and grave
// accents; HTML tags, entities (but &copy;) and Markdown link targets are
// skipped; © and (c) read "copyright", twice in a row once; "notice(s)"
// reads "notices"; https reads http, and a few words their canonical
// form (are/is, these/the ...).
func splitWords(text string) []lword {
	return splitInto(nil, text, map[string]string{})
}

// splitInto appends the words of text to out, sharing the strings of
// words seen before through intern.
func splitInto(out []lword, text string, intern map[string]string) []lword {
	var buf []byte
	for t := 0; t < len(text); {
		c := text[t]
		lo := t
		switch {
		case c == '<':
			if n := tagLen(text[t:]); n > 0 {
				t += n
				continue
			}
		case c == '{':
			if n := anchorLen(text[t:]); n > 0 {
				t += n
				continue
			}
		case c == '&':
			if n := entityLen(text[t:]); n > 0 {
				if text[t:t+n] == "&copy;" {
					out = appendWord(out, "copyright", t, t+n)
				}
				t += n
				continue
			}
		case c == ']' && strings.HasPrefix(text[t:], "]("):
			if n := linkTargetLen(text[t:]); n > 0 {
				t += n
				continue
			}
		}
		if c < utf8.RuneSelf && !isAlnum(c) {
			t++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[t:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '©' {
			t += size
			continue
		}
		buf = appendFolded(buf[:0], r)
		n := size
		if r != '©' {
			for t+n < len(text) {
				if b := text[t+n]; b < utf8.RuneSelf {
					if !isAlnum(b) {
						break
					}
					if b >= 'A' && b <= 'Z' {
						b += 'a' - 'A'
					}
					buf = append(buf, b)
					n++
					continue
				}
				r2, s2 := utf8.DecodeRuneInString(text[t+n:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				buf = appendFolded(buf, r2)
				n += s2
			}
			if strings.HasPrefix(text[t+n:], "(s)") {
				buf = append(buf, 's')
				n += 3
			}
		}
		hi := t + n
		t += n
		var w string
		switch {
		case string(buf) == "https":
			w = "http"
		case string(buf) == "c" && lo > 0 && text[lo-1] == '(' && hi < len(text) && text[hi] == ')':
			w = "copyright"
			lo--
			hi++
		case string(buf) == "©":
			w = "copyright"
		default:
			var ok bool
			if w, ok = intern[string(buf)]; !ok {
				w = canonical(string(buf)) // https was taken above
				intern[w] = w
				intern[string(buf)] = w
			}
		}
		out = appendWord(out, w, lo, hi)
	}
	return out
}

// appendWord adds a word, reading "Copyright ©" as one "copyright".
func appendWord(out []lword, w string, lo, hi int) []lword {
	if w == "copyright" && len(out) > 0 && out[len(out)-1].w == "copyright" {
		return out
	}
	return append(out, lword{w: w, lo: int32(lo), hi: int32(hi)}) //nolint:gosec // texts are capped at MaxClassify
}

// appendFolded appends r folded: the simplest member of its case class,
// lower-cased when ASCII, without acute or grave accent on a vowel.
func appendFolded(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r)) //nolint:gosec // ASCII
	}
	for {
		f := unicode.SimpleFold(r)
		if f >= r {
			break
		}
		r = f
	}
	switch r {
	case 'Á', 'À':
		r = 'a'
	case 'É', 'È':
		r = 'e'
	case 'Í', 'Ì':
		r = 'i'
	case 'Ó', 'Ò':
		r = 'o'
	case 'Ú', 'Ù':
		r = 'u'
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return utf8.AppendRune(b, r)
}

// foldRaw folds a word of the text as written, before any rewrite: the
// form the spelling tolerance compares.
func foldRaw(s string) string {
	var b []byte
	for _, r := range s {
		if r == '(' || r == ')' {
			continue
		}
		b = appendFolded(b, r)
	}
	return string(b)
}

// tagLen is the length of an HTML tag at the start of t ("<b>", "</p>",
// "<year>", "<copyright holders>"), 0 when there is none; an address or
// URL in angle brackets is text.
func tagLen(t string) int {
	if len(t) < 3 {
		return 0
	}
	i := 1
	if t[i] == '/' {
		i++
	}
	if i >= len(t) || (t[i] < 'a' || t[i] > 'z') && (t[i] < 'A' || t[i] > 'Z') {
		return 0
	}
	space, lines := false, 0
	for ; i < len(t); i++ {
		switch t[i] {
		case '@':
			if !space {
				return 0
			}
		case ':':
			if !space && i+1 < len(t) && t[i+1] == '/' {
				return 0
			}
		case '\r', '\n':
			if lines++; lines > 2 {
				return 0
			}
		case '<':
			return 0
		case '>':
			return i + 1
		case ' ':
			space = true
		}
	}
	return 0
}

// entityLen is the length of an HTML character reference at the start of
// t ("&amp;", "&#169;", "&#xA9;"), 0 when there is none.
func entityLen(t string) int {
	if len(t) < 3 {
		return 0
	}
	i, digits := 1, func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	if t[1] == '#' {
		i, digits = 2, func(c byte) bool { return c >= '0' && c <= '9' }
		if t[2] == 'x' {
			i, digits = 3, func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
		}
	}
	j := i
	for j < len(t) && digits(t[j]) {
		j++
	}
	if j > i && j < len(t) && t[j] == ';' {
		return j + 1
	}
	return 0
}

// anchorLen is the length of a Markdown heading anchor ("{#terms}").
func anchorLen(t string) int {
	if len(t) < 4 || t[1] != '#' {
		return 0
	}
	for i := 2; i < len(t); i++ {
		switch t[i] {
		case '}':
			return i + 1
		case ' ', '\r', '\n':
			return 0
		}
	}
	return 0
}

// linkTargetLen is the length of "](target)" after a Markdown link text
// when the target is a URL or an anchor.
func linkTargetLen(t string) int {
	rest := t[2:]
	if !strings.HasPrefix(rest, "http://") && !strings.HasPrefix(rest, "https://") && !strings.HasPrefix(rest, "mailto:") &&
		!strings.HasPrefix(rest, "file:") && !strings.HasPrefix(rest, "#") {
		return 0
	}
	for i := 2; i < len(t); i++ {
		switch t[i] {
		case ' ', '\t', '\r', '\n':
			return 0
		case ')':
			return i + 1
		}
	}
	return 0
}

// Instructions of a compiled pattern.
const (
	opWord    = iota + 1 // the word words[arg]
	opAny                // any one word
	opSplit              // continue at pc+1 and at pc+1+arg
	opJump               // continue at pc+1+arg
	opMatch              // the pattern matched
	opCut                // drop the threads inside the wildcard at pc+1+arg
	opBullet             // a numbering word: 1, a, iv, 2a
	opAnyPara            // any one word in the same paragraph
)

// tok is a word of the text as the instructions test it.
type tok struct {
	w      string
	bullet bool // it may number a list item
	para   bool // it starts a paragraph
}

// maxBullet is the number of words a list item's numbering may have
// ("2.1.1.1").
const maxBullet = 4

// bulletWord reports a word that numbers a list item: a number, one
// letter, a roman numeral, a number and a letter.
func bulletWord(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	digits := 0
	for digits < len(w) && w[digits] >= '0' && w[digits] <= '9' {
		digits++
	}
	if digits == len(w) || digits > 0 && len(w) == digits+1 && w[digits] >= 'a' && w[digits] <= 'z' {
		return true
	}
	return len(w) <= 6 && strings.Trim(w, "ivxlc") == ""
}

type lreInst struct {
	op  uint8
	arg int32
}

// lreProg is one pattern compiled.
type lreProg struct {
	id    string
	inst  []lreInst
	words []string
	// first are the words a match can begin with.
	first []string
}

// lreNode is a parsed pattern.
type lreNode struct {
	kind  int // nWords, nSeq, nAlt, nOpt, nWild, nBullet
	words []string
	subs  []*lreNode
	n     int32 // wildcard size
}

const (
	nWords = iota
	nSeq
	nAlt
	nOpt
	nWild
	nBullet
)

var errLRE = errors.New("pattern syntax")

// parseLRE reads a pattern. The syntax's layout rules ((( at the start
// of a line ...) are not enforced: the patterns are trusted data.
func parseLRE(s string) (*lreNode, error) {
	p := &lreParser{s: s, intern: map[string]string{}}
	n, closer, err := p.alternation()
	if err != nil {
		return nil, err
	}
	if closer != "" {
		return nil, fmt.Errorf("%w: unexpected %s at byte %d", errLRE, closer, p.i)
	}
	return n, nil
}

type lreParser struct {
	s      string
	i      int
	intern map[string]string
	ws     []lword
}

// alternation reads sequences separated by || up to a closing )) (or
// the end), which it returns ("))" or "))??").
func (p *lreParser) alternation() (*lreNode, string, error) {
	var alts []*lreNode
	for {
		seq, stop, err := p.sequence()
		if err != nil {
			return nil, "", err
		}
		alts = append(alts, seq)
		if stop != "||" {
			if len(alts) == 1 {
				return alts[0], stop, nil
			}
			return &lreNode{kind: nAlt, subs: alts}, stop, nil
		}
	}
}

// sequence reads words, wildcards and groups up to ||, )) or the end.
func (p *lreParser) sequence() (*lreNode, string, error) {
	seq := &lreNode{kind: nSeq}
	start := p.i
	flush := func(end int) {
		p.ws = splitInto(p.ws[:0], p.s[start:end], p.intern)
		ws := make([]string, len(p.ws))
		for i, w := range p.ws {
			ws[i] = w.w
		}
		if len(ws) == 0 {
			return
		}
		if k := len(seq.subs); k > 0 && seq.subs[k-1].kind == nWords {
			seq.subs[k-1].words = append(seq.subs[k-1].words, ws...)
			return
		}
		seq.subs = append(seq.subs, &lreNode{kind: nWords, words: ws})
	}
	for p.i < len(p.s) {
		rest := p.s[p.i:]
		switch {
		case strings.HasPrefix(rest, "(("):
			flush(p.i)
			p.i += 2
			sub, closer, err := p.alternation()
			if err != nil {
				return nil, "", err
			}
			switch closer {
			case "))":
			case "))??":
				if sub.kind != nOpt {
					sub = &lreNode{kind: nOpt, subs: []*lreNode{sub}}
				}
			default:
				return nil, "", fmt.Errorf("%w: (( without ))", errLRE)
			}
			seq.subs = append(seq.subs, sub)
			start = p.i
		case strings.HasPrefix(rest, "||"):
			flush(p.i)
			p.i += 2
			return seq, "||", nil
		case strings.HasPrefix(rest, "))"):
			flush(p.i)
			p.i += 2
			j := p.i
			for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t') {
				j++
			}
			if strings.HasPrefix(p.s[j:], "??") {
				p.i = j + 2
				return seq, "))??", nil
			}
			return seq, "))", nil
		case strings.HasPrefix(rest, "//**"):
			flush(p.i)
			end := strings.Index(rest[4:], "**//")
			if end < 0 {
				return nil, "", fmt.Errorf("%w: //** without **//", errLRE)
			}
			p.i += 4 + end + 4
			start = p.i
		case strings.HasPrefix(rest, "__B__"):
			flush(p.i)
			seq.subs = append(seq.subs, &lreNode{kind: nBullet})
			p.i += len("__B__")
			start = p.i
		case strings.HasPrefix(rest, "__"):
			j := 2
			for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
				j++
			}
			if j == 2 || !strings.HasPrefix(rest[j:], "__") {
				p.i++
				continue
			}
			n, err := strconv.Atoi(rest[2:j])
			if err != nil || n > 1000 {
				return nil, "", fmt.Errorf("%w: wildcard %s", errLRE, rest[:j+2])
			}
			flush(p.i)
			seq.subs = append(seq.subs, &lreNode{kind: nWild, n: int32(n)}) //nolint:gosec // at most 1000
			p.i += j + 2
			start = p.i
		default:
			p.i++
		}
	}
	flush(p.i)
	return seq, "", nil
}

// lreCut is a wildcard still to be cut: its first instruction, and the
// literal words to see before the cut.
type lreCut struct {
	start   int
	trigger int
}

type lreCompiler struct {
	prog  *lreProg
	index map[string]int32
	cuts  []lreCut
	end   bool // compiling the pattern's last required part
	err   error
}

// compileLRE parses and compiles a pattern.
func compileLRE(id, src string) (*lreProg, error) {
	n, err := parseLRE(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	c := &lreCompiler{prog: &lreProg{id: id}, index: map[string]int32{}, end: true}
	c.compile(n)
	c.flushCuts()
	if c.err != nil {
		return nil, fmt.Errorf("%s: %w", id, c.err)
	}
	c.emit(opMatch, 0)
	p := c.prog
	var s lreState
	s.init(p)
	s.start(p)
	seen := map[string]bool{}
	for _, pc := range s.cur {
		switch p.inst[pc].op {
		case opMatch:
			return nil, fmt.Errorf("%s: %w: the pattern matches an empty text", id, errLRE)
		case opWord:
			if w := p.words[p.inst[pc].arg]; !seen[w] {
				seen[w] = true
				p.first = append(p.first, w)
			}
		}
	}
	return p, nil
}

func (c *lreCompiler) emit(op uint8, arg int32) int {
	c.prog.inst = append(c.prog.inst, lreInst{op: op, arg: arg})
	return len(c.prog.inst) - 1
}

func (c *lreCompiler) here() int32 { return int32(len(c.prog.inst)) } //nolint:gosec // patterns are small

func (c *lreCompiler) compile(n *lreNode) {
	switch n.kind {
	case nWords:
		for _, w := range n.words {
			i, ok := c.index[w]
			if !ok {
				i = int32(len(c.prog.words)) //nolint:gosec // patterns are small
				c.index[w] = i
				c.prog.words = append(c.prog.words, w)
			}
			c.emit(opWord, i)
			c.wordSeen()
		}
		if c.end {
			c.flushCuts()
		}
	case nSeq:
		last := len(n.subs)
		if c.end {
			for last > 0 && optional(n.subs[last-1]) {
				last--
			}
		}
		end := c.end
		for i, sub := range n.subs {
			c.end = end && i >= last
			c.compile(sub)
		}
		c.end = end
	case nOpt:
		split := c.emit(opSplit, 0)
		before, end := c.cuts, c.end
		c.compile(n.subs[0])
		if end {
			c.flushCuts()
		}
		c.cuts = mergeCuts(before, c.cuts)
		c.prog.inst[split].arg = c.here() - int32(split) - 1 //nolint:gosec // see here
	case nAlt:
		before, end := c.cuts, c.end
		var merged []lreCut
		var splits, jumps []int
		for i, sub := range n.subs {
			if i+1 < len(n.subs) {
				splits = append(splits, c.emit(opSplit, 0))
			}
			c.cuts, c.end = before, end
			c.compile(sub)
			merged = mergeCuts(merged, c.cuts)
			if i+1 < len(n.subs) {
				jumps = append(jumps, c.emit(opJump, 0))
			}
		}
		c.cuts = merged
		for i, s := range splits {
			c.prog.inst[s].arg = int32(jumps[i] - s) //nolint:gosec // see here
		}
		for _, j := range jumps {
			c.prog.inst[j].arg = c.here() - int32(j) - 1 //nolint:gosec // see here
		}
	case nBullet:
		// Up to maxBullet numbering words, or none.
		end := len(c.prog.inst) + 2*maxBullet
		for i := 0; i < maxBullet; i++ {
			c.emit(opSplit, int32(end-len(c.prog.inst)-1)) //nolint:gosec // see here
			c.emit(opBullet, 0)
		}
	case nWild:
		c.flushCuts()
		// A wildcard ending the pattern (the names that close a
		// licence: "... of the copyright holders") takes the rest of
		// the last paragraph only, never the text after the licence.
		op := uint8(opAny)
		if c.end {
			op = opAnyPara
		}
		start := len(c.prog.inst)
		end := start + 2*int(n.n)
		for i := int32(0); i < n.n; i++ {
			c.emit(opSplit, int32(end-len(c.prog.inst)-1)) //nolint:gosec // see here
			c.emit(op, 0)
		}
		if n.n > 3 && op == opAny {
			c.cuts = []lreCut{{start: start, trigger: 3}}
		}
	}
}

// optional reports a part that can match no word.
func optional(n *lreNode) bool {
	switch n.kind {
	case nWords:
		return len(n.words) == 0
	case nSeq:
		for _, s := range n.subs {
			if !optional(s) {
				return false
			}
		}
		return true
	case nAlt:
		for _, s := range n.subs {
			if optional(s) {
				return true
			}
		}
		return false
	}
	return true
}

// wordSeen counts a literal word against the pending cuts, emitting
// those it triggers.
func (c *lreCompiler) wordSeen() {
	kept := c.cuts[:0:0]
	for _, cut := range c.cuts {
		if cut.trigger--; cut.trigger == 0 {
			c.emit(opCut, int32(cut.start-len(c.prog.inst)-1)) //nolint:gosec // see here
			continue
		}
		kept = append(kept, cut)
	}
	c.cuts = kept
}

func (c *lreCompiler) flushCuts() {
	for _, cut := range c.cuts {
		c.emit(opCut, int32(cut.start-len(c.prog.inst)-1)) //nolint:gosec // see here
	}
	c.cuts = nil
}

// mergeCuts joins two lists of pending cuts; a wildcard in both keeps the
// later trigger.
func mergeCuts(a, b []lreCut) []lreCut {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := append([]lreCut(nil), a...)
	for _, x := range b {
		found := false
		for i := range out {
			if out[i].start == x.start {
				out[i].trigger = max(out[i].trigger, x.trigger)
				found = true
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// lreState is the set of places a pattern can be at after some words:
// the pcs of word, any and match instructions.
type lreState struct {
	cur, next []int32
	cuts      []int32
	mark      []uint32
	gen       uint32
	// from and via are, for each pc reached in the step under way, the
	// thread it came from and the instruction that took the word.
	from []int32
	via  []uint8
	// trace, when set, records every step (see wildWords).
	trace *lreTrace
	word  int // the word the step under way takes
}

// lreTrace is the record of a run: the threads after each step, with
// where each came from.
type lreTrace struct {
	start, word []int // per step: first entry, word taken (-1: none)
	pc, from    []int32
	via         []uint8
}

func (s *lreState) init(p *lreProg) {
	if cap(s.mark) < len(p.inst) {
		s.mark = make([]uint32, len(p.inst))
		s.from = make([]int32, len(p.inst))
		s.via = make([]uint8, len(p.inst))
		s.gen = 0
	}
	s.mark = s.mark[:len(p.inst)]
	s.from = s.from[:len(p.inst)]
	s.via = s.via[:len(p.inst)]
}

// record adds the current state to the trace.
func (s *lreState) record() {
	tr := s.trace
	if tr == nil {
		return
	}
	tr.start = append(tr.start, len(tr.pc))
	tr.word = append(tr.word, s.word)
	for _, pc := range s.cur {
		tr.pc = append(tr.pc, pc)
		tr.from = append(tr.from, s.from[pc])
		tr.via = append(tr.via, s.via[pc])
	}
}

// start sets the state to the pattern's beginning. A match begins with a
// word of the pattern, never inside a wildcard: a text's first words are
// not taken for the names a licence may begin with.
func (s *lreState) start(p *lreProg) {
	s.begin()
	s.add(p, 0, -1, 0)
	s.cur = s.trim(p, s.cur)
	kept := s.cur[:0]
	for _, pc := range s.cur {
		if op := p.inst[pc].op; op != opAny && op != opAnyPara {
			kept = append(kept, pc)
		}
	}
	s.cur = kept
	s.word = -1
	s.record()
}

func (s *lreState) begin() {
	s.gen++
	if s.gen == 0 {
		clear(s.mark)
		s.gen = 1
	}
	s.next = s.next[:0]
	s.cuts = s.cuts[:0]
}

// add adds the threads at pc and what it leads to without taking a word,
// reached from the thread at from through its instruction via.
func (s *lreState) add(p *lreProg, pc, from int32, via uint8) {
	for {
		if int(pc) >= len(p.inst) || s.mark[pc] == s.gen {
			return
		}
		s.mark[pc] = s.gen
		s.from[pc], s.via[pc] = from, via
		in := p.inst[pc]
		switch in.op {
		case opSplit:
			s.add(p, pc+1, from, via)
			pc += 1 + in.arg
		case opJump:
			pc += 1 + in.arg
		case opCut:
			s.cuts = append(s.cuts, pc+1+in.arg)
			pc++
		default:
			s.next = append(s.next, pc)
			return
		}
	}
}

// trim drops the threads inside a cut wildcard and returns the rest in
// dst.
func (s *lreState) trim(p *lreProg, dst []int32) []int32 {
	dst = dst[:0]
	for _, pc := range s.next {
		cut := false
		for _, c := range s.cuts {
			if pc >= c && pc <= c+1+p.inst[c].arg {
				cut = true
				break
			}
		}
		if !cut {
			dst = append(dst, pc)
		}
	}
	return dst
}

// step advances every thread that accepts the word t (any word only, with
// anyOnly) and makes that the current state. The threads taking the word
// as written go first, so that a place both reach is reached by them: a
// word the licence has is not counted as taken by a wildcard.
func (s *lreState) step(p *lreProg, t tok, anyOnly bool) {
	s.begin()
	for _, pc := range s.cur {
		switch in := p.inst[pc]; in.op {
		case opWord:
			if !anyOnly && p.words[in.arg] == t.w {
				s.add(p, pc+1, pc, opWord)
			}
		case opBullet:
			if !anyOnly && t.bullet {
				s.add(p, pc+1, pc, opBullet)
			}
		}
	}
	for _, pc := range s.cur {
		switch in := p.inst[pc]; in.op {
		case opAny:
			s.add(p, pc+1, pc, opAny)
		case opAnyPara:
			if !t.para {
				s.add(p, pc+1, pc, opAny)
			}
		}
	}
	s.cur = s.trim(p, s.cur)
	s.record()
}

func (s *lreState) matched(p *lreProg) bool {
	for _, pc := range s.cur {
		if p.inst[pc].op == opMatch {
			return true
		}
	}
	return false
}

// expects reports whether a thread waits for w, and whether one takes
// any word.
func (s *lreState) expects(p *lreProg, t tok) (bool, bool) {
	word, anyw := false, false
	for _, pc := range s.cur {
		switch in := p.inst[pc]; in.op {
		case opAny:
			anyw = true
		case opAnyPara:
			anyw = anyw || !t.para
		case opWord:
			word = word || p.words[in.arg] == t.w
		case opBullet:
			word = word || t.bullet
		}
	}
	return word, anyw
}

// longest is the end (word index) of the longest match of p starting at
// ws[i], -1 when there is none. budget counts thread steps and stops a
// runaway match.
func (p *lreProg) longest(text string, ws []lword, i int, s *lreState, budget *int) int {
	return p.run(text, ws, i, len(ws), s, budget)
}

// run is longest, looking no further than ws[stop].
func (p *lreProg) run(text string, ws []lword, i, stop int, s *lreState, budget *int) int {
	s.init(p)
	s.start(p)
	best := -1
	for k := i; k < stop; k++ {
		if s.matched(p) {
			best = k
		}
		*budget -= len(s.cur) + 1
		if len(s.cur) == 0 || *budget < 0 {
			return best
		}
		s.word = k
		t := tok{
			w: ws[k].w,
			// "(c)" numbers a list item as often as it means copyright.
			bullet: bulletWord(ws[k].w) || ws[k].w == "copyright" && ws[k].hi-ws[k].lo == 3,
			// A blank line between two words.
			para: k > 0 && strings.Count(text[ws[k-1].hi:ws[k].lo], "\n") >= 2,
		}
		exact, anyw := s.expects(p, t)
		if exact {
			s.step(p, t, false)
			continue
		}
		if k == i {
			return best // a match starts with a word as written
		}
		if want, skip, split := s.respell(p, text, ws, k); want != "" {
			if split != "" {
				s.step(p, tok{w: want, para: t.para}, false)
				if s.matched(p) {
					best = k
				}
				s.step(p, tok{w: split, bullet: bulletWord(split)}, false)
				continue
			}
			s.step(p, tok{w: want, para: t.para}, false)
			k += skip
			continue
		}
		if !anyw {
			return best
		}
		s.step(p, t, true)
	}
	if s.matched(p) {
		best = stop
	}
	return best
}

// wildWords lists the words of the match of p at ws[i:end] that its
// wildcards took (names, years, the variable parts of a licence), on the
// path through the pattern that takes the most words as the licence has
// them; ok is false when p does not match exactly ws[i:end].
func (p *lreProg) wildWords(text string, ws []lword, i, end int) (wild []int, ok bool) {
	tr := &lreTrace{}
	s := &lreState{trace: tr}
	budget := baseSteps + stepsPerWord*(end-i)
	if p.run(text, ws, i, end, s, &budget) != end {
		return nil, false
	}
	// Back from the last step's match to the start.
	n := len(tr.start) - 1
	pc := int32(-1)
	for e := tr.start[n]; e < len(tr.pc); e++ {
		if p.inst[tr.pc[e]].op == opMatch {
			pc = tr.pc[e]
			break
		}
	}
	if pc < 0 {
		return nil, false
	}
	for ; n > 0 && pc >= 0; n-- {
		last := len(tr.pc)
		if n+1 < len(tr.start) {
			last = tr.start[n+1]
		}
		found := false
		for e := tr.start[n]; e < last; e++ {
			if tr.pc[e] != pc {
				continue
			}
			if tr.via[e] == opAny && tr.word[n] >= 0 {
				wild = append(wild, tr.word[n])
			}
			pc, found = tr.from[e], true
			break
		}
		if !found {
			return nil, false
		}
	}
	return wild, true
}

// respell finds an expected word that ws[k] misspells: want, with skip 1
// when ws[k] and ws[k+1] run together make want, or split the second
// word when ws[k] is want and split run together.
func (s *lreState) respell(p *lreProg, text string, ws []lword, k int) (want string, skip int, split string) {
	have := foldRaw(text[ws[k].lo:ws[k].hi])
	have2 := ""
	if k+1 < len(ws) {
		have2 = foldRaw(text[ws[k+1].lo:ws[k+1].hi])
	}
	for _, pc := range s.cur {
		in := p.inst[pc]
		if in.op != opWord {
			continue
		}
		want := p.words[in.arg]
		if have2 != "" && len(want) == len(have)+len(have2) && want[:len(have)] == have && want[len(have):] == have2 {
			return want, 1, ""
		}
		if len(have) > len(want) && have[:len(want)] == want {
			rest := have[len(want):]
			if s.acceptsAfter(p, pc, rest) {
				return want, 0, rest
			}
		}
		if misspelt(want, have) {
			return want, 0, ""
		}
	}
	return "", 0, ""
}

// acceptsAfter reports whether, after the word at pc, the pattern can
// take w next. It uses a scratch state, leaving s as it is.
func (s *lreState) acceptsAfter(p *lreProg, pc int32, w string) bool {
	var t lreState
	t.init(p)
	t.cur = []int32{pc}
	t.step(p, tok{w: p.words[p.inst[pc].arg]}, false)
	word, anyw := t.expects(p, tok{w: w, bullet: bulletWord(w)})
	return word || anyw
}

// misspelt reports whether have is want with one letter changed, added
// or dropped (words of four letters or more), or a "c" for "copyright".
func misspelt(want, have string) bool {
	if len(want)-1 <= len(have) && len(have) <= len(want)+1 && (len(have) >= 4 || len(want) >= 4) {
		i := 0
		for i < len(have) && i < len(want) && want[i] == have[i] {
			i++
		}
		j := 0
		for j < len(have) && j < len(want) && want[len(want)-1-j] == have[len(have)-1-j] {
			j++
		}
		if i+j >= len(want)-1 && i+j >= len(have)-1 {
			return true
		}
	}
	return (want == "c" || want == "copyright") && (have == "c" || have == "copyright" || have == "©")
}

// The work of one scan of the interpreter (thread steps) is bounded by
// baseSteps and stepsPerWord for each word of the text: far above what a
// licence file needs (the list's texts take under ten steps a word), it
// stops a text built to make every word start a long partial match.
const (
	baseSteps    = 1_000_000
	stepsPerWord = 20
)

// maxCopyrightWords is how far before a match its start moves back to a
// "copyright", as licensecheck does: the copyright line belongs to the
// licence text it heads.
const maxCopyrightWords = 50

// lreScanner runs compiled patterns over texts.
type lreScanner struct {
	progs   []*lreProg
	byFirst map[string][]int // first word -> progs that can start with it
}

func newLREScanner(progs []*lreProg) *lreScanner {
	s := &lreScanner{progs: progs, byFirst: map[string][]int{}}
	for i, p := range progs {
		for _, w := range p.first {
			s.byFirst[w] = append(s.byFirst[w], i)
		}
	}
	return s
}

// scan finds the leftmost-longest matches of the patterns, one after the
// other (between matches of the same length the first pattern wins), and
// the licence URLs between them, as licensecheck's Scan reports them:
// byte ranges extended to whole lines, a match moved back to a copyright
// line up to 50 words before it; and the words each match's wildcards
// took.
func (s *lreScanner) scan(b []byte) scanResult {
	r, _ := s.bounded(b)
	return r
}

// bounded is scan, also reporting whether the work bound stopped it.
func (s *lreScanner) bounded(b []byte) (scanResult, bool) {
	text := string(b)
	ws := splitWords(text)
	type found struct{ prog, start, end int }
	var ms []found
	var st lreState
	budget := baseSteps + stepsPerWord*len(ws)
	for i := 0; i+1 < len(ws) && budget >= 0; i++ {
		best, end := -1, i
		for _, c := range s.byFirst[ws[i].w] {
			if e := s.progs[c].longest(text, ws, i, &st, &budget); e > end {
				best, end = c, e
			}
		}
		if best >= 0 {
			ms = append(ms, found{best, i, end})
			i = end - 1
		}
	}
	res := scanResult{known: map[int]bool{}, wild: map[int32]bool{}, body: map[int]int32{}}
	cov := &res.Coverage
	covered, lastEnd := 0, 0
	urls := index().urls
	for k := 0; k <= len(ms); k++ {
		start := len(ws) // the text's end: URLs after the last match
		if k < len(ms) {
			start = ms[k].start
			if lastEnd < start {
				for j := max(lastEnd, start-maxCopyrightWords); j < start; j++ {
					if ws[j].w == "copyright" {
						start = j
						break
					}
				}
			}
		}
		// Licence URLs before the match.
		for j := lastEnd; j < start; j++ {
			if ws[j].w != "http" {
				continue
			}
			loc := reURLScan.get().FindStringIndex(text[ws[j].lo:])
			if loc == nil {
				continue
			}
			u0, u1 := int(ws[j].lo)+loc[0], int(ws[j].lo)+loc[1]
			if start < len(ws) && u1 > int(ws[start].lo) {
				continue
			}
			id, ok := licenceURL(urls, text[u0:u1])
			if !ok {
				continue
			}
			cov.Match = append(cov.Match, licensecheck.Match{ID: id, Start: u0, End: u1, IsURL: true})
			first := j
			for j < start && int(ws[j].hi) <= u1 {
				j++
			}
			covered += j - first
			j--
		}
		if k == len(ms) {
			break
		}
		m := ms[k]
		lo := 0
		if start > 0 {
			lo = int(ws[start].lo)
			prev := int(ws[start-1].hi)
			if nl := strings.LastIndexByte(text[prev:lo], '\n'); nl >= 0 {
				lo = prev + nl + 1
			}
		}
		hi := len(text)
		if m.end < len(ws) {
			hi = int(ws[m.end-1].hi)
			if nl := strings.IndexByte(text[hi:ws[m.end].lo], '\n'); nl >= 0 {
				hi += nl + 1
			}
		}
		cov.Match = append(cov.Match, licensecheck.Match{ID: s.progs[m.prog].id, Start: lo, End: hi})
		if wild, ok := s.progs[m.prog].wildWords(text, ws, m.start, m.end); ok {
			res.known[lo], res.body[lo] = true, ws[m.start].lo
			for _, k := range wild {
				res.wild[ws[k].lo] = true
			}
		}
		covered += m.end - start
		lastEnd = m.end
	}
	if len(ws) > 0 {
		cov.Percent = 100 * float64(covered) / float64(len(ws))
	}
	return res, budget < 0
}

var (
	builtinOnce sync.Once         //nolint:gochecknoglobals // lazily built, immutable afterwards
	builtinLREs map[string]string //nolint:gochecknoglobals // see builtinOnce
)

// builtinLRE is the pattern of one of licensecheck's licences ("" for an
// unknown id or a URL-only entry).
func builtinLRE(id string) string {
	builtinOnce.Do(func() {
		builtinLREs = map[string]string{}
		for _, l := range licensecheck.BuiltinLicenses() {
			if l.LRE != "" {
				builtinLREs[l.ID] = l.LRE
			}
		}
	})
	return builtinLREs[id]
}

// explainWild adds to licensecheck's coverage of b the words each match
// took through its pattern's wildcards: the interpreter runs the
// licence's pattern over the match (which it must reproduce word for
// word; a match it does not is left to the vocabulary test).
func explainWild(b []byte, cov licensecheck.Coverage) scanResult {
	res := scanResult{Coverage: cov, known: map[int]bool{}, wild: map[int32]bool{}, body: map[int]int32{}}
	var text string
	var ws []lword
	for _, m := range cov.Match {
		lre := builtinLRE(m.ID)
		if m.IsURL || lre == "" {
			continue
		}
		p := program(candidate{id: m.ID, lre: lre})
		if p == nil {
			continue
		}
		if ws == nil {
			text = string(b)
			ws = splitWords(text)
		}
		// The match starts at a word of its first line or, moved back
		// to a copyright line, up to maxCopyrightWords later.
		first := sort.Search(len(ws), func(i int) bool { return int(ws[i].lo) >= m.Start })
		end := sort.Search(len(ws), func(i int) bool { return int(ws[i].hi) > m.End })
		for j := first; j < end && j <= first+maxCopyrightWords+8; j++ {
			if wild, ok := p.wildWords(text, ws, j, end); ok {
				res.known[m.Start], res.body[m.Start] = true, ws[j].lo
				for _, k := range wild {
					res.wild[ws[k].lo] = true
				}
				break
			}
		}
	}
	return res
}

// reURLScan is a URL as licensecheck recognises licence URLs.
var reURLScan = lazy(`^(?i)https?://[-a-z0-9_.]+\.(org|com)(/[-a-z0-9_.#?=]+)+/?`) //nolint:gochecknoglobals // compiled on first use, immutable

// licenceURL looks a URL up among the known licence URLs: without scheme,
// trailing slash and Creative Commons' /legalcode, in lower case, or one
// path element shorter (a ported CC licence's URL).
func licenceURL(urls map[string]string, u string) (string, bool) {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "http://"), "https://")
	u = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(u, "/"), "/legalcode"))
	if id, ok := urls[u]; ok {
		return id, true
	}
	if i := strings.LastIndexByte(u, '/'); i >= 0 {
		if id, ok := urls[u[:i]]; ok {
			return id, true
		}
	}
	return "", false
}
