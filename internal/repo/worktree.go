// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// OpenWorktree opens a directory on disk. Its FS is rooted with os.Root, so
// a symlink is followed only while it stays inside the directory.
func OpenWorktree(dir string) (*Repo, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("open %s: not a directory", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	r := &Repo{
		Name:   dir,
		Kind:   KindWorktree,
		FS:     root.FS(),
		Ignore: true,
		root:   root,
		closer: root.Close,
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
