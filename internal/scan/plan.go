// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package scan is the runner: it opens nothing itself, but walks a repository
// once, feeds the checks of a plan, applies waivers and builds the result.
package scan

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
)

// Planned is one check to run, at a level, with resolved options.
type Planned struct {
	Check   *checks.Check
	Level   checks.Level
	Options checks.Options
}

// Plan is the checks of a configuration, after --checks selection.
type Plan struct {
	Checks   []Planned
	Config   *config.Config
	excludes []exclude
}

// NewPlan resolves the configuration against the registry. selection is the
// --checks flag: empty (the configuration decides), "all", a list of IDs or
// ID globs ("reuse-*"), and "-ID" entries to drop some ("all,-codeowners").
func NewPlan(cfg *config.Config, selection string) (*Plan, error) {
	byID := map[string]*checks.Check{}
	for _, c := range checks.All() {
		byID[c.ID] = c
	}
	for _, r := range cfg.Rules {
		kind := byID[r.Kind]
		byID[r.ID] = kind.Instantiate(r.ID, r.Title, r.Activities)
	}
	want, err := selectChecks(selection, byID, cfg)
	if err != nil {
		return nil, err
	}
	p := &Plan{Config: cfg}
	for _, g := range cfg.Exclude {
		p.excludes = append(p.excludes, newExclude(g))
	}
	for id, level := range want {
		c := byID[id]
		s := cfg.Checks[id]
		opts, err := checks.ResolveOptions(c, s.Options)
		if err != nil {
			return nil, &config.Error{File: s.Pos.File, Line: s.Pos.Line, Key: "checks." + id + ".options", Msg: err.Error()}
		}
		p.Checks = append(p.Checks, Planned{Check: c, Level: level, Options: opts})
	}
	sort.Slice(p.Checks, func(i, j int) bool { return p.Checks[i].Check.ID < p.Checks[j].Check.ID })
	return p, nil
}

// exclude is a configured exclude glob, ready to match.
type exclude struct {
	glob string
	// file is glob as matched against a file: doublestar lets a final
	// "/**" match nothing, so "**/vendor/**" would take in the script
	// hack/validate/vendor; with "/**/*" only what is below a directory.
	file string
	// lit is text every path glob matches contains ("" when unknown): most
	// paths are ruled out with strings.Contains instead of a glob match,
	// for every file and directory of the walk.
	lit string
}

func newExclude(g string) exclude {
	e := exclude{glob: g, file: g, lit: requiredLiteral(g)}
	if strings.HasSuffix(g, "/**") {
		e.file = g + "/*"
	}
	return e
}

func selectChecks(sel string, byID map[string]*checks.Check, cfg *config.Config) (map[string]checks.Level, error) {
	want := map[string]checks.Level{}
	for id, s := range cfg.Checks {
		if s.Level != checks.Off {
			want[id] = s.Level
		}
	}
	if strings.TrimSpace(sel) == "" {
		return want, nil
	}
	level := func(id string) checks.Level {
		if s, ok := cfg.Checks[id]; ok && s.Level != checks.Off {
			return s.Level
		}
		return byID[id].Level
	}
	var add, drop []string
	all := false
	for _, f := range strings.Split(sel, ",") {
		f = strings.TrimSpace(f)
		switch {
		case f == "":
		case f == "all":
			all = true
		case strings.HasPrefix(f, "-"):
			drop = append(drop, f[1:])
		default:
			add = append(add, f)
		}
	}
	// Entries may be globs over check IDs ("reuse-*").
	expand := func(pats []string) ([]string, error) {
		var out []string
		for _, pat := range pats {
			n := 0
			for id, c := range byID {
				if ok, _ := path.Match(pat, id); ok && !c.Template {
					out = append(out, id)
					n++
				}
			}
			if n == 0 {
				return nil, fmt.Errorf("%w: --checks: unknown check %q (run `ospolint checks`)", config.ErrConfig, pat)
			}
		}
		sort.Strings(out)
		return out, nil
	}
	add, err := expand(add)
	if err != nil {
		return nil, err
	}
	drop, err = expand(drop)
	if err != nil {
		return nil, err
	}
	out := map[string]checks.Level{}
	switch {
	case all:
		for id, c := range byID {
			if !c.Template {
				out[id] = level(id)
			}
		}
	case len(add) > 0:
		for _, id := range add {
			out[id] = level(id)
		}
	default:
		out = want
	}
	for _, id := range drop {
		delete(out, id)
	}
	return out, nil
}
