// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

func reuseUnusedLicenses() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-unused-licenses",
		title:   "Licence text in LICENSES/ that no file uses",
		summary: "Every text in LICENSES/ is the licence of at least one covered file.",
		help: `The REUSE Specification forbids licence texts for licences no Covered File is under: they make readers believe
the project uses a licence it does not.

**Fix:** delete the text, or add the licensing information of the files it was meant for (a file excluded from the
scan does not count as using it).`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.UnusedLicenses },
	})
}
