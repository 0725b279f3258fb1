// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package org

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/ospolint/ospolint/internal/atomicfile"
	"github.com/ospolint/ospolint/internal/github"
	"github.com/ospolint/ospolint/internal/org/summary"
)

// The output directory:
//
//	summary.json, inventory.csv, index.html   the org report
//	repos/NAME.json, repos/NAME.sarif         one report per repository
//	.resume/NAME.json                         the summary entry of each finished repository
//
// Every file is written to a temporary name and renamed, and a repository's
// entry in .resume last, so a killed scan leaves only whole files and a
// repository counts as finished only when its reports are on disk.
const (
	reposDir  = "repos"
	resumeDir = ".resume"
)

type store struct{ dir string }

func (s store) prepare() error {
	for _, d := range []string{s.dir, filepath.Join(s.dir, reposDir), filepath.Join(s.dir, resumeDir)} {
		if err := os.MkdirAll(d, 0o755); err != nil { //nolint:gosec // reports are for reading
			return &WriteError{File: d, Err: err}
		}
	}
	// Half-written files of a killed run are of no use to anyone. Only
	// ospolint's own are removed: the output directory may be one the user
	// keeps other files in.
	for _, pattern := range []string{
		filepath.Join(s.dir, atomicfile.TempPattern("summary.json")),
		filepath.Join(s.dir, atomicfile.TempPattern("inventory.csv")),
		filepath.Join(s.dir, atomicfile.TempPattern("index.html")),
		filepath.Join(s.dir, reposDir, atomicfile.TempPattern("*")),
		filepath.Join(s.dir, resumeDir, atomicfile.TempPattern("*")),
	} {
		stale, _ := filepath.Glob(pattern)
		for _, f := range stale {
			_ = os.Remove(f)
		}
	}
	return nil
}

// fileName is the repository's name as a file name; a name the API should
// never give (it would not be a safe file name) gets a hash instead.
func fileName(name string) string {
	if github.ValidName(name) {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	return "repo-" + hex.EncodeToString(sum[:6])
}

func reportPaths(name string) summary.Reports {
	base := path.Join(reposDir, fileName(name))
	return summary.Reports{JSON: base + ".json", SARIF: base + ".sarif"}
}

func (s store) recordPath(name string) string {
	return filepath.Join(s.dir, resumeDir, fileName(name)+".json")
}

// write writes the file rel (slash-separated, below the directory)
// atomically.
func (s store) write(rel string, fill func(io.Writer) error) error {
	return writeAtomic(filepath.Join(s.dir, filepath.FromSlash(rel)), fill)
}

func writeAtomic(file string, fill func(io.Writer) error) error {
	if err := atomicfile.Write(file, 0o644, fill); err != nil {
		return &WriteError{File: file, Err: err}
	}
	return nil
}

// WriteError is a file of the output directory that could not be written
// (or the directory made): the scan's results are not delivered, which the
// CLI reports with exit code 3 whatever else went right.
type WriteError struct {
	File string
	Err  error
}

func (e *WriteError) Error() string { return "write " + e.File + ": " + e.Err.Error() }

func (e *WriteError) Unwrap() error { return e.Err }

func (s store) saveRecord(e summary.Repo) error {
	return writeAtomic(s.recordPath(e.Name), func(w io.Writer) error { return json.NewEncoder(w).Encode(e) })
}

// finished returns the entry of a repository a previous run finished (ok or
// skipped) for the same clone URL; errors are tried again.
func (s store) finished(name, url string) (summary.Repo, bool) {
	data, err := os.ReadFile(s.recordPath(name))
	if err != nil {
		return summary.Repo{}, false
	}
	var e summary.Repo
	if json.Unmarshal(data, &e) != nil || e.Name != name || e.URL != url || e.Status == summary.StatusError {
		return summary.Repo{}, false
	}
	for _, rel := range []string{e.Reports.JSON, e.Reports.SARIF} {
		if rel == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(rel))); err != nil {
			return summary.Repo{}, false
		}
	}
	return e, true
}
