// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// kindAt renders findings as "path:line" for comparison.
func kindAt(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d", f.Path, f.Line))
	}
	return out
}

// kindSymlink is a MapFS symbolic link to target.
func kindSymlink(target string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink | 0o777}
}

func TestKindsAreTemplates(t *testing.T) {
	for _, id := range []string{"file-exists", "file-absent", "file-contains", "file-not-contains", "file-header", "max-file-size", "no-binaries"} {
		c, ok := Lookup(id)
		if !ok {
			t.Errorf("%s is not registered", id)
			continue
		}
		if !c.Template || c.Level != Warning || c.Activities[0] != "GGI-A-25" {
			t.Errorf("%s: Template=%v Level=%v Activities=%v, want a GGI-A-25 warning template", id, c.Template, c.Level, c.Activities)
		}
		for _, o := range c.Options {
			if !strings.Contains(c.Help, "`"+o.Name+"`") {
				t.Errorf("%s: help does not document option %s", id, o.Name)
			}
		}
		if !strings.Contains(c.Help, "kind: "+id) {
			t.Errorf("%s: help lacks a YAML example using the kind", id)
		}
	}
}

func TestKindValidateRejectsBadOptions(t *testing.T) {
	tests := []struct {
		kind *Check
		user map[string]any
		want string
	}{
		{kindFileExists(), map[string]any{}, "at least one glob"},
		{kindFileExists(), map[string]any{"paths": []any{"docs/[a-"}}, "invalid glob"},
		{kindFileExists(), map[string]any{"paths": "{NOTICE,COPYRIGHT"}, "invalid glob"},
		{kindFileExists(), map[string]any{"paths": "/NOTICE"}, "relative to the repository root"},
		{kindFileExists(), map[string]any{"paths": "./NOTICE"}, `write "NOTICE"`},
		{kindFileExists(), map[string]any{"path": "NOTICE"}, `no option "path"`},
		{kindFileExists(), map[string]any{"paths": []any{"NOTICE", 3}}, "list of strings"},
		{kindFileAbsent(), map[string]any{"paths": []any{"ok", "[z"}}, "invalid glob"},
		{kindFileContains(), map[string]any{"paths": "README.md"}, "give a regular expression"},
		{kindFileContains(), map[string]any{"paths": "README.md", "pattern": "(support"}, "not a valid regular expression"},
		{kindFileContains(), map[string]any{"paths": "README.md", "pattern": `\p{Nope}`}, "not a valid regular expression"},
		{kindFileNotContains(), map[string]any{"paths": "**", "pattern": "a{2,1}"}, "not a valid regular expression"},
		{kindFileHeader(), map[string]any{"paths": "**/*.go", "pattern": "Copyright", "lines": 0}, "out of range"},
		{kindFileHeader(), map[string]any{"paths": "**/*.go", "pattern": "Copyright", "lines": 5000}, "out of range"},
		{kindFileHeader(), map[string]any{"paths": "**/*.go", "pattern": "[", "lines": 3}, "not a valid regular expression"},
		{kindMaxFileSize(), map[string]any{"max": "ten megabytes"}, "bad size"},
		{kindMaxFileSize(), map[string]any{"max": 0}, "above zero"},
		{kindMaxFileSize(), map[string]any{"paths": []any{}}, "at least one glob"},
		{kindNoBinaries(), map[string]any{"allow": "**/*.{png,jpg"}, "option allow: invalid glob"},
	}
	for _, tt := range tests {
		t.Run(tt.kind.ID+"/"+tt.want, func(t *testing.T) {
			err := tt.kind.ValidateOptions(tt.user)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ValidateOptions(%v) = %v, want an error containing %q", tt.user, err, tt.want)
			}
		})
	}
}

func TestKindValidateAcceptsGoodOptions(t *testing.T) {
	tests := []struct {
		kind *Check
		user map[string]any
	}{
		{kindFileExists(), map[string]any{"paths": []any{"NOTICE*", "docs/**/NOTICE{,.md}"}, "ignore-case": true, "message": ""}},
		{kindFileContains(), map[string]any{"paths": "README.md", "pattern": `(?s)## Support.*@example\.com`, "fail-on-missing": true}},
		{kindFileHeader(), map[string]any{"paths": "**/*.go", "pattern": `^// SPDX`, "lines": 1}},
		{kindMaxFileSize(), map[string]any{}},
		{kindMaxFileSize(), map[string]any{"max": "512KiB"}},
		{kindNoBinaries(), map[string]any{}},
	}
	for _, tt := range tests {
		if err := tt.kind.ValidateOptions(tt.user); err != nil {
			t.Errorf("%s: ValidateOptions(%v) = %v", tt.kind.ID, tt.user, err)
		}
	}
}

func TestRuleGlobs(t *testing.T) {
	tests := []struct {
		globs []string
		fold  bool
		path  string
		want  bool
	}{
		{[]string{"NOTICE*"}, false, "NOTICE.md", true},
		{[]string{"NOTICE*"}, false, "docs/NOTICE.md", false},
		{[]string{"NOTICE*"}, false, "notice.md", false},
		{[]string{"NOTICE*"}, true, "notice.md", true},
		{[]string{"**/*.GO"}, true, "cmd/Main.go", true},
		{[]string{"[A-Z]*.md"}, true, "readme.md", true},
		{[]string{"**/*.{png,jpg}"}, false, "a/b/c.jpg", true},
		{[]string{"**"}, false, "a/b/c", true},
		{[]string{"docs/**"}, false, "docsx/a", false},
	}
	for _, tt := range tests {
		g := ruleMatcher(Options{"paths": tt.globs, "ignore-case": tt.fold}, "paths")
		if got := g.Match(tt.path); got != tt.want {
			t.Errorf("%v (fold %v).Match(%q) = %v, want %v", tt.globs, tt.fold, tt.path, got, tt.want)
		}
	}
}

func TestRuleLiteralPrefix(t *testing.T) {
	for glob, want := range map[string]string{
		"NOTICE*":              "NOTICE",
		"NOTICE":               "NOTICE",
		"docs/**/*.md":         "docs",
		"LICENSE.{md,txt}":     "LICENSE",
		"**/CODEOWNERS":        "**/CODEOWNERS",
		".github/SECURITY.md":  ".github/SECURITY.md",
		".github/*.md":         ".github",
		"[Cc]hangelog.md":      "[Cc]hangelog.md",
		"MAINTAINERS-?":        "MAINTAINERS",
		"docs/adr/[0-9]*.md":   "docs/adr",
		"src/main/resources/*": "src/main/resources",
	} {
		if got := ruleLiteralPrefix(glob); got != want {
			t.Errorf("ruleLiteralPrefix(%q) = %q, want %q", glob, got, want)
		}
	}
}

func TestRuleSize(t *testing.T) {
	got := []string{ruleSize(0), ruleSize(1023), ruleSize(1024), ruleSize(1536), ruleSize(1 << 20), ruleSize(3355443), ruleSize(5 << 30)}
	want := []string{"0 B", "1023 B", "1 KiB", "1.5 KiB", "1 MiB", "3.2 MiB", "5 GiB"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ruleSize (-want +got):\n%s", diff)
	}
}

func TestRuleIsBinary(t *testing.T) {
	late := append([]byte(strings.Repeat("a", ruleBinarySniff)), 0)
	for _, tt := range []struct {
		data []byte
		want bool
	}{
		{nil, false},
		{[]byte("plain text\n"), false},
		{[]byte("caf\xe9 latin-1"), false},
		{[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), true},
		{late, false},
	} {
		if got := ruleIsBinary(tt.data); got != tt.want {
			t.Errorf("ruleIsBinary(%.20q) = %v, want %v", tt.data, got, tt.want)
		}
	}
}
