// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package config_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ospolint/ospolint/internal/config"
)

// hostileDir writes a repository directory beside an "outside" directory
// holding a secret, as a pull request would find them on a CI runner.
func hostileDir(t *testing.T, files map[string]string) (repoDir, outside string) {
	t.Helper()
	base := t.TempDir()
	repoDir, outside = filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for _, d := range []string{repoDir, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	secret := "password: hunter2-the-secret\n"
	for _, name := range []string{"secret.yml", "secret"} {
		if err := os.WriteFile(filepath.Join(outside, name), []byte(secret), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(repoDir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return repoDir, outside
}

// loadWithin loads name from dir the way the command line loads --config
// inside a repository, and fails the test when it takes too long: a pipe or
// an endless device must never be waited on.
func loadWithin(t *testing.T, dir, name string) error {
	t.Helper()
	src, closer, err := config.OpenDir(dir, "", "the repository")
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	done := make(chan error, 1)
	go func() {
		_, err := config.Load(src, name, "")
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatalf("loading %s does not return", name)
		return nil
	}
}

func TestLoaderRefusesHostileFiles(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, repoDir, outside string)
		top   string
		want  string // a part of the error
	}{
		{
			name:  "extends a link to /dev/zero",
			files: map[string]string{"cfg.yml": "extends: ./zero.yml\n"},
			setup: func(t *testing.T, repoDir, _ string) { symlink(t, "/dev/zero", filepath.Join(repoDir, "zero.yml")) },
			top:   "cfg.yml",
			want:  "cfg.yml:1: extends: zero.yml is a symbolic link leading outside the repository",
		},
		{
			name:  "extends a path out of the repository",
			files: map[string]string{"cfg.yml": "extends: ../outside/secret.yml\n"},
			top:   "cfg.yml",
			want:  `cfg.yml:1: extends: "../outside/secret.yml" leads outside the repository`,
		},
		{
			name:  "extends a deep path out of the repository without a YAML name",
			files: map[string]string{"cfg.yml": "extends: ../../../../../../etc/shadow\n"},
			top:   "cfg.yml",
			want:  "nor a .yml or .yaml file",
		},
		{
			name:  "extends a link out of the repository",
			files: map[string]string{"cfg.yml": "extends: ./link.yml\n"},
			setup: func(t *testing.T, repoDir, outside string) {
				symlink(t, filepath.Join(outside, "secret.yml"), filepath.Join(repoDir, "link.yml"))
			},
			top:  "cfg.yml",
			want: "link.yml is a symbolic link leading outside the repository",
		},
		{
			name:  "extends a relative link out of the repository",
			files: map[string]string{"cfg.yml": "extends: ./link.yml\n"},
			setup: func(t *testing.T, repoDir, _ string) {
				symlink(t, "../outside/secret.yml", filepath.Join(repoDir, "link.yml"))
			},
			top:  "cfg.yml",
			want: "link.yml is a symbolic link leading outside the repository",
		},
		{
			name:  "extends an absolute path",
			files: map[string]string{"cfg.yml": "extends: /etc/ospolint.yml\n"},
			top:   "cfg.yml",
			want:  "is an absolute path",
		},
		{
			name:  "the top file is a named pipe",
			setup: func(t *testing.T, repoDir, _ string) { mkfifo(t, filepath.Join(repoDir, "fifo.yml")) },
			top:   "fifo.yml",
			want:  "fifo.yml is not a regular file (a named pipe)",
		},
		{
			name:  "extends a named pipe",
			files: map[string]string{"cfg.yml": "extends: ./fifo.yml\n"},
			setup: func(t *testing.T, repoDir, _ string) { mkfifo(t, filepath.Join(repoDir, "fifo.yml")) },
			top:   "cfg.yml",
			want:  "cfg.yml:1: extends: fifo.yml is not a regular file (a named pipe)",
		},
		{
			name:  "extends a directory",
			files: map[string]string{"cfg.yml": "extends: ./dir.yml\n"},
			setup: func(t *testing.T, repoDir, _ string) {
				if err := os.Mkdir(filepath.Join(repoDir, "dir.yml"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			top:  "cfg.yml",
			want: "dir.yml is not a regular file (a directory)",
		},
		{
			name:  "a file over the size cap",
			files: map[string]string{"big.yml": "description: " + strings.Repeat("x", config.MaxFileSize) + "\n"},
			top:   "big.yml",
			want:  "big.yml is larger than 1048576 bytes",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repoDir, outside := hostileDir(t, tt.files)
			if tt.setup != nil {
				tt.setup(t, repoDir, outside)
			}
			err := loadWithin(t, repoDir, tt.top)
			if !errors.Is(err, config.ErrConfig) {
				t.Fatalf("Load = %v, want a configuration error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error %q shows the content of a file outside the repository", err)
			}
		})
	}
}

// An extended file may sit anywhere inside the source, up or down, and
// through links that stay inside it.
func TestLoaderFollowsPathsInside(t *testing.T) {
	repoDir, _ := hostileDir(t, map[string]string{
		"org.yml": "extends: []\nchecks:\n  readme: note\n",
	})
	if err := os.MkdirAll(filepath.Join(repoDir, "ci", "team"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repoDir, "ci", "team", "cfg.yml"), []byte("extends: ../link.yml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, "../org.yml", filepath.Join(repoDir, "ci", "link.yml"))
	src, closer, err := config.OpenDir(repoDir, "", "the repository")
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	c, err := config.Load(src, "ci/team/cfg.yml", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Checks["readme"].Level.String(); got != "note" {
		t.Errorf("readme level %s, want note from org.yml", got)
	}
}

func TestLoaderCapsExtendsChains(t *testing.T) {
	files := map[string]string{}
	for i := range 100 {
		files[chainName(i)] = "extends: ./" + chainName(i+1) + "\n"
	}
	files[chainName(100)] = "extends: []\n"
	repoDir, _ := hostileDir(t, files)
	err := loadWithin(t, repoDir, chainName(0))
	if err == nil || !strings.Contains(err.Error(), "more than 64 configuration files") {
		t.Fatalf("Load of a 101-file chain = %v, want the cap", err)
	}
}

func chainName(i int) string { return fmt.Sprintf("c%03d.yml", i) }

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("named pipes: %v", err)
	}
}

// A path swapped for a pipe between the check and the open must not block:
// OpenDir opens without waiting for a writer.
func TestOpenDirNeverWaitsOnAPipe(t *testing.T) {
	repoDir, _ := hostileDir(t, nil)
	mkfifo(t, filepath.Join(repoDir, "fifo.yml"))
	src, closer, err := config.OpenDir(repoDir, "", "the repository")
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	done := make(chan error, 1)
	go func() {
		f, err := src.FS.Open("fifo.yml")
		if err == nil {
			err = f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("open: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("opening a named pipe waits for a writer")
	}
}
