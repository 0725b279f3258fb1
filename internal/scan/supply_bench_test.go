// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ospolint/ospolint/bench/treegen"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
)

// BenchmarkSupplyChecksOverhead scans a generated 20,000-file tree without
// lockfiles or SBOMs with the default rule set, and with the same set less
// the SBOM and dependency checks, alternating in the same run: the ratio is
// what those checks add to a tree that has nothing for them (target: 1.0,
// within the machine's noise).
//
//	go test ./internal/scan -run '^$' -bench SupplyChecksOverhead -benchtime 5x
func BenchmarkSupplyChecksOverhead(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "tree")
	if _, err := treegen.Generate(dir, benchFiles, 1); err != nil {
		b.Fatal(err)
	}
	cfg, err := config.LoadBuiltin(config.DefaultSet)
	if err != nil {
		b.Fatal(err)
	}
	scan := func(selection string) time.Duration {
		r, err := repo.OpenWorktree(dir)
		if err != nil {
			b.Fatal(err)
		}
		defer r.Close()
		plan, err := NewPlan(cfg, selection)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		res, err := Run(context.Background(), r, plan, Options{})
		if err != nil {
			b.Fatal(err)
		}
		took := time.Since(start)
		if res.Files == 0 {
			b.Fatal("nothing scanned")
		}
		return took
	}
	full, err := NewPlan(cfg, "")
	if err != nil {
		b.Fatal(err)
	}
	var keep []string
	for _, pc := range full.Checks {
		switch pc.Check.ID {
		case "sbom-present", "sbom-valid", "sbom-fresh", "lockfile", "dependency-update-tool", "vulnerability-scanning":
		default:
			keep = append(keep, pc.Check.ID)
		}
	}
	if len(keep) == len(full.Checks) {
		b.Fatal("the default set has none of the supply checks")
	}
	without := strings.Join(keep, ",")
	scan("")
	scan(without)
	var with, base time.Duration
	b.ResetTimer()
	for b.Loop() {
		with += scan("")
		b.StopTimer()
		base += scan(without)
		b.StartTimer()
	}
	b.StopTimer()
	if base > 0 {
		b.ReportMetric(float64(with)/float64(base), "ratio")
	}
}
