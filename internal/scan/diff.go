// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"sort"
	"sync"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/repo"
)

// Known is a set of findings a scan is compared with, by fingerprint: those
// of the base revision (diff mode) and those of a baseline report. Only
// findings outside it are reported. A nil *Known knows nothing.
type Known struct {
	fingerprints map[string]bool
	// baseline is the report file the fingerprints came from, if any.
	baseline string
}

// NewKnown returns the set of fingerprints read from a baseline report
// (file names it for the report).
func NewKnown(file string, fingerprints []string) *Known {
	k := &Known{fingerprints: make(map[string]bool, len(fingerprints)), baseline: file}
	for _, fp := range fingerprints {
		k.fingerprints[fp] = true
	}
	return k
}

// with returns a copy of k that also knows the findings of res.
func (k *Known) with(res *TargetResult) *Known {
	n := &Known{fingerprints: map[string]bool{}}
	if k != nil {
		n.baseline = k.baseline
		for fp := range k.fingerprints {
			n.fingerprints[fp] = true
		}
	}
	for _, f := range res.Findings {
		n.fingerprints[f.Fingerprint] = true
	}
	for _, f := range res.Known {
		n.fingerprints[f.Fingerprint] = true
	}
	return n
}

// split moves the findings k knows from res.Findings to res.Known and
// counts, per check, only the findings left, and records the comparison in
// res.Since. The checks' statuses and the maturity summary still describe
// the scanned revision as a whole: a check that fails on an old problem
// fails, with no new finding.
func (k *Known) split(res *TargetResult) {
	if k == nil {
		return
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if k.fingerprints[f.Fingerprint] {
			res.Known = append(res.Known, f)
			continue
		}
		kept = append(kept, f)
	}
	res.Findings = kept
	for i := range res.Checks {
		res.Checks[i].Findings = 0
	}
	pos := make(map[string]int, len(res.Checks))
	for i, c := range res.Checks {
		pos[c.ID] = i
	}
	for _, f := range res.Findings {
		if i, ok := pos[f.Check]; ok && f.Waived == nil {
			res.Checks[i].Findings++
		}
	}
	if res.Since == nil {
		res.Since = &Since{}
	}
	res.Since.Baseline = k.baseline
	res.Since.Known = len(res.Known)
}

// RunDiff scans a change: the base revision first, then the head with the
// base given to the change checks (header-removed, license-changed,
// new-dependency). Findings of the head whose fingerprints the base (or
// opt.Known) has too are not reported: a problem the change did not bring
// is not the change's. Fingerprints leave out line numbers, so a problem
// that only moved within its file is not new either.
func RunDiff(ctx context.Context, base, head *repo.Repo, plan *Plan, opt Options) (*TargetResult, error) {
	// The base gets the same forge facts (repository settings, the
	// organisation's files): they are the repository's, not the change's,
	// and a finding the API checks make on both is not new.
	baseRes, baseTarget, err := run(ctx, base, plan, Options{Now: opt.Now, Outputs: opt.Outputs, Forge: opt.Forge}, nil)
	if err != nil {
		return nil, err
	}
	opt.Known = opt.Known.with(baseRes)
	res, headTarget, err := run(ctx, head, plan, opt, &change{base: baseTarget, baseRepo: base})
	if err != nil {
		return nil, err
	}
	res.Since.Base = base.Revision
	n := len(headTarget.Changes())
	res.Since.ChangedFiles = &n
	return res, nil
}

// change is the base side of a diff-mode scan, for the head's run.
type change struct {
	base     *checks.Target
	baseRepo *repo.Repo
}

// attach makes t, the view of head, the head of the change; a nil change
// (not diff mode) does nothing.
func (c *change) attach(t *checks.Target, head *repo.Repo) {
	if c == nil {
		return
	}
	t.SetBase(c.base, func() []checks.Change { return changedFiles(c.base, c.baseRepo, t, head) })
}

// changedFiles compares the files of the two views: a path in one only is
// added or deleted; a path in both is modified when the contents differ,
// compared by git blob hash, which a revision's tree holds and a clean
// working tree's git index records, so unchanged files are not read.
func changedFiles(base *checks.Target, baseRepo *repo.Repo, head *checks.Target, headRepo *repo.Repo) []checks.Change {
	var out []checks.Change
	var both []string
	for _, e := range head.Files() {
		if _, ok := base.Lookup(e.Path); ok {
			both = append(both, e.Path)
		} else {
			out = append(out, checks.Change{Path: e.Path, Kind: checks.Added})
		}
	}
	for _, e := range base.Files() {
		if _, ok := head.Lookup(e.Path); !ok {
			out = append(out, checks.Change{Path: e.Path, Kind: checks.Deleted})
		}
	}
	var baseIDs map[string]string
	var wg sync.WaitGroup
	wg.Go(func() { baseIDs = repo.ContentIDs(baseRepo, both) })
	headIDs := repo.ContentIDs(headRepo, both)
	wg.Wait()
	for _, p := range both {
		b, okb := baseIDs[p]
		h, okh := headIDs[p]
		if !okb || !okh || b != h {
			out = append(out, checks.Change{Path: p, Kind: checks.Modified})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
