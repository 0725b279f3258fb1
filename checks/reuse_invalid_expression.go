// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

// REUSE-IgnoreStart

func reuseInvalidExpression() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-invalid-expression",
		title:   "Invalid SPDX licence expression",
		summary: "Every SPDX-License-Identifier value (in headers, sidecars, REUSE.toml and .reuse/dep5) is a valid SPDX licence expression.",
		help: `The value of ` + "`SPDX-License-Identifier:`" + ` must be an SPDX licence expression (SPDX 2.3, Annex D): identifiers joined
by ` + "`AND`" + `, ` + "`OR`" + ` and ` + "`WITH`" + ` (upper or lower case), with parentheses, such as ` + "`(GPL-2.0-only OR BSD-2-Clause)`" + ` or
` + "`Apache-2.0 WITH LLVM-exception`" + `. A licence name in words (` + "`MIT License`" + `), a stray character (` + "`GPL-2.0+159`" + `), a
missing operator or an unbalanced parenthesis makes the line meaningless to tools. ospolint checks the grammar with
github.com/github/go-spdx. A tag in code or documentation that is not the file's own licensing information belongs
between ` + "`REUSE-IgnoreStart`" + ` and ` + "`REUSE-IgnoreEnd`" + ` comments.

**Fix:** write the expression with identifiers from https://spdx.org/licenses/.`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.InvalidExpressions },
	})
}

// REUSE-IgnoreEnd
