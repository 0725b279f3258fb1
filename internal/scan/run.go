// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/sync/errgroup"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/ggi"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
)

// Options tune one scan.
type Options struct {
	// Now is the day waivers are judged against (default: today).
	Now time.Time
	// Outputs are the files this run writes inside the target (relative,
	// slash-separated): the scan leaves them out, as it does earlier
	// ospolint reports (OwnReport).
	Outputs []string
	// Known, when set, holds findings already known (a baseline report's):
	// they are not reported again (see diff.go).
	Known *Known
	// Paths, when set, are the only files scanned (with the files that
	// hold their licensing information), instead of a walk of the whole
	// repository: the pre-commit hook's staged files (see files.go).
	Paths []string
	// Forge holds what the forge's API says about the repository (settings,
	// the owner's .github repository); nil without API access.
	Forge *checks.Forge
}

// Run scans one opened repository with the plan. Problems of single files
// and checks are part of the result. It fails when the context is cancelled,
// when the walk fails (an unreadable root) and when a git view met an object
// it could not read at any point of the scan: the result would judge part
// of the revision as if it were all of it.
func Run(ctx context.Context, r *repo.Repo, plan *Plan, opt Options) (*TargetResult, error) {
	res, _, err := run(ctx, r, plan, opt, nil)
	return res, err
}

// run is Run that also returns what the checks saw of the repository, and
// gives the change checks the base of the change ch (diff mode, see
// diff.go).
func run(ctx context.Context, r *repo.Repo, plan *Plan, opt Options, ch *change) (*TargetResult, *checks.Target, error) {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	res := &TargetResult{Target: r.Name, Kind: string(r.Kind), Revision: r.Revision, Findings: []Finding{}}
	if plan.needsLicense() && opt.Paths == nil {
		// Compiling licence matchers overlaps the walk; it reads r, so it
		// ends (or stops, when ctx is done) before Run returns and the
		// caller closes r.
		var wg sync.WaitGroup
		defer wg.Wait()
		pctx, cancel := context.WithCancel(ctx)
		defer cancel()
		wg.Go(func() {
			defer func() { _ = recover() }() // a warm-up only: DetectProject redoes the work and reports
			license.Prefetch(pctx, r.FS)
		})
	}
	own := skipOwn(r.FS, opt.Outputs)
	var heads *checks.ReuseHeads
	if opt.Paths == nil && r.Kind == repo.KindWorktree {
		// Only a working tree's walk reads heads (file mode walks nothing).
		heads = plan.reuseHeads(r)
	}
	ix, problems, err := index(ctx, r, func(p string, isDir bool) bool {
		return plan.excluded(p, isDir) || !isDir && own(p)
	}, opt, heads)
	if err != nil {
		return nil, nil, err
	}
	res.Files, res.Problems = ix.Len(), problems
	t := checks.NewTarget(r.FS, ix)
	t.SetReuseHeads(heads)
	ch.attach(t, r)
	t.SetForge(opt.Forge)

	passes := make([]*checks.Pass, len(plan.Checks))
	for i, pc := range plan.Checks {
		passes[i] = checks.NewPass(pc.Check, t, pc.Options)
	}
	visitErrs := filePass(ctx, r, t, passes)
	results := make([]CheckResult, len(passes))
	// Every check gets its own goroutine, with no cap: several wait for
	// facts one of them computes (the project licence, the REUSE
	// evaluation), and a cap of one per processor had those waiting hold
	// the places of checks with work to do (the default scan of u-boot ran
	// its checks one after another behind the licence detection).
	g, gctx := errgroup.WithContext(ctx)
	for i, p := range passes {
		if p.Check.Runner {
			continue
		}
		g.Go(func() error {
			results[i] = runOne(gctx, p, visitErrs[i])
			return nil
		})
	}
	_ = g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("scan %s: %w", r.Name, err)
	}
	if err := r.Err(); err != nil {
		return nil, nil, err
	}

	res.Findings = collectFindings(plan, passes)
	plan.applyWaivers(res, opt.Now)
	dropOutside(res, ix, opt)
	// Unwaived findings per check, and how many of them fail it.
	type count struct{ all, failing int }
	counts := map[string]*count{}
	for _, pc := range plan.Checks {
		counts[pc.Check.ID] = &count{}
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if c := counts[f.Check]; c != nil && f.Waived == nil {
			c.all++
			if !f.Advisory {
				c.failing++
			}
		}
	}
	for i, p := range passes {
		pc := plan.Checks[i]
		cr := results[i]
		cr.ID, cr.Level = pc.Check.ID, pc.Level.String()
		if p.Check.Runner {
			cr.Status = checks.StatusPass
		}
		cr.Findings = counts[cr.ID].all
		failing := counts[cr.ID].failing
		if cr.Status == checks.StatusPass && failing > 0 {
			cr.Status = checks.StatusFail
		}
		results[i] = cr
	}
	res.Checks = results
	sortFindings(res.Findings)
	res.Facts.License = licenseFact(t, plan)
	res.Facts.Reuse = reuseFact(t, plan)
	res.Facts.SBOMs = sbomFacts(t, plan)
	res.Facts.Dependencies = dependencyFacts(t, plan)
	res.Maturity = maturity(plan, results)
	opt.Known.split(res)
	return res, t, nil
}

// runOne runs a check, turning a panic into an error outcome so one broken
// check never stops the others.
func runOne(ctx context.Context, p *checks.Pass, visitErr error) (cr CheckResult) {
	defer func() {
		if v := recover(); v != nil {
			cr = CheckResult{Status: checks.StatusError, Reason: fmt.Sprintf("internal error: %v\n%s", v, firstFrames(debug.Stack()))}
		}
	}()
	if visitErr != nil {
		return CheckResult{Status: checks.StatusError, Reason: visitErr.Error()}
	}
	if ctx.Err() != nil {
		return CheckResult{Status: checks.StatusError, Reason: "cancelled"}
	}
	if p.Check.Run != nil {
		if err := p.Check.Run(p); err != nil {
			if errors.Is(err, checks.ErrNotAvailable) {
				return CheckResult{Status: checks.StatusNotAvailable, Reason: err.Error()}
			}
			return CheckResult{Status: checks.StatusError, Reason: err.Error()}
		}
	}
	if r := p.NotApplicableReason(); r != "" {
		return CheckResult{Status: checks.StatusNotApplicable, Reason: r}
	}
	return CheckResult{Status: checks.StatusPass, Note: p.NoteText()}
}

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}

func newFinding(pc Planned, f checks.Finding) Finding {
	var scratch []byte
	return newFindingBuf(pc, f, &scratch)
}

// newFindingBuf is newFinding with a buffer for the fingerprint's input,
// kept from one finding to the next.
func newFindingBuf(pc Planned, f checks.Finding, scratch *[]byte) Finding {
	key := f.Key
	if key == "" {
		key = f.Message
	}
	*scratch = append((*scratch)[:0], pc.Check.ID...)
	*scratch = append(append(append(append(*scratch, 0), f.Path...), 0), key...)
	sum := sha256.Sum256(*scratch)
	level := pc.Level
	if f.Advisory {
		level = min(level, checks.Note)
	}
	return Finding{
		Check:       pc.Check.ID,
		Level:       level.String(),
		level:       level,
		Advisory:    f.Advisory,
		Message:     f.Message,
		Path:        f.Path,
		Line:        f.Line,
		GGI:         GGIRef{Activities: pc.Check.Activities, Goal: string(pc.Check.Goal())},
		Fingerprint: hex.EncodeToString(sum[:8]),
		Properties:  f.Properties,
	}
}

// collectFindings turns what the passes reported into the report's
// findings, in the order of the passes. Fingerprinting them (a SHA-256
// each) is done in parallel chunks: a REUSE scan of a tree shaped like
// u-boot's has 26,000 findings.
func collectFindings(plan *Plan, passes []*checks.Pass) []Finding {
	const chunk = 2048
	type job struct{ pass, lo, hi, at int }
	var jobs []job
	all := make([][]checks.Finding, len(passes))
	n := 0
	for i, p := range passes {
		all[i] = p.TakeFindings()
		for lo := 0; lo < len(all[i]); lo += chunk {
			hi := min(lo+chunk, len(all[i]))
			jobs = append(jobs, job{pass: i, lo: lo, hi: hi, at: n + lo})
		}
		n += len(all[i])
	}
	out := make([]Finding, n)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		g.Go(func() error {
			pc := plan.Checks[j.pass]
			var scratch []byte
			for k, f := range all[j.pass][j.lo:j.hi] {
				out[j.at+k] = newFindingBuf(pc, f, &scratch)
			}
			return nil
		})
	}
	_ = g.Wait()
	return out
}

func sortFindings(fs []Finding) {
	// An order of indices, then one move each: findings are large to swap.
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	// The findings come check by check, each check's mostly in path order
	// already: a few sorted runs, merged, cost far less than a sort.
	bounds := []int{0}
	for i := 1; i < len(fs); i++ {
		if compareFindings(&fs[i-1], &fs[i]) > 0 {
			bounds = append(bounds, i)
		}
	}
	bounds = append(bounds, len(fs))
	switch {
	case len(bounds) == 2:
		return
	case len(bounds) > 64:
		slices.SortStableFunc(idx, func(i, j int32) int { return compareFindings(&fs[i], &fs[j]) })
	default:
		idx = mergeRuns(fs, idx, bounds)
	}
	sorted := make([]Finding, len(fs))
	for k, i := range idx {
		sorted[k] = fs[i]
	}
	copy(fs, sorted)
}

// mergeRuns merges the sorted runs idx[bounds[k]:bounds[k+1]], two by two
// until one is left, keeping the earlier of equal findings first (stable).
func mergeRuns(fs []Finding, idx []int32, bounds []int) []int32 {
	tmp := make([]int32, len(idx))
	for len(bounds) > 2 {
		next := []int{0}
		for k := 0; k+1 < len(bounds); k += 2 {
			lo, mid := bounds[k], bounds[k+1]
			if k+2 == len(bounds) {
				// An odd run out: carried over as it is.
				copy(tmp[lo:mid], idx[lo:mid])
				next = append(next, mid)
				continue
			}
			hi := bounds[k+2]
			i, j, o := lo, mid, lo
			for i < mid && j < hi {
				if compareFindings(&fs[idx[j]], &fs[idx[i]]) < 0 {
					tmp[o] = idx[j]
					j++
				} else {
					tmp[o] = idx[i]
					i++
				}
				o++
			}
			o += copy(tmp[o:], idx[i:mid])
			copy(tmp[o:], idx[j:hi])
			next = append(next, hi)
		}
		idx, tmp = tmp, idx
		bounds = next
	}
	return idx
}

// compareFindings orders findings by path, line, check and message.
func compareFindings(a, b *Finding) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	if c := strings.Compare(a.Check, b.Check); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

// reuseHeads is where the walk puts the REUSE reading of file heads, when
// a check of the plan wants it (nil otherwise).
func (p *Plan) reuseHeads(r *repo.Repo) *checks.ReuseHeads {
	cs := make([]*checks.Check, len(p.Checks))
	for i, pc := range p.Checks {
		cs[i] = pc.Check
	}
	return checks.NewReuseHeads(cs, r.FS)
}

func (p *Plan) needsLicense() bool {
	for _, pc := range p.Checks {
		if strings.HasPrefix(pc.Check.ID, "license") {
			return true
		}
	}
	return false
}

// excluded drops configured paths from the walk, pruning a directory when
// everything below it is excluded. Files are matched on their own: a glob
// for what is inside a directory never drops a file of the directory's name.
func (p *Plan) excluded(path string, isDir bool) bool {
	for _, e := range p.excludes {
		if e.lit != "" && !strings.Contains(path, e.lit) {
			continue
		}
		g := e.glob
		if isDir {
			// A directory is pruned only when the glob takes in all of it:
			// it names the directory ("vendor", "build/") or ends in "/**"
			// after a part that names it ("**/testdata/**"). Other globs
			// ("docs/**/[!_]*") are matched file by file.
			if prefix, ok := strings.CutSuffix(g, "/**"); ok {
				if m, _ := doublestar.Match(prefix, path); m {
					return true
				}
			}
			if m, _ := doublestar.Match(strings.TrimSuffix(g, "/"), path); m {
				return true
			}
			continue
		}
		if ok, _ := doublestar.Match(e.file, path); ok {
			return true
		}
	}
	return false
}

// requiredLiteral returns the longest run of plain characters of a glob,
// which any path it matches must contain: runs are cut at '/', since "**/"
// matches no directory at all, and at '*' and '?'. Patterns with classes,
// alternatives or escapes get "" (no shortcut).
func requiredLiteral(glob string) string {
	if strings.ContainsAny(glob, "[]{}\\") {
		return ""
	}
	best := ""
	for _, run := range strings.FieldsFunc(glob, func(r rune) bool { return r == '/' || r == '*' || r == '?' }) {
		if len(run) > len(best) {
			best = run
		}
	}
	return best
}

// applyWaivers marks waived findings and reports expired and unmatched
// waivers (when those checks are in the plan).
func (p *Plan) applyWaivers(res *TargetResult, now time.Time) {
	planned := map[string]Planned{}
	for _, pc := range p.Checks {
		planned[pc.Check.ID] = pc
	}
	for _, w := range p.Config.Waivers {
		if _, ran := planned[w.Check]; !ran {
			// The check is off or not selected: its waiver is neither used
			// nor stale.
			continue
		}
		until := ""
		if !w.Until.IsZero() {
			until = w.Until.Format(time.DateOnly)
		}
		if w.Expired(now) {
			if pc, ok := planned["waiver-expired"]; ok {
				res.Findings = append(res.Findings, newFinding(pc, checks.Finding{
					Path: w.Pos.File, Line: w.Pos.Line, Key: w.Check + " " + strings.Join(w.Paths, ","),
					Message: fmt.Sprintf("waiver for %s expired on %s (reason was: %s); its findings are reported again", w.Check, until, w.Reason),
				}))
			}
			continue
		}
		matched := 0
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Waived == nil && w.Matches(f.Check, f.Path) {
				f.Waived = &Waived{Reason: w.Reason, Until: until, File: w.Pos.File, Line: w.Pos.Line}
				matched++
			}
		}
		if matched == 0 {
			if pc, ok := planned["waiver-unmatched"]; ok {
				res.Findings = append(res.Findings, newFinding(pc, checks.Finding{
					Path: w.Pos.File, Line: w.Pos.Line, Key: w.Check + " " + strings.Join(w.Paths, ","),
					Message: fmt.Sprintf("waiver for %s matches no finding: remove it or fix its check and paths", w.Check),
				}))
			}
		}
	}
}

func licenseFact(t *checks.Target, p *Plan) LicenseFact {
	if !p.needsLicense() {
		return LicenseFact{Files: []license.File{}}
	}
	lr := t.License()
	lf := LicenseFact{Confidence: lr.Confidence, Source: lr.Source, Files: lr.Files, Signals: lr.Signals}
	if lf.Files == nil {
		lf.Files = []license.File{}
	}
	if lr.Expression != "" {
		e := lr.Expression
		lf.Expression = &e
	}
	return lf
}

// maturity sums up the run per GGI goal. A check counts under each goal of
// its activities once. An activity has evidence when its essential checks
// (ggi.Essential) that ran all passed; when none of them ran, when every
// check of it that was judged passed. A check that errored counts as not
// passed; not-applicable and not-available ones count for nothing.
func maturity(p *Plan, results []CheckResult) []GoalMaturity {
	goals := map[ggi.Goal]*GoalMaturity{}
	// status of each judged check, per activity
	byActivity := map[string]map[string]checks.Status{}
	for i, pc := range p.Checks {
		// A change check judges a change, not the repository's maturity.
		if pc.Check.Runner || pc.Check.Needs == checks.NeedDiff {
			continue
		}
		st := results[i].Status
		judged := st == checks.StatusPass || st == checks.StatusFail
		seenGoal := map[ggi.Goal]bool{}
		for _, id := range pc.Check.Activities {
			a, _ := ggi.Lookup(id)
			g := goals[a.Goal]
			if g == nil {
				g = &GoalMaturity{Goal: string(a.Goal), Activities: []string{}, Missing: []string{}, Gaps: []ActivityGap{}}
				goals[a.Goal] = g
			}
			if judged || st == checks.StatusError {
				if byActivity[id] == nil {
					byActivity[id] = map[string]checks.Status{}
				}
				byActivity[id][pc.Check.ID] = st
			}
			if !seenGoal[a.Goal] && judged {
				g.Applicable++
				if st == checks.StatusPass {
					g.Passed++
				}
			}
			seenGoal[a.Goal] = true
		}
	}
	for _, a := range ggi.All() {
		ran := byActivity[a.ID]
		g := goals[a.Goal]
		if len(ran) == 0 || g == nil {
			continue
		}
		var need []string
		for _, id := range ggi.Essential(a.ID) {
			if _, ok := ran[id]; ok {
				need = append(need, id)
			}
		}
		if len(need) == 0 {
			for id := range ran {
				need = append(need, id)
			}
			sort.Strings(need)
		}
		var failing []string
		for _, id := range need {
			if ran[id] != checks.StatusPass {
				failing = append(failing, id)
			}
		}
		if len(failing) == 0 {
			g.Activities = append(g.Activities, a.ID)
			continue
		}
		g.Missing = append(g.Missing, a.ID)
		g.Gaps = append(g.Gaps, ActivityGap{Activity: a.ID, Failing: failing})
	}
	var out []GoalMaturity
	for _, goal := range ggi.Goals() {
		if g := goals[goal]; g != nil {
			out = append(out, *g)
		}
	}
	return out
}
