// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// maxAlternateDepth is how deep alternates may chain (an alternate store
// with alternates of its own), as in git.
const maxAlternateDepth = 5

// maxAlternatesFile caps the read of an objects/info/alternates file.
const maxAlternatesFile = 64 << 10

// objectStore is a repository's object store together with the stores its
// objects/info/alternates file names (`git clone --shared`, `--reference`,
// CI caches), searched in git's order: its own objects first, then each
// alternate. go-git follows alternates itself only within the repository's
// directory (an absolute path outside it, the usual case, is not found,
// and a relative one is read from the wrong place) and reopens every
// alternate store at each object it misses, so the store here hides the
// alternates file from go-git and opens each alternate once.
type objectStore struct {
	*filesystem.Storage
	alts []*filesystem.Storage
}

// openObjectStore opens the store of a git directory (fsys) whose objects
// are in objectsDir on disk, with its alternates. A named alternate that is
// missing is an error: the objects it holds could not be read.
func openObjectStore(fsys billy.Filesystem, objectsDir string) (*objectStore, error) {
	dirs, err := alternateDirs(objectsDir)
	if err != nil {
		return nil, err
	}
	st := &objectStore{Storage: diskStorage(noAlternates{fsys})}
	for _, d := range dirs {
		// Chains were followed above: each store reads its own objects.
		st.alts = append(st.alts, diskStorage(noAlternates{osfs.New(filepath.Dir(d))}))
	}
	return st, nil
}

// EncodedObject finds an object in the store, then in its alternates.
func (s *objectStore) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	obj, err := s.Storage.EncodedObject(t, h)
	if err == nil || !errors.Is(err, plumbing.ErrObjectNotFound) {
		return obj, err
	}
	for _, a := range s.alts {
		obj, aerr := a.EncodedObject(t, h)
		if aerr == nil || !errors.Is(aerr, plumbing.ErrObjectNotFound) {
			return obj, aerr
		}
	}
	return nil, err
}

// EncodedObjectSize reads an object's size from its header, in the store
// or in its alternates.
func (s *objectStore) EncodedObjectSize(h plumbing.Hash) (int64, error) {
	size, err := s.Storage.EncodedObjectSize(h)
	if err == nil || !errors.Is(err, plumbing.ErrObjectNotFound) {
		return size, err
	}
	for _, a := range s.alts {
		size, aerr := a.EncodedObjectSize(h)
		if aerr == nil || !errors.Is(aerr, plumbing.ErrObjectNotFound) {
			return size, aerr
		}
	}
	return 0, err
}

// HasEncodedObject reports whether the store or an alternate holds h.
func (s *objectStore) HasEncodedObject(h plumbing.Hash) error {
	err := s.Storage.HasEncodedObject(h)
	if err == nil || !errors.Is(err, plumbing.ErrObjectNotFound) {
		return err
	}
	for _, a := range s.alts {
		if aerr := a.HasEncodedObject(h); aerr == nil || !errors.Is(aerr, plumbing.ErrObjectNotFound) {
			return aerr
		}
	}
	return err
}

// HashesWithPrefix lists the objects whose hash starts with prefix, in the
// store and its alternates, for go-git to resolve an abbreviated hash.
func (s *objectStore) HashesWithPrefix(prefix []byte) ([]plumbing.Hash, error) {
	hashes, err := s.Storage.HashesWithPrefix(prefix)
	if err != nil {
		return nil, err
	}
	for _, a := range s.alts {
		more, err := a.HashesWithPrefix(prefix)
		if err != nil {
			return nil, err
		}
		for _, h := range more {
			if !slices.Contains(hashes, h) {
				hashes = append(hashes, h)
			}
		}
	}
	return hashes, nil
}

// Close closes the store and its alternates.
func (s *objectStore) Close() error {
	err := s.Storage.Close()
	for _, a := range s.alts {
		err = errors.Join(err, a.Close())
	}
	return err
}

// alternateDirs lists the object directories objects/info/alternates names,
// following chains breadth first, as git reads them: one path a line,
// relative paths from the object directory holding the file, "#" comments,
// C-quoted paths.
func alternateDirs(objectsDir string) ([]string, error) {
	seen := map[string]bool{filepath.Clean(objectsDir): true}
	var out []string
	level := []string{filepath.Clean(objectsDir)}
	for depth := 0; len(level) > 0; depth++ {
		var next []string
		for _, dir := range level {
			p := filepath.Join(dir, "info", "alternates")
			data, err := readOSFile(p, maxAlternatesFile)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", p, err)
			}
			if depth >= maxAlternateDepth {
				return nil, fmt.Errorf("%s: alternates chained deeper than %d stores", p, maxAlternateDepth)
			}
			for i, line := range strings.Split(string(data), "\n") {
				alt, err := alternateLine(dir, line)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", p, i+1, err)
				}
				if alt == "" || seen[alt] {
					continue
				}
				seen[alt] = true
				if info, err := os.Stat(alt); err != nil || !info.IsDir() {
					return nil, fmt.Errorf("%s:%d names %s, which is not a directory: the objects stored there cannot be read", p, i+1, alt)
				}
				if filepath.Base(alt) != "objects" {
					// go-git reads a store as the "objects" directory of a
					// git directory.
					return nil, fmt.Errorf("%s:%d names %s: an alternate object directory not called \"objects\" is not supported", p, i+1, alt)
				}
				out = append(out, alt)
				next = append(next, alt)
			}
		}
		level = next
	}
	return out, nil
}

// alternateLine is the object directory one line of an alternates file
// names, or "" for a blank line or a comment.
func alternateLine(dir, line string) (string, error) {
	line = strings.TrimSuffix(line, "\r")
	if line == "" || strings.HasPrefix(line, "#") {
		return "", nil
	}
	if strings.HasPrefix(line, `"`) {
		unq, err := strconv.Unquote(line)
		if err != nil {
			return "", fmt.Errorf("bad quoted path %s", line)
		}
		line = unq
	}
	if !filepath.IsAbs(line) {
		line = filepath.Join(dir, line)
	}
	return filepath.Clean(line), nil
}

// noAlternates hides objects/info/alternates from go-git, which would
// otherwise read it again at every object it does not find (objectStore
// follows alternates instead).
type noAlternates struct{ billy.Filesystem }

func (f noAlternates) Open(name string) (billy.File, error) {
	if filepath.ToSlash(filepath.Clean(name)) == "objects/info/alternates" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.Filesystem.Open(name)
}
