// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// ruleMaxMatches caps the findings file-not-contains reports for one file: a
// generated or minified file can match on every line.
const ruleMaxMatches = 100

func kindFileNotContains() *Check {
	return &Check{
		ID:         "file-not-contains",
		Title:      "File holds forbidden content",
		Summary:    "No file matching the rule's paths contains a match of its pattern.",
		Activities: []string{ruleActivity},
		Level:      Warning,
		Needs:      NeedFiles,
		Template:   true,
		Options: ruleOptions(nil,
			Option{Name: "pattern", Type: TypeString, Default: "", Help: "Go regular expression no file may match (required)"},
		),
		Help: `A generic rule kind: every line of a file matching the rule's ` + "`paths`" + ` where ` + "`pattern`" + ` matches is a
finding with its line number (one per line, at most 100 per file). The pattern is a Go regular expression (RE2
syntax, https://pkg.go.dev/regexp/syntax) in multi-line mode: ` + "`^`" + ` and ` + "`$`" + ` match at the start and end of every
line. Files up to 4 MiB are searched; a larger file or a symbolic link leaving the repository is a finding saying it
could not be checked. Binary files (a NUL byte in their first 8000 bytes, as git decides) are not searched, so a
rule over ` + "`**`" + ` does not flag every image; use ` + "`no-binaries`" + ` to keep them out. When no file matches ` + "`paths`" + ` the
rule is not applicable.

**Why (GGI-A-25, Promote open source development best practices):** what is published should be ready to publish:
no internal host names, no "do not release" markers, no licence text that contradicts the project's.

**Options:**
` + ruleCommonHelp("") + `- ` + "`pattern`" + `: the regular expression (required). ` + "`ignore-case`" + ` also makes it case-insensitive.

**Example** in ` + "`.ospolint.yml`" + `:

` + "```yaml" + `
rules:
  - id: no-release-blockers
    kind: file-not-contains
    title: Release blocker left in the code
    level: error
    options:
      paths: ["**"]
      pattern: 'TODO: remove before release'
      message: remove this line before publishing
` + "```" + `

**Fix:** remove or rewrite the lines reported, or narrow the rule's ` + "`paths`" + ` (waivers silence single files).`,
		Validate: ruleValidatePattern,
		Run: func(p *Pass) error {
			re, err := ruleCompile(p.Options)
			if err != nil {
				return fmt.Errorf("file-not-contains: %w", err)
			}
			files := ruleFiles(p)
			if len(files) == 0 {
				p.NotApplicable("no file matches " + strings.Join(p.Options.Strings("paths"), ", "))
				return nil
			}
			for _, e := range files {
				if data, ok := ruleRead(p, e, false); ok {
					ruleReportLines(p, e.Path, data, re)
				}
			}
			return nil
		},
	}
}

// ruleReportLines reports each line where re matches, up to ruleMaxMatches.
// After a match the search resumes at the next line start, so ^ and \b keep
// their meaning and a line full of matches costs one finding.
func ruleReportLines(p *Pass, path string, data []byte, re *regexp.Regexp) {
	seen := map[string]int{}
	line, counted := 1, 0 // line number at offset counted
	for off, n := 0, 0; off <= len(data); n++ {
		loc := re.FindIndex(data[off:])
		if loc == nil {
			return
		}
		start, end := off+loc[0], off+loc[1]
		if start == len(data) && start > 0 && data[start-1] == '\n' {
			return // an empty match after the final newline is on no line
		}
		if n == ruleMaxMatches {
			p.Report(Finding{Path: path, Line: 0, Key: "more matches", Message: fmt.Sprintf(
				"%s has more than %d lines matching %q; only the first %d are reported", path, ruleMaxMatches, p.Options.String("pattern"), ruleMaxMatches)})
			return
		}
		line += bytes.Count(data[counted:start], []byte{'\n'})
		counted = start
		text := ruleLineText(data, start)
		seen[text]++
		p.Report(Finding{
			Path: path, Line: line,
			// The key follows the line's text, not its number, so a finding
			// keeps its fingerprint when lines above it change.
			Key: fmt.Sprintf("%s#%d", text, seen[text]),
			Message: ruleMessage(p, fmt.Sprintf(
				"forbidden pattern %q found: remove or rewrite this line", p.Options.String("pattern"))),
		})
		last := max(start, end-1)
		nl := bytes.IndexByte(data[last:], '\n')
		if nl < 0 {
			return
		}
		off = last + nl + 1
	}
}

// ruleLineText is the trimmed text of the line holding offset i, capped so a
// minified file does not make huge keys.
func ruleLineText(data []byte, i int) string {
	lo := bytes.LastIndexByte(data[:i], '\n') + 1
	hi := bytes.IndexByte(data[i:], '\n')
	if hi < 0 {
		hi = len(data)
	} else {
		hi += i
	}
	s := strings.TrimSpace(string(data[lo:hi]))
	if len(s) > 200 {
		s = s[:200] // a key is only hashed: a split rune does no harm
	}
	return s
}
