// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "fmt"

func kindNoBinaries() *Check {
	return &Check{
		ID:         "no-binaries",
		Title:      "Binary file committed",
		Summary:    "No file matching the rule's paths is binary, except those allowed.",
		Activities: []string{ruleActivity},
		Level:      Warning,
		Needs:      NeedFiles,
		Template:   true,
		Options: ruleOptions([]string{"**"},
			Option{Name: "allow", Type: TypeStrings, Default: []string{}, Help: "globs of binary files that are allowed (images, fonts)"},
		),
		HeadBytes: ruleBinarySniff,
		Help: `A generic rule kind: every file matching the rule's ` + "`paths`" + ` (and none of ` + "`allow`" + `) whose first 8000
bytes hold a NUL byte — the test git uses to call a file binary — is a finding. Only the start of each file is read,
once for all checks. Empty files are text. A symbolic link leaving the repository is a finding saying it could not
be checked; links inside the repository are not (their target is).

**Why (GGI-A-25, Promote open source development best practices):** committed binaries (executables, archives, jars)
cannot be reviewed, often hide third-party code under unknown licences, and should be built from source.

**Options:**
` + ruleCommonHelp("**") + `- ` + "`allow`" + `: globs of files that may be binary (images, fonts, test fixtures); ` + "`ignore-case`" + ` applies to them too.

**Example** in ` + "`.ospolint.yml`" + `:

` + "```yaml" + `
rules:
  - id: no-committed-binaries
    kind: no-binaries
    level: error
    options:
      allow: ["**/*.{png,jpg,gif,ico,svg,woff,woff2}", "**/testdata/**"]
      ignore-case: true
` + "```" + `

**Fix:** remove the binary and build it in CI or fetch it from a release; list legitimate binaries under ` + "`allow`" + `.`,
		Validate: func(o Options) error {
			if err := ruleValidatePaths(o, "paths", false); err != nil {
				return err
			}
			return ruleValidatePaths(o, "allow", true)
		},
		Want: func(p *Pass, path string) bool {
			return ruleMatcher(p.Options, "paths").Match(path) && !ruleMatcher(p.Options, "allow").Match(path)
		},
		Visit: func(p *Pass, f File) {
			switch {
			case f.Escapes:
				p.Report(Finding{Path: f.Path, Key: "escapes", Message: fmt.Sprintf(
					"%s is a symbolic link that leaves the repository and was not checked; commit the file itself or list it under allow", f.Path)})
			case f.Symlink:
				// The link's target is visited as a file of its own.
			case f.Err != nil:
				p.Report(Finding{Path: f.Path, Key: "unreadable", Message: fmt.Sprintf("%s cannot be read: %v", f.Path, f.Err)})
			case ruleIsBinary(f.Head):
				p.Report(Finding{Path: f.Path, Key: "binary", Message: ruleMessage(p, fmt.Sprintf(
					"%s is a binary file: remove it and build or download it instead, or list it under allow", f.Path))})
			}
		},
	}
}
