// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"bytes"
	"html"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// text is a licence candidate made ready for matching: byte order marks,
// UTF-16, CR line ends, HTML markup and the Markdown constructs licensecheck
// would read as words are gone. Match ranges found in b are mapped back to
// the original file through src so reports point at the bytes on disk.
type text struct {
	b []byte
	// lo[i]/hi[i] is the original byte range b[i] came from; nil when b is
	// the original unchanged (the common case: no copy, no map).
	lo, hi []int32
	n      int // length of the original
}

// orig maps a half-open range of b to the original file.
func (t *text) orig(start, end int) (int, int) {
	if t.lo == nil {
		return start, end
	}
	if start >= len(t.b) {
		return t.n, t.n
	}
	s := int(t.lo[start])
	e := t.n
	if end > 0 && end <= len(t.b) {
		e = int(t.hi[end-1])
	}
	return s, max(s, e)
}

// builder writes normalised bytes and remembers where each came from.
type builder struct {
	out    []byte
	lo, hi []int32
}

func (w *builder) byte1(c byte, lo, hi int) {
	w.out = append(w.out, c)
	w.lo = append(w.lo, int32(lo)) //nolint:gosec // offsets of a text capped at MaxClassify
	w.hi = append(w.hi, int32(hi)) //nolint:gosec // see above
}

func (w *builder) bytes(b []byte, lo, hi int) {
	for _, c := range b {
		w.byte1(c, lo, hi)
	}
}

// prepare decodes and cleans a candidate. It returns a reason instead when
// the content is not text.
func prepare(name string, src []byte) (*text, string) {
	t := &text{b: src, n: len(src)}
	var w *builder
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		w = decodeUTF16(src)
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		w = &builder{}
		for i := 3; i < len(src); i++ {
			w.byte1(src[i], i, i+1)
		}
	}
	if w != nil {
		t.b, t.lo, t.hi = w.out, w.lo, w.hi
	}
	if why := binaryReason(t.b); why != "" {
		return nil, why
	}
	kind := markupOf(name, t.b)
	if kind == plain && !needsClean(t.b) {
		return t, ""
	}
	cleaned := clean(t, kind)
	return cleaned, ""
}

func decodeUTF16(src []byte) *builder {
	le := src[0] == 0xFF
	w := &builder{}
	var buf [4]byte
	for i := 2; i+1 < len(src); {
		u := uint16(src[i])<<8 | uint16(src[i+1])
		if le {
			u = uint16(src[i+1])<<8 | uint16(src[i])
		}
		r, size := rune(u), 2
		if utf16.IsSurrogate(r) && i+3 < len(src) {
			u2 := uint16(src[i+2])<<8 | uint16(src[i+3])
			if le {
				u2 = uint16(src[i+3])<<8 | uint16(src[i+2])
			}
			r, size = utf16.DecodeRune(r, rune(u2)), 4
		}
		n := utf8.EncodeRune(buf[:], r)
		w.bytes(buf[:n], i, i+size)
		i += size
	}
	return w
}

// binaryReason rejects content that is no text: NUL bytes, or many bytes
// that are neither UTF-8 nor printable (Latin-1 licence texts with a few
// accented letters still pass).
func binaryReason(b []byte) string {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "binary content (NUL bytes), not a licence text"
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 && len(head)-i >= utf8.UTFMax {
			bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v' {
			bad++
		}
		i += size
	}
	if bad > 16 && bad*20 > len(head) {
		return "binary content (not UTF-8 text), not a licence text"
	}
	return ""
}

type markup int

const (
	plain markup = iota
	markdown
	htmlDoc
	rst
)

func markupOf(name string, b []byte) markup {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm", ".xhtml":
		return htmlDoc
	case ".md", ".markdown", ".mdown":
		return markdown
	case ".rst", ".adoc", ".asciidoc":
		return rst
	}
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(head)
	if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<body")) {
		return htmlDoc
	}
	tags := 0
	for _, t := range []string{"<p>", "<br", "<div", "<li>", "<h1", "<h2", "<pre>", "</p>"} {
		tags += bytes.Count(lower, []byte(t))
	}
	if tags >= 3 {
		return htmlDoc
	}
	if bytes.Contains(head, []byte("```")) || bytes.Contains(head, []byte("\n#")) || bytes.HasPrefix(head, []byte("#")) ||
		bytes.Contains(head, []byte("**")) || bytes.Contains(head, []byte("](")) || bytes.Contains(head, []byte("<!--")) {
		return markdown
	}
	return plain
}

// needsClean reports characters the matcher or the line analysis would
// misread in plain text: CR line ends and invisible or odd spaces.
func needsClean(b []byte) bool {
	if bytes.IndexByte(b, '\r') >= 0 {
		return true
	}
	for i := 0; i < len(b); i++ {
		if b[i] >= 0x80 {
			r, _ := utf8.DecodeRune(b[i:])
			if spaceLike(r) || invisible(r) {
				return true
			}
		}
	}
	return false
}

func spaceLike(r rune) bool {
	return r == 0xA0 || r == 0x2007 || r == 0x202F || (r >= 0x2000 && r <= 0x200A) || r == 0x3000
}

func invisible(r rune) bool {
	return r == 0xAD || r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF || r == 0x2060
}

// clean rewrites t: CR/CRLF become LF, odd spaces become spaces, invisible
// characters go; HTML loses its tags, comments, scripts and styles and has
// its entities decoded; Markdown and reStructuredText lose code fences,
// comments, link targets and directives.
func clean(t *text, kind markup) *text {
	src := t.b
	at := func(i int) (int, int) { // original range of src[i]
		if t.lo == nil {
			return i, i + 1
		}
		return int(t.lo[i]), int(t.hi[i])
	}
	w := &builder{out: make([]byte, 0, len(src)), lo: make([]int32, 0, len(src)), hi: make([]int32, 0, len(src))}
	lineStart := true
	for i := 0; i < len(src); {
		c := src[i]
		lo, hi := at(i)
		switch {
		case c == '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				_, hi = at(i + 1)
				i++
			}
			w.byte1('\n', lo, hi)
			i++
			lineStart = true
			continue
		case c == '\n':
			w.byte1('\n', lo, hi)
			i++
			lineStart = true
			continue
		case c == '<' && bytes.HasPrefix(src[i:], []byte("<!--")):
			end := bytes.Index(src[i+4:], []byte("-->"))
			if end < 0 {
				end = len(src) - i - 4
			}
			i = skipKeepLines(w, src, i, i+4+end+3, at)
			continue
		case c == '<' && kind == htmlDoc:
			i = htmlTag(w, src, i, at)
			lineStart = false
			continue
		case c == '<' && kind == markdown && markdownTags[tagName(src[i:])]:
			// HTML in Markdown (<br>, <p align="center">, <details>);
			// other angle brackets are autolinks and placeholders
			// (<https://fsf.org/>, <year>), which are text.
			i = htmlTag(w, src, i, at)
			lineStart = false
			continue
		case c == '&' && (kind == htmlDoc || kind == markdown):
			if n := entity(w, src, i, at); n > 0 {
				i += n
				lineStart = false
				continue
			}
		case lineStart && (kind == markdown || kind == rst) && dropLine(src[i:], kind) > 0:
			i = skipKeepLines(w, src, i, i+dropLine(src[i:], kind), at)
			continue
		case lineStart && kind == markdown && lineMarker(src[i:]) > 0:
			// A quote, heading or list marker: the text after it is the
			// line (the spaces stay, for indentation).
			i += lineMarker(src[i:])
			continue
		case kind == markdown && c == '#' && closingHashes(src[i:]):
			// The closing #s of a heading ("## Terms ##").
			for i < len(src) && src[i] == '#' {
				i++
			}
			continue
		case (kind == markdown || kind == rst) && c == '*',
			kind == markdown && c == '~' && (i+1 < len(src) && src[i+1] == '~' || i > 0 && src[i-1] == '~'),
			kind == markdown && c == '_' && emphasisUnderscore(src, i):
			// Emphasis (**bold**, *italic*, _italic_, ~~struck~~): marks,
			// not text.
			i++
			continue
		case kind == markdown && c == '\\' && i+1 < len(src) && src[i+1] < utf8.RuneSelf && isASCIIPunct(src[i+1]):
			// A backslash escape (\[, \*, \<): the character stands.
			lo, hi = at(i + 1)
			w.byte1(src[i+1], lo, hi)
			i += 2
			lineStart = false
			continue
		case c == ']' && kind == markdown && i+1 < len(src) && src[i+1] == '(':
			// [text](relative/target): the target is not prose.
			if end := bytes.IndexByte(src[i:], ')'); end > 0 && !bytes.ContainsAny(src[i:i+end], " \n\t") {
				w.byte1(']', lo, hi)
				i += end + 1
				continue
			}
		case c >= 0x80:
			r, size := utf8.DecodeRune(src[i:])
			_, hi = at(i + size - 1)
			switch {
			case spaceLike(r):
				w.byte1(' ', lo, hi)
				i += size
				lineStart = false
				continue
			case invisible(r):
				i += size
				continue
			}
			w.bytes(src[i:i+size], lo, hi)
			i += size
			lineStart = false
			continue
		}
		if c != ' ' && c != '\t' {
			lineStart = false
		}
		w.byte1(c, lo, hi)
		i++
	}
	return &text{b: w.out, lo: w.lo, hi: w.hi, n: t.n}
}

// lineMarker is the length of a Markdown block marker at the start of a
// line (after its indentation): a quote (>), a heading (# to ######) or a
// list bullet (-, *, +) followed by a space; 0 when there is none. A
// numbered item ("1.") keeps its number: licence texts number their
// sections.
func lineMarker(s []byte) int {
	switch {
	case len(s) == 0:
		return 0
	case s[0] == '>':
		return 1
	case s[0] == '#':
		n := 0
		for n < len(s) && n < 7 && s[n] == '#' {
			n++
		}
		if n <= 6 && (n == len(s) || s[n] == ' ' || s[n] == '\t' || s[n] == '\n' || s[n] == '\r') {
			return n
		}
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		if len(s) > 1 && (s[1] == ' ' || s[1] == '\t') {
			return 1
		}
	}
	return 0
}

// closingHashes reports a run of #s that ends its line after a space: the
// optional closing sequence of a Markdown heading.
func closingHashes(s []byte) bool {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	rest := s[n:]
	if end := bytes.IndexByte(rest, '\n'); end >= 0 {
		rest = rest[:end]
	}
	return len(bytes.TrimSpace(rest)) == 0
}

// emphasisUnderscore reports an underscore that opens or closes emphasis
// (_word_, __word__): next to a word on one side only. One inside a word
// (snake_case, Considerations_for_licensees) is text.
func emphasisUnderscore(src []byte, i int) bool {
	j := i
	for j < len(src) && src[j] == '_' {
		j++
	}
	k := i
	for k > 0 && src[k-1] == '_' {
		k--
	}
	before := k > 0 && isWordByte(src[k-1])
	after := j < len(src) && isWordByte(src[j])
	return before != after
}

func isWordByte(c byte) bool { return c >= utf8.RuneSelf || isAlnum(c) }

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isAlnum(c)
}

// markdownTags are the HTML elements Markdown files use for layout.
var markdownTags = map[string]bool{ //nolint:gochecknoglobals // immutable table
	"br": true, "p": true, "div": true, "span": true, "b": true, "i": true, "em": true, "strong": true, "u": true,
	"a": true, "sup": true, "sub": true, "small": true, "big": true, "center": true, "font": true, "code": true,
	"pre": true, "details": true, "summary": true, "hr": true, "img": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "li": true, "table": true, "tr": true, "td": true,
	"th": true, "thead": true, "tbody": true, "blockquote": true, "dl": true, "dt": true, "dd": true, "tt": true,
}

// tagName is the lower-case name of the tag at the start of s ("br" for
// "<br/>", "p" for "</p>"), "" when s does not start with one.
func tagName(s []byte) string {
	if len(s) < 2 || s[0] != '<' {
		return ""
	}
	s = bytes.TrimPrefix(s[1:], []byte("/"))
	n := 0
	for n < len(s) && n < 12 && isAlnum(s[n]) {
		n++
	}
	if n == 0 || n < len(s) && s[n] != '>' && s[n] != ' ' && s[n] != '/' && s[n] != '\t' && s[n] != '\n' {
		return ""
	}
	return strings.ToLower(string(s[:n]))
}

// skipKeepLines drops src[from:to] but keeps its line breaks, so line-based
// analysis still sees paragraphs where they were.
func skipKeepLines(w *builder, src []byte, from, to int, at func(int) (int, int)) int {
	to = min(to, len(src))
	for j := from; j < to; j++ {
		if src[j] == '\n' {
			lo, hi := at(j)
			w.byte1('\n', lo, hi)
		}
	}
	return to
}

// dropLine returns the length (without the newline) of a Markdown or rST
// line that is markup only: code fences, link reference definitions, rST
// directives and comments, AsciiDoc attributes.
func dropLine(s []byte, kind markup) int {
	end := bytes.IndexByte(s, '\n')
	if end < 0 {
		end = len(s)
	}
	line := bytes.TrimLeft(s[:end], " \t")
	switch kind {
	case markdown:
		if bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")) {
			return end
		}
		if len(line) > 0 && line[0] == '[' {
			if k := bytes.Index(line, []byte("]:")); k > 0 && bytes.IndexByte(line[:k], ']') == k {
				return end
			}
		}
	case rst:
		if bytes.HasPrefix(line, []byte(".. ")) || bytes.Equal(line, []byte("..")) {
			return end
		}
		if len(line) > 2 && line[0] == ':' && bytes.IndexByte(line[1:], ':') > 0 && !bytes.Contains(line, []byte(" ")) {
			return end
		}
	}
	return 0
}

// blockTags break lines in rendered HTML; other tags vanish.
var blockTags = map[string]bool{ //nolint:gochecknoglobals // immutable table
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "pre": true, "tr": true, "td": true,
	"table": true, "blockquote": true, "hr": true, "section": true, "article": true, "header": true, "footer": true,
	"dd": true, "dt": true, "dl": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"title": true, "body": true, "html": true, "head": true, "main": true, "nav": true,
}

// htmlTag consumes a tag (and the whole element for script and style) at
// src[i], writing a newline for block-level tags.
func htmlTag(w *builder, src []byte, i int, at func(int) (int, int)) int {
	end := bytes.IndexByte(src[i:], '>')
	if end < 0 || end > 2048 {
		lo, hi := at(i)
		w.byte1('<', lo, hi)
		return i + 1
	}
	inner := src[i+1 : i+end]
	name := bytes.TrimPrefix(inner, []byte("/"))
	k := bytes.IndexAny(name, " \t\n\r/>")
	if k >= 0 {
		name = name[:k]
	}
	tag := strings.ToLower(string(name))
	if tag == "" || (tag[0] < 'a' || tag[0] > 'z') && tag[0] != '!' {
		lo, hi := at(i)
		w.byte1('<', lo, hi)
		return i + 1
	}
	next := i + end + 1
	if (tag == "script" || tag == "style") && inner[0] != '/' {
		if close := bytes.Index(bytes.ToLower(src[next:]), []byte("</"+tag)); close >= 0 {
			next += close
			if gt := bytes.IndexByte(src[next:], '>'); gt >= 0 {
				next += gt + 1
			}
		}
		return skipKeepLines(w, src, i, next, at)
	}
	if blockTags[tag] {
		lo, _ := at(i)
		_, hi := at(next - 1)
		w.byte1('\n', lo, hi)
		return next
	}
	return skipKeepLines(w, src, i, next, at)
}

// entity decodes an HTML character reference at src[i]; 0 when there is
// none.
func entity(w *builder, src []byte, i int, at func(int) (int, int)) int {
	end := bytes.IndexByte(src[i:min(len(src), i+12)], ';')
	if end < 2 {
		return 0
	}
	ref := string(src[i : i+end+1])
	dec := html.UnescapeString(ref)
	if dec == ref {
		return 0
	}
	lo, _ := at(i)
	_, hi := at(i + end)
	for _, r := range dec {
		switch {
		case spaceLike(r):
			w.byte1(' ', lo, hi)
		case invisible(r):
		default:
			var buf [4]byte
			n := utf8.EncodeRune(buf[:], r)
			w.bytes(buf[:n], lo, hi)
		}
	}
	return end + 1
}
