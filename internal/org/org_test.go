// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package org

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/github"
	"github.com/ospolint/ospolint/internal/github/fakegh"
	"github.com/ospolint/ospolint/internal/org/summary"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

const token = "ghp_orgsecret0123456789abcdefABCDEF0123"

// fixture is a fake organisation: git repositories made in the test, listed
// by a fake API 10 a page with a secondary limit on page 2 and 502s on the
// flaky ones.
type fixture struct {
	srv   *fakegh.Server
	names []string // every repository the scan must report (not filtered)
}

func newFixture(t testing.TB, n int) *fixture {
	t.Helper()
	dir := t.TempDir()
	f := &fixture{srv: &fakegh.Server{Org: "acme", Token: token, SecondaryOnPage: 2, PrimaryOnPage: 3, FlakyPrefix: "flaky"}}
	add := func(r fakegh.Repo, files map[string]string) {
		if files != nil {
			url, err := fakegh.MakeRepo(filepath.Join(dir, r.Name), files)
			if err != nil {
				t.Fatal(err)
			}
			r.CloneURL = url
		}
		f.srv.Repos = append(f.srv.Repos, r)
		if !r.Archived && !r.Fork {
			f.names = append(f.names, r.Name)
		}
	}
	for i := 0; i < n; i++ {
		files := map[string]string{
			"LICENSE":   fakegh.MITText(),
			"README.md": fmt.Sprintf("# svc%d\n\nThe svc%d service answers requests from the other services of acme and keeps their state in one place.\n", i, i),
			"main.go":   "package main\n\nfunc main() {}\n",
		}
		if i%2 == 0 {
			files["SECURITY.md"] = "# Security\n\nReport vulnerabilities to security@acme.example.\n"
		}
		add(fakegh.Repo{Name: fmt.Sprintf("svc%d", i), Language: "Go", RulesetReviews: i % 3, PVR: i%2 == 0, Admin: i%4 == 0, Alerts: i%8 == 0, Topics: []string{"service"}}, files)
	}
	add(fakegh.Repo{Name: "flaky", RulesetReviews: 1}, map[string]string{"LICENSE": fakegh.MITText(), "README.md": "# flaky\n"})
	add(fakegh.Repo{Name: "broken", CloneURL: "file://" + filepath.ToSlash(filepath.Join(dir, "no-such-repository"))}, nil)
	if _, err := git.PlainInit(filepath.Join(dir, "empty"), true); err != nil {
		t.Fatal(err)
	}
	add(fakegh.Repo{Name: "empty", Empty: true, CloneURL: "file://" + filepath.ToSlash(filepath.Join(dir, "empty"))}, nil)
	add(fakegh.Repo{Name: "frozen", Disabled: true, CloneURL: "file:///nowhere"}, nil)
	add(fakegh.Repo{Name: "old", Archived: true}, map[string]string{"README.md": "# old\n"})
	add(fakegh.Repo{Name: "someones-fork", Fork: true}, map[string]string{"README.md": "# fork\n"})
	// The organisation's .github repository: its community files stand in
	// for those the repositories lack; never its licence.
	add(fakegh.Repo{Name: ".github"}, map[string]string{
		"CONTRIBUTING.md":    "# Contributing to acme\n\nFork the repository, create a branch, write tests for your change and open a pull request; a maintainer reviews every pull request within a week.\n",
		"CODE_OF_CONDUCT.md": "# Code of conduct\n\nWe follow the Contributor Covenant. Report unacceptable behaviour to conduct@acme.example.\n",
		"SECURITY.md":        "# Security\n\nReport vulnerabilities privately to security@acme.example.\n",
		"LICENSE":            fakegh.MITText(),
	})
	f.srv.Start()
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fixture) client(t testing.TB, cacheDir string, logs io.Writer) *github.Client {
	t.Helper()
	ep, err := github.ParseEndpoint(f.srv.APIURL())
	if err != nil {
		t.Fatal(err)
	}
	return github.New(github.Options{Endpoint: ep, Token: token, CacheDir: cacheDir, PerPage: 10,
		Retry: github.Retry{Attempts: 4, Base: time.Millisecond, Max: 10 * time.Millisecond, MaxWait: 30 * time.Second},
		Logf:  func(format string, a ...any) { fmt.Fprintf(logs, format+"\n", a...) }})
}

func defaultPlan(*repo.Repo) (*scan.Plan, error) { return planOf(config.DefaultSet) }

func planOf(set string) (*scan.Plan, error) {
	cfg, err := config.LoadBuiltin(set)
	if err != nil {
		return nil, err
	}
	return scan.NewPlan(cfg, "")
}

// safeBuffer collects logs from many workers.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (f *fixture) options(t testing.TB, out string, logs io.Writer) Options {
	return Options{Org: "acme", Client: f.client(t, "", logs), Jobs: 4, OutDir: out, PlanFor: defaultPlan,
		Tool: scan.Tool{Name: "ospolint", Version: "test"}, Logf: func(format string, a ...any) { fmt.Fprintf(logs, format+"\n", a...) }}
}

func readFile(t testing.TB, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestOrgScanEveryRepositoryAccountedFor(t *testing.T) {
	f := newFixture(t, 24)
	out := t.TempDir()
	logs := &safeBuffer{}
	opt := f.options(t, out, logs)
	opt.PlanFor = func(*repo.Repo) (*scan.Plan, error) { return planOf("ggi-trust") } // with dependabot-alerts
	s, err := Run(context.Background(), opt)
	if err == nil || !strings.Contains(err.Error(), "1 of 29 repositories could not be scanned") {
		for _, r := range s.Repos {
			if r.Status != summary.StatusOK {
				t.Logf("%s: %s: %s", r.Name, r.Status, r.Error)
			}
		}
		t.Fatalf("Run: %v, want the broken repository to fail the run\n%s", err, logs)
	}
	// Every listed repository but the archived one and the fork ends ok,
	// error or skipped: none is lost.
	if len(s.Repos) != len(f.names) || s.Totals.Repos != 29 {
		t.Fatalf("%d repositories in the summary, want %d", len(s.Repos), len(f.names))
	}
	got := map[string]summary.Repo{}
	for _, r := range s.Repos {
		got[r.Name] = r
	}
	for _, name := range f.names {
		r, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s is missing from the summary", name)
		case name == "broken":
			if r.Status != summary.StatusError || !strings.Contains(r.Error, "clone") {
				t.Errorf("broken: %s %q", r.Status, r.Error)
			}
		case name == "empty", name == "frozen":
			if r.Status != summary.StatusSkipped {
				t.Errorf("empty: %s %q", r.Status, r.Error)
			}
		case r.Status != summary.StatusOK:
			t.Errorf("%s: %s %s", name, r.Status, r.Error)
		}
	}
	if s.Totals.OK != 26 || s.Totals.Error != 1 || s.Totals.Skipped != 2 {
		t.Errorf("totals %+v", s.Totals)
	}
	// The limits and faults were met and survived.
	for _, want := range []string{"secondary rate limit", "primary rate limit exhausted", "answered 502; retrying"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}

	// Settings from the API: svc0 (ruleset 0 reviews, admin, PVR on,
	// alerts on), svc1 (a ruleset requiring a review).
	svc0, svc1 := got["svc0"], got["svc1"]
	for id, want := range map[string]checks.Status{"review-required": checks.StatusFail, "private-vulnerability-reporting": checks.StatusPass, "dependabot-alerts": checks.StatusPass} {
		if svc0.Checks[id] != want {
			t.Errorf("svc0 %s: %s, want %s", id, svc0.Checks[id], want)
		}
	}
	for id, want := range map[string]checks.Status{"review-required": checks.StatusPass, "private-vulnerability-reporting": checks.StatusFail, "dependabot-alerts": checks.StatusNotAvailable} {
		if svc1.Checks[id] != want {
			t.Errorf("svc1 %s: %s, want %s", id, svc1.Checks[id], want)
		}
	}
	// Community files inherited from acme/.github: contributing and code of
	// conduct pass everywhere; svc1's missing SECURITY.md is inherited too.
	for _, id := range []string{"contributing", "code-of-conduct", "security-policy"} {
		if svc1.Checks[id] != checks.StatusPass {
			t.Errorf("svc1 %s: %s, want pass through inheritance", id, svc1.Checks[id])
		}
	}
	var rep scan.Report
	if err := json.Unmarshal(readFile(t, filepath.Join(out, svc1.Reports.JSON)), &rep); err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{}
	for _, c := range rep.Targets[0].Checks {
		notes[c.ID] = c.Note
	}
	if !strings.Contains(notes["contributing"], "inherited from acme/.github") || !strings.Contains(notes["review-required"], "ruleset 42") {
		t.Errorf("notes: %v", notes)
	}
	// The licence is never inherited: flaky has its own, and figures count
	// the repositories' own licences only.
	if s.Figures[0].ID != "license" || s.Figures[0].Yes != 26 || s.Figures[0].Of != 26 {
		t.Errorf("licence figure %+v", s.Figures[0])
	}

	// Every output is there, whole.
	for _, name := range []string{"summary.json", "inventory.csv", "index.html", "repos/svc3.json", "repos/svc3.sarif", "repos/broken.json", "repos/broken.sarif"} {
		if info, err := os.Stat(filepath.Join(out, name)); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	inv := string(readFile(t, filepath.Join(out, "inventory.csv")))
	if lines := strings.Count(inv, "\n"); lines != 30 || !strings.Contains(inv, "acme/svc3,https://github.example/acme/svc3,ok,public,MIT,Go,service,false,false,main,2026-11-01T00:00:00Z") {
		t.Errorf("inventory (%d lines):\n%s", lines, inv)
	}
	assertNoToken(t, out, logs.String())
}

// assertNoToken greps every file written and the logs for the token.
func assertNoToken(t *testing.T, dir string, logs ...string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && bytes.Contains(readFile(t, p), []byte(token)) {
			t.Errorf("%s holds the token", p)
		}
		return nil
	})
	for _, l := range logs {
		if strings.Contains(l, token) {
			t.Error("the token is in the log")
		}
	}
}

func TestFiltersAndShards(t *testing.T) {
	f := newFixture(t, 6)
	out := t.TempDir()
	opt := f.options(t, out, io.Discard)
	opt.Filter = Filter{IncludeArchived: true, IncludeForks: true, Match: regexp.MustCompile(`^(svc|old|someones)`), Topics: nil}
	s, err := Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range s.Repos {
		names = append(names, r.Name)
	}
	if got := strings.Join(names, ","); got != "old,someones-fork,svc0,svc1,svc2,svc3,svc4,svc5" {
		t.Errorf("filtered: %s", got)
	}
	opt.Filter = Filter{Topics: []string{"SERVICE"}, Visibility: "public"}
	if s, _ = Run(context.Background(), opt); len(s.Repos) != 6 {
		t.Errorf("topic filter: %d repositories", len(s.Repos))
	}
	// Shards partition the names: each exactly once.
	seen := map[string]int{}
	for k := 1; k <= 3; k++ {
		for _, n := range f.names {
			if (Shard{K: k, N: 3}).Has("acme/" + n) {
				seen[n]++
			}
		}
	}
	for _, n := range f.names {
		if seen[n] != 1 {
			t.Errorf("%s is in %d shards", n, seen[n])
		}
	}
	for _, bad := range []string{"0/4", "5/4", "x", "1/0", "2"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("--shard %s accepted", bad)
		}
	}
}

func TestFourShardsMergedEqualOneRun(t *testing.T) {
	f := newFixture(t, 16)
	one := t.TempDir()
	if _, err := Run(context.Background(), f.options(t, one, io.Discard)); err == nil {
		t.Fatal("want the broken repository to fail the run")
	}
	var dirs []string
	for k := 1; k <= 4; k++ {
		d := t.TempDir()
		opt := f.options(t, d, io.Discard)
		opt.Shard = Shard{K: k, N: 4}
		_, _ = Run(context.Background(), opt)
		dirs = append(dirs, d)
	}
	merged := t.TempDir()
	s, err := Merge(merged, dirs)
	if err != nil {
		t.Fatal(err)
	}
	if s.Totals.Repos != len(f.names) {
		t.Errorf("merged %d repositories, want %d", s.Totals.Repos, len(f.names))
	}
	for _, name := range []string{"summary.json", "inventory.csv"} {
		if a, b := readFile(t, filepath.Join(one, name)), readFile(t, filepath.Join(merged, name)); !bytes.Equal(a, b) {
			t.Errorf("%s of the merged shards differs from one run's", name)
		}
	}
	for _, r := range s.Repos {
		if r.Reports.JSON != "" {
			if !bytes.Equal(readFile(t, filepath.Join(one, r.Reports.JSON)), readFile(t, filepath.Join(merged, r.Reports.JSON))) {
				t.Errorf("%s differs", r.Reports.JSON)
			}
		}
	}
	// Shards of another organisation are refused.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "summary.json"), []byte(`{"schemaVersion":"1.0","org":"other","host":"github.com"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Merge(t.TempDir(), []string{dirs[0], other}); err == nil || !strings.Contains(err.Error(), "cannot merge") {
		t.Errorf("merging two organisations: %v", err)
	}
	if _, err := Merge(t.TempDir(), []string{t.TempDir()}); err == nil || !strings.Contains(err.Error(), "summary.json") {
		t.Errorf("merging a directory without a summary: %v", err)
	}
}

// cancelAfter cancels the scan once n repositories are done, as a kill
// half way would stop it.
type cancelAfter struct {
	mu     sync.Mutex
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Grow(int) {}
func (c *cancelAfter) Done(summary.Repo, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n--; c.n == 0 {
		c.cancel()
	}
}

func TestResumeAfterInterruptGivesTheSameSummary(t *testing.T) {
	f := newFixture(t, 20)
	whole := t.TempDir()
	_, _ = Run(context.Background(), f.options(t, whole, io.Discard))

	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	opt := f.options(t, out, io.Discard)
	opt.Progress = &cancelAfter{n: 10, cancel: cancel}
	if _, err := Run(ctx, opt); err == nil || !strings.Contains(err.Error(), "--resume") {
		t.Fatalf("interrupted run: %v", err)
	}
	done, _ := filepath.Glob(filepath.Join(out, resumeDir, "*.json"))
	if len(done) < 10 || len(done) >= len(f.names) {
		t.Fatalf("%d repositories recorded after the interruption", len(done))
	}
	// A torn write from the kill: a temporary file, which resume ignores
	// and removes. Files of the user's own in the output directory stay,
	// whatever their names.
	torn := filepath.Join(out, resumeDir, ".svc-99.json.tmp-123")
	if err := os.WriteFile(torn, []byte(`{"name":"svc`), 0o644); err != nil {
		t.Fatal(err)
	}
	mine := []string{filepath.Join(out, ".tmp-notes"), filepath.Join(out, "notes.tmp-1")}
	for _, m := range mine {
		if err := os.WriteFile(m, []byte("mine\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f.srv.ResetCounts()
	opt = f.options(t, out, io.Discard)
	opt.Resume = true
	resumed := 0
	opt.Progress = progressFunc(func(_ summary.Repo, r bool) {
		if r {
			resumed++
		}
	})
	_, _ = Run(context.Background(), opt)
	// Every repository finished before the interruption is taken as it is;
	// only the failed one is tried again.
	finished := 0
	for _, d := range done {
		var e summary.Repo
		if err := json.Unmarshal(readFile(t, d), &e); err != nil {
			t.Fatal(err)
		}
		if e.Status != summary.StatusError {
			finished++
		}
	}
	if resumed != finished {
		t.Errorf("%d repositories taken from the interrupted run, %d were finished", resumed, finished)
	}
	if counts := f.srv.PathCounts(); counts["rules"] > len(f.names)-resumed+2 {
		t.Errorf("resumed run asked for the settings of %d repositories, %d were done", counts["rules"], resumed)
	}
	for _, name := range []string{"summary.json", "inventory.csv", "index.html"} {
		if !bytes.Equal(readFile(t, filepath.Join(whole, name)), readFile(t, filepath.Join(out, name))) {
			t.Errorf("%s after resuming differs from an uninterrupted run's", name)
		}
	}
	if _, err := os.Stat(torn); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the torn temporary file is still there: %v", err)
	}
	for _, m := range mine {
		if string(readFile(t, m)) != "mine\n" {
			t.Errorf("%s, the user's, was touched", m)
		}
	}
}

type progressFunc func(summary.Repo, bool)

func (progressFunc) Grow(int)                      {}
func (p progressFunc) Done(e summary.Repo, r bool) { p(e, r) }

func TestRepeatedScanAnswersFromTheCache(t *testing.T) {
	f := newFixture(t, 20)
	cache := t.TempDir()
	run := func() (int, int) {
		f.srv.ResetCounts()
		opt := f.options(t, t.TempDir(), io.Discard)
		opt.Client = f.client(t, cache, io.Discard)
		_, _ = Run(context.Background(), opt)
		return f.srv.Counts()
	}
	req1, _ := run()
	req2, nm2 := run()
	if share := float64(nm2) / float64(req2); share < 0.9 || req2 > req1 {
		t.Errorf("second run: %d of %d requests answered 304 (first run %d)", nm2, req2, req1)
	}
}

func TestListingThatStopsIsReported(t *testing.T) {
	f := newFixture(t, 24)
	f.srv.FailPage = 3 // after the retries, the listing stops at page 3 of 3
	out := t.TempDir()
	s, err := Run(context.Background(), f.options(t, out, io.Discard))
	if !errors.Is(err, ErrFailed) || !strings.Contains(err.Error(), "the listing stopped") {
		t.Fatalf("Run: %v", err)
	}
	// The repositories of pages 1 and 2 are scanned and reported (the
	// server sorts them by name, 10 a page), and the summary says the
	// listing is incomplete.
	want := 0
	for _, r := range f.srv.Repos[:20] {
		if !r.Archived && !r.Fork {
			want++
		}
	}
	if s.Totals.Repos != want || len(s.Errors) != 1 || !strings.Contains(s.Errors[0], "page 3") {
		t.Errorf("%d repositories (want %d), errors %q", s.Totals.Repos, want, s.Errors)
	}
	var back summary.Summary
	if err := json.Unmarshal(readFile(t, filepath.Join(out, "summary.json")), &back); err != nil || len(back.Errors) != 1 {
		t.Errorf("summary.json errors: %v %v", back.Errors, err)
	}
}

func TestHostileRepositoryNames(t *testing.T) {
	f := newFixture(t, 2)
	f.srv.Repos = append(f.srv.Repos, fakegh.Repo{Name: "../../escape", CloneURL: "file:///nowhere"})
	out := t.TempDir()
	s, _ := Run(context.Background(), f.options(t, out, io.Discard))
	for _, r := range s.Repos {
		if r.Name != "../../escape" {
			continue
		}
		if r.Status != summary.StatusError || !strings.Contains(r.Error, "not a GitHub name") || !strings.HasPrefix(r.Reports.JSON, "repos/repo-") {
			t.Errorf("hostile name: %+v", r)
		}
		if _, err := os.Stat(filepath.Join(out, r.Reports.JSON)); err != nil {
			t.Error(err)
		}
		return
	}
	t.Error("the repository with a hostile name is missing from the summary")
}

func TestScanForge(t *testing.T) {
	f := newFixture(t, 1)
	c := f.client(t, "", io.Discard)
	plan, err := defaultPlan(nil)
	if err != nil {
		t.Fatal(err)
	}
	target := strings.TrimSuffix(f.srv.APIURL(), "/") + "/acme/svc0"
	forge, done, err := ScanForge(context.Background(), c, target, plan, func(string, ...any) {})
	if err != nil || forge == nil || forge.Inherited == nil || forge.ReviewRequired.State != checks.SettingOff {
		t.Fatalf("%+v %v", forge, err)
	}
	done()
	// Another host, or no token: no facts and no request.
	f.srv.ResetCounts()
	if forge, _, _ := ScanForge(context.Background(), c, "https://gitlab.example/acme/svc0", plan, nil); forge != nil {
		t.Error("facts for a repository on another host")
	}
	if n, _ := f.srv.Counts(); n != 0 {
		t.Errorf("%d requests for a repository on another host", n)
	}
	// The organisation's .github repository cannot be cloned: a warning,
	// and the scan goes on with the settings.
	for i, r := range f.srv.Repos {
		if r.Name == ".github" {
			f.srv.Repos[i].CloneURL = "file:///no/such/repository"
		}
	}
	var logs strings.Builder
	forge, done, err = ScanForge(context.Background(), c, target, plan, func(format string, a ...any) { fmt.Fprintf(&logs, format, a...) })
	if err != nil || forge == nil || forge.Inherited != nil || !strings.Contains(logs.String(), "not inherited") {
		t.Errorf("broken .github: %+v %v %q", forge, err, logs.String())
	}
	done()
}
