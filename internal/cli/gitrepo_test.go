// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// gitRepo is a repository made with go-git in a temporary directory, for
// tests that need history (diff mode, the Action).
type gitRepo struct {
	t    *testing.T
	dir  string
	repo *git.Repository
	when time.Time
}

func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return &gitRepo{t: t, dir: dir, repo: r, when: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

// write writes files (slash paths) into the working tree and stages them;
// an empty content deletes the file.
func (g *gitRepo) write(files map[string]string) {
	g.t.Helper()
	w, err := g.repo.Worktree()
	if err != nil {
		g.t.Fatal(err)
	}
	for name, body := range files {
		p := filepath.Join(g.dir, filepath.FromSlash(name))
		if body == "" {
			if _, err := w.Remove(name); err != nil {
				g.t.Fatalf("git rm %s: %v", name, err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			g.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			g.t.Fatal(err)
		}
		if _, err := w.Add(name); err != nil {
			g.t.Fatalf("git add %s: %v", name, err)
		}
	}
}

// commit records the staged files and returns the commit's hash.
func (g *gitRepo) commit(msg string) string {
	g.t.Helper()
	w, err := g.repo.Worktree()
	if err != nil {
		g.t.Fatal(err)
	}
	g.when = g.when.Add(time.Hour)
	sig := &object.Signature{Name: "Test", Email: "test@example.org", When: g.when}
	h, err := w.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		g.t.Fatal(err)
	}
	return h.String()
}

// needGit skips a test that runs the git command (shallow clones, fetch).
func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

// gitCmd runs git in dir, without the user's or the system's configuration.
func gitCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_TERMINAL_PROMPT=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}
