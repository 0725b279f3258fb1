// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/repo"
)

// filePass feeds every file to the checks that visit files, reading each
// file's head once for all of them, in parallel. It returns, per pass, an
// error when the check's Visit panicked.
func filePass(ctx context.Context, t *checks.Target, passes []*checks.Pass) []error {
	errs := make([]error, len(passes))
	var visitors []int
	for i, p := range passes {
		if p.Check.Visit != nil {
			visitors = append(visitors, i)
		}
	}
	if len(visitors) == 0 {
		return errs
	}
	panics := make([]chan error, len(passes))
	for _, i := range visitors {
		panics[i] = make(chan error, 1)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4 * runtime.GOMAXPROCS(0))
	for _, e := range t.Index.Files() {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			var want []int
			head := 0
			for _, i := range visitors {
				p := passes[i]
				if p.Check.Want(p, e.Path) {
					want = append(want, i)
					head = max(head, p.Check.HeadBytes)
				}
			}
			if len(want) == 0 {
				return nil
			}
			f := checks.File{Entry: e}
			switch {
			case e.Escapes:
				f.Err = errEscapes
			case head > 0:
				f.Head, f.Err = repo.ReadHead(t.Repo.FS, e.Path, head)
			}
			for _, i := range want {
				visit(passes[i], f, panics[i])
			}
			return nil
		})
	}
	_ = g.Wait()
	for _, i := range visitors {
		select {
		case err := <-panics[i]:
			errs[i] = err
		default:
		}
	}
	return errs
}

func visit(p *checks.Pass, f checks.File, panicked chan error) {
	defer func() {
		if v := recover(); v != nil {
			select {
			case panicked <- internalError(f.Path, v):
			default:
			}
		}
	}()
	ff := f
	if len(ff.Head) > p.Check.HeadBytes {
		ff.Head = ff.Head[:p.Check.HeadBytes]
	}
	p.Check.Visit(p, ff)
}
