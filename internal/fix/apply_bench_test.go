// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkApply rewrites 1,000 files four directories deep (the shape of a
// large tree's header fix) with Apply's checks, temporary files and renames,
// and reports the time against rewriting the same files in place with
// os.WriteFile in the same run (x-baseline): the price of all-or-nothing.
func BenchmarkApply(b *testing.B) {
	var applied, baseline time.Duration
	for range b.N {
		b.StopTimer()
		dir, changes := benchTree(b)
		base, _ := benchTree(b)
		tr, err := OpenTree(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if err := tr.Apply(changes); err != nil {
			b.Fatal(err)
		}
		applied += time.Since(start)
		b.StopTimer()
		_ = tr.Close()
		start = time.Now()
		for _, c := range changes {
			if err := os.WriteFile(filepath.Join(base, filepath.FromSlash(c.Path)), c.New, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		baseline += time.Since(start)
		b.StartTimer()
	}
	b.ReportMetric(float64(applied)/float64(baseline), "x-baseline")
}

// The benchmark writes SPDX tags inside strings.
// REUSE-IgnoreStart

func benchTree(b *testing.B) (string, []Change) {
	b.Helper()
	dir := b.TempDir()
	var changes []Change
	for i := range 1000 {
		p := fmt.Sprintf("a%d/b%d/c/d/f%d.go", i%10, i%7, i)
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		old := []byte("package d\n\nfunc f() {}\n")
		if err := os.WriteFile(full, old, 0o644); err != nil {
			b.Fatal(err)
		}
		changes = append(changes, Change{Path: p, Old: old, New: append([]byte("// SPDX-License-Identifier: MIT\n\n"), old...)})
	}
	return dir, changes
}

// REUSE-IgnoreEnd
