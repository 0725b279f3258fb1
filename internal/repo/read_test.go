// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"testing"
	"time"
)

// errClass names the kind of a read error, which the fast path (files
// opened from their directory, kept open) and the general one (the os.Root's
// FS) must agree on.
func errClass(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, ErrTooLarge):
		return "too large"
	case errors.Is(err, ErrNotRegular):
		return "not regular"
	case errors.Is(err, fs.ErrNotExist):
		return "not found"
	default:
		return "error"
	}
}

// TestReadFastPathMatchesRoot reads every path of the fast-path tree (links
// in and out, a loop, a pipe, directories, missing files, a file at exactly
// the limit and one past it) through the working tree's FS, whose ReadFile,
// ReadFileBuf and ReadHead open files from directories kept open, and
// through the plain os.Root FS: the same bytes and the same kind of error,
// from several goroutines at once (the directory chains are shared through
// a pool), and no call blocks.
func TestReadFastPathMatchesRoot(t *testing.T) {
	dir := fastPathTree(t)
	r := openWorktree(t, dir)
	if _, ok := r.FS.(*rootFS); !ok {
		t.Fatalf("a working tree's FS is %T, want *rootFS", r.FS)
	}
	plain := r.root.FS()
	paths := []string{
		"README.md", "empty", "big.txt", "a/b/c/deep.go", "a/b/sibling.go", "a/z.txt", "link-in", "a/link-up",
		"link-out", "link-dir", "loop/x", "with space/é.md", "crlf.txt", "a/pipe", "pipe-link", "link-dir/z.txt",
		"a", "a/b", ".", "missing.txt", "a/missing/x.go", "../README.md", "/README.md", "a//z.txt",
	}
	// 9 is the size of README.md, 10000 that of big.txt: a file exactly at
	// the limit reads, one byte more does not.
	limits := []int64{1, 8, 9, 16, 9999, 10000, 1 << 20}
	check := func(worker int) {
		var buf []byte
		for _, p := range paths {
			for _, limit := range limits {
				want, wantErr := ReadFile(plain, p, limit)
				got, gotErr := ReadFileBuf(r.FS, p, limit, buf)
				if string(got) != string(want) || errClass(gotErr) != errClass(wantErr) {
					t.Errorf("worker %d: ReadFile(%q, %d) = %q, %v; the os.Root FS gives %q, %v", worker, p, limit, got, gotErr, want, wantErr)
				}
				if gotErr == nil {
					buf = got
				}
				head, headErr := ReadHead(r.FS, p, int(limit))
				wantHead, wantHeadErr := ReadHead(plain, p, int(limit))
				if string(head) != string(wantHead) || errClass(headErr) != errClass(wantHeadErr) {
					t.Errorf("worker %d: ReadHead(%q, %d) = %q, %v; the os.Root FS gives %q, %v", worker, p, limit, head, headErr, wantHead, wantHeadErr)
				}
			}
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() { check(w) })
		}
		wg.Wait()
	}()
	select {
	case <-done:
	case <-time.After(hangGuard):
		t.Fatal("reading blocked (a pipe opened for reading?)")
	}
	if _, err := ReadFile(r.FS, "link-out", 1<<20); err == nil {
		t.Error("a link out of the tree was read")
	}
}

// TestReadFileBufReusesStorage: a buffer large enough is read into, so a
// caller parsing many files allocates once; a smaller one is not written
// past.
func TestReadFileBufReusesStorage(t *testing.T) {
	dir := fastPathTree(t)
	r := openWorktree(t, dir)
	for _, fsys := range []fs.FS{r.FS, r.root.FS()} {
		name := fmt.Sprintf("%T", fsys)
		buf := make([]byte, 0, 64)
		got, err := ReadFileBuf(fsys, "a/b/c/deep.go", 1<<20, buf)
		if err != nil || string(got) != "package c\n" {
			t.Fatalf("%s: ReadFileBuf = %q, %v", name, got, err)
		}
		if &got[:1][0] != &buf[:1][0] {
			t.Errorf("%s: a 64-byte buffer was not used for a 10-byte file", name)
		}
		small := make([]byte, 0, 4)
		got, err = ReadFileBuf(fsys, "README.md", 1<<20, small)
		if err != nil || string(got) != "# readme\n" || string(small[:4]) != "\x00\x00\x00\x00" {
			t.Errorf("%s: ReadFileBuf into a 4-byte buffer = %q, %v; buffer now %q", name, got, err, small[:4])
		}
		if allocs := testing.AllocsPerRun(20, func() {
			got, err = ReadFileBuf(fsys, "a/z.txt", 1<<20, buf)
		}); err != nil || string(got) != "z\n" || (fsys == r.FS && allocs > 2) {
			t.Errorf("%s: ReadFileBuf = %q, %v with %.0f allocations a read", name, got, err, allocs)
		}
	}
}
