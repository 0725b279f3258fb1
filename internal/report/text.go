// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/scan"
)

// Text writes a human-readable report: findings per target, then the
// maturity summary per GGI goal.
func Text(w io.Writer, r *scan.Report) error { return text(w, r, false) }

// TextErrorsShown is Text for a report shown right after its errors were
// printed (on stderr, beside a report on stdout): a target that could not
// be scanned is named, and why is not said twice.
func TextErrorsShown(w io.Writer, r *scan.Report) error { return text(w, r, true) }

func text(w io.Writer, r *scan.Report, errorsShown bool) error {
	ew := &errWriter{w: w}
	for i, t := range r.Targets {
		if i > 0 {
			ew.printf("\n")
		}
		if t.Error != "" {
			what := "could not be scanned"
			if t.ConfigError != nil {
				what = "not scanned: configuration error"
			}
			if errorsShown {
				ew.printf("%s: %s (printed above)\n", displayPath(t.Target), what)
			} else {
				ew.printf("%s: %s: %s\n", displayPath(t.Target), what, oneLine(t.Error))
			}
			continue
		}
		head := fmt.Sprintf("%s (%s", displayPath(t.Target), t.Kind)
		if t.Revision != "" {
			head += " " + shortRev(t.Revision)
		}
		ew.printf("%s, %d files)\n", head, t.Files)
		if t.Facts.License.Expression != nil {
			ew.printf("  licence: %s (confidence %.0f%%)\n", *t.Facts.License.Expression, t.Facts.License.Confidence*100)
		}
		counts := map[string]int{}
		waived := 0
		for _, f := range t.Findings {
			if f.Waived != nil {
				waived++
				continue
			}
			counts[f.Level]++
			loc := displayPath(f.Path)
			if f.Line > 0 {
				loc = fmt.Sprintf("%s:%d", loc, f.Line)
			}
			ew.printf("  %-7s %s: %s [%s, %s]\n", f.Level, loc, oneLine(f.Message), f.Check, strings.Join(f.GGI.Activities, " "))
		}
		for _, c := range t.Checks {
			if c.Status == checks.StatusError || c.Status == checks.StatusNotAvailable {
				ew.printf("  %-7s %s: %s\n", c.Status, c.ID, oneLine(c.Reason))
			}
		}
		for _, p := range t.Problems {
			ew.printf("  skipped %s: %s\n", displayPath(p.Path), p.Message)
		}
		for _, m := range t.Maturity {
			if m.Applicable == 0 {
				ew.printf("  %-8s no check applies (not applicable or not available)\n", m.Goal)
				continue
			}
			ev := "none"
			if len(m.Activities) > 0 {
				ev = strings.Join(m.Activities, " ")
			}
			ew.printf("  %-8s %d/%d checks passed; evidence for %s%s\n", m.Goal, m.Passed, m.Applicable, ev, gapsText(m.Gaps))
		}
		if s := t.Since; s != nil {
			ew.printf("  %s\n", sinceText(s))
		}
		ew.printf("  %s\n", summary(counts, waived))
	}
	return ew.err
}

// gapsText says what each activity without evidence lacks:
// "; GGI-A-25 lacks readme, contributing".
func gapsText(gaps []scan.ActivityGap) string {
	var b strings.Builder
	for _, g := range gaps {
		fmt.Fprintf(&b, "; %s lacks %s", g.Activity, strings.Join(g.Failing, ", "))
	}
	return b.String()
}

func summary(counts map[string]int, waived int) string {
	n := counts["error"] + counts["warning"] + counts["note"]
	if n == 0 && waived == 0 {
		return "no findings"
	}
	var parts []string
	for _, l := range []string{"error", "warning", "note"} {
		if c := counts[l]; c > 0 {
			parts = append(parts, plural(c, l))
		}
	}
	s := plural(n, "finding")
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	if waived > 0 {
		s += fmt.Sprintf(", %d waived", waived)
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func oneLine(s string) string { return cleanText(s) }

func shortRev(r string) string {
	if len(r) > 12 {
		return r[:12]
	}
	return r
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
