// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/cli"
)

// REUSE-IgnoreStart
const goHeader = "// SPDX-FileCopyrightText: 2026 Example Org\n// SPDX-License-Identifier: MIT\n\n"

// REUSE-IgnoreEnd

// filesRepo is a repository whose files hold their licensing in every way
// REUSE allows, and some that hold none.
func filesRepo(t *testing.T, config string) string {
	t.Helper()
	files := map[string]string{
		"ok.go":   goHeader + "package p\n",
		"bare.go": "package p\n",
		// REUSE-IgnoreStart
		"nolicence.go":     "// Copyright 2026 Example Org\n\npackage p\n",
		"badexpr.go":       "// SPDX-FileCopyrightText: 2026 Example Org\n// SPDX-License-Identifier: MIT OR\n\npackage p\n",
		"logo.png":         "\x89PNG\r\n\x1a\nbinary",
		"logo.png.license": "SPDX-FileCopyrightText: 2026 Example Org\nSPDX-License-Identifier: CC-BY-4.0\n",
		"icon.png":         "\x89PNG\r\n\x1a\nbinary",
		"docs/REUSE.toml":  "version = 1\n\n[[annotations]]\npath = \"**\"\nSPDX-FileCopyrightText = \"2026 Example Org\"\nSPDX-License-Identifier = \"CC-BY-4.0\"\n",
		// REUSE-IgnoreEnd
		"docs/guide/intro.md":    "# Intro\n",
		"testdata/fixture.go":    "package fixture\n",
		"big.go":                 goHeader + "package p\n\n// " + strings.Repeat("x", 2000) + "\n",
		"LICENSES/MIT.txt":       "MIT licence text\n",
		"empty.go":               "",
		"src/deep/nested/own.go": goHeader + "package nested\n",
	}
	if config != "" {
		files[".ospolint.yml"] = config
	}
	return writeRepo(t, files)
}

func inDir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(old) })
}

func TestFilesMode(t *testing.T) {
	dir := filesRepo(t, "")
	inDir(t, dir)
	for _, tc := range []struct {
		name  string
		files []string
		code  int
		want  []string
	}{
		{"files with headers, sidecars, REUSE.toml, texts, empty files", []string{"ok.go", "logo.png", "logo.png.license", "docs/guide/intro.md", "LICENSES/MIT.txt", "empty.go", "src/deep/nested/own.go"}, cli.ExitOK, nil},
		{"a file with nothing", []string{"bare.go", "ok.go"}, cli.ExitFindings, []string{"reuse-missing-copyright bare.go", "reuse-missing-license bare.go"}},
		{"copyright without licence", []string{"nolicence.go"}, cli.ExitFindings, []string{"reuse-missing-license nolicence.go"}},
		{"an invalid expression", []string{"badexpr.go"}, cli.ExitFindings, []string{"reuse-invalid-expression badexpr.go"}},
		{"a binary without a sidecar", []string{"icon.png"}, cli.ExitFindings, []string{"reuse-missing-copyright icon.png", "reuse-missing-license icon.png"}},
		{"excluded by the rule set", []string{"testdata/fixture.go"}, cli.ExitOK, nil},
		{"a file that does not exist (deleted and staged)", []string{"gone.go"}, cli.ExitOK, nil},
		{"no files", nil, cli.ExitOK, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, nil, append([]string{"scan", "--format", "json", "--files"}, tc.files...)...)
			res.want(t, tc.code)
			if d := cmp.Diff(tc.want, parseReport(t, res.stdout).findings()); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
	t.Run("from a subdirectory, paths relative to it", func(t *testing.T) {
		// Paths are relative to the current directory; the scan is of the
		// whole git working tree.
		if _, err := git.PlainInit(dir, false); err != nil {
			t.Fatal(err)
		}
		inDir(t, filepath.Join(dir, "src", "deep"))
		res := run(t, nil, "scan", "--format", "json", "--files", "nested/own.go", "../../bare.go")
		res.want(t, cli.ExitFindings)
		if d := cmp.Diff([]string{"reuse-missing-copyright bare.go", "reuse-missing-license bare.go"}, parseReport(t, res.stdout).findings()); d != "" {
			t.Errorf("findings (-want +got):\n%s", d)
		}
	})
	t.Run("outside the repository", func(t *testing.T) {
		res := run(t, nil, "scan", "--files", filepath.Join(t.TempDir(), "x.go"))
		res.want(t, cli.ExitUsage)
	})
	t.Run("with --diff-base", func(t *testing.T) {
		run(t, nil, "scan", "--files", "--diff-base", "HEAD", "ok.go").want(t, cli.ExitUsage)
	})
}

func TestFilesModeConfig(t *testing.T) {
	config := `extends: default
checks:
  reuse-missing-copyright: off
rules:
  - id: small-files
    kind: max-file-size
    options: {paths: ["**/*.go"], max: 1000}
  - id: no-todo
    kind: file-not-contains
    options: {paths: ["**/*.go"], pattern: "TODO"}
  - id: notice
    kind: file-exists
    options: {paths: [NOTICE]}
  - id: readme-says-hello
    kind: file-contains
    options: {paths: [README.md], pattern: hello}
`
	dir := filesRepo(t, config)
	if err := os.WriteFile(filepath.Join(dir, "todo.go"), []byte(goHeader+"package p // TODO\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	inDir(t, dir)
	res := run(t, nil, "scan", "--format", "json", "--files", "bare.go", "big.go", "todo.go", "ok.go")
	res.want(t, cli.ExitFindings)
	// The copyright check is off; the NOTICE and README rules judge the
	// repository, not these files.
	want := []string{"no-todo todo.go", "reuse-missing-license bare.go", "small-files big.go"}
	if d := cmp.Diff(want, parseReport(t, res.stdout).findings()); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
}
