// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// readmeHistory makes the README's fixture a git repository with the
// history its pull-request commands read: a base commit that origin/main
// names, a head commit adding the files --files checks, and the earlier
// report --baseline reads.
func readmeHistory(t *testing.T, dir string) {
	t.Helper()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	w, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "Test", Email: "test@example.org", When: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	commit := func(msg string) plumbing.Hash {
		if err := w.AddWithOptions(&git.AddOptions{All: true}); err != nil {
			t.Fatal(err)
		}
		h, err := w.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	base := commit("base")
	if err := r.Storer.SetReference(plumbing.NewHashReference("refs/remotes/origin/main", base)); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		// REUSE-IgnoreStart
		"src/a.go":      "// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n\npackage src\n",
		"docs/logo.png": "\x89PNG\r\n\x1a\n",
		// REUSE-IgnoreEnd
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit("head")
	var out, errOut bytes.Buffer
	if code := Run(context.Background(), []string{"scan", "--format", "json", "--output", filepath.Join(dir, "old-report.json"), dir}, &out, &errOut, func(string) string { return "" }); code > ExitFindings {
		t.Fatalf("baseline report: exit %d\n%s", code, errOut.String())
	}
}
