// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// REUSE-IgnoreStart

// reuseBinary finds the REUSE tool, or skips the test; with
// OSPOLINT_REQUIRE_REUSE=1 (CI sets it) a missing tool is a failure.
func reuseBinary(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("reuse")
	if err == nil {
		return p
	}
	if os.Getenv("OSPOLINT_REQUIRE_REUSE") == "1" {
		t.Fatalf("reuse is not on PATH and OSPOLINT_REQUIRE_REUSE=1: install it (Debian: apt-get install reuse)")
	}
	t.Skip("reuse is not on PATH (Debian: apt-get install reuse; OSPOLINT_REQUIRE_REUSE=1 makes this a failure)")
	return ""
}

// TestFixPassesReuseLint: after fix, the real `reuse lint` and ospolint's
// reuse rule set both pass with no further step, and fix --check has nothing
// left to do.
func TestFixPassesReuseLint(t *testing.T) {
	reuse := reuseBinary(t)
	mit, apache := readFixture(t, "lic-dual", "LICENSE-MIT"), readFixture(t, "lic-dual", "LICENSE-APACHE")
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
	}{
		{"MIT project with community files", map[string]string{
			"LICENSE":       mit,
			"README.md":     "# r\n\nA small tool.\n",
			"src/main.go":   "package main\n\nfunc main() {}\n",
			"src/run.sh":    "#!/bin/sh\necho hi\n",
			"docs/site.css": "body { color: red; }\n",
		}, []string{"--contact", "security@example.com"}},
		{"dual-licensed crate", map[string]string{
			"LICENSE-MIT": mit, "LICENSE-APACHE": apache,
			"Cargo.toml":  "[package]\nname = \"d\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n",
			"src/main.rs": "fn main() {}\n",
			"README.md":   "# d\n\nLicensed under either of Apache License, Version 2.0 or MIT license at your option.\n",
		}, []string{"--no-community"}},
		{"crate with one licence file: the other text from the shipped list", map[string]string{
			"LICENSE-MIT": mit,
			"Cargo.toml":  "[package]\nname = \"d\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n",
			"src/main.rs": "fn main() {}\n",
		}, []string{"--no-community"}},
		{"exception and a licence without a file", map[string]string{
			"src/Main.java": "class Main {}\n",
		}, []string{"--no-community", "--license", "GPL-2.0-or-later WITH Classpath-exception-2.0"}},
		{"sidecars, partial headers, ignored files, a LICENCE", map[string]string{
			"LICENCE":      mit,
			".gitignore":   "build/\n",
			"build/out.go": "package out\n",
			"logo.png":     "\x89PNG\r\n\x1a\n\x00\x00",
			"data.json":    "{}\n",
			"half.py":      "# Copyright 2021 Other Corp\nprint(1)\n",
			"lic.py":       "# SPDX-License-Identifier: MIT\nprint(2)\n",
			"empty.go":     "",
		}, []string{"--no-community"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeTree(t, tc.files)
			if out, err := exec.Command("git", "-C", dir, "init", "-q").CombinedOutput(); err != nil {
				t.Fatalf("git init: %v %s", err, out)
			}
			args := append(append([]string{"fix", "--copyright", "Example Org"}, tc.args...), dir)
			if code, out, errOut := run(t, args...); code != ExitOK {
				t.Fatalf("fix: exit %d\n%s%s", code, out, errOut)
			}
			cmd := exec.Command(reuse, "--root", ".", "lint")
			cmd.Dir = dir
			var lint bytes.Buffer
			cmd.Stdout, cmd.Stderr = &lint, &lint
			if err := cmd.Run(); err != nil {
				t.Errorf("after fix, reuse lint fails (%v):\n%s", err, lint.String())
			}
			if code, out, _ := run(t, "scan", "--rules", "reuse", "--fail-on", "note", dir); code != ExitOK {
				t.Errorf("after fix, ospolint scan --rules reuse: exit %d\n%s", code, out)
			}
			check := append([]string{"fix", "--check"}, args[1:]...)
			if code, out, _ := run(t, check...); code != ExitOK {
				t.Errorf("fix --check after fix: exit %d\n%s", code, out)
			}
		})
	}
}

// REUSE-IgnoreEnd
