// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "fmt"

func kindFileAbsent() *Check {
	return &Check{
		ID:         "file-absent",
		Title:      "Forbidden file present",
		Summary:    "No file matches the rule's paths.",
		Activities: []string{ruleActivity},
		Level:      Warning,
		Needs:      NeedFiles,
		Template:   true,
		Options:    ruleOptions(nil),
		Help: `A generic rule kind: every file matching one of the rule's ` + "`paths`" + ` is a finding at that file. Symbolic
links count as files (the link itself is in the repository, wherever it points).

**Why (GGI-A-25, Promote open source development best practices):** some files must never be published: private
keys, local environment files, build output, leftovers from an internal template.

**Options:**
` + ruleCommonHelp("") + `
**Example** in ` + "`.ospolint.yml`" + `:

` + "```yaml" + `
rules:
  - id: no-env-files
    kind: file-absent
    title: Environment file committed
    level: error
    options:
      paths: ["**/.env", "**/.env.*", "**/*.pem"]
      message: remove the file and rotate any secret it held
` + "```" + `

**Fix:** remove the file from the repository (and from its history when it held a secret), and add it to
` + "`.gitignore`" + `.`,
		Validate: func(o Options) error { return ruleValidatePaths(o, "paths", false) },
		Run: func(p *Pass) error {
			for _, e := range ruleFiles(p) {
				p.Report(Finding{Path: e.Path, Key: "present", Message: ruleMessage(p, fmt.Sprintf(
					"%s must not be in the repository: remove it", e.Path))})
			}
			return nil
		},
	}
}
