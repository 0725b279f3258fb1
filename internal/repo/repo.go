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

	closer func() error
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

// ReadHead reads at most n bytes from the start of a file.
func ReadHead(fsys fs.FS, name string, n int) ([]byte, error) {
	f, err := fsys.Open(name)
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

// ReadFile reads a whole file, failing with ErrTooLarge past limit bytes so a
// huge or endless file never stalls a scan.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w (over %d bytes)", name, ErrTooLarge, limit)
	}
	return data, nil
}
