// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"os"
	"path"
	"strings"
)

// HeadReader reads the start of many files of one repository, for a single
// goroutine at a time. On a working tree it keeps the directory it last read
// from open, opens files relative to it and reads into one buffer, so
// reading a cached file costs three system calls (open, read, close: one
// fewer than `head -c`) and no allocation, rather than resolving the whole
// path again under the root. Any file the fast path cannot read plainly — a
// symbolic link, an empty file, an error, a file shorter than the walk saw
// or no longer a file — goes through ReadHead, so for files unchanged since
// the walk the results and error messages are the same either way. Close
// releases the directory.
type HeadReader struct {
	r *Repo
	// dir is the open directory named dirName (held by chain), or nil.
	dir     *os.File
	dirName string
	dirErr  bool
	chain   dirChain
	// buf is reused from one file to the next.
	buf []byte
	// fast is what the fast path learnt about dir.
	fast fastState
	// plainReads turns the non-blocking reads off, for tests.
	plainReads bool
}

// fastState is what the fast path learns about the directory it reads
// from; HeadReader resets it with each directory.
type fastState struct {
	// fs says whether the directory is on a local file system, where the
	// fast path makes raw system calls: fsUnknown until the first read.
	fs int8
	// plain is set once the file system turns non-blocking reads down.
	plain bool
}

const (
	fsUnknown int8 = iota
	fsLocal
	fsOther
)

// NewHeadReader returns a reader of r's files; it is not safe for
// concurrent use (give each worker its own).
func NewHeadReader(r *Repo) *HeadReader { return &HeadReader{r: r} }

// ReadHead reads at most n bytes from the start of the file of the index
// entry e, as the package-level ReadHead does, except that on the fast path
// the size the walk measured bounds the read: a file that grew since the
// walk reads as it was walked. The bytes are valid until the next call: the
// reader reuses its buffer.
func (h *HeadReader) ReadHead(e Entry, n int) ([]byte, error) {
	if h.r.root == nil || e.Symlink || e.Size <= 0 || n <= 0 {
		return ReadHead(h.r.FS, e.Path, n)
	}
	dir, base := path.Split(e.Path)
	if dir == "" {
		dir = "."
	} else {
		dir = dir[:len(dir)-1]
	}
	if dir != h.dirName || (h.dir == nil && !h.dirErr) {
		h.closeDir()
		h.dirName = dir
		f, err := h.chain.open(h.r.root, dir)
		if err != nil {
			h.dirErr = true
		} else {
			h.dir = f
		}
	}
	if h.dir != nil {
		if cap(h.buf) < n {
			h.buf = make([]byte, n)
		}
		if b, ok := readHeadAt(h.dir, base, int(min(e.Size, int64(n))), h.buf, &h.fast); ok {
			return b, nil
		}
	}
	return ReadHead(h.r.FS, e.Path, n)
}

// Close releases the open directories.
func (h *HeadReader) Close() {
	h.closeDir()
	h.chain.close()
}

// closeDir forgets the current directory (the chain keeps it open) and
// what was learnt of its file system.
func (h *HeadReader) closeDir() {
	h.dir, h.dirName, h.dirErr, h.fast = nil, "", false, fastState{plain: h.plainReads}
}

// chainKeep is how many levels of a dirChain stay open below the deepest
// directory, and the spacing of those kept above them.
const chainKeep = 32

// dirChain keeps directories open along the path last read from, so the
// next directory is opened from its nearest open ancestor — one openat per
// component below that ancestor, without following links — rather than
// resolved from the root again: reading the files of a 3,000-level tree
// takes thousands of opens, not millions. The last chainKeep levels stay
// open, and every chainKeep-th above them, so the descriptors held grow
// with depth/chainKeep and a move costs at most chainKeep opens.
type dirChain struct {
	root  *os.File   // the top, opened through the os.Root
	names []string   // the components of the deepest open path
	fds   []*os.File // fds[i] is names[:i+1], or nil when closed to save descriptors
	// thinned is how many levels from the top are thinned out already.
	thinned int
	// opens counts the directories opened, for tests of the cost.
	opens int
}

// open returns the directory dir ("." for the top) of the tree rooted at
// r; the chain owns it.
func (c *dirChain) open(r *os.Root, dir string) (*os.File, error) {
	if c.root == nil {
		f, err := openDir(r, ".")
		if err != nil {
			return nil, err
		}
		c.root = f
		c.opens++
	}
	if dir == "." {
		dir = ""
	}
	// k components of dir are open already: those it shares with the
	// current path, compared in place (splitting whole paths at every
	// directory would cost as much as the opens saved).
	k, rest := 0, dir
	for k < len(c.names) {
		name := c.names[k]
		if !strings.HasPrefix(rest, name) || (len(rest) > len(name) && rest[len(name)] != '/') {
			break
		}
		k++
		rest = strings.TrimPrefix(rest[len(name):], "/")
		if rest == "" {
			break
		}
	}
	c.truncate(k)
	base, j := c.root, 0
	for i := k - 1; i >= 0; i-- {
		if c.fds[i] != nil {
			base, j = c.fds[i], i+1
			break
		}
	}
	// Levels j..k-1 were closed to save descriptors: reopen them.
	c.thinned = min(c.thinned, j)
	for i := j; i < k; i++ {
		c.opens++
		f, err := openSubdir(base, c.names[i])
		if err != nil {
			c.truncate(i)
			return nil, err
		}
		c.fds[i], base = f, f
	}
	for rest != "" {
		name, more, _ := strings.Cut(rest, "/")
		c.opens++
		f, err := openSubdir(base, name)
		if err != nil {
			return nil, err
		}
		c.names = append(c.names, name)
		c.fds = append(c.fds, f)
		base, rest = f, more
	}
	for ; c.thinned < len(c.fds)-chainKeep; c.thinned++ {
		if i := c.thinned; (i+1)%chainKeep != 0 && c.fds[i] != nil {
			_ = c.fds[i].Close()
			c.fds[i] = nil
		}
	}
	return base, nil
}

// truncate closes the levels from n down.
func (c *dirChain) truncate(n int) {
	for i := n; i < len(c.fds); i++ {
		if c.fds[i] != nil {
			_ = c.fds[i].Close()
		}
	}
	c.names, c.fds = c.names[:n], c.fds[:n]
	c.thinned = min(c.thinned, n)
}

// held is how many directories the chain holds open.
func (c *dirChain) held() int {
	n := 0
	if c.root != nil {
		n++
	}
	for _, f := range c.fds {
		if f != nil {
			n++
		}
	}
	return n
}

func (c *dirChain) close() {
	c.truncate(0)
	if c.root != nil {
		_ = c.root.Close()
		c.root = nil
	}
}
