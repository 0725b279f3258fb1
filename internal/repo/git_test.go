// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/memory"
	"github.com/google/go-cmp/cmp"
)

const gpl = "GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n"

// sig is a fixed author so commits (and hashes) are reproducible.
func sig() *object.Signature {
	return &object.Signature{Name: "Ada", Email: "ada@example.org", When: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

// fileSpec describes one path of a test repository: content, or a symlink
// target when link is set.
type fileSpec struct {
	content string
	link    string
	mode    os.FileMode
}

// writeTree writes files into dir (creating parents); symlinks are created
// as symlinks.
func writeTree(t *testing.T, dir string, files map[string]fileSpec) {
	t.Helper()
	for p, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		_ = os.Remove(full)
		if f.link != "" {
			if err := os.Symlink(f.link, full); err != nil {
				t.Fatal(err)
			}
			continue
		}
		mode := f.mode
		if mode == 0 {
			mode = 0o644
		}
		if err := os.WriteFile(full, []byte(f.content), mode); err != nil {
			t.Fatal(err)
		}
	}
}

// commitAll stages every file of the worktree and commits it.
func commitAll(t *testing.T, r *git.Repository, msg string) plumbing.Hash {
	t.Helper()
	wt, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	h, err := wt.Commit(msg, &git.CommitOptions{Author: sig(), Committer: sig(), AllowEmptyCommits: true})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// revisionRepo builds a two-commit repository with symlinks of every kind,
// then dirties the working tree so tests can tell revision from worktree.
func revisionRepo(t *testing.T) (dir string, first, second plumbing.Hash) {
	t.Helper()
	dir = t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{
		"README.md": {content: "# demo v1\n"},
	})
	first = commitAll(t, r, "first")
	writeTree(t, dir, map[string]fileSpec{
		"README.md":          {content: "# demo v2\n"},
		"docs/GPL-2.0.txt":   {content: gpl},
		"src/a/b/c/deep.go":  {content: "package c\n"},
		"bin/run.sh":         {content: "#!/bin/sh\n", mode: 0o755},
		"COPYING":            {link: "docs/GPL-2.0.txt"},
		"docs/LICENSE":       {link: "../COPYING"},
		"docs/manual":        {link: "."},
		"escape":             {link: "../../etc/passwd"},
		"absolute":           {link: "/etc/passwd"},
		"loop/a":             {link: "b"},
		"loop/b":             {link: "a"},
		"dangling":           {link: "missing.txt"},
		"srclink":            {link: "src/a"},
		"docs/with space.md": {content: "spaces\n"},
	})
	second = commitAll(t, r, "second")
	// Changes after the commit must not show in the revision view.
	writeTree(t, dir, map[string]fileSpec{
		"README.md":     {content: "# dirty working tree\n"},
		"untracked.txt": {content: "not committed\n"},
	})
	return dir, first, second
}

func mustOpenRevision(t *testing.T, dir, ref string) *Repo {
	t.Helper()
	r, err := OpenRevision(dir, ref)
	if err != nil {
		t.Fatalf("OpenRevision(%q): %v", ref, err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

func TestOpenRevisionReadsCommittedTree(t *testing.T) {
	dir, first, second := revisionRepo(t)
	r := mustOpenRevision(t, dir, "HEAD")
	if r.Kind != KindRevision || r.Ignore || r.Revision != second.String() || r.Name != dir {
		t.Errorf("repo = {Kind %q, Ignore %v, Revision %s, Name %q}, want revision %s of %s", r.Kind, r.Ignore, r.Revision, r.Name, second, dir)
	}

	for _, tc := range []struct{ path, want string }{
		{"README.md", "# demo v2\n"},
		{"COPYING", gpl},
		{"docs/LICENSE", gpl},
		{"docs/manual/GPL-2.0.txt", gpl},
		{"srclink/b/c/deep.go", "package c\n"},
		{"docs/with space.md", "spaces\n"},
	} {
		got, err := ReadFile(r.FS, tc.path, 1<<20)
		if err != nil {
			t.Errorf("ReadFile(%s): %v", tc.path, err)
			continue
		}
		if string(got) != tc.want {
			t.Errorf("ReadFile(%s) = %q, want %q", tc.path, got, tc.want)
		}
	}

	for _, tc := range []struct{ path, want string }{
		{"escape", "outside the repository"},
		{"absolute", "outside the repository"},
		{"loop/a", "too many levels of symbolic links"},
		{"dangling", "file does not exist"},
		{"untracked.txt", "file does not exist"},
		{"README.md/x", "not a directory"},
		{"../x", "invalid argument"},
		{"/etc/passwd", "invalid argument"},
	} {
		_, err := r.FS.Open(tc.path)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open(%s) error = %v, want it to mention %q", tc.path, err, tc.want)
		}
	}
	if _, err := r.FS.Open("untracked.txt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(untracked.txt) = %v, want fs.ErrNotExist", err)
	}

	des, err := fs.ReadDir(r.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]fs.FileMode{}
	for _, de := range des {
		types[de.Name()] = de.Type()
	}
	wantTypes := map[string]fs.FileMode{
		"COPYING": fs.ModeSymlink, "README.md": 0, "absolute": fs.ModeSymlink, "bin": fs.ModeDir,
		"dangling": fs.ModeSymlink, "docs": fs.ModeDir, "escape": fs.ModeSymlink, "loop": fs.ModeDir,
		"src": fs.ModeDir, "srclink": fs.ModeSymlink,
	}
	if d := cmp.Diff(wantTypes, types); d != "" {
		t.Errorf("ReadDir(.) types (-want +got):\n%s", d)
	}

	info, err := fs.Stat(r.FS, "bin/run.sh")
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() != int64(len("#!/bin/sh\n")) || info.Mode() != 0o755 || info.Name() != "run.sh" {
		t.Errorf("Stat(bin/run.sh) = size %d mode %v name %q", info.Size(), info.Mode(), info.Name())
	}
	info, err = fs.Stat(r.FS, "COPYING")
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() != int64(len(gpl)) || !info.Mode().IsRegular() || info.Name() != "COPYING" {
		t.Errorf("Stat(COPYING) follows the link: size %d mode %v name %q", info.Size(), info.Mode(), info.Name())
	}
	linfo, err := fs.Lstat(r.FS, "COPYING")
	if err != nil {
		t.Fatal(err)
	}
	if linfo.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat(COPYING) mode = %v, want a symlink", linfo.Mode())
	}
	if target, err := fs.ReadLink(r.FS, "escape"); err != nil || target != "../../etc/passwd" {
		t.Errorf("ReadLink(escape) = %q, %v", target, err)
	}

	old := mustOpenRevision(t, dir, "HEAD~1")
	if old.Revision != first.String() {
		t.Errorf("HEAD~1 revision = %s, want %s", old.Revision, first)
	}
	if got, err := ReadFile(old.FS, "README.md", 1<<20); err != nil || string(got) != "# demo v1\n" {
		t.Errorf("HEAD~1 README.md = %q, %v", got, err)
	}
	if _, err := fs.Stat(old.FS, "COPYING"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("HEAD~1 has COPYING: %v", err)
	}
}

func TestOpenRevisionRefs(t *testing.T) {
	dir, first, second := revisionRepo(t)
	r, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.CreateTag("v1.0.0", first, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := r.CreateTag("v2.0.0", second, &git.CreateTagOptions{Tagger: sig(), Message: "release"}); err != nil {
		t.Fatal(err)
	}
	head, err := r.Head()
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "docs")
	for _, tc := range []struct {
		dir, ref string
		want     plumbing.Hash
	}{
		{dir, "HEAD", second},
		{dir, head.Name().Short(), second},
		{dir, "v1.0.0", first},
		{dir, "v2.0.0", second},
		{dir, second.String()[:7], second},
		{dir, first.String(), first},
		{dir, "HEAD^", first},
		{sub, "HEAD", second},
	} {
		got, err := OpenRevision(tc.dir, tc.ref)
		if err != nil {
			t.Errorf("OpenRevision(%s, %q): %v", tc.dir, tc.ref, err)
			continue
		}
		if got.Revision != tc.want.String() {
			t.Errorf("OpenRevision(%s, %q) = %s, want %s", tc.dir, tc.ref, got.Revision, tc.want)
		}
		_ = got.Close()
	}
}

func TestOpenRevisionErrors(t *testing.T) {
	dir, _, _ := revisionRepo(t)
	empty := t.TempDir()
	if _, err := git.PlainInit(empty, false); err != nil {
		t.Fatal(err)
	}
	plain := t.TempDir()
	for _, tc := range []struct {
		name, dir, ref string
		want           error
		text           string
	}{
		{"unknown branch", dir, "no-such-branch", ErrUnknownRevision, `unknown revision "no-such-branch"`},
		{"past the first commit", dir, "HEAD~5", ErrUnknownRevision, `unknown revision "HEAD~5"`},
		{"no commits", empty, "HEAD", ErrNoCommits, "has no commits yet"},
		{"no commits, named branch", empty, "main", ErrNoCommits, "has no commits yet"},
		{"not a repository", plain, "HEAD", ErrNotGitRepo, "not a git repository"},
		{"missing directory", filepath.Join(plain, "nope"), "HEAD", fs.ErrNotExist, "nope: no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := OpenRevision(tc.dir, tc.ref)
			if err == nil {
				_ = r.Close()
				t.Fatal("no error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v is not %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.text) {
				t.Errorf("error %q does not mention %q", err, tc.text)
			}
		})
	}
}

func TestWalkRevision(t *testing.T) {
	dir, _, _ := revisionRepo(t)
	r := mustOpenRevision(t, dir, "HEAD")
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	ix, problems, err := Walk(ctx, r, WalkOptions{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Path: "COPYING", Size: int64(len(gpl)), Symlink: true},
		{Path: "README.md", Size: 10},
		{Path: "absolute", Symlink: true, Escapes: true},
		{Path: "bin/run.sh", Size: 10},
		{Path: "dangling", Symlink: true, Escapes: true},
		{Path: "docs/GPL-2.0.txt", Size: int64(len(gpl))},
		{Path: "docs/LICENSE", Size: int64(len(gpl)), Symlink: true},
		{Path: "docs/with space.md", Size: 7},
		{Path: "escape", Symlink: true, Escapes: true},
		{Path: "loop/a", Symlink: true, Escapes: true},
		{Path: "loop/b", Symlink: true, Escapes: true},
		{Path: "src/a/b/c/deep.go", Size: 10},
	}
	if d := cmp.Diff(want, ix.Files()); d != "" {
		t.Errorf("index (-want +got):\n%s", d)
	}
	var paths []string
	for _, p := range problems {
		paths = append(paths, p.Path)
	}
	if d := cmp.Diff([]string{"absolute", "dangling", "escape", "loop/a", "loop/b"}, paths); d != "" {
		t.Errorf("problems (-want +got):\n%s\n%v", d, problems)
	}
}

// TestTreeFSConformance runs the standard library's io/fs checks over a tree
// whose links all resolve.
func TestTreeFSConformance(t *testing.T) {
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{
		"README.md":            {content: "# hi\n"},
		"docs/GPL-2.0.txt":     {content: gpl},
		"docs/guide/intro.md":  {content: "intro\n"},
		"COPYING":              {link: "docs/GPL-2.0.txt"},
		"docs/guide/up":        {link: "../GPL-2.0.txt"},
		".github/CODEOWNERS":   {content: "* @ada\n"},
		"bin/tool":             {content: "\x7fELF\x00\x01", mode: 0o755},
		"src/x/y/z/w/deep.txt": {content: "deep\n"},
	})
	commitAll(t, r, "init")
	view := mustOpenRevision(t, dir, "HEAD")
	if err := fstest.TestFS(view.FS, "README.md", "COPYING", "docs/guide/intro.md", ".github/CODEOWNERS", "src/x/y/z/w/deep.txt"); err != nil {
		t.Error(err)
	}
}

// TestTreeFSHostileObjects builds trees no sane checkout produces: names
// that are not path elements, a tracked .git, submodules, names git accepts
// but go-git's FindEntry refuses, and long link chains.
func TestTreeFSHostileObjects(t *testing.T) {
	st := memory.NewStorage()
	blob := func(s string) plumbing.Hash {
		o := st.NewEncodedObject()
		o.SetType(plumbing.BlobObject)
		w, _ := o.Writer()
		_, _ = w.Write([]byte(s))
		_ = w.Close()
		h, err := st.SetEncodedObject(o)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	tree := func(entries ...object.TreeEntry) plumbing.Hash {
		tr := &object.Tree{Entries: entries}
		o := st.NewEncodedObject()
		if err := tr.Encode(o); err != nil {
			t.Fatal(err)
		}
		h, err := st.SetEncodedObject(o)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	file := func(name, content string) object.TreeEntry {
		return object.TreeEntry{Name: name, Mode: filemode.Regular, Hash: blob(content)}
	}
	link := func(name, target string) object.TreeEntry {
		return object.TreeEntry{Name: name, Mode: filemode.Symlink, Hash: blob(target)}
	}
	// chain/l0 -> l1 -> ... -> l(n) -> end.txt
	var chain []object.TreeEntry
	const n = 45
	for i := 0; i < n; i++ {
		chain = append(chain, link(linkName(i), linkName(i+1)))
	}
	chain = append(chain, link(linkName(n), "end.txt"), file("end.txt", "end\n"))
	sortEntries(chain)
	sub := tree(file("inner.txt", "inner\n"), link("out", "../../x"))
	root := tree(
		file("..", "dotdot"),
		file(".GIT", "tracked git"),
		object.TreeEntry{Name: ".git", Mode: filemode.Dir, Hash: sub},
		link("abs", "/etc/passwd"),
		object.TreeEntry{Name: "chain", Mode: filemode.Dir, Hash: tree(chain...)},
		file("line\nbreak.txt", "newline\n"),
		file("ok.txt", "ok\n"),
		object.TreeEntry{Name: "sub", Mode: filemode.Dir, Hash: sub},
		object.TreeEntry{Name: "vendor-mod", Mode: filemode.Submodule, Hash: plumbing.NewHash("0123456789abcdef0123456789abcdef01234567")},
	)
	fsys := newTreeFS(st, root, time.Time{})

	des, err := fsys.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	if d := cmp.Diff([]string{"abs", "chain", "line\nbreak.txt", "ok.txt", "sub"}, names); d != "" {
		t.Errorf("root listing (-want +got):\n%s", d)
	}
	if got, err := fs.ReadFile(fsys, "line\nbreak.txt"); err != nil || string(got) != "newline\n" {
		t.Errorf("ReadFile(newline name) = %q, %v", got, err)
	}
	for _, p := range []string{"vendor-mod", ".git/inner.txt", ".GIT"} {
		if _, err := fsys.Open(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Open(%q) = %v, want fs.ErrNotExist", p, err)
		}
	}
	if _, err := fsys.Open("sub/out"); err == nil || !errors.Is(err, errLinkEscapes) {
		t.Errorf("Open(sub/out) = %v, want escape", err)
	}
	// 40 hops are allowed, 41 are a loop.
	if got, err := fs.ReadFile(fsys, "chain/"+linkName(n-maxLinkHops+1)); err != nil || string(got) != "end\n" {
		t.Errorf("40-hop chain: %q, %v", got, err)
	}
	if _, err := fsys.Open("chain/" + linkName(n-maxLinkHops)); !errors.Is(err, errLinkLoop) {
		t.Errorf("41-hop chain: %v, want loop", err)
	}

	ix, problems, err := Walk(context.Background(), &Repo{FS: fsys}, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// abs, chain (n+1 links and end.txt), the newline name, ok.txt, sub/inner.txt, sub/out.
	if _, ok := ix.Lookup("sub/inner.txt"); !ok || ix.Len() != n+7 {
		t.Errorf("walk saw %d files: %v", ix.Len(), ix.Files())
	}
	// abs, sub/out, and the links more than 40 hops from end.txt.
	if want := 2 + (n + 1 - maxLinkHops); len(problems) != want {
		t.Errorf("walk reported %d problems, want %d: %v", len(problems), want, problems)
	}
}

func linkName(i int) string { return "l" + string(rune('a'+i/26)) + string(rune('a'+i%26)) }

func sortEntries(es []object.TreeEntry) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Name < es[j-1].Name; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// TestOpenRevisionSubdirectory scans a directory below the repository top as
// that subtree of the revision, the way its working tree is scanned: paths
// are relative to it and links leaving it do not resolve.
func TestOpenRevisionSubdirectory(t *testing.T) {
	dir, first, _ := revisionRepo(t)
	r := mustOpenRevision(t, filepath.Join(dir, "src"), "HEAD")
	ix, _, err := Walk(context.Background(), r, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(ix); strings.Join(got, ",") != "a/b/c/deep.go" {
		t.Errorf("src at HEAD: files %q, want only a/b/c/deep.go", got)
	}
	docs := mustOpenRevision(t, filepath.Join(dir, "docs"), "HEAD")
	ix, _, err = Walk(context.Background(), docs, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := ix.Lookup("LICENSE"); !ok || !e.Escapes {
		t.Errorf("docs/LICENSE -> ../COPYING leaves the subtree: entry %+v, %v; want Escapes", e, ok)
	}
	if e, ok := ix.Lookup("GPL-2.0.txt"); !ok || e.Escapes {
		t.Errorf("GPL-2.0.txt: %+v, %v", e, ok)
	}
	_, err = OpenRevision(filepath.Join(dir, "src"), first.String())
	if err == nil || !strings.Contains(err.Error(), "src is not a directory in commit "+first.String()[:12]) {
		t.Errorf("src before it existed: err = %v", err)
	}
}
