// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// storeRepo is a one-commit repository with loose objects; it returns the
// directory, the commit and its tree.
func storeRepo(t *testing.T) (string, *object.Commit, *object.Tree) {
	t.Helper()
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{
		"LICENSE":         {content: gpl},
		"README.md":       {content: "# store\n"},
		"src/main.go":     {content: "package main\n"},
		"src/lib/lib.go":  {content: "package lib\n"},
		"docs/index.md":   {content: "# docs\n"},
		"docs/guide.md":   {content: "# guide\n"},
		"docs/a/b/c/z.md": {content: "deep\n"},
	})
	h := commitAll(t, r, "one")
	c, err := r.CommitObject(h)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	return dir, c, tree
}

func looseObject(dir string, h plumbing.Hash) string {
	s := h.String()
	return filepath.Join(dir, ".git", "objects", s[:2], s[2:])
}

func entryHash(t *testing.T, tree *object.Tree, p string) plumbing.Hash {
	t.Helper()
	e, err := tree.FindEntry(p)
	if err != nil {
		t.Fatal(err)
	}
	return e.Hash
}

// readEvery reads every indexed file of r in full.
func readEvery(r *Repo, ix *Index) {
	for _, e := range ix.Files() {
		_, _ = ReadFile(r.FS, e.Path, 1<<20)
	}
}

// TestRevisionMissingObjects removes or damages one object at a time: the
// scan of the revision must fail naming the object and the path that needs
// it, never list fewer files as if the tree were smaller.
func TestRevisionMissingObjects(t *testing.T) {
	for _, tc := range []struct {
		name   string
		object func(*object.Commit, *object.Tree) plumbing.Hash
		damage func(t *testing.T, file string)
		// where is where the failure shows: "open", "walk" or "read".
		where, path string
	}{
		{"commit missing", func(c *object.Commit, _ *object.Tree) plumbing.Hash { return c.Hash }, remove, "open", "HEAD"},
		{"root tree missing", func(c *object.Commit, _ *object.Tree) plumbing.Hash { return c.TreeHash }, remove, "walk", "the root directory"},
		{"subtree missing", func(_ *object.Commit, tr *object.Tree) plumbing.Hash { return entryHash(t, tr, "docs/a") }, remove, "walk", "docs/a"},
		{"blob missing", func(_ *object.Commit, tr *object.Tree) plumbing.Hash { return entryHash(t, tr, "src/lib/lib.go") }, remove, "walk", "src/lib/lib.go"},
		{"blob header corrupt", func(_ *object.Commit, tr *object.Tree) plumbing.Hash { return entryHash(t, tr, "README.md") }, garble(0), "walk", "README.md"},
		{"blob content corrupt", func(_ *object.Commit, tr *object.Tree) plumbing.Hash { return entryHash(t, tr, "LICENSE") }, garble(-2), "read", "LICENSE"},
		{"tree corrupt", func(_ *object.Commit, tr *object.Tree) plumbing.Hash { return entryHash(t, tr, "src") }, garble(0), "walk", "src"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, c, tree := storeRepo(t)
			h := tc.object(c, tree)
			tc.damage(t, looseObject(dir, h))
			err := scanRevision(t, dir)
			if err == nil {
				t.Fatal("the damaged revision was scanned without an error")
			}
			t.Log(err)
			if !errors.Is(err, ErrObjectUnreadable) {
				t.Errorf("error %v is not ErrObjectUnreadable", err)
			}
			for _, want := range []string{tc.where + ": ", h.String(), tc.path} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
		})
	}
}

// scanRevision opens dir at HEAD, walks it and reads every file, returning
// the first error prefixed with the stage it came from.
func scanRevision(t *testing.T, dir string) error {
	t.Helper()
	r, err := OpenRevision(dir, "HEAD")
	if err != nil {
		return prefixed("open", err)
	}
	defer r.Close()
	ix, _, err := Walk(context.Background(), r, WalkOptions{})
	if err != nil {
		return prefixed("walk", err)
	}
	readEvery(r, ix)
	return prefixed("read", r.Err())
}

type stageError struct {
	stage string
	err   error
}

func (e *stageError) Error() string { return e.stage + ": " + e.err.Error() }
func (e *stageError) Unwrap() error { return e.err }

func prefixed(stage string, err error) error {
	if err == nil {
		return nil
	}
	return &stageError{stage, err}
}

func remove(t *testing.T, file string) {
	t.Helper()
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
}

// garble overwrites bytes of a file at off (from the end when negative).
func garble(off int) func(t *testing.T, file string) {
	return func(t *testing.T, file string) {
		t.Helper()
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if off < 0 {
			off += len(data)
		}
		for i := off; i < off+2 && i < len(data); i++ {
			data[i] ^= 0x5a
		}
		if err := os.Chmod(file, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRevisionCorruptPack damages a packfile at several places, as a disk
// or a copy would: whatever the damage hits, the scan fails, never reports
// a smaller clean tree.
func TestRevisionCorruptPack(t *testing.T) {
	for _, where := range []float64{0.02, 0.25, 0.5, 0.75, 0.97} {
		dir, _, _ := storeRepo(t)
		r, err := git.PlainOpen(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.RepackObjects(&git.RepackConfig{}); err != nil {
			t.Fatal(err)
		}
		packs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.pack"))
		if len(packs) != 1 {
			t.Fatalf("%d packs", len(packs))
		}
		info, err := os.Stat(packs[0])
		if err != nil {
			t.Fatal(err)
		}
		// Past the 12-byte header, before the 20-byte trailer.
		off := 12 + int(where*float64(info.Size()-32))
		garble(off)(t, packs[0])
		err = scanRevision(t, dir)
		if err == nil {
			t.Errorf("pack damaged at byte %d of %d: scanned without an error", off, info.Size())
			continue
		}
		if !errors.Is(err, ErrObjectUnreadable) {
			t.Errorf("pack damaged at byte %d: %v is not ErrObjectUnreadable", off, err)
		}
	}
}

// TestWalkUnreadableRoot: a root that cannot be listed is an error, not an
// empty repository with a problem.
func TestWalkUnreadableRoot(t *testing.T) {
	r := &Repo{Name: "x", Kind: KindWorktree, FS: failingFS{}}
	_, _, err := Walk(context.Background(), r, WalkOptions{})
	if err == nil || !strings.Contains(err.Error(), "root directory") || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("walk of an unreadable root = %v, want an error naming the root", err)
	}
}

type failingFS struct{}

func (failingFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

// sharedClone makes a repository whose objects/info/alternates names the
// object store of src (as `git clone --shared` does), with HEAD on src's
// head and no objects of its own. rel writes the path relative to the new
// object directory.
func sharedClone(t *testing.T, src string, rel bool) string {
	t.Helper()
	dst := t.TempDir()
	r, err := git.PlainInit(dst, false)
	if err != nil {
		t.Fatal(err)
	}
	s, err := git.PlainOpen(src)
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.Head()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Storer.SetReference(plumbing.NewHashReference("refs/heads/master", head.Hash())); err != nil {
		t.Fatal(err)
	}
	objects := filepath.Join(src, ".git", "objects")
	if rel {
		var err error
		if objects, err = filepath.Rel(filepath.Join(dst, ".git", "objects"), objects); err != nil {
			t.Fatal(err)
		}
	}
	writeAlternates(t, dst, "# shared with the source\n"+objects+"\n")
	return dst
}

func writeAlternates(t *testing.T, dir, text string) {
	t.Helper()
	p := filepath.Join(dir, ".git", "objects", "info", "alternates")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func walkedPaths(t *testing.T, r *Repo) []string {
	t.Helper()
	ix, _, err := Walk(context.Background(), r, WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ix.Files() {
		out = append(out, e.Path)
	}
	readEvery(r, ix)
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var storePaths = []string{"LICENSE", "README.md", "docs/a/b/c/z.md", "docs/guide.md", "docs/index.md", "src/lib/lib.go", "src/main.go"}

// TestRevisionAlternates reads revisions whose objects live in other
// stores: absolute and relative alternates, and a chain of two.
func TestRevisionAlternates(t *testing.T) {
	src, _, _ := storeRepo(t)
	for _, tc := range []struct {
		name string
		dir  func() string
	}{
		{"absolute", func() string { return sharedClone(t, src, false) }},
		{"relative", func() string { return sharedClone(t, src, true) }},
		{"chained", func() string { return sharedClone(t, sharedClone(t, src, false), false) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir()
			if loose, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "??", "*")); len(loose) != 0 {
				t.Fatalf("the shared repository holds %d objects of its own", len(loose))
			}
			r := mustOpenRevision(t, dir, "HEAD")
			if got := walkedPaths(t, r); strings.Join(got, " ") != strings.Join(storePaths, " ") {
				t.Errorf("files = %q, want %q", got, storePaths)
			}
			if got, err := ReadFile(r.FS, "LICENSE", 1<<20); err != nil || string(got) != gpl {
				t.Errorf("LICENSE = %q, %v", got, err)
			}
		})
	}
}

// TestRevisionAlternatesBroken: an alternate that is gone, or an object no
// store holds, fails with what is missing named.
func TestRevisionAlternatesBroken(t *testing.T) {
	t.Run("alternate gone", func(t *testing.T) {
		src, _, _ := storeRepo(t)
		dir := sharedClone(t, src, false)
		gone := filepath.Join(t.TempDir(), "gone", "objects")
		writeAlternates(t, dir, gone+"\n")
		_, err := OpenRevision(dir, "HEAD")
		if err == nil || !strings.Contains(err.Error(), gone) || !strings.Contains(err.Error(), "alternates:1") {
			t.Errorf("OpenRevision = %v, want an error naming line 1 and %s", err, gone)
		}
	})
	t.Run("object in no store", func(t *testing.T) {
		src, _, tree := storeRepo(t)
		dir := sharedClone(t, src, false)
		h := entryHash(t, tree, "docs/guide.md")
		remove(t, looseObject(src, h))
		err := scanRevision(t, dir)
		if !errors.Is(err, ErrObjectUnreadable) || !strings.Contains(err.Error(), h.String()) || !strings.Contains(err.Error(), "docs/guide.md") {
			t.Errorf("scan = %v, want ErrObjectUnreadable naming %s and docs/guide.md", err, h)
		}
	})
	t.Run("loop", func(t *testing.T) {
		src, _, _ := storeRepo(t)
		a := sharedClone(t, src, false)
		b := sharedClone(t, a, false)
		// a now names b as well: a cycle git would stop at; so does the
		// store.
		writeAlternates(t, a, filepath.Join(src, ".git", "objects")+"\n"+filepath.Join(b, ".git", "objects")+"\n")
		r := mustOpenRevision(t, b, "HEAD")
		if got := walkedPaths(t, r); len(got) != len(storePaths) {
			t.Errorf("files = %q", got)
		}
	})
}

// TestSharedCloneWithGit checks the layout git itself writes for
// `git clone --shared`, which CI caches use.
func TestSharedCloneWithGit(t *testing.T) {
	needGit(t)
	src, _, _ := storeRepo(t)
	dst := filepath.Join(t.TempDir(), "shared")
	if out, err := exec.Command("git", "clone", "-q", "--shared", "--no-checkout", src, dst).CombinedOutput(); err != nil {
		t.Fatalf("git clone --shared: %v\n%s", err, out)
	}
	r := mustOpenRevision(t, dst, "HEAD")
	if got := walkedPaths(t, r); strings.Join(got, " ") != strings.Join(storePaths, " ") {
		t.Errorf("files = %q, want %q", got, storePaths)
	}
}

// TestOpenBareRepository: a bare repository (and a .git directory named
// directly) is read at its HEAD, not as a tree of git internals.
func TestOpenBareRepository(t *testing.T) {
	src, c, _ := storeRepo(t)
	bare := filepath.Join(t.TempDir(), "repo.git")
	if err := os.CopyFS(bare, os.DirFS(filepath.Join(src, ".git"))); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{bare, filepath.Join(src, ".git")} {
		if !IsGitDir(dir) {
			t.Errorf("IsGitDir(%s) = false", dir)
		}
		r, err := Open(context.Background(), dir, OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Kind != KindRevision || r.Revision != c.Hash.String() {
			t.Errorf("%s: kind %s revision %s, want the revision %s", dir, r.Kind, r.Revision, c.Hash)
		}
		if got := walkedPaths(t, r); strings.Join(got, " ") != strings.Join(storePaths, " ") {
			t.Errorf("%s: files = %q, want %q", dir, got, storePaths)
		}
		_ = r.Close()
		// --ref works on it too.
		mustOpenRevision(t, dir, "master")
	}
	for _, dir := range []string{src, filepath.Join(src, "docs"), t.TempDir()} {
		if IsGitDir(dir) {
			t.Errorf("IsGitDir(%s) = true", dir)
		}
	}
	// A directory that merely has files called HEAD, objects and refs is
	// content.
	fake := t.TempDir()
	writeTree(t, fake, map[string]fileSpec{"HEAD": {content: "the head of the document\n"}, "objects/a": {content: "x"}, "refs/b": {content: "y"}})
	if IsGitDir(fake) {
		t.Error("a tree with a prose HEAD file is taken for a git directory")
	}
}

// TestRevisionAbbreviatedHash: --ref takes an abbreviated commit hash, as
// git does, in a repository and in a shared clone whose objects are all in
// its alternate; an ambiguous or unknown one is an unknown revision.
func TestRevisionAbbreviatedHash(t *testing.T) {
	src, c, _ := storeRepo(t)
	for name, dir := range map[string]string{"own objects": src, "alternate": sharedClone(t, src, false)} {
		t.Run(name, func(t *testing.T) {
			for _, n := range []int{7, 12, 40} {
				r := mustOpenRevision(t, dir, c.Hash.String()[:n])
				if r.Revision != c.Hash.String() {
					t.Errorf("--ref %s reads %s, want %s", c.Hash.String()[:n], r.Revision, c.Hash)
				}
			}
			unknown := "0000000"
			if strings.HasPrefix(c.Hash.String(), unknown) {
				unknown = "fffffff"
			}
			if _, err := OpenRevision(dir, unknown); !errors.Is(err, ErrUnknownRevision) || errors.Is(err, ErrObjectUnreadable) {
				t.Errorf("--ref %s: %v, want ErrUnknownRevision", unknown, err)
			}
		})
	}
}

// TestRevisionShallow: a commit a shallow clone does not hold — named by
// its hash, or reached past the commit where the clone's history stops —
// is not in this clone, not a broken store (exit 3 with "cannot be read"
// sent users looking for corruption); a parent the commit never had is no
// such ancestor; a missing parent of a commit that is not where the
// history stops is still a broken store.
func TestRevisionShallow(t *testing.T) {
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{"README.md": {content: "one\n"}})
	first := commitAll(t, r, "one")
	writeTree(t, dir, map[string]fileSpec{"README.md": {content: "two\n"}})
	second := commitAll(t, r, "two")
	writeTree(t, dir, map[string]fileSpec{"README.md": {content: "three\n"}})
	commitAll(t, r, "three")
	// What `git clone --depth 2` leaves: the history stops at the second
	// commit, whose parent was not fetched.
	remove(t, looseObject(dir, first))
	if err := os.WriteFile(filepath.Join(dir, ".git", "shallow"), []byte(second.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := mustOpenRevision(t, dir, "HEAD~1").Revision; got != second.String() {
		t.Errorf("HEAD~1 = %s, want %s", got, second)
	}
	head, err := r.Head()
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{first.String(), first.String()[:9], "HEAD~2", "HEAD^^", "HEAD~1^", "HEAD~5", head.Name().Short() + "~2"} {
		_, err := OpenRevision(dir, ref)
		if !errors.Is(err, ErrUnknownRevision) || errors.Is(err, ErrObjectUnreadable) || !strings.Contains(err.Error(), "not in this clone") || !strings.Contains(err.Error(), "--unshallow") {
			t.Errorf("--ref %s: %v, want not in this clone (shallow)", ref, err)
		}
	}
	if _, err := OpenRevision(dir, "HEAD^2"); !errors.Is(err, ErrUnknownRevision) || !strings.Contains(err.Error(), "no such ancestor") {
		t.Errorf("--ref HEAD^2: %v, want no such ancestor", err)
	}
	// The second commit is not where the history stops any more: its
	// missing parent is a broken store.
	if err := os.WriteFile(filepath.Join(dir, ".git", "shallow"), []byte(first.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenRevision(dir, "HEAD~2"); !errors.Is(err, ErrObjectUnreadable) {
		t.Errorf("--ref HEAD~2 with a commit missing below the shallow end: %v, want ErrObjectUnreadable", err)
	}
}

// TestOpenErrorsNamePathOnce: a target that cannot be opened is named once
// in the error, with the cause.
func TestOpenErrorsNamePathOnce(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	for name, open := range map[string]func() (*Repo, error){
		"worktree": func() (*Repo, error) { return OpenWorktree(missing) },
		"revision": func() (*Repo, error) { return OpenRevision(missing, "HEAD") },
	} {
		_, err := open()
		if !errors.Is(err, fs.ErrNotExist) || strings.Count(err.Error(), missing) != 1 {
			t.Errorf("%s: %v, want fs.ErrNotExist naming %s once", name, err, missing)
		}
	}
}
