// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "report.json")
	big := strings.Repeat("x", 200<<10) // more than the buffer
	if err := Write(name, 0o640, write(big)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil || string(data) != big {
		t.Fatalf("read back %d bytes, %v", len(data), err)
	}
	if info, _ := os.Stat(name); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}

	// A failing fill leaves the previous file as it was, and no
	// temporary file behind.
	boom := errors.New("boom")
	err = Write(name, 0o644, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want fill's", err)
	}
	if data, _ := os.ReadFile(name); string(data) != big {
		t.Errorf("the previous file changed after a failed write")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func TestWriteReplacesALinkWithoutFollowingIt(t *testing.T) {
	dir := t.TempDir()
	elsewhere := filepath.Join(t.TempDir(), "target")
	if err := os.WriteFile(elsewhere, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "summary.json")
	if err := os.Symlink(elsewhere, name); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Write(name, 0o644, write("new\n")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(elsewhere); string(data) != "keep\n" {
		t.Errorf("the link's target was written: %q", data)
	}
	if info, err := os.Lstat(name); err != nil || !info.Mode().IsRegular() {
		t.Errorf("%s is not a regular file now: %v", name, err)
	}
}

func TestWriteErrorNamesNoTemporaryFile(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "missing", "x.json"), 0o644, write("x"))
	if err == nil || strings.Contains(err.Error(), ".tmp-") || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want the cause alone", err)
	}
}

func TestTempPatternMatchesWhatWriteLeaves(t *testing.T) {
	if ok, _ := filepath.Match(TempPattern("index.html"), ".index.html.tmp-12345"); !ok {
		t.Error("TempPattern does not match a temporary name")
	}
	if ok, _ := filepath.Match(TempPattern("index.html"), ".tmp-notes"); ok {
		t.Error("TempPattern matches a file of someone else's")
	}
}
