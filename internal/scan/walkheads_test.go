// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

// REUSE-IgnoreStart

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
)

// TestWalkHeadsAgree: a REUSE scan of a working tree, whose walk reads the
// files' heads (and whole files whose head lacks information) on its way,
// reports what the same scan reports when the file pass reads them: over an
// io/fs view of the same directory, which has no fast path. The tree holds
// what each path meets: headers, a tag below the first 4 KiB, files with no
// information, a binary, an empty file, a sidecar, a symlink, an ignored
// region, and a REUSE.toml below the root, which stops the walk's whole
// reads from where it is met without changing the result.
func TestWalkHeadsAgree(t *testing.T) {
	dir := t.TempDir()
	filler := strings.Repeat("int x; /* some code that is not licensing information */\n", 90) // > 4 KiB
	files := map[string]string{
		"a.c":              "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2024 A\nint a;\n",
		"big.c":            "// SPDX-FileCopyrightText: 2024 B\n" + filler + "// SPDX-License-Identifier: MIT\n",
		"nothing.txt":      filler,
		"prose.md":         filler + "2. Grant of Copyright License. Each contributor grants...\n",
		"blob.bin":         "\x00\x01\x02" + filler,
		"empty.c":          "",
		"logo.png":         "\x89PNG\r\n\x1a\n\x00",
		"logo.png.license": "SPDX-License-Identifier: MIT\nSPDX-FileCopyrightText: 2024 L\n",
		"ignored.sh":       "# SPDX-License-Identifier: MIT\n# REUSE-" + "IgnoreStart\necho 'SPDX-License-Identifier: GPL-3.0'\n# REUSE-" + "IgnoreEnd\n# Copyright 2024 I\n",
		"LICENSES/MIT.txt": "MIT License\n",
		"sub/REUSE.toml":   "version = 1\n[[annotations]]\npath = \"**\"\nSPDX-FileCopyrightText = \"2024 S\"\nSPDX-License-Identifier = \"MIT\"\n",
		"sub/deep/x.c":     filler,
		"sub/deep/y.c":     "// SPDX-License-Identifier: Apache-2.0\n" + filler,
		"other/z.c":        filler + "/* Copyright 2020 Z */\n",
		"other/w.c":        "/* SPDX-License-Identifier: BSD-3-Clause */\n",
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.c", filepath.Join(dir, "link.c")); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadBuiltin("reuse")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := NewPlan(cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	scanJSON := func(r *repo.Repo) (string, *TargetResult) {
		res, err := Run(context.Background(), r, plan, Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.MarshalIndent(struct {
			F []Finding
			R any
		}{res.Findings, res.Facts.Reuse}, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		return string(b), res
	}
	wt, err := repo.OpenWorktree(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer wt.Close()
	got, res := scanJSON(wt)
	want, _ := scanJSON(&repo.Repo{Name: "fs", Kind: repo.KindWorktree, FS: os.DirFS(dir)})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the walk's reading differs from the file pass's (-file pass +walk):\n%s", diff)
	}
	if res.Files != len(files)+1 {
		t.Errorf("%d files scanned, want %d", res.Files, len(files)+1)
	}
	for _, s := range []string{"nothing.txt", "prose.md", "other/z.c"} {
		if !strings.Contains(got, s) {
			t.Errorf("%s is in no finding", s)
		}
	}
	if strings.Contains(got, `"big.c"`) || strings.Contains(got, "sub/deep/x.c") {
		t.Errorf("big.c (tag below 4 KiB) or sub/deep/x.c (REUSE.toml) reported:\n%s", got)
	}
	if runtime.GOOS == "linux" {
		read := 0
		ix, _, err := repo.Walk(context.Background(), wt, repo.WalkOptions{HeadBytes: 4096, Head: func(e repo.Entry, head []byte, whole repo.Whole) {
			if e.Path == "big.c" {
				data, err := whole.ReadAll(1<<20, nil)
				if err != nil || string(data) != files["big.c"] {
					t.Errorf("whole read of big.c: %q, %v", data, err)
				}
				if _, err := whole.ReadAll(10, nil); err == nil || !strings.Contains(err.Error(), "too large") {
					t.Errorf("whole read past the limit: %v", err)
				}
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ix.Files() {
			if e.HeadRead {
				read++
			} else if e.Path != "link.c" {
				t.Errorf("%s: head not read by the walk", e.Path)
			}
		}
		if read != len(files) {
			t.Errorf("the walk read %d heads, want %d (every regular file)", read, len(files))
		}
	}
}
