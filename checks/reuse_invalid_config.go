// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/internal/reuse"

func reuseInvalidConfig() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-invalid-config",
		title:   "Invalid REUSE.toml or .reuse/dep5",
		summary: "Every REUSE.toml is valid TOML of version 1, .reuse/dep5 (if any) is a valid DEP5 file, and they are not used together.",
		help: `` + "`REUSE.toml`" + ` (version 1) needs ` + "`version = 1`" + ` and ` + "`[[annotations]]`" + ` tables with a ` + "`path`" + ` (a string or a list of
strings, relative to the file's directory and inside it), an optional ` + "`precedence`" + ` of ` + "`closest`" + `, ` + "`aggregate`" + ` or
` + "`override`" + `, and ` + "`SPDX-FileCopyrightText`" + ` and ` + "`SPDX-License-Identifier`" + ` strings or lists. A table with an error is
ignored; a file that is not TOML covers nothing. ` + "`.reuse/dep5`" + ` (deprecated) must be a machine-readable Debian copyright
file: a header paragraph with ` + "`Format`" + `, then paragraphs with ` + "`Files`" + `, ` + "`Copyright`" + ` and ` + "`License`" + `; like the REUSE tool,
ospolint ignores a dep5 file with any error. REUSE.toml and dep5 must not be used together; the dep5 file is then
ignored.

**Fix:** correct the reported line; ` + "`reuse convert-dep5`" + ` (REUSE tool 4 and later) turns a dep5 file into REUSE.toml.`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.ConfigErrors },
	})
}
