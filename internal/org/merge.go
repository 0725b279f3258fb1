// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package org

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ospolint/ospolint/internal/org/summary"
)

// Merge combines the output directories of shard runs into outDir: the
// summary a single run would have written, the inventory and dashboard, and
// each repository's reports copied over (unless outDir is that shard's own
// directory).
func Merge(outDir string, dirs []string) (*summary.Summary, error) {
	var parts []*summary.Summary
	for _, d := range dirs {
		s, err := readSummary(filepath.Join(d, "summary.json"))
		if err != nil {
			return nil, err
		}
		parts = append(parts, s)
	}
	s, err := summary.Merge(parts)
	if err != nil {
		return nil, err
	}
	st := store{dir: outDir}
	if err := st.prepare(); err != nil {
		return nil, err
	}
	for i, d := range dirs {
		if same(d, outDir) {
			continue
		}
		for _, r := range parts[i].Repos {
			for _, rel := range []string{r.Reports.JSON, r.Reports.SARIF} {
				if rel == "" {
					continue
				}
				if err := copyReport(filepath.Join(d, filepath.FromSlash(rel)), st, rel); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := WriteReports(outDir, s); err != nil {
		return nil, err
	}
	return s, nil
}

func readSummary(file string) (*summary.Summary, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("merge: %w (is it the --out-dir of an ospolint org run?)", err)
	}
	defer f.Close()
	s, err := summary.Read(f)
	if err != nil {
		return nil, fmt.Errorf("merge %s: %w", file, err)
	}
	return s, nil
}

// copyReport copies one per-repository report; the paths come from a
// summary, which must not reach outside the output directories.
func copyReport(src string, st store, rel string) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("merge: report path %q leaves the output directory", rel)
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	defer in.Close()
	return st.write(rel, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

func same(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}
