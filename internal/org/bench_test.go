// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build unix

package org

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/ospolint/ospolint/internal/github/fakegh"
	"github.com/ospolint/ospolint/internal/repo"
)

// BenchmarkOrgScan scans an organisation of 1,000 small repositories
// (OSPOLINT_BENCH_REPOS to change it) behind the fake API, each scan in a
// separate process so its peak memory can be read, and prints:
//
//   - repositories per second, against the baseline of only cloning the
//     same repositories with the same parallelism in the same run;
//   - API requests per repository beyond the listing;
//   - the share of requests a second run (with the ETag cache) gets
//     answered with 304;
//   - peak RSS of a scan of 100 and of all the repositories.
//
// Run it with: go test ./internal/org -run '^$' -bench OrgScan -benchtime 1x
// (or bash bench/org.sh).
func BenchmarkOrgScan(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("OSPOLINT_BENCH_REPOS")); err == nil && v >= 100 {
		n = v
	}
	dir := b.TempDir()
	templates := make([]string, 3)
	for i := range templates {
		files := map[string]string{"LICENSE": fakegh.MITText(), "README.md": "# service\n\nThis service answers requests from the other services and keeps their state in one place.\n", "main.go": "package main\n\nfunc main() {}\n"}
		if i > 0 {
			files["SECURITY.md"] = "# Security\n\nReport vulnerabilities to security@acme.example.\n"
		}
		if i > 1 {
			files["CONTRIBUTING.md"] = "# Contributing\n\nFork the repository, create a branch, write tests and open a pull request; a maintainer reviews it within a week.\n"
		}
		if _, err := fakegh.MakeRepo(filepath.Join(dir, fmt.Sprintf("template%d", i)), files); err != nil {
			b.Fatal(err)
		}
	}
	var repos []fakegh.Repo
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("svc%04d", i)
		url, err := fakegh.CopyRepo(filepath.Join(dir, fmt.Sprintf("template%d", i%3)), filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		// A read-only token: rulesets on a third of the repositories.
		repos = append(repos, fakegh.Repo{Name: name, CloneURL: url, Language: "Go", RulesetReviews: i % 3 / 2, Protected: i%5 == 0, PVR: i%2 == 0})
	}
	big := (&fakegh.Server{Org: "acme", Token: token, Repos: repos}).Start()
	defer big.Close()
	small := (&fakegh.Server{Org: "acme", Token: token, Repos: repos[:100]}).Start()
	defer small.Close()
	jobs := runtime.GOMAXPROCS(0)
	if v, err := strconv.Atoi(os.Getenv("OSPOLINT_BENCH_JOBS")); err == nil && v > 0 {
		jobs = v
	}

	for i := 0; i < b.N; i++ {
		// Baseline: the clones alone, as parallel as the scan.
		start := time.Now()
		g, ctx := errgroup.WithContext(context.Background())
		g.SetLimit(jobs)
		tmp := b.TempDir()
		for _, r := range repos {
			g.Go(func() error {
				rp, err := repo.Clone(ctx, r.CloneURL, repo.OpenOptions{TempDir: tmp})
				if err != nil {
					return err
				}
				return rp.Close()
			})
		}
		if err := g.Wait(); err != nil {
			b.Fatal(err)
		}
		baseline := float64(n) / time.Since(start).Seconds()

		cache := b.TempDir()
		big.ResetCounts()
		cold, rss := runChild(b, child(b, big.APIURL(), b.TempDir(), cache, jobs, false))
		counts := big.PathCounts()
		beyond := float64(cold.Requests-int64(counts["list"])-1) / float64(n) // the listing and the .github lookup
		warm, _ := runChild(b, child(b, big.APIURL(), b.TempDir(), cache, jobs, false))
		_, rss100 := runChild(b, child(b, small.APIURL(), b.TempDir(), b.TempDir(), jobs, false))

		if cold.Repos != n || warm.Repos != n {
			b.Fatalf("scanned %d and %d repositories, want %d", cold.Repos, warm.Repos, n)
		}
		rate := float64(n) / cold.Seconds
		share := float64(warm.NotModified) / float64(warm.Requests)
		b.Logf("%d repositories in %.1f s: %.1f repos/s; clone-only baseline %.1f repos/s (scan/baseline %.2f×)", n, cold.Seconds, rate, baseline, rate/baseline)
		b.Logf("API: %.2f requests per repository beyond the listing (%d requests in all: %v)", beyond, cold.Requests, counts)
		b.Logf("second run: %d of %d requests answered 304 (%.1f%%) in %.1f s", warm.NotModified, warm.Requests, share*100, warm.Seconds)
		b.Logf("peak RSS: %.0f MiB at 100 repositories, %.0f MiB at %d (%.2f×)", float64(rss100)/(1<<20), float64(rss)/(1<<20), n, float64(rss)/float64(rss100))
		b.ReportMetric(rate, "repos/s")
		b.ReportMetric(rate/baseline, "x-clone-baseline")
		b.ReportMetric(beyond, "req/repo")
		b.ReportMetric(share*100, "%304")
		b.ReportMetric(float64(rss100)/(1<<20), "MiB-rss-100")
		b.ReportMetric(float64(rss)/(1<<20), "MiB-rss-all")
	}
}
