// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"bytes"
	"fmt"
	"strings"
)

// ruleHeadBytes is how much of each file file-header reads: enough for any
// licence or copyright header, read once in the file pass for every check.
const ruleHeadBytes = 8 << 10

func kindFileHeader() *Check {
	res := &ruleRegexps{}
	return &Check{
		ID:         "file-header",
		Title:      "File lacks required header",
		Summary:    "Every file matching the rule's paths starts with a header matching its pattern.",
		Activities: []string{ruleActivity},
		Level:      Warning,
		Needs:      NeedFiles,
		Template:   true,
		Options: ruleOptions(nil,
			Option{Name: "pattern", Type: TypeString, Default: "", Help: "Go regular expression the first lines must match (required)"},
			Option{Name: "lines", Type: TypeInt, Default: int64(5), Help: "how many lines from the top the header may take (1 to 1000)"},
		),
		HeadBytes: ruleHeadBytes,
		Help: `A generic rule kind: in every file matching the rule's ` + "`paths`" + `, ` + "`pattern`" + ` must match within the first
` + "`lines`" + ` lines (and the first 8 KiB); each file where it does not is a finding at line 1. The pattern is a Go regular
expression (RE2 syntax, https://pkg.go.dev/regexp/syntax) in multi-line mode: ` + "`^`" + ` and ` + "`$`" + ` match at the start
and end of every line. A binary file (a NUL byte in its first 8000 bytes, as git decides), an unreadable file or a
symbolic link leaving the repository is a finding saying the header could not be checked. When no file matches
` + "`paths`" + ` the rule is not applicable.

**Why (GGI-A-25, Promote open source development best practices):** a header in every source file keeps the
licence and copyright with the code when files are copied out of the project (GGI-A-21 and the REUSE
specification ask for the same; the built-in REUSE checks cover the SPDX form).

**Options:**
` + ruleCommonHelp("") + `- ` + "`pattern`" + `: the regular expression (required). ` + "`ignore-case`" + ` also makes it case-insensitive.
- ` + "`lines`" + ` (default 5): how many lines from the top the header may take.

**Example** in ` + "`.ospolint.yml`" + `:

` + "```yaml" + `
rules:
  - id: go-copyright-header
    kind: file-header
    title: Go file without copyright header
    ggi: [GGI-A-21, GGI-A-25]
    options:
      paths: ["**/*.go"]
      pattern: '^// Copyright \d{4} Example Corp'
      lines: 3
` + "```" + `

**Fix:** add the header at the top of each file reported (a licence header tool or ` + "`reuse annotate`" + ` does it in
bulk), or adjust the rule's ` + "`pattern`" + ` or ` + "`lines`" + `.`,
		Validate: func(o Options) error {
			if err := ruleValidatePaths(o, "paths", false); err != nil {
				return err
			}
			if n := o.Int("lines"); n < 1 || n > ruleMaxLines {
				return fmt.Errorf("option lines: %d is out of range (1 to %d)", n, ruleMaxLines)
			}
			_, err := ruleCompile(o)
			return err
		},
		Want: func(p *Pass, path string) bool { return ruleMatcher(p.Options, "paths").Match(path) },
		Visit: func(p *Pass, f File) {
			re, err := res.get(p.Options)
			if err != nil {
				// Validate rejected this at load; a plan built without it
				// still gets a finding rather than a silent pass.
				p.Report(Finding{Path: f.Path, Key: "bad pattern", Message: err.Error()})
				return
			}
			switch {
			case f.Escapes:
				p.Report(Finding{Path: f.Path, Key: "escapes", Message: fmt.Sprintf(
					"%s is a symbolic link that leaves the repository and was not checked; commit the file itself or narrow paths", f.Path)})
				return
			case f.Err != nil:
				p.Report(Finding{Path: f.Path, Key: "unreadable", Message: fmt.Sprintf("%s cannot be read: %v", f.Path, f.Err)})
				return
			case ruleIsBinary(f.Head):
				p.Report(Finding{Path: f.Path, Key: "binary", Message: fmt.Sprintf(
					"%s is a binary file and cannot carry the header: narrow paths to text files", f.Path)})
				return
			}
			n := int(p.Options.Int("lines"))
			if re.Match(ruleFirstLines(f.Head, n)) {
				return
			}
			p.Report(Finding{Path: f.Path, Line: 1, Key: "no header", Message: ruleMessage(p, fmt.Sprintf(
				"the first %d lines do not match the required header %q: add it at the top", n, p.Options.String("pattern")))})
		},
		Run: func(p *Pass) error {
			if len(ruleFiles(p)) == 0 {
				p.NotApplicable("no file matches " + strings.Join(p.Options.Strings("paths"), ", "))
			}
			return nil
		},
	}
}

// ruleFirstLines is the start of head up to the end of its n-th line.
func ruleFirstLines(head []byte, n int) []byte {
	off := 0
	for range n {
		i := bytes.IndexByte(head[off:], '\n')
		if i < 0 {
			return head
		}
		off += i + 1
	}
	return head[:off]
}
