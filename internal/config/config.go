// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package config loads .ospolint.yml and the built-in rule sets (same format),
// resolving extends chains, and reports every error with file, line and key.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/ggi"
	"github.com/ospolint/ospolint/rules"
)

// FileName is the user configuration at a repository's root.
const FileName = ".ospolint.yml"

// DefaultSet is the rule set used when nothing else is named.
const DefaultSet = "default"

// ErrConfig marks configuration errors (exit code 2).
var ErrConfig = errors.New("configuration error")

// Error is a configuration mistake at a place in a file.
type Error struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	var parts []string
	loc := e.File
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
	}
	if loc != "" {
		parts = append(parts, loc)
	}
	if e.Key != "" {
		parts = append(parts, e.Key)
	}
	return strings.Join(append(parts, e.Msg), ": ")
}

// Unwrap makes every Error match ErrConfig.
func (e *Error) Unwrap() error { return ErrConfig }

// parentError is a problem with a file named by extends (unreadable, no such
// built-in set, a cycle). The file that names it turns it into an Error at
// its extends entry, where the user can fix it.
type parentError struct{ msg string }

func (e *parentError) Error() string { return e.msg }

// Pos is where a setting was written.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// Setting is the level and options of one check.
type Setting struct {
	Level   checks.Level
	Options map[string]any
	Pos     Pos
}

// Rule is a user rule: a generic kind instantiated under a new ID.
type Rule struct {
	ID         string
	Kind       string
	Title      string
	Activities []string
	Pos        Pos
}

// Waiver silences findings of a check on some paths, for a reason, until a
// date.
type Waiver struct {
	Check  string
	Paths  []string
	Reason string
	Until  time.Time // zero: no expiry
	Pos    Pos
}

// Matches reports whether the waiver covers a finding of check at p.
func (w Waiver) Matches(check, p string) bool {
	if w.Check != check {
		return false
	}
	if len(w.Paths) == 0 {
		return true
	}
	for _, g := range w.Paths {
		if ok, _ := doublestar.Match(g, p); ok {
			return true
		}
	}
	return false
}

// Expired reports whether the waiver's date has passed on day now. Until is
// inclusive and judged by the calendar day of now in its own location, as the
// person who wrote the date reads it.
func (w Waiver) Expired(now time.Time) bool {
	if w.Until.IsZero() {
		return false
	}
	y, m, d := now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(w.Until)
}

// Config is a resolved configuration: a rule set and what extends it.
type Config struct {
	// Sources are the files read, base first.
	Sources []string
	Checks  map[string]Setting
	Rules   []Rule
	Exclude []string
	Waivers []Waiver
	// Fix holds the defaults of `ospolint fix`; a file's keys override its
	// parents' one by one, and command-line flags override them all.
	Fix Fix
	// ruleKind maps user rule IDs to their generic kind, which validates
	// the rule's options wherever they are set.
	ruleKind map[string]*checks.Check
	// files counts the files read, against maxFiles.
	files int
	// loaded are the files applied, as Sources, told apart from the
	// built-in sets: a file of the user's may be called rules/default.yml.
	loaded []cfgFile
}

// cfgFile is one configuration file: a built-in set ("rules/NAME.yml") or a
// file of the user's, named as Sources and messages show it.
type cfgFile struct {
	name    string
	builtin bool
}

// chainText is an extends chain as a message shows it.
func chainText(chain []cfgFile) string {
	names := make([]string, len(chain))
	for i, f := range chain {
		names[i] = f.name
	}
	return strings.Join(names, " -> ")
}

// LoadBuiltin resolves a built-in rule set by name.
func LoadBuiltin(name string) (*Config, error) {
	return Load(Source{}, "", name)
}

// Load reads file from src (file and everything it extends must be in it)
// or, when file is "", starts from the built-in set base. A config without
// extends extends the default set.
func Load(src Source, file, base string) (*Config, error) {
	c := &Config{Checks: map[string]Setting{}, ruleKind: map[string]*checks.Check{}}
	if base != "" {
		if _, err := rules.Read(base); err != nil || !isBuiltinName(base) {
			return nil, &Error{Key: "--rules", Msg: unknownSetMsg(base)}
		}
	}
	var err error
	if file == "" {
		err = c.loadBuiltin(base, nil)
	} else {
		err = c.loadFile(src, file, nil, base)
	}
	var pe *parentError
	if errors.As(err, &pe) {
		// The message names the file; nothing extends it.
		return nil, &Error{Msg: pe.msg}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

func unknownSetMsg(name string) string {
	return fmt.Sprintf("no built-in rule set %q (known: %s)", name, builtinNames())
}

func builtinNames() string { return strings.Join(rules.Names(), ", ") }

func (c *Config) loadBuiltin(name string, chain []cfgFile) error {
	data, err := rules.Read(name)
	if err != nil {
		return &parentError{unknownSetMsg(name)}
	}
	return c.parse(cfgFile{"rules/" + name + ".yml", true}, data, chain, func(ext string, chain []cfgFile) error {
		return c.loadBuiltin(ext, chain)
	}, "")
}

func (c *Config) loadFile(src Source, file string, chain []cfgFile, base string) error {
	if c.files++; c.files > maxFiles {
		return &parentError{fmt.Sprintf("more than %d configuration files through extends", maxFiles)}
	}
	data, err := src.read(file)
	if err != nil {
		return err
	}
	return c.parse(cfgFile{name: src.display(file)}, data, chain, func(ext string, chain []cfgFile) error {
		if isBuiltinName(ext) {
			return c.loadBuiltin(ext, chain)
		}
		p, err := src.extendsPath(file, ext)
		if err != nil {
			return err
		}
		return c.loadFile(src, p, chain, "")
	}, base)
}

func isBuiltinName(s string) bool {
	return !strings.ContainsAny(s, "/.\\")
}

// parse decodes one file. extend loads a parent; base, when set, replaces the
// file's own extends (the --rules flag).
func (c *Config) parse(f cfgFile, data []byte, chain []cfgFile, extend func(string, []cfgFile) error, base string) error {
	if slices.Contains(chain, f) {
		return &parentError{"extends cycle: " + chainText(append(chain, f))}
	}
	// A file reached twice through different parents (a diamond) is applied
	// once, at its first mention: twice would define its rules twice.
	if slices.Contains(c.loaded, f) {
		return nil
	}
	chain = append(chain, f)
	file := f.name
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return &Error{File: file, Line: yamlErrLine(data, err), Msg: "invalid YAML: " + yamlMsg(err)}
	}
	root, err := (&expander{file: file}).node(&doc, 0, false)
	if err != nil {
		return err
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == 0 || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		root = &yaml.Node{Kind: yaml.MappingNode}
	}
	if root.Kind != yaml.MappingNode {
		return &Error{File: file, Line: root.Line, Msg: "the file must be a mapping of keys (extends, checks, rules, exclude, waivers)"}
	}
	if err := dupKey(file, "", root); err != nil {
		return err
	}
	fields := map[string]*yaml.Node{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "extends", "description", "checks", "rules", "exclude", "waivers", "fix":
			// An empty key (all its entries commented out) is as if absent.
			if !isNull(v) {
				fields[k.Value] = v
			}
		default:
			return &Error{File: file, Line: k.Line, Key: k.Value, Msg: "unknown key (known: extends, description, checks, rules, exclude, waivers, fix)"}
		}
	}
	parents, err := stringList(file, "extends", fields["extends"])
	if err != nil {
		return err
	}
	if base != "" {
		parents = []string{base}
	} else if fields["extends"] == nil && !f.builtin {
		parents = []string{DefaultSet}
	}
	for i, p := range parents {
		err := extend(p, chain)
		var pe *parentError
		if errors.As(err, &pe) {
			return &Error{File: file, Line: itemLine(fields["extends"], i), Key: "extends", Msg: pe.msg}
		}
		if err != nil {
			return err
		}
	}
	c.Sources = append(c.Sources, file)
	c.loaded = append(c.loaded, f)
	if err := c.parseRules(file, fields["rules"]); err != nil {
		return err
	}
	if err := c.parseChecks(file, fields["checks"]); err != nil {
		return err
	}
	ex, err := stringList(file, "exclude", fields["exclude"])
	if err != nil {
		return err
	}
	for i, g := range ex {
		if !doublestar.ValidatePattern(g) {
			return &Error{File: file, Line: itemLine(fields["exclude"], i), Key: "exclude", Msg: fmt.Sprintf("invalid glob %q", g)}
		}
	}
	c.Exclude = append(c.Exclude, ex...)
	if err := c.parseFix(file, fields["fix"]); err != nil {
		return err
	}
	return c.parseWaivers(file, fields["waivers"])
}

// known returns the check id names or, for a user rule, its kind.
func (c *Config) known(id string) (*checks.Check, bool) {
	if ck, ok := checks.Lookup(id); ok && !ck.Template {
		return ck, true
	}
	kind, ok := c.ruleKind[id]
	return kind, ok
}

func (c *Config) parseChecks(file string, n *yaml.Node) error {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return &Error{File: file, Line: n.Line, Key: "checks", Msg: "must map check IDs to a level or to {level, options}"}
	}
	if err := dupKey(file, "checks.", n); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := "checks." + k.Value
		ck, ok := c.known(k.Value)
		if !ok {
			return &Error{File: file, Line: k.Line, Key: key, Msg: unknownCheckMsg(k.Value)}
		}
		prev, had := c.Checks[k.Value]
		s := Setting{Pos: Pos{file, k.Line}, Options: map[string]any{}}
		if had {
			s.Level = prev.Level
			for name, val := range prev.Options {
				s.Options[name] = val
			}
		} else {
			s.Level = ck.Level
		}
		switch v.Kind {
		case yaml.ScalarNode:
			lv, err := checks.ParseLevel(v.Value)
			if err != nil {
				return &Error{File: file, Line: v.Line, Key: key, Msg: err.Error()}
			}
			s.Level = lv
		case yaml.MappingNode:
			if err := dupKey(file, key+".", v); err != nil {
				return err
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				switch fk.Value {
				case "level":
					lv, err := checks.ParseLevel(fv.Value)
					if err != nil {
						return &Error{File: file, Line: fv.Line, Key: key + ".level", Msg: err.Error()}
					}
					s.Level = lv
				case "options":
					if err := parseOptions(file, key+".options", fv, ck, s.Options); err != nil {
						return err
					}
				default:
					return &Error{File: file, Line: fk.Line, Key: key + "." + fk.Value, Msg: "unknown key (known: level, options)"}
				}
			}
		default:
			return &Error{File: file, Line: v.Line, Key: key, Msg: "must be a level (error, warning, note, off) or {level, options}"}
		}
		if err := ck.ValidateOptions(s.Options); err != nil {
			return &Error{File: file, Line: v.Line, Key: key + ".options", Msg: err.Error()}
		}
		c.Checks[k.Value] = s
	}
	return nil
}

// parseOptions checks each option of n against c where it is written, so an
// unknown name or a wrong type is reported at its own line, and adds it to
// into.
func parseOptions(file, key string, n *yaml.Node, c *checks.Check, into map[string]any) error {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return &Error{File: file, Line: n.Line, Key: key, Msg: "must be a mapping of option names to values"}
	}
	if err := dupKey(file, key+".", n); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var val any
		if v.Kind == yaml.ScalarNode && v.Tag == "!!timestamp" {
			val = v.Value // a date stays as written, not a time.Time
		} else if err := v.Decode(&val); err != nil {
			return &Error{File: file, Line: v.Line, Key: key + "." + k.Value, Msg: yamlMsg(err)}
		}
		if _, err := checks.ResolveOptions(c, map[string]any{k.Value: val}); err != nil {
			return &Error{File: file, Line: k.Line, Key: key + "." + k.Value, Msg: err.Error()}
		}
		into[k.Value] = val
	}
	return nil
}

func unknownCheckMsg(id string) string {
	var ids []string
	for _, c := range checks.All() {
		if !c.Template {
			ids = append(ids, c.ID)
		}
	}
	return fmt.Sprintf("unknown check %q (run `ospolint checks` for the list: %s)", id, strings.Join(ids, ", "))
}

func (c *Config) parseRules(file string, n *yaml.Node) error {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return &Error{File: file, Line: n.Line, Key: "rules", Msg: "must be a list of rules"}
	}
	for i, item := range n.Content {
		key := fmt.Sprintf("rules[%d]", i)
		if item.Kind != yaml.MappingNode {
			return &Error{File: file, Line: item.Line, Key: key, Msg: "a rule is a mapping with id, kind, level, title, ggi and options"}
		}
		if err := dupKey(file, key+".", item); err != nil {
			return err
		}
		r := Rule{Pos: Pos{file, item.Line}}
		level, opts := "", (*yaml.Node)(nil)
		var levelNode *yaml.Node
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			switch k.Value {
			case "id":
				r.ID = v.Value
			case "kind":
				r.Kind = v.Value
			case "title":
				r.Title = v.Value
			case "level":
				level, levelNode = v.Value, v
			case "ggi":
				acts, err := stringList(file, key+".ggi", v)
				if err != nil {
					return err
				}
				for _, a := range acts {
					if _, ok := ggi.Lookup(a); !ok {
						return &Error{File: file, Line: v.Line, Key: key + ".ggi", Msg: fmt.Sprintf("unknown GGI activity %q (e.g. GGI-A-21)", a)}
					}
				}
				r.Activities = acts
			case "options":
				opts = v
			default:
				return &Error{File: file, Line: k.Line, Key: key + "." + k.Value, Msg: "unknown key (known: id, kind, title, level, ggi, options)"}
			}
		}
		if !checks.ValidID(r.ID) {
			return &Error{File: file, Line: item.Line, Key: key + ".id", Msg: fmt.Sprintf("rule id %q must be kebab-case", r.ID)}
		}
		if _, ok := c.known(r.ID); ok {
			return &Error{File: file, Line: item.Line, Key: key + ".id", Msg: fmt.Sprintf("rule id %q is already used by a check or rule", r.ID)}
		}
		kind, ok := checks.Lookup(r.Kind)
		if !ok || !kind.Template {
			what := fmt.Sprintf("unknown rule kind %q", r.Kind)
			if r.Kind == "" {
				what = "a rule needs a kind"
			}
			return &Error{File: file, Line: item.Line, Key: key + ".kind", Msg: fmt.Sprintf("%s (known: %s)", what, strings.Join(kindNames(), ", "))}
		}
		s := Setting{Level: kind.Level, Pos: r.Pos, Options: map[string]any{}}
		if level != "" {
			lv, err := checks.ParseLevel(level)
			if err != nil {
				return &Error{File: file, Line: levelNode.Line, Key: key + ".level", Msg: err.Error()}
			}
			s.Level = lv
		}
		if opts != nil {
			if err := parseOptions(file, key+".options", opts, kind, s.Options); err != nil {
				return err
			}
		}
		if err := kind.ValidateOptions(s.Options); err != nil {
			return &Error{File: file, Line: item.Line, Key: key + ".options", Msg: err.Error()}
		}
		c.Rules = append(c.Rules, r)
		c.ruleKind[r.ID] = kind
		c.Checks[r.ID] = s
	}
	return nil
}

func kindNames() []string {
	var out []string
	for _, c := range checks.All() {
		if c.Template {
			out = append(out, c.ID)
		}
	}
	return out
}

// Fix is what `ospolint fix` writes into new SPDX headers and community
// files when the command line does not say.
type Fix struct {
	// Copyright is the holder, e.g. "Example Corp" (the year is prepended).
	Copyright string `json:"copyright,omitempty"`
	// License is the SPDX expression for new headers.
	License string `json:"license,omitempty"`
	// Year is the copyright year, 0 for the current one.
	Year int `json:"year,omitempty"`
	// Contact is an e-mail or URL for reports in community files.
	Contact string `json:"contact,omitempty"`
	// Project is the project name in community files.
	Project string `json:"project,omitempty"`
}

const fixKeys = "copyright, license, year, contact, project"

func (c *Config) parseFix(file string, n *yaml.Node) error {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return &Error{File: file, Line: n.Line, Key: "fix", Msg: "must be a mapping with " + fixKeys}
	}
	if err := dupKey(file, "fix.", n); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := "fix." + k.Value
		if v.Kind != yaml.ScalarNode || isNull(v) {
			return &Error{File: file, Line: v.Line, Key: key, Msg: "must be a single value"}
		}
		text := strings.TrimSpace(v.Value)
		if k.Value == "year" && v.Tag != "!!int" {
			return &Error{File: file, Line: v.Line, Key: key, Msg: fmt.Sprintf("%q is not a year (1970 to 9999)", v.Value)}
		}
		if k.Value != "year" && v.Tag != "!!str" {
			return &Error{File: file, Line: v.Line, Key: key, Msg: fmt.Sprintf("must be text; quote it (%q)", v.Value)}
		}
		switch k.Value {
		case "copyright":
			c.Fix.Copyright = text
		case "license":
			c.Fix.License = text
		case "year":
			y, err := strconv.Atoi(text)
			if err != nil || y < 1970 || y > 9999 {
				return &Error{File: file, Line: v.Line, Key: key, Msg: fmt.Sprintf("%q is not a year (1970 to 9999)", v.Value)}
			}
			c.Fix.Year = y
		case "contact":
			c.Fix.Contact = text
		case "project":
			c.Fix.Project = text
		default:
			return &Error{File: file, Line: k.Line, Key: key, Msg: "unknown key (known: " + fixKeys + ")"}
		}
		if text == "" {
			return &Error{File: file, Line: v.Line, Key: key, Msg: "must not be empty"}
		}
	}
	return nil
}

func (c *Config) parseWaivers(file string, n *yaml.Node) error {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return &Error{File: file, Line: n.Line, Key: "waivers", Msg: "must be a list of waivers"}
	}
	for i, item := range n.Content {
		key := fmt.Sprintf("waivers[%d]", i)
		if item.Kind != yaml.MappingNode {
			return &Error{File: file, Line: item.Line, Key: key, Msg: "a waiver is a mapping with check, paths, reason and until"}
		}
		if err := dupKey(file, key+".", item); err != nil {
			return err
		}
		w := Waiver{Pos: Pos{file, item.Line}}
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			switch k.Value {
			case "check":
				w.Check = v.Value
			case "paths":
				ps, err := stringList(file, key+".paths", v)
				if err != nil {
					return err
				}
				for i, g := range ps {
					if !doublestar.ValidatePattern(g) {
						return &Error{File: file, Line: itemLine(v, i), Key: key + ".paths", Msg: fmt.Sprintf("invalid glob %q", g)}
					}
				}
				w.Paths = ps
			case "reason":
				w.Reason = strings.TrimSpace(v.Value)
			case "until":
				t, err := time.Parse(time.DateOnly, v.Value)
				if err != nil {
					return &Error{File: file, Line: v.Line, Key: key + ".until", Msg: fmt.Sprintf("%q is not a date written YYYY-MM-DD (e.g. 2026-12-31)", v.Value)}
				}
				w.Until = t
			default:
				return &Error{File: file, Line: k.Line, Key: key + "." + k.Value, Msg: "unknown key (known: check, paths, reason, until)"}
			}
		}
		if _, ok := c.known(w.Check); !ok {
			return &Error{File: file, Line: item.Line, Key: key + ".check", Msg: unknownCheckMsg(w.Check)}
		}
		if w.Reason == "" {
			return &Error{File: file, Line: item.Line, Key: key + ".reason", Msg: "a waiver needs a reason"}
		}
		c.Waivers = append(c.Waivers, w)
	}
	return nil
}

func stringList(file, key string, n *yaml.Node) ([]string, error) {
	if n == nil || isNull(n) {
		return nil, nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Value == "" {
			return nil, nil
		}
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, e := range n.Content {
			if e.Kind != yaml.ScalarNode {
				return nil, &Error{File: file, Line: e.Line, Key: key, Msg: "must be a string or a list of strings"}
			}
			out = append(out, e.Value)
		}
		return out, nil
	}
	return nil, &Error{File: file, Line: n.Line, Key: key, Msg: "must be a string or a list of strings"}
}

// isNull reports whether n is an empty value (`key:`, `~`, `null`).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// itemLine is the line of the i-th entry of a string-or-list value.
func itemLine(n *yaml.Node, i int) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.SequenceNode && i < len(n.Content) {
		return n.Content[i].Line
	}
	return n.Line
}

// dupKey reports a key written twice in mapping n: the YAML parser keeps the
// last one silently, hiding the first from the user.
func dupKey(file, prefix string, n *yaml.Node) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if first, ok := seen[k.Value]; ok {
			return &Error{File: file, Line: k.Line, Key: prefix + k.Value, Msg: fmt.Sprintf("duplicate key (first written at line %d)", first)}
		}
		seen[k.Value] = k.Line
	}
	return nil
}

// yamlErrLine finds the line of a YAML syntax error: the first line at which
// a prefix of the document stops parsing, which is where an unclosed quote or
// bracket opens or a bad line stands. go.yaml.in/yaml/v3 reports parser
// errors at the 0-based line of the enclosing construct (a line early), and
// errors on the first line or about aliases without a line; its line is the
// fallback. The search reads at most a few MiB, so a large file costs little.
func yamlErrLine(data []byte, err error) int {
	hint := yamlLine(err)
	lines := bytes.SplitAfter(data, []byte("\n"))
	start := 1
	if hint > 100 {
		start = hint - 1
	}
	budget := 4 << 20
	for n := start; n <= len(lines) && n <= max(hint, start)+50; n++ {
		prefix := bytes.Join(lines[:n], nil)
		if budget -= len(prefix); budget < 0 {
			break
		}
		var doc yaml.Node
		if yaml.Unmarshal(prefix, &doc) != nil {
			return n
		}
	}
	return hint
}

func yamlLine(err error) int {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	var line int
	if i := strings.Index(msg, "line "); i >= 0 {
		_, _ = fmt.Sscanf(msg[i:], "line %d", &line)
	}
	return line
}

func yamlMsg(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, "line "); i == 0 {
		if j := strings.Index(msg, ": "); j > 0 {
			msg = msg[j+2:]
		}
	}
	return msg
}
