// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ospolint/ospolint/internal/cli"
)

// On a pull request the Action passes its config input as --config: the
// file, what it extends and every link on the way are the pull request's.
// Nothing may lead out of the repository, block, or exhaust memory, and no
// message may show a file from outside.
func TestConfigFlagIsConfinedToTheRepository(t *testing.T) {
	base := t.TempDir()
	repoDir := filepath.Join(base, "repo")
	outside := filepath.Join(base, "outside")
	for _, d := range []string{filepath.Join(repoDir, ".git"), filepath.Join(repoDir, "services", "api"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, body string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "secret.yml"), "token: hunter2-the-secret\n")
	write(filepath.Join(repoDir, "policy.yml"), "extends: []\nchecks:\n  readme: error\n")
	write(filepath.Join(repoDir, "zero-cfg.yml"), "extends: ./zero.yml\n")
	write(filepath.Join(repoDir, "out-cfg.yml"), "extends: ../outside/secret.yml\n")
	write(filepath.Join(repoDir, "link-cfg.yml"), "extends: ./secret.yml\n")
	write(filepath.Join(repoDir, "services", "api", "ospolint.yml"), "extends: ../../policy.yml\n")
	if err := os.Symlink("/dev/zero", filepath.Join(repoDir, "zero.yml")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.yml"), filepath.Join(repoDir, "secret.yml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(repoDir, "fifo.yml"), 0o644); err != nil {
		t.Skip(err)
	}
	in := func(p string) string { return filepath.Join(repoDir, p) }
	target := in("services/api")

	tests := []struct {
		name, config, want string
	}{
		{"extends a link to /dev/zero", in("zero-cfg.yml"), "zero.yml is a symbolic link leading outside the repository"},
		{"extends a path out of the repository", in("out-cfg.yml"), `"../outside/secret.yml" leads outside the repository`},
		{"extends a link out of the repository", in("link-cfg.yml"), "secret.yml is a symbolic link leading outside the repository"},
		{"is a link out of the repository", in("secret.yml"), "secret.yml is a symbolic link leading outside the repository"},
		{"is a named pipe", in("fifo.yml"), "fifo.yml is not a regular file (a named pipe)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, nil, "scan", "--config", tt.config, target)
			r.want(t, cli.ExitUsage)
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", r.stderr, tt.want)
			}
			if strings.Contains(r.stderr+r.stdout, "hunter2") {
				t.Errorf("the output shows a file from outside the repository:\n%s%s", r.stderr, r.stdout)
			}
		})
	}

	// A subdirectory target (the Action's path input) may use a
	// configuration anywhere in its repository, extending files beside it.
	r := run(t, nil, "scan", "--config", in("services/api/ospolint.yml"), "--format", "json", target)
	r.want(t, cli.ExitFindings)
	if got := parseReport(t, r.stdout).findings(); len(got) != 1 || got[0] != "readme README.md" {
		t.Errorf("findings with policy.yml = %q, want the readme one alone", got)
	}
}
