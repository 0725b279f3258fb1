// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortFindings: merging the sorted runs findings come in gives the
// order a stable sort gives (equal findings keep their order), for inputs
// of one run, a few, and many (then sorted outright).
func TestSortFindings(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for _, runs := range []int{1, 2, 3, 5, 12, 63, 64, 65, 200} {
		var fs []Finding
		for r := range runs {
			n := rng.IntN(40)
			var run []Finding
			for i := range n {
				run = append(run, Finding{Path: fmt.Sprintf("p%02d", rng.IntN(30)), Line: rng.IntN(3), Check: fmt.Sprintf("c%d", r%4),
					Message: fmt.Sprintf("m%d", rng.IntN(2)), Fingerprint: fmt.Sprintf("%d-%d", r, i)})
			}
			if r%3 != 2 {
				// Most checks report in path order.
				slices.SortStableFunc(run, func(a, b Finding) int { return compareFindings(&a, &b) })
			}
			fs = append(fs, run...)
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, func(a, b Finding) int { return compareFindings(&a, &b) })
		sortFindings(fs)
		for i := range fs {
			if fs[i].Fingerprint != want[i].Fingerprint {
				t.Fatalf("%d runs: finding %d is %+v, want %+v", runs, i, fs[i], want[i])
			}
		}
	}
}
