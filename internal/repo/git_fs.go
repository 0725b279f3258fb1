// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// maxLinkHops bounds symlink resolution, as the kernel's ELOOP limit does.
const maxLinkHops = 40

// maxPrealloc bounds the buffer ReadFile sizes from the stated file size.
const maxPrealloc = 1 << 20

// maxLinkTarget caps the symlink blob read: a real target fits in PATH_MAX.
const maxLinkTarget = 4096

var (
	errLinkEscapes = errors.New("symlink points outside the repository")
	errLinkLoop    = errors.New("too many levels of symbolic links")
	errNotDir      = errors.New("not a directory")
	errIsDir       = errors.New("is a directory")
)

// treeFS is a read-only view of one git tree straight from the object store,
// so a revision is scanned without a checkout. go-git objects (storage,
// caches, decoded trees) are not safe for concurrent use while the walk reads
// directories in parallel, so every object access holds mu.
type treeFS struct {
	mu    sync.Mutex
	s     storer.EncodedObjectStorer
	root  plumbing.Hash
	mtime time.Time
	dirs  map[plumbing.Hash]*dirNode
	// broken is the first object the store failed to give (missing,
	// corrupt, unreadable): a scan that met one saw part of the tree only.
	broken error
}

// dirNode is a decoded tree as io/fs wants it: sorted by name, without
// submodules or entries whose names could not be a path element.
type dirNode struct {
	entries []object.TreeEntry
	byName  map[string]int
}

func newTreeFS(s storer.EncodedObjectStorer, root plumbing.Hash, mtime time.Time) *treeFS {
	return &treeFS{s: s, root: root, mtime: mtime, dirs: make(map[plumbing.Hash]*dirNode)}
}

// objectErr remembers the first failure of the object store, with the path
// that needed the object, and returns err. Callers hold mu.
func (t *treeFS) objectErr(name string, err error) error {
	if t.broken == nil {
		if name == "." || name == "" {
			name = "the root directory"
		}
		t.broken = fmt.Errorf("%s: %w", name, err)
	}
	return err
}

// Err is the first object the view could not read, or nil.
func (t *treeFS) Err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.broken
}

var (
	_ fs.ReadDirFS   = (*treeFS)(nil)
	_ fs.StatFS      = (*treeFS)(nil)
	_ fs.ReadFileFS  = (*treeFS)(nil)
	_ fs.ReadLinkFS  = (*treeFS)(nil)
	_ fs.ReadDirFile = (*treeDir)(nil)
)

// Open opens a file or directory, following symlinks that stay in the tree.
func (t *treeFS) Open(name string) (fs.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.resolveLocked("open", name, true)
	if err != nil {
		return nil, err
	}
	if e.Mode == filemode.Dir {
		d, err := t.dirLocked(name, e.Hash)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return &treeDir{info: t.infoFor(name, e, 0), entries: t.dirEntries(name, d)}, nil
	}
	blob, err := object.GetBlob(t.s, e.Hash)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: t.objectErr(name, fmt.Errorf("read blob %s: %w", e.Hash, err))}
	}
	return &treeFile{fs: t, name: name, blob: blob, info: t.infoFor(name, e, blob.Size)}, nil
}

// ReadDir lists a directory sorted by name. Symlinks are reported as such,
// not followed.
func (t *treeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.resolveLocked("readdir", name, true)
	if err != nil {
		return nil, err
	}
	if e.Mode != filemode.Dir {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errNotDir}
	}
	d, err := t.dirLocked(name, e.Hash)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	return t.dirEntries(name, d), nil
}

// Stat describes a file, following symlinks; the size comes from the blob
// header without reading its content.
func (t *treeFS) Stat(name string) (fs.FileInfo, error) {
	return t.stat("stat", name, true)
}

// Lstat describes a file without following a final symlink.
func (t *treeFS) Lstat(name string) (fs.FileInfo, error) {
	return t.stat("lstat", name, false)
}

func (t *treeFS) stat(op, name string, follow bool) (fs.FileInfo, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.resolveLocked(op, name, follow)
	if err != nil {
		return nil, err
	}
	var size int64
	if e.Mode != filemode.Dir {
		if size, err = t.blobSizeLocked(name, e.Hash); err != nil {
			return nil, &fs.PathError{Op: op, Path: name, Err: err}
		}
	}
	return t.infoFor(name, e, size), nil
}

// ReadLink returns a symlink's target as stored.
func (t *treeFS) ReadLink(name string) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, err := t.resolveLocked("readlink", name, false)
	if err != nil {
		return "", err
	}
	if e.Mode != filemode.Symlink {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	target, err := t.linkTargetLocked(name, e.Hash)
	if err != nil {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: err}
	}
	return target, nil
}

// ReadFile reads a whole file; callers wanting a cap use repo.ReadFile.
func (t *treeFS) ReadFile(name string) ([]byte, error) {
	f, err := t.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	// The size comes from an object header: trust it only so far.
	data := make([]byte, 0, min(info.Size(), maxPrealloc))
	buf := make([]byte, 32*1024)
	for {
		n, err := f.Read(buf)
		data = append(data, buf[:n]...)
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// resolveLocked walks name component by component from the root, following
// symlinks (intermediate ones always, the last one when follow is set) while
// they stay inside the tree. It looks names up in the decoded tree entries
// rather than with Tree.FindEntry, which rejects names git itself accepts
// (a newline in a file name).
func (t *treeFS) resolveLocked(op, name string, follow bool) (object.TreeEntry, error) {
	if !fs.ValidPath(name) {
		return object.TreeEntry{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	fail := func(err error) (object.TreeEntry, error) {
		return object.TreeEntry{}, &fs.PathError{Op: op, Path: name, Err: err}
	}
	// stack holds the trees from the root to the current directory, so ".."
	// in a link target can go back up without leaving the tree.
	stack := []plumbing.Hash{t.root}
	todo := []string{}
	if name != "." {
		todo = strings.Split(name, "/")
	}
	hops := 0
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(stack) == 1 {
				return fail(errLinkEscapes)
			}
			stack = stack[:len(stack)-1]
			continue
		}
		d, err := t.dirLocked(name, stack[len(stack)-1])
		if err != nil {
			return fail(err)
		}
		i, ok := d.byName[c]
		if !ok {
			return fail(fs.ErrNotExist)
		}
		e := d.entries[i]
		switch {
		case e.Mode == filemode.Symlink && (follow || len(todo) > 0):
			hops++
			if hops > maxLinkHops {
				return fail(errLinkLoop)
			}
			target, err := t.linkTargetLocked(name, e.Hash)
			if err != nil {
				return fail(err)
			}
			if target == "" || strings.HasPrefix(target, "/") || strings.ContainsRune(target, 0) {
				return fail(errLinkEscapes)
			}
			todo = append(strings.Split(target, "/"), todo...)
		case e.Mode == filemode.Dir:
			stack = append(stack, e.Hash)
			if len(todo) == 0 {
				return e, nil
			}
		case len(todo) > 0 && !onlyDots(todo):
			return fail(errNotDir)
		default:
			return e, nil
		}
	}
	// The path ended on a directory reached through "." or "..".
	return object.TreeEntry{Name: path.Base(name), Mode: filemode.Dir, Hash: stack[len(stack)-1]}, nil
}

func onlyDots(parts []string) bool {
	for _, p := range parts {
		if p != "" && p != "." {
			return false
		}
	}
	return true
}

// dirLocked decodes the tree h; name is the path that needs it, for the
// error.
func (t *treeFS) dirLocked(name string, h plumbing.Hash) (*dirNode, error) {
	if d, ok := t.dirs[h]; ok {
		return d, nil
	}
	tree, err := object.GetTree(t.s, h)
	if err != nil {
		return nil, t.objectErr(name, fmt.Errorf("read tree %s: %w", h, err))
	}
	d := &dirNode{byName: make(map[string]int, len(tree.Entries))}
	for _, e := range tree.Entries {
		if !usableEntry(e) {
			continue
		}
		if _, dup := d.byName[e.Name]; dup {
			continue
		}
		d.byName[e.Name] = 0
		d.entries = append(d.entries, e)
	}
	sort.Slice(d.entries, func(i, j int) bool { return d.entries[i].Name < d.entries[j].Name })
	for i, e := range d.entries {
		d.byName[e.Name] = i
	}
	t.dirs[h] = d
	return d, nil
}

// usableEntry drops what a checkout would not produce as a plain file,
// directory or link: submodules (their content is another repository),
// unknown modes, and names that are not a single path element. A tracked
// ".git" is hostile (git refuses to check it out) and is dropped too.
func usableEntry(e object.TreeEntry) bool {
	switch e.Mode {
	case filemode.Dir, filemode.Regular, filemode.Deprecated, filemode.Executable, filemode.Symlink:
	default:
		return false
	}
	n := e.Name
	if n == "" || n == "." || n == ".." || strings.ContainsAny(n, "/\x00") || strings.EqualFold(n, ".git") {
		return false
	}
	return true
}

// objectSizer is implemented by go-git's stores: it reads an object's size
// from its header (for a delta, the delta's header) without inflating it.
type objectSizer interface {
	EncodedObjectSize(h plumbing.Hash) (int64, error)
}

func (t *treeFS) blobSizeLocked(name string, h plumbing.Hash) (int64, error) {
	if s, ok := t.s.(objectSizer); ok {
		if size, err := s.EncodedObjectSize(h); err == nil {
			return size, nil
		}
		// Objects only an alternate store holds are found below.
	}
	obj, err := t.s.EncodedObject(plumbing.BlobObject, h)
	if err != nil {
		return 0, t.objectErr(name, fmt.Errorf("read blob %s: %w", h, err))
	}
	return obj.Size(), nil
}

func (t *treeFS) linkTargetLocked(name string, h plumbing.Hash) (string, error) {
	blob, err := object.GetBlob(t.s, h)
	if err != nil {
		return "", t.objectErr(name, fmt.Errorf("read symlink %s: %w", h, err))
	}
	if blob.Size > maxLinkTarget {
		return "", fmt.Errorf("symlink target over %d bytes", maxLinkTarget)
	}
	r, err := blob.Reader()
	if err != nil {
		return "", t.objectErr(name, fmt.Errorf("read symlink %s: %w", h, err))
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, maxLinkTarget))
	if err != nil {
		return "", t.objectErr(name, fmt.Errorf("read symlink %s: %w", h, err))
	}
	return string(data), nil
}

func (t *treeFS) dirEntries(dir string, d *dirNode) []fs.DirEntry {
	out := make([]fs.DirEntry, len(d.entries))
	for i, e := range d.entries {
		out[i] = &treeDirEntry{fs: t, dir: dir, e: e}
	}
	return out
}

func (t *treeFS) infoFor(name string, e object.TreeEntry, size int64) fs.FileInfo {
	base := path.Base(name)
	return &treeInfo{name: base, size: size, mode: fsMode(e.Mode), mtime: t.mtime}
}

func fsMode(m filemode.FileMode) fs.FileMode {
	switch m {
	case filemode.Dir:
		return fs.ModeDir | 0o755
	case filemode.Executable:
		return 0o755
	case filemode.Symlink:
		return fs.ModeSymlink | 0o777
	default:
		return 0o644
	}
}

type treeInfo struct {
	name  string
	size  int64
	mode  fs.FileMode
	mtime time.Time
}

func (i *treeInfo) Name() string       { return i.name }
func (i *treeInfo) Size() int64        { return i.size }
func (i *treeInfo) Mode() fs.FileMode  { return i.mode }
func (i *treeInfo) ModTime() time.Time { return i.mtime }
func (i *treeInfo) IsDir() bool        { return i.mode.IsDir() }
func (i *treeInfo) Sys() any           { return nil }

// treeDirEntry describes an entry without following it; Info reads only the
// blob header for the size.
type treeDirEntry struct {
	fs  *treeFS
	dir string // the directory listed, for errors
	e   object.TreeEntry
}

func (d *treeDirEntry) Name() string      { return d.e.Name }
func (d *treeDirEntry) IsDir() bool       { return d.e.Mode == filemode.Dir }
func (d *treeDirEntry) Type() fs.FileMode { return fsMode(d.e.Mode).Type() }
func (d *treeDirEntry) String() string    { return fs.FormatDirEntry(d) }

func (d *treeDirEntry) Info() (fs.FileInfo, error) {
	var size int64
	if d.e.Mode != filemode.Dir {
		d.fs.mu.Lock()
		s, err := d.fs.blobSizeLocked(path.Join(d.dir, d.e.Name), d.e.Hash)
		d.fs.mu.Unlock()
		if err != nil {
			return nil, &fs.PathError{Op: "stat", Path: d.e.Name, Err: err}
		}
		size = s
	}
	return d.fs.infoFor(d.e.Name, d.e, size), nil
}

// treeFile streams a blob; the reader is opened on first Read and every Read
// holds the FS lock because packfile readers share go-git state.
type treeFile struct {
	fs     *treeFS
	name   string
	blob   *object.Blob
	info   fs.FileInfo
	r      io.ReadCloser
	closed bool
}

func (f *treeFile) Stat() (fs.FileInfo, error) { return f.info, nil }

func (f *treeFile) Read(p []byte) (int, error) {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if f.closed {
		return 0, &fs.PathError{Op: "read", Path: f.name, Err: fs.ErrClosed}
	}
	if f.r == nil {
		r, err := f.blob.Reader()
		if err != nil {
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: f.fs.objectErr(f.name, fmt.Errorf("read blob %s: %w", f.blob.Hash, err))}
		}
		f.r = r
	}
	n, err := f.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		err = &fs.PathError{Op: "read", Path: f.name, Err: f.fs.objectErr(f.name, fmt.Errorf("read blob %s: %w", f.blob.Hash, err))}
	}
	return n, err
}

func (f *treeFile) Close() error {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if f.closed {
		return &fs.PathError{Op: "close", Path: f.name, Err: fs.ErrClosed}
	}
	f.closed = true
	if f.r != nil {
		return f.r.Close()
	}
	return nil
}

type treeDir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	off     int
}

func (d *treeDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *treeDir) Close() error               { return nil }

func (d *treeDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errIsDir}
}

func (d *treeDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return rest[:n], nil
}
