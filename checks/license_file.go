// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"github.com/ospolint/ospolint/internal/license"
)

func licenseFile() *Check {
	return &Check{
		ID:         "license-file",
		Title:      "No licence file",
		Summary:    "The repository root has a licence file (LICENSE, LICENCE, COPYING) or a REUSE LICENSES/ directory.",
		Activities: []string{"GGI-A-21", "GGI-A-25"},
		Level:      Error,
		Needs:      NeedFiles,
		Help: `A project without a licence file gives nobody the right to use, change or share it.
ospolint accepts ` + "`LICENSE`, `LICENCE`, `COPYING` and `UNLICENSE`" + ` in any case, with ` + "`.md`, `.txt`, `.rst`" + `,
` + "`.html`" + ` or no extension, variants such as ` + "`LICENSE-MIT`, `LICENSE.code`, `COPYING.LESSER`" + `, and the REUSE
layout (a ` + "`LICENSES/`" + ` directory with one text per licence). A symbolic link to a licence text elsewhere in
the repository counts; one pointing outside the repository does not.

**Why (GGI-A-21, Manage legal compliance):** licence compliance starts with every project stating its licence in
the place tools and people look. GGI-A-25 lists a licence among the files every project should have.

**Fix:** add the full text of the chosen licence as ` + "`LICENSE`" + ` at the root (https://spdx.org/licenses/ lists
the texts), or run ` + "`reuse download --all`" + ` for the REUSE layout.`,
		Run: func(p *Pass) error {
			for _, e := range p.Target.InDir("") {
				if license.IsCandidate(e.Path) && !e.Escapes {
					return nil
				}
			}
			if p.Target.IsDir("LICENSES") {
				for _, e := range p.Target.InDir("LICENSES") {
					if !e.Escapes {
						return nil
					}
				}
			}
			for _, e := range p.Target.InDir("") {
				if license.IsCandidate(e.Path) && e.Escapes {
					p.Reportf(e.Path, 0, "%s is a symbolic link that leaves the repository; add the licence text itself", e.Path)
					return nil
				}
			}
			p.Reportf("LICENSE", 0, "no licence file: add LICENSE (or LICENCE, COPYING, LICENSES/) at the repository root")
			return nil
		},
	}
}
