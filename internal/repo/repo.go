// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package repo presents a repository — a working tree, a git revision or a
// fresh clone — as one read-only io/fs.FS plus a file index built by a single
// parallel walk.
package repo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Kind says where a repository's files come from.
type Kind string

// Repository kinds.
const (
	KindWorktree Kind = "worktree"
	KindRevision Kind = "revision"
	KindClone    Kind = "clone"
)

// Repo is an opened repository. Its FS follows symbolic links only while they
// stay inside the repository.
type Repo struct {
	// Name is the target as the user gave it (path or redacted URL).
	Name string
	Kind Kind
	// Revision is the commit hash for git views, empty for a working tree
	// read from disk.
	Revision string
	FS       fs.FS
	// Ignore reports whether .gitignore rules apply to this view (working
	// trees only: a revision holds tracked files only).
	Ignore bool

	// git locates the git dir of a working tree whose ".git" is a file
	// (linked worktrees, submodules) or a link; nil otherwise.
	git *gitLayout
	// root is the directory of a working tree or clone read from disk, for
	// HeadReader's fast path; nil for git revisions.
	root   *os.Root
	closer func() error
}

// ErrObjectUnreadable is wrapped by Repo.Err: a git view met an object it
// could not read (missing from the store and its alternates, corrupt), so
// what was scanned is not the whole revision.
var ErrObjectUnreadable = errors.New("git objects cannot be read")

// Err reports the first object of a git view that could not be read, so a
// scan that met one fails rather than judging part of the tree; nil for a
// working tree.
func (r *Repo) Err() error {
	t, ok := r.FS.(*treeFS)
	if !ok {
		return nil
	}
	if err := t.Err(); err != nil {
		return fmt.Errorf("%w: %w", ErrObjectUnreadable, err)
	}
	return nil
}

// Close releases what the view holds (temporary clones, open packfiles).
func (r *Repo) Close() error {
	if r.closer == nil {
		return nil
	}
	return r.closer()
}

// ErrTooLarge is returned by ReadFile when a file exceeds the limit given.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular is returned by ReadFile and ReadHead for directories, named
// pipes, sockets and devices: opening a pipe blocks until a writer comes,
// and a device may never end.
var ErrNotRegular = errors.New("not a regular file")

// ReadHead reads at most n bytes from the start of a regular file.
func ReadHead(fsys fs.FS, name string, n int) ([]byte, error) {
	if rf, ok := fsys.(*rootFS); ok && n > 0 {
		if data, ok, err := rf.read(name, int64(n), nil); ok {
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", name, err)
			}
			return data, nil
		}
	}
	f, err := openRegular(fsys, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return buf[:m], nil
}

// ReadFile reads a whole regular file, failing with ErrTooLarge past limit
// bytes so a huge or endless file never stalls a scan. On a working tree
// it opens the file from its directory, kept open between calls.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	return ReadFileBuf(fsys, name, limit, nil)
}

// ReadFileBuf is ReadFile into buf's storage when it is large enough, for
// callers that parse many files and keep none of their bytes: they pass
// the slice they got last time back.
func ReadFileBuf(fsys fs.FS, name string, limit int64, buf []byte) ([]byte, error) {
	if rf, ok := fsys.(*rootFS); ok {
		if data, ok, err := rf.read(name, limit+1, buf); ok {
			return limitRead(name, data, err, limit)
		}
	}
	f, err := openRegular(fsys, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized from the file, so a read is one allocation, not a growing
	// buffer copied at each step; a file that grew meanwhile still reads.
	size := int64(512)
	if info, err := f.Stat(); err == nil && info.Size() > 0 {
		size = min(info.Size()+1, limit+1)
	}
	data, err := readAll(io.LimitReader(f, limit+1), buf, size)
	return limitRead(name, data, err, limit)
}

// limitRead words the outcome of reading name with at most limit+1 bytes
// asked for: the read's error, or ErrTooLarge when more than limit came.
func limitRead(name string, data []byte, err error, limit int64) ([]byte, error) {
	switch {
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", name, err)
	case int64(len(data)) > limit:
		return nil, fmt.Errorf("%s: %w (over %d bytes)", name, ErrTooLarge, limit)
	}
	return data, nil
}

// readAll is io.ReadAll into buf's storage, or a new buffer of size
// bytes when buf holds fewer.
func readAll(r io.Reader, buf []byte, size int64) ([]byte, error) {
	b := buf[:0]
	if int64(cap(b)) < size {
		b = make([]byte, 0, size)
	}
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if errors.Is(err, io.EOF) {
				return b, nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// openRegular opens name only after Stat (which follows symlinks) shows a
// regular file, so a pipe or device is never opened. The open file is
// checked again in case the path was swapped in between. An FS without Stat
// is opened directly (fs.Stat would open it anyway); every FS the scanner
// builds (os.Root, git trees, os.DirFS) has one.
func openRegular(fsys fs.FS, name string) (fs.File, error) {
	if nb, ok := fsys.(interface{ opensWithoutBlocking() bool }); ok && nb.opensWithoutBlocking() {
		// The open cannot block: the check below is enough.
	} else if sfs, ok := fsys.(fs.StatFS); ok {
		info, err := sfs.Stat(name)
		if err != nil {
			return nil, err
		}
		if !info.Mode().IsRegular() {
			return nil, &fs.PathError{Op: "open", Path: name, Err: notRegular(info.Mode())}
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		_ = f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: notRegular(info.Mode())}
	}
	return f, nil
}

func notRegular(m fs.FileMode) error {
	kind := "special file"
	switch {
	case m.IsDir():
		kind = "directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	case m&fs.ModeSymlink != 0:
		kind = "symbolic link"
	}
	return fmt.Errorf("%w (%s)", ErrNotRegular, kind)
}
