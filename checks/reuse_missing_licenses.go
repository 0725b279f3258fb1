// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

func reuseMissingLicenses() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-missing-licenses",
		title:   "Licence used without its text in LICENSES/",
		summary: "Every licence and exception named in the licensing information has its text in LICENSES/.",
		help: `REUSE wants the text of every licence a file is under in the ` + "`LICENSES/`" + ` directory at the root, named after its
SPDX identifier: ` + "`LICENSES/Apache-2.0.txt`" + `, ` + "`LICENSES/Classpath-exception-2.0.txt`" + `, ` + "`LICENSES/LicenseRef-Proprietary.txt`" + `.
A licence written with "+" (` + "`GPL-2.0+`" + `) is satisfied by the text without it. The findings name each file that uses
the missing licence, like ` + "`reuse lint`" + `.

**Fix:** ` + "`reuse download <identifier>`" + ` (or ` + "`reuse download --all`" + `) fetches the texts of SPDX licences; write the text
of a LicenseRef- licence yourself.`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.MissingLicenses },
	})
}
