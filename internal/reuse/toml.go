// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Precedence says how a REUSE.toml annotation combines with the licensing
// information inside the files it covers.
type Precedence string

// Precedences of REUSE.toml version 1.
const (
	// Closest uses the file's own information, and the annotation of the
	// closest REUSE.toml only for what the file lacks (copyright and
	// licensing separately).
	Closest Precedence = "closest"
	// Aggregate always adds the annotation's information.
	Aggregate Precedence = "aggregate"
	// Override uses the annotation only; the one closest to the root wins.
	Override Precedence = "override"
)

// ConfigError is a problem in a REUSE.toml or .reuse/dep5 file.
type ConfigError struct {
	Line int
	Msg  string
}

// Annotation is one [[annotations]] table.
type Annotation struct {
	Paths      []string
	Precedence Precedence
	Copyrights []string
	Licenses   []string
	// Line is where the table starts, 0 when unknown.
	Line int

	match *regexp.Regexp
}

// Matches reports whether a path relative to the REUSE.toml's directory is
// one of the annotation's paths.
func (a *Annotation) Matches(rel string) bool { return a.match.MatchString(rel) }

// TOML is a parsed REUSE.toml.
type TOML struct {
	// Path is the file's path in the repository, Dir its directory ("" at
	// the root).
	Path, Dir   string
	Version     int64
	Annotations []*Annotation
}

// ParseTOML reads a REUSE.toml at path (repository-relative). A file that is
// not valid TOML gives nil and one error; other problems are reported and
// the tables that make sense are kept.
func ParseTOML(path string, data []byte) (*TOML, []ConfigError) {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		line := 0
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// An error at the end of a line is placed on the next one.
			line = min(pe.Position.Line, bytes.Count(bytes.TrimRight(data, "\n"), []byte{'\n'})+1)
			err = errors.New(pe.Message)
		}
		return nil, []ConfigError{{Line: line, Msg: "not valid TOML: " + err.Error()}}
	}
	t := &TOML{Path: path, Dir: dirOf(path)}
	var errs []ConfigError
	bad := func(line int, format string, args ...any) {
		errs = append(errs, ConfigError{Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	switch v := raw["version"].(type) {
	case int64:
		t.Version = v
		if v != 1 {
			bad(keyLine(data, "version"), "version %d is not supported (REUSE.toml version 1 is)", v)
		}
	case nil:
		bad(1, "the required key version is missing: add version = 1")
	default:
		bad(keyLine(data, "version"), "version must be an integer, not %v", v)
	}
	lines := annotationLines(data)
	var tables []map[string]any
	switch v := raw["annotations"].(type) {
	case nil:
	case []map[string]any:
		tables = v
	default:
		bad(keyLine(data, "annotations"), "annotations must be an array of tables ([[annotations]])")
	}
	for i, tbl := range tables {
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		a, msg := annotation(tbl, line)
		if msg != "" {
			bad(line, "annotation #%d ignored: %s", i+1, msg)
			continue
		}
		t.Annotations = append(t.Annotations, a)
	}
	return t, errs
}

func annotation(tbl map[string]any, line int) (*Annotation, string) {
	a := &Annotation{Line: line, Precedence: Closest}
	var ok bool
	if a.Paths, ok = stringOrList(tbl["path"]); !ok || len(a.Paths) == 0 {
		return nil, "path must be a string or a non-empty list of strings"
	}
	if a.Copyrights, ok = stringOrList(tbl["SPDX-FileCopyrightText"]); !ok {
		return nil, "SPDX-FileCopyrightText must be a string or a list of strings"
	}
	if a.Licenses, ok = stringOrList(tbl["SPDX-License-Identifier"]); !ok {
		return nil, "SPDX-License-Identifier must be a string or a list of strings"
	}
	if p, present := tbl["precedence"]; present {
		s, _ := p.(string)
		switch Precedence(s) {
		case Closest, Aggregate, Override:
			a.Precedence = Precedence(s)
		default:
			return nil, fmt.Sprintf("precedence must be closest, aggregate or override, not %v", p)
		}
	}
	for _, p := range a.Paths {
		if p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
			return nil, fmt.Sprintf("path %q leaves the directory of the REUSE.toml", p)
		}
	}
	res := make([]string, len(a.Paths))
	for i, p := range a.Paths {
		res[i] = globRegexp(p)
	}
	re, err := regexp.Compile("^(?:" + strings.Join(res, "|") + ")$")
	if err != nil {
		return nil, fmt.Sprintf("path cannot be matched: %v", err)
	}
	a.match = re
	return a, ""
}

// stringOrList accepts a string, a list of strings or nothing; empty strings
// are dropped.
func stringOrList(v any) ([]string, bool) {
	var out []string
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	switch v := v.(type) {
	case nil:
		return nil, true
	case string:
		add(v)
		return out, true
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			add(s)
		}
		return out, true
	}
	return nil, false
}

// globRegexp translates a REUSE.toml path: "*" matches within a directory,
// "**" (and "**/") across directories, a backslash makes the next character
// literal.
func globRegexp(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); {
		switch p[i] {
		case '\\':
			i++
			if i < len(p) {
				_, n := utf8.DecodeRuneInString(p[i:])
				b.WriteString(regexp.QuoteMeta(p[i : i+n]))
				i += n
			}
		case '*':
			j := i
			for j < len(p) && p[j] == '*' {
				j++
			}
			if j-i >= 2 {
				b.WriteString(".*")
				if j < len(p) && p[j] == '/' {
					j++
				}
			} else {
				b.WriteString("[^/]*")
			}
			i = j
		default:
			_, n := utf8.DecodeRuneInString(p[i:])
			b.WriteString(regexp.QuoteMeta(p[i : i+n]))
			i += n
		}
	}
	return b.String()
}

// annotationLines finds the line of each [[annotations]] header, in order.
func annotationLines(data []byte) []int {
	var out []int
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "[[") {
			continue
		}
		end := strings.Index(t, "]]")
		if end < 0 {
			continue
		}
		name := strings.Trim(strings.TrimSpace(t[2:end]), "\"'")
		if name == "annotations" {
			out = append(out, i+1)
		}
	}
	return out
}

// keyLine is the first line that assigns key at the top level, or 1.
func keyLine(data []byte, key string) int {
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if rest, ok := strings.CutPrefix(t, key); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return i + 1
		}
	}
	return 1
}

func dirOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	return p[:i]
}
