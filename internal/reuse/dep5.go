// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

import (
	"fmt"
	"regexp"
	"strings"
)

// Dep5Path is where REUSE reads a DEP5 file.
const Dep5Path = ".reuse/dep5"

// Dep5Files is one Files paragraph of a DEP5 file.
type Dep5Files struct {
	Patterns   []string
	Copyrights []string
	// License is the first line of the License field: an SPDX expression.
	License string
	// Line is where the paragraph's Files field is; LicenseLine where its
	// License field is.
	Line, LicenseLine int

	match *regexp.Regexp
}

// Dep5 is a parsed machine-readable debian/copyright file (format 1.0).
type Dep5 struct {
	Files []*Dep5Files
}

// Match returns the last Files paragraph whose patterns match path, as the
// format says, or nil.
func (d *Dep5) Match(path string) *Dep5Files {
	for i := len(d.Files) - 1; i >= 0; i-- {
		if d.Files[i].match.MatchString(path) {
			return d.Files[i]
		}
	}
	return nil
}

type field struct {
	name  string
	lines []string // first line's value, then continuation lines (trimmed; " ." is an empty line)
	line  int
}

type paragraph struct {
	fields []field
	line   int
}

func (p paragraph) get(name string) (field, bool) {
	for _, f := range p.fields {
		if strings.EqualFold(f.name, name) {
			return f, true
		}
	}
	return field{}, false
}

// ParseDep5 reads a DEP5 file. Like the Debian tooling REUSE uses, it accepts
// the file only when it is entirely well formed: any error gives nil, so
// the file covers nothing, with the errors saying why.
func ParseDep5(data []byte) (*Dep5, []ConfigError) {
	paras, errs := deb822(string(data))
	if len(errs) > 0 {
		return nil, errs
	}
	if len(paras) == 0 {
		return nil, []ConfigError{{Line: 1, Msg: "the file has no paragraphs"}}
	}
	bad := func(line int, format string, args ...any) {
		errs = append(errs, ConfigError{Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if _, ok := paras[0].get("Format"); !ok {
		bad(paras[0].line, "the first paragraph must be the header, with a Format field (Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/)")
	}
	d := &Dep5{}
	for _, p := range paras[1:] {
		files, hasFiles := p.get("Files")
		lic, hasLicense := p.get("License")
		if !hasFiles {
			if !hasLicense {
				bad(p.line, "a paragraph must have a Files or a License field")
			}
			continue // a stand-alone licence text
		}
		cp, hasCopyright := p.get("Copyright")
		switch {
		case !hasCopyright:
			bad(p.line, "files paragraph without a Copyright field")
			continue
		case !hasLicense:
			bad(p.line, "files paragraph without a License field")
			continue
		}
		f := &Dep5Files{Line: files.line, LicenseLine: lic.line, License: strings.TrimSpace(lic.lines[0])}
		f.Patterns = strings.Fields(strings.Join(files.lines, " "))
		if len(f.Patterns) == 0 {
			bad(files.line, "the Files field is empty")
			continue
		}
		for _, l := range cp.lines {
			if l = strings.TrimSpace(l); l != "" {
				f.Copyrights = append(f.Copyrights, l)
			}
		}
		re, err := dep5Regexp(f.Patterns)
		if err != "" {
			bad(files.line, "%s", err)
			continue
		}
		f.match = re
		d.Files = append(d.Files, f)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return d, nil
}

// dep5Regexp translates Files patterns: "*" matches anything, "/" included,
// "?" one character; "\*", "\?" and "\\" are literal.
func dep5Regexp(pats []string) (*regexp.Regexp, string) {
	alts := make([]string, len(pats))
	for k, p := range pats {
		var b strings.Builder
		for i := 0; i < len(p); i++ {
			switch c := p[i]; c {
			case '*':
				b.WriteString(".*")
			case '?':
				b.WriteString(".")
			case '\\':
				i++
				if i >= len(p) {
					return nil, fmt.Sprintf("pattern %q ends with a single backslash", p)
				}
				if p[i] != '*' && p[i] != '?' && p[i] != '\\' {
					return nil, fmt.Sprintf("pattern %q has the invalid escape \\%c", p, p[i])
				}
				b.WriteString(regexp.QuoteMeta(p[i : i+1]))
			default:
				b.WriteString(regexp.QuoteMeta(p[i : i+1]))
			}
		}
		alts[k] = b.String()
	}
	re, err := regexp.Compile("^(?s:" + strings.Join(alts, "|") + ")$")
	if err != nil {
		return nil, err.Error()
	}
	return re, ""
}

// deb822 splits control-file syntax into paragraphs of fields.
func deb822(s string) ([]paragraph, []ConfigError) {
	var (
		paras []paragraph
		cur   *paragraph
		errs  []ConfigError
	)
	for i, l := range strings.Split(s, "\n") {
		n := i + 1
		l = strings.TrimRight(l, "\r")
		switch {
		case strings.TrimSpace(l) == "":
			cur = nil
		case l[0] == '#':
		case l[0] == ' ' || l[0] == '\t':
			if cur == nil || len(cur.fields) == 0 {
				errs = append(errs, ConfigError{Line: n, Msg: "continuation line without a field"})
				continue
			}
			v := strings.TrimSpace(l)
			if v == "." {
				v = ""
			}
			f := &cur.fields[len(cur.fields)-1]
			f.lines = append(f.lines, v)
		default:
			name, val, ok := strings.Cut(l, ":")
			if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(name, " \t") {
				errs = append(errs, ConfigError{Line: n, Msg: fmt.Sprintf("not a field (Name: value): %q", l)})
				continue
			}
			if cur == nil {
				paras = append(paras, paragraph{line: n})
				cur = &paras[len(paras)-1]
			}
			if _, dup := cur.get(name); dup {
				errs = append(errs, ConfigError{Line: n, Msg: fmt.Sprintf("field %s appears twice in one paragraph", name)})
				continue
			}
			cur.fields = append(cur.fields, field{name: name, lines: []string{strings.TrimSpace(val)}, line: n})
		}
	}
	return paras, errs
}
