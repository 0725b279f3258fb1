// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

// REUSE-IgnoreStart

func reuseMissingCopyright() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-missing-copyright",
		title:   "File without a copyright notice",
		summary: "Every covered file has a copyright notice: in its header, a .license sidecar, REUSE.toml or .reuse/dep5.",
		help: `Each Covered File must name its copyright holders: a line with ` + "`SPDX-FileCopyrightText:`" + `, ` + "`Copyright`" + ` or ` + "`©`" + `
followed by a space, in its header or ` + "`.license`" + ` sidecar, or the ` + "`SPDX-FileCopyrightText`" + ` key of a ` + "`REUSE.toml`" + `
annotation that covers it.

**Fix:** add ` + "`SPDX-FileCopyrightText: <year> <holder>`" + ` next to the file's licence line
(` + "`reuse annotate --copyright \"Jane Doe\" FILE`" + `).`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.MissingCopyright },
	})
}

// REUSE-IgnoreEnd
