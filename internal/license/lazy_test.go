// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import "testing"

// TestLazyPatternsCompile: every pattern compiled on first use compiles,
// as they all did when the package started.
func TestLazyPatternsCompile(t *testing.T) {
	if len(lazies) < 60 {
		t.Fatalf("%d lazy patterns, want the package's sixty-odd", len(lazies))
	}
	for _, l := range lazies {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%q: %v", l.src, r)
				}
			}()
			l.get()
		}()
	}
}
