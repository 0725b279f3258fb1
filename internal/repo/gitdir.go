// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// Object stores are opened with a bounded cache and a large-object
// threshold: a blob above it is streamed from disk rather than inflated
// into memory, so reading the head of a huge file costs a few kilobytes.
const (
	objectCacheSize  = 16 * cache.MiByte
	largeObjectBytes = 1 << 20
	// maxOpenPacks keeps packfiles open between object reads (reopening
	// one per object is slow) while bounding descriptors on repositories
	// with many packs.
	maxOpenPacks = 16
)

// maxGitPointer caps the read of a ".git" file or a "commondir" file: both
// hold one path.
const maxGitPointer = 4096

// maxGitIndex caps the git index a working-tree walk decodes; real indexes
// of very large monorepos stay well below it.
const maxGitIndex = 512 << 20

// gitLayout says where a repository's git data lives. A ".git" directory is
// both; a ".git" file (linked worktrees, submodules) points to a private git
// dir whose "commondir" names the shared one holding objects, refs and
// info/exclude.
type gitLayout struct {
	dir    string
	common string // "" when dir holds everything
	// top is the working tree directory where ".git" was found.
	top string
}

func (g gitLayout) commonDir() string {
	if g.common != "" {
		return g.common
	}
	return g.dir
}

// findGit looks for ".git" in dir and, when up is set, in its parents, as
// git does. found is false when there is none; err reports a ".git" that
// exists but cannot be followed.
func findGit(dir string, up bool) (g gitLayout, found bool, err error) {
	dir, err = filepath.Abs(dir)
	if err != nil {
		return gitLayout{}, false, err
	}
	for {
		dot := filepath.Join(dir, ".git")
		info, err := os.Stat(dot)
		switch {
		case err == nil && info.IsDir():
			g, err := withCommonDir(dot)
			g.top = dir
			return g, err == nil, err
		case err == nil && info.Mode().IsRegular():
			target, err := readGitPointer(dot)
			if err != nil {
				return gitLayout{}, false, err
			}
			if !filepath.IsAbs(target) {
				target = filepath.Join(dir, target)
			}
			if ti, err := os.Stat(target); err != nil || !ti.IsDir() {
				return gitLayout{}, false, fmt.Errorf("%s points to %s, which is not a directory", dot, target)
			}
			g, err := withCommonDir(target)
			g.top = dir
			return g, err == nil, err
		case err == nil:
			// A pipe or device named .git is no repository and must not be
			// opened.
			return gitLayout{}, false, fmt.Errorf("%s: %w", dot, notRegular(info.Mode()))
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
			return gitLayout{}, false, err
		}
		if IsGitDir(dir) {
			// A bare repository (or a .git directory named directly): git
			// data with no working tree.
			g, err := withCommonDir(dir)
			return g, err == nil, err
		}
		parent := filepath.Dir(dir)
		if !up || parent == dir {
			return gitLayout{}, false, nil
		}
		dir = parent
	}
}

// IsGitDir reports whether dir is itself a git directory — a bare
// repository, or the .git of a working tree named directly — by git's own
// test: a HEAD file naming a ref or a commit, and objects/ and refs/
// directories (in the common directory of a linked worktree's git dir).
func IsGitDir(dir string) bool {
	head, err := readOSFile(filepath.Join(dir, "HEAD"), maxGitPointer)
	if err != nil {
		return false
	}
	h := strings.TrimSpace(string(head))
	if !strings.HasPrefix(h, "ref: refs/") && !isHex(h) {
		return false
	}
	g, err := withCommonDir(dir)
	if err != nil {
		return false
	}
	for _, sub := range []string{"objects", "refs"} {
		if info, err := os.Stat(filepath.Join(g.commonDir(), sub)); err != nil || !info.IsDir() {
			return false
		}
	}
	return true
}

// isHex reports whether s is a SHA-1 or SHA-256 object name.
func isHex(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// readGitPointer reads the "gitdir: <path>" line of a .git file.
func readGitPointer(dot string) (string, error) {
	data, err := readOSFile(dot, maxGitPointer)
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	target, ok := strings.CutPrefix(line, "gitdir:")
	target = strings.TrimSpace(target)
	if !ok || target == "" {
		return "", fmt.Errorf("%s: no %q line", dot, "gitdir: <path>")
	}
	return target, nil
}

// withCommonDir completes a layout from the git dir's "commondir" file,
// which linked worktrees have.
func withCommonDir(dir string) (gitLayout, error) {
	g := gitLayout{dir: dir}
	p := filepath.Join(dir, "commondir")
	if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
		return g, nil
	}
	data, err := readOSFile(p, maxGitPointer)
	if err != nil {
		return gitLayout{}, err
	}
	common := strings.TrimSpace(string(data))
	if common == "" {
		return g, nil
	}
	if !filepath.IsAbs(common) {
		common = filepath.Join(dir, common)
	}
	if ci, err := os.Stat(common); err != nil || !ci.IsDir() {
		return gitLayout{}, fmt.Errorf("%s names %s, which is not a directory", p, common)
	}
	g.common = common
	return g, nil
}

// readOSFile reads a small regular file by OS path, never opening a pipe or
// device.
func readOSFile(p string, limit int64) ([]byte, error) {
	dir, name := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	return ReadFile(os.DirFS(dir), name, limit)
}

// storage opens the layout's object store, with its alternates, with the
// large-object threshold.
func (g gitLayout) storage() (*objectStore, error) {
	fsys := osfs.New(g.dir)
	if g.common != "" {
		fsys = dotgit.NewRepositoryFilesystem(fsys, osfs.New(g.common))
	}
	return openObjectStore(fsys, filepath.Join(g.commonDir(), "objects"))
}

func diskStorage(fsys billy.Filesystem) *filesystem.Storage {
	return filesystem.NewStorageWithOptions(fsys, cache.NewObjectLRU(objectCacheSize), filesystem.Options{
		LargeObjectThreshold: largeObjectBytes,
		MaxOpenDescriptors:   maxOpenPacks,
	})
}

// gitPlace is a directory of git data inside an FS.
type gitPlace struct {
	fsys fs.FS
	dir  string
}

func (g gitPlace) name(n string) string { return path.Join(g.dir, n) }

// gitFiles are where a working-tree walk finds the index (the private git
// dir) and info/exclude (the common one).
type gitFiles struct {
	private, common gitPlace
}

// gitFilesFor finds the git data of a working tree: the layout found when a
// .git file was followed on open, or else a ".git" directory of its FS.
func gitFilesFor(r *Repo) (gitFiles, bool) {
	if r.git != nil {
		return gitFiles{
			private: gitPlace{os.DirFS(r.git.dir), "."},
			common:  gitPlace{os.DirFS(r.git.commonDir()), "."},
		}, true
	}
	sfs, ok := r.FS.(fs.StatFS)
	if !ok {
		return gitFiles{}, false
	}
	info, err := sfs.Stat(".git")
	if err != nil || !info.IsDir() {
		return gitFiles{}, false
	}
	g := gitPlace{r.FS, ".git"}
	return gitFiles{private: g, common: g}, true
}

// trackedSet holds the paths git tracks in a working tree, sorted as the
// index lists them (byte order); dirs marks the entries that are
// directories in the working tree (submodules, a sparse index's
// directories). A nil set means the tree is not a git repository.
//
// A sorted list searched by halves, not a map: filling a map of u-boot's
// 38,500 paths and their directories took 12 ms before the walk could
// start; the searches are spread over the walk's workers.
type trackedSet struct {
	paths []string
	dirs  map[string]bool // rare
}

// under returns the part of the set below dir ("" is the root): the paths
// a walk of dir asks about, searched among fewer.
func (t trackedSet) under(dir string) trackedSet {
	if dir == "" || len(t.paths) == 0 {
		return t
	}
	// The paths below dir sort from dir+"/" to before dir+"0" ('0' follows
	// '/').
	lo, _ := slices.BinarySearch(t.paths, dir+"/")
	hi, _ := slices.BinarySearch(t.paths, dir+"0")
	return trackedSet{paths: t.paths[lo:hi:hi], dirs: t.dirs}
}

// keeps reports whether p is tracked (a directory: holds tracked files), so
// that no ignore rule may hide it.
func (t trackedSet) keeps(p string, isDir bool) bool {
	if len(t.paths) == 0 {
		return false
	}
	if isDir {
		if t.dirs[p] {
			return true
		}
		// A tracked path below p: the first path not before "p/".
		prefix := p + "/"
		i, _ := slices.BinarySearch(t.paths, prefix)
		return i < len(t.paths) && strings.HasPrefix(t.paths[i], prefix)
	}
	_, found := slices.BinarySearch(t.paths, p)
	return found
}

// readTracked reads the git index once into the set of tracked paths.
func readTracked(g gitPlace) (trackedSet, error) {
	data, err := ReadFile(g.fsys, g.name("index"), maxGitIndex)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			// A fresh repository has no index: nothing is tracked yet.
			return trackedSet{}, nil
		}
		return trackedSet{}, err
	}
	var set trackedSet
	err = indexPaths(data, func(name string, mode uint32) {
		if mode == gitlinkMode || strings.HasSuffix(name, "/") {
			// A submodule is a directory in the working tree; so is a
			// sparse index's directory entry.
			name = strings.TrimSuffix(name, "/")
			if set.dirs == nil {
				set.dirs = map[string]bool{}
			}
			set.dirs[name] = true
		}
		set.paths = append(set.paths, name)
	})
	if err != nil {
		return trackedSet{}, fmt.Errorf("decode: %w", err)
	}
	// Git keeps its index sorted; one written otherwise is still read.
	if !slices.IsSorted(set.paths) {
		slices.Sort(set.paths)
	}
	return set, nil
}
