// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"os"
	"path"
)

// HeadReader reads the start of many files of one repository, for a single
// goroutine at a time. On a working tree it keeps the directory it last read
// from open and opens files relative to it, so reading a file costs what
// `head -c` pays (open, stat, read, close) rather than resolving the whole
// path again under the root. Any file the fast path cannot read plainly — a
// symbolic link, an error — goes through ReadHead, so results and error
// messages are the same either way. Close releases the directory.
type HeadReader struct {
	r *Repo
	// dir is the open directory named dirName, or nil.
	dir     *os.File
	dirName string
	dirErr  bool
}

// NewHeadReader returns a reader of r's files; it is not safe for
// concurrent use (give each worker its own).
func NewHeadReader(r *Repo) *HeadReader { return &HeadReader{r: r} }

// ReadHead reads at most n bytes from the start of the regular file name, as
// the package-level ReadHead does.
func (h *HeadReader) ReadHead(name string, n int) ([]byte, error) {
	if h.r.root == nil {
		return ReadHead(h.r.FS, name, n)
	}
	dir, base := path.Split(name)
	if dir == "" {
		dir = "."
	} else {
		dir = dir[:len(dir)-1]
	}
	if dir != h.dirName || (h.dir == nil && !h.dirErr) {
		h.closeDir()
		h.dirName = dir
		// os.Root resolves the directory without leaving the tree.
		f, err := h.r.root.Open(dir)
		if err != nil {
			h.dirErr = true
		} else {
			h.dir = f
		}
	}
	if h.dir != nil {
		if b, ok := readHeadAt(h.dir, base, n); ok {
			return b, nil
		}
	}
	return ReadHead(h.r.FS, name, n)
}

// Close releases the open directory.
func (h *HeadReader) Close() { h.closeDir() }

func (h *HeadReader) closeDir() {
	if h.dir != nil {
		_ = h.dir.Close()
	}
	h.dir, h.dirName, h.dirErr = nil, "", false
}
