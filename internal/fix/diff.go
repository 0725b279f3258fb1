// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// context lines around a hunk, as in `diff -u`.
const context = 3

// Diff writes the changes as a unified diff (what --dry-run prints). The
// fixes only insert or append lines, so one hunk per file — the span between
// the common leading and trailing lines — is exact.
func Diff(w io.Writer, changes []Change) error {
	for _, c := range changes {
		if err := diffOne(w, c); err != nil {
			return err
		}
	}
	return nil
}

func splitLines(b []byte) []string {
	if len(b) == 0 {
		return nil
	}
	s := string(b)
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func diffOne(w io.Writer, c Change) error {
	a, b := splitLines(c.Old), splitLines(c.New)
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	if pre == len(a) && pre == len(b) {
		return nil
	}
	from := "a/" + c.Path
	if c.Old == nil {
		from = "/dev/null"
	}
	start := max(pre-context, 0)
	endA := min(len(a)-suf+context, len(a))
	endB := min(len(b)-suf+context, len(b))
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ b/%s\n", from, c.Path)
	fmt.Fprintf(&sb, "@@ -%s +%s @@\n", span(start, endA-start), span(start, endB-start))
	for _, l := range a[start:pre] {
		sb.WriteString(" " + withNL(l))
	}
	for _, l := range a[pre : len(a)-suf] {
		sb.WriteString("-" + withNL(l))
	}
	for _, l := range b[pre : len(b)-suf] {
		sb.WriteString("+" + withNL(l))
	}
	for _, l := range a[len(a)-suf : endA] {
		sb.WriteString(" " + withNL(l))
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// span formats a hunk range: 1-based start, and the count when not 1.
func span(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return strconv.Itoa(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func withNL(l string) string {
	if strings.HasSuffix(l, "\n") {
		return l
	}
	return l + "\n\\ No newline at end of file\n"
}
