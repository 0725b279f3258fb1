// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/ospolint/ospolint/checks/fileset"
)

// communityDirs are where GitHub looks for community health files, in its
// order of precedence.
func communityDirs() []string { return []string{".github", "", "docs"} }

// docExtensions are the extensions GitHub renders for community files.
func docExtensions() []string {
	return []string{"", ".md", ".markdown", ".txt", ".rst", ".adoc", ".asciidoc", ".org", ".html"}
}

// findDoc returns the community files named base (case-insensitive, any of
// docExtensions) in dirs, in order of precedence.
func findDoc(ix *fileset.Index, dirs []string, bases ...string) []fileset.Entry {
	var out []fileset.Entry
	for _, dir := range dirs {
		for _, e := range ix.InDir(dir) {
			if !strings.EqualFold(e.Dir(), dir) {
				continue
			}
			if docNameIs(e.Name(), bases...) {
				out = append(out, e)
			}
		}
	}
	return out
}

func docNameIs(name string, bases ...string) bool {
	n := strings.ToLower(name)
	ext := path.Ext(n)
	okExt := false
	for _, e := range docExtensions() {
		if ext == e {
			okExt = true
			break
		}
	}
	stem := n
	if okExt {
		stem = strings.TrimSuffix(n, ext)
	} else if ext != "" {
		return false
	}
	for _, b := range bases {
		if stem == strings.ToLower(b) {
			return true
		}
	}
	return false
}

// docFolders are the folders, besides the root, where projects keep their
// community files: GitHub's .github/ and docs/, and the doc/ and
// Documentation/ of projects that grew up outside GitHub (u-boot, the Linux
// kernel, GNU projects). Case does not matter. Their order, after the root's
// place between .github/ and docs/, is the order of precedence.
func docFolders() []string { return []string{".github", "docs", "doc", "documentation"} }

// docSearch says which names a community file may have.
type docSearch struct {
	// names are the accepted names, compared without case, extension
	// (docExtensions) or the separators "-", "_", "." and space:
	// "codeofconduct" accepts CODE_OF_CONDUCT.md and Code-Of-Conduct.rst.
	names []string
	// prefix, when set, also accepts names that start with it
	// ("security" accepts security-bugs.rst); such files are loose.
	prefix string
}

// docCandidate is a community file findDocs found.
type docCandidate struct {
	fileset.Entry
	// Loose is true for a name accepted by prefix only, or for the README
	// or index of a folder named after the file (docs/contributing/README.md).
	Loose bool
	// rank orders the candidates: the place first (.github/, the root,
	// docs/, doc/, Documentation/, one folder below those), then exact
	// names before loose ones.
	rank int
}

// normDocName is a file name as docSearch compares it, and false for a name
// whose extension is not one of docExtensions (security.go, NEWS.old).
func normDocName(name string) (string, bool) {
	n := strings.ToLower(name)
	ext := path.Ext(n)
	if ext != "" && !slices.Contains(docExtensions(), ext) {
		return "", false
	}
	return normDocStem(strings.TrimSuffix(n, ext)), true
}

func normDocStem(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

func (s docSearch) match(stem string) (ok, loose bool) {
	if slices.Contains(s.names, stem) {
		return true, false
	}
	return s.prefix != "" && strings.HasPrefix(stem, s.prefix), true
}

// findDocs returns the community files s accepts in the root, in
// docFolders and one folder below them, best first. The root is only
// searched directly: its sub-folders are the project's code.
func findDocs(t *Target, s docSearch) []docCandidate {
	var out []docCandidate
	folders := docFolders()
	files := t.Files()
	for k := range files {
		e := &files[k]
		// Most files of a large tree are rejected on their first folder's
		// name, without reading the rest of the path.
		place, sub, name := 1, "", e.Path // the root, between .github/ and docs/
		if i := strings.IndexByte(e.Path, '/'); i >= 0 {
			top := e.Path[:i]
			f := -1
			for j, d := range folders {
				if len(d) == len(top) && strings.EqualFold(d, top) {
					f = j
					break
				}
			}
			if f < 0 {
				continue
			}
			place, name = f, e.Path[i+1:]
			if f > 0 {
				place++ // the root comes between .github/ and docs/
			}
			if j := strings.IndexByte(name, '/'); j >= 0 {
				if strings.IndexByte(name[j+1:], '/') >= 0 {
					continue
				}
				place, sub, name = 5, name[:j], name[j+1:]
			}
		}
		stem, ok := normDocName(name)
		if !ok {
			continue
		}
		found, loose := s.match(stem)
		if !found && sub != "" && (stem == "readme" || stem == "index") {
			// docs/contributing/README.md: a folder for the subject.
			found, _ = s.match(normDocStem(sub))
			loose = true
		}
		if !found {
			continue
		}
		rank := place * 2
		if loose {
			rank++
		}
		out = append(out, docCandidate{Entry: *e, Loose: loose, rank: rank})
	}
	slices.SortStableFunc(out, func(a, b docCandidate) int { return cmp.Compare(a.rank, b.rank) })
	return out
}

// docPlaces names the places findDocs searches, for messages.
const docPlaces = "at the root, in .github/, docs/, doc/ or Documentation/"

// judgeDocs decides a community check from the candidates findDocs found.
// The check passes when judge finds no failing problem in one readable
// candidate (its advisory findings are kept). Otherwise judge reports the
// problems of the first candidate that can stand for the file: any
// candidate, or with strictLoose only one with an exact name (a loose name
// such as security-hardening.md is no policy unless it passes). It returns
// false when there is nothing to judge, for the caller to report the file
// as missing.
func judgeDocs(p *Pass, cands []docCandidate, what string, strictLoose bool, judge func(p *Pass, e fileset.Entry, data []byte)) bool {
	for _, c := range cands {
		if c.Escapes {
			continue
		}
		data, err := p.Target.ReadFile(c.Path)
		if err != nil {
			continue
		}
		trial := NewPass(p.Check, p.Target, p.Options)
		judge(trial, c.Entry, data)
		fs := trial.Findings()
		if !slices.ContainsFunc(fs, func(f Finding) bool { return !f.Advisory }) {
			for _, f := range fs {
				p.Report(f)
			}
			return true
		}
	}
	var es []fileset.Entry
	for _, c := range cands {
		if !c.Loose || !strictLoose {
			es = append(es, c.Entry)
		}
	}
	e, ok := pickDoc(p, es, what)
	if !ok {
		return len(es) > 0
	}
	if data, ok := readDoc(p, e, what); ok {
		judge(p, e, data)
	}
	return true
}

// readable picks the first entry that is not a symlink out of the repository.
func readable(es []fileset.Entry) (fileset.Entry, bool) {
	for _, e := range es {
		if !e.Escapes {
			return e, true
		}
	}
	return fileset.Entry{}, false
}

// expectedPath is where a missing community file should go.
func expectedPath(name string) string { return name }

// pickDoc returns the first of es that can be read. When every candidate is a
// symbolic link leaving the repository, it reports the first one and returns
// false; an empty es returns false without a finding.
func pickDoc(p *Pass, es []fileset.Entry, what string) (fileset.Entry, bool) {
	if e, ok := readable(es); ok {
		return e, true
	}
	if len(es) > 0 {
		p.Reportf(es[0].Path, 0, "%s is a symbolic link that leaves the repository or dangles; put the %s itself in the repository", es[0].Path, what)
	}
	return fileset.Entry{}, false
}

// readDoc reads e, reporting a file that cannot be read (too large, I/O
// error) as a finding.
func readDoc(p *Pass, e fileset.Entry, what string) ([]byte, bool) {
	data, err := p.Target.ReadFile(e.Path)
	if err != nil {
		p.Reportf(e.Path, 0, "%s cannot be read: %v", what, err)
		return nil, false
	}
	return data, true
}

// countWords counts the words of a text with at least one letter, skipping
// Markdown image and badge lines and link targets. Scripts written without
// spaces between words are counted as word processors count them: each Han,
// Hiragana or Katakana character is a word (most Chinese and Japanese words
// are one or two characters), and a run of Thai, Lao, Khmer or Myanmar
// letters counts one word per three letters, vowel signs and tone marks
// aside (about one per word). Korean separates words with spaces and is
// counted by them.
func countWords(data []byte) int {
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[![") || strings.HasPrefix(t, "![") || strings.HasPrefix(t, "<img") {
			continue
		}
		for _, w := range strings.Fields(t) {
			if strings.Contains(w, "://") {
				continue
			}
			n += wordsIn(w)
		}
	}
	return n
}

// wordsIn counts the words in one space-separated field (see countWords).
func wordsIn(w string) int {
	n, syllabic, word := 0, 0, false
	endRun := func() {
		n += (syllabic + 2) / 3
		syllabic = 0
	}
	endWord := func() {
		if word {
			n++
			word = false
		}
	}
	for _, r := range w {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			endRun()
			endWord()
			n++
		case r == 'ー' || r == '々' || r == '〆':
			// Length and iteration marks belong to the character before.
		case unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar):
			endWord()
			if unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				syllabic++
			}
		default:
			endRun()
			if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') || r >= 0x80 && unicode.IsLetter(r) {
				word = true
			}
		}
	}
	endRun()
	endWord()
	return n
}
