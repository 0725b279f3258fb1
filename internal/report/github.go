// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/ggi"
	"github.com/ospolint/ospolint/internal/scan"
)

// GitHub writes one GitHub Actions workflow command per open finding
// (::error, ::warning or ::notice with file, line and title), which the
// runner turns into annotations on the run and, for files of a pull request,
// on its diff. They need no code scanning, so they work on private
// repositories without GitHub Advanced Security.
func GitHub(w io.Writer, r *scan.Report) error {
	ew := &errWriter{w: w}
	titles := map[string]string{}
	for _, c := range r.Checks {
		titles[c.ID] = c.Title
	}
	for _, t := range r.Targets {
		if t.Error != "" {
			ew.printf("::error title=%s::%s\n", escapeProperty("ospolint could not scan "+t.Target), escapeData(t.Error))
			continue
		}
		prefix := workspacePrefix(t.Target)
		for _, f := range t.Findings {
			if f.Waived != nil {
				continue
			}
			// A finding about the repository as a whole (no README) has
			// no file: the annotation goes on the run, not on a path.
			var props []string
			if f.Path != "" {
				props = append(props, "file="+escapeProperty(prefix+f.Path))
				if f.Line > 0 {
					props = append(props, fmt.Sprintf("line=%d", f.Line))
				}
			}
			title := f.Check
			if tt := titles[f.Check]; tt != "" {
				title += ": " + tt
			}
			props = append(props, "title="+escapeProperty(title))
			msg := f.Message
			if len(f.GGI.Activities) > 0 {
				msg += " (" + strings.Join(f.GGI.Activities, ", ") + ")"
			}
			ew.printf("::%s %s::%s\n", annotationLevel(f.Level), strings.Join(props, ","), escapeData(msg))
		}
	}
	return ew.err
}

func annotationLevel(level string) string {
	switch level {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

// workspacePrefix is what turns a path relative to the scanned directory
// into one relative to the workspace (the current directory), where the
// runner looks for annotated files: the target itself when it is a
// relative directory below the workspace.
func workspacePrefix(target string) string {
	if target == "" || strings.Contains(target, "://") || path.IsAbs(target) {
		return ""
	}
	p := path.Clean(strings.ReplaceAll(target, `\`, "/"))
	if p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return ""
	}
	return p + "/"
}

// escapeData escapes a workflow command's message as the runner's toolkit
// does: a newline would end the command and let the text issue commands of
// its own.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command property value, where ":" ends
// the properties and "," separates them.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Summary writes the Markdown job summary of a pull request or commit: the
// open findings grouped by GGI goal, each group with how to fix its checks'
// findings (from the checks' help), what the comparison was in diff and
// baseline mode, and, folded, the maturity per goal.
func Summary(w io.Writer, r *scan.Report) error {
	ew := &errWriter{w: w}
	byID := map[string]*checks.Check{}
	for _, c := range r.Checks {
		byID[c.ID] = c
	}
	for _, t := range r.Targets {
		summaryTarget(ew, t, byID, len(r.Targets) > 1)
	}
	return ew.err
}

func summaryTarget(ew *errWriter, t *scan.TargetResult, byID map[string]*checks.Check, named bool) {
	name := ""
	if named {
		name = " — " + mdText(displayPath(t.Target))
	}
	if t.Error != "" {
		ew.printf("## ospolint%s: not scanned\n\n%s\n\n", name, mdCell(t.Error))
		return
	}
	counts := map[string]int{}
	var open []scan.Finding
	for _, f := range t.Findings {
		if f.Waived == nil {
			counts[f.Level]++
			open = append(open, f)
		}
	}
	what := "findings"
	if t.Since != nil {
		what = "new findings"
	}
	if len(open) == 0 {
		ew.printf("## ospolint%s: no %s\n\n", name, what)
	} else {
		ew.printf("## ospolint%s: %s\n\n", name, strings.Replace(summary(counts, 0), "finding", strings.TrimSuffix(what, "s"), 1))
	}
	if s := t.Since; s != nil {
		ew.printf("%s.\n\n", upperFirst(sinceMarkdown(s)))
	}
	for _, goal := range ggi.Goals() {
		var fs []scan.Finding
		for _, f := range open {
			if f.GGI.Goal == string(goal) {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			continue
		}
		summaryGoal(ew, string(goal), fs, byID)
	}
	var other []scan.Finding
	for _, f := range open {
		if f.GGI.Goal == "" {
			other = append(other, f)
		}
	}
	if len(other) > 0 {
		summaryGoal(ew, "", other, byID)
	}
	if len(t.Maturity) > 0 {
		ew.printf("<details>\n<summary>Maturity per GGI goal at this revision</summary>\n\n| Goal | Checks passed | Activities with evidence | Activities missing |\n| --- | --- | --- | --- |\n")
		for _, m := range t.Maturity {
			ew.printf("| %s | %d/%d | %s | %s |\n", mdCell(m.Goal), m.Passed, m.Applicable, ggiCell(m.Activities), ggiCell(m.Missing))
		}
		ew.printf("\n</details>\n\n")
	}
}

// summaryGoal writes one goal's findings and the fix of each check among
// them.
func summaryGoal(ew *errWriter, goal string, fs []scan.Finding, byID map[string]*checks.Check) {
	if goal == "" {
		ew.printf("### Other findings\n\n")
	} else {
		ew.printf("### %s\n\n", mdText(goal))
	}
	ew.printf("| Level | Location | Finding | Check |\n| --- | --- | --- | --- |\n")
	var ids []string
	seen := map[string]bool{}
	for _, f := range fs {
		ew.printf("| %s | %s | %s | %s |\n", levelCell(f.Level), locationCell(f.Path, f.Line), mdCell(f.Message), checkCell(f.Check))
		if !seen[f.Check] {
			seen[f.Check] = true
			ids = append(ids, f.Check)
		}
	}
	ew.printf("\n")
	var hints []string
	for _, id := range ids {
		c := byID[id]
		if c == nil {
			continue
		}
		if fix := fixHint(c.Help); fix != "" {
			hints = append(hints, fmt.Sprintf("- %s (%s): %s", checkCell(id), ggiCell(c.Activities), fix))
		}
	}
	if len(hints) > 0 {
		ew.printf("**How to fix**\n\n%s\n\n", strings.Join(hints, "\n"))
	}
}

// fixHint is the "**Fix:**" paragraph of a check's help, on one line: the
// help is the single source of how to fix a finding.
func fixHint(help string) string {
	const marker = "**Fix:**"
	i := strings.Index(help, marker)
	if i < 0 {
		return ""
	}
	para := help[i+len(marker):]
	if j := strings.Index(para, "\n\n"); j >= 0 {
		para = para[:j]
	}
	return strings.Join(strings.Fields(para), " ")
}

// sinceText says what diff or baseline mode compared with, and how many
// findings it did not repeat.
func sinceText(s *scan.Since) string {
	return sinceWith(s, func(rev string) string { return "base " + shortRev(rev) }, func(f string) string { return "baseline " + displayPath(f) })
}

func sinceMarkdown(s *scan.Since) string {
	return sinceWith(s, func(rev string) string { return "the base revision `" + mdCode(shortRev(rev)) + "`" },
		func(f string) string { return "the baseline " + codeSpan(f) })
}

func sinceWith(s *scan.Since, base, baseline func(string) string) string {
	var parts []string
	if s.Base != "" {
		c := "compared with " + base(s.Base)
		if s.ChangedFiles != nil {
			c += " (" + plural(*s.ChangedFiles, "file") + " changed)"
		}
		parts = append(parts, c)
	}
	if s.Baseline != "" {
		parts = append(parts, "compared with "+baseline(s.Baseline))
	}
	verb := "are"
	if s.Known == 1 {
		verb = "is"
	}
	return fmt.Sprintf("%s: %s already there %s not repeated here", strings.Join(parts, " and "), plural(s.Known, "finding"), verb)
}
