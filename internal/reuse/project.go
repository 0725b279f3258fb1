// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

import (
	"fmt"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ospolint/ospolint/internal/repo"
)

// Text is what was read of one file for its licensing information.
type Text struct {
	Header Header
	// Partial is true when only the start of a longer file was read.
	Partial bool
	// Binary is true when the start holds a NUL byte: a longer read would
	// not find a comment header.
	Binary bool
	Err    error
}

// Input is what Evaluate reads a repository through.
type Input struct {
	Index *repo.Index
	// Layout, when set, is NewLayout(Index) computed already.
	Layout *Layout
	// ReadFile reads a whole small file (REUSE.toml, .reuse/dep5).
	ReadFile func(p string) ([]byte, error)
	// Text gives the licensing information in the start of a file
	// Layout.Slot numbers.
	Text func(p string) Text
	// Full, when set, reads a whole file whose start (Text) held no or only
	// part of its licensing information. The REUSE tool reads whole files.
	Full func(p string) Text
}

// Statement is one piece of licensing information and where it is written.
type Statement struct {
	Value string `json:"value"`
	// Path is the file holding it: the covered file, its .license sidecar, a
	// REUSE.toml or .reuse/dep5.
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
}

// File is a Covered File and the licensing information associated with it.
type File struct {
	Path       string      `json:"path"`
	Licenses   []Statement `json:"licenses"`
	Copyrights []Statement `json:"copyrights"`
	ReadError  string      `json:"readError,omitempty"`
}

// Issue is one REUSE problem.
type Issue struct {
	// Path is the file the problem is about; Line is the line in Path, 0
	// when the information is written elsewhere (see Source).
	Path string
	Line int
	// Key identifies the problem within Path for fingerprints (a licence
	// identifier, an expression).
	Key     string
	Message string
	// Source is where the offending text is written, when not in Path.
	Source *Statement
}

// LicenseFile is a licence text in LICENSES/.
type LicenseFile struct {
	Path string `json:"path"`
	// ID is the identifier the file provides the text of.
	ID string `json:"id"`
}

// Facts summarise a repository's REUSE state for reports.
type Facts struct {
	CoveredFiles          int      `json:"coveredFiles"`
	FilesWithLicense      int      `json:"filesWithLicense"`
	FilesWithoutLicense   int      `json:"filesWithoutLicense"`
	FilesWithCopyright    int      `json:"filesWithCopyright"`
	FilesWithoutCopyright int      `json:"filesWithoutCopyright"`
	LicensesUsed          []string `json:"licensesUsed"`
	// Expressions counts the covered files by licence expression, as
	// written (a file under two statements counts for each): what the
	// project's licensing information says most often.
	Expressions  map[string]int `json:"expressions"`
	LicenseTexts []string       `json:"licenseTexts"`
	// GlobalLicensing lists the REUSE.toml and .reuse/dep5 files read.
	GlobalLicensing []string `json:"globalLicensing"`
	Compliant       bool     `json:"compliant"`
}

// Result is the REUSE evaluation of a repository.
type Result struct {
	Files        []File
	LicenseFiles []LicenseFile

	MissingLicense   []Issue
	MissingCopyright []Issue
	// MissingLicenses are the uses of a licence whose text is not in
	// LICENSES/, one per file and licence, in the files' order, without a
	// Message: they are reported per licence (u-boot has 26,000 of them for
	// 35 texts).
	MissingLicenses          []Issue
	UnusedLicenses           []Issue
	BadLicenses              []Issue
	DeprecatedLicenses       []Issue
	LicensesWithoutExtension []Issue
	InvalidExpressions       []Issue
	ReadErrors               []Issue
	ConfigErrors             []Issue

	Facts Facts
}

type global struct {
	tomls map[string]*TOML // by directory
	dep5  *Dep5
}

// Evaluate applies the REUSE Specification 3.3 to a repository.
func Evaluate(in Input) *Result {
	r := &Result{}
	l := in.Layout
	if l == nil {
		l = NewLayout(in.Index)
	}
	g := loadGlobal(in, r)
	inv := inventory(in.Index, r)

	covered := l.CoveredFiles()
	r.Files = make([]File, len(covered))
	// Each file's issues are found by the workers (u-boot has some 17,000
	// files missing information and 26,000 uses of licences without a
	// text), then joined in the files' order.
	outs := make([]fileOut, len(covered))
	var ev evaluator
	ev.inv = inv
	parallel(len(covered), func(i int) {
		r.Files[i] = evalFile(in, l, g, covered[i])
		outs[i] = ev.issues(r.Files[i])
	})

	used := map[string]bool{}
	usedList := []string{}
	globalInvalid := map[Statement]bool{}
	var n [5]int
	for i := range outs {
		o := &outs[i]
		n[0] += min(len(o.missing[0]), 1)
		n[1] += min(len(o.missing[1]), 1)
		n[2] += len(o.invalid)
		n[3] += len(o.bad)
		n[4] += len(o.missingLicenses)
	}
	// (inventory reported the licence texts' own problems already.)
	for k, is := range []*[]Issue{&r.MissingLicense, &r.MissingCopyright, &r.InvalidExpressions, &r.BadLicenses, &r.MissingLicenses} {
		*is = slices.Grow(*is, n[k])
	}
	for i, f := range r.Files {
		if f.ReadError != "" {
			r.ReadErrors = append(r.ReadErrors, Issue{Path: f.Path, Key: "read", Message: fmt.Sprintf("cannot read %s: %s", f.Path, f.ReadError)})
			continue
		}
		o := &outs[i]
		if o.missing[0] != "" {
			r.MissingLicense = append(r.MissingLicense, Issue{Path: f.Path, Key: "license", Message: o.missing[0]})
		}
		if o.missing[1] != "" {
			r.MissingCopyright = append(r.MissingCopyright, Issue{Path: f.Path, Key: "copyright", Message: o.missing[1]})
		}
		for _, iv := range o.invalid {
			if iv.global != nil {
				// Written in a REUSE.toml or dep5: reported once, where it is.
				if globalInvalid[*iv.global] {
					continue
				}
				globalInvalid[*iv.global] = true
			}
			r.InvalidExpressions = append(r.InvalidExpressions, iv.Issue)
		}
		for _, k := range o.keys {
			if !used[k] {
				used[k] = true
				usedList = append(usedList, k)
			}
		}
		r.BadLicenses = append(r.BadLicenses, o.bad...)
		r.MissingLicenses = append(r.MissingLicenses, o.missingLicenses...)
	}
	for _, lf := range r.LicenseFiles {
		if !used[lf.ID] && !used[lf.ID+"+"] {
			r.UnusedLicenses = append(r.UnusedLicenses, Issue{Path: lf.Path, Key: lf.ID, Message: fmt.Sprintf(
				"unused licence text: no covered file is licensed under %s; remove %s, or add the files it covers", lf.ID, lf.Path)})
		}
	}
	facts(r, usedList, g)
	return r
}

// classification is what Classify says of a licence key.
type classification struct {
	kind  Kind
	canon string
}

// fileOut is what one covered file contributes to the issues of a Result.
type fileOut struct {
	// missing are the messages for a missing licence and copyright ("" when
	// present).
	missing              [2]string
	invalid              []invalidOut
	bad, missingLicenses []Issue
	// keys are the licence keys the file uses, in order, each once.
	keys []string
}

// invalidOut is an invalid expression; global is set when it is written
// in a REUSE.toml or dep5 (reported once, however many files it covers).
type invalidOut struct {
	Issue
	global *Statement
}

// evaluator finds the issues of single files, for many files at once: its
// caches are safe for concurrent use.
type evaluator struct {
	inv        map[string]string // read only
	exprs      expressions
	classified sync.Map // licence key -> classification
}

func (ev *evaluator) classify(k string) classification {
	if v, ok := ev.classified.Load(k); ok {
		return v.(classification)
	}
	var c classification
	c.kind, c.canon = Classify(k)
	ev.classified.Store(k, c)
	return c
}

// issues finds the problems of one evaluated file.
func (ev *evaluator) issues(f File) fileOut {
	var o fileOut
	if f.ReadError != "" {
		return o
	}
	if len(f.Licenses) == 0 {
		o.missing[0] = "no licensing information in " + f.Path +
			": add an SPDX-License-Identifier line to its header (or to " + path.Base(f.Path) + SidecarSuffix + " beside it), or cover it in REUSE.toml"
	}
	if len(f.Copyrights) == 0 {
		o.missing[1] = "no copyright notice in " + f.Path +
			": add an SPDX-FileCopyrightText line to its header (or to " + path.Base(f.Path) + SidecarSuffix + " beside it), or cover it in REUSE.toml"
	}
	// A file that also holds a valid licence tag of its own is licensed:
	// an invalid one beside it is most often a tag it quotes (a
	// template in its documentation, a header a program writes).
	quoted := ""
	for _, st := range f.Licenses {
		if isOwn(f.Path, st.Path) && ev.exprs.parse(st.Value).Invalid == "" {
			quoted = "; if the line is an example or text the program writes, not this file's licence, put it between REUSE-IgnoreStart and REUSE-IgnoreEnd comments"
			break
		}
	}
	for _, st := range f.Licenses {
		e := ev.exprs.parse(st.Value)
		line, src := locate(f.Path, st)
		if e.Invalid != "" {
			if src != nil && !isOwn(f.Path, st.Path) {
				g := st
				o.invalid = append(o.invalid, invalidOut{global: &g, Issue: Issue{Path: st.Path, Line: st.Line, Key: st.Value, Message: fmt.Sprintf(
					"invalid SPDX licence expression %q (%s): correct it", st.Value, e.Invalid)}})
				continue
			}
			o.invalid = append(o.invalid, invalidOut{Issue: Issue{Path: f.Path, Line: line, Key: st.Value, Source: src, Message: fmt.Sprintf(
				"invalid SPDX licence expression %q%s (%s): write identifiers from https://spdx.org/licenses/ joined by AND, OR and WITH%s", st.Value, where(src), e.Invalid, quoted)}})
			continue
		}
		for _, k := range e.Keys {
			if slices.Contains(o.keys, k) {
				continue
			}
			o.keys = append(o.keys, k)
			c := ev.classify(k)
			switch c.kind {
			case Unknown, Miscased:
				o.bad = append(o.bad, Issue{Path: f.Path, Line: line, Key: k, Source: src, Message: badMessage(k, c.kind, c.canon, src)})
				continue
			}
			if strings.HasPrefix(k, "DocumentRef-") {
				o.bad = append(o.bad, Issue{Path: f.Path, Line: line, Key: k, Source: src, Message: fmt.Sprintf(
					"licence %s%s refers to another SPDX document: REUSE needs its text in LICENSES/, so use a LicenseRef- of this project", k, where(src))})
				continue
			}
			if _, ok := ev.inv[k]; ok {
				continue
			}
			if _, ok := ev.inv[strings.TrimSuffix(k, "+")]; ok {
				continue
			}
			o.missingLicenses = append(o.missingLicenses, Issue{Path: f.Path, Line: line, Key: k, Source: src})
		}
	}
	return o
}

func isOwn(file, src string) bool { return src == file || src == file+SidecarSuffix }

// locate gives the line a statement has in the covered file itself, or its
// source when it is written elsewhere.
func locate(file string, st Statement) (int, *Statement) {
	if st.Path == file {
		return st.Line, nil
	}
	s := st
	return 0, &s
}

func where(src *Statement) string {
	if src == nil {
		return ""
	}
	if src.Line > 0 {
		return " (in " + src.Path + " line " + strconv.Itoa(src.Line) + ")"
	}
	return " (in " + src.Path + ")"
}

func badMessage(k string, kind Kind, canon string, src *Statement) string {
	if kind == Miscased {
		return fmt.Sprintf("licence identifier %s%s is not spelt as on the SPDX licence list: write %s", k, where(src), canon)
	}
	return fmt.Sprintf("licence identifier %s%s is not on the SPDX licence list: use one from https://spdx.org/licenses/, or LicenseRef-%s with its text in LICENSES/LicenseRef-%s.txt",
		k, where(src), k, k)
}

// evalFile associates licensing information with one covered file.
func evalFile(in Input, l *Layout, g *global, p string) File {
	f := File{Path: p}
	src := l.Source(p)
	t := in.Text(src)
	if t.Err != nil {
		f.ReadError = t.Err.Error()
		return f
	}
	var chain []*Annotation
	var from []*TOML
	if len(g.tomls) > 0 {
		chain, from = g.annotations(p)
	}
	for i, a := range chain {
		if a.Precedence == Override {
			addAnnotation(&f, from[i], a)
			return f
		}
	}
	combine(&f, src, t.Header, g, chain, from, p)
	if (len(f.Licenses) == 0 || len(f.Copyrights) == 0) && t.Partial && !t.Binary && in.Full != nil {
		if full := in.Full(src); full.Err == nil {
			f = File{Path: p}
			combine(&f, src, full.Header, g, chain, from, p)
		}
	}
	return f
}

func combine(f *File, src string, own Header, g *global, chain []*Annotation, from []*TOML, p string) {
	// The file's own statements in one allocation, each slice capped so
	// that what the annotations add is appended to a copy.
	nl, n := len(own.Licenses), len(own.Licenses)+len(own.Copyrights)
	if n > 0 {
		block := make([]Statement, n)
		for i, t := range own.Licenses {
			block[i] = Statement{Value: t.Value, Path: src, Line: t.Line}
		}
		for i, t := range own.Copyrights {
			block[nl+i] = Statement{Value: t.Value, Path: src, Line: t.Line}
		}
		if nl > 0 {
			f.Licenses = block[:nl:nl]
		}
		if n > nl {
			f.Copyrights = block[nl:n:n]
		}
	}
	if g.dep5 != nil {
		if d := g.dep5.Match(p); d != nil {
			f.Licenses = append(f.Licenses, Statement{Value: d.License, Path: Dep5Path, Line: d.LicenseLine})
			for _, c := range d.Copyrights {
				f.Copyrights = append(f.Copyrights, Statement{Value: c, Path: Dep5Path, Line: d.Line})
			}
		}
	}
	hasLicense, hasCopyright := len(own.Licenses) > 0, len(own.Copyrights) > 0
	for i := len(chain) - 1; i >= 0; i-- {
		a := chain[i]
		switch a.Precedence {
		case Aggregate:
			addAnnotation(f, from[i], a)
		case Closest:
			if !hasLicense && len(a.Licenses) > 0 {
				hasLicense = true
				addLicenses(f, from[i], a)
			}
			if !hasCopyright && len(a.Copyrights) > 0 {
				hasCopyright = true
				addCopyrights(f, from[i], a)
			}
		}
	}
}

func addAnnotation(f *File, t *TOML, a *Annotation) {
	addLicenses(f, t, a)
	addCopyrights(f, t, a)
}

func addLicenses(f *File, t *TOML, a *Annotation) {
	for _, v := range a.Licenses {
		f.Licenses = append(f.Licenses, Statement{Value: v, Path: t.Path, Line: a.Line})
	}
}

func addCopyrights(f *File, t *TOML, a *Annotation) {
	for _, v := range a.Copyrights {
		f.Copyrights = append(f.Copyrights, Statement{Value: v, Path: t.Path, Line: a.Line})
	}
}

// annotations returns, from the root down, the last matching annotation of
// each REUSE.toml above p, and the file each comes from.
func (g *global) annotations(p string) ([]*Annotation, []*TOML) {
	var chain []*Annotation
	var from []*TOML
	dir := ""
	rest := p
	for {
		if t, ok := g.tomls[dir]; ok {
			rel := p
			if dir != "" {
				rel = p[len(dir)+1:]
			}
			for i := len(t.Annotations) - 1; i >= 0; i-- {
				if t.Annotations[i].Matches(rel) {
					chain = append(chain, t.Annotations[i])
					from = append(from, t)
					break
				}
			}
		}
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			break
		}
		if dir == "" {
			dir = rest[:i]
		} else {
			dir += "/" + rest[:i]
		}
		rest = rest[i+1:]
	}
	return chain, from
}

// loadGlobal reads every REUSE.toml and .reuse/dep5.
func loadGlobal(in Input, r *Result) *global {
	g := &global{tomls: map[string]*TOML{}}
	cfgErr := func(p string, e ConfigError) {
		r.ConfigErrors = append(r.ConfigErrors, Issue{Path: p, Line: e.Line, Key: e.Msg, Message: e.Msg})
	}
	for _, e := range in.Index.Files() {
		if e.Name() != TOMLName || e.Escapes {
			continue
		}
		data, err := in.ReadFile(e.Path)
		if err != nil {
			cfgErr(e.Path, ConfigError{Msg: "cannot be read: " + err.Error()})
			continue
		}
		t, errs := ParseTOML(e.Path, data)
		for _, ce := range errs {
			cfgErr(e.Path, ce)
		}
		if t != nil {
			g.tomls[t.Dir] = t
		}
	}
	if e, ok := in.Index.Lookup(Dep5Path); ok && !e.Escapes {
		data, err := in.ReadFile(Dep5Path)
		if err != nil {
			cfgErr(Dep5Path, ConfigError{Msg: "cannot be read: " + err.Error()})
			return g
		}
		if len(g.tomls) > 0 {
			cfgErr(Dep5Path, ConfigError{Line: 1, Msg: "both REUSE.toml and .reuse/dep5 are present, which REUSE forbids: .reuse/dep5 is ignored; move its paragraphs to REUSE.toml (reuse convert-dep5) and delete it"})
			return g
		}
		d, errs := ParseDep5(data)
		for _, ce := range errs {
			ce.Msg += " (the whole file is ignored until this is fixed)"
			cfgErr(Dep5Path, ce)
		}
		g.dep5 = d
	}
	return g
}

// inventory lists the licence texts in LICENSES/ and reports bad, deprecated
// and extensionless ones. It returns the texts by identifier.
func inventory(ix *repo.Index, r *Result) map[string]string {
	inv := map[string]string{}
	for _, e := range ix.Under(LicensesDir) {
		name := e.Name()
		if strings.HasSuffix(name, SidecarSuffix) || strings.HasSuffix(name, ".spdx") {
			continue
		}
		ext := path.Ext(name)
		stem := strings.TrimSuffix(name, ext)
		id := ""
		kind, canon := Classify(stem)
		switch {
		case ext != "" && (kind == Known || kind == Deprecated || kind == Ref):
			id = stem
		default:
			nk, _ := Classify(name)
			if nk == Known || nk == Deprecated || nk == Ref {
				id, kind = name, nk
				r.LicensesWithoutExtension = append(r.LicensesWithoutExtension, Issue{Path: e.Path, Key: id, Message: fmt.Sprintf(
					"licence text without a file extension: rename %s to %s.txt", e.Path, e.Path)})
				break
			}
			msg := "licence text not named after an SPDX licence identifier: name it <identifier>.txt with an identifier from https://spdx.org/licenses/, or LicenseRef-<name>.txt"
			if kind == Miscased {
				msg = fmt.Sprintf("licence text name not spelt as on the SPDX licence list: rename it LICENSES/%s%s", canon, ext)
			}
			r.BadLicenses = append(r.BadLicenses, Issue{Path: e.Path, Key: stem, Message: msg})
			id = stem
		}
		if kind == Deprecated {
			r.DeprecatedLicenses = append(r.DeprecatedLicenses, Issue{Path: e.Path, Key: id, Message: fmt.Sprintf(
				"deprecated SPDX licence identifier %s: use its successor (e.g. GPL-2.0-only or GPL-2.0-or-later for GPL-2.0) in the headers and rename the text", id)})
		}
		if other, dup := inv[id]; dup {
			r.BadLicenses = append(r.BadLicenses, Issue{Path: e.Path, Key: "duplicate " + id, Message: fmt.Sprintf(
				"second text for %s (the first is %s): keep one", id, other)})
			continue
		}
		inv[id] = e.Path
		r.LicenseFiles = append(r.LicenseFiles, LicenseFile{Path: e.Path, ID: id})
	}
	return inv
}

func facts(r *Result, used []string, g *global) {
	f := Facts{CoveredFiles: len(r.Files), LicensesUsed: used, Expressions: map[string]int{}, LicenseTexts: []string{}, GlobalLicensing: []string{}}
	for _, file := range r.Files {
		if len(file.Licenses) > 0 {
			f.FilesWithLicense++
			for i, l := range file.Licenses {
				if !slices.ContainsFunc(file.Licenses[:i], func(o Statement) bool { return o.Value == l.Value }) {
					f.Expressions[l.Value]++
				}
			}
		} else {
			f.FilesWithoutLicense++
		}
		if len(file.Copyrights) > 0 {
			f.FilesWithCopyright++
		} else {
			f.FilesWithoutCopyright++
		}
	}
	sort.Strings(f.LicensesUsed)
	for _, lf := range r.LicenseFiles {
		f.LicenseTexts = append(f.LicenseTexts, lf.ID)
	}
	sort.Strings(f.LicenseTexts)
	for _, t := range g.tomls {
		f.GlobalLicensing = append(f.GlobalLicensing, t.Path)
	}
	if g.dep5 != nil {
		f.GlobalLicensing = append(f.GlobalLicensing, Dep5Path)
	}
	sort.Strings(f.GlobalLicensing)
	f.Compliant = len(r.MissingLicense)+len(r.MissingCopyright)+len(r.MissingLicenses)+len(r.UnusedLicenses)+
		len(r.BadLicenses)+len(r.DeprecatedLicenses)+len(r.LicensesWithoutExtension)+len(r.InvalidExpressions)+
		len(r.ReadErrors)+len(r.ConfigErrors) == 0
	r.Facts = f
}

// parallel runs fn(0..n-1) on a few goroutines: the work is file reads on
// the fallback path and regular-expression matching.
func parallel(n int, fn func(i int)) {
	workers := 4 * runtime.GOMAXPROCS(0)
	if n < 256 || workers < 2 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			for start := range next {
				for i := start; i < min(start+128, n); i++ {
					fn(i)
				}
			}
		})
	}
	for start := 0; start < n; start += 128 {
		next <- start
	}
	close(next)
	wg.Wait()
}
