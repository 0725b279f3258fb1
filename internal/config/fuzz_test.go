// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/scan"
)

// fuzzSeeds are configurations a person writes, right and wrong; the example
// files under testdata/configs are added to them.
func fuzzSeeds() []string {
	return []string{
		"",
		"~\n",
		"checks:\n  readme: warning\n",
		"extends: ggi-trust\nchecks:\n  license-detected: warning\n",
		"extends: [default, ./base.yml]\nexclude: [\"gen/**\"]\n",
		"extends: []\n",
		"extends: ./.ospolint.yml\n",
		"checks:\n  contributing:\n    level: error\n    options:\n      min-words: 40\n",
		"checks:\n  contributing:\n    options:\n      min-words: [1, 2]\n",
		"checks:\n  readme: {level: [x]}\n",
		"checks: [readme\n",
		"exclude: \"[\"\n",
		"exclude:\n  - {a: 1}\n",
		"waivers:\n  - check: contributing\n    paths: CONTRIBUTING.md\n    reason: upstream\n    until: 2026-12-31\n",
		"waivers:\n  - check: readme\n    until: 2026-13-45\n",
		"waivers: {check: readme}\n",
		"rules:\n  - id: notice-file\n    kind: file-exists\n    ggi: [GGI-A-21]\n    options:\n      paths: [NOTICE]\n",
		"rules:\n  - id: Bad_ID\n    kind: file-exists\n",
		"rules:\n  - [id, kind]\n",
		"a: &x [*x]\n",
		"checks: &c\n  readme: *c\n",
		"checks:\n  readme:\n    options: &o {min-words: *o}\n",
		"x: &a [a,a,a,a]\ny: &b [*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b]\nchecks:\n  readme:\n    options:\n      min-words: [*c,*c,*c]\n",
		"? [a, b]\n: c\n",
		"checks:\n  ? [readme]\n  : error\n",
		"checks:\n  readme: error\nchecks:\n  readme: off\n",
		"\xff\xfe\x00c\x00h\n",
		"description: \"\\u0000\"\n",
		"--- \nchecks: {}\n--- \nchecks: 1\n",
	}
}

// FuzzLoad feeds arbitrary bytes to the loader as .ospolint.yml: it never
// panics, every failure is a *config.Error, and every configuration it
// accepts can be planned.
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add([]byte(s))
	}
	examples, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "configs", "*", "*.yml"))
	for _, p := range examples {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	base := []byte("extends: []\nchecks:\n  readme: note\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		src := config.Source{FS: fstest.MapFS{
			config.FileName: &fstest.MapFile{Data: data},
			"base.yml":      &fstest.MapFile{Data: base},
		}}
		c, err := config.Load(src, config.FileName, "")
		if err != nil {
			var ce *config.Error
			if !errors.As(err, &ce) || !errors.Is(err, config.ErrConfig) {
				t.Fatalf("error %T %q is not a *config.Error", err, err)
			}
			if ce.Msg == "" || strings.HasPrefix(ce.Error(), ": ") {
				t.Fatalf("error without a message or with an empty place: %q", ce.Error())
			}
			return
		}
		if got := c.Sources[len(c.Sources)-1]; got != config.FileName {
			t.Fatalf("last source %q, want %s", got, config.FileName)
		}
		for _, w := range c.Waivers {
			if strings.TrimSpace(w.Reason) == "" || w.Check == "" {
				t.Fatalf("accepted a waiver without check or reason: %+v", w)
			}
		}
		if _, err := scan.NewPlan(c, ""); err != nil && !errors.Is(err, config.ErrConfig) {
			t.Fatalf("NewPlan of an accepted configuration: %v", err)
		}
	})
}
