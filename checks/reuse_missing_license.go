// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

// REUSE-IgnoreStart

func reuseMissingLicense() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-missing-license",
		title:   "File without licensing information",
		summary: "Every covered file has an SPDX-License-Identifier: in its header, a .license sidecar, REUSE.toml or .reuse/dep5.",
		help: `Each Covered File must say under which licence it is: an ` + "`SPDX-License-Identifier: <expression>`" + ` line in its
comment header, in a ` + "`<file>.license`" + ` sidecar for files that cannot hold comments (images, data), or an annotation in
` + "`REUSE.toml`" + ` (the deprecated ` + "`.reuse/dep5`" + ` is read too). ospolint reads the first 4 KiB of each file in its single
file pass and reads a file whole only when that start lacks the information.

**Fix:** add a header such as

    // SPDX-FileCopyrightText: 2026 Jane Doe <jane@example.com>
    // SPDX-License-Identifier: Apache-2.0

(` + "`ospolint fix --copyright \"Jane Doe\"`" + ` or ` + "`reuse annotate --license Apache-2.0 --copyright \"Jane Doe\" FILE`" + ` writes it), or, for a directory of generated or
binary files, a ` + "`REUSE.toml`" + ` ` + "`[[annotations]]`" + ` table whose ` + "`path`" + ` covers them.`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.MissingLicense },
	})
}

// REUSE-IgnoreEnd
