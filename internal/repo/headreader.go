// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"os"
	"path"
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
	// dir is the open directory named dirName, or nil.
	dir     *os.File
	dirName string
	dirErr  bool
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
		// os.Root resolves the directory without leaving the tree.
		f, err := openDir(h.r.root, dir)
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

// Close releases the open directory.
func (h *HeadReader) Close() { h.closeDir() }

func (h *HeadReader) closeDir() {
	if h.dir != nil {
		_ = h.dir.Close()
	}
	h.dir, h.dirName, h.dirErr, h.fast = nil, "", false, fastState{plain: h.plainReads}
}
