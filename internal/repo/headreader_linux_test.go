// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestReadCachedReadsAFreshFile: the non-blocking read of a file just
// written (so in the page cache) returns all of it. A wrong argument to
// preadv2 would not show elsewhere, as every failure falls back to pread.
func TestReadCachedReadsAFreshFile(t *testing.T) {
	dir := t.TempDir()
	want := strings.Repeat("0123456789abcdef", 256)
	p := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(p, []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, len(want))
	n, errno := readCached(int(f.Fd()), buf)
	if errno == unix.EOPNOTSUPP {
		t.Skip("the file system of the temporary directory has no RWF_NOWAIT")
	}
	if errno != 0 || n != len(want) || string(buf) != want {
		t.Fatalf("readCached = %d, %v; want %d bytes", n, errno, len(want))
	}
}

// TestHeadReaderStaysFast: reading regular files on a local file system
// keeps the reader on the raw, non-blocking path, and a directory where a
// file was expected does not turn it off for the files after it.
func TestHeadReaderStaysFast(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]fileSpec{"a.txt": {content: "a\n"}, "b.txt": {content: "b\n"}, "sub/c.txt": {content: "c\n"}})
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil || !localFS[fsMagic(&st)] {
		t.Skipf("the temporary directory is not on a known local file system (%x)", st.Type)
	}
	r := openWorktree(t, dir)
	hr := NewHeadReader(r)
	defer hr.Close()
	for _, e := range []Entry{{Path: "a.txt", Size: 2}, {Path: "sub", Size: 4096}, {Path: "b.txt", Size: 2}} {
		_, _ = hr.ReadHead(e, 16)
	}
	if hr.fast.fs != fsLocal {
		t.Errorf("file system = %d, want local", hr.fast.fs)
	}
	if fsMagic(&st) != unix.TMPFS_MAGIC && hr.fast.plain {
		t.Error("a directory read as a file turned the non-blocking reads off")
	}
}

// TestFIFOInPlaceOfADirectory: a pipe where the walk saw a directory (as
// after a swap) is refused at once by the head reader and the listing.
func TestFIFOInPlaceOfADirectory(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]fileSpec{"README.md": {content: "# x\n"}})
	if err := syscall.Mkfifo(filepath.Join(dir, "d"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := openWorktree(t, dir)
	done := make(chan struct{})
	go func() {
		defer close(done)
		hr := NewHeadReader(r)
		defer hr.Close()
		if _, err := hr.ReadHead(Entry{Path: "d/x.go", Size: 10}, 16); err == nil {
			t.Error("a file under a pipe was read")
		}
		w := &walker{ctx: context.Background(), root: r.root, fsys: r.FS}
		if _, f, err := w.list("d", nil); err == nil || f != nil {
			t.Error("a pipe was listed as a directory")
		}
		// Opened from its parent, as the walk opens subdirectories.
		parent, err := os.Open(dir)
		if err != nil {
			t.Error(err)
			return
		}
		defer parent.Close()
		if f, err := openSubdir(parent, "d"); err == nil {
			_ = f.Close()
			t.Error("a pipe was opened as a directory")
		}
	}()
	select {
	case <-done:
	case <-time.After(hangGuard):
		t.Fatal("opening a pipe in place of a directory blocked")
	}
}

// TestStatHeadAt: the walk's head read gives each file's size and first
// bytes, with an fstat only for files longer than the head, and refuses
// (without blocking) what is not a regular file any more: a pipe or a
// directory where the listing saw a file.
func TestStatHeadAt(t *testing.T) {
	dir := t.TempDir()
	const n = 4096
	sizes := map[string]int{"empty": 0, "one": 1, "short": n - 1, "exact": n, "longer": n + 1, "big": 3*n + 7}
	for name, size := range sizes {
		if err := os.WriteFile(filepath.Join(dir, name), bytes.Repeat([]byte{'a' + byte(size%26)}, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := unix.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, plain := range []bool{false, true} {
		var s fastState
		s.plain = plain
		buf := make([]byte, n)
		for name, size := range sizes {
			head, of, ok := statHeadAt(d, name, n, buf, &s)
			if !ok {
				t.Fatalf("%s (plain %v): not read", name, plain)
			}
			if of.size != int64(size) || len(head) != min(size, n) {
				t.Errorf("%s (plain %v): size %d, head %d bytes; want %d, %d", name, plain, of.size, len(head), size, min(size, n))
			}
			whole, err := of.readAll(1<<20, nil)
			if err != nil || len(whole) != size {
				t.Errorf("%s: whole read %d bytes, %v", name, len(whole), err)
			}
			of.close()
		}
		for _, name := range []string{"fifo", "sub", "missing"} {
			if _, _, ok := statHeadAt(d, name, n, buf, &s); ok {
				t.Errorf("%s (plain %v) read as a file", name, plain)
			}
		}
	}
}
