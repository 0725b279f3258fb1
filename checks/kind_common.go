// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/ospolint/ospolint/checks/fileset"
	"github.com/ospolint/ospolint/internal/repo"
)

// What the generic rule kinds share: the activity they give evidence for by
// default, the common options (paths, ignore-case, message), glob matching,
// the binary heuristic and reading a file for a pattern search.

// ruleActivity is the default GGI activity of a user rule; a rule may name
// others with `ggi:`.
const ruleActivity = "GGI-A-25"

// ruleBinarySniff is how much of a file's start git inspects for a NUL byte
// to call it binary (buffer_is_binary in git's xdiff-interface.c).
const ruleBinarySniff = 8000

// ruleMaxLines caps the `lines` option of file-header: the head read is
// bounded anyway, a larger value only hides a typo.
const ruleMaxLines = 1000

// ruleCommonHelp documents the options every kind takes, in Markdown list
// items; pathsDefault is empty when paths is required.
func ruleCommonHelp(pathsDefault string) string {
	req := " Required."
	if pathsDefault != "" {
		req = " Default `" + pathsDefault + "`."
	}
	return "- `paths`: globs relative to the repository root: `*` stays within a directory, `**` crosses directories,\n" +
		"  `{a,b}` and `[a-z]` work. A file is in scope when one of them matches its path." + req + "\n" +
		"- `ignore-case` (default false): match `paths` case-insensitively.\n" +
		"- `message`: replaces the default finding message; say what to do (\"add NOTICE, see the legal wiki\").\n"
}

// ruleOptions returns the options every kind has: paths (with its default),
// ignore-case and message, followed by the kind's own.
func ruleOptions(defPaths []string, own ...Option) []Option {
	pathsHelp := "doublestar globs of the files the rule applies to, relative to the repository root"
	if len(defPaths) == 0 {
		pathsHelp += " (required)"
	}
	if defPaths == nil {
		defPaths = []string{}
	}
	out := []Option{
		{Name: "paths", Type: TypeStrings, Default: defPaths, Help: pathsHelp},
		{Name: "ignore-case", Type: TypeBool, Default: false, Help: "match paths (and the pattern, where there is one) case-insensitively"},
		{Name: "message", Type: TypeString, Default: "", Help: "replaces the default finding message"},
	}
	return append(out, own...)
}

// ruleValidatePaths checks that option name holds valid, relative globs, at
// least one unless empty is allowed.
func ruleValidatePaths(o Options, name string, allowEmpty bool) error {
	ps := o.Strings(name)
	if len(ps) == 0 && !allowEmpty {
		return fmt.Errorf("option %s: give at least one glob (e.g. %q)", name, "docs/**/*.md")
	}
	for _, g := range ps {
		switch {
		case g == "":
			return fmt.Errorf("option %s: empty glob", name)
		case strings.HasPrefix(g, "/"):
			return fmt.Errorf("option %s: glob %q starts with /: globs are relative to the repository root, write %q", name, g, strings.TrimLeft(g, "/"))
		case strings.HasPrefix(g, "./"):
			return fmt.Errorf("option %s: glob %q starts with ./: write %q", name, g, strings.TrimPrefix(g, "./"))
		case !doublestar.ValidatePattern(g):
			return fmt.Errorf("option %s: invalid glob %q (check brackets [] and braces {})", name, g)
		}
	}
	return nil
}

// ruleValidatePattern validates the options of the kinds that match a
// regular expression in files: paths, then pattern.
func ruleValidatePattern(o Options) error {
	if err := ruleValidatePaths(o, "paths", false); err != nil {
		return err
	}
	_, err := ruleCompile(o)
	return err
}

// ruleCompile builds the pattern of the contains kinds: multi-line mode so ^
// and $ anchor at line boundaries, case-insensitive on request.
func ruleCompile(o Options) (*regexp.Regexp, error) {
	expr := o.String("pattern")
	if expr == "" {
		return nil, errors.New("option pattern: give a regular expression (Go RE2 syntax)")
	}
	flags := "(?m)"
	if o.Bool("ignore-case") {
		flags = "(?mi)"
	}
	re, err := regexp.Compile(flags + expr)
	if err != nil {
		return nil, fmt.Errorf("option pattern: %q is not a valid regular expression: %w", expr, err)
	}
	return re, nil
}

// ruleGlobs matches repository paths against a rule's globs.
type ruleGlobs struct {
	patterns []string
	fold     bool
}

// ruleMatcher reads the globs of option name; patterns were validated when
// the configuration was loaded.
func ruleMatcher(o Options, name string) ruleGlobs {
	g := ruleGlobs{patterns: o.Strings(name), fold: o.Bool("ignore-case")}
	if g.fold {
		// Lowering both sides keeps classes and escapes meaningful
		// ([A-Z] becomes [a-z], \N a literal n) while folding case.
		ps := make([]string, len(g.patterns))
		for i, p := range g.patterns {
			ps[i] = strings.ToLower(p)
		}
		g.patterns = ps
	}
	return g
}

// Match reports whether p (relative, slash-separated) matches one glob.
func (g ruleGlobs) Match(p string) bool {
	if g.fold {
		p = strings.ToLower(p)
	}
	for _, pat := range g.patterns {
		if doublestar.MatchUnvalidated(pat, p) {
			return true
		}
	}
	return false
}

// ruleFiles lists the indexed files the globs of option paths match.
func ruleFiles(p *Pass) []fileset.Entry {
	g := ruleMatcher(p.Options, "paths")
	var out []fileset.Entry
	for _, e := range p.Target.Files() {
		if g.Match(e.Path) {
			out = append(out, e)
		}
	}
	return out
}

// ruleLiteralPrefix is where a file matching glob is expected: its part
// before the first wildcard, without a dangling separator ("NOTICE" for
// "NOTICE*", "docs" for "docs/**/*.md"), or the glob itself when nothing
// literal is left.
func ruleLiteralPrefix(glob string) string {
	i := strings.IndexAny(glob, `*?[{\`)
	if i < 0 {
		return glob
	}
	pre := strings.TrimRight(glob[:i], "/.-_")
	if pre == "" {
		return glob
	}
	return pre
}

// ruleMessage is the user's message when set, else the default.
func ruleMessage(p *Pass, def string) string {
	if m := strings.TrimSpace(p.Options.String("message")); m != "" {
		return m
	}
	return def
}

// ruleIsBinary applies git's heuristic: a NUL byte in the first 8000 bytes.
func ruleIsBinary(data []byte) bool {
	if len(data) > ruleBinarySniff {
		data = data[:ruleBinarySniff]
	}
	return bytes.IndexByte(data, 0) >= 0
}

// ruleRead reads a matched file for a pattern search. When the content
// cannot be searched it reports why at the file (a link leaving the
// repository, a read error, a file over the read cap) and returns false;
// binary content is reported only when reportBinary is set.
func ruleRead(p *Pass, e fileset.Entry, reportBinary bool) ([]byte, bool) {
	if e.Escapes {
		p.Report(Finding{Path: e.Path, Key: "escapes", Message: fmt.Sprintf(
			"%s is a symbolic link that leaves the repository and was not checked; commit the file itself or narrow paths", e.Path)})
		return nil, false
	}
	data, err := p.Target.ReadFile(e.Path)
	switch {
	case errors.Is(err, repo.ErrTooLarge):
		p.Report(Finding{Path: e.Path, Key: "too large", Message: fmt.Sprintf(
			"%s is too large to check (over %s); split it, or narrow paths to leave it out", e.Path, ruleSize(maxRead))})
		return nil, false
	case err != nil:
		p.Report(Finding{Path: e.Path, Key: "unreadable", Message: fmt.Sprintf("%s cannot be read: %v", e.Path, err)})
		return nil, false
	}
	if ruleIsBinary(data) {
		if reportBinary {
			p.Report(Finding{Path: e.Path, Key: "binary", Message: fmt.Sprintf(
				"%s is a binary file; its content was not searched: narrow paths to text files", e.Path)})
		}
		return nil, false
	}
	return data, true
}

// ruleSize writes a byte count for people: "1 MiB", "3.2 MiB", "512 B".
func ruleSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 3; m /= unit {
		div *= unit
		exp++
	}
	s := fmt.Sprintf("%.1f", float64(n)/float64(div))
	s = strings.TrimSuffix(s, ".0")
	return s + " " + []string{"KiB", "MiB", "GiB", "TiB"}[exp]
}

// ruleRegexps memoises compiled patterns for kinds that search in Visit,
// which runs once per file: compiling there would repeat the work for every
// file. It is keyed by the expression, so instances of one kind share it.
type ruleRegexps struct{ m sync.Map }

func (c *ruleRegexps) get(o Options) (*regexp.Regexp, error) {
	key := fmt.Sprintf("%t\x00%s", o.Bool("ignore-case"), o.String("pattern"))
	if v, ok := c.m.Load(key); ok {
		return v.(*regexp.Regexp), nil
	}
	re, err := ruleCompile(o)
	if err != nil {
		return nil, err
	}
	v, _ := c.m.LoadOrStore(key, re)
	return v.(*regexp.Regexp), nil
}
