// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"context"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"github.com/google/licensecheck"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// matcher scans a text for licences.
type matcher interface {
	scan(text []byte) scanResult
}

// scanResult is the matches in a text, as licensecheck reports them, and
// the words the matches took through their patterns' wildcards (where
// licences have names and years): a word there that restricts or changes
// the terms makes the text unidentified.
type scanResult struct {
	licensecheck.Coverage
	// known holds the Start of each match whose wildcard words are known;
	// for the others, words outside the pattern's vocabulary count.
	known map[int]bool
	// wild holds the byte offsets of the words taken by wildcards.
	wild map[int32]bool
	// body holds, for each match whose path is known, the offset of the
	// first word its pattern matched: words before it are the copyright
	// lines licensecheck extends a match to.
	body map[int]int32
}

// lcMatcher is a compiled licensecheck scanner: the small matcher, or with
// nil licensecheck's built-in set (about 420 licences), whose first use
// compiles the whole set, over a second and some 100 MiB on a small
// machine: a scan never uses it; the tests use it as the reference.
type lcMatcher struct{ s *licensecheck.Scanner }

func (m lcMatcher) scan(text []byte) scanResult {
	if m.s == nil {
		return explainWild(text, licensecheck.Scan(text))
	}
	return explainWild(text, m.s.Scan(text))
}

var (
	fastOnce    sync.Once             //nolint:gochecknoglobals // lazily compiled matcher, immutable afterwards
	fastScanner *licensecheck.Scanner //nolint:gochecknoglobals // see fastOnce
)

// fastIDs are the licences the small matcher knows: those most projects
// use, with the GNU header notices (their texts carry one in the appendix).
// Look-alikes of these (BSD-3-Clause-Attribution, MIT-advertising ...) are
// mostly left out on purpose: together their wildcards make the matcher
// slow to compile (the BSD family alone takes half a second), and a
// look-alike text is either not explained in full by the small set, so
// the full set decides, or listed here because it would be.
// TestFastAgreesWithFull checks that on every licence text shipped with
// licensecheck and on the corpus.
func fastIDs() []string {
	return []string{
		"MIT", "MIT-0", "MIT-CMU", "MIT-NoAd", "MIT-advertising", "MIT-enna", "MIT-feh", "MITNFA", "X11", "ISC", "0BSD", "JSON",
		"Apache-2.0", "BSD-2-Clause", "BSD-3-Clause",
		"GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only", "GPL-3.0-or-later",
		"LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0", "LGPL-3.0-only", "LGPL-3.0-or-later",
		"AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later",
		"MPL-2.0", "MPL-2.0-no-copyleft-exception", "EPL-2.0", "Unlicense", "CC0-1.0", "BSL-1.0", "Zlib",
	}
}

func fast() *licensecheck.Scanner {
	fastOnce.Do(func() {
		want := map[string]bool{}
		for _, id := range fastIDs() {
			want[id] = true
		}
		var set []licensecheck.License
		for _, l := range licensecheck.BuiltinLicenses() {
			// Keep the built-in order: it decides between equal matches, and
			// must decide as the full set does.
			if want[l.ID] && l.LRE != "" {
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

// Warm compiles the small matcher ahead of the first Classify, so the work
// overlaps the walk.
func Warm() { fast() }

// Prefetch is Warm for a known repository: it also looks at the licence
// files at the root and in LICENSES/ and, when the small matcher cannot
// explain one of them, reads and compiles the patterns that could match
// it right away, so that work overlaps the walk instead of following it. It
// returns how many texts it did that for, and stops between files once
// ctx is done. Errors are ignored: DetectProject reports them.
func Prefetch(ctx context.Context, fsys fs.FS) int {
	s := fast()
	if s == nil {
		return 0
	}
	compiled := 0
	for _, dir := range []string{".", "LICENSES"} {
		des, err := fs.ReadDir(fsys, dir)
		if err != nil {
			continue
		}
		for _, de := range des {
			if ctx.Err() != nil {
				return compiled
			}
			p := de.Name()
			if dir != "." {
				p = dir + "/" + p
			}
			if !de.Type().IsRegular() || !IsCandidate(p) {
				continue
			}
			if info, err := de.Info(); err != nil || info.Size() > MaxClassify {
				continue
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				continue
			}
			t, why := prepare(p, data)
			if why != "" {
				continue
			}
			if a := analyse(t, lcMatcher{s}); !a.clean() || unlisted(a.ids) {
				subsetMatcher(t.b) // patterns compiled and kept for DetectProject
				compiled++
			}
		}
	}
	return compiled
}

var (
	vocabOnce sync.Once                  //nolint:gochecknoglobals // lazily built, immutable afterwards
	vocabs    map[string]map[string]bool //nolint:gochecknoglobals // see vocabOnce
	lres      map[string]string          //nolint:gochecknoglobals // see vocabOnce
)

// vocab is the set of words a licence's pattern can match. A word of a
// matched text outside it was taken by one of the pattern's wildcards
// (meant for names and years), which is where a changed clause can hide.
func vocab(id string) map[string]bool {
	vocabOnce.Do(func() {
		lres = map[string]string{}
		for _, l := range licensecheck.BuiltinLicenses() {
			if l.LRE != "" {
				lres[l.ID] = l.LRE
			}
		}
		vocabs = map[string]map[string]bool{}
	})
	vocabMu.Lock()
	defer vocabMu.Unlock()
	if v, ok := vocabs[id]; ok {
		return v
	}
	v := map[string]bool{}
	lre := lres[id]
	if poolReady.Load() {
		// The pool's pattern of the id, when the text needed the pool.
		if p, ok := spdxlist.Pattern(pool().listID[id]); ok {
			lre += "\n" + p
		}
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(lre), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		v[w] = true
	}
	vocabs[id] = v
	return v
}

var vocabMu sync.Mutex //nolint:gochecknoglobals // guards vocabs
