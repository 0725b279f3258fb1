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

// MITText is a complete MIT licence, so licence detection has something real.
const MITText = `MIT License

Copyright (c) 2026 Example Org

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`

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
