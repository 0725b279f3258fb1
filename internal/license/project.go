// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"bytes"
	"path"
	"sort"
	"strings"

	"github.com/ospolint/ospolint/internal/repo"
)

// maxReadme caps the README read for licence statements.
const maxReadme = 512 << 10

// project holds what the project-level decision reads besides the licence
// files: the README and package manifests, each read at most once.
type project struct {
	ix   *repo.Index
	read Reader

	readmeDone bool
	readmePath string
	readme     string
}

// readmeText is the root README (Markdown preferred), "" when there is none
// or it cannot be read.
func (p *project) readmeText() (string, string) {
	if p.readmeDone {
		return p.readmePath, p.readme
	}
	p.readmeDone = true
	best, rank := repo.Entry{}, 99
	for _, e := range p.ix.InDir("") {
		n := strings.ToLower(e.Name())
		if !strings.HasPrefix(n, "readme") || e.Escapes || e.Size > maxReadme {
			continue
		}
		r := 50
		switch path.Ext(n) {
		case ".md", ".markdown":
			r = 0
		case "":
			r = 1
		case ".rst", ".txt", ".adoc", ".org":
			r = 2
		}
		if n != "readme"+path.Ext(n) {
			r += 10 // README.de.md and the like
		}
		if r < rank {
			best, rank = e, r
		}
	}
	if best.Path == "" {
		return "", ""
	}
	b, err := p.read(best.Path)
	if err != nil || binaryReason(b) != "" {
		return "", ""
	}
	p.readmePath, p.readme = best.Path, string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")))
	return p.readmePath, p.readme
}

var (
	reATX      = lazy(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)                                          //nolint:gochecknoglobals // compiled on first use, immutable
	reADoc     = lazy(`^(={1,6})\s+(.*?)\s*$`)                                                      //nolint:gochecknoglobals // compiled on first use, immutable
	reUnderl   = lazy(`^\s*(?:={3,}|-{3,}|~{3,}|\^{3,}|\*{3,}|\+{3,}|#{3,})\s*$`)                   //nolint:gochecknoglobals // compiled on first use, immutable
	reBoldHead = lazy(`^\s*\*\*([^*]{1,60})\*\*:?\s*$`)                                             //nolint:gochecknoglobals // compiled on first use, immutable
	reLicHead  = lazy(`(?i)licen[cs]|copying|copyright|legal`)                                      //nolint:gochecknoglobals // compiled on first use, immutable
	reLicLine  = lazy(`(?i)licen[cs]|released under|under the terms`)                               //nolint:gochecknoglobals // compiled on first use, immutable
	reBadge    = lazy(`(?i)shields\.io/badge/licen[cs]e-([^?)\s"']+?)-[a-z0-9]+(?:\.svg)?[?)\s"']`) //nolint:gochecknoglobals // compiled on first use, immutable
)

// heading reads line i of lines as a heading: its level (1 highest) and
// text; level 0 when it is none.
func heading(lines []string, i int) (int, string) {
	l := lines[i]
	if m := reATX.get().FindStringSubmatch(l); m != nil {
		return len(m[1]), m[2]
	}
	if m := reADoc.get().FindStringSubmatch(l); m != nil && len(m[2]) > 0 {
		return len(m[1]), m[2]
	}
	if strings.TrimSpace(l) != "" && i+1 < len(lines) && reUnderl.get().MatchString(lines[i+1]) && !reUnderl.get().MatchString(l) {
		if strings.TrimSpace(lines[i+1])[0] == '=' {
			return 1, strings.TrimSpace(l)
		}
		return 2, strings.TrimSpace(l)
	}
	if m := reBoldHead.get().FindStringSubmatch(l); m != nil {
		return 6, m[1]
	}
	return 0, ""
}

// licenceSection is the README's licence section(s): the text under a
// heading naming the licence, up to the next heading of the same level.
// Without such a heading it is the lines that speak of licensing, plus
// licence badges.
func licenceSection(readme string) string {
	lines := strings.Split(readme, "\n")
	var b strings.Builder
	for i := 0; i < len(lines) && b.Len() < 8192; i++ {
		level, title := heading(lines, i)
		if level == 0 || !reLicHead.get().MatchString(title) {
			continue
		}
		for j := i + 1; j < len(lines) && b.Len() < 8192; j++ {
			if l, _ := heading(lines, j); l > 0 && l <= level {
				i = j - 1
				break
			}
			if !reUnderl.get().MatchString(lines[j]) {
				b.WriteString(lines[j])
				b.WriteByte('\n')
			}
		}
	}
	if b.Len() == 0 {
		for _, l := range lines {
			if reLicLine.get().MatchString(l) && b.Len() < 4096 {
				b.WriteString(l)
				b.WriteByte('\n')
			}
		}
	}
	for _, m := range reBadge.get().FindAllStringSubmatch(readme, 4) {
		v := strings.NewReplacer("--", "-", "%20", " ", "_", " ", "%2B", "+", "%2b", "+").Replace(m[1])
		b.WriteString("License: " + v + "\n")
	}
	return b.String()
}

// evidence collects GNU version statements from the README and the
// manifests' licence fields.
func (p *project) evidence() evidence {
	ev := newEvidence()
	if name, text := p.readmeText(); text != "" {
		scanEvidence(text, name, ev)
	}
	for _, s := range p.manifestSignals() {
		for _, id := range exprIDs(s.Expression) {
			ev.noteID(id, s.Path)
		}
	}
	return ev
}

// combine joins the files' expressions into the project's: one expression
// per distinct licence, with OR when the project offers a choice (a
// statement file, a licence file's preamble or the README says so) and AND
// otherwise.
//
// A licence file at the root decides, and a root file not identified makes
// the whole NOASSERTION. The texts in a licences folder (REUSE's LICENSES/,
// u-boot's Licenses/) are the licences of individual files: they decide
// only when the root has no licence file (see folderTexts).
func (p *project) combine(files []classified) (string, float64) {
	var own, folder []classified
	for _, f := range files {
		switch {
		case thirdParty(f.Path):
		case strings.Contains(f.Path, "/"):
			folder = append(folder, f)
		default:
			own = append(own, f)
		}
	}
	if len(own) == 0 {
		var ok bool
		if own, ok = folderTexts(folder); !ok || len(own) == 0 {
			return NoAssertion, 0
		}
	}
	conf, textConf := 1.0, 1.0
	var stmts []classified
	var exprs, textIDs []string
	for _, f := range own {
		if f.Error != "" || f.Expression == NoAssertion || f.Expression == "" {
			return NoAssertion, 0
		}
		conf = min(conf, f.Confidence)
		if f.statement {
			stmts = append(stmts, f)
		} else {
			textConf = min(textConf, f.Confidence)
			textIDs = append(textIDs, exprIDs(f.Expression)...)
		}
		exprs = append(exprs, f.Expression)
	}
	// A statement that names every licence found states how they combine.
	// When the other files hold the text of every licence it names
	// (ripgrep's COPYING beside LICENSE-MIT and UNLICENSE), the texts
	// confirm it: the confidence is theirs, not a bare statement's.
	for _, s := range stmts {
		named := exprIDs(s.Expression)
		all := true
		for _, e := range exprs {
			for _, id := range exprIDs(e) {
				all = all && contains(named, id)
			}
		}
		if !all {
			continue
		}
		if len(stmts) == 1 && len(textIDs) > 0 && containsAll(textIDs, named) {
			return s.Expression, textConf
		}
		return s.Expression, conf
	}
	exprs = lgplOverGPL(exprs)
	if len(exprs) > 1 && p.choice(own) {
		return join("OR", exprs), conf
	}
	return join("AND", exprs), conf
}

// folderTexts picks, from a licences folder, the files that count for the
// project when no root licence file exists: each licence text, as what it
// is identified as or, when its text is not identified, as the identifier
// its REUSE file name gives (LICENSES/CC-BY-4.0.txt), with the lower
// confidence of a statement. Files that hold no licence text (see
// NotLicenceText) are left out. ok is false when a text is neither
// identified nor named: the project's licences are then not known.
func folderTexts(files []classified) (texts []classified, ok bool) {
	for _, f := range files {
		if NotLicenceText(f.File) {
			continue
		}
		if f.Expression == NoAssertion || f.Expression == "" || f.Error != "" {
			id := reuseName(f.Path)
			if id == "" || f.Error != "" {
				return nil, false
			}
			f.Expression, f.Error = id, ""
			if f.Confidence == 0 {
				f.Confidence = statementConfidence
			}
		}
		texts = append(texts, f)
	}
	return texts, true
}

// InLicenceFolder reports whether a licence file is one of the texts of a
// licences folder (LICENSES/, Licenses/): a per-file fact, not the
// project's licence, as long as the root has a licence file.
func InLicenceFolder(p string) bool { return strings.Contains(p, "/") }

// NotLicenceText reports whether a file in a licences folder holds no
// licence text at all: a README or index, a note on exceptions or notices,
// or a file that only names licences (u-boot's Licenses/README, with its own
// SPDX tag). Such files never decide the project's licence. A file named
// after an SPDX identifier in REUSE's LICENSES/ is always a licence text.
func NotLicenceText(f File) bool {
	if !InLicenceFolder(f.Path) || reuseName(f.Path) != "" || f.Error != "" {
		return false
	}
	stem := strings.ToLower(path.Base(f.Path))
	stem = strings.TrimSuffix(stem, path.Ext(stem))
	for _, w := range []string{"readme", "index", "exception", "notice", "note"} {
		if strings.HasPrefix(stem, w) {
			return true
		}
	}
	return len(f.Matches) == 0 && f.Expression != NoAssertion && !strings.HasPrefix(f.Expression, "LicenseRef-")
}

// choice reports whether the project says the licensee may choose among
// the licences of its licence files: a statement in one of the files or in
// the README's licence section that says so and names the licences of at
// least two files that each hold one licence. A file that already offers a
// choice ("Apache-2.0 OR GPL-2.0-or-later" in tools-golang's LICENSE.code) is
// what such a statement usually describes; it does not make that file's
// licences alternatives to another file's (LICENSE.docs, CC-BY-4.0).
func (p *project) choice(files []classified) bool {
	texts := []string{}
	for _, f := range files {
		if f.lead != "" {
			texts = append(texts, f.lead)
		}
	}
	if _, readme := p.readmeText(); readme != "" {
		texts = append(texts, licenceSection(readme))
	}
	for _, t := range texts {
		if dualIntent(t) && singleFilesNamed(files, namesIn(t)) >= 2 {
			return true
		}
	}
	return false
}

// singleFilesNamed counts the files holding one licence whose id is among
// names (ids, or bare ids that an -only/-or-later id extends).
func singleFilesNamed(files []classified, names []string) int {
	n := 0
	for _, f := range files {
		ids := exprIDs(f.Expression)
		if len(ids) != 1 {
			continue
		}
		for _, id := range names {
			if ids[0] == id || strings.HasPrefix(ids[0], id+"-") {
				n++
				break
			}
		}
	}
	return n
}

// lgplOverGPL drops GPL-3.0 beside LGPL-3.0: LGPL-3.0 is a set of extra
// permissions on top of GPL-3.0 and requires shipping its text, so the pair
// of files means LGPL-3.0.
func lgplOverGPL(exprs []string) []string {
	hasLGPL3 := false
	for _, e := range exprs {
		hasLGPL3 = hasLGPL3 || strings.HasPrefix(e, "LGPL-3.0-") && !strings.Contains(e, " ")
	}
	if !hasLGPL3 {
		return exprs
	}
	var out []string
	for _, e := range exprs {
		if strings.HasPrefix(e, "GPL-3.0-") && !strings.Contains(e, " ") {
			continue
		}
		out = append(out, e)
	}
	return out
}

// containsAll reports whether list holds every one of want.
func containsAll(list, want []string) bool {
	for _, w := range want {
		if !contains(list, w) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fallback reads the weaker signals when the repository has no licence
// file: manifest licence fields first (they are meant to hold SPDX
// expressions), then the README's licence section.
func (p *project) fallback() Result {
	res := Result{Files: []File{}}
	ms := p.manifestSignals()
	var exprs []string
	for _, m := range ms {
		if m.Expression != NoAssertion {
			exprs = append(exprs, m.Expression)
		}
		res.Signals = append(res.Signals, m)
	}
	rd, ok := p.readmeSignal()
	if ok {
		res.Signals = append(res.Signals, rd)
	}
	switch {
	case len(exprs) > 0:
		res.Expression, res.Confidence, res.Source = join("AND", exprs), manifestConfidence, SourceManifest
	case ok && rd.Expression != NoAssertion:
		res.Expression, res.Confidence, res.Source = rd.Expression, readmeConfidence, SourceReadme
	}
	if res.Expression != "" && !valid(res.Expression) {
		res.Expression, res.Confidence = NoAssertion, 0
	}
	return res
}

// readmeSignal reads the licences the README's licence section names.
func (p *project) readmeSignal() (File, bool) {
	name, text := p.readmeText()
	if text == "" {
		return File{}, false
	}
	sec := licenceSection(text)
	if strings.TrimSpace(sec) == "" {
		return File{}, false
	}
	f := File{Path: name, Source: SourceReadme, Expression: NoAssertion, Confidence: readmeConfidence}
	if m := reSPDXTag.get().FindStringSubmatch(sec); m != nil {
		if d := declared(m[1]); d != "" {
			f.Expression, f.Note = d, "SPDX tag in the README"
			return f, true
		}
	}
	ev := newEvidence()
	scanEvidence(text, name, ev)
	if expr, note, ok := sectionText(name, sec, ev); ok {
		f.Expression, f.Note = expr, note
		return f, true
	}
	var parts, notes []string
	for _, id := range namesIn(sec) {
		if gnuBare[id] {
			var n string
			id, n = resolveGNU(id, ev)
			notes = append(notes, n)
		}
		parts = append(parts, id)
	}
	if len(parts) == 0 {
		f.Confidence, f.Note = 0, "licence section names no known licence"
		return f, true
	}
	op := "AND"
	if dualIntent(sec) {
		op = "OR"
	}
	f.Expression = join(op, parts)
	f.Note = strings.Join(append([]string{"licences named in the README's licence section"}, notes...), "; ")
	if !valid(f.Expression) {
		f.Expression, f.Confidence = NoAssertion, 0
	}
	return f, true
}

// manifestSignals reads the licence fields of the package manifests at the
// root, sorted by path.
func (p *project) manifestSignals() []File {
	var out []File
	for _, e := range p.ix.InDir("") {
		kind := manifestKind(e.Name())
		if kind == "" || e.Escapes || e.Size > maxReadme {
			continue
		}
		b, err := p.read(e.Path)
		if err != nil {
			continue
		}
		values := manifestLicences(kind, string(b))
		if len(values) == 0 {
			continue
		}
		f := File{Path: e.Path, Source: SourceManifest, Expression: NoAssertion, Confidence: manifestConfidence}
		var parts []string
		for _, v := range values {
			if d := declared(v); d != "" {
				parts = append(parts, d)
				continue
			}
			ev := newEvidence()
			scanEvidence(v, e.Path, ev)
			for _, id := range namesIn(v) {
				if gnuBare[id] {
					id, _ = resolveGNU(id, ev)
				}
				parts = append(parts, id)
			}
		}
		op := "AND"
		if kind == "composer.json" || kind == "package.json" {
			op = "OR" // several entries of these lists are alternatives
		}
		if len(parts) > 0 {
			f.Expression = join(op, parts)
			f.Note = "licence field: " + snippet(strings.Join(values, ", "))
		} else {
			f.Confidence, f.Note = 0, "licence field names no known licence: "+snippet(strings.Join(values, ", "))
		}
		if !valid(f.Expression) {
			f.Expression, f.Confidence = NoAssertion, 0
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// minTextBytes is, for licences whose standard notice is identified as the
// licence itself, the fewest bytes a match must span to be the licence text
// rather than its notice. The texts are 11 KB (Apache-2.0, EPL-1.0) to
// 23 KB (MPL-1.1); their notices under 1 KB.
//
//nolint:gochecknoglobals // immutable table
var minTextBytes = map[string]int{
	"Apache-2.0": 4000, "MPL-2.0": 6000, "MPL-1.1": 6000, "EPL-1.0": 4000, "EPL-2.0": 6000,
	"CDDL-1.0": 6000, "CDDL-1.1": 6000, "EUPL-1.1": 6000, "EUPL-1.2": 6000,
}

// TextMissing reports whether a licence file names its licence without
// holding its text: a statement ("MIT", "Licensed under the MIT License.",
// an SPDX tag) or only a licence's notice ("Licensed under the Apache
// License, Version 2.0 ...", the GPL's "This program is free software ...").
// Such a file tells which licence applies, but the text itself must ship
// with the code. A custom licence (LicenseRef-) is its own text.
func TextMissing(f File) bool {
	if f.Error != "" || f.Expression == "" || f.Expression == NoAssertion || strings.HasPrefix(f.Expression, "LicenseRef-") {
		return false
	}
	for _, m := range f.Matches {
		if _, kind := splitGNU(m.ID); kind != "" {
			continue // a GNU notice; the bare id is the text
		}
		if n, ok := minTextBytes[m.ID]; ok && m.End-m.Start < n {
			continue
		}
		return false
	}
	return true
}
