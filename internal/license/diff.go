// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

// wordDiff compares two word sequences (Myers' O(ND) algorithm) and
// reports, for each word of a, whether it is kept in b, and for each word
// of b, whether it is kept from a; the other words are deletions from a
// and insertions in b. It gives up (ok false) past maxEdits edits, so a
// comparison of unrelated texts stays cheap: time (n+m)·D, memory D² for
// the path.
func wordDiff(a, b []string, maxEdits int) (keptA, keptB []bool, edits int, ok bool) {
	return myers(a, b, maxEdits, true)
}

// editDistance is the number of words inserted and deleted to turn a into
// b, up to maxEdits (ok false past it): wordDiff without the path, in
// memory D.
func editDistance(a, b []string, maxEdits int) (edits int, ok bool) {
	_, _, edits, ok = myers(a, b, maxEdits, false)
	return edits, ok
}

func myers(a, b []string, maxEdits int, path bool) (keptA, keptB []bool, edits int, ok bool) {
	n, m := len(a), len(b)
	maxD := min(n+m, maxEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] holds v[off-d .. off+d] as it was before edit d+1.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
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
				if path {
					keptA, keptB = make([]bool, n), make([]bool, m)
					backtrack(trace, d, n, m, keptA, keptB)
				}
				return keptA, keptB, d, true
			}
		}
		if path {
			trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		}
	}
	return nil, nil, maxD, false
}

// backtrack walks the edit path back from (n, m) after d edits, marking
// the diagonal (kept) words.
func backtrack(trace [][]int, d, n, m int, keptA, keptB []bool) {
	x, y := n, m
	for ; d > 0; d-- {
		prev := trace[d-1] // v after d-1 edits, indexed from -(d-1)
		at := func(k int) int { return prev[k+d-1] }
		k := x - y
		var pk int
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
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
