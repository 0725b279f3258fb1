// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

// wordDiff compares two word sequences (Myers' O(ND) algorithm) and
// reports, for each word of a, whether it is kept in b, and for each word
// of b, whether it is kept from a; the other words are deletions from a
// and insertions in b. It gives up (ok false) past maxEdits edits, so a
// comparison of unrelated texts stays cheap.
func wordDiff(a, b []string, maxEdits int) (keptA, keptB []bool, edits int, ok bool) {
	n, m := len(a), len(b)
	keptA, keptB = make([]bool, n), make([]bool, m)
	maxD := min(n+m, maxEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] is v after d edits, to walk the path back.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		snap := make([]int, len(v))
		copy(snap, v)
		trace = append(trace, snap)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1] // down: an insertion from b
			} else {
				x = v[off+k-1] + 1 // right: a deletion from a
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				backtrack(trace, off, d, n, m, a, b, keptA, keptB)
				return keptA, keptB, d, true
			}
		}
	}
	return nil, nil, maxD, false
}

// backtrack walks the edit path back from (n, m), marking the diagonal
// (kept) words.
func backtrack(trace [][]int, off, d, n, m int, a, b []string, keptA, keptB []bool) {
	x, y := n, m
	for ; d > 0; d-- {
		k := x - y
		prev := trace[d]
		var pk int
		if k == -d || k != d && prev[off+k-1] < prev[off+k+1] {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := prev[off+pk]
		py := px - pk
		for x > px && y > py && x > 0 && y > 0 && a[x-1] == b[y-1] {
			x--
			y--
			keptA[x], keptB[y] = true, true
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x--
		y--
		keptA[x], keptB[y] = true, true
	}
}
