// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// REUSE-IgnoreStart

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(context.Background(), args, &out, &errOut, func(string) string { return "" })
	return code, out.String(), errOut.String()
}

func fixFixture(t *testing.T) string {
	mit, err := os.ReadFile(filepath.Join("..", "..", "testdata", "repos", "minimal-mit", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	return writeTree(t, map[string]string{
		"LICENSE":        string(mit),
		"README.md":      "# widget\n\nWidget converts temperatures between Celsius and Fahrenheit from the command line, and this README says how to install it and how to use it.\n",
		"main.go":        "package main\n\nfunc main() {}\n",
		"tools/run.sh":   "#!/bin/sh\necho hi\n",
		"web/index.html": "<!DOCTYPE html>\n<html></html>\n",
		"logo.png":       "\x89PNG\r\n\x1a\n\x00\x00",
		"data.json":      "{}\n",
		"lib/done.go":    "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2020 Someone\n\npackage lib\n",
		"lib/half.go":    "// Copyright 2021 Other Corp\n\npackage lib\n",
	})
}

func TestFixDryRunChangesNothing(t *testing.T) {
	dir := fixFixture(t)
	code, out, errOut := run(t, "fix", "--dry-run", "--copyright", "Example Corp", "--year", "2026", "--contact", "oss@example.com", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"--- a/main.go\n+++ b/main.go\n@@ -1,3 +1,6 @@\n+// SPDX-License-Identifier: MIT\n+// SPDX-FileCopyrightText: 2026 Example Corp\n+\n package main\n",
		"+++ b/logo.png.license",
		"+++ b/data.json.license",
		"--- /dev/null\n+++ b/SECURITY.md",
		"+++ b/CONTRIBUTING.md",
		"+++ b/CODE_OF_CONDUCT.md",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "lib/done.go") {
		t.Error("a complete header was touched")
	}
	if body, _ := os.ReadFile(filepath.Join(dir, "main.go")); strings.Contains(string(body), "SPDX") {
		t.Error("--dry-run wrote main.go")
	}
	if _, err := os.Stat(filepath.Join(dir, "SECURITY.md")); err == nil {
		t.Error("--dry-run created SECURITY.md")
	}
}

func TestFixAppliesAndIsIdempotent(t *testing.T) {
	dir := fixFixture(t)
	args := []string{"fix", "--copyright", "Example Corp", "--year", "2026", "--contact", "oss@example.com", dir}
	if code, _, errOut := run(t, args...); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := read("tools/run.sh"); !strings.HasPrefix(got, "#!/bin/sh\n# SPDX-License-Identifier: MIT\n") {
		t.Errorf("run.sh = %q", got)
	}
	if got := read("web/index.html"); !strings.HasPrefix(got, "<!DOCTYPE html>\n<!-- SPDX-License-Identifier: MIT -->\n") {
		t.Errorf("index.html = %q", got)
	}
	if got := read("lib/half.go"); got != "// SPDX-License-Identifier: MIT\n\n// Copyright 2021 Other Corp\n\npackage lib\n" {
		t.Errorf("half.go = %q (only the licence line should be added)", got)
	}
	if got := read("logo.png"); got != "\x89PNG\r\n\x1a\n\x00\x00" {
		t.Error("binary file was modified")
	}
	if got := read("logo.png.license"); !strings.Contains(got, "SPDX-FileCopyrightText: 2026 Example Corp") {
		t.Errorf("sidecar = %q", got)
	}
	if got := read("SECURITY.md"); !strings.Contains(got, "oss@example.com") {
		t.Errorf("SECURITY.md = %q", got)
	}

	// The second run finds nothing to do.
	code, out, errOut := run(t, args...)
	if code != ExitOK || strings.TrimSpace(out) != "nothing to fix" {
		t.Errorf("second run: exit %d\n%s%s", code, out, errOut)
	}

	// The scan agrees: no file lacks licensing or copyright information,
	// and the community files now pass.
	code, out, _ = run(t, "scan", "--format", "json", "--checks", "reuse-missing-license,reuse-missing-copyright,contributing,code-of-conduct,security-policy", dir)
	var rep struct {
		Targets []struct {
			Findings []struct{ Check, Path string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if code != ExitOK || len(rep.Targets[0].Findings) != 0 {
		t.Errorf("after fix: exit %d, findings %+v", code, rep.Targets[0].Findings)
	}
}

func TestFixNeedsCopyright(t *testing.T) {
	dir := fixFixture(t)
	code, _, errOut := run(t, "fix", "--no-community", dir)
	if code != ExitUsage || !strings.Contains(errOut, "--copyright") {
		t.Errorf("exit %d, stderr %q; want a usage error naming --copyright", code, errOut)
	}
}

// TestFixTakesDefaultsFromConfig writes headers and community files from the
// configuration's fix section; a flag overrides its key.
func TestFixTakesDefaultsFromConfig(t *testing.T) {
	dir := fixFixture(t)
	cfg := "fix:\n  copyright: Config Corp\n  year: 2024\n  license: MIT\n  contact: oss@config.example\n  project: Configured\n"
	if err := os.WriteFile(filepath.Join(dir, ".ospolint.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "fix", "--dry-run", "--year", "2025", dir)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"+// SPDX-FileCopyrightText: 2025 Config Corp",
		"+// SPDX-License-Identifier: MIT",
		"oss@config.example",
		"Configured",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q", want)
		}
	}
	if strings.Contains(out, "2024 Config Corp") {
		t.Error("the --year flag did not override fix.year")
	}
}

func TestFixConfigErrors(t *testing.T) {
	for _, tc := range []struct{ yml, want string }{
		{"fix:\n  year: soon\n", `.ospolint.yml:2: fix.year: "soon" is not a year`},
		{"fix:\n  holder: Me\n", ".ospolint.yml:2: fix.holder: unknown key"},
		{"fix: Me\n", ".ospolint.yml:1: fix: must be a mapping"},
		{"fix:\n  copyright: \"\"\n", ".ospolint.yml:2: fix.copyright: must not be empty"},
	} {
		dir := fixFixture(t)
		if err := os.WriteFile(filepath.Join(dir, ".ospolint.yml"), []byte(tc.yml), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := run(t, "fix", "--dry-run", dir)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 with %q", tc.yml, code, errOut, tc.want)
		}
	}
}

func readFixture(t *testing.T, repoName, file string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "repos", repoName, file))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFixKeepsDeclaredLicence: a crate declaring "MIT OR Apache-2.0" got
// "Apache-2.0 AND MIT" in every new header. The declared choice is kept,
// from the manifest, from the README, or from the existing headers.
func TestFixKeepsDeclaredLicence(t *testing.T) {
	mit, apache := readFixture(t, "lic-dual", "LICENSE-MIT"), readFixture(t, "lic-dual", "LICENSE-APACHE")
	header := "// SPDX-License-Identifier: MIT OR Apache-2.0\n// SPDX-FileCopyrightText: 2024 Crate Authors\n\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"manifest, one licence file", map[string]string{
			"LICENSE-MIT": mit,
			"Cargo.toml":  "[package]\nname = \"d\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n",
		}, "MIT OR Apache-2.0"},
		{"manifest, both licence files", map[string]string{
			"LICENSE-MIT": mit, "LICENSE-APACHE": apache,
			"Cargo.toml": "[package]\nname = \"d\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n",
		}, "MIT OR Apache-2.0"},
		{"README choice", map[string]string{
			"LICENSE-MIT": mit,
			"README.md":   "# d\n\nLicensed under either of Apache License, Version 2.0 or MIT license at your option.\n",
		}, "Apache-2.0 OR MIT"},
		{"existing headers", map[string]string{
			"LICENSE-MIT": mit, "LICENSE-APACHE": apache,
			"src/a.rs": header + "fn a() {}\n", "src/b.rs": header + "fn b() {}\n",
		}, "MIT OR Apache-2.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.files["src/main.rs"] = "fn main() {}\n"
			dir := writeTree(t, tc.files)
			code, out, errOut := run(t, "fix", "--no-community", "--copyright", "Example Org", dir)
			if code != ExitOK {
				t.Fatalf("exit %d: %s%s", code, out, errOut)
			}
			b, _ := os.ReadFile(filepath.Join(dir, "src", "main.rs"))
			if !strings.HasPrefix(string(b), "// SPDX-License-Identifier: "+tc.want+"\n") {
				t.Errorf("main.rs = %q, want the licence %q", b, tc.want)
			}
			if !strings.Contains(errOut, "licence for new headers: "+tc.want) {
				t.Errorf("stderr does not say which licence was taken: %q", errOut)
			}
		})
	}
}

// TestFixRefusesBadLicense: --license (or fix.license) was written into
// headers unchecked.
func TestFixRefusesBadLicense(t *testing.T) {
	for _, tc := range []struct{ flag, config, want string }{
		{"MIT OR", "", `--license: "MIT OR" is not an SPDX licence expression`},
		{"Foo-1.0", "", `--license: "Foo-1.0" is not on the SPDX licence list`},
		{"mit", "", `spells it "MIT"`},
		{"GPL-2.0", "", "deprecated"},
		{"", "fix:\n  license: Foo-1.0\n", `fix.license: "Foo-1.0" is not on the SPDX licence list`},
	} {
		dir := fixFixture(t)
		if tc.config != "" {
			if err := os.WriteFile(filepath.Join(dir, ".ospolint.yml"), []byte(tc.config), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		before := snapshot(t, dir)
		args := []string{"fix", "--copyright", "X", "--contact", "a@example.com"}
		if tc.flag != "" {
			args = append(args, "--license", tc.flag)
		}
		code, _, errOut := run(t, append(args, dir)...)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q/%q: exit %d, stderr %q; want exit 2 with %q", tc.flag, tc.config, code, errOut, tc.want)
		}
		if len(snapshot(t, dir)) != len(before) {
			t.Errorf("%q: files were written", tc.flag)
		}
	}
	// A LicenseRef- is the project's own: accepted.
	dir := fixFixture(t)
	if code, _, errOut := run(t, "fix", "--dry-run", "--no-community", "--copyright", "X", "--license", "LicenseRef-Proprietary", dir); code != ExitOK {
		t.Errorf("LicenseRef-: exit %d: %s", code, errOut)
	}
}

// TestFixCheck: --check changes nothing, lists what would change and exits
// 1 while anything would; 0 once the tree is fixed.
func TestFixCheck(t *testing.T) {
	dir := fixFixture(t)
	before := snapshot(t, dir)
	args := []string{"fix", "--copyright", "Example Corp", "--contact", "oss@example.com", dir}
	code, out, errOut := run(t, append([]string{"fix", "--check"}, args[1:]...)...)
	if code != ExitFindings {
		t.Errorf("pending changes: exit %d, want 1: %s", code, errOut)
	}
	for _, want := range []string{"would fix main.go: SPDX header added", "would fix SECURITY.md: missing SECURITY.md"} {
		if !strings.Contains(out, want) {
			t.Errorf("--check output lacks %q:\n%s", want, out)
		}
	}
	if d := cmp.Diff(before, snapshot(t, dir)); d != "" {
		t.Errorf("--check changed the tree:\n%s", d)
	}
	if code, diff, _ := run(t, append([]string{"fix", "--check", "--dry-run"}, args[1:]...)...); code != ExitFindings || !strings.Contains(diff, "+++ b/main.go") {
		t.Errorf("--check --dry-run: exit %d, want 1 and the diff:\n%s", code, diff)
	}
	if code, _, errOut := run(t, args...); code != ExitOK {
		t.Fatalf("fix: exit %d: %s", code, errOut)
	}
	code, out, _ = run(t, append([]string{"fix", "--check"}, args[1:]...)...)
	if code != ExitOK || strings.TrimSpace(out) != "nothing to fix" {
		t.Errorf("after fix: exit %d, output %q", code, out)
	}
}

// TestFixWritesLicenceTexts: each licence of the new headers gets its text,
// from the root licence file holding it or from the shipped SPDX list.
func TestFixWritesLicenceTexts(t *testing.T) {
	mit := readFixture(t, "lic-dual", "LICENSE-MIT")
	dir := writeTree(t, map[string]string{
		"LICENSE-MIT": mit,
		"Cargo.toml":  "[package]\nname = \"d\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n",
		"src/main.rs": "fn main() {}\n",
	})
	code, out, errOut := run(t, "fix", "--no-community", "--copyright", "Example Org", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	for _, want := range []string{
		"fixed LICENSES/MIT.txt: text of MIT (from LICENSE-MIT)",
		"fixed LICENSES/Apache-2.0.txt: text of Apache-2.0 (from the SPDX License List shipped with ospolint)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	apache, _ := spdxlist.Text("Apache-2.0")
	for name, want := range map[string]string{"MIT.txt": mit, "Apache-2.0.txt": apache} {
		if b, _ := os.ReadFile(filepath.Join(dir, "LICENSES", name)); string(b) != want || want == "" {
			t.Errorf("LICENSES/%s: %d bytes, want %d", name, len(b), len(want))
		}
	}
}

// REUSE-IgnoreEnd
