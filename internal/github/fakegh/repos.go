// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fakegh

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// MakeRepo creates a git repository at dir with one commit of files (made
// with go-git, as the tests' repositories must be) and returns its file://
// clone URL.
func MakeRepo(dir string, files map[string]string) (string, error) {
	r, err := git.PlainInit(dir, false)
	if err != nil {
		return "", fmt.Errorf("init %s: %w", dir, err)
	}
	wt, err := r.Worktree()
	if err != nil {
		return "", fmt.Errorf("worktree %s: %w", dir, err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil { //nolint:gosec // test fixture
			return "", err
		}
		if _, err := wt.Add(name); err != nil {
			return "", fmt.Errorf("add %s: %w", name, err)
		}
	}
	sig := &object.Signature{Name: "test", Email: "test@example.invalid", When: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := wt.Commit("init", &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
		return "", fmt.Errorf("commit %s: %w", dir, err)
	}
	return "file://" + filepath.ToSlash(dir), nil
}

// MITText is the MIT licence as the SPDX License List has it, so licence
// detection has something real to find.
func MITText() string {
	s, _ := spdxlist.Text("MIT")
	return s
}

// CopyRepo copies the repository MakeRepo made at src to dst, far faster
// than making it again: for tests that need many repositories.
func CopyRepo(src, dst string) (string, error) {
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o750)
		}
		data, err := os.ReadFile(p) //nolint:gosec // a test fixture
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644) //nolint:gosec // a test fixture
	})
	if err != nil {
		return "", fmt.Errorf("copy %s: %w", src, err)
	}
	return "file://" + filepath.ToSlash(dst), nil
}
