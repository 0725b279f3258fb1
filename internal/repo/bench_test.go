// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// walkAndRead walks dir as a working tree and reads the first 4 KiB of
// every file as the scan's file pass does, returning the time it took.
func walkAndRead(b *testing.B, dir string, files int) func() time.Duration {
	b.Helper()
	return func() time.Duration {
		start := time.Now()
		r, err := OpenWorktree(dir)
		if err != nil {
			b.Fatal(err)
		}
		defer r.Close()
		ix, _, err := Walk(context.Background(), r, WalkOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if ix.Len() != files {
			b.Fatalf("walked %d files, want %d", ix.Len(), files)
		}
		hr := NewHeadReader(r)
		defer hr.Close()
		for _, e := range ix.Files() {
			if _, err := hr.ReadHead(e, 4096); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(start)
	}
}

// ratio times a and base alternately over the benchmark's iterations and
// reports a's time as a ratio of base's.
func ratio(b *testing.B, unit string, a, base func() time.Duration) {
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
}

// BenchmarkWalkDeep walks and reads a chain of 3,000 nested directories
// (one file in each) against 3,000 directories side by side. Opening every
// directory from the root made this quadratic (about 1,500 openat calls a
// directory); the walk and the head reader now open each from an open
// ancestor (target: ratio near 1).
//
//	go test ./internal/repo -run '^$' -bench WalkDeep -benchtime 5x
func BenchmarkWalkDeep(b *testing.B) {
	const n = 3000
	deep := b.TempDir()
	deepChain(b, deep, "d", n)
	flat := b.TempDir()
	for i := range n {
		writeTreeB(b, flat, fmt.Sprintf("d%04d/f.txt", i), "x\n")
	}
	ratio(b, "deep/flat", walkAndRead(b, deep, n), walkAndRead(b, flat, n))
}

// BenchmarkWalkIgnorePatterns walks 5,000 files under a .gitignore of
// 20,000 patterns (no .git: nothing is tracked, every path is matched)
// against the same tree without one. go-git's matcher tried every pattern
// on every path; the compiled matcher looks most up by name, extension or
// leading directory (target: ratio near 1; the hostile acceptance check
// allows 5 for the whole scan).
//
//	go test ./internal/repo -run '^$' -bench WalkIgnorePatterns -benchtime 5x
func BenchmarkWalkIgnorePatterns(b *testing.B) {
	for _, kind := range []struct{ name, format string }{
		{"dir", "build-%d/*.o"},     // by leading directory
		{"ext", "*.ext%d"},          // by extension
		{"name", "generated-%d.go"}, // by name
	} {
		b.Run(kind.name, func(b *testing.B) {
			tree := func(patterns int) string {
				dir := b.TempDir()
				for i := range 50 {
					for j := range 100 {
						writeTreeB(b, dir, fmt.Sprintf("d%d/f%d.txt", i, j), "x\n")
					}
				}
				if patterns > 0 {
					var sb strings.Builder
					for i := range patterns {
						fmt.Fprintf(&sb, kind.format+"\n", i)
					}
					writeTreeB(b, dir, ".gitignore", sb.String())
				}
				return dir
			}
			ratio(b, "patterns/none", walkAndRead(b, tree(20000), 5001), walkAndRead(b, tree(0), 5000))
		})
	}
}

// BenchmarkIgnoreMatch matches 5,000 paths against an ignore file of
// 20,000 patterns and against one of 20 of the same kind (parsing not
// timed): the cost of a path does not grow with the number of patterns
// (measured 0.5-1.9 at load 11, larger maps missing the cache more; trying
// every pattern would make it 1,000; TestIgnoreCostBounded counts the
// patterns tried).
//
//	go test ./internal/repo -run '^$' -bench IgnoreMatch -benchtime 20x
func BenchmarkIgnoreMatch(b *testing.B) {
	var paths []string
	for i := range 50 {
		for j := range 100 {
			paths = append(paths, fmt.Sprintf("build-%d/src/f%d.o", i, j), fmt.Sprintf("docs/api/p%d.html", i*100+j))
		}
	}
	for _, kind := range []struct{ name, format string }{
		{"dir", "build-%d/*.o"},
		{"ext", "*.ext%d"},
		{"name", "generated-%d.go"},
		{"path", "/docs/api/p%d.html"},
		{"glob", "*-%d.bak"},
	} {
		b.Run(kind.name, func(b *testing.B) {
			matcher := func(n int) func() time.Duration {
				var sb strings.Builder
				for i := range n {
					fmt.Fprintf(&sb, kind.format+"\n", i)
				}
				f := parseIgnore("", []byte(sb.String()))
				return func() time.Duration {
					start := time.Now()
					for _, p := range paths {
						f.match(p, p[strings.LastIndexByte(p, '/')+1:], false)
					}
					return time.Since(start)
				}
			}
			ratio(b, "20000/20", matcher(20000), matcher(20))
		})
	}
}

func writeTreeB(b *testing.B, dir, p, content string) {
	b.Helper()
	full := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		b.Fatal(err)
	}
}
