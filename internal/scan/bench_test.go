// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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
	// compare warms the page cache (and the licence matcher) for both sides.
	compare(b, "ratio", scanTimer(b, dir, n), headBaseline(b, dir))
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

// scanTimer returns a function that scans dir with the default rule set
// and returns the time it took.
func scanTimer(b *testing.B, dir string, files int) func() time.Duration {
	b.Helper()
	cfg, err := config.LoadBuiltin(config.DefaultSet)
	if err != nil {
		b.Fatal(err)
	}
	return func() time.Duration {
		start := time.Now()
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
		if res.Files != files {
			b.Fatalf("scanned %d files, want %d", res.Files, files)
		}
		return time.Since(start)
	}
}

// compare times a and b alternately over the benchmark's iterations and
// reports a's time as a ratio of b's.
func compare(b *testing.B, unit string, a, base func() time.Duration) {
	b.Helper()
	a()
	base()
	var ta, tb time.Duration
	b.ResetTimer()
	for b.Loop() {
		ta += a()
		tb += base()
	}
	b.StopTimer()
	b.ReportMetric(float64(ta)/float64(tb), unit)
	b.ReportMetric(float64(ta.Milliseconds())/float64(b.N), "ms/scan")
}

// deepTree writes a chain of depth directories under root, one file in
// each, opening each level from the one above (a path that deep is longer
// than the system lets one call name).
func deepTree(b *testing.B, root string, depth int) {
	b.Helper()
	if err := os.MkdirAll(root, 0o755); err != nil {
		b.Fatal(err)
	}
	dir, err := os.OpenRoot(root)
	if err != nil {
		b.Fatal(err)
	}
	for range depth {
		if err := dir.WriteFile("f.txt", []byte("x\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		if err := dir.Mkdir("d", 0o755); err != nil {
			b.Fatal(err)
		}
		next, err := dir.OpenRoot("d")
		if err != nil {
			b.Fatal(err)
		}
		_ = dir.Close()
		dir = next
	}
	_ = dir.Close()
}

// BenchmarkScanDeep scans a chain of 3,000 nested directories (one file in
// each) against 3,000 directories side by side: the cost of a directory
// must not grow with its depth (target: ratio near 1; it was quadratic).
//
//	go test ./internal/scan -run '^$' -bench ScanDeep -benchtime 3x
func BenchmarkScanDeep(b *testing.B) {
	const n = 3000
	deep := filepath.Join(b.TempDir(), "deep")
	deepTree(b, deep, n)
	flat := filepath.Join(b.TempDir(), "flat")
	for i := range n {
		if err := os.MkdirAll(filepath.Join(flat, fmt.Sprintf("d%04d", i)), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(flat, fmt.Sprintf("d%04d", i), "f.txt"), []byte("x\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	compare(b, "deep/flat", scanTimer(b, deep, n), scanTimer(b, flat, n))
}

// BenchmarkScanIgnorePatterns scans 5,000 files under a 20,000-pattern
// .gitignore (no .git, so nothing is tracked and every path is matched)
// against the same tree without it (target: ratio <= 5, as the hostile
// acceptance check asks; the per-path cost must not grow with the
// patterns).
//
//	go test ./internal/scan -run '^$' -bench ScanIgnorePatterns -benchtime 3x
func BenchmarkScanIgnorePatterns(b *testing.B) {
	tree := func(patterns int) string {
		dir := b.TempDir()
		for i := range 50 {
			d := filepath.Join(dir, fmt.Sprintf("d%d", i))
			if err := os.MkdirAll(d, 0o755); err != nil {
				b.Fatal(err)
			}
			for j := range 100 {
				if err := os.WriteFile(filepath.Join(d, fmt.Sprintf("f%d.txt", j)), []byte("x\n"), 0o644); err != nil {
					b.Fatal(err)
				}
			}
		}
		if patterns > 0 {
			var sb strings.Builder
			for i := range patterns {
				fmt.Fprintf(&sb, "build-%d/*.o\n", i)
			}
			if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(sb.String()), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		return dir
	}
	with, without := tree(20000), tree(0)
	compare(b, "patterns/none", scanTimer(b, with, 5001), scanTimer(b, without, 5000))
}
