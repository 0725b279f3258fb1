// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func paths(ix *Index) []string {
	out := make([]string, 0, ix.Len())
	for _, e := range ix.Files() {
		out = append(out, e.Path)
	}
	return out
}

func TestWalkGitignore(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]fileSpec{
		".gitignore":            {content: "# build output\n*.log\n!keep.log\nbuild/\n/rootonly.txt\r\ndist\n\n"},
		".git/info/exclude":     {content: "secret.env\n"},
		".git/HEAD":             {content: "ref: refs/heads/main\n"},
		"a.log":                 {content: "x"},
		"keep.log":              {content: "x"},
		"build/out.o":           {content: "x"},
		"rootonly.txt":          {content: "x"},
		"dist/app.js":           {content: "x"},
		"secret.env":            {content: "x"},
		"src/main.go":           {content: "x"},
		"src/build/gen.go":      {content: "x"},
		"src/build.go":          {content: "x"},
		"src/debug.log":         {content: "x"},
		"sub/.gitignore":        {content: "*.tmp\n!important.tmp\nlocal/\n"},
		"sub/rootonly.txt":      {content: "x"},
		"sub/x.tmp":             {content: "x"},
		"sub/important.tmp":     {content: "x"},
		"sub/local/cache.bin":   {content: "x"},
		"sub/deeper/y.tmp":      {content: "x"},
		"sub/deeper/keep.log":   {content: "x"},
		"other/x.tmp":           {content: "x"},
		"other/local/kept.txt":  {content: "x"},
		"vendor/lib/lib.go":     {content: "x"},
		"docs/vendor/readme.md": {content: "x"},
		"third_party/x.c":       {content: "x"},
	})
	var (
		mu   sync.Mutex
		seen []string
	)
	exclude := func(p string, isDir bool) bool {
		mu.Lock()
		seen = append(seen, p)
		mu.Unlock()
		return (p == "vendor" && isDir) || strings.HasPrefix(p, "third_party")
	}
	ix, problems := walkWithin(t, openWorktree(t, dir), WalkOptions{Exclude: exclude, Workers: 3})
	want := []string{
		".gitignore",
		"docs/vendor/readme.md",
		"keep.log",
		"other/local/kept.txt",
		"other/x.tmp",
		"src/build.go",
		"src/main.go",
		"sub/.gitignore",
		"sub/deeper/keep.log",
		"sub/important.tmp",
		"sub/rootonly.txt",
	}
	if d := cmp.Diff(want, paths(ix)); d != "" {
		t.Errorf("index (-want +got):\n%s", d)
	}
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	for _, p := range seen {
		if strings.HasPrefix(p, "vendor/") || strings.HasPrefix(p, ".git/") || strings.HasPrefix(p, "build/") {
			t.Errorf("walk descended into a pruned directory: Exclude saw %q", p)
		}
	}
}

// TestWalkRevisionIgnoresGitignore: a revision holds tracked files only, so
// its .gitignore describes what was left out, not what to hide.
func TestWalkRevisionIgnoresGitignore(t *testing.T) {
	fsys := fstest.MapFS{
		".gitignore":  {Data: []byte("*.log\n")},
		"tracked.log": {Data: []byte("forced in with git add -f\n")},
	}
	ix, _ := walkWithin(t, &Repo{FS: fsys, Ignore: false}, WalkOptions{})
	if _, ok := ix.Lookup("tracked.log"); !ok {
		t.Errorf("index = %v, want tracked.log", paths(ix))
	}
	ix, _ = walkWithin(t, &Repo{FS: fsys, Ignore: true}, WalkOptions{})
	if _, ok := ix.Lookup("tracked.log"); ok {
		t.Errorf("index = %v, want tracked.log ignored on a working tree", paths(ix))
	}
}

func TestWalkDeepAndWide(t *testing.T) {
	fsys := fstest.MapFS{}
	var want []string
	p := ""
	for i := 0; i < 20; i++ {
		p += "level/"
		f := p + "file.txt"
		fsys[f] = &fstest.MapFile{Data: []byte("x")}
		want = append(want, f)
	}
	for i := 0; i < 300; i++ {
		f := "wide/" + strings.Repeat("w", i%7+1) + "/" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ".md"
		fsys[f] = &fstest.MapFile{Data: []byte("x")}
		want = append(want, f)
	}
	ix, problems := walkWithin(t, &Repo{FS: fsys}, WalkOptions{Workers: 8})
	if ix.Len() != len(want) || len(problems) != 0 {
		t.Errorf("walked %d files with problems %v, want %d", ix.Len(), problems, len(want))
	}
	for _, f := range want {
		if _, ok := ix.Lookup(f); !ok {
			t.Errorf("%s missing", f)
		}
	}
}

func TestWalkEmpty(t *testing.T) {
	ix, problems := walkWithin(t, &Repo{FS: fstest.MapFS{"a/b/c": {Mode: fs.ModeDir | 0o755}}}, WalkOptions{})
	if ix.Len() != 0 || len(problems) != 0 || ix.IsDir("a") || len(ix.InDir("")) != 0 {
		t.Errorf("empty tree: %v %v", ix.Files(), problems)
	}
}
