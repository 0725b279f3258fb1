// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"strings"
)

func kindFileContains() *Check {
	return &Check{
		ID:         "file-contains",
		Title:      "File lacks required content",
		Summary:    "Every file matching the rule's paths contains a match of its pattern.",
		Activities: []string{ruleActivity},
		Level:      Warning,
		Needs:      NeedFiles,
		Template:   true,
		Options: ruleOptions(nil,
			Option{Name: "pattern", Type: TypeString, Default: "", Help: "Go regular expression each file must match (required)"},
			Option{Name: "fail-on-missing", Type: TypeBool, Default: false, Help: "report a finding when no file matches paths (otherwise the rule is not applicable)"},
		),
		Help: `A generic rule kind: every file matching the rule's ` + "`paths`" + ` must contain a match of ` + "`pattern`" + `;
each one that does not is a finding. The pattern is a Go regular expression (RE2 syntax,
https://pkg.go.dev/regexp/syntax) searched in the whole file, in multi-line mode: ` + "`^`" + ` and ` + "`$`" + ` match at the start
and end of every line, and ` + "`(?s)`" + ` lets ` + "`.`" + ` cross lines. Files up to 4 MiB are searched; a larger file, a
binary file (a NUL byte in its first 8000 bytes, as git decides) or a symbolic link leaving the repository is a
finding saying it could not be checked, never a silent pass. When no file matches ` + "`paths`" + ` the rule is not
applicable, unless ` + "`fail-on-missing`" + ` is set.

**Why (GGI-A-25, Promote open source development best practices):** organisations require content in some files:
a README section on support, the DCO in CONTRIBUTING, a link to the OSPO in SECURITY.md.

**Options:**
` + ruleCommonHelp("") + `- ` + "`pattern`" + `: the regular expression (required). ` + "`ignore-case`" + ` also makes it case-insensitive.
- ` + "`fail-on-missing`" + ` (default false): when no file matches ` + "`paths`" + `, report a finding instead of not-applicable.

**Example** in ` + "`.ospolint.yml`" + `:

` + "```yaml" + `
rules:
  - id: contributing-mentions-dco
    kind: file-contains
    title: Contributing guide does not ask for a DCO sign-off
    ggi: [GGI-A-21, GGI-A-25]
    options:
      paths: ["CONTRIBUTING.md", ".github/CONTRIBUTING.md"]
      pattern: 'Developer Certificate of Origin|Signed-off-by'
      ignore-case: true
      fail-on-missing: true
` + "```" + `

**Fix:** add the required text to the file, or adjust the rule's ` + "`pattern`" + ` or ` + "`paths`" + `.`,
		Validate: ruleValidatePattern,
		Run: func(p *Pass) error {
			re, err := ruleCompile(p.Options)
			if err != nil {
				return fmt.Errorf("file-contains: %w", err)
			}
			files := ruleFiles(p)
			if len(files) == 0 {
				globs := p.Options.Strings("paths")
				if p.Options.Bool("fail-on-missing") {
					p.Report(Finding{Path: ruleLiteralPrefix(globs[0]), Key: "missing", Message: ruleMessage(p, fmt.Sprintf(
						"no file matches %s, so none contains %q: add one", strings.Join(globs, ", "), p.Options.String("pattern")))})
					return nil
				}
				p.NotApplicable("no file matches " + strings.Join(globs, ", "))
				return nil
			}
			for _, e := range files {
				data, ok := ruleRead(p, e, true)
				if !ok || re.Match(data) {
					continue
				}
				p.Report(Finding{Path: e.Path, Key: "lacks pattern", Message: ruleMessage(p, fmt.Sprintf(
					"%s does not contain a match of %q: add it", e.Path, p.Options.String("pattern")))})
			}
			return nil
		},
	}
}
