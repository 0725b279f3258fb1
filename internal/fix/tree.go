// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// Tree is the working tree fix reads and writes. Every path is looked up
// one component at a time without following links, so the plan and the
// writes see the same files: a symbolic link anywhere on a path, or a file
// with more than one hard link, is never read for a rewrite nor written
// through. All access goes through os.Root, which keeps it inside the tree.
type Tree struct {
	root *os.Root
	// dirs are directories lstat found to be real directories (not links)
	// in the current phase.
	dirs map[string]bool
	// fail, when set (tests only), is asked before each step that changes
	// the tree and may return an error to inject a failure there.
	fail func(step, name string) error
}

// OpenTree opens a working tree for fixing.
func OpenTree(dir string) (*Tree, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	return &Tree{root: root, dirs: map[string]bool{}}, nil
}

// Close releases the tree.
func (t *Tree) Close() error { return t.root.Close() }

var (
	// errLink is returned for a path that goes through a symbolic link.
	errLink = errors.New("symbolic link")
	// errTooLarge marks a file over the read limit.
	errTooLarge = errors.New("too large to rewrite")
)

// lstat returns the file at p without following a link at any component:
// fs.ErrNotExist when it (or a parent) does not exist, errLink when a parent
// or p itself is a symbolic link.
func (t *Tree) lstat(p string) (fs.FileInfo, error) {
	if !fs.ValidPath(p) || p == "." {
		return nil, fmt.Errorf("%s: not a path inside the tree", p)
	}
	parts := strings.Split(p, "/")
	for i := range parts {
		sub := strings.Join(parts[:i+1], "/")
		if i < len(parts)-1 && t.dirs[sub] {
			continue
		}
		info, err := t.root.Lstat(sub)
		if err != nil {
			return nil, err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: "lstat", Path: sub, Err: errLink}
		}
		if i < len(parts)-1 && !info.IsDir() {
			return nil, &fs.PathError{Op: "lstat", Path: sub, Err: fs.ErrNotExist}
		}
		if i == len(parts)-1 {
			return info, nil
		}
		t.dirs[sub] = true
	}
	return nil, fs.ErrNotExist
}

// forgetDirs drops the directories lstat found real, so the next checks
// look again: each phase (plan, check, commit) starts afresh, and within one
// phase a directory is looked at once, not once per file below it.
func (t *Tree) forgetDirs() { clear(t.dirs) }

// BlockedError is a file fix does not read for a rewrite nor write: reached
// through a symbolic link, with more than one hard link, or not a regular
// file.
type BlockedError struct{ Path, Why string }

func (e *BlockedError) Error() string { return e.Path + ": " + e.Why }

// State is what a path holds, as fix judges it.
type State int

// States of a path.
const (
	// Absent: nothing at the path, and no link on the way to it: a file
	// may be created there if its parents can hold it (see dirsToCreate).
	Absent State = iota
	// Regular: a regular file with a single link, reached without links.
	Regular
	// Blocked: a link on the way, a file with several hard links, or not a
	// regular file: fix leaves it alone. Why says why.
	Blocked
)

// Inspect says whether p can be created, rewritten or neither, and why not.
func (t *Tree) Inspect(p string) (State, fs.FileInfo, string) {
	info, err := t.lstat(p)
	switch {
	case errors.Is(err, errLink):
		var pe *fs.PathError
		errors.As(err, &pe)
		if pe.Path == p {
			return Blocked, nil, "a symbolic link; fix the file it points to"
		}
		return Blocked, nil, "the path goes through the symbolic link " + pe.Path
	case errors.Is(err, fs.ErrNotExist):
		return Absent, nil, ""
	case err != nil:
		return Blocked, nil, err.Error()
	case !info.Mode().IsRegular():
		return Blocked, info, "not a regular file"
	}
	if n := links(info); n > 1 {
		return Blocked, info, fmt.Sprintf("%d hard links; not rewritten, as that would change the other names too", n)
	}
	return Regular, info, ""
}

// ReadFile reads a regular, singly linked file of at most limit bytes.
func (t *Tree) ReadFile(p string, limit int64) ([]byte, error) {
	st, info, why := t.Inspect(p)
	switch st {
	case Absent:
		return nil, &fs.PathError{Op: "read", Path: p, Err: fs.ErrNotExist}
	case Blocked:
		return nil, &BlockedError{Path: p, Why: why}
	}
	f, err := t.open(p, info)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("read %s: %w", p, errTooLarge)
	}
	return data, nil
}

// open opens the regular file p that Inspect saw as info, refusing a link
// in its place and a file swapped since.
func (t *Tree) open(p string, info fs.FileInfo) (*os.File, error) {
	f, err := t.root.OpenFile(p, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	now, err := f.Stat()
	if err != nil || !os.SameFile(now, info) {
		_ = f.Close()
		return nil, fmt.Errorf("read %s: the file changed while fixing; run again", p)
	}
	return f, nil
}

// dirsToCreate lists the missing directories above p, top first; an
// existing parent must be a directory reached without links.
func (t *Tree) dirsToCreate(p string) ([]string, error) {
	var out []string
	d := path.Dir(p)
	for ; d != "."; d = path.Dir(d) {
		_, err := t.lstat(d)
		if !errors.Is(err, fs.ErrNotExist) {
			break
		}
		out = append([]string{d}, out...)
	}
	if d == "." {
		return out, nil
	}
	info, err := t.lstat(d)
	switch {
	case errors.Is(err, errLink):
		return nil, fmt.Errorf("the path goes through a symbolic link (%w)", err)
	case err != nil:
		return nil, err
	case !info.IsDir():
		return nil, fmt.Errorf("%s is not a directory", d)
	}
	return out, nil
}

func (t *Tree) step(step, name string) error {
	if t.fail == nil {
		return nil
	}
	return t.fail(step, name)
}
