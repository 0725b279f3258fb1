// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// IndexPaths builds an index of the named files only, without walking the
// repository: the pre-commit hook checks the files it is given, however
// large the repository. Entries are made as Walk makes them (symlinks that
// stay inside the repository followed, those that leave marked). Paths that
// do not exist, directories and special files are left out; paths that are
// excluded, lie below a directory that is, or lie inside ".git" are left out
// too. Other errors are problems, as in Walk.
func IndexPaths(r *Repo, paths []string, exclude func(p string, isDir bool) bool) (*Index, []Problem) {
	var entries []Entry
	var problems []Problem
	seen := map[string]bool{}
	for _, p := range paths {
		p = path.Clean(strings.TrimPrefix(p, "./"))
		if seen[p] || !fs.ValidPath(p) || p == "." || insideGit(p) || excludedPath(p, exclude) {
			continue
		}
		seen[p] = true
		info, err := fs.Lstat(r.FS, p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			problems = append(problems, Problem{Path: p, Message: "cannot stat: " + cleanErr(err)})
			continue
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := fs.Stat(r.FS, p)
			if err != nil {
				problems = append(problems, Problem{Path: p, Message: "symlink not followed: " + cleanErr(err)})
				entries = append(entries, Entry{Path: p, Symlink: true, Escapes: true})
				continue
			}
			if target.Mode().IsRegular() {
				entries = append(entries, Entry{Path: p, Size: target.Size(), Symlink: true})
			}
		case info.Mode().IsRegular():
			entries = append(entries, Entry{Path: p, Size: info.Size()})
		}
	}
	sortProblems(problems)
	return NewIndex(entries), problems
}

func insideGit(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if part == ".git" {
			return true
		}
	}
	return false
}

// excludedPath applies a walk's exclude function to a path and to every
// directory above it, as the walk would have met them.
func excludedPath(p string, exclude func(string, bool) bool) bool {
	if exclude == nil {
		return false
	}
	dirs := strings.Split(p, "/")
	for i := 1; i < len(dirs); i++ {
		if exclude(strings.Join(dirs[:i], "/"), true) {
			return true
		}
	}
	return exclude(p, false)
}

// TopLevel is the top of the git working tree holding dir, or dir itself
// when it is in none.
func TopLevel(dir string) string {
	g, found, err := findGit(dir, true)
	if err != nil || !found || g.top == "" {
		return dir
	}
	return g.top
}
