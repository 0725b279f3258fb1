// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"sync"

	"github.com/ospolint/ospolint/checks/fileset"
	"github.com/ospolint/ospolint/internal/reuse"
)

// ChangeKind says how a change under review touches a file.
type ChangeKind string

// Change kinds.
const (
	Added    ChangeKind = "added"
	Modified ChangeKind = "modified"
	Deleted  ChangeKind = "deleted"
)

// Change is one file that a change adds, modifies or deletes, relative to
// the base revision. A moved file is deleted at its old path and added at
// its new one.
type Change struct {
	Path string
	Kind ChangeKind
}

// diffState is the change under review, in diff mode.
type diffState struct {
	base    *Target
	list    func() []Change
	once    sync.Once
	changes []Change
}

// SetBase makes t the head of a change whose base revision base shows
// (diff mode); changes lists what the change adds, modifies or deletes,
// sorted by path, and is called once, when a check first asks. Call
// SetBase before any check runs.
func (t *Target) SetBase(base *Target, changes func() []Change) {
	t.diff.base, t.diff.list = base, changes
}

// Base is the base revision of the change under review in diff mode, nil
// otherwise. Its files, reads and licence are the base's, read through the
// same methods as the head's.
func (t *Target) Base() *Target { return t.diff.base }

// Changes lists the files the change under review adds, modifies or
// deletes, sorted by path; nil outside diff mode. Files the configuration
// excludes are in neither view, so they are not listed.
func (t *Target) Changes() []Change {
	if t.diff.list == nil {
		return nil
	}
	t.diff.once.Do(func() { t.diff.changes = t.diff.list() })
	return t.diff.changes
}

// reuseOf evaluates the licensing information of a few files as REUSE
// would: their headers, their .license sidecars, REUSE.toml files and
// .reuse/dep5, without evaluating the whole repository. Files that are not
// Covered Files (licence texts, empty files, symlinks) are left out.
func (t *Target) reuseOf(paths []string) map[string]reuse.File {
	var entries []fileset.Entry
	seen := map[string]bool{}
	add := func(p string) {
		if seen[p] {
			return
		}
		seen[p] = true
		if e, ok := t.Lookup(p); ok {
			entries = append(entries, e)
		}
	}
	for _, p := range paths {
		add(p)
		for _, s := range reuse.SupportFiles(p) {
			add(s)
		}
	}
	res := reuse.Evaluate(reuse.Input{
		Index:    fileset.New(entries, nil),
		ReadFile: t.ReadFile,
		Text: func(p string) reuse.Text {
			e, _ := t.Lookup(p)
			head, err := t.ReadHead(p, reuseHeadBytes)
			return headText(head, e.Size, err)
		},
		Full: func(p string) reuse.Text {
			data, err := t.ReadFile(p)
			if err != nil {
				return reuse.Text{Err: err}
			}
			return reuse.Text{Header: reuse.ParseHeader(data, true)}
		},
	})
	out := make(map[string]reuse.File, len(res.Files))
	for _, f := range res.Files {
		out[f.Path] = f
	}
	return out
}

// needsBase is the outcome of a change check outside diff mode: not
// available.
func needsBase(p *Pass) error {
	if p.Target.Base() == nil {
		return fmt.Errorf("%w: needs a base revision to compare with (scan --diff-base REV)", ErrNotAvailable)
	}
	return nil
}
