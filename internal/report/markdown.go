// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/ggi"
	"github.com/ospolint/ospolint/internal/scan"
)

// Markdown writes a report for GitHub job summaries and pull-request
// comments: per target the licence, a table of findings, the maturity per
// GGI goal and, collapsed, the checks that passed or did not apply.
func Markdown(w io.Writer, r *scan.Report) error {
	ew := &errWriter{w: w}
	ew.printf("# ospolint report\n")
	// A passing check is described by its summary (what a passing
	// repository has); its title names the problem.
	summaries := map[string]string{}
	for _, c := range r.Checks {
		summaries[c.ID] = c.Summary
	}
	for _, t := range r.Targets {
		markdownTarget(ew, t, summaries)
	}
	if r.Tool.Name != "" {
		ew.printf("\n<sub>%s %s", mdText(r.Tool.Name), mdText(r.Tool.Version))
		if r.Tool.URI != "" {
			ew.printf(" · %s", r.Tool.URI)
		}
		ew.printf("</sub>\n")
	}
	return ew.err
}

func markdownTarget(ew *errWriter, t *scan.TargetResult, summaries map[string]string) {
	ew.printf("\n## %s\n\n", mdText(displayPath(t.Target)))
	if t.Error != "" {
		what := "Could not be scanned"
		if t.ConfigError != nil {
			what = "Not scanned, configuration error"
		}
		ew.printf("**%s:** %s\n", what, mdText(t.Error))
		return
	}
	var facts []string
	if t.Facts.License.Expression != nil {
		facts = append(facts, fmt.Sprintf("**Licence:** `%s` (confidence %.0f%%)", mdCode(*t.Facts.License.Expression), t.Facts.License.Confidence*100))
	} else {
		facts = append(facts, "**Licence:** none detected")
	}
	facts = append(facts, plural(t.Files, "file")+" scanned")
	if t.Revision != "" {
		facts = append(facts, "revision `"+mdCode(shortRev(t.Revision))+"`")
	}
	ew.printf("%s\n\n", strings.Join(facts, " · "))

	counts := map[string]int{}
	var open, waived []scan.Finding
	for _, f := range t.Findings {
		if f.Waived != nil {
			waived = append(waived, f)
			continue
		}
		counts[f.Level]++
		open = append(open, f)
	}
	ew.printf("**%s**\n", upperFirst(summary(counts, len(waived))))
	if len(open) > 0 {
		ew.printf("\n| Level | Location | Message | Check | GGI |\n| --- | --- | --- | --- | --- |\n")
		for _, f := range open {
			ew.printf("| %s | %s | %s | %s | %s |\n", levelCell(f.Level), locationCell(f.Path, f.Line),
				mdCell(f.Message), checkCell(f.Check), ggiCell(f.GGI.Activities))
		}
	}

	var notRun []scan.CheckResult
	for _, c := range t.Checks {
		if c.Status == checks.StatusError || c.Status == checks.StatusNotAvailable {
			notRun = append(notRun, c)
		}
	}
	if len(notRun) > 0 {
		ew.printf("\n### Checks not evaluated\n\n| Check | Status | Reason |\n| --- | --- | --- |\n")
		for _, c := range notRun {
			ew.printf("| %s | %s | %s |\n", checkCell(c.ID), c.Status, mdCell(c.Reason))
		}
	}

	if len(t.Maturity) > 0 {
		ew.printf("\n### Maturity per GGI goal\n\n| Goal | Checks passed | Activities with evidence | Activities without evidence |\n| --- | --- | --- | --- |\n")
		for _, m := range t.Maturity {
			ew.printf("| %s | %d/%d | %s | %s |\n", mdCell(m.Goal), m.Passed, m.Applicable, ggiCell(m.Activities), gapsCell(m.Gaps))
		}
	}

	if len(waived) > 0 {
		ew.printf("\n<details>\n<summary>%s</summary>\n\n| Level | Location | Message | Check | Reason |\n| --- | --- | --- | --- | --- |\n", plural(len(waived), "waived finding"))
		for _, f := range waived {
			reason := f.Waived.Reason
			if f.Waived.Until != "" {
				reason += " (until " + f.Waived.Until + ")"
			}
			ew.printf("| %s | %s | %s | %s | %s |\n", levelCell(f.Level), locationCell(f.Path, f.Line),
				mdCell(f.Message), checkCell(f.Check), mdCell(reason))
		}
		ew.printf("\n</details>\n")
	}

	var quiet []scan.CheckResult
	passed, na := 0, 0
	for _, c := range t.Checks {
		switch c.Status {
		case checks.StatusPass:
			passed++
		case checks.StatusNotApplicable:
			na++
		default:
			continue
		}
		quiet = append(quiet, c)
	}
	if len(quiet) > 0 {
		label := plural(passed, "check") + " passed"
		if na > 0 {
			label += fmt.Sprintf(", %d not applicable", na)
		}
		ew.printf("\n<details>\n<summary>%s</summary>\n\n| Check | Status | What passed, or why not applicable |\n| --- | --- | --- |\n", label)
		for _, c := range quiet {
			note := summaries[c.ID]
			if c.Status == checks.StatusNotApplicable && c.Reason != "" {
				note = c.Reason
			}
			ew.printf("| %s | %s | %s |\n", checkCell(c.ID), c.Status, mdCell(note))
		}
		ew.printf("\n</details>\n")
	}

	if len(t.Problems) > 0 {
		ew.printf("\n<details>\n<summary>%s</summary>\n\n| Path | Problem |\n| --- | --- |\n", plural(len(t.Problems), "path")+" skipped")
		for _, p := range t.Problems {
			ew.printf("| %s | %s |\n", locationCell(p.Path, 0), mdCell(p.Message))
		}
		ew.printf("\n</details>\n")
	}
}

func levelCell(l string) string {
	if l == "error" {
		return "**error**"
	}
	return mdCell(l)
}

func checkCell(id string) string { return "`" + mdCode(id) + "`" }

func locationCell(p string, line int) string {
	loc := displayPath(p)
	if line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, line)
	}
	return codeSpan(loc)
}

// ggiCell links each activity to its handbook page.
func ggiCell(ids []string) string {
	if len(ids) == 0 {
		return "–"
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		if a, ok := ggi.Lookup(id); ok {
			parts[i] = fmt.Sprintf("[%s](%s)", mdCell(id), a.URL())
		} else {
			parts[i] = mdCell(id)
		}
	}
	return strings.Join(parts, " ")
}

// gapsCell lists the activities without evidence and the checks each
// lacks: "GGI-A-25 (lacks `readme`, `contributing`)".
func gapsCell(gaps []scan.ActivityGap) string {
	if len(gaps) == 0 {
		return "–"
	}
	parts := make([]string, len(gaps))
	for i, g := range gaps {
		ids := make([]string, len(g.Failing))
		for j, id := range g.Failing {
			ids[j] = checkCell(id)
		}
		parts[i] = fmt.Sprintf("%s (lacks %s)", ggiCell([]string{g.Activity}), strings.Join(ids, ", "))
	}
	return strings.Join(parts, " ")
}

// mdCell makes text safe in a table cell: a pipe would end the cell, a
// newline the row, and Markdown or HTML in a message (a file name, an error
// text) must show as written.
func mdCell(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = mdText(s)
	return strings.ReplaceAll(s, "\n", "<br>")
}

var mdEscaper = strings.NewReplacer( //nolint:gochecknoglobals // immutable replacer, built once
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "#", `\#`, "~", `\~`,
	"\r", " ",
)

// mdText escapes Markdown and HTML in running text.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCode makes text safe inside a code span in a table: only the pipe
// needs escaping there (GitHub honours \| inside code spans in tables) and
// a newline would break the row.
func mdCode(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
}

// codeSpan wraps text in enough backticks that backticks inside it do not
// end the span.
func codeSpan(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	s = mdCode(s)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
