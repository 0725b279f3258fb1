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
// error when the check's Want or Visit panicked; such a check is not called
// again.
func filePass(ctx context.Context, r *repo.Repo, t *checks.Target, passes []*checks.Pass) []error {
	errs := make([]error, len(passes))
	var visitors []*visitor
	for i, p := range passes {
		if p.Check.Visit != nil {
			visitors = append(visitors, &visitor{i: i, p: p})
		}
	}
	if len(visitors) == 0 {
		return errs
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
			want := make([]*visitor, 0, len(visitors))
			for ctx.Err() == nil {
				lo := int(next.Add(batch)) - batch
				if lo >= len(files) {
					return
				}
				for _, e := range files[lo:min(lo+batch, len(files))] {
					visitFile(hr, visitors, want[:0], e)
				}
			}
		})
	}
	wg.Wait()
	for _, v := range visitors {
		if err := v.err.Load(); err != nil {
			errs[v.i] = *err
		}
	}
	return errs
}

// visitor is a check that visits files, and the first panic of its Want or
// Visit.
type visitor struct {
	i   int
	p   *checks.Pass
	err atomic.Pointer[error]
}

func (v *visitor) failed() bool { return v.err.Load() != nil }

// recoverInto turns a panic into the visitor's error.
func (v *visitor) recoverInto(path string) {
	if r := recover(); r != nil {
		err := internalError(path, r)
		v.err.CompareAndSwap(nil, &err)
	}
}

// visitFile reads the head of one file once, as far as the most demanding
// check wants, and hands it to every check that wants the file. want is
// scratch space.
func visitFile(hr *repo.HeadReader, visitors, want []*visitor, e repo.Entry) {
	head := 0
	for _, v := range visitors {
		if e.HeadRead && v.p.Check.ReadsWalkedHeads() {
			// Served by the walk (checks.ReuseHeads).
			continue
		}
		if !v.failed() && v.wants(e.Path) {
			want = append(want, v)
			head = max(head, v.p.Check.HeadBytes)
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
	for _, v := range want {
		v.visit(f)
	}
}

func (v *visitor) wants(path string) (ok bool) {
	defer v.recoverInto(path)
	return v.p.Check.Want(v.p, path)
}

func (v *visitor) visit(f checks.File) {
	defer v.recoverInto(f.Path)
	if len(f.Head) > v.p.Check.HeadBytes {
		// Without spare capacity, so an append cannot write into the
		// bytes another check sees.
		f.Head = f.Head[:v.p.Check.HeadBytes:v.p.Check.HeadBytes]
	}
	v.p.Check.Visit(v.p, f)
}
