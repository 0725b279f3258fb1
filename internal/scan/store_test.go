// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
)

// TestRunFailsOnUnreadableObject damages the content of one blob (its
// header still reads, so the walk lists it): the check that reads the file
// gets an error, and the scan as a whole fails instead of reporting a
// finding about a file it could not read.
func TestRunFailsOnUnreadableObject(t *testing.T) {
	dir := t.TempDir()
	g, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"LICENSE": strings.Repeat("licence text\n", 200), "README.md": "# r\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wt, err := g.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	who := &object.Signature{Name: "t", Email: "t@example.org", When: time.Unix(1e9, 0)}
	h, err := wt.Commit("x", &git.CommitOptions{Author: who, Committer: who})
	if err != nil {
		t.Fatal(err)
	}
	c, err := g.CommitObject(h)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	e, err := tree.FindEntry("LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	// The zlib checksum at the end of the loose object.
	obj := filepath.Join(dir, ".git", "objects", e.Hash.String()[:2], e.Hash.String()[2:])
	data, err := os.ReadFile(obj)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 0xff
	if err := os.Chmod(obj, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(obj, data, 0o644); err != nil {
		t.Fatal(err)
	}

	r, err := repo.OpenRevision(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	reads := custom("reads-licence", func(p *checks.Pass) error {
		if _, err := p.Target.ReadFile("LICENSE"); err != nil {
			p.Reportf("LICENSE", 0, "cannot read: %v", err)
		}
		return nil
	})
	plan := &Plan{Config: &config.Config{}, Checks: []Planned{{Check: reads, Level: checks.Error}}}
	res, err := Run(context.Background(), r, plan, Options{})
	if err == nil {
		t.Fatalf("scan of a revision with a corrupt blob succeeded: %+v", res.Findings)
	}
	if !errors.Is(err, repo.ErrObjectUnreadable) || !strings.Contains(err.Error(), e.Hash.String()) || !strings.Contains(err.Error(), "LICENSE") {
		t.Errorf("error %v does not name the blob and LICENSE", err)
	}
}
