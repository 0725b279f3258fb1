// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package org scans every repository of a GitHub organisation: it lists them
// through internal/github, clones each shallowly into a temporary directory,
// scans it with bounded parallelism and writes per-repository reports as it
// goes, then one summary, an inventory and a dashboard. A repository that
// cannot be cloned or scanned is reported with its error and the others go
// on; a killed run resumes where it stopped.
package org

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/ospolint/ospolint/internal/github"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/org/summary"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/report"
	"github.com/ospolint/ospolint/internal/report/html"
	"github.com/ospolint/ospolint/internal/scan"
)

// Options configure an org scan.
type Options struct {
	Org    string
	Client *github.Client
	Filter Filter
	Shard  Shard
	// Jobs is how many repositories are cloned and scanned at once
	// (default: the number of CPUs).
	Jobs   int
	OutDir string
	// Resume skips repositories a previous run into OutDir finished.
	Resume bool
	// TempDir holds the clones while they are scanned (default: the
	// system's).
	TempDir string
	// PlanFor decides the checks for one cloned repository (its own
	// .ospolint.yml, or the --config given).
	PlanFor func(r *repo.Repo) (*scan.Plan, error)
	Tool    scan.Tool
	// Progress hears of each repository as it is found and finished.
	Progress Progress
	// Logf receives warnings (nil = silent).
	Logf func(format string, args ...any)
}

// Progress is told how many repositories there are and when each is done.
type Progress interface {
	// Grow adds n repositories to do (the listing arrives page by page).
	Grow(n int)
	// Done reports one finished repository; resumed ones included.
	Done(e summary.Repo, resumed bool)
}

// ErrFailed is returned (wrapped) by Run when the summary was written but
// some repository, or part of the listing, failed: the CLI's exit code 3.
var ErrFailed = errors.New("org scan incomplete")

// Run scans the organisation and writes everything to OutDir. It returns
// the summary; the error wraps ErrFailed when anything failed (the reports
// are complete nonetheless), or says why nothing could be written.
func Run(ctx context.Context, opt Options) (*summary.Summary, error) {
	if opt.Jobs <= 0 {
		opt.Jobs = runtime.GOMAXPROCS(0)
	}
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	if opt.Progress == nil {
		opt.Progress = nopProgress{}
	}
	st := store{dir: opt.OutDir}
	if err := st.prepare(); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(opt.TempDir, "ospolint-org-*")
	if err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	defer os.RemoveAll(tmp)

	com, err := openCommunity(ctx, opt.Client, opt.Org, tmp)
	if err != nil {
		// The organisation's files are a convenience: without them the
		// repositories are judged on their own files.
		opt.Logf("%s: community files are not inherited: %s", opt.Org, opt.redact(err.Error()))
	}
	defer com.Close()

	w := &worker{opt: opt, st: st, tmp: tmp, com: com}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opt.Jobs)
	var (
		mu      sync.Mutex
		entries []summary.Repo
		seen    = map[string]bool{} // a page that shifts under the listing repeats names
	)
	add := func(e summary.Repo) {
		mu.Lock()
		entries = append(entries, e)
		mu.Unlock()
	}
	listErr := opt.Client.ListOrgRepos(gctx, opt.Org, func(page []github.Repo) error {
		var todo []github.Repo
		for _, r := range page {
			key := strings.ToLower(r.Name)
			if !seen[key] && opt.Filter.Keep(r) && opt.Shard.Has(r.FullName) {
				seen[key] = true
				todo = append(todo, r)
			}
		}
		opt.Progress.Grow(len(todo))
		for _, r := range todo {
			if opt.Resume {
				if e, ok := st.finished(r.Name, r.HTMLURL); ok {
					add(e)
					opt.Progress.Done(e, true)
					continue
				}
			}
			if gctx.Err() != nil {
				return gctx.Err()
			}
			g.Go(func() error {
				e, ok := w.one(gctx, r)
				if !ok {
					return nil // interrupted: not finished, a resumed run does it
				}
				if err := st.saveRecord(e); err != nil {
					return err
				}
				add(e)
				opt.Progress.Done(e, false)
				return nil
			})
		}
		return nil
	})
	werr := g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("interrupted after %d repositories (run again with --resume to go on): %w", len(entries), err)
	}
	if werr != nil {
		return nil, werr
	}
	var runErrs []string
	if listErr != nil {
		runErrs = append(runErrs, opt.redact(listErr.Error()))
	}
	s := summary.Build(opt.Tool, opt.Org, opt.Client.Endpoint().Host, runErrs, entries)
	if err := WriteReports(opt.OutDir, s); err != nil {
		return s, err
	}
	switch {
	case listErr != nil:
		return s, fmt.Errorf("%w: the listing stopped (%s); %d of %d listed repositories could not be scanned", ErrFailed, opt.redact(listErr.Error()), s.Totals.Error, s.Totals.Repos)
	case s.Totals.Error > 0:
		return s, fmt.Errorf("%w: %d of %d repositories could not be scanned (see summary.json)", ErrFailed, s.Totals.Error, s.Totals.Repos)
	}
	return s, nil
}

func (o Options) redact(s string) string { return o.Client.Redact(s) }

// WriteReports writes summary.json, inventory.csv and index.html.
func WriteReports(dir string, s *summary.Summary) error {
	st := store{dir: dir}
	if err := st.write("summary.json", func(w io.Writer) error { return summary.Write(w, s) }); err != nil {
		return err
	}
	if err := st.write("inventory.csv", func(w io.Writer) error { return summary.WriteInventory(w, s) }); err != nil {
		return err
	}
	return st.write("index.html", func(w io.Writer) error { return html.Dashboard(w, s) })
}

// errDisabled skips a repository GitHub has disabled: it cannot be cloned.
var errDisabled = errors.New("disabled by GitHub: it cannot be cloned")

type worker struct {
	opt Options
	st  store
	tmp string
	com *community
}

// one clones, scans and reports one repository. ok is false when the scan
// was interrupted: nothing is recorded then.
func (w *worker) one(ctx context.Context, r github.Repo) (e summary.Repo, ok bool) {
	e = summary.Repo{
		Name: r.Name, FullName: r.FullName, URL: r.HTMLURL, Visibility: r.Visibility, Language: r.Language,
		Archived: r.Archived, Fork: r.Fork, Topics: r.Topics, DefaultBranch: r.DefaultBranch, Reports: reportPaths(r.Name),
	}
	if !r.PushedAt.IsZero() {
		e.PushedAt = r.PushedAt.Format("2006-01-02T15:04:05Z")
	}
	defer func() {
		if v := recover(); v != nil {
			e.Status, e.Error = summary.StatusError, w.opt.redact(fmt.Sprintf("internal error: %v", v))
			w.opt.Logf("%s: %s\n%s", r.FullName, e.Error, debug.Stack())
			w.writeReports(&e, nil, nil)
			ok = true
		}
	}()
	res, plan, err := w.scan(ctx, r)
	if ctx.Err() != nil {
		return e, false
	}
	switch {
	case errors.Is(err, repo.ErrNoCommits):
		e.Status, e.Error = summary.StatusSkipped, "empty repository: nothing to scan"
		e.Reports = summary.Reports{}
		return e, true
	case errors.Is(err, errDisabled):
		e.Status, e.Error = summary.StatusSkipped, err.Error()
		e.Reports = summary.Reports{}
		return e, true
	case err != nil:
		e.Status, e.Error = summary.StatusError, w.opt.redact(err.Error())
	default:
		e.Status = summary.StatusOK
		e.FromResult(res)
	}
	w.writeReports(&e, res, plan)
	return e, true
}

func (w *worker) scan(ctx context.Context, r github.Repo) (*scan.TargetResult, *scan.Plan, error) {
	if !github.ValidName(r.Name) {
		return nil, nil, fmt.Errorf("the API gave the repository name %q, which is not a GitHub name", r.Name)
	}
	if r.Disabled {
		return nil, nil, errDisabled
	}
	if r.CloneURL == "" {
		return nil, nil, errors.New("the API gave no clone URL")
	}
	c := w.opt.Client
	rp, err := repo.Clone(ctx, r.CloneURL, repo.OpenOptions{Token: c.CloneToken(r.CloneURL), GitHub: c.Endpoint().GitHub(), TempDir: w.tmp})
	if err != nil {
		return nil, nil, err
	}
	defer rp.Close()
	plan, err := w.opt.PlanFor(rp)
	if err != nil {
		return nil, nil, fmt.Errorf("configuration: %w", err)
	}
	forge := forgeFacts(ctx, c, r, plan, w.com)
	res, err := scan.Run(ctx, rp, plan, scan.Options{Forge: forge})
	if err != nil {
		return nil, nil, err
	}
	res.Target = r.HTMLURL
	if res.Target == "" {
		res.Target = r.FullName
	}
	return res, plan, nil
}

// writeReports writes the repository's JSON and SARIF; an error target when
// the scan failed. A report that cannot be written turns the entry into an
// error.
func (w *worker) writeReports(e *summary.Repo, res *scan.TargetResult, plan *scan.Plan) {
	if res == nil {
		res = errorTarget(e)
	}
	rep := &scan.Report{SchemaVersion: scan.SchemaVersion, Tool: w.opt.Tool, Targets: []*scan.TargetResult{res}}
	if plan != nil {
		for _, pc := range plan.Checks {
			rep.Checks = append(rep.Checks, pc.Check)
		}
	}
	for _, f := range []struct {
		rel   string
		write report.Writer
	}{{e.Reports.JSON, report.JSON}, {e.Reports.SARIF, report.SARIF}} {
		if err := w.st.write(f.rel, func(out io.Writer) error { return f.write(out, rep) }); err != nil {
			e.Status, e.Error = summary.StatusError, w.opt.redact(err.Error())
		}
	}
}

func errorTarget(e *summary.Repo) *scan.TargetResult {
	target := e.URL
	if target == "" {
		target = e.FullName
	}
	return &scan.TargetResult{Target: target, Kind: string(repo.KindClone), Error: e.Error, Findings: []scan.Finding{}, Checks: []scan.CheckResult{},
		Maturity: []scan.GoalMaturity{}, Facts: scan.Facts{License: scan.LicenseFact{Files: []license.File{}}}}
}

type nopProgress struct{}

func (nopProgress) Grow(int)                {}
func (nopProgress) Done(summary.Repo, bool) {}
