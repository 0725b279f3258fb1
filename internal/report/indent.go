// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// writeIndented writes v as JSON indented by two spaces, ending with a
// newline: the output of a json.Encoder with SetIndent("", "  ") and HTML
// escaping off, produced several times faster. encoding/json indents with
// its full validating scanner, a byte at a time, which costs more than the
// marshalling itself on a report with tens of thousands of findings; the
// compact output of Marshal is valid by construction, so indenting it only
// needs to know whether a byte is inside a string.
func writeIndented(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(indentCompact(bytes.TrimSuffix(compact.Bytes(), []byte("\n"))))
	return err
}

// indentCompact indents compact JSON (no whitespace outside strings) the way
// json.Indent does with an empty prefix and a two-space indent, with a final
// newline.
func indentCompact(src []byte) []byte {
	return append(appendIndented(make([]byte, 0, len(src)+len(src)/2), src, 0), '\n')
}

// appendIndented appends compact JSON src indented as json.Indent would
// indent it at depth levels of nesting: its lines after the first are
// indented by depth more levels.
func appendIndented(dst, src []byte, depth int) []byte {
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the whole string, escapes included, in one go.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				// Empty object or array stays on one line.
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
