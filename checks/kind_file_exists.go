// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"strings"
)

func kindFileExists() *Check {
	return &Check{
		ID:         "file-exists",
		Title:      "Required file missing",
		Summary:    "At least one file matches the rule's paths.",
		Activities: []string{ruleActivity},
		Level:      Warning,
		Needs:      NeedFiles,
		Template:   true,
		Options:    ruleOptions(nil),
		Help: `A generic rule kind: a rule of kind ` + "`file-exists`" + ` passes when at least one file of the repository
matches one of its ` + "`paths`" + `. Otherwise it reports one finding at the path the first glob names (its part before
the first wildcard: ` + "`NOTICE`" + ` for ` + "`NOTICE*`" + `) listing the globs looked for. Only files count; to require a
directory, require a file in it (` + "`docs/**`" + `). A symbolic link that leaves the repository does not count.

**Why (GGI-A-25, Promote open source development best practices):** the handbook asks projects to carry the files
that tell people how the project works; a rule of this kind adds the ones your organisation requires (NOTICE,
MAINTAINERS, a changelog).

**Options:**
` + ruleCommonHelp("") + `
**Example** in ` + "`.ospolint.yml`" + `:

` + "```yaml" + `
rules:
  - id: notice-file
    kind: file-exists
    title: No NOTICE file
    level: error
    options:
      paths: ["NOTICE*"]
      ignore-case: true
      message: add a NOTICE file listing third-party attributions (see the OSPO wiki)
` + "```" + `

**Fix:** add one of the files named, or change the rule's ` + "`paths`" + `.`,
		Validate: func(o Options) error { return ruleValidatePaths(o, "paths", false) },
		Run: func(p *Pass) error {
			files := ruleFiles(p)
			for _, e := range files {
				if !e.Escapes {
					return nil
				}
			}
			globs := p.Options.Strings("paths")
			if len(files) > 0 {
				e := files[0]
				p.Report(Finding{Path: e.Path, Key: "escapes", Message: ruleMessage(p, fmt.Sprintf(
					"%s is a symbolic link that leaves the repository; commit the file itself", e.Path))})
				return nil
			}
			p.Report(Finding{Path: ruleLiteralPrefix(globs[0]), Key: "missing", Message: ruleMessage(p, fmt.Sprintf(
				"no file matches %s: add one", strings.Join(globs, ", ")))})
			return nil
		},
	}
}
