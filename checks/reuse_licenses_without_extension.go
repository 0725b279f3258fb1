// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

func reuseLicensesWithoutExtension() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-licenses-without-extension",
		title:   "Licence text without a file extension",
		summary: "Every text in LICENSES/ is named <identifier>.<extension>.",
		help: `The REUSE Specification names licence texts after their SPDX identifier followed by a file extension
(` + "`LICENSES/MIT.txt`" + `): without one, an identifier that contains a dot (` + "`Apache-2.0`" + `) reads as a name with an extension.

**Fix:** rename the file with ` + "`.txt`" + ` (or ` + "`.md`" + `, ` + "`.html`" + ` for texts in those formats).`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.LicensesWithoutExtension },
	})
}
