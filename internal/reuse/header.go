// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// REUSE-IgnoreStart

// Tag is one piece of licensing information found in a file.
type Tag struct {
	Value string `json:"value"`
	// Line is 1-based.
	Line int `json:"line"`
}

// Header is the licensing information of one file: its SPDX-License-Identifier
// values and its copyright notices, in order.
type Header struct {
	Licenses   []Tag
	Copyrights []Tag
}

// Empty reports whether the header holds no licensing information at all.
func (h Header) Empty() bool { return len(h.Licenses) == 0 && len(h.Copyrights) == 0 }

const (
	licenseTag    = "SPDX-License-Identifier:"
	ignoreStart   = "REUSE-" + "IgnoreStart"
	ignoreEnd     = "REUSE-" + "IgnoreEnd"
	fileCopyright = "SPDX-FileCopyrightText:"
	snipCopyright = "SPDX-SnippetCopyrightText:"
	copyrightWord = "Copyright"
	copyrightSign = "©"
	spdxPrefix    = "SPDX-"
)

// markers start every line that can hold licensing information; only lines
// holding one are looked at, so a file without any costs a few byte scans.
// "SPDX-" stands for the three SPDX tags, so the text is scanned three
// times, not five. Each is looked for by its rarest byte in source code and
// text (the X of SPDX-, the y of Copyright: a quarter as frequent as S and
// C in u-boot's files), which the processor's byte search finds at memory
// speed; looking for the first byte instead stops at every S and C.
// ignoreMarker is REUSE-IgnoreStart, looked for by its U.
var ignoreMarker = anchored{ignoreStart, 2} //nolint:gochecknoglobals // immutable

var markers = []anchored{ //nolint:gochecknoglobals // immutable table
	{spdxPrefix, 3}, {copyrightWord, 3}, {copyrightSign, 0},
}

// anchored is a marker and the index of the byte it is looked for by.
type anchored struct {
	s string
	k int
}

// index returns where the first m in data starts, or -1.
func (m anchored) index(data []byte) int {
	for off := m.k; off < len(data); {
		j := bytes.IndexByte(data[off:], m.s[m.k])
		if j < 0 {
			return -1
		}
		i := off + j - m.k
		if i+len(m.s) <= len(data) && string(data[i:i+len(m.s)]) == m.s {
			return i
		}
		off += j + 1
	}
	return -1
}

// closers end comments in the languages REUSE knows; a tag value ends before
// them ("SPDX-License-Identifier: MIT */").
// closerEnds are the last bytes of the closers and of the markup endings
// stripClosers removes.
const closerEnds = "/>)}#:"

var closers = []string{"*/", "-->", "--%>", "*)", ":)", "--}}", "#}", "*#", "'/", "}"} //nolint:gochecknoglobals // immutable table

// ParseHeader finds the SPDX-License-Identifier tags and copyright notices in
// the text of a file, as the REUSE specification describes them: a tag is
// followed by a colon, white space and its value up to the end of the line;
// a copyright notice is a line with SPDX-FileCopyrightText:,
// SPDX-SnippetCopyrightText:, "Copyright" (optionally "(c)") or "©" followed
// by white space. Text between the REUSE ignore-start and ignore-end markers is not
// read. When complete is false the data is the start of a longer file and a
// last, cut line is ignored.
func ParseHeader(data []byte, complete bool) Header {
	if !complete {
		if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
			data = data[:i+1]
		} else {
			data = nil
		}
	}
	return parse(data, len(data))
}

// ParseFile finds the licensing information in a whole file whose first
// head bytes ParseHeader has read. The lines within those bytes are read as
// ParseHeader and the REUSE tool read them. Further down, where the REUSE
// tool (version 1, reading 4 KiB) does not look and prose, code and
// licence bodies are the rule, only comments count (see strictTag and
// strictNotice): "2. Grant of Copyright License", "// Copyright Text",
// "e1000e: Copyright(c) 1999 - 2015 Intel" in a boot log and the tag a Perl
// script matches with a regular expression are not licensing information.
func ParseFile(data []byte, head int) Header {
	return parse(data, head)
}

// parse reads the licensing information of data; lines that end beyond
// looseTo bytes are held to the rules for comments below the header.
func parse(data []byte, looseTo int) Header {
	starts := markerLines(data)
	if len(starts) == 0 {
		// Blanking ignored regions only takes markers away: a file
		// without any (most of those lacking a header) is not searched
		// for REUSE-IgnoreStart too.
		return Header{}
	}
	// An ignored region matters only when it starts before the end of the
	// last line holding a marker.
	last := slices.Max(starts)
	if end := bytes.IndexByte(data[last:], '\n'); end >= 0 {
		last += end
	} else {
		last = len(data)
	}
	if ignoreMarker.index(data[:last]) >= 0 {
		data = blankIgnored(data)
		if starts = markerLines(data); len(starts) == 0 {
			return Header{}
		}
	}
	sort.Ints(starts)
	var h Header
	var fences [][2]int
	fenced := false
	line, pos := 1, 0
	for k, ls := range starts {
		if k > 0 && ls == starts[k-1] {
			continue
		}
		line += bytes.Count(data[pos:ls], []byte{'\n'})
		pos = ls
		end := bytes.IndexByte(data[ls:], '\n')
		if end < 0 {
			end = len(data) - ls
		}
		text := strings.TrimSuffix(string(data[ls:ls+end]), "\r")
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		if ls+end >= looseTo {
			// Below the header: comments only, and not in examples.
			if !fenced {
				fences, fenced = codeFences(data), true
			}
			if inFence(fences, ls) {
				continue
			}
			if v, ok := licenseValue(text); ok && strictTag(text, v) {
				h.Licenses = appendTag(h.Licenses, Tag{Value: v, Line: line}, len(starts)-k)
			}
			if v, ok := strictNotice(text); ok {
				h.Copyrights = appendTag(h.Copyrights, Tag{Value: v, Line: line}, len(starts)-k)
			}
			continue
		}
		if v, ok := licenseValue(text); ok {
			h.Licenses = appendTag(h.Licenses, Tag{Value: v, Line: line}, len(starts)-k)
		}
		if v, ok := copyrightNotice(text); ok {
			h.Copyrights = appendTag(h.Copyrights, Tag{Value: v, Line: line}, len(starts)-k)
		}
	}
	return h
}

// appendTag appends t, making room at first for the most tags the marker
// lines left (left, this one included) can hold: one allocation, where
// growing one by one took three for a typical header.
func appendTag(tags []Tag, t Tag, left int) []Tag {
	if tags == nil {
		tags = make([]Tag, 0, left)
	}
	return append(tags, t)
}

// markerLines returns where the lines holding a marker (SPDX-, Copyright,
// ©) start, a line once per marker on it, unsorted.
func markerLines(data []byte) []int {
	var starts []int
	for _, m := range markers {
		for off := 0; off < len(data); {
			i := m.index(data[off:])
			if i < 0 {
				break
			}
			i += off
			ls := bytes.LastIndexByte(data[:i], '\n') + 1
			starts = append(starts, ls)
			le := bytes.IndexByte(data[i:], '\n')
			if le < 0 {
				break
			}
			off = i + le + 1
		}
	}
	return starts
}

// licenseValue reads the value of the first SPDX-License-Identifier tag on a
// line. A comment prefix repeated reversed at the end ("/* ... */", framed
// ASCII art) and comment closers are not part of the value.
func licenseValue(line string) (string, bool) {
	i := strings.Index(line, licenseTag)
	if i < 0 {
		return "", false
	}
	rest := line[i+len(licenseTag):]
	if rest == "" || rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	v := stripClosers(strings.TrimLeft(rest, " \t"))
	if prefix := strings.TrimSpace(line[:i]); prefix != "" {
		v = trimReversed(v, prefix)
	}
	return strings.TrimSpace(v), true
}

// trimReversed removes prefix written backwards from the end of v, if it is
// there ("/*" as "*/").
func trimReversed(v, prefix string) string {
	if len(prefix) > len(v) {
		return v
	}
	for i := range len(prefix) {
		if v[len(v)-1-i] != prefix[i] {
			return v
		}
	}
	return v[:len(v)-len(prefix)]
}

// copyrightNotice reads a copyright notice from a line: a prefix followed by
// white space, then the statement.
func copyrightNotice(line string) (string, bool) {
	v, _, _, ok := findNotice(line)
	return v, ok
}

// findNotice finds the first copyright notice of a line: the notice, the
// marker it starts with and where it starts.
func findNotice(line string) (string, string, int, bool) {
	for _, p := range []string{fileCopyright, snipCopyright, copyrightWord, copyrightSign} {
		for off := 0; ; {
			i := strings.Index(line[off:], p)
			if i < 0 {
				break
			}
			i += off
			after := line[i+len(p):]
			if startsSpace(after) || p == copyrightWord && startsSpace(skipC(after)) {
				return strings.TrimSpace(stripClosers(line[i:])), p, i, true
			}
			off = i + len(p)
		}
	}
	return "", "", 0, false
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

// skipC skips an optional " (c)" after "Copyright".
func skipC(s string) string {
	t := strings.TrimPrefix(s, " ")
	if len(t) >= 3 && t[0] == '(' && (t[1] == 'c' || t[1] == 'C') && t[2] == ')' {
		return t[3:]
	}
	return s
}

func stripClosers(v string) string {
	v = strings.TrimRightFunc(v, unicode.IsSpace)
	if v == "" || strings.IndexByte(closerEnds, v[len(v)-1]) < 0 {
		// Nothing below can apply: the common case, a plain value.
		return v
	}
	for {
		t := strings.TrimRightFunc(v, unicode.IsSpace)
		for _, c := range closers {
			t = strings.TrimSuffix(t, c)
		}
		// Attribute values in markup: <tag value="SPDX-...: MIT" />.
		if strings.HasSuffix(strings.TrimRight(t, " \t/"), ">") {
			for _, q := range []string{"\"", "'"} {
				if j := strings.LastIndex(t, q); j >= 0 && strings.Trim(t[j+1:], " \t/") == ">" {
					t = t[:j]
				}
			}
		}
		if strings.HasSuffix(strings.TrimSpace(t), "::") {
			if j := strings.LastIndex(t, "]"); j >= 0 && strings.TrimSpace(t[j+1:]) == "::" {
				t = t[:j]
			}
		}
		if t == v {
			return v
		}
		v = t
	}
}

// blankIgnored returns a copy of data with everything from each
// an ignore-start marker to the next ignore-end marker (or the end of the data)
// replaced by spaces, keeping the newlines so line numbers stay right.
func blankIgnored(data []byte) []byte {
	out := append([]byte(nil), data...)
	for off := 0; off < len(out); {
		i := bytes.Index(out[off:], []byte(ignoreStart))
		if i < 0 {
			break
		}
		i += off
		end := len(out)
		if j := bytes.Index(out[i:], []byte(ignoreEnd)); j >= 0 {
			end = i + j + len(ignoreEnd)
		}
		for k := i; k < end; k++ {
			if out[k] != '\n' {
				out[k] = ' '
			}
		}
		off = end
	}
	return out
}

// codeFences returns the byte ranges of examples: Markdown fenced code
// blocks (``` or ~~~ at the start of a line, up to the same fence) and
// reStructuredText literal blocks (the indented lines after a line ending
// in "::", or after a code-block directive). A copyright line there is
// quoted program output or sample code, not the file's own notice.
func codeFences(data []byte) [][2]int {
	if !bytes.Contains(data, []byte("```")) && !bytes.Contains(data, []byte("~~~")) && !bytes.Contains(data, []byte("::")) {
		return nil
	}
	var out [][2]int
	open, fence := -1, ""
	literal, base := -1, 0 // an rST literal block: where, and the indent of its introducing line
	for pos := 0; pos < len(data); {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data) - pos
		}
		raw := string(data[pos : pos+end])
		t := strings.TrimLeft(raw, " \t")
		indent := len(raw) - len(t)
		t = strings.TrimRight(t, " \t\r")
		if literal >= 0 && t != "" && indent <= base {
			out = append(out, [2]int{literal, pos - 1})
			literal = -1
		}
		switch {
		case open >= 0:
			if strings.HasPrefix(t, fence) {
				out = append(out, [2]int{open, pos + end})
				open = -1
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			open, fence = pos, t[:3]
		case literal < 0 && (strings.HasSuffix(t, "::") || strings.HasPrefix(t, ".. code-block::") || strings.HasPrefix(t, ".. code::")):
			literal, base = pos+end, indent
		}
		pos += end + 1
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(data)})
	}
	if literal >= 0 {
		out = append(out, [2]int{literal, len(data)})
	}
	return out
}

func inFence(fences [][2]int, off int) bool {
	for _, f := range fences {
		if off >= f[0] && off <= f[1] {
			return true
		}
	}
	return false
}

// commentPrefix reports whether the text before a tag or notice on a line
// is only comment syntax: punctuation such as //, #, *, --, ;, %, <!--, ..,
// digits of a numbered list, markup tags, or a comment keyword (dnl, REM,
// @c). Text, code and string literals before it ("2. Grant of", "printf(\"",
// "$line =~ /") mean the line is not a comment holding the information.
func commentPrefix(prefix string) bool {
	prefix = markupTag.ReplaceAllString(prefix, " ")
	quotes := 0
	for _, f := range strings.Fields(prefix) {
		switch strings.ToLower(f) {
		case "dnl", "rem", "@c", "@comment", "c":
			continue
		}
		if strings.HasPrefix(f, `"""`) || strings.HasPrefix(f, "'''") {
			continue
		}
		for _, r := range f {
			switch {
			case r == '"' || r == '\'' || r == '`':
				quotes++
			case unicode.IsLetter(r):
				return false
			}
		}
	}
	return quotes == 0
}

// strictTag accepts a licence tag below the header only in a comment and
// with a value that can be an SPDX expression, not a pattern or a string
// literal ("(.*)/) {", "GPL-2.0+ */\\n\");").
func strictTag(line, value string) bool {
	i := strings.Index(line, licenseTag)
	return i >= 0 && commentPrefix(line[:i]) && value != "" && strings.Trim(value, exprChars) == "" && strings.IndexFunc(value, unicode.IsLetter) >= 0
}

// exprChars are the characters of SPDX expressions.
const exprChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-+:() \t"

// strictNotice reads a copyright notice below the header: in a comment,
// naming a year or a holder, and not a template's placeholder
// ("Copyright [yyyy] [name of copyright owner]") or a phrase that only
// speaks of copyright ("Copyright Text:", "Copyright and Similar Rights").
func strictNotice(line string) (string, bool) {
	v, marker, i, ok := findNotice(line)
	if !ok || !commentPrefix(line[:i]) || placeholder.MatchString(v) {
		return "", false
	}
	if marker == fileCopyright || marker == snipCopyright {
		return v, strings.TrimSpace(strings.TrimPrefix(v, marker)) != ""
	}
	rest := strings.TrimSpace(strings.TrimPrefix(v, marker))
	if marker == copyrightWord {
		rest = strings.TrimSpace(skipC(" " + rest))
		rest = strings.TrimSpace(strings.TrimPrefix(rest, copyrightSign))
	}
	if year.MatchString(rest) {
		return v, true
	}
	first, _, _ := strings.Cut(rest, " ")
	first = strings.ToLower(strings.TrimRight(first, ".,:;"))
	if first == "" || strings.IndexFunc(first, unicode.IsLetter) < 0 || proseWords[first] {
		return "", false
	}
	return v, true
}

//nolint:gochecknoglobals // compiled once, never modified
var (
	markupTag   = regexp.MustCompile(`</?[A-Za-z][^<>]*>`)
	year        = regexp.MustCompile(`\b(19|20)\d\d\b`)
	placeholder = regexp.MustCompile(`(?i)[<\[{]\s*(yyyy|yy|year|name|owner|author|holder|copyright|fullname|date|company|organi[sz]ation)\b[^>\]}]*[>\]}]|\byyyy\b|\b(19|20)(yy|xx)\b|%[sd]|\$\{|\{\{`)
	// proseWords follow "Copyright" in sentences about copyright, never as
	// the first word of a holder's name.
	proseWords = map[string]bool{
		"text": true, "notice": true, "notices": true, "license": true, "licence": true, "licenses": true,
		"licences": true, "licensed": true, "holder": true, "holders": true, "owner": true, "owners": true,
		"ownership": true, "statement": true, "statements": true, "law": true, "laws": true, "information": true,
		"protection": true, "infringement": true, "act": true, "assignment": true, "agreement": true, "policy": true,
		"transfer": true, "status": true, "and": true, "or": true, "of": true, "is": true, "are": true, "was": true,
		"were": true, "to": true, "in": true, "on": true, "for": true, "this": true, "that": true, "these": true,
		"those": true, "it": true, "its": true, "header": true, "headers": true, "line": true, "lines": true,
		"string": true, "field": true, "tag": true, "tags": true, "year": true, "years": true, "date": true,
		"symbol": true, "sign": true, "message": true, "check": true, "info": true, "section": true, "page": true,
		"file": true, "files": true, "details": true, "terms": true, "claim": true, "claims": true, "rights": true,
		"material": true, "holder's": true, "owner's": true, "not": true, "no": true, "none": true, "noassertion": true,
		"detection": true, "scanning": true, "year(s)": true, "notice(s)": true, "placeholder": true, "template": true,
	}
)

// REUSE-IgnoreEnd
