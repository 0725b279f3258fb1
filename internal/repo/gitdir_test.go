// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/google/go-cmp/cmp"
)

// writeIndex writes a git index tracking names (content hashes do not
// matter to the walk).
func writeIndex(t *testing.T, p string, names ...string) {
	t.Helper()
	idx := &index.Index{Version: 2}
	for _, n := range names {
		idx.Entries = append(idx.Entries, &index.Entry{Name: n, Mode: filemode.Regular, Hash: plumbing.ComputeHash(plumbing.BlobObject, []byte(n))})
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := index.NewEncoder(f).Encode(idx); err != nil {
		t.Fatal(err)
	}
}

// linkedWorktree lays out what `git worktree add` makes: a private git dir
// under the main repository's .git/worktrees holding HEAD, commondir and
// the worktree's index, and a .git file in the worktree pointing to it.
func linkedWorktree(t *testing.T, main string, head string) (wt, private string) {
	t.Helper()
	wt = t.TempDir()
	private = filepath.Join(main, ".git", "worktrees", "wt")
	writeTree(t, private, map[string]fileSpec{
		"HEAD":      {content: head + "\n"},
		"commondir": {content: "../..\n"},
		"gitdir":    {content: filepath.Join(wt, ".git") + "\n"},
	})
	writeTree(t, wt, map[string]fileSpec{".git": {content: "gitdir: " + private + "\n"}})
	return wt, private
}

func TestOpenRevisionGitFile(t *testing.T) {
	dir, first, second := revisionRepo(t)
	r, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	head, err := r.Head()
	if err != nil {
		t.Fatal(err)
	}
	branch := head.Name().Short()

	// A submodule's .git file names its git dir relative to itself.
	sub := t.TempDir()
	rel, err := filepath.Rel(sub, filepath.Join(dir, ".git"))
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, sub, map[string]fileSpec{".git": {content: "gitdir: " + rel + "\n"}, "docs/x.txt": {content: "x"}})
	wt, _ := linkedWorktree(t, dir, first.String())
	broken := t.TempDir()
	writeTree(t, broken, map[string]fileSpec{".git": {content: "not a pointer\n"}})
	dangling := t.TempDir()
	writeTree(t, dangling, map[string]fileSpec{".git": {content: "gitdir: ../nowhere/.git\n"}})

	for _, tc := range []struct {
		name, dir, ref string
		want           plumbing.Hash
		err            error
		file           string // a file the view must hold
	}{
		{"relative gitdir", sub, "HEAD", second, nil, "README.md"},
		// The subtree of the revision, as for a working tree below the top.
		{"below a gitdir file", filepath.Join(sub, "docs"), "HEAD", second, nil, "GPL-2.0.txt"},
		{"linked worktree, own HEAD", wt, "HEAD", first, nil, "README.md"},
		{"linked worktree, shared branch", wt, branch, second, nil, "README.md"},
		{"no gitdir line", broken, "HEAD", plumbing.ZeroHash, ErrNotGitRepo, ""},
		{"gitdir missing", dangling, "HEAD", plumbing.ZeroHash, ErrNotGitRepo, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := OpenRevision(tc.dir, tc.ref)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("error %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer got.Close()
			if got.Revision != tc.want.String() {
				t.Errorf("revision %s, want %s", got.Revision, tc.want)
			}
			if _, err := ReadHead(got.FS, tc.file, 64); err != nil {
				t.Errorf("%s: %v", tc.file, err)
			}
		})
	}
}

// TestWalkKeepsTrackedFiles: .gitignore hides untracked files only; a file
// added with -f is tracked and stays in a working-tree scan.
func TestWalkKeepsTrackedFiles(t *testing.T) {
	files := map[string]fileSpec{
		".gitignore":         {content: "*.md\nbuild/\n"},
		"README.md":          {content: "# forced\n"},
		"notes.md":           {content: "untracked\n"},
		"docs/guide.md":      {content: "forced too\n"},
		"docs/draft.md":      {content: "untracked\n"},
		"build/keep.txt":     {content: "tracked in an ignored directory\n"},
		"build/out.o":        {content: "untracked\n"},
		"build/sub/gen.go":   {content: "tracked deeper\n"},
		"build/other/x.o":    {content: "untracked\n"},
		"src/main.go":        {content: "package main\n"},
		"src/untracked.go":   {content: "package main\n"},
		"vendor/kept.md":     {content: "tracked, excluded by the caller\n"},
		"vendor/lib/lib.go":  {content: "x\n"},
		"src/generated.json": {content: "{}\n"},
	}
	tracked := []string{".gitignore", "README.md", "docs/guide.md", "build/keep.txt", "build/sub/gen.go", "src/main.go", "vendor/kept.md"}

	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, files)
	wt, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range tracked {
		// Worktree.Add with a path ignores .gitignore, like git add -f.
		if _, err := wt.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	if idx, err := r.Storer.Index(); err != nil || len(idx.Entries) != len(tracked) {
		t.Fatalf("index holds %v, %v; want %d entries", idx, err, len(tracked))
	}

	plain := t.TempDir()
	writeTree(t, plain, files)

	exclude := func(p string, _ bool) bool { return strings.HasPrefix(p, "vendor") }
	for _, tc := range []struct {
		name string
		dir  string
		want []string
	}{
		{"git worktree", dir, []string{
			".gitignore", "README.md", "build/keep.txt", "build/sub/gen.go",
			"docs/guide.md", "src/generated.json", "src/main.go", "src/untracked.go",
		}},
		{"plain directory", plain, []string{".gitignore", "src/generated.json", "src/main.go", "src/untracked.go"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, problems := walkWithin(t, openWorktree(t, tc.dir), WalkOptions{Exclude: exclude})
			if d := cmp.Diff(tc.want, paths(ix)); d != "" {
				t.Errorf("index (-want +got):\n%s", d)
			}
			if len(problems) != 0 {
				t.Errorf("problems: %v", problems)
			}
		})
	}
}

// TestWalkGitFile: in a linked worktree or a submodule .git is a file; it is
// not content, and info/exclude comes from the git dir it points to.
func TestWalkGitFile(t *testing.T) {
	main := t.TempDir()
	if _, err := git.PlainInit(main, false); err != nil {
		t.Fatal(err)
	}
	writeTree(t, main, map[string]fileSpec{".git/info/exclude": {content: "secret.env\n"}})
	wt, private := linkedWorktree(t, main, plumbing.ZeroHash.String())
	writeTree(t, wt, map[string]fileSpec{
		".gitignore":  {content: "*.md\n"},
		"README.md":   {content: "tracked\n"},
		"notes.md":    {content: "untracked\n"},
		"secret.env":  {content: "excluded\n"},
		"src/main.go": {content: "package main\n"},
	})
	writeIndex(t, filepath.Join(private, "index"), ".gitignore", "README.md", "src/main.go")

	// A submodule whose git dir has no info/exclude and no index.
	sub := t.TempDir()
	modules := t.TempDir()
	writeTree(t, modules, map[string]fileSpec{"HEAD": {content: "ref: refs/heads/main\n"}})
	writeTree(t, sub, map[string]fileSpec{
		".git":       {content: "gitdir: " + modules + "\n"},
		"README.md":  {content: "# sub\n"},
		"inner/.git": {content: "gitdir: ../../elsewhere\n"},
		"inner/a.go": {content: "package a\n"},
	})

	// A .git symlink leading outside the tree, which os.Root will not follow.
	linked := t.TempDir()
	writeTree(t, linked, map[string]fileSpec{
		".git":       {link: filepath.Join(main, ".git")},
		"secret.env": {content: "excluded\n"},
		"a.go":       {content: "package a\n"},
	})

	for _, tc := range []struct {
		name, dir string
		want      []string
	}{
		{"linked worktree", wt, []string{".gitignore", "README.md", "src/main.go"}},
		{"submodule", sub, []string{"README.md", "inner/a.go"}},
		{".git symlink", linked, []string{"a.go"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, problems := walkWithin(t, openWorktree(t, tc.dir), WalkOptions{})
			if d := cmp.Diff(tc.want, paths(ix)); d != "" {
				t.Errorf("index (-want +got):\n%s", d)
			}
			if len(problems) != 0 {
				t.Errorf("problems: %v", problems)
			}
		})
	}
}

// fifoDir makes a directory holding a named pipe, a link to it and a
// regular file.
func fifoDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	writeTree(t, dir, map[string]fileSpec{"pipe-link": {link: "pipe"}, "ok.txt": {content: "ok\n"}, "sub/x": {content: "x"}})
	return dir
}

// within fails the test when f has not returned within hangGuard; f is
// left running.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(hangGuard):
		t.Fatalf("blocked for %v", hangGuard)
	}
}

func TestReadRefusesSpecialFiles(t *testing.T) {
	dir := fifoDir(t)
	r := openWorktree(t, dir)
	for _, p := range []string{"pipe", "pipe-link", "sub"} {
		within(t, func() {
			if _, err := ReadFile(r.FS, p, 1<<20); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("ReadFile(%s) = %v, want ErrNotRegular", p, err)
			}
			if _, err := ReadHead(r.FS, p, 512); !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadHead(%s) = %v, want ErrNotRegular", p, err)
			}
			if _, err := ReadFile(os.DirFS(dir), p, 1<<20); !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadFile(os.DirFS, %s) = %v, want ErrNotRegular", p, err)
			}
		})
	}
	if _, err := ReadFile(r.FS, "missing", 1<<20); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v, want fs.ErrNotExist", err)
	}
	if got, err := ReadHead(r.FS, "ok.txt", 512); err != nil || string(got) != "ok\n" {
		t.Errorf("ReadHead(ok.txt) = %q, %v", got, err)
	}
}

// TestWalkGitFifos: pipes where git files belong must not block the walk.
func TestWalkGitFifos(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]fileSpec{".git/HEAD": {content: "ref: refs/heads/main\n"}, "README.md": {content: "# x\n"}})
	if err := os.MkdirAll(filepath.Join(dir, ".git", "info"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{".git/info/exclude", ".git/index"} {
		if err := syscall.Mkfifo(filepath.Join(dir, filepath.FromSlash(p)), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	ix, problems := walkWithin(t, openWorktree(t, dir), WalkOptions{})
	if d := cmp.Diff([]string{"README.md"}, paths(ix)); d != "" {
		t.Errorf("index (-want +got):\n%s", d)
	}
	for _, p := range []string{".git/info/exclude", ".git/index"} {
		if pr, ok := problemAt(problems, p); !ok || !strings.Contains(pr.Message, "not a regular file") {
			t.Errorf("problem for %s = %+v, want not a regular file (all: %v)", p, pr, problems)
		}
	}
}

func TestIsURL(t *testing.T) {
	for target, want := range map[string]bool{
		"https://github.com/o/r":              true,
		"HTTPS://github.com/o/r":              true,
		"http://example.com/r.git":            true,
		"file:///srv/r":                       true,
		"ssh://git@example.com/o/r":           true,
		"git://example.com/o/r":               true,
		"git@github.com:o/r.git":              true,
		"https://ada:p%zz@exa mple.com/o/r":   true,
		"https://ada:secret@exa mple.com/o/r": true,
		".":                                   false,
		"/tmp/repo":                           false,
		"repo":                                false,
		"git@":                                false,
		"git@/tmp:x":                          false,
		"./https://x":                         false,
		"gopher://example.com/r":              false,
	} {
		if got := IsURL(target); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", target, got, want)
		}
	}
}

func TestOpenURLs(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	for _, tc := range []struct {
		name, target, ref string
		want              error
		text              string
	}{
		{"ref with a url", "https://github.com/o/r", "v1.0.0", ErrRefWithURL, "--ref applies to local repositories"},
		{"ref with credentials", "https://ada:" + fakeToken + "@github.com/o/r", "main", ErrRefWithURL, "open https://github.com/o/r"},
		{"ref with scp syntax", "git@github.com:o/r.git", "main", ErrRefWithURL, "git@github.com:o/r.git"},
		{"unparsable url with credentials", "https://ada:" + fakeToken + "@exa mple.com/o/r", "", nil, "clone https://exa mple.com/o/r"},
		{"unknown scheme with credentials", "gopher://ada:" + fakeToken + "@example.com/r", "", nil, "unsupported URL scheme"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Open(ctx, tc.target, OpenOptions{Ref: tc.ref})
			if err == nil {
				_ = r.Close()
				t.Fatal("no error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v is not %v", err, tc.want)
			}
			if strings.Contains(err.Error(), fakeToken) {
				t.Errorf("token leaked: %v", err)
			}
			if !strings.Contains(err.Error(), tc.text) {
				t.Errorf("error %q does not mention %q", err, tc.text)
			}
		})
	}
}

// TestTrackedSetKeeps: a directory is kept when a tracked path lies below
// it, whatever sorts between it and its files ("build-x", "build.c" come
// before "build/"), or when the index lists it as a directory (a
// submodule, a sparse index's directory entry).
func TestTrackedSetKeeps(t *testing.T) {
	set := trackedSet{paths: []string{"build-x/a", "build.c", "build/sub/gen.go", "build0/z", "lib/mod", "sparse/dir"},
		dirs: map[string]bool{"lib/mod": true, "sparse/dir": true}}
	for _, tt := range []struct {
		p     string
		isDir bool
		want  bool
	}{
		{"build", true, true}, {"build/sub", true, true}, {"build/su", true, false}, {"build/sub/gen.go", false, true},
		{"build.c", false, true}, {"build", false, false}, {"buil", true, false}, {"build-x", true, true},
		{"lib", true, true}, {"lib/mod", true, true}, {"sparse/dir", true, true}, {"sparse", true, true},
		{"zzz", true, false}, {"zzz", false, false}, {"build0", true, true}, {"build0/z", false, true}, {"build/z", false, false},
	} {
		if got := set.keeps(tt.p, tt.isDir); got != tt.want {
			t.Errorf("keeps(%q, dir=%v) = %v, want %v", tt.p, tt.isDir, got, tt.want)
		}
		// The walk asks the part of the set below the path's directory.
		dir := ""
		if i := strings.LastIndexByte(tt.p, '/'); i >= 0 {
			dir = tt.p[:i]
		}
		if got := set.under(dir).keeps(tt.p, tt.isDir); got != tt.want {
			t.Errorf("under(dir of %q).keeps(dir=%v) = %v, want %v", tt.p, tt.isDir, got, tt.want)
		}
	}
	if (trackedSet{}).keeps("a", false) || (trackedSet{}).keeps("a", true) {
		t.Error("an empty set keeps a path")
	}
}
