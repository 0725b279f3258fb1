// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"fmt"
	"os"
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
	return &Repo{
		Name:   dir,
		Kind:   KindWorktree,
		FS:     root.FS(),
		Ignore: true,
		closer: root.Close,
	}, nil
}
