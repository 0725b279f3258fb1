// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

func reuseBadLicenses() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-bad-licenses",
		title:   "Licence identifier that is not on the SPDX list",
		summary: "Every licence identifier, in headers and in LICENSES/ file names, is on the SPDX licence list (spelt as there) or is a LicenseRef-.",
		help: `A licence identifier must be one of https://spdx.org/licenses/, spelt exactly as there (` + "`Apache-2.0`" + `, not
` + "`apache-2.0`" + `), or ` + "`LicenseRef-<name>`" + ` for a licence that is not on the list. The same holds for the names of the files
in ` + "`LICENSES/`" + ` (` + "`<identifier>.<extension>`" + `), which may hold nothing else; two texts for one identifier are reported
too.

**Fix:** write the SPDX identifier, or name a custom licence ` + "`LicenseRef-<name>`" + ` and put its text in
` + "`LICENSES/LicenseRef-<name>.txt`" + `.`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.BadLicenses },
	})
}
