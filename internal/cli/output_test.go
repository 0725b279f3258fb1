// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ospolint/ospolint/internal/cli"
)

// Output paths that are not plain files are written through, never replaced
// by a regular file (as root, `-f json=/dev/stdout` once replaced
// /dev/stdout); plain files are replaced whole.
func TestOutputsWriteThroughWhatIsNotAFile(t *testing.T) {
	dir := writeRepo(t, map[string]string{"main.go": "package main\n"})

	t.Run("/dev/stdout is standard output", func(t *testing.T) {
		r := run(t, nil, "scan", "-f", "json=/dev/stdout", "-f", "text=-", dir)
		r.want(t, cli.ExitFindings)
		if !strings.HasPrefix(r.stdout, "{") || !strings.Contains(r.stdout, "(worktree") {
			t.Errorf("stdout holds neither the JSON nor the text report:\n%s", r.stdout)
		}
	})

	t.Run("a link to a descriptor in /proc stays a link", func(t *testing.T) {
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer pr.Close()
		link := filepath.Join(t.TempDir(), "stdout")
		fdPath := "/proc/self/fd/" + strconv.Itoa(int(pw.Fd()))
		if _, err := os.Stat(fdPath); err != nil {
			t.Skipf("no /proc: %v", err)
		}
		if err := os.Symlink(fdPath, link); err != nil {
			t.Skip(err)
		}
		got := make(chan string, 1)
		go func() {
			data, _ := io.ReadAll(pr)
			got <- string(data)
		}()
		r := run(t, nil, "scan", "-f", "json="+link, dir)
		pw.Close()
		r.want(t, cli.ExitFindings)
		if out := <-got; !strings.Contains(out, `"schemaVersion"`) {
			t.Errorf("the pipe behind the link got no report: %q", out)
		}
		wantLink(t, link)
	})

	t.Run("a link to a regular file stays a link", func(t *testing.T) {
		d := t.TempDir()
		target, link := filepath.Join(d, "real.json"), filepath.Join(d, "report.json")
		if err := os.WriteFile(target, []byte(strings.Repeat("old report\n", 5000)), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("real.json", link); err != nil {
			t.Skip(err)
		}
		run(t, nil, "scan", "-f", "json="+link, dir).want(t, cli.ExitFindings)
		wantLink(t, link)
		data, err := os.ReadFile(target)
		if err != nil || !strings.HasPrefix(string(data), "{") || strings.Contains(string(data), "old report") {
			t.Errorf("the linked file holds %.80q (%v), want the new report alone", data, err)
		}
	})

	t.Run("a named pipe stays a pipe", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "report.fifo")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skip(err)
		}
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- err.Error()
				return
			}
			defer f.Close()
			data, _ := io.ReadAll(f)
			got <- string(data)
		}()
		run(t, nil, "scan", "-f", "sarif="+fifo, dir).want(t, cli.ExitFindings)
		select {
		case out := <-got:
			if !strings.Contains(out, `"2.1.0"`) {
				t.Errorf("the reader got %.80q, want the SARIF report", out)
			}
		case <-time.After(time.Minute):
			t.Fatal("the reader of the pipe got nothing")
		}
		if info, err := os.Lstat(fifo); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the pipe was replaced: %v %v", info.Mode(), err)
		}
	})

	t.Run("a regular file is replaced whole and keeps its mode", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "report.json")
		if err := os.WriteFile(out, []byte(strings.Repeat("x", 1<<20)), 0o600); err != nil {
			t.Fatal(err)
		}
		run(t, nil, "scan", "-f", "json="+out, dir).want(t, cli.ExitFindings)
		info, err := os.Stat(out)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("mode after the rewrite: %v %v, want 0600", info.Mode(), err)
		}
		parseReport(t, readFile(t, out))
		left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp*"))
		if len(left) > 0 {
			t.Errorf("temporary files left behind: %q", left)
		}
	})
}

func wantLink(t *testing.T, p string) {
	t.Helper()
	if info, err := os.Lstat(p); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link (%v, %v)", p, info.Mode(), err)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A report that cannot be written is exit 3 with the cause, not a usage
// error; the other outputs are still written. A path that can never be
// written is a usage error found before the scan.
func TestOutputErrors(t *testing.T) {
	dir := writeRepo(t, map[string]string{"main.go": "package main\n"})
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	text := filepath.Join(t.TempDir(), "report.txt")
	r := run(t, nil, "scan", "-f", "json=/dev/full", "-f", "text="+text, dir)
	r.want(t, cli.ExitTarget)
	if !strings.Contains(r.stderr, "write /dev/full: no space left on device") {
		t.Errorf("stderr %q does not give the cause", r.stderr)
	}
	if !strings.Contains(readFile(t, text), "README.md") {
		t.Error("the text report was not written after the JSON one failed")
	}

	r = run(t, nil, "sbom", "--output", "/dev/full", filepath.Join("..", ".."))
	r.want(t, cli.ExitTarget)
	if !strings.Contains(r.stderr, "no space left on device") {
		t.Errorf("sbom stderr %q does not give the cause", r.stderr)
	}

	usage := []struct {
		name string
		args []string
		want string
	}{
		{"a directory", []string{"-f", "json=" + t.TempDir()}, "is a directory"},
		{"a missing directory", []string{"-f", "json=" + filepath.Join(t.TempDir(), "no", "r.json")}, "no such file or directory"},
		{"one file twice", []string{"-f", "json=" + text, "-f", "sarif=" + text}, "json and sarif are both written to"},
	}
	for _, tt := range usage {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, nil, append(append([]string{"scan"}, tt.args...), dir)...)
			r.want(t, cli.ExitUsage)
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", r.stderr, tt.want)
			}
		})
	}
}

// ospolint sbom writes through the same helper: a link stays a link, a
// directory is a usage error before any work.
func TestSBOMOutputUsesTheHelper(t *testing.T) {
	root := filepath.Join("..", "..")
	d := t.TempDir()
	target, link := filepath.Join(d, "real.spdx.json"), filepath.Join(d, "sbom.spdx.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.spdx.json", link); err != nil {
		t.Skip(err)
	}
	run(t, nil, "sbom", "--output", link, root).want(t, cli.ExitOK)
	wantLink(t, link)
	if data := readFile(t, target); !strings.Contains(data, `"spdxVersion"`) {
		t.Errorf("the linked file holds %.80q, want the SBOM", data)
	}
	r := run(t, nil, "sbom", "--output", d, root)
	r.want(t, cli.ExitUsage)
	if !strings.Contains(r.stderr, "is a directory") {
		t.Errorf("stderr %q does not say the output is a directory", r.stderr)
	}
}

// fullWriter is a standard output that takes nothing, like /dev/full.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// Every command's output that cannot be written is exit 3 with the cause,
// as the scan's reports are: not a usage error, and for fix --check not a
// verdict about the tree.
func TestStandardOutputErrors(t *testing.T) {
	dir := writeRepo(t, map[string]string{"main.go": "package main\n"})
	for _, args := range [][]string{
		{"checks"},
		{"checks", "--format", "json"},
		{"explain", "readme"},
		{"rules"},
		{"rules", "default"},
		{"fix", "--dry-run", "--no-community", "--license", "MIT", "--copyright", "Example Corp", dir},
		{"fix", "--check", "--no-community", "--license", "MIT", "--copyright", "Example Corp", dir},
	} {
		t.Run(strings.Join(args[:min(2, len(args))], " "), func(t *testing.T) {
			var stderr strings.Builder
			code := cli.Run(t.Context(), args, fullWriter{}, &stderr, noEnv)
			if code != cli.ExitTarget {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, cli.ExitTarget, stderr.String())
			}
			if !strings.Contains(stderr.String(), "write standard output: no space left on device") {
				t.Errorf("stderr %q does not give the cause", stderr.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "LICENSES")); err == nil {
		t.Error("fix --dry-run or --check changed the tree")
	}
}
