// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package config_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/rules"
)

// mapLoader serves configuration files from memory, as the CLI serves them
// from a repository's file system.
func mapLoader(files map[string]string) config.Source {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return config.Source{FS: m}
}

func load(t *testing.T, files map[string]string, base string) *config.Config {
	t.Helper()
	c, err := config.Load(mapLoader(files), config.FileName, base)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // the top file is .ospolint.yml
		base  string
		// want is the error's place; msg a part of its message.
		want config.Error
		msg  string
	}{
		{
			name:  "invalid YAML",
			files: map[string]string{".ospolint.yml": "checks:\n  readme: error\n  contributing: warning\n  license-file: [error\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4},
			msg:   "invalid YAML",
		},
		{
			name:  "not a mapping",
			files: map[string]string{".ospolint.yml": "- readme\n- contributing\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 1},
			msg:   "must be a mapping",
		},
		{
			name:  "unknown top-level key",
			files: map[string]string{".ospolint.yml": "description: ours\ncheck:\n  readme: error\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "check"},
			msg:   "unknown key",
		},
		{
			name:  "duplicate top-level key",
			files: map[string]string{".ospolint.yml": "checks:\n  readme: error\nexclude: [a/**]\nchecks:\n  readme: off\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4, Key: "checks"},
			msg:   "duplicate key (first written at line 1)",
		},
		{
			name:  "duplicate check",
			files: map[string]string{".ospolint.yml": "checks:\n  readme: error\n  readme: off\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 3, Key: "checks.readme"},
			msg:   "duplicate key",
		},
		{
			name:  "unknown check ID",
			files: map[string]string{".ospolint.yml": "checks:\n  readme: error\n  contributors: warning\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 3, Key: "checks.contributors"},
			msg:   `unknown check "contributors"`,
		},
		{
			name:  "checks not a mapping",
			files: map[string]string{".ospolint.yml": "checks: [readme]\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 1, Key: "checks"},
			msg:   "must map check IDs",
		},
		{
			name:  "bad level",
			files: map[string]string{".ospolint.yml": "checks:\n  readme: fatal\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "checks.readme"},
			msg:   `unknown level "fatal"`,
		},
		{
			name:  "bad level in a mapping",
			files: map[string]string{".ospolint.yml": "checks:\n  readme:\n    options:\n      min-words: 5\n    level: high\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 5, Key: "checks.readme.level"},
			msg:   `unknown level "high"`,
		},
		{
			name:  "unknown key in a check setting",
			files: map[string]string{".ospolint.yml": "checks:\n  readme:\n    severity: error\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 3, Key: "checks.readme.severity"},
			msg:   "known: level, options",
		},
		{
			name:  "unknown option",
			files: map[string]string{".ospolint.yml": "checks:\n  readme:\n    level: warning\n    options:\n      min-word: 5\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 5, Key: "checks.readme.options.min-word"},
			msg:   `no option "min-word" (known: min-words)`,
		},
		{
			name:  "option of a check that takes none",
			files: map[string]string{".ospolint.yml": "checks:\n  license-file:\n    options:\n      strict: true\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4, Key: "checks.license-file.options.strict"},
			msg:   "it takes none",
		},
		{
			name:  "wrong option type",
			files: map[string]string{".ospolint.yml": "checks:\n  contributing:\n    options:\n      min-words: lots\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4, Key: "checks.contributing.options.min-words"},
			msg:   "want a number",
		},
		{
			name:  "options not a mapping",
			files: map[string]string{".ospolint.yml": "checks:\n  contributing:\n    options: [min-words]\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 3, Key: "checks.contributing.options"},
			msg:   "must be a mapping",
		},
		{
			name:  "bad glob in exclude",
			files: map[string]string{".ospolint.yml": "exclude:\n  - third_party/**\n  - \"src/[a-\"\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 3, Key: "exclude"},
			msg:   `invalid glob "src/[a-"`,
		},
		{
			// A single glob is a scalar, not a list: this once indexed an
			// empty list and panicked.
			name:  "bad glob in exclude written as a string",
			files: map[string]string{".ospolint.yml": "description: x\nexclude: \"src/{a\"\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "exclude"},
			msg:   "invalid glob",
		},
		{
			name: "bad glob in waiver paths",
			files: map[string]string{".ospolint.yml": `waivers:
  - check: readme
    reason: generated docs
    paths:
      - docs/**
      - "docs/[z"
`},
			want: config.Error{File: ".ospolint.yml", Line: 6, Key: "waivers[0].paths"},
			msg:  `invalid glob "docs/[z"`,
		},
		{
			name: "waiver without reason",
			files: map[string]string{".ospolint.yml": `waivers:
  - check: readme
    reason: the README lives in the wiki
  - check: contributing
    paths: [CONTRIBUTING.md]
`},
			want: config.Error{File: ".ospolint.yml", Line: 4, Key: "waivers[1].reason"},
			msg:  "needs a reason",
		},
		{
			name:  "waiver with a blank reason",
			files: map[string]string{".ospolint.yml": "waivers:\n  - check: readme\n    reason: \"   \"\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "waivers[0].reason"},
			msg:   "needs a reason",
		},
		{
			name:  "bad until date",
			files: map[string]string{".ospolint.yml": "waivers:\n  - check: readme\n    reason: moving docs\n    until: 31/12/2026\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4, Key: "waivers[0].until"},
			msg:   "YYYY-MM-DD",
		},
		{
			name:  "until date that does not exist",
			files: map[string]string{".ospolint.yml": "waivers:\n  - check: readme\n    reason: moving docs\n    until: 2026-02-30\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4, Key: "waivers[0].until"},
			msg:   "YYYY-MM-DD",
		},
		{
			name:  "waiver of an unknown check",
			files: map[string]string{".ospolint.yml": "waivers:\n  - check: read-me\n    reason: x\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "waivers[0].check"},
			msg:   `unknown check "read-me"`,
		},
		{
			name:  "unknown waiver key",
			files: map[string]string{".ospolint.yml": "waivers:\n  - check: readme\n    reason: x\n    expires: 2026-01-01\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4, Key: "waivers[0].expires"},
			msg:   "unknown key",
		},
		{
			name: "extends cycle",
			files: map[string]string{
				".ospolint.yml": "extends: ./a.yml\n",
				"a.yml":         "description: team\nextends: ./b.yml\n",
				"b.yml":         "description: org\nextends:\n  - default\n  - ./a.yml\n",
			},
			want: config.Error{File: "b.yml", Line: 4, Key: "extends"},
			msg:  "extends cycle: .ospolint.yml -> a.yml -> b.yml -> a.yml",
		},
		{
			name:  "file extending itself",
			files: map[string]string{".ospolint.yml": "extends: ./.ospolint.yml\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 1, Key: "extends"},
			msg:   "extends cycle",
		},
		{
			name:  "extends a missing file",
			files: map[string]string{".ospolint.yml": "extends:\n  - default\n  - config/org.yml\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 3, Key: "extends"},
			msg:   "config/org.yml does not exist",
		},
		{
			name:  "unknown built-in set",
			files: map[string]string{".ospolint.yml": "description: x\nextends: strict\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "extends"},
			msg:   `no built-in rule set "strict" (known: default,`,
		},
		{
			name:  "extends of the wrong type",
			files: map[string]string{".ospolint.yml": "extends:\n  name: default\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "extends"},
			msg:   "string or a list of strings",
		},
		{
			name: "mistake inside an extended file",
			files: map[string]string{
				".ospolint.yml":   "extends: policy/org.yml\n",
				"policy/org.yml":  "extends: ./base.yml\n",
				"policy/base.yml": "checks:\n  readme: error\n  licence-file: error\n",
			},
			want: config.Error{File: "policy/base.yml", Line: 3, Key: "checks.licence-file"},
			msg:  "unknown check",
		},
		{
			name:  "unknown built-in set in --rules",
			files: map[string]string{".ospolint.yml": "checks:\n  readme: note\n"},
			base:  "strict",
			want:  config.Error{Key: "--rules"},
			msg:   `no built-in rule set "strict"`,
		},
		{
			name:  "rule id not kebab-case",
			files: map[string]string{".ospolint.yml": "rules:\n  - id: NoJarFiles\n    kind: file-absent\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "rules[0].id"},
			msg:   "kebab-case",
		},
		{
			name:  "rule id taken by a check",
			files: map[string]string{".ospolint.yml": "rules:\n  - id: readme\n    kind: file-exists\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "rules[0].id"},
			msg:   "already used",
		},
		{
			name:  "unknown rule kind",
			files: map[string]string{".ospolint.yml": "rules:\n  - id: notice-file\n    kind: file-present\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "rules[0].kind"},
			msg:   `unknown rule kind "file-present"`,
		},
		{
			name:  "a check is not a rule kind",
			files: map[string]string{".ospolint.yml": "rules:\n  - id: docs-readme\n    kind: readme\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "rules[0].kind"},
			msg:   "unknown rule kind",
		},
		{
			name:  "unknown rule key",
			files: map[string]string{".ospolint.yml": "rules:\n  - id: notice-file\n    kind: file-exists\n    glob: NOTICE\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4, Key: "rules[0].glob"},
			msg:   "unknown key",
		},
		{
			name:  "unknown GGI activity",
			files: map[string]string{".ospolint.yml": "rules:\n  - id: notice-file\n    kind: file-exists\n    ggi: GGI-A-99\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 4, Key: "rules[0].ggi"},
			msg:   `unknown GGI activity "GGI-A-99"`,
		},
		{
			name:  "rules not a list",
			files: map[string]string{".ospolint.yml": "rules:\n  notice-file: file-exists\n"},
			want:  config.Error{File: ".ospolint.yml", Line: 2, Key: "rules"},
			msg:   "list of rules",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Load(mapLoader(tt.files), config.FileName, tt.base)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if !errors.Is(err, config.ErrConfig) {
				t.Errorf("error %v does not match ErrConfig", err)
			}
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T %v is not a *config.Error", err, err)
			}
			got := config.Error{File: ce.File, Line: ce.Line, Key: ce.Key}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("place of %q (-want +got):\n%s", err, diff)
			}
			if !strings.Contains(ce.Msg, tt.msg) {
				t.Errorf("message %q does not contain %q", ce.Msg, tt.msg)
			}
		})
	}
}

// TestYAMLErrorLines pins the line of syntax errors on the line a person
// would look at: the YAML library alone reports some a line early and some
// without a line.
func TestYAMLErrorLines(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		line int
	}{
		{"unclosed flow list on the first line", "checks: [readme\n", 1},
		{"nested mapping on one line", "checks: readme: error\n", 1},
		{"bad indentation", "checks:\n  readme: error\n contributing: error\n", 3},
		{"tab indentation", "checks:\n  readme: error\n\tcontributing: error\n", 3},
		{"list item in a mapping", "checks:\n  readme: error\n  - contributing\n", 3},
		{"unknown alias", "exclude:\n  - a\n  - *nope\n", 3},
		{"control character", "checks:\n  readme: error\n  contributing: 'x\x01'\n", 3},
		{"unclosed quote opens the error", "description: \"abc\nchecks:\n  readme: error\n", 1},
		{"unclosed flow mapping", "checks:\n  readme: {level: error\n  contributing: error\n", 2},
		{"misaligned waiver key", "waivers:\n  - check: readme\n    reason: x\n   paths: [a]\n", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Load(mapLoader(map[string]string{config.FileName: tt.yaml}), config.FileName, "")
			var ce *config.Error
			if !errors.As(err, &ce) || !strings.HasPrefix(ce.Msg, "invalid YAML") {
				t.Fatalf("Load = %v, want an invalid YAML error", err)
			}
			if ce.Line != tt.line {
				t.Errorf("%v: line %d, want %d", err, ce.Line, tt.line)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  config.Error
		want string
	}{
		{config.Error{File: ".ospolint.yml", Line: 3, Key: "checks.readme", Msg: "bad"}, ".ospolint.yml:3: checks.readme: bad"},
		{config.Error{File: ".ospolint.yml", Msg: "bad"}, ".ospolint.yml: bad"},
		{config.Error{Key: "--rules", Msg: "bad"}, "--rules: bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestLoadMissingTopFile(t *testing.T) {
	_, err := config.Load(mapLoader(nil), "ci/ospolint.yml", "")
	var ce *config.Error
	if !errors.As(err, &ce) || !strings.Contains(ce.Error(), "ci/ospolint.yml does not exist") {
		t.Fatalf("Load of a missing file = %v, want an error naming ci/ospolint.yml", err)
	}
}

func TestLoadBuiltinSets(t *testing.T) {
	names := rules.Names()
	if len(names) == 0 || names[0] == "" {
		t.Fatalf("rules.Names() = %q", names)
	}
	for _, name := range names {
		c, err := config.LoadBuiltin(name)
		if err != nil {
			t.Errorf("built-in set %s: %v", name, err)
			continue
		}
		if got := c.Sources[len(c.Sources)-1]; got != "rules/"+name+".yml" {
			t.Errorf("built-in set %s: last source %q", name, got)
		}
	}
	if _, err := config.LoadBuiltin("no-such-set"); !errors.Is(err, config.ErrConfig) {
		t.Errorf("LoadBuiltin(no-such-set) = %v, want a configuration error", err)
	}
}

// levels returns the levels of the given checks, for comparison.
func levels(c *config.Config, ids ...string) map[string]string {
	out := map[string]string{}
	for _, id := range ids {
		if s, ok := c.Checks[id]; ok {
			out[id] = s.Level.String()
		} else {
			out[id] = "unset"
		}
	}
	return out
}

func TestDefaultSetWhenNoExtends(t *testing.T) {
	for name, top := range map[string]string{
		"no extends key": "checks:\n  readme: warning\n",
		"empty extends":  "extends:\nchecks:\n  readme: warning\n",
		"null extends":   "extends: ~\nchecks:\n  readme: warning\n",
	} {
		t.Run(name, func(t *testing.T) {
			c := load(t, map[string]string{".ospolint.yml": top}, "")
			if diff := cmp.Diff([]string{"rules/default.yml", ".ospolint.yml"}, c.Sources); diff != "" {
				t.Errorf("Sources (-want +got):\n%s", diff)
			}
			want := map[string]string{"readme": "warning", "contributing": "error", "license-file": "error"}
			if diff := cmp.Diff(want, levels(c, "readme", "contributing", "license-file")); diff != "" {
				t.Errorf("levels (-want +got):\n%s", diff)
			}
			if s := c.Checks["readme"]; s.Pos.File != ".ospolint.yml" {
				t.Errorf("readme set at %+v, want .ospolint.yml", s.Pos)
			}
		})
	}
}

// A file of the user's under rules/ is no built-in set: without extends it
// extends the default set like any other, even when it shares a built-in's
// name.
func TestUserFileUnderRulesExtendsDefault(t *testing.T) {
	for _, name := range []string{"rules/team.yml", "rules/default.yml"} {
		t.Run(name, func(t *testing.T) {
			c := load(t, map[string]string{
				".ospolint.yml": "extends: [" + name + "]\n",
				name:            "checks:\n  readme: warning\n",
			}, "")
			if diff := cmp.Diff([]string{"rules/default.yml", name, ".ospolint.yml"}, c.Sources); diff != "" {
				t.Errorf("Sources (-want +got):\n%s", diff)
			}
			want := map[string]string{"readme": "warning", "contributing": "error", "license-file": "error"}
			if diff := cmp.Diff(want, levels(c, "readme", "contributing", "license-file")); diff != "" {
				t.Errorf("levels (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEmptyExtendsStartsFromNothing(t *testing.T) {
	c := load(t, map[string]string{".ospolint.yml": "extends: []\nchecks:\n  readme: note\n"}, "")
	if diff := cmp.Diff([]string{".ospolint.yml"}, c.Sources); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"readme": "note", "contributing": "unset"}, levels(c, "readme", "contributing")); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	if len(c.Exclude) != 0 {
		t.Errorf("Exclude = %q, want none without the default set", c.Exclude)
	}
}

func TestExtendsChainOverrides(t *testing.T) {
	files := map[string]string{
		// The organisation's policy builds on ggi-trust (which extends
		// default) and relaxes two checks.
		"policy/org.yml": `extends: ggi-trust
exclude: [third_party/**]
checks:
  readme: note
  license-detected: warning
`,
		".ospolint.yml": `extends: policy/org.yml
exclude: "gen/**"
checks:
  readme: warning
`,
	}
	c := load(t, files, "")
	if diff := cmp.Diff([]string{"rules/default.yml", "rules/ggi-trust.yml", "policy/org.yml", ".ospolint.yml"}, c.Sources); diff != "" {
		t.Errorf("Sources, base first (-want +got):\n%s", diff)
	}
	want := map[string]string{
		"readme":           "warning", // the repository's file wins
		"license-detected": "warning", // org.yml over ggi-trust's error
		"license-file":     "error",   // from default, untouched
		"contributing":     "error",
	}
	if diff := cmp.Diff(want, levels(c, "readme", "license-detected", "license-file", "contributing")); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	if got := c.Checks["license-detected"].Pos; got != (config.Pos{File: "policy/org.yml", Line: 5}) {
		t.Errorf("license-detected set at %+v, want policy/org.yml:5", got)
	}
	// Excludes add up, base first.
	if n := len(c.Exclude); n < 2 || c.Exclude[n-2] != "third_party/**" || c.Exclude[n-1] != "gen/**" {
		t.Errorf("Exclude = %q, want the default set's, then third_party/**, then gen/**", c.Exclude)
	}
}

func TestExtendsListLaterWins(t *testing.T) {
	files := map[string]string{
		".ospolint.yml": "extends: [./a.yml, ./b.yml]\n",
		"a.yml":         "checks:\n  readme: note\n  contributing: note\n",
		"b.yml":         "checks:\n  readme: off\n",
	}
	c := load(t, files, "")
	// default is reached through a.yml and b.yml but applied once.
	if diff := cmp.Diff([]string{"rules/default.yml", "a.yml", "b.yml", ".ospolint.yml"}, c.Sources); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"readme": "off", "contributing": "note"}, levels(c, "readme", "contributing")); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
}

func TestDiamondAppliesSharedFileOnce(t *testing.T) {
	files := map[string]string{
		".ospolint.yml": "extends: [./legal.yml, ./docs.yml]\n",
		"legal.yml":     "extends: ./common.yml\nchecks:\n  license-detected: error\n",
		"docs.yml":      "extends: ./common.yml\nchecks:\n  readme: warning\n",
		"common.yml": `waivers:
  - check: contributing
    reason: contributions go through the upstream project
`,
	}
	c := load(t, files, "")
	if len(c.Waivers) != 1 {
		t.Errorf("got %d waivers, want the shared file's one waiver once", len(c.Waivers))
	}
	if diff := cmp.Diff([]string{"rules/default.yml", "common.yml", "legal.yml", "docs.yml", ".ospolint.yml"}, c.Sources); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
}

func TestRulesFlagReplacesExtends(t *testing.T) {
	// org.yml does not exist: --rules replaces the extends that names it.
	files := map[string]string{".ospolint.yml": "extends: ./org.yml\nchecks:\n  readme: note\n"}
	c := load(t, files, "ggi-trust")
	if diff := cmp.Diff([]string{"rules/default.yml", "rules/ggi-trust.yml", ".ospolint.yml"}, c.Sources); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	want := map[string]string{"readme": "note", "license-detected": "error"}
	if diff := cmp.Diff(want, levels(c, "readme", "license-detected")); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
}

func TestRulesFlagWithoutFile(t *testing.T) {
	c, err := config.Load(config.Source{}, "", "ggi-trust")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"rules/default.yml", "rules/ggi-trust.yml"}, c.Sources); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
}

func TestOptionMergeAcrossFiles(t *testing.T) {
	files := map[string]string{
		"base.yml": `checks:
  contributing:
    level: warning
    options:
      min-words: 50
  readme:
    options:
      min-words: 10
`,
		".ospolint.yml": `extends: ./base.yml
checks:
  contributing: note
  readme:
    level: warning
    options:
      min-words: 40
`,
	}
	c := load(t, files, "")
	type got struct {
		Level   string
		Options map[string]any
	}
	setting := func(id string) got {
		s := c.Checks[id]
		return got{s.Level.String(), s.Options}
	}
	// A level alone keeps the options set below; options alone keep the level.
	if diff := cmp.Diff(got{"note", map[string]any{"min-words": 50}}, setting("contributing")); diff != "" {
		t.Errorf("contributing (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(got{"warning", map[string]any{"min-words": 40}}, setting("readme")); diff != "" {
		t.Errorf("readme (-want +got):\n%s", diff)
	}
	// The merged options resolve against the check.
	readme, _ := checks.Lookup("readme")
	opts, err := checks.ResolveOptions(readme, c.Checks["readme"].Options)
	if err != nil || opts.Int("min-words") != 40 {
		t.Errorf("resolved readme options = %v, %v; want min-words 40", opts, err)
	}
}

func TestOptionsOnlyEnableAtDefaultLevel(t *testing.T) {
	c := load(t, map[string]string{".ospolint.yml": "extends: []\nchecks:\n  readme:\n    options:\n      min-words: 5\n"}, "")
	readme, _ := checks.Lookup("readme")
	if got := c.Checks["readme"].Level; got != readme.Level {
		t.Errorf("readme level = %s, want its default %s", got, readme.Level)
	}
}

func TestEmptyKeysAreIgnored(t *testing.T) {
	c := load(t, map[string]string{".ospolint.yml": "description:\nchecks:\nrules:\nexclude:\nwaivers:\n"}, "")
	def, err := config.LoadBuiltin(config.DefaultSet)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(levels(def, "readme", "contributing", "license-file"), levels(c, "readme", "contributing", "license-file")); diff != "" {
		t.Errorf("an all-empty file should be the default set (-want +got):\n%s", diff)
	}
}

func TestWaiversParsed(t *testing.T) {
	c := load(t, map[string]string{".ospolint.yml": `waivers:
  - check: contributing
    paths: [CONTRIBUTING.md, "docs/**"]
    reason: "  contributions go through the upstream project  "
    until: 2026-12-31
  - check: readme
    paths: README.md
    reason: the README is generated at release time
`}, "")
	want := []config.Waiver{
		{Check: "contributing", Paths: []string{"CONTRIBUTING.md", "docs/**"}, Reason: "contributions go through the upstream project",
			Until: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), Pos: config.Pos{File: ".ospolint.yml", Line: 2}},
		{Check: "readme", Paths: []string{"README.md"}, Reason: "the README is generated at release time", Pos: config.Pos{File: ".ospolint.yml", Line: 6}},
	}
	if diff := cmp.Diff(want, c.Waivers); diff != "" {
		t.Errorf("Waivers (-want +got):\n%s", diff)
	}
}

func TestWaiverExpired(t *testing.T) {
	w := config.Waiver{Check: "readme", Reason: "r", Until: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)}
	east := time.FixedZone("UTC+2", 2*3600)
	west := time.FixedZone("UTC-5", -5*3600)
	tests := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 3, 10, 23, 59, 59, 0, time.UTC), false}, // until is inclusive
		{time.Date(2026, 3, 11, 0, 0, 1, 0, time.UTC), true},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), true},
		// The calendar day where the scan runs decides.
		{time.Date(2026, 3, 11, 1, 0, 0, 0, east), true},   // 2026-03-10 23:00 UTC
		{time.Date(2026, 3, 10, 22, 0, 0, 0, west), false}, // 2026-03-11 03:00 UTC
	}
	for _, tt := range tests {
		if got := w.Expired(tt.now); got != tt.want {
			t.Errorf("until %s, Expired(%s) = %v, want %v", w.Until.Format(time.DateOnly), tt.now, got, tt.want)
		}
	}
	forever := config.Waiver{Check: "readme", Reason: "r"}
	if forever.Expired(time.Date(2999, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("a waiver without until expired")
	}
}

func TestWaiverMatches(t *testing.T) {
	tests := []struct {
		name   string
		waiver string // the waiver's check
		paths  []string
		check  string // the finding's check and path
		path   string
		want   bool
	}{
		{"no paths waive every finding of the check", "contributing", nil, "contributing", "CONTRIBUTING.md", true},
		{"no paths, other check", "contributing", nil, "readme", "README.md", false},
		{"exact path", "contributing", []string{"CONTRIBUTING.md"}, "contributing", "CONTRIBUTING.md", true},
		{"exact path is case-sensitive", "contributing", []string{"contributing.md"}, "contributing", "CONTRIBUTING.md", false},
		{"other path", "contributing", []string{"docs/CONTRIBUTING.md"}, "contributing", "CONTRIBUTING.md", false},
		{"double star crosses directories", "readme", []string{"docs/**"}, "readme", "docs/api/v1/README.md", true},
		{"single star stays in a directory", "readme", []string{"docs/*"}, "readme", "docs/api/README.md", false},
		{"any glob of several", "readme", []string{"a/**", "**/*.md"}, "readme", "b/c/README.md", true},
		{"alternatives", "readme", []string{"{docs,.github}/README.md"}, "readme", ".github/README.md", true},
		{"right path, wrong check", "readme", []string{"**"}, "license-file", "README.md", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := config.Waiver{Check: tt.waiver, Paths: tt.paths, Reason: "r"}
			if got := w.Matches(tt.check, tt.path); got != tt.want {
				t.Errorf("waiver %s %q: Matches(%s, %s) = %v, want %v", w.Check, tt.paths, tt.check, tt.path, got, tt.want)
			}
		})
	}
}

func TestFixSectionOverridesParentsKeyByKey(t *testing.T) {
	cfg, err := config.Load(mapLoader(map[string]string{
		"org.yml":       "fix:\n  copyright: Org Corp\n  contact: oss@org.example\n  year: 2024\n",
		config.FileName: "extends: [default, ./org.yml]\nfix:\n  contact: team@org.example\n",
	}), config.FileName, "")
	if err != nil {
		t.Fatal(err)
	}
	want := config.Fix{Copyright: "Org Corp", Contact: "team@org.example", Year: 2024}
	if cfg.Fix != want {
		t.Errorf("fix = %+v, want %+v", cfg.Fix, want)
	}
}
