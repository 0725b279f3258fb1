// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"context"
	"sort"
	"testing"
	"testing/fstest"
)

// runCheck runs c over an in-memory repository the way the runner does: one
// walk, Visit for each wanted file with its head, then Run. It returns the
// findings sorted by path, line and message, and the pass.
func runCheck(t *testing.T, c *Check, files fstest.MapFS, user map[string]any) ([]Finding, *Pass) {
	t.Helper()
	tgt, err := NewTargetFS(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Evaluate(c, tgt, user)
	if err != nil {
		t.Fatalf("%s: %v", c.ID, err)
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
