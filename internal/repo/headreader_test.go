// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fastPathTree is a working tree with what the raw directory listing and
// HeadReader's fast path must treat exactly as the generic io/fs path does.
func fastPathTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	outside := t.TempDir()
	writeTree(t, outside, map[string]fileSpec{"secret.txt": {content: "top secret\n"}})
	writeTree(t, dir, map[string]fileSpec{
		"README.md":          {content: "# readme\n"},
		"empty":              {content: ""},
		"big.txt":            {content: strings.Repeat("0123456789", 1000)},
		"a/b/c/deep.go":      {content: "package c\n"},
		"a/b/sibling.go":     {content: "package b\n"},
		"a/z.txt":            {content: "z\n"},
		"link-in":            {link: "a/z.txt"},
		"a/link-up":          {link: "../README.md"},
		"link-out":           {link: filepath.Join(outside, "secret.txt")},
		"link-dir":           {link: "a"},
		"loop/x":             {link: "y"},
		"loop/y":             {link: "x"},
		"with space/é.md":    {content: "unicode\n"},
		"crlf.txt":           {content: "one\r\ntwo\r\n"},
		"locked/private.txt": {content: "private\n"},
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "a", "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{"pipe-link": {link: "a/pipe"}})
	return dir
}

// walkedEntry is p's entry as the walk records it, or, for what the walk
// does not list (a pipe, a directory, a missing file), an entry with the
// size lstat gives or an arbitrary one.
func walkedEntry(t *testing.T, idx *Index, dir, p string) Entry {
	t.Helper()
	if e, ok := idx.Lookup(p); ok {
		return e
	}
	e := Entry{Path: p, Size: 10}
	if info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p))); err == nil {
		e.Size = info.Size()
		e.Symlink = info.Mode()&os.ModeSymlink != 0
	}
	return e
}

// TestHeadReaderMatchesReadHead reads every path, including links, a pipe,
// directories and missing files, both ways: same bytes, same errors, and no
// call blocks; with non-blocking reads and with plain ones, and with entries
// whose size is wrong (a pipe or directory the walk took for a file).
func TestHeadReaderMatchesReadHead(t *testing.T) {
	dir := fastPathTree(t)
	r := openWorktree(t, dir)
	idx, _, err := Walk(context.Background(), r, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{
		"README.md", "empty", "big.txt", "a/b/c/deep.go", "a/b/sibling.go", "a/z.txt", "link-in", "a/link-up",
		"link-out", "link-dir", "loop/x", "loop/y", "with space/é.md", "crlf.txt", "a/pipe", "pipe-link",
		"a", "a/b", "missing.txt", "a/missing/x.go", "locked/private.txt", "README.md", "a/b/c/deep.go",
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, plain := range []bool{false, true} {
			hr := NewHeadReader(r)
			hr.plainReads = plain
			for _, n := range []int{1, 16, 4096} {
				for _, p := range paths {
					entries := []Entry{walkedEntry(t, idx, dir, p)}
					if _, listed := idx.Lookup(p); !listed {
						entries = append(entries, Entry{Path: p, Size: 4096})
					}
					for _, e := range entries {
						got, gotErr := hr.ReadHead(e, n)
						want, wantErr := ReadHead(r.FS, p, n)
						if string(got) != string(want) {
							t.Errorf("ReadHead(%+v, %d) plain=%v = %q, want %q", e, n, plain, got, want)
						}
						if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
							t.Errorf("ReadHead(%+v, %d) error = %v, want %v", e, n, gotErr, wantErr)
						}
						if errors.Is(gotErr, ErrNotRegular) != errors.Is(wantErr, ErrNotRegular) {
							t.Errorf("ReadHead(%q): ErrNotRegular differs: %v vs %v", p, gotErr, wantErr)
						}
					}
				}
			}
			hr.Close()
		}
	}()
	select {
	case <-done:
	case <-time.After(hangGuard):
		t.Fatal("reading heads blocked (a pipe opened for reading?)")
	}
	hr := NewHeadReader(r)
	defer hr.Close()
	if b, err := hr.ReadHead(Entry{Path: "a/pipe", Size: 10}, 10); !errors.Is(err, ErrNotRegular) || len(b) != 0 {
		t.Errorf("pipe: %q, %v; want ErrNotRegular", b, err)
	}
	if _, err := hr.ReadHead(Entry{Path: "link-out", Size: 10}, 10); err == nil {
		t.Error("a link out of the tree was read")
	}
	if b, err := hr.ReadHead(walkedEntry(t, idx, dir, "big.txt"), 12); err != nil || string(b) != "012345678901" {
		t.Errorf("big.txt head = %q, %v", b, err)
	}
}

// TestHeadReaderChangedSinceWalk: a file that shrank since the walk is read
// as it is now; one that grew reads as far as the walk saw it, as a
// complete file the size of its entry.
func TestHeadReaderChangedSinceWalk(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]fileSpec{
		"shrank.txt": {content: "a long first version\n"},
		"grew.txt":   {content: "short\n"},
	})
	r := openWorktree(t, dir)
	idx, _, err := Walk(context.Background(), r, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{
		"shrank.txt": {content: "short\n"},
		"grew.txt":   {content: "short\nand more\n"},
	})
	hr := NewHeadReader(r)
	defer hr.Close()
	for p, want := range map[string]string{"shrank.txt": "short\n", "grew.txt": "short\n"} {
		got, err := hr.ReadHead(walkedEntry(t, idx, dir, p), 4096)
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", p, got, err, want)
		}
	}
}

// TestRawListingMatchesReadDir walks the same tree with the raw directory
// listing (working tree) and with io/fs only: the same index and problems.
func TestRawListingMatchesReadDir(t *testing.T) {
	dir := fastPathTree(t)
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(dir, "locked"), 0o755) })
	r := openWorktree(t, dir)
	if r.root == nil {
		t.Fatal("a working tree should have a root for the fast path")
	}
	generic := &Repo{Name: r.Name, Kind: r.Kind, FS: r.FS, Ignore: r.Ignore}
	fast, fastProblems, err := Walk(context.Background(), r, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	slow, slowProblems, err := Walk(context.Background(), generic, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(slow.Files(), fast.Files()); d != "" {
		t.Errorf("index (-io/fs +raw):\n%s", d)
	}
	if d := cmp.Diff(slowProblems, fastProblems); d != "" {
		t.Errorf("problems (-io/fs +raw):\n%s", d)
	}
	if e, ok := fast.Lookup("big.txt"); !ok || e.Size != 10000 {
		t.Errorf("big.txt entry = %+v, %v; want size 10000", e, ok)
	}
}
