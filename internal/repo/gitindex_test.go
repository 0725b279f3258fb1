// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/google/go-cmp/cmp"
)

// TestIndexPathsMatchesGoGit reads indexes git writes — version 2, 3 (an
// intent-to-add entry needs the extended flags) and 4 (prefix-compressed
// names) — and lists the same names and modes as go-git's full decoder.
func TestIndexPathsMatchesGoGit(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	files := map[string]fileSpec{"run.sh": {content: "#!/bin/sh\n", mode: 0o755}}
	for i := range 40 {
		// Names of every length modulo 8, to cover the padding, sharing
		// prefixes for version 4.
		files[fmt.Sprintf("src/%s/f%d.go", strings.Repeat("d", i%9+1), i)] = fileSpec{content: fmt.Sprint(i)}
	}
	writeTree(t, dir, files)
	git := func(dir string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@e", "-c", "protocol.file.allow=always"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	sub := t.TempDir()
	writeTree(t, sub, map[string]fileSpec{"x": {content: "x"}})
	git(sub, "init", "-q")
	git(sub, "add", ".")
	git(sub, "commit", "-qm", "x")
	git(dir, "init", "-q")
	git(dir, "add", ".")
	git(dir, "submodule", "add", "-q", sub, "vendor/sub")
	writeTree(t, dir, map[string]fileSpec{"later.txt": {content: "later\n"}})
	git(dir, "add", "-N", "later.txt")
	for _, version := range []string{"2", "3", "4"} {
		if version != "3" {
			git(dir, "update-index", "--index-version", version)
		}
		t.Run("v"+version, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, ".git", "index"))
			if err != nil {
				t.Fatal(err)
			}
			idx := &index.Index{}
			if err := index.NewDecoder(bytes.NewReader(data)).Decode(idx); err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, e := range idx.Entries {
				want = append(want, fmt.Sprintf("%s %o", e.Name, uint32(e.Mode)))
			}
			if err := indexPaths(data, func(name string, mode uint32) { got = append(got, fmt.Sprintf("%s %o", name, mode)) }); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("entries (-go-git +indexPaths):\n%s", d)
			}
			if len(got) != len(files)+3 || !strings.Contains(strings.Join(got, "\n"), "vendor/sub 160000") {
				t.Errorf("%d entries, want %d with the submodule", len(got), len(files)+3)
			}
		})
	}
}

func TestIndexPathsRejectsDamage(t *testing.T) {
	good := []byte("DIRC\x00\x00\x00\x02\x00\x00\x00\x01" + strings.Repeat("\x00", 62))
	for name, data := range map[string][]byte{
		"empty":         nil,
		"no signature":  []byte("XXXX\x00\x00\x00\x02\x00\x00\x00\x00"),
		"version 9":     []byte("DIRC\x00\x00\x00\x09\x00\x00\x00\x00"),
		"truncated":     good[:40],
		"no name end":   good,
		"count too big": []byte("DIRC\x00\x00\x00\x02\xff\xff\xff\xff"),
	} {
		if err := indexPaths(data, func(string, uint32) {}); !errors.Is(err, errIndexFormat) {
			t.Errorf("%s: %v, want errIndexFormat", name, err)
		}
	}
}
