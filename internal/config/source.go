// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"

	"github.com/ospolint/ospolint/internal/repo"
)

// MaxFileSize caps one configuration file. A policy is a few kilobytes; the
// cap keeps a huge file, or a link to an endless device, from exhausting
// memory.
const MaxFileSize = 1 << 20

// maxFiles caps the files one configuration reads through extends.
const maxFiles = 64

// Source is where configuration files are read from: a file system that
// neither the top file nor any file it extends may leave. Every
// configuration file ospolint reads goes through it: only regular files, at
// most MaxFileSize bytes each, never a pipe or a device (which could block or
// never end), never a path or symbolic link leading out of FS.
type Source struct {
	// FS holds the files; names in it are slash-separated and relative. It
	// must not follow a symbolic link out of itself (os.Root and the
	// repository views do not).
	FS fs.FS
	// Dir is prefixed to file names in messages and positions, so they read
	// as the user would write them ("" or "." for none).
	Dir string
	// Bound names what FS is, for the message refusing a path that leaves
	// it ("the repository").
	Bound string
}

// OpenDir is a Source for the directory dir on disk, confined with os.Root:
// a symbolic link leading out of dir cannot be followed. Files are opened
// without blocking, so a named pipe swapped in after the check that it is a
// regular file is still refused rather than waited on. Close the returned
// closer when done.
func OpenDir(dir, display, bound string) (Source, io.Closer, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Source{}, nil, fmt.Errorf("open %s: %w", dir, err)
	}
	return Source{FS: rootFS{root}, Dir: display, Bound: bound}, root, nil
}

// rootFS is an os.Root as an fs.FS whose Open never blocks on a pipe.
type rootFS struct{ r *os.Root }

func (f rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return f.r.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

func (f rootFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return f.r.Stat(name)
}

// Lstat and ReadLink make rootFS an fs.ReadLinkFS, so fs.Lstat sees links.
func (f rootFS) Lstat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrInvalid}
	}
	return f.r.Lstat(name)
}

func (f rootFS) ReadLink(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return f.r.Readlink(name)
}

// display is how name is shown in messages and positions.
func (s Source) display(name string) string {
	if s.Dir == "" || s.Dir == "." {
		return name
	}
	return path.Join(s.Dir, name)
}

func (s Source) bound() string {
	if s.Bound == "" {
		return "the directory of the configuration"
	}
	return s.Bound
}

// read reads one configuration file. Its errors are parentErrors: the file
// that names this one (or the command line) says where the mistake is. No
// message holds the file's content.
func (s Source) read(name string) ([]byte, error) {
	shown := s.display(name)
	if s.FS == nil {
		return nil, &parentError{shown + " does not exist"}
	}
	info, err := fs.Stat(s.FS, name) // follows links, opens nothing
	if err != nil {
		return nil, s.statError(name, err)
	}
	if !info.Mode().IsRegular() {
		return nil, &parentError{fmt.Sprintf("%s is not a regular file (%s)", shown, kind(info.Mode()))}
	}
	if info.Size() > MaxFileSize {
		return nil, &parentError{fmt.Sprintf("%s is larger than %d bytes", shown, MaxFileSize)}
	}
	f, err := s.FS.Open(name)
	if err != nil {
		return nil, s.statError(name, err)
	}
	defer f.Close()
	// The path may have been replaced since Stat: judge what was opened.
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		what := "unknown"
		if err == nil {
			what = kind(info.Mode())
		}
		return nil, &parentError{fmt.Sprintf("%s is not a regular file (%s)", shown, what)}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &parentError{fmt.Sprintf("cannot read %s: %s", shown, errText(err))}
	}
	if len(data) > MaxFileSize {
		return nil, &parentError{fmt.Sprintf("%s is larger than %d bytes", shown, MaxFileSize)}
	}
	return data, nil
}

func (s Source) statError(name string, err error) error {
	shown := s.display(name)
	if errors.Is(err, fs.ErrNotExist) {
		return &parentError{shown + " does not exist"}
	}
	// A link that leads out of FS fails to resolve while the link itself
	// is there.
	if li, lerr := fs.Lstat(s.FS, name); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
		return &parentError{fmt.Sprintf("%s is a symbolic link leading outside %s, or to nothing", shown, s.bound())}
	}
	return &parentError{fmt.Sprintf("cannot read %s: %s", shown, errText(err))}
}

// errText is an error without the path the caller already names.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// extendsPath resolves a file named by extends in file: relative to file's
// directory, a .yml or .yaml file, and inside the Source.
func (s Source) extendsPath(file, ext string) (string, error) {
	if strings.Contains(ext, `\`) {
		return "", &parentError{fmt.Sprintf("%q: write paths with /", ext)}
	}
	if path.IsAbs(ext) {
		return "", &parentError{fmt.Sprintf("%q is an absolute path: name the file relative to %s", ext, s.display(file))}
	}
	if e := path.Ext(ext); e != ".yml" && e != ".yaml" {
		return "", &parentError{fmt.Sprintf("%q is neither a built-in rule set (%s) nor a .yml or .yaml file", ext, builtinNames())}
	}
	p := path.Join(path.Dir(file), ext)
	if !fs.ValidPath(p) {
		return "", &parentError{fmt.Sprintf("%q leads outside %s", ext, s.bound())}
	}
	return p, nil
}

// ForRepo loads the configuration a repository view brings: its own
// FileName, read from the view (so a revision or a clone brings its own, and
// extends stay inside it), or the built-in set base ("" for the default)
// when it has none.
func ForRepo(r *repo.Repo, base string) (*Config, error) {
	src := Source{FS: r.FS, Bound: "the repository"}
	if _, err := fs.Lstat(r.FS, FileName); err == nil {
		return Load(src, FileName, base)
	}
	if base == "" {
		base = DefaultSet
	}
	return Load(src, "", base)
}
