// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package config_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
)

// Anchors and aliases are plain YAML: a level, options, a list of globs or
// a whole mapping written once and reused must read as if written out.
func TestAliasesResolveEverywhere(t *testing.T) {
	c := load(t, map[string]string{config.FileName: `extends: []
exclude: &paths ["gen/**", "third_party/**"]
checks:
  readme:
    level: &lvl warning
    options: &readme-opts {min-words: 7}
  contributing: *lvl
  code-of-conduct: &coc
    level: note
  security-policy:
    <<: *coc
  codeowners:
    <<: [*coc, {level: error}]
    level: warning
waivers:
  - check: contributing
    paths: *paths
    reason: generated code has no guide
`}, "")
	if got := c.Checks["contributing"].Level; got != checks.Warning {
		t.Errorf("contributing: *lvl gave %s, want warning", got)
	}
	if got := c.Checks["readme"]; got.Level != checks.Warning || got.Options["min-words"] != 7 {
		t.Errorf("readme = %+v, want warning with min-words 7", got)
	}
	if got := c.Checks["security-policy"].Level; got != checks.Note {
		t.Errorf("security-policy through a merge key gave %s, want note", got)
	}
	if got := c.Checks["codeowners"].Level; got != checks.Warning {
		t.Errorf("codeowners: a key written beside merge keys gave %s, want it to win (warning)", got)
	}
	if diff := cmp.Diff([]string{"gen/**", "third_party/**"}, c.Exclude); diff != "" {
		t.Errorf("exclude: *paths (-want +got):\n%s", diff)
	}
	if len(c.Waivers) != 1 || len(c.Waivers[0].Paths) != 2 {
		t.Errorf("waiver paths through an alias: %+v", c.Waivers)
	}
}

// The billion laughs: nine levels of ten aliases each would expand to a
// billion values. The loader stops early with an error at a line.
func TestAliasExpansionIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("description: &a0 lol\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "x%d: &a%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	_, err := config.Load(mapLoader(map[string]string{config.FileName: b.String()}), config.FileName, "")
	var ce *config.Error
	if !errors.As(err, &ce) || !strings.Contains(ce.Msg, "aliases expand to more than") {
		t.Fatalf("Load of a billion laughs = %v, want the alias guard", err)
	}
	if ce.Line == 0 {
		t.Errorf("the guard's error has no line: %q", ce)
	}
}

// A document nested deeper than any configuration needs is refused with
// its line, before the loader walks it.
func TestNestingIsBounded(t *testing.T) {
	doc := "description: ok\nexclude:\n  - " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n"
	_, err := config.Load(mapLoader(map[string]string{config.FileName: doc}), config.FileName, "")
	var ce *config.Error
	if !errors.As(err, &ce) || !strings.Contains(ce.Msg, "nested more than") {
		t.Fatalf("Load of 300 nested lists = %v, want the depth guard", err)
	}
	if ce.Line != 3 {
		t.Errorf("the guard's error is at line %d, want 3: %q", ce.Line, ce)
	}
}

func TestAliasMistakes(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"merge of a scalar", "checks:\n  readme: &l warning\n  contributing:\n    <<: *l\n", "a merge key takes a mapping"},
		{"alias to a list where a level goes", "exclude: &p [a]\nchecks:\n  readme: *p\n", "checks.readme: must be a level"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Load(mapLoader(map[string]string{config.FileName: tt.yaml}), config.FileName, "")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load = %v, want %q", err, tt.want)
			}
		})
	}
}
