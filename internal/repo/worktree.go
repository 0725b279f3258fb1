// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// OpenWorktree opens a directory on disk. Its FS is rooted with os.Root, so
// a symlink is followed only while it stays inside the directory.
func OpenWorktree(dir string) (*Repo, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, withoutPath(err))
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("open %s: not a directory", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, withoutPath(err))
	}
	rfs := &rootFS{FS: root.FS(), root: root}
	r := &Repo{
		Name:   dir,
		Kind:   KindWorktree,
		FS:     rfs,
		Ignore: true,
		root:   root,
		closer: func() error {
			rfs.closeChains()
			return root.Close()
		},
	}
	// A ".git" directory is read through the FS; a ".git" file (or link)
	// may lead outside the tree, so its target is remembered. Parents are
	// not searched: a directory inside another repository is scanned as a
	// tree of its own. A .git file that leads nowhere leaves the tree a
	// plain directory.
	if info, err := os.Lstat(filepath.Join(dir, ".git")); err == nil && (info.Mode().IsRegular() || info.Mode()&fs.ModeSymlink != 0) {
		if g, found, err := findGit(dir, false); err == nil && found {
			r.git = &g
		}
	}
	return r, nil
}

// withoutPath is err without the path a *fs.PathError adds, for messages
// that name the path already ("open DIR: no such file or directory", not
// "open DIR: stat DIR: no such file or directory").
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// rootFS is an os.Root's FS that reads files the way HeadReader does:
// ReadFile and ReadHead open a file from its directory, kept open in a
// dirChain (one openat, not a resolution of the whole path from the root;
// no stat to rule out pipes first, as the open cannot block). Opens go
// without blocking too, so openRegular turns a pipe down after one fstat.
// Everything else is the root's.
type rootFS struct {
	fs.FS
	root *os.Root

	mu   sync.Mutex
	idle []*dirChain // chains not in use, at most maxIdleChains
}

// maxIdleChains bounds the directory chains rootFS keeps for readers
// (descriptors: each holds up to chainKeep plus depth/chainKeep).
const maxIdleChains = 8

var (
	_ fs.StatFS     = (*rootFS)(nil)
	_ fs.ReadDirFS  = (*rootFS)(nil)
	_ fs.ReadLinkFS = (*rootFS)(nil)
)

func (f *rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	return file, nil
}

// opensWithoutBlocking marks rootFS for openRegular (where the system has
// non-blocking opens).
func (*rootFS) opensWithoutBlocking() bool { return openNonBlocking != 0 }

func (f *rootFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.FS, name) }

func (f *rootFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.FS, name) }

func (f *rootFS) ReadLink(name string) (string, error) { return fs.ReadLink(f.FS, name) }

func (f *rootFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(f.FS, name) }

// read reads at most max bytes of the regular file name from its start
// through a directory chain; ok is false when that path cannot (a link on
// the way, not a regular file, no fast path on this system) and the
// general one must.
func (f *rootFS) read(name string, max int64, buf []byte) (data []byte, ok bool, err error) {
	if !fs.ValidPath(name) || name == "." {
		return nil, false, nil
	}
	dir, base := path.Split(name)
	if dir == "" {
		dir = "."
	} else {
		dir = dir[:len(dir)-1]
	}
	c := f.chain()
	defer f.release(c)
	d, err := c.open(f.root, dir)
	if err != nil {
		return nil, false, nil
	}
	return readAt(d, base, max, buf)
}

func (f *rootFS) chain() *dirChain {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n := len(f.idle); n > 0 {
		c := f.idle[n-1]
		f.idle = f.idle[:n-1]
		return c
	}
	return &dirChain{}
}

func (f *rootFS) release(c *dirChain) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.idle) < maxIdleChains {
		f.idle = append(f.idle, c)
		return
	}
	c.close()
}

// closeChains closes the directories the idle chains hold.
func (f *rootFS) closeChains() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.idle {
		c.close()
	}
	f.idle = nil
}
