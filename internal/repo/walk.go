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
	"sync/atomic"
	"syscall"
	"unicode/utf8"

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
	// Head, when set, is given the first HeadBytes bytes of regular files
	// the walk keeps, read as it lists their directory, in place of the
	// fstatat it makes for their size: the file pass's reads, made while the
	// walk holds the directory open and spread over its workers. This is a
	// working tree's fast path (Linux); files it does not reach (links,
	// files it cannot open, every file of a git revision or elsewhere) are
	// not given, and the file pass reads them. Head is called concurrently
	// and must not keep head past its return; whole reads the rest of the
	// file, when Head needs it, through the same open file.
	Head      func(e Entry, head []byte, whole Whole)
	HeadBytes int
	// resolved, when set, counts the path components resolved to open
	// directories (one for a directory opened from its parent, its depth
	// for one opened from the root), for tests of the walk's cost.
	resolved *atomic.Int64
}

// Whole is the file a Head call is about, held open by the walk; it is
// valid during that call.
type Whole interface {
	// ReadAll reads the file from its start as ReadFileBuf reads one by
	// name: at most limit bytes (ErrTooLarge past them), into buf's
	// storage when it is large enough.
	ReadAll(limit int64, buf []byte) ([]byte, error)
}

// wholeFile is the Whole the walk gives Head; one serves a directory.
type wholeFile struct {
	of   openFile
	path string
}

func (w *wholeFile) ReadAll(limit int64, buf []byte) ([]byte, error) {
	data, err := w.of.readAll(limit+1, buf)
	return limitRead(w.path, data, err, limit)
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
	w := &walker{r: r, fsys: r.FS, root: r.root, ignore: r.Ignore, exclude: opt.Exclude, resolved: opt.resolved}
	if opt.Head != nil && opt.HeadBytes > 0 {
		w.head, w.headBytes = opt.Head, opt.HeadBytes
	}
	w.dirFDs.Store(maxWalkDirFDs)
	n := opt.Workers
	if n <= 0 {
		n = 4 * runtime.GOMAXPROCS(0)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(n)
	w.g, w.ctx = g, gctx
	var ignores ignoreStack
	if r.Ignore {
		if gf, ok := gitFilesFor(r); ok {
			data, err := ReadFile(gf.common.fsys, gf.common.name("info/exclude"), maxGitignore)
			if f := w.parseIgnore(".git/info/exclude", "", data, err); f != nil {
				ignores = ignores.push(f)
			}
			tracked, err := readTracked(gf.private)
			if err != nil {
				w.problem(".git/index", "cannot read the git index, so .gitignore rules may hide tracked files: "+cleanErr(err))
			}
			w.tracked = tracked
		}
	}
	w.dir("", nil, ignores, false)
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

// maxWalkDirFDs bounds the directories a walk holds open to open their
// subdirectories from (see walker.dir).
const maxWalkDirFDs = 512

type walker struct {
	r       *Repo
	fsys    fs.FS
	root    *os.Root // set for working trees: the fast paths
	ignore  bool
	tracked trackedSet // read-only during the walk
	exclude func(string, bool) bool
	g       *errgroup.Group
	ctx     context.Context //nolint:containedctx // the walk's own cancellation, scoped to one Walk call
	// dirFDs is how many more directories may be held open.
	dirFDs atomic.Int64
	// resolved is WalkOptions.resolved.
	resolved *atomic.Int64
	// head and headBytes are WalkOptions.Head and HeadBytes; bufs holds
	// buffers of headBytes.
	head      func(Entry, []byte, Whole)
	headBytes int
	bufs      sync.Pool

	// rootErr is why the root directory could not be listed (set before
	// any other goroutine starts).
	rootErr error

	mu       sync.Mutex
	entries  []Entry
	problems []Problem
	nested   []string
}

// giveHead hands a file's head to WalkOptions.Head, with wf as its Whole,
// and closes the file.
func (w *walker) giveHead(e Entry, head []byte, of openFile, wf *wholeFile) {
	defer of.close()
	*wf = wholeFile{of: of, path: e.Path}
	w.head(e, head, wf)
}

// headBuf returns a buffer of headBytes for heads, from the pool.
func (w *walker) headBuf() *[]byte {
	if b, ok := w.bufs.Get().(*[]byte); ok {
		return b
	}
	b := make([]byte, w.headBytes)
	return &b
}

func (w *walker) problem(p, msg string) {
	w.mu.Lock()
	w.problems = append(w.problems, Problem{Path: p, Message: msg})
	w.mu.Unlock()
}

// dir lists one directory; subdirectories go to another worker when one is
// free, or are walked inline. On a working tree, f is the directory opened
// by the parent's walk (nil: dir opens it from the root); dir closes it.
// Subdirectories are opened from the directory before it is closed, one
// openat each, so the cost of a directory does not grow with its depth (to
// open "a/b/.../z" from the root resolves every component again) and a
// deep chain holds one descriptor at a time; at most maxWalkDirFDs wait to
// be walked. ignores are the ignore files that apply; parentIgnored is set
// below a directory that ignore rules match but that is walked because git
// tracks files in it: its untracked files are ignored, since git cannot
// take them back.
func (w *walker) dir(dir string, f *os.File, ignores ignoreStack, parentIgnored bool) {
	if f != nil {
		w.dirFDs.Add(1) // no longer waiting
	}
	defer func() {
		if f != nil {
			_ = f.Close()
		}
	}()
	if w.ctx.Err() != nil || w.r.Err() != nil {
		// Cancelled, or a git view is missing objects: Walk fails anyway.
		return
	}
	des, f, err := w.list(dir, f)
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
				label := join(dir, ".gitignore")
				data, err := w.readIgnoreFile(f, label)
				if g := w.parseIgnore(label, dir, data, err); g != nil {
					ignores = ignores.push(g)
				}
				break
			}
		}
	}
	type subdir struct {
		path, name    string
		f             *os.File
		parentIgnored bool
	}
	var subdirs []subdir
	local := make([]Entry, 0, len(des))
	here := w.tracked.under(dir)
	var buf *[]byte   // for heads (WalkOptions.Head)
	var wf *wholeFile // the Whole of the file given to Head
	var fast fastState
	for _, de := range des {
		name := de.Name()
		p := join(dir, name)
		isDir := de.IsDir()
		if !utf8.ValidString(name) {
			// io/fs cannot open such a path; say so instead of failing later.
			w.problem(p, "name is not valid UTF-8; not scanned")
			continue
		}
		if name == ".git" {
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
		// with -f whatever .gitignore says. A tracked file needs no
		// matching; a tracked directory does, for what it holds untracked.
		tracked := here.keeps(p, isDir)
		ignored := false
		if isDir || !tracked {
			ignored = parentIgnored || (len(ignores) > 0 && ignores.ignored(p, name, isDir))
		}
		if ignored && !tracked {
			continue
		}
		if w.exclude != nil && w.exclude(p, isDir) {
			continue
		}
		switch {
		case isDir:
			subdirs = append(subdirs, subdir{path: p, name: name, parentIgnored: ignored})
		case de.Type()&fs.ModeSymlink != 0:
			if e, ok := w.symlink(p); ok {
				local = append(local, e)
			}
		case de.Type().IsRegular():
			e := Entry{Path: p}
			if w.head != nil && f != nil {
				if buf == nil {
					buf = w.headBuf()
					defer w.bufs.Put(buf)
				}
				if head, of, ok := statHeadAt(f, name, w.headBytes, *buf, &fast); ok {
					e.Size, e.HeadRead = of.size, true
					local = append(local, e)
					if wf == nil {
						wf = new(wholeFile)
					}
					w.giveHead(e, head, of, wf)
					continue
				}
				// Not read: stat it by name, as the listing would have.
				if restat(f, de) {
					// Gone or replaced since the listing.
					continue
				}
			}
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
	if f != nil {
		for i := range subdirs {
			if w.dirFDs.Add(-1) < 0 {
				// Enough are waiting: the others open from the root.
				w.dirFDs.Add(1)
				break
			}
			w.count(1)
			sf, err := openSubdir(f, subdirs[i].name)
			if err != nil {
				// A link or something else swapped in: the general path
				// words it.
				w.dirFDs.Add(1)
				continue
			}
			subdirs[i].f = sf
		}
		_ = f.Close()
		f = nil
	}
	for _, sd := range subdirs {
		if !w.g.TryGo(func() error { w.dir(sd.path, sd.f, ignores, sd.parentIgnored); return nil }) {
			w.dir(sd.path, sd.f, ignores, sd.parentIgnored)
		}
	}
}

// list reads a directory. On a working tree it lists the open directory f
// or, when f is nil, opens dir from the root, returning the directory it
// listed (the caller closes it); elsewhere, or when that fails, it goes
// through the FS and returns a nil f.
func (w *walker) list(dir string, f *os.File) ([]fs.DirEntry, *os.File, error) {
	name := dir
	if name == "" {
		name = "."
	}
	// Opened from the root, every component of dir is resolved.
	depth := int64(strings.Count(dir, "/") + 1)
	if f == nil && w.root != nil {
		w.count(depth)
		var err error
		f, err = openDir(w.root, name)
		if errors.Is(err, syscall.ENOTDIR) {
			// Something else swapped in for the directory: opening it
			// through the FS could block on a pipe.
			return nil, nil, err
		}
		if err != nil {
			f = nil
		}
	}
	if f != nil {
		if des, ok := listDir(f, w.head == nil); ok {
			return des, f, nil
		}
		_ = f.Close()
	}
	w.count(depth)
	des, err := fs.ReadDir(w.fsys, name)
	return des, nil, err
}

// count adds n to the components resolved, when they are counted.
func (w *walker) count(n int64) {
	if w.resolved != nil {
		w.resolved.Add(n)
	}
}

// readIgnoreFile reads the .gitignore of a directory: from the open
// directory f without following a link, or through the FS.
func (w *walker) readIgnoreFile(f *os.File, label string) ([]byte, error) {
	if f != nil {
		data, ok, err := readAt(f, ".gitignore", maxGitignore+1, nil)
		switch {
		case ok && err != nil:
			return nil, fmt.Errorf("read %s: %w", label, err)
		case ok && len(data) > maxGitignore:
			return nil, fmt.Errorf("%s: %w (over %d bytes)", label, ErrTooLarge, maxGitignore)
		case ok:
			return data, nil
		}
	}
	return ReadFile(w.fsys, label, maxGitignore)
}

// parseIgnore compiles an ignore file read for the directory dir; label is
// the path problems name. A file that could not be read, or is empty, gives
// nil.
func (w *walker) parseIgnore(label, dir string, data []byte, err error) *ignoreFile {
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.problem(label, "ignored: "+cleanErr(err))
		}
		return nil
	}
	f := parseIgnore(dir, data)
	if f.dropped > 0 {
		w.problem(label, f.droppedProblem())
	}
	if len(f.pats) == 0 {
		return nil
	}
	return f
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

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
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
