// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"golang.org/x/sync/errgroup"

	"github.com/ospolint/ospolint/checks/fileset"
)

// WalkOptions tune Walk.
type WalkOptions struct {
	// Exclude, when set, drops a path (and everything below a directory) from
	// the index. Paths are slash-separated and relative.
	Exclude func(p string, isDir bool) bool
	// Workers bounds the directories read at once (default 4×GOMAXPROCS).
	Workers int
}

// Problem is something the walk could not read; the scan goes on and
// reports it.
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// maxGitignore caps the size of a .gitignore read (a larger one is reported
// and ignored rather than read).
const maxGitignore = 1 << 20

// Walk lists every file of the repository once, reading directories in
// parallel. It skips .git, honours .gitignore files on working trees, never
// descends into symlinked directories and marks symlinks that leave the
// repository. Problems (unreadable directories below the root, escaping
// links) are returned alongside the index. It fails when the context is
// cancelled, when the root cannot be listed, and when a git view meets an
// object it cannot read (see Repo.Err): an index missing part of a revision
// would pass for a smaller tree.
func Walk(ctx context.Context, r *Repo, opt WalkOptions) (*Index, []Problem, error) {
	w := &walker{r: r, fsys: r.FS, root: r.root, ignore: r.Ignore, exclude: opt.Exclude}
	n := opt.Workers
	if n <= 0 {
		n = 4 * runtime.GOMAXPROCS(0)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(n)
	w.g, w.ctx = g, gctx
	var patterns []gitignore.Pattern
	if r.Ignore {
		if gf, ok := gitFilesFor(r); ok {
			patterns = w.readIgnore(gf.common.fsys, gf.common.name("info/exclude"), ".git/info/exclude", nil)
			tracked, err := readTracked(gf.private)
			if err != nil {
				w.problem(".git/index", "cannot read the git index, so .gitignore rules may hide tracked files: "+cleanErr(err))
			}
			w.tracked = tracked
		}
	}
	w.dir("", patterns)
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("walk: %w", err)
	}
	if err := r.Err(); err != nil {
		return nil, nil, err
	}
	if w.rootErr != nil {
		return nil, nil, fmt.Errorf("cannot read the root directory: %w", w.rootErr)
	}
	sortProblems(w.problems)
	return fileset.New(w.entries, w.nested), w.problems, nil
}

type walker struct {
	r       *Repo
	fsys    fs.FS
	root    *os.Root // set for working trees: readDirRaw's fast path
	ignore  bool
	tracked trackedSet // read-only during the walk
	exclude func(string, bool) bool
	g       *errgroup.Group
	ctx     context.Context //nolint:containedctx // the walk's own cancellation, scoped to one Walk call

	// rootErr is why the root directory could not be listed (set before
	// any other goroutine starts).
	rootErr error

	mu       sync.Mutex
	entries  []Entry
	problems []Problem
	nested   []string
}

func (w *walker) problem(p, msg string) {
	w.mu.Lock()
	w.problems = append(w.problems, Problem{Path: p, Message: msg})
	w.mu.Unlock()
}

// dir lists one directory; subdirectories go to another worker when one is
// free, or are walked inline.
func (w *walker) dir(dir string, patterns []gitignore.Pattern) {
	if w.ctx.Err() != nil || w.r.Err() != nil {
		// Cancelled, or a git view is missing objects: Walk fails anyway.
		return
	}
	name := dir
	if name == "" {
		name = "."
	}
	des, err := w.readDir(name)
	if err != nil {
		if dir == "" {
			w.rootErr = err
			return
		}
		w.problem(dir, "cannot read directory: "+cleanErr(err))
		if len(des) == 0 {
			return
		}
	}
	if w.ignore {
		for _, de := range des {
			if de.Name() == ".gitignore" && de.Type().IsRegular() {
				patterns = append(patterns[:len(patterns):len(patterns)], w.readIgnore(w.fsys, join(dir, ".gitignore"), join(dir, ".gitignore"), splitDir(dir))...)
				break
			}
		}
	}
	var m gitignore.Matcher
	if len(patterns) > 0 {
		m = gitignore.NewMatcher(patterns)
	}
	local := make([]Entry, 0, len(des))
	for _, de := range des {
		p := join(dir, de.Name())
		isDir := de.IsDir()
		if !utf8.ValidString(de.Name()) {
			// io/fs cannot open such a path; say so instead of failing later.
			w.problem(p, "name is not valid UTF-8; not scanned")
			continue
		}
		if de.Name() == ".git" {
			// A directory, or a file pointing to one (worktrees,
			// submodules): git data, not content. Below the root it marks
			// a repository of its own.
			if dir != "" {
				w.mu.Lock()
				w.nested = append(w.nested, dir)
				w.mu.Unlock()
			}
			continue
		}
		// Ignore rules hide untracked files only: git tracks a file added
		// with -f whatever .gitignore says.
		if m != nil && !w.tracked.keeps(p, isDir) && m.Match(strings.Split(p, "/"), isDir) {
			continue
		}
		if w.exclude != nil && w.exclude(p, isDir) {
			continue
		}
		switch {
		case isDir:
			sub := patterns
			if !w.g.TryGo(func() error { w.dir(p, sub); return nil }) {
				w.dir(p, sub)
			}
		case de.Type()&fs.ModeSymlink != 0:
			if e, ok := w.symlink(p); ok {
				local = append(local, e)
			}
		case de.Type().IsRegular():
			e := Entry{Path: p}
			if info, err := de.Info(); err == nil {
				e.Size = info.Size()
			} else {
				w.problem(p, "cannot stat: "+cleanErr(err))
			}
			local = append(local, e)
		default:
			// Devices, sockets and pipes are not repository content.
		}
	}
	w.mu.Lock()
	w.entries = append(w.entries, local...)
	w.mu.Unlock()
}

// readDir lists a directory, through readDirRaw on a working tree.
func (w *walker) readDir(name string) ([]fs.DirEntry, error) {
	if w.root != nil {
		if des, ok, err := readDirRaw(w.root, name); ok {
			return des, err
		}
	}
	return fs.ReadDir(w.fsys, name)
}

// symlink resolves a link through the FS, which refuses to leave the
// repository. Links to directories are not followed (git does not either).
func (w *walker) symlink(p string) (Entry, bool) {
	info, err := fs.Stat(w.fsys, p)
	if err != nil {
		w.problem(p, "symlink not followed: "+cleanErr(err))
		return Entry{Path: p, Symlink: true, Escapes: true}, true
	}
	if !info.Mode().IsRegular() {
		return Entry{}, false
	}
	return Entry{Path: p, Size: info.Size(), Symlink: true}, true
}

// readIgnore parses the ignore file name of fsys; label is the path problems
// name.
func (w *walker) readIgnore(fsys fs.FS, name, label string, domain []string) []gitignore.Pattern {
	data, err := ReadFile(fsys, name, maxGitignore)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.problem(label, "ignored: "+cleanErr(err))
		}
		return nil
	}
	var ps []gitignore.Pattern
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

func splitDir(dir string) []string {
	if dir == "" {
		return nil
	}
	return strings.Split(dir, "/")
}

// cleanErr drops the absolute path prefixes *PathError adds, so messages name
// repository-relative paths only.
func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

func sortProblems(ps []Problem) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Path != ps[j].Path {
			return ps[i].Path < ps[j].Path
		}
		return ps[i].Message < ps[j].Message
	})
}
