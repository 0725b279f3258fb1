// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

func reuseReadError() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-read-error",
		title:   "Covered file that cannot be read",
		summary: "Every covered file can be read, so its licensing information can be checked.",
		help: `A file that cannot be read (permissions, I/O error) cannot show its licensing information; ` + "`reuse lint`" + ` fails on
it too.

**Fix:** make the file readable, or exclude it from the scan (and from git) if it is not part of the project.`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.ReadErrors },
	})
}
