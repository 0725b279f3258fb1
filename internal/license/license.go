// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package license finds a repository's licence files and identifies them with
// github.com/google/licensecheck, as SPDX expressions with a confidence.
package license

import (
	"bytes"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/google/licensecheck"

	"github.com/ospolint/ospolint/internal/repo"
)

// NoAssertion is the SPDX expression for a licence text that is present but
// not identified.
const NoAssertion = "NOASSERTION"

// Thresholds, in percent of the text's words covered by licence matches.
const (
	// identified is the coverage from which a text counts as that licence;
	// below it, the text is modified or unknown and gets NOASSERTION.
	identified = 75
	// fastAccept is the coverage from which the small matcher's answer is
	// taken without compiling the full licence set.
	fastAccept = 90
)

// Match is one licence found in a file, at text[Start:End].
type Match struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// File is one licence candidate and what it was identified as.
type File struct {
	Path string `json:"path"`
	// Expression is the SPDX expression of this file, NOASSERTION when the
	// text is not identified.
	Expression string `json:"expression"`
	// Confidence is the share of the text covered by the matches (0..1).
	Confidence float64 `json:"confidence"`
	Matches    []Match `json:"matches,omitempty"`
	// Error says why the file could not be classified (unreadable, binary,
	// too large, symlink out of the repository).
	Error string `json:"error,omitempty"`
}

// Result is the project licence.
type Result struct {
	// Expression is the SPDX expression of the project licence, "" when no
	// licence file exists, NOASSERTION when none is identified.
	Expression string  `json:"expression"`
	Confidence float64 `json:"confidence"`
	Files      []File  `json:"files"`
}

var (
	fastOnce    sync.Once             //nolint:gochecknoglobals // lazily compiled matcher, immutable afterwards
	fastScanner *licensecheck.Scanner //nolint:gochecknoglobals // see fastOnce
)

// common lists the licences (and their look-alikes, so a sibling is never
// mistaken for them) that the small matcher knows. It compiles in about
// 50 ms where the full set takes over a second.
func common() []string {
	return []string{
		"MIT", "MIT-0", "MIT-CMU", "X11", "ISC", "0BSD",
		"Apache-2.0", "Apache-1.1",
		"BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause", "BSD-1-Clause",
		"GPL-2.0", "GPL-3.0", "LGPL-2.1", "LGPL-3.0", "LGPL-2.0", "AGPL-3.0",
		"MPL-2.0", "MPL-1.1", "EPL-1.0", "EPL-2.0", "Unlicense", "CC0-1.0", "BSL-1.0", "Zlib",
		"CC-BY-4.0", "CC-BY-SA-4.0",
	}
}

func fast() *licensecheck.Scanner {
	fastOnce.Do(func() {
		want := map[string]bool{}
		for _, id := range common() {
			want[id] = true
		}
		var set []licensecheck.License
		for _, l := range licensecheck.BuiltinLicenses() {
			if want[l.ID] {
				set = append(set, l)
			}
		}
		s, err := licensecheck.NewScanner(set)
		if err == nil {
			fastScanner = s
		}
	})
	return fastScanner
}

// Classify identifies one licence text.
func Classify(text []byte) File {
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	if isBinary(text) {
		return File{Expression: NoAssertion, Error: "binary file, not a licence text"}
	}
	if s := fast(); s != nil {
		if f, ok := decide(s.Scan(text)); ok && f.Confidence*100 >= fastAccept && f.Expression != NoAssertion {
			return f
		}
	}
	f, _ := decide(licensecheck.Scan(text))
	return f
}

// decide turns licensecheck coverage into an expression: one licence, or
// several joined with AND (a bundle of texts). URL matches are references,
// not licence texts, and are left out.
func decide(cov licensecheck.Coverage) (File, bool) {
	var f File
	seen := map[string]bool{}
	var ids []string
	for _, m := range cov.Match {
		if m.IsURL {
			continue
		}
		f.Matches = append(f.Matches, Match{ID: m.ID, Start: m.Start, End: m.End})
		if !seen[m.ID] {
			seen[m.ID] = true
			ids = append(ids, m.ID)
		}
	}
	f.Confidence = cov.Percent / 100
	if len(ids) == 0 || cov.Percent < identified {
		f.Expression = NoAssertion
		return f, len(ids) == 1
	}
	sort.Strings(ids)
	f.Expression = strings.Join(ids, " AND ")
	return f, len(ids) == 1
}

func isBinary(b []byte) bool {
	if len(b) > 8000 {
		b = b[:8000]
	}
	return bytes.IndexByte(b, 0) >= 0
}

// IsCandidate reports whether a repository path is a licence file: at the
// root LICENSE, LICENCE, COPYING, UNLICENSE (any case, with .md, .txt, .rst,
// .html or no extension, and variants such as LICENSE-MIT or COPYING.LESSER),
// or any file in a root LICENSES/ directory (the REUSE layout).
func IsCandidate(p string) bool {
	dir, name := path.Split(p)
	if strings.EqualFold(dir, "LICENSES/") {
		return true
	}
	if dir != "" {
		return false
	}
	return IsLicenseName(name)
}

// IsLicenseName reports whether a file name looks like a licence file.
func IsLicenseName(name string) bool {
	n := strings.ToLower(name)
	for _, ext := range []string{".md", ".markdown", ".txt", ".rst", ".html", ".adoc"} {
		if strings.HasSuffix(n, ext) {
			n = strings.TrimSuffix(n, ext)
			break
		}
	}
	for _, base := range []string{"license", "licence", "copying", "unlicense"} {
		if n == base {
			return true
		}
		if strings.HasPrefix(n, base) && len(n) > len(base) && strings.ContainsRune(".-_", rune(n[len(base)])) {
			return true
		}
		if strings.HasSuffix(n, "-"+base) || strings.HasSuffix(n, "_"+base) {
			return true // MIT-LICENSE
		}
	}
	return false
}

// Reader reads a repository file (shared, memoised by the caller).
type Reader func(path string) ([]byte, error)

// DetectProject classifies every licence candidate of the index and combines
// them into the project's expression.
func DetectProject(ix *repo.Index, read Reader) Result {
	var res Result
	for _, e := range candidates(ix) {
		var f File
		if e.Escapes {
			f = File{Expression: NoAssertion, Error: "symlink points outside the repository; not followed"}
		} else if data, err := read(e.Path); err != nil {
			f = File{Expression: NoAssertion, Error: err.Error()}
		} else {
			f = Classify(data)
		}
		f.Path = e.Path
		res.Files = append(res.Files, f)
	}
	res.Expression, res.Confidence = combine(res.Files)
	return res
}

func candidates(ix *repo.Index) []repo.Entry {
	var out []repo.Entry
	for _, e := range ix.InDir("") {
		if IsCandidate(e.Path) {
			out = append(out, e)
		}
	}
	for _, e := range ix.InDir("LICENSES") {
		if IsCandidate(e.Path) && !strings.HasSuffix(strings.ToLower(e.Path), ".license") {
			out = append(out, e)
		}
	}
	return out
}

// combine joins the files' expressions with AND (each file is a licence the
// project ships); any unidentified file makes the whole NOASSERTION.
func combine(files []File) (string, float64) {
	if len(files) == 0 {
		return "", 0
	}
	seen := map[string]bool{}
	var parts []string
	conf := 1.0
	for _, f := range files {
		if f.Expression == NoAssertion {
			return NoAssertion, 0
		}
		conf = min(conf, f.Confidence)
		for _, id := range strings.Split(f.Expression, " AND ") {
			if !seen[id] {
				seen[id] = true
				parts = append(parts, id)
			}
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " AND "), conf
}

// Warm compiles the small matcher ahead of the first Classify, so the work
// overlaps the walk.
func Warm() { fast() }
