// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b      string
		edits     int
		ins, dels string
	}{
		{"a b c", "a b c", 0, "", ""},
		{"a b c", "a x b c", 1, "x", ""},
		{"a b c d", "a c d y", 2, "y", "b"},
		{"", "a b", 2, "a b", ""},
		{"the quick brown fox", "the slow brown dog", 4, "slow dog", "quick fox"},
	} {
		a, b := strings.Fields(c.a), strings.Fields(c.b)
		ka, kb, d, ok := wordDiff(a, b, 100)
		if d2, ok2 := editDistance(a, b, 100); d2 != d || ok2 != ok {
			t.Errorf("%q -> %q: editDistance %d (ok %v), wordDiff %d", c.a, c.b, d2, ok2, d)
		}
		if !ok || d != c.edits {
			t.Errorf("%q -> %q: %d edits (ok %v), want %d", c.a, c.b, d, ok, c.edits)
			continue
		}
		var ins, dels []string
		for i, k := range kb {
			if !k {
				ins = append(ins, b[i])
			}
		}
		for i, k := range ka {
			if !k {
				dels = append(dels, a[i])
			}
		}
		if strings.Join(ins, " ") != c.ins || strings.Join(dels, " ") != c.dels {
			t.Errorf("%q -> %q: inserted %q deleted %q, want %q and %q", c.a, c.b, ins, dels, c.ins, c.dels)
		}
	}
	if _, _, _, ok := wordDiff(strings.Fields("a b c d e f"), strings.Fields("u v w x y z"), 5); ok {
		t.Error("unrelated texts: the bound did not stop the comparison")
	}
}
