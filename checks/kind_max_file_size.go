// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"errors"
	"fmt"
)

func kindMaxFileSize() *Check {
	return &Check{
		ID:         "max-file-size",
		Title:      "File too large",
		Summary:    "No file matching the rule's paths is larger than its max size.",
		Activities: []string{ruleActivity},
		Level:      Warning,
		Needs:      NeedFiles,
		Template:   true,
		Options: ruleOptions([]string{"**"},
			Option{Name: "max", Type: TypeSize, Default: int64(1 << 20), Help: "largest size allowed: bytes, or a size such as 512KiB, 10MB (default 1MiB)"},
		),
		Help: `A generic rule kind: every file matching the rule's ` + "`paths`" + ` that is larger than ` + "`max`" + ` is a finding
with its size. Sizes come from the file index, so nothing is read. Symbolic links are not counted (their target is,
when it is in the repository).

**Why (GGI-A-25, Promote open source development best practices):** large files make a repository slow to clone for
every contributor and stay in its history forever; they are often data or build output that belongs elsewhere.

**Options:**
` + ruleCommonHelp("**") + `- ` + "`max`" + ` (default 1MiB): the largest size allowed, in bytes or with a unit: B, KB, MB, GB (powers of 1000),
  KiB, MiB, GiB (powers of 1024).

**Example** in ` + "`.ospolint.yml`" + `:

` + "```yaml" + `
rules:
  - id: no-large-files
    kind: max-file-size
    options:
      paths: ["src/**", "docs/**"]
      max: 5MiB
      message: store large files with Git LFS or in a release asset
` + "```" + `

**Fix:** remove the file or make it smaller; keep large binaries in Git LFS, release assets or a package registry.`,
		Validate: func(o Options) error {
			if err := ruleValidatePaths(o, "paths", false); err != nil {
				return err
			}
			if o.Int("max") <= 0 {
				return errors.New("option max: give a size above zero (e.g. 1MiB)")
			}
			return nil
		},
		Run: func(p *Pass) error {
			limit := p.Options.Int("max")
			for _, e := range ruleFiles(p) {
				if e.Symlink || e.Size <= limit {
					continue
				}
				p.Report(Finding{
					Path: e.Path,
					Key:  "too large",
					Message: ruleMessage(p, fmt.Sprintf("%s is %s, over the %s limit: remove it, shrink it or move it to Git LFS",
						e.Path, ruleSize(e.Size), ruleSize(limit))),
					Properties: map[string]any{"size": e.Size, "max": limit},
				})
			}
			return nil
		},
	}
}
