// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/repo"
)

// filePass feeds every file to the checks that visit files, reading each
// file's head once for all of them, in parallel. It returns, per pass, an
// error when the check's Visit panicked.
func filePass(ctx context.Context, r *repo.Repo, t *checks.Target, passes []*checks.Pass) []error {
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
	files := t.Files()
	// Workers take contiguous batches of the sorted index, so files of one
	// directory mostly go to one worker, whose HeadReader keeps that
	// directory open.
	const batch = 64
	var next atomic.Int64
	workers := min(2*runtime.GOMAXPROCS(0), (len(files)+batch-1)/batch)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			hr := repo.NewHeadReader(r)
			defer hr.Close()
			for ctx.Err() == nil {
				lo := int(next.Add(batch)) - batch
				if lo >= len(files) {
					return
				}
				for _, e := range files[lo:min(lo+batch, len(files))] {
					visitFile(hr, passes, visitors, panics, e)
				}
			}
		})
	}
	wg.Wait()
	for _, i := range visitors {
		select {
		case err := <-panics[i]:
			errs[i] = err
		default:
		}
	}
	return errs
}

// visitFile reads the head of one file once, as far as the most demanding
// check wants, and hands it to every check that wants the file.
func visitFile(hr *repo.HeadReader, passes []*checks.Pass, visitors []int, panics []chan error, e repo.Entry) {
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
		return
	}
	f := checks.File{Entry: e}
	switch {
	case e.Escapes:
		f.Err = checks.ErrLinkEscapes
	case head > 0:
		f.Head, f.Err = hr.ReadHead(e, head)
	}
	for _, i := range want {
		visit(passes[i], f, panics[i])
	}
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
		// Without spare capacity, so an append cannot write into the
		// bytes another check sees.
		ff.Head = ff.Head[:p.Check.HeadBytes:p.Check.HeadBytes]
	}
	p.Check.Visit(p, ff)
}
