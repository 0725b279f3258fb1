// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package config_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

// The end-to-end path of a user rule: YAML text -> config.Load ->
// scan.NewPlan (instantiating the kind) -> scan.Run over an in-memory repo.
// It lives in config_test because scan imports config.

const userRules = `# SPDX-License-Identifier: Apache-2.0
rules:
  - id: notice-file
    kind: file-exists
    title: No NOTICE file
    level: error
    options:
      paths: ["NOTICE*"]
      ignore-case: true
      message: add a NOTICE file (see the OSPO wiki)
  - id: no-release-todo
    kind: file-not-contains
    title: Release blocker left in the code
    ggi: [GGI-A-44, GGI-A-25]
    options:
      paths: ["**"]
      pattern: "TODO: remove before release"
waivers:
  - check: no-release-todo
    paths: ["docs/drafts/**"]
    reason: drafts are not published
`

// loader serves configuration files from memory.
func loader(files map[string]string) config.Source {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return config.Source{FS: m}
}

func scanWith(t *testing.T, cfgText string, files fstest.MapFS) *scan.TargetResult {
	t.Helper()
	cfg, err := config.Load(loader(map[string]string{config.FileName: cfgText}), config.FileName, "")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	plan, err := scan.NewPlan(cfg, "")
	if err != nil {
		t.Fatalf("NewPlan: %v", err)
	}
	r := &repo.Repo{Name: "test", Kind: repo.KindWorktree, FS: files}
	res, err := scan.Run(context.Background(), r, plan, scan.Options{Now: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

type ruleFinding struct {
	Check, Level, Path string
	Line               int
	Message            string
	Activities         []string
	Waived             bool
}

// ruleResults keeps the findings and statuses of the user rules only (the
// default rule set runs too).
func ruleResults(res *scan.TargetResult, ids ...string) ([]ruleFinding, map[string]string) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	fs := []ruleFinding{}
	for _, f := range res.Findings {
		if want[f.Check] {
			fs = append(fs, ruleFinding{f.Check, f.Level, f.Path, f.Line, f.Message, f.GGI.Activities, f.Waived != nil})
		}
	}
	status := map[string]string{}
	for _, c := range res.Checks {
		if want[c.ID] {
			status[c.ID] = string(c.Status)
		}
	}
	return fs, status
}

func TestUserRulesEndToEnd(t *testing.T) {
	tests := []struct {
		name   string
		files  fstest.MapFS
		want   []ruleFinding
		status map[string]string
	}{
		{
			name: "compliant",
			files: fstest.MapFS{
				"README.md":   {Data: []byte("# Example\n")},
				"notice.txt":  {Data: []byte("Example Corp\n")},
				"cmd/main.go": {Data: []byte("package main\n\nfunc main() {}\n")},
			},
			want:   []ruleFinding{},
			status: map[string]string{"notice-file": "pass", "no-release-todo": "pass"},
		},
		{
			name: "both rules fail; a waiver covers the drafts",
			files: fstest.MapFS{
				"README.md":              {Data: []byte("# Example\n")},
				"cmd/main.go":            {Data: []byte("package main\n\n// TODO: remove before release\nfunc main() {}\n")},
				"docs/drafts/plan.md":    {Data: []byte("TODO: remove before release\n")},
				"assets/logo.png":        {Data: []byte("\x89PNG\r\n\x1a\n\x00TODO: remove before release")},
				"third_party/NOTICE.old": {Data: []byte("not at the root\n")},
			},
			want: []ruleFinding{
				{"notice-file", "error", "NOTICE", 0, "add a NOTICE file (see the OSPO wiki)", []string{"GGI-A-25"}, false},
				{"no-release-todo", "warning", "cmd/main.go", 3, `forbidden pattern "TODO: remove before release" found: remove or rewrite this line`, []string{"GGI-A-44", "GGI-A-25"}, false},
				{"no-release-todo", "warning", "docs/drafts/plan.md", 1, `forbidden pattern "TODO: remove before release" found: remove or rewrite this line`, []string{"GGI-A-44", "GGI-A-25"}, true},
			},
			status: map[string]string{"notice-file": "fail", "no-release-todo": "fail"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := scanWith(t, userRules, tt.files)
			got, status := ruleResults(res, "notice-file", "no-release-todo")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.status, status); diff != "" {
				t.Errorf("statuses (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUserRulesInFilePass runs kinds that read file heads in the runner's
// shared file pass, next to each other.
func TestUserRulesInFilePass(t *testing.T) {
	cfg := `rules:
  - id: go-header
    kind: file-header
    options:
      paths: ["**/*.go"]
      pattern: '^// SPDX-License-Identifier: Apache-2\.0$'
      lines: 2
  - id: no-committed-binaries
    kind: no-binaries
    level: error
    options:
      allow: ["**/*.png"]
  - id: small-files
    kind: max-file-size
    level: note
    options:
      max: 1KiB
`
	files := fstest.MapFS{
		"README.md":     {Data: []byte("# x\n")},
		"a.go":          {Data: []byte("// SPDX-License-Identifier: Apache-2.0\n\npackage a\n")},
		"pkg/b.go":      {Data: []byte("package b\n")},
		"logo.png":      {Data: []byte("\x89PNG\x00")},
		"bin/tool":      {Data: append([]byte("\x7fELF\x00"), make([]byte, 2048)...)},
		"docs/data.csv": {Data: []byte(strings.Repeat("a,b\n", 300))},
	}
	res := scanWith(t, cfg, files)
	got, status := ruleResults(res, "go-header", "no-committed-binaries", "small-files")
	var at []string
	for _, f := range got {
		at = append(at, fmt.Sprintf("%s %s %s:%d", f.Check, f.Level, f.Path, f.Line))
	}
	want := []string{
		"no-committed-binaries error bin/tool:0",
		"small-files note bin/tool:0",
		"small-files note docs/data.csv:0",
		"go-header warning pkg/b.go:1",
	}
	if diff := cmp.Diff(want, at); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	for id, st := range status {
		if st != "fail" {
			t.Errorf("%s: status %s, want fail", id, st)
		}
	}
}

func TestUserRuleNotApplicable(t *testing.T) {
	cfg := `rules:
  - id: dco-in-contributing
    kind: file-contains
    options:
      paths: CONTRIBUTING.md
      pattern: Signed-off-by
`
	res := scanWith(t, cfg, fstest.MapFS{"README.md": {Data: []byte("# x\n")}})
	_, status := ruleResults(res, "dco-in-contributing")
	if status["dco-in-contributing"] != "not-applicable" {
		t.Errorf("status = %q, want not-applicable", status["dco-in-contributing"])
	}
}

func TestUserRuleConfigErrors(t *testing.T) {
	tests := []struct {
		name, rule, key, msg string
	}{
		{"bad glob", "kind: file-exists\n    options:\n      paths: [\"docs/[a-\"]", "rules[0].options", "invalid glob"},
		{"bad regex", "kind: file-not-contains\n    options:\n      paths: [\"**\"]\n      pattern: \"(unclosed\"", "rules[0].options", "not a valid regular expression"},
		{"missing paths", "kind: file-absent", "rules[0].options", "at least one glob"},
		{"unknown option", "kind: file-exists\n    options:\n      path: NOTICE", "rules[0].options", `no option "path"`},
		{"bad size", "kind: max-file-size\n    options:\n      max: huge", "rules[0].options", "bad size"},
		{"unknown kind", "kind: file-present", "rules[0].kind", "unknown rule kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "rules:\n  - id: my-rule\n    " + tt.rule + "\n"
			_, err := config.Load(loader(map[string]string{config.FileName: text}), config.FileName, "")
			var ce *config.Error
			if !errors.As(err, &ce) || !errors.Is(err, config.ErrConfig) {
				t.Fatalf("Load = %v, want a *config.Error", err)
			}
			// The line is the rule's or, where known, the option's own.
			if ce.File != config.FileName || ce.Line < 2 || !strings.HasPrefix(ce.Key, tt.key) || !strings.Contains(ce.Msg, tt.msg) {
				t.Errorf("error = %q (line %d, key %q), want a line of the rule, key %s..., message containing %q", err, ce.Line, ce.Key, tt.key, tt.msg)
			}
		})
	}
}

// TestKindHelpExamplesLoad keeps the YAML example in each kind's help valid.
func TestKindHelpExamplesLoad(t *testing.T) {
	n := 0
	for _, c := range checks.All() {
		if !c.Template {
			continue
		}
		n++
		_, rest, ok := strings.Cut(c.Help, "```yaml\n")
		example, _, closed := strings.Cut(rest, "```")
		if !ok || !closed {
			t.Errorf("%s: help has no YAML example", c.ID)
			continue
		}
		cfg, err := config.Load(loader(map[string]string{config.FileName: example}), config.FileName, "")
		if err != nil {
			t.Errorf("%s: example does not load: %v\n%s", c.ID, err, example)
			continue
		}
		if len(cfg.Rules) != 1 || cfg.Rules[0].Kind != c.ID {
			t.Errorf("%s: example defines %+v, want one rule of this kind", c.ID, cfg.Rules)
			continue
		}
		if _, err := scan.NewPlan(cfg, ""); err != nil {
			t.Errorf("%s: example does not plan: %v", c.ID, err)
		}
	}
	if n < 7 {
		t.Errorf("found %d rule kinds, want at least 7", n)
	}
}
