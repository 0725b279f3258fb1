// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"context"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/ospolint/ospolint/internal/repo"
)

// runCheck runs c over an in-memory repository the way the runner does: one
// walk, Visit for each wanted file with its head, then Run. It returns the
// findings sorted by path, line and message, and the pass.
func runCheck(t *testing.T, c *Check, files fstest.MapFS, user map[string]any) ([]Finding, *Pass) {
	t.Helper()
	r := &repo.Repo{Name: "test", Kind: repo.KindWorktree, FS: files}
	ix, _, err := repo.Walk(context.Background(), r, repo.WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	opts, err := ResolveOptions(c, user)
	if err != nil {
		t.Fatal(err)
	}
	if c.Validate != nil {
		if err := c.Validate(opts); err != nil {
			t.Fatal(err)
		}
	}
	p := NewPass(c, NewTarget(r, ix), opts)
	if c.Visit != nil {
		// One buffer for every head, overwritten after each Visit as the
		// file pass reuses its own: a check that kept f.Head would fail.
		var buf []byte
		for _, e := range ix.Files() {
			if !c.Want(p, e.Path) {
				continue
			}
			f := File{Entry: e}
			if c.HeadBytes > 0 {
				head, err := repo.ReadHead(r.FS, e.Path, c.HeadBytes)
				buf = append(buf[:0], head...)
				f.Head, f.Err = buf, err
			}
			c.Visit(p, f)
			for i := range buf {
				buf[i] = '#'
			}
		}
	}
	if c.Run != nil {
		if err := c.Run(p); err != nil {
			t.Fatalf("%s: Run: %v", c.ID, err)
		}
	}
	fs := p.Findings()
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Path != fs[j].Path {
			return fs[i].Path < fs[j].Path
		}
		if fs[i].Line != fs[j].Line {
			return fs[i].Line < fs[j].Line
		}
		return fs[i].Message < fs[j].Message
	})
	return fs, p
}

// file is a MapFS file with text content.
func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
