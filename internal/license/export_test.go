// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import "strings"

// PoolLoaded reports whether this process loaded the SPDX pool's index
// (for the tests of package license_test).
func PoolLoaded() bool { return poolReady.Load() }

// CompiledPatterns is the number of patterns the pattern interpreter
// compiled in this process: of the SPDX pool, and of licensecheck's set
// (the first tier compiles the pattern of a licence it matched, to tell
// the words its wildcards took).
func CompiledPatterns() (pooled, builtin int) {
	progMu.Lock()
	defer progMu.Unlock()
	for key := range progs {
		if strings.HasPrefix(key, "licensecheck:") {
			builtin++
		} else {
			pooled++
		}
	}
	return pooled, builtin
}
