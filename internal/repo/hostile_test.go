// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// hangGuard is how long a test waits before it calls an operation that
// should never block (a FIFO, a pipe in place of a directory) hung. It is a
// failure detector, not a speed limit: speed is measured by the benchmarks.
const hangGuard = time.Minute

// walkWithin walks r and fails the test if the walk has not finished within
// hangGuard: a walk that blocks (on a FIFO, say) must fail rather than hang
// the suite. The walk goroutine is left behind in that case.
func walkWithin(t *testing.T, r *Repo, opt WalkOptions) (*Index, []Problem) {
	t.Helper()
	type result struct {
		ix       *Index
		problems []Problem
		err      error
	}
	done := make(chan result, 1)
	go func() {
		ix, ps, err := Walk(context.Background(), r, opt)
		done <- result{ix, ps, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			t.Fatalf("walk: %v", res.err)
		}
		return res.ix, res.problems
	case <-time.After(hangGuard):
		t.Fatalf("walk did not finish within %v", hangGuard)
		return nil, nil
	}
}

func openWorktree(t *testing.T, dir string) *Repo {
	t.Helper()
	r, err := OpenWorktree(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

func problemAt(ps []Problem, p string) (Problem, bool) {
	for _, pr := range ps {
		if pr.Path == p {
			return pr, true
		}
	}
	return Problem{}, false
}

func TestWalkHostileWorktree(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	writeTree(t, outside, map[string]fileSpec{"secret.txt": {content: "top secret\n"}, "sub/inner.txt": {content: "x"}})
	relOutside, err := filepath.Rel(filepath.Join(dir, "out"), filepath.Join(outside, "secret.txt"))
	if err != nil {
		t.Fatal(err)
	}
	binary := []byte{0x7f, 'E', 'L', 'F', 0, 0, 0xff, 0xfe, 0, 1}
	writeTree(t, dir, map[string]fileSpec{
		"README.md":         {content: "# hostile\n"},
		"loop/a":            {link: "b"},
		"loop/b":            {link: "a"},
		"loop/self":         {link: "."},
		"loop/up":           {link: ".."},
		"loop/deeper":       {link: "deeper/x"},
		"out/abs-file":      {link: filepath.Join(outside, "secret.txt")},
		"out/rel-file":      {link: relOutside},
		"out/abs-dir":       {link: outside},
		"out/rel-dir":       {link: "../../.."},
		"out/passwd":        {link: "../../etc/passwd"},
		"ok-link":           {link: "README.md"},
		"blob.bin":          {content: string(binary)},
		"latin1.txt":        {content: "caf\xe9 cr\xe8me\r\n"},
		"bad\xffname.txt":   {content: "invalid utf-8 name\n"},
		"with space.md":     {content: "space\n"},
		"new\nline.txt":     {content: "newline\n"},
		"ünïcødé/文件.md":     {content: "unicode\n"},
		".git/config":       {content: "[core]\n"},
		".git/objects/x/y":  {content: "object\n"},
		"locked/hidden.txt": {content: "hidden\n"},
	})
	deep := "d0"
	for i := 1; i < 20; i++ {
		deep += "/d" + string(rune('0'+i/10)) + string(rune('0'+i%10))
	}
	writeTree(t, dir, map[string]fileSpec{deep + "/deep.txt": {content: "deep\n"}})
	if err := os.MkdirAll(filepath.Join(dir, "empty", "a", "b", "c"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{"pipe-link": {link: "pipe"}})
	big := filepath.Join(dir, "big.bin")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 1<<30); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })

	r := openWorktree(t, dir)
	ix, problems := walkWithin(t, r, WalkOptions{})

	for _, p := range []string{
		"README.md", "ok-link", "blob.bin", "latin1.txt", "with space.md",
		"new\nline.txt", "ünïcødé/文件.md", deep + "/deep.txt", "big.bin",
	} {
		if _, ok := ix.Lookup(p); !ok {
			t.Errorf("%q missing from the index", p)
		}
	}
	for _, p := range []string{"pipe", "pipe-link", ".git/config", ".git/objects/x/y", "loop/self", "loop/up"} {
		if _, ok := ix.Lookup(p); ok {
			t.Errorf("%q must not be indexed", p)
		}
	}
	for _, e := range ix.Files() {
		if strings.Contains(e.Path, "secret") || strings.Contains(e.Path, "inner.txt") || strings.HasPrefix(e.Path, "loop/self/") {
			t.Errorf("walk left the tree or followed a directory link: %q", e.Path)
		}
	}
	for _, p := range []string{"loop/a", "loop/b", "loop/deeper", "out/abs-file", "out/rel-file", "out/abs-dir", "out/rel-dir", "out/passwd"} {
		e, ok := ix.Lookup(p)
		if !ok || !e.Symlink || !e.Escapes {
			t.Errorf("%q = %+v (indexed %v), want an escaping symlink", p, e, ok)
		}
		if _, ok := problemAt(problems, p); !ok {
			t.Errorf("no problem reported for %q", p)
		}
		if _, err := ReadFile(r.FS, p, 1<<20); err == nil {
			t.Errorf("ReadFile(%q) succeeded through an escaping link", p)
		}
	}
	if e, _ := ix.Lookup("ok-link"); !e.Symlink || e.Escapes || e.Size != int64(len("# hostile\n")) {
		t.Errorf("ok-link = %+v, want a followed link", e)
	}
	if ix.IsDir("empty") || len(ix.Under("empty")) != 0 {
		t.Error("an empty directory tree shows in the index")
	}

	if e, _ := ix.Lookup("big.bin"); e.Size != 1<<30 {
		t.Errorf("big.bin size = %d", e.Size)
	}
	// A limit bounds the work, not just the result: a 1 GiB file is read
	// no further than the limit.
	counted := &countingFS{StatFS: r.FS.(fs.StatFS)}
	if _, err := ReadFile(counted, "big.bin", 1<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadFile(big.bin) = %v, want ErrTooLarge", err)
	}
	if n := counted.read.Load(); n > 1<<20+1 {
		t.Errorf("ReadFile(big.bin) with a 1 MiB limit read %d bytes", n)
	}
	counted.read.Store(0)
	if head, err := ReadHead(counted, "big.bin", 512); err != nil || len(head) != 512 {
		t.Errorf("ReadHead(big.bin) = %d bytes, %v", len(head), err)
	}
	if n := counted.read.Load(); n != 512 {
		t.Errorf("ReadHead(big.bin, 512) read %d bytes", n)
	}

	for p, want := range map[string][]byte{
		"blob.bin":      binary,
		"latin1.txt":    []byte("caf\xe9 cr\xe8me\r\n"),
		"new\nline.txt": []byte("newline\n"),
	} {
		got, err := ReadFile(r.FS, p, 1<<20)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", p, got, err, want)
		}
	}

	// io/fs paths must be UTF-8 (fs.ValidPath), so such a name can be listed
	// but never opened: reading it must fail cleanly, not panic or hang.
	if _, ok := ix.Lookup("bad\xffname.txt"); ok {
		if _, err := ReadFile(r.FS, "bad\xffname.txt", 1<<20); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("ReadFile(invalid UTF-8 name) = %v, want fs.ErrInvalid", err)
		}
	} else if _, ok := problemAt(problems, "bad\xffname.txt"); !ok {
		t.Error("invalid UTF-8 name neither indexed nor reported")
	}

	_, hidden := ix.Lookup("locked/hidden.txt")
	pr, reported := problemAt(problems, "locked")
	if os.Geteuid() == 0 {
		// Permissions do not bind root: the directory is simply read.
		if !hidden && !reported {
			t.Error("locked/ neither read nor reported")
		}
	} else {
		if hidden || !reported || !strings.Contains(pr.Message, "permission denied") {
			t.Errorf("locked/: indexed %v, problem %+v; want a permission problem", hidden, pr)
		}
	}
	for _, pr := range problems {
		if strings.Contains(pr.Message, dir) || strings.Contains(pr.Message, outside) {
			t.Errorf("problem names an absolute path: %+v", pr)
		}
	}
}

// TestWalkSymlinkedRootLoop checks a tree whose every directory links back
// to the root: a walk that followed directory links would never end.
func TestWalkSymlinkedRootLoop(t *testing.T) {
	dir := t.TempDir()
	files := map[string]fileSpec{"x.txt": {content: "x"}}
	for _, d := range []string{"a", "a/b", "a/b/c"} {
		files[d+"/root"] = fileSpec{link: strings.Repeat("../", strings.Count(d, "/")+1)}
		files[d+"/here"] = fileSpec{link: "."}
	}
	writeTree(t, dir, files)
	ix, _ := walkWithin(t, openWorktree(t, dir), WalkOptions{Workers: 2})
	if ix.Len() != 1 {
		t.Errorf("index = %v, want only x.txt", ix.Files())
	}
}

func TestWalkCancelled(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]fileSpec{"a/b.txt": {content: "b"}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Walk(ctx, openWorktree(t, dir), WalkOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("walk with a cancelled context = %v, want context.Canceled", err)
	}
}

// countingFS counts the bytes read from the files it opens.
type countingFS struct {
	fs.StatFS
	read atomic.Int64
}

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.StatFS.Open(name)
	if err != nil {
		return nil, err
	}
	return &countingFile{File: f, n: &c.read}, nil
}

type countingFile struct {
	fs.File
	n *atomic.Int64
}

func (f *countingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.n.Add(int64(n))
	return n, err
}
