// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ospolint/ospolint/bench/treegen"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
)

// benchFiles is the default size of the generated tree (the environment
// variable OSPOLINT_BENCH_FILES overrides it); bench/scan.sh runs the
// 100,000-file version end to end with the real binary.
const benchFiles = 20000

// BenchmarkScanDefault scans a generated 20,000-file tree with the default
// rule set and reports the time against reading the first 4 KiB of every
// file the way `find . -type f | xargs head -c 4096` does, measured in the
// same run (target: ratio <= 1.5).
//
//	go test ./internal/scan -run '^$' -bench ScanDefault -benchtime 3x
func BenchmarkScanDefault(b *testing.B) {
	n := benchFiles
	if v, err := strconv.Atoi(os.Getenv("OSPOLINT_BENCH_FILES")); err == nil && v > 0 {
		n = v
	}
	dir := filepath.Join(b.TempDir(), "tree")
	if _, err := treegen.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	cfg, err := config.LoadBuiltin(config.DefaultSet)
	if err != nil {
		b.Fatal(err)
	}
	scanOnce := func() {
		r, err := repo.OpenWorktree(dir)
		if err != nil {
			b.Fatal(err)
		}
		defer r.Close()
		plan, err := NewPlan(cfg, "")
		if err != nil {
			b.Fatal(err)
		}
		res, err := Run(context.Background(), r, plan, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Files != n {
			b.Fatalf("scanned %d files, want %d", res.Files, n)
		}
	}
	// Warm the page cache (and the licence matcher) for both sides.
	baseline := headBaseline(b, dir)
	scanOnce()

	var scanned, base time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		scanOnce()
		scanned += time.Since(start)
		b.StopTimer()
		base += baseline()
		b.StartTimer()
	}
	b.StopTimer()
	if base > 0 {
		b.ReportMetric(float64(scanned)/float64(base), "ratio")
		b.ReportMetric(float64(base.Milliseconds())/float64(b.N), "head-ms/op")
	}
}

// headBaseline returns a timer of the baseline: find|xargs head when the
// tools exist, else the same reads done in process.
func headBaseline(b *testing.B, dir string) func() time.Duration {
	b.Helper()
	_, errFind := exec.LookPath("find")
	_, errHead := exec.LookPath("head")
	_, errXargs := exec.LookPath("xargs")
	if errFind == nil && errHead == nil && errXargs == nil {
		run := func() time.Duration {
			cmd := exec.Command("sh", "-c", "find . -type f -print0 | xargs -0 head -c 4096 > /dev/null")
			cmd.Dir = dir
			start := time.Now()
			if err := cmd.Run(); err != nil {
				b.Fatalf("baseline: %v", err)
			}
			return time.Since(start)
		}
		run()
		return run
	}
	b.Log("find/xargs/head not found; the baseline reads the heads in process")
	run := func() time.Duration {
		start := time.Now()
		buf := make([]byte, 4096)
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			if _, err := io.ReadFull(f, buf); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
				return err
			}
			return nil
		})
		if err != nil {
			b.Fatalf("baseline: %v", err)
		}
		return time.Since(start)
	}
	run()
	return run
}
