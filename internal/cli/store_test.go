// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/ospolint/ospolint/internal/cli"
)

// committedRepo is goodRepo committed with go-git; it returns the directory.
func committedRepo(t *testing.T) string {
	t.Helper()
	dir := goodRepo(t, nil)
	g, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := g.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	who := &object.Signature{Name: "t", Email: "t@example.org", When: time.Unix(1e9, 0)}
	if _, err := wt.Commit("x", &git.CommitOptions{Author: who, Committer: who}); err != nil {
		t.Fatal(err)
	}
	if err := g.RepackObjects(&git.RepackConfig{}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCorruptPackExits3: a revision whose objects cannot be read is a target
// that could not be scanned (exit 3, the git error on stderr), never a scan
// of fewer files with false "missing file" errors.
func TestCorruptPackExits3(t *testing.T) {
	dir := committedRepo(t)
	packs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("%d packs", len(packs))
	}
	data, err := os.ReadFile(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	for i := 100; i < 300 && i < len(data)-20; i++ {
		data[i] = 0
	}
	if err := os.Chmod(packs[0], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(packs[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "scan", "--format", "json", "--ref", "HEAD", dir)
	r.want(t, cli.ExitTarget)
	if !strings.Contains(r.stderr, "git objects cannot be read") {
		t.Errorf("stderr does not give the git error: %q", r.stderr)
	}
	if strings.Contains(r.stderr, "unknown revision") {
		t.Errorf("a broken store reported as an unknown revision: %q", r.stderr)
	}
}

// TestBareRepositoryScan: a bare repository is scanned at its HEAD.
func TestBareRepositoryScan(t *testing.T) {
	src := committedRepo(t)
	bare := filepath.Join(t.TempDir(), "repo.git")
	if err := os.CopyFS(bare, os.DirFS(filepath.Join(src, ".git"))); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "scan", "--format", "json", "--checks", "readme,contributing", bare)
	r.want(t, cli.ExitOK)
	var rep struct {
		Targets []struct {
			Kind  string `json:"kind"`
			Files int    `json:"files"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Targets) != 1 || rep.Targets[0].Kind != "revision" || rep.Targets[0].Files != 4 {
		t.Errorf("targets = %+v, want the 4 committed files of a revision", rep.Targets)
	}
}
