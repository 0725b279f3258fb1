// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

import "path"

// SupportFiles lists the files besides p itself that may hold p's licensing
// information: its .license sidecar, a REUSE.toml in its directory or any
// directory above, and .reuse/dep5. Evaluating an index of p and those of
// them that exist gives p's licensing as a whole-repository evaluation
// would, without walking the repository.
func SupportFiles(p string) []string {
	out := []string{p + SidecarSuffix, Dep5Path}
	for d := path.Dir(p); ; d = path.Dir(d) {
		if d == "." {
			return append(out, TOMLName)
		}
		out = append(out, d+"/"+TOMLName)
	}
}
