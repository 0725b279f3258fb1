// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package license finds a repository's licence files and identifies them with
// github.com/google/licensecheck, as SPDX expressions with a confidence.
//
// Every candidate is decoded (BOM, UTF-16, CRLF) and stripped of HTML and
// Markdown markup, scanned first with a small matcher of common licences
// (licensecheck, compiled once) and, when that does not explain the whole
// text, with the licences of the SPDX pool and of licensecheck's set that
// could match it (subset.go, pool.go), run by ospolint's own pattern
// interpreter (lre.go): nothing is compiled whole.
// A text counts as a licence only when the matches explain all of it but
// copyright lines, titles, links and a short preamble; anything that adds,
// changes or restricts terms gives NOASSERTION, never the base licence.
package license

import (
	"errors"
	"fmt"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ospolint/ospolint/internal/repo"
)

// NoAssertion is the SPDX expression for a licence text that is present but
// not identified.
const NoAssertion = "NOASSERTION"

// MaxClassify is the largest licence file classified; longer files are
// reported, not read (the longest common licence texts are under 100 KiB).
const MaxClassify = 1 << 20

// identified is the share, in percent, of a file's meaningful words that
// licence matches must cover for the file to count as that licence.
const identified = 75

// Confidence of the weaker signals used when no licence file exists.
const (
	manifestConfidence  = 0.6
	readmeConfidence    = 0.5
	statementConfidence = 0.7
)

// Sources of a result or signal.
const (
	SourceFile     = "file"
	SourceReadme   = "readme"
	SourceManifest = "manifest"
)

// Match is one licence found in a file, at text[Start:End] of the file as
// stored (offsets count the original bytes, BOM and CRs included).
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
	// Confidence is the share of the text's words covered by the matches
	// (0..1); lower for statements, README sections and manifests.
	Confidence float64 `json:"confidence"`
	// Matches are licensecheck's ids (GNU texts without version suffix) and
	// where they are.
	Matches []Match `json:"matches,omitempty"`
	// Error says why the file could not be classified (unreadable, binary,
	// too large, symlink out of the repository).
	Error string `json:"error,omitempty"`
	// Source is "readme" or "manifest" for the weaker signals, empty for a
	// licence file.
	Source string `json:"source,omitempty"`
	// Note explains a reading: why a text is NOASSERTION, how a GNU
	// version was chosen, that a file is a statement rather than a text.
	Note string `json:"note,omitempty"`
	// Closest is, for a text not identified, the licence of the SPDX list
	// it is nearest to and where they first differ.
	Closest *Closest `json:"closest,omitempty"`
}

// Result is the project licence.
type Result struct {
	// Expression is the SPDX expression of the project licence, "" when
	// nothing states one, NOASSERTION when a licence file is not identified.
	Expression string  `json:"expression"`
	Confidence float64 `json:"confidence"`
	// Source says where Expression comes from: "file" (licence files),
	// "readme" or "manifest" (weaker, used only without licence files).
	Source string `json:"source,omitempty"`
	// Files are the licence files, identified one by one.
	Files []File `json:"files"`
	// Signals are the README licence section and package manifest licence
	// fields that stood in for missing licence files.
	Signals []File `json:"signals,omitempty"`
}

// classified is a File with what the project-level decision needs.
type classified struct {
	File
	raw       []string // licensecheck ids, distinct, in order
	or        bool     // the file offers a choice between its licences
	ev        evidence // GNU version statements in the file
	declared  string   // expression the file itself declares (SPDX tag, REUSE name)
	statement bool     // the file names licences instead of holding their text
	lead      string   // explanatory text around the licence texts
	pooled    bool     // the small matcher could not place it: candidates and the SPDX pool ran
}

// Classify identifies one licence text.
func Classify(text []byte) File {
	c := classify("", text, fullOrFast)
	c.Expression, c.Note = c.resolve(c.ev)
	return c.File
}

// scanMode chooses the matchers: the small one, then the candidate subset
// (the product), or one of them alone (the tests proving that neither ever
// contradicts the full set).
type scanMode int

const (
	fullOrFast scanMode = iota
	fastOnly
	subsetOnly
	fullOnly
)

func classify(name string, data []byte, mode scanMode) classified {
	c := classified{File: File{Path: name, Expression: NoAssertion}, ev: newEvidence()}
	if len(data) > MaxClassify {
		c.Error = fmt.Sprintf("too large to be a licence text (%d bytes, limit %d); not classified", len(data), MaxClassify)
		return c
	}
	t, why := prepare(name, data)
	if why != "" {
		c.Error = why
		return c
	}
	var a *analysis
	if mode == fullOrFast || mode == fastOnly {
		if s := fast(); s != nil {
			a = analyse(t, lcMatcher{s})
			if !a.clean() || unlisted(a.ids) {
				if mode == fastOnly {
					c.Note = "declined by the small matcher"
					return c
				}
				a = nil
			}
		}
	}
	if a == nil {
		var m matcher = lcMatcher{} // the whole set: the tests' reference only
		if mode != fullOnly {
			m = subsetMatcher(t.b)
		}
		a = analyse(t, m)
		c.pooled = true
	}
	c.fill(t, a, name)
	if len(c.raw) == 0 && !c.statement && !strings.HasPrefix(c.declared, "LicenseRef-") && mode != fastOnly {
		c.compare(t, data, a.flag == "")
	}
	return c
}

// compare names the closest licence of a text not identified and, when
// the two differ by a few words that cannot change the terms (a near
// miss: "the" for "this", "of" for "in", a copyright line the licence
// spells out), reads the text as that licence, unless the analysis found
// words that change terms (mayNear false).
func (c *classified) compare(t *text, data []byte, mayNear bool) {
	closest, near, drift := nearest(t, data)
	if closest == nil {
		return
	}
	if !near || !mayNear {
		c.Closest = closest
		return
	}
	c.raw = []string{reportedID(closest.ID)}
	// The whole text is the licence, words drifted.
	c.Matches = []Match{{ID: c.raw[0], Start: 0, End: len(data)}}
	c.Confidence = closest.Share
	if len(drift) == 0 {
		c.Note = "the words of the SPDX text of " + closest.ID + " but for its copyright lines or titles"
		return
	}
	c.Note = fmt.Sprintf("near miss: %d words differ from the SPDX text of %s (%s), none that could change its terms", len(drift), closest.ID, strings.Join(drift, " "))
}

// unlisted reports an id of licensecheck's that is not on the SPDX
// License List (MIT-NoAd): the pool may know the text by its SPDX id
// (X11-swapped).
func unlisted(ids []string) bool {
	for _, id := range ids {
		if strings.HasPrefix(spdxID(id), "LicenseRef-") {
			return true
		}
	}
	return false
}

// maxTagFileWords is the length of the longest file whose SPDX tag names
// its licence when no licence text is found in it: a tag with a notice. A
// longer file is a licence text not identified, whatever tag it quotes
// (CAL-1.0's text quotes the tags that apply it).
const maxTagFileWords = 300

// fill turns an analysis into the file's reading.
func (c *classified) fill(t *text, a *analysis, name string) {
	a.finish()
	for _, m := range a.matches {
		s, e := t.orig(m.Start, m.End)
		c.Matches = append(c.Matches, Match{ID: m.ID, Start: s, End: e})
	}
	c.raw = a.ids
	c.ev = a.ev
	c.lead = strings.Join(a.lead, "\n")
	c.or = dualIntent(c.lead)
	c.Confidence = round3(a.confidence())
	for _, tag := range a.spdx {
		if d := declared(tag); d != "" {
			c.declared = d
			scanEvidence(d, "the SPDX tag of "+displayName(name), c.ev)
			break
		}
	}
	if id := reuseName(name); id != "" {
		c.ev.noteID(id, displayName(name))
		if strings.HasPrefix(id, "LicenseRef-") {
			// A REUSE custom licence: its text is meant to be unknown.
			c.raw, c.declared, c.Confidence = nil, id, 1
			c.Note = "custom licence named by its REUSE file name"
			return
		}
		if c.declared == "" {
			c.declared = id
		}
	}
	if id := reuseName(name); id != "" && len(a.ids) > 0 && !consistent(id, a.ids) {
		c.Note = "the file name says " + id + " but the text is " + strings.Join(a.ids, ", ")
	}
	verdict := a.verdict()
	switch {
	case verdict == "":
	case len(a.ids) > 1 && c.declared != "" && (a.flag == "" || a.leadFlag) && words(strings.Join(a.tail, " ")) <= maxTail && consistent(c.declared, a.ids):
		// A bundle of licence texts that declares itself with an SPDX tag
		// naming exactly the licences found: the prose between them says
		// which files each covers. (One licence text with terms around it
		// stays unidentified, tag or not.)
		c.Note = "licence texts as declared by the file's SPDX tag; other text: " + snippet(c.lead)
	case len(a.ids) == 0 && c.declared != "" && reuseName(name) == "" && words(string(t.b)) <= maxTagFileWords:
		c.statement, c.Confidence = true, statementConfidence
		c.Note = "SPDX tag, not a licence text"
	case len(a.ids) == 0:
		c.readStatement(t.b)
	default:
		c.raw = nil
		c.Note = verdict
	}
}

// sectionText reads a README's licence section as a licence file: a
// section that holds a licence's full text (the MIT text under "##
// License") gives that licence, one that holds a changed text gives
// NOASSERTION; ok is false when the section holds no licence text, only
// names (namesIn reads those).
func sectionText(name, sec string, ev evidence) (expr, note string, ok bool) {
	c := classify(name, []byte(sec), fullOrFast)
	if c.Error != "" || c.statement {
		return "", "", false
	}
	if len(c.Matches) == 0 {
		if c.Closest != nil && c.Closest.Share >= minDiffShare {
			// A licence text changed beyond what the matchers take.
			return NoAssertion, "licence text in the README's licence section, not identified: " + c.Closest.Describe(), true
		}
		if len(c.raw) == 0 {
			return "", "", false
		}
	}
	expr, note = c.resolve(ev)
	if expr == NoAssertion {
		return expr, "licence text in the README's licence section, not identified: " + note, true
	}
	return expr, strings.TrimPrefix("licence text in the README's licence section; "+note, "; "), true
}

// readStatement reads a short file that names licences instead of holding
// their text ("This project is dual-licensed under the Unlicense and MIT
// licenses."). Anything more than naming them is left unidentified.
func (c *classified) readStatement(b []byte) {
	s := string(b)
	c.Note = "no licence text found"
	if words(s) > 120 {
		return
	}
	ids := namesIn(s)
	if len(ids) == 0 {
		return
	}
	if f := flagIn(reGNUOption.get().ReplaceAllString(s, " "), false); f != "" {
		c.Note = "statement naming " + strings.Join(ids, ", ") + " with other terms: " + f + "; not identified"
		return
	}
	c.statement, c.raw, c.Confidence = true, ids, statementConfidence
	c.or = dualIntent(s)
	scanEvidence(s, "the licence statement", c.ev)
	c.Note = "licence statement naming " + strings.Join(ids, ", ") + ", not a licence text"
}

// consistent reports whether a declared expression names every id found
// (GNU ids by family and version, whatever the suffix).
func consistent(decl string, ids []string) bool {
	for _, id := range ids {
		want := spdxID(id)
		ok := false
		for _, d := range exprIDs(decl) {
			if d == want || gnuBare[id] && (d == id+"-only" || d == id+"-or-later") {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func exprIDs(expr string) []string {
	var out []string
	for _, tok := range strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(expr)) {
		switch tok {
		case "AND", "OR", "WITH":
			continue
		}
		out = append(out, tok)
	}
	return out
}

// resolve builds the file's expression from its ids with the GNU version
// evidence given; NOASSERTION when nothing was identified.
func (c *classified) resolve(ev evidence) (string, string) {
	if c.Error != "" {
		return NoAssertion, c.Note
	}
	if len(c.raw) == 0 {
		if c.declared != "" && (strings.HasPrefix(c.declared, "LicenseRef-") || c.statement) {
			return c.declared, c.Note
		}
		return NoAssertion, c.Note
	}
	if c.declared != "" && consistent(c.declared, c.raw) {
		return c.declared, c.Note
	}
	var parts, notes []string
	for _, id := range c.raw {
		if base, kind := splitGNU(id); base != "" && kind != "" && hasBare(c.raw, base) {
			continue // a notice beside its own full text: the text decides
		}
		if isException(id) {
			// An exception applies to the licence text before it.
			if len(parts) == 0 || strings.Contains(parts[len(parts)-1], " WITH ") {
				return NoAssertion, strings.TrimPrefix(c.Note+"; the "+id+" exception without the licence it modifies", "; ")
			}
			parts[len(parts)-1] += " WITH " + id
			continue
		}
		s := spdxID(id)
		if gnuBare[id] {
			var n string
			s, n = resolveGNU(id, ev)
			notes = append(notes, n)
		}
		if ok, _ := spdxexpActive(s); !ok && !strings.Contains(s, " ") && !strings.HasPrefix(s, "LicenseRef-") {
			s = "LicenseRef-" + refSafe(s)
		}
		parts = append(parts, s)
	}
	op := "AND"
	if c.or {
		op = "OR"
	} else {
		// The LGPL-3.0 with the GPL-3.0 it builds on, in one file as in
		// two, is the LGPL-3.0.
		parts = lgplOverGPL(parts)
	}
	expr := join(op, parts)
	if !valid(expr) {
		return NoAssertion, "internal: " + expr + " is not a valid SPDX expression"
	}
	note := c.Note
	if len(notes) > 0 {
		note = strings.TrimPrefix(note+"; "+strings.Join(notes, "; "), "; ")
	}
	return expr, note
}

// hasBare reports whether ids hold the full text of a GNU licence whose
// notice is also there; the notice's suffix is then evidence, not a
// second licence.
func hasBare(ids []string, base string) bool {
	for _, id := range ids {
		if id == base {
			return true
		}
	}
	return false
}

// reuseName is the licence a REUSE LICENSES/<id>.txt file names, "" for
// other paths or names that are not SPDX ids.
func reuseName(name string) string {
	dir, file := path.Split(name)
	if !strings.EqualFold(dir, "LICENSES/") {
		return ""
	}
	id := strings.TrimSuffix(file, path.Ext(file))
	if strings.HasPrefix(id, "LicenseRef-") && refSafe(id) == id {
		return id
	}
	if ok, canon := spdxexpActive(id); ok {
		return canon
	}
	return ""
}

func displayName(name string) string {
	if name == "" {
		return "the licence file"
	}
	return name
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

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
// Source and data files named after licences (license.go,
// license-checker.js, licenses.json) are not.
func IsLicenseName(name string) bool {
	n := strings.ToLower(name)
	for _, ext := range []string{".md", ".markdown", ".txt", ".rst", ".html", ".htm", ".adoc"} {
		if strings.HasSuffix(n, ext) {
			n = strings.TrimSuffix(n, ext)
			break
		}
	}
	if ext := strings.TrimPrefix(path.Ext(n), "."); codeExt[ext] || notTextExt[ext] {
		return false
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

// codeExt are extensions of source and data files, never licence texts.
//
//nolint:gochecknoglobals // immutable table
var codeExt = wordSet(`go js mjs cjs ts tsx jsx py pyc rb java kt kts c h cc cpp hpp cs rs swift php pl pm sh bash zsh
	fish ps1 bat cmd json jsonc yml yaml toml xml ini cfg conf lock css scss less sql proto lua r scala dart ex exs erl hs
	ml vue svelte png jpg jpeg gif svg ico pdf zip gz tgz tar jar class o so a exe dll wasm sum mod tmpl tpl j2 csv`)

// notTextExt are extensions of files named after licences that hold no
// licence text: a source header template (LICENSE.header, which
// license-maven-plugin reads), SPDX documents (LICENSE.spdx), signatures,
// backups and templates.
//
//nolint:gochecknoglobals // immutable table
var notTextExt = wordSet(`header hdr spdx rdf ttl template tmpl in sig asc bak orig old swp example sample`)

// thirdParty reports licence files that collect the licences of bundled
// dependencies: listed, but not the project's own licence.
func thirdParty(p string) bool {
	n := strings.ToLower(path.Base(p))
	for _, w := range []string{"third", "3rd", "vendor", "dependenc", "bundled", "notice"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// Reader reads a repository file (shared, memoised by the caller).
type Reader func(path string) ([]byte, error)

// DetectProject classifies every licence candidate of the index and combines
// them into the project's expression. Without licence files it falls back
// on the README's licence section and package manifests, with a lower
// confidence and a Source saying so.
func DetectProject(ix *repo.Index, read Reader) Result {
	files := classifyAll(candidates(ix), read)
	p := &project{ix: ix, read: read}
	if len(files) == 0 {
		return p.fallback()
	}
	ev := newEvidence()
	needGNU := false
	for _, f := range files {
		ev.merge(f.ev)
		for _, id := range f.raw {
			needGNU = needGNU || gnuBare[id]
		}
	}
	if needGNU {
		ev.merge(p.evidence())
	}
	res := Result{Source: SourceFile, Files: []File{}}
	for i := range files {
		files[i].Expression, files[i].Note = files[i].resolve(ev)
		res.Files = append(res.Files, files[i].File)
	}
	res.Expression, res.Confidence = p.combine(files)
	return res
}

// classifyAll classifies the licence files side by side (u-boot's
// Licenses/ holds 15 texts, 60 ms of work one after another). A panic in
// one is raised again in the caller, which turns it into the check's error.
func classifyAll(es []repo.Entry, read Reader) []classified {
	files := make([]classified, len(es))
	if len(es) == 1 {
		files[0] = classifyEntry(es[0], read)
		return files
	}
	var next atomic.Int64
	var panicked atomic.Value
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(es)) {
		wg.Go(func() {
			defer func() {
				if v := recover(); v != nil {
					panicked.CompareAndSwap(nil, fmt.Sprint(v))
				}
			}()
			for i := int(next.Add(1)) - 1; i < len(es); i = int(next.Add(1)) - 1 {
				files[i] = classifyEntry(es[i], read)
			}
		})
	}
	wg.Wait()
	if v := panicked.Load(); v != nil {
		panic(v)
	}
	return files
}

func classifyEntry(e repo.Entry, read Reader) classified {
	bad := func(msg string) classified {
		return classified{File: File{Path: e.Path, Expression: NoAssertion, Error: msg}, ev: newEvidence()}
	}
	switch {
	case e.Escapes:
		return bad("symbolic link that leaves the repository or dangles; not followed")
	case e.Size > MaxClassify:
		return bad(fmt.Sprintf("too large to be a licence text (%d bytes, limit %d); not classified", e.Size, MaxClassify))
	}
	data, err := read(e.Path)
	switch {
	case errors.Is(err, repo.ErrTooLarge):
		return bad(fmt.Sprintf("too large to be a licence text (limit %d bytes); not classified", MaxClassify))
	case err != nil:
		return bad("cannot read: " + err.Error())
	}
	c := classify(e.Path, data, fullOrFast)
	c.Path = e.Path
	if e.Symlink && c.Error == "" {
		c.Note = strings.TrimPrefix(c.Note+"; symbolic link inside the repository, classified through it", "; ")
	}
	return c
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
