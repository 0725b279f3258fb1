// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// openFDs counts the process's open descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	des, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(des)
}

// TestDeepTree walks and reads a tree far deeper than PATH_MAX allows one
// call to name: every file listed and read right, in sorted and in random
// order, with a bounded number of descriptors held and none left open.
func TestDeepTree(t *testing.T) {
	dir := t.TempDir()
	const depth = 400
	files := deepChain(t, dir, longName, depth)
	before := openFDs(t)
	r := openWorktree(t, dir)
	ix, problems := walkWithin(t, r, WalkOptions{})
	if ix.Len() != depth || len(problems) != 0 {
		t.Fatalf("walked %d files with problems %v, want %d", ix.Len(), problems, depth)
	}
	entries := append([]Entry(nil), ix.Files()...)
	for _, order := range []string{"sorted", "random"} {
		if order == "random" {
			rand.New(rand.NewPCG(3, 4)).Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
		}
		hr := NewHeadReader(r)
		most := 0
		for _, e := range entries {
			got, err := hr.ReadHead(e, 64)
			if err != nil || !bytes.Equal(got, []byte(files[e.Path])) {
				t.Fatalf("%s: %s: %q, %v; want %q", order, e.Path, got, err, files[e.Path])
			}
			if n := hr.chain.held(); n > most {
				most = n
			}
		}
		hr.Close()
		if limit := chainKeep + depth/chainKeep + 1; most > limit {
			t.Errorf("%s: the head reader held %d directories open (limit %d)", order, most, limit)
		}
	}
	_ = r.Close()
	if after := openFDs(t); after > before {
		t.Errorf("%d descriptors open after the walk and reads, %d before", after, before)
	}
}

// TestDeepTreeLinearWork: walking a chain of nested directories and
// reading its files, shallowest or deepest first (in sorted order a
// directory named before the file comes first), resolves a number of
// directory components that grows with the depth, not with its square
// (issue 8: 3,000 levels took 7 s when every directory was opened from the
// root). Counts, not time: 500 levels may cost at most a little over
// twice 250 (deepest first, the head reader opens each level once going
// down and once more coming up, as it keeps only some of those above it
// open), where quadratic work would cost four times.
func TestDeepTreeLinearWork(t *testing.T) {
	work := func(depth int) (walked, headReads, fileReads, upReads int) {
		dir := t.TempDir()
		files := deepChain(t, dir, longName, depth)
		r := openWorktree(t, dir)
		var resolved atomic.Int64
		ix, problems := walkWithin(t, r, WalkOptions{resolved: &resolved})
		if ix.Len() != depth || len(problems) != 0 {
			t.Fatalf("walked %d files with problems %v, want %d", ix.Len(), problems, depth)
		}
		hr := NewHeadReader(r)
		defer hr.Close()
		for _, e := range ix.Files() {
			if b, err := hr.ReadHead(e, 64); err != nil || string(b) != files[e.Path] {
				t.Fatalf("%s: %q, %v", e.Path, b, err)
			}
			if b, err := ReadFile(r.FS, e.Path, 64); err != nil || string(b) != files[e.Path] {
				t.Fatalf("%s: %q, %v", e.Path, b, err)
			}
		}
		rf := r.FS.(*rootFS)
		for _, c := range rf.idle {
			fileReads += c.opens
		}
		up := NewHeadReader(r)
		defer up.Close()
		for i := ix.Len() - 1; i >= 0; i-- {
			e := ix.Files()[i]
			if b, err := up.ReadHead(e, 64); err != nil || string(b) != files[e.Path] {
				t.Fatalf("%s: %q, %v", e.Path, b, err)
			}
		}
		return int(resolved.Load()), hr.chain.opens, fileReads, up.chain.opens
	}
	const small, deep = 250, 500
	w1, h1, f1, u1 := work(small)
	w2, h2, f2, u2 := work(deep)
	t.Logf("directories opened for %d and %d levels: walk %d, %d; head reader %d, %d (deepest first %d, %d); ReadFile %d, %d", small, deep, w1, w2, h1, h2, u1, u2, f1, f2)
	for _, c := range []struct {
		what        string
		small, deep int
	}{{"the walk", w1, w2}, {"the head reader", h1, h2}, {"the head reader, deepest first", u1, u2}, {"ReadFile", f1, f2}} {
		if c.deep > 3*deep || float64(c.deep) > 2.2*float64(c.small) {
			t.Errorf("%s resolved %d directory components for %d levels and %d for %d: not linear", c.what, c.small, small, c.deep, deep)
		}
	}
}

// TestWalkManySubdirs: more subdirectories than the walk keeps open at
// once are walked all the same (the rest opened from the root), and every
// descriptor is closed.
func TestWalkManySubdirs(t *testing.T) {
	dir := t.TempDir()
	n := maxWalkDirFDs + 100
	for i := range n {
		writeTree(t, dir, map[string]fileSpec{fmt.Sprintf("d%04d/sub/f.txt", i): {content: "x"}})
	}
	before := openFDs(t)
	r, err := OpenWorktree(filepath.Clean(dir))
	if err != nil {
		t.Fatal(err)
	}
	ix, problems := walkWithin(t, r, WalkOptions{Workers: 2})
	_ = r.Close()
	if ix.Len() != n || len(problems) != 0 {
		t.Errorf("walked %d files with problems %v, want %d", ix.Len(), problems, n)
	}
	if after := openFDs(t); after > before {
		t.Errorf("%d descriptors open after the walk, %d before", after, before)
	}
}
