// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

import (
	"bytes"
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
// times, not five.
var markers = [][]byte{ //nolint:gochecknoglobals // immutable table
	[]byte(spdxPrefix), []byte(copyrightWord), []byte(copyrightSign),
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
	if bytes.Contains(data, []byte(ignoreStart)) {
		data = blankIgnored(data)
	}
	var starts []int
	for _, m := range markers {
		for off := 0; off < len(data); {
			i := bytes.Index(data[off:], m)
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
	if len(starts) == 0 {
		return Header{}
	}
	sort.Ints(starts)
	var h Header
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
		if v, ok := licenseValue(text); ok {
			h.Licenses = append(h.Licenses, Tag{Value: v, Line: line})
		}
		if v, ok := copyrightNotice(text); ok {
			h.Copyrights = append(h.Copyrights, Tag{Value: v, Line: line})
		}
	}
	return h
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
		v = strings.TrimSuffix(v, reverse(prefix))
	}
	return strings.TrimSpace(v), true
}

// copyrightNotice reads a copyright notice from a line: a prefix followed by
// white space, then the statement.
func copyrightNotice(line string) (string, bool) {
	for _, p := range []string{fileCopyright, snipCopyright, copyrightWord, copyrightSign} {
		for off := 0; ; {
			i := strings.Index(line[off:], p)
			if i < 0 {
				break
			}
			i += off
			after := line[i+len(p):]
			if startsSpace(after) || p == copyrightWord && startsSpace(skipC(after)) {
				return strings.TrimSpace(stripClosers(line[i:])), true
			}
			off = i + len(p)
		}
	}
	return "", false
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
		for _, q := range []string{"\"", "'"} {
			if j := strings.LastIndex(t, q); j >= 0 && strings.Trim(t[j+1:], " \t/") == ">" {
				t = t[:j]
			}
		}
		if j := strings.LastIndex(t, "]"); j >= 0 && strings.TrimSpace(t[j+1:]) == "::" {
			t = t[:j]
		}
		if t == v {
			return v
		}
		v = t
	}
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
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

// REUSE-IgnoreEnd
