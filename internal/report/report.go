// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package report writes scan results. Reporters only read the result; the
// table below is the one list of formats.
package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ospolint/ospolint/internal/scan"
)

// Writer writes a report in one format.
type Writer func(w io.Writer, r *scan.Report) error

// formats is the table of reporters.
func formats() map[string]Writer {
	return map[string]Writer{
		"text":     Text,
		"json":     JSON,
		"sarif":    SARIF,
		"markdown": Markdown,
		// GitHub Actions: annotations and the job summary (github.go).
		"github":  GitHub,
		"summary": Summary,
	}
}

// Lookup returns the writer of a format.
func Lookup(name string) (Writer, error) {
	if w, ok := formats()[name]; ok {
		return w, nil
	}
	return nil, fmt.Errorf("unknown format %q (known: %s)", name, strings.Join(Formats(), ", "))
}

// Formats lists the format names.
func Formats() []string {
	var out []string
	for k := range formats() {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// displayPath quotes a path holding control or invisible characters or
// invalid UTF-8, so a file name with a newline cannot forge report lines.
func displayPath(p string) string {
	if !utf8.ValidString(p) {
		return strconv.Quote(p)
	}
	for _, r := range p {
		if !unicode.IsPrint(r) {
			return strconv.Quote(p)
		}
	}
	return p
}

// cleanText makes a message safe for a terminal: control characters (an
// escape sequence or carriage return copied from a scanned file) are shown
// escaped, and newlines become spaces.
func cleanText(s string) string {
	s = strings.ToValidUTF8(strings.TrimSpace(s), "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return '\uFFFD'
		}
		return r
	}, s)
}
