// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"strings"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/reuse"
)

// index lists the files a scan sees: a walk of the whole repository, or,
// with opt.Paths, those files and the ones that may hold their licensing
// information (sidecars, REUSE.toml files above them, .reuse/dep5; for a
// sidecar, the file it describes), so REUSE checks judge them as a whole
// scan would.
//
// heads, when set, gets the heads of the files the walk reads on its way
// (see repo.WalkOptions.Head).
func index(ctx context.Context, r *repo.Repo, exclude func(string, bool) bool, opt Options, heads *checks.ReuseHeads) (*repo.Index, []repo.Problem, error) {
	if opt.Paths == nil {
		wo := repo.WalkOptions{Exclude: exclude}
		if heads != nil {
			wo.Head, wo.HeadBytes = heads.Head, heads.HeadBytes()
		}
		return repo.Walk(ctx, r, wo)
	}
	var all []string
	for _, p := range opt.Paths {
		all = append(all, p)
		all = append(all, reuse.SupportFiles(p)...)
		if covered, ok := strings.CutSuffix(p, reuse.SidecarSuffix); ok {
			all = append(all, covered)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	ix, problems := repo.IndexPaths(r, all, exclude)
	return ix, problems, nil
}

// dropOutside keeps, in file mode, only the findings about files the scan
// was given: a rule's finding that a file is missing is about the
// repository, which file mode does not judge.
func dropOutside(res *TargetResult, ix *repo.Index, opt Options) {
	if opt.Paths == nil {
		return
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if _, ok := ix.Lookup(f.Path); ok {
			kept = append(kept, f)
		}
	}
	res.Findings = kept
}
