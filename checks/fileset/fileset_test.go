// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fileset

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestNewSortsAndFinds: entries in any order, enough for the halves to be
// sorted side by side, come out sorted by path, and every path, directory
// and directory listing is found.
func TestNewSortsAndFinds(t *testing.T) {
	var entries []Entry
	for i := range 9000 {
		entries = append(entries, Entry{Path: fmt.Sprintf("d%02d/s%d/f%04d.c", i%37, i%5, i), Size: int64(i)})
	}
	entries = append(entries, Entry{Path: "README"}, Entry{Path: "d00.c"}, Entry{Path: "d00-x/a"})
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	want := slices.Clone(entries)
	slices.SortFunc(want, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })

	ix := New(entries, nil)
	if !slices.Equal(ix.Files(), want) {
		t.Fatal("files not sorted by path")
	}
	for i, e := range want {
		if got, ok := ix.Lookup(e.Path); !ok || got != e {
			t.Fatalf("Lookup(%s) = %v, %v", e.Path, got, ok)
		}
		if p, _ := ix.Position(e.Path); p != i {
			t.Fatalf("Position(%s) = %d, want %d", e.Path, p, i)
		}
	}
	if n := len(ix.InDir("D01/S1")); n != 9000/37/5+1 && n != 9000/37/5 {
		t.Errorf("InDir(D01/S1) has %d files", n)
	}
	if !ix.IsDir("d36") || !ix.IsDir("d00-x") || ix.IsDir("d00.c") {
		t.Error("IsDir is wrong")
	}
}
