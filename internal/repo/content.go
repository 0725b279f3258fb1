// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// maxHashed caps the file ContentIDs hashes itself: a larger working-tree
// file whose index entry is stale is called changed without reading it.
const maxHashed = 64 << 20

// ContentIDs returns, for each path, an identifier of the file's content:
// equal identifiers mean equal content across the revisions and the working
// tree of one repository (it is the git blob hash, symlinks inside the
// repository followed). A revision reads it from its tree without touching
// the blob. A working tree takes it from the git index when the file's size
// and modification time are those the index recorded (and the index was
// written after the file, as git's racy-clean rule asks), and hashes the
// content otherwise. A path without an identifier (unreadable, too large,
// a directory) is left out of the map, so callers treat it as changed.
func ContentIDs(r *Repo, paths []string) map[string]string {
	out := make(map[string]string, len(paths))
	if t, ok := r.FS.(*treeFS); ok {
		for _, p := range paths {
			if h, err := t.blobHash(p); err == nil {
				out[p] = h.String()
			}
		}
		return out
	}
	staged := stagedEntries(r)
	for _, p := range paths {
		if h, ok := staged.clean(r, p); ok {
			out[p] = h.String()
			continue
		}
		if h, err := hashFile(r.FS, p); err == nil {
			out[p] = h.String()
		}
	}
	return out
}

// blobHash is the hash of the blob a path names, following symlinks.
func (t *treeFS) blobHash(name string) (plumbing.Hash, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.resolveLocked("stat", name, true)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if e.Mode == filemode.Dir {
		return plumbing.ZeroHash, &fs.PathError{Op: "stat", Path: name, Err: errIsDir}
	}
	return e.Hash, nil
}

// stagedIndex is the part of a working tree's git index ContentIDs trusts.
type stagedIndex struct {
	entries map[string]*index.Entry // by path relative to the scanned directory
	written time.Time               // when the index file was last written
}

// stagedEntries reads the git index of a working tree, keyed by paths
// relative to the scanned directory (which may lie below the top of the
// repository). It returns an empty index when there is none to read.
func stagedEntries(r *Repo) stagedIndex {
	if r.root == nil {
		return stagedIndex{}
	}
	dir, err := filepath.Abs(r.root.Name())
	if err != nil {
		return stagedIndex{}
	}
	layout, found, err := findGit(dir, true)
	if err != nil || !found {
		return stagedIndex{}
	}
	prefix := ""
	if rel, err := filepath.Rel(layout.top, dir); err == nil && rel != "." && filepath.IsLocal(rel) {
		prefix = filepath.ToSlash(rel) + "/"
	}
	name := filepath.Join(layout.dir, "index")
	info, err := os.Stat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxGitIndex {
		return stagedIndex{}
	}
	f, err := os.Open(name)
	if err != nil {
		return stagedIndex{}
	}
	defer f.Close()
	idx := &index.Index{}
	if err := index.NewDecoder(bufio.NewReader(io.LimitReader(f, maxGitIndex))).Decode(idx); err != nil {
		return stagedIndex{}
	}
	s := stagedIndex{entries: make(map[string]*index.Entry, len(idx.Entries)), written: info.ModTime()}
	for _, e := range idx.Entries {
		if e.Stage != index.Merged || e.IntentToAdd || e.SkipWorktree {
			continue
		}
		if rel, ok := cutPrefix(e.Name, prefix); ok {
			s.entries[rel] = e
		}
	}
	return s
}

func cutPrefix(name, prefix string) (string, bool) {
	if prefix == "" {
		return name, true
	}
	if len(name) > len(prefix) && name[:len(prefix)] == prefix {
		return name[len(prefix):], true
	}
	return "", false
}

// clean returns the index's hash of p when the file on disk is the one the
// index describes: a regular file of the recorded size and time, older than
// the index itself.
func (s stagedIndex) clean(r *Repo, p string) (plumbing.Hash, bool) {
	e, ok := s.entries[p]
	if !ok || (e.Mode != filemode.Regular && e.Mode != filemode.Executable) {
		return plumbing.ZeroHash, false
	}
	info, err := r.root.Lstat(filepath.FromSlash(p))
	if err != nil || !info.Mode().IsRegular() {
		return plumbing.ZeroHash, false
	}
	if uint32(info.Size()) != e.Size || !info.ModTime().Equal(e.ModifiedAt) || !e.ModifiedAt.Before(s.written) { //nolint:gosec // the index stores sizes modulo 2^32, as compared here
		return plumbing.ZeroHash, false
	}
	return e.Hash, true
}

// hashFile computes the git blob hash of a file's content.
func hashFile(fsys fs.FS, p string) (plumbing.Hash, error) {
	f, err := openRegular(fsys, p)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if info.Size() > maxHashed {
		return plumbing.ZeroHash, fmt.Errorf("%s: %w (over %d bytes)", p, ErrTooLarge, maxHashed)
	}
	h := plumbing.NewHasher(plumbing.BlobObject, info.Size())
	n, err := io.Copy(h, io.LimitReader(f, info.Size()+1))
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("read %s: %w", p, err)
	}
	if n != info.Size() {
		return plumbing.ZeroHash, errors.New(p + " changed while it was read")
	}
	return h.Sum(), nil
}
