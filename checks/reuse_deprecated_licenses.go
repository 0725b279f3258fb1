// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

func reuseDeprecatedLicenses() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-deprecated-licenses",
		title:   "Licence text under a deprecated SPDX identifier",
		summary: "No text in LICENSES/ is named after a deprecated SPDX identifier.",
		help: `SPDX deprecates identifiers that turned out ambiguous: ` + "`GPL-2.0`" + ` does not say whether later versions apply, so
it became ` + "`GPL-2.0-only`" + ` and ` + "`GPL-2.0-or-later`" + `; ` + "`GPL-2.0+`" + `, ` + "`LGPL-2.1`" + `, ` + "`AGPL-3.0`" + `, ` + "`eCos-2.0`" + ` and others are
deprecated too. ` + "`reuse lint`" + ` fails on a text in LICENSES/ named after one.

**Fix:** decide which successor applies, change the headers to it and rename the text (e.g.
` + "`LICENSES/GPL-2.0-only.txt`" + `).`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.DeprecatedLicenses },
	})
}
