// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"fmt"
	"path"
	"strings"
)

// maxWildcardPatterns bounds the patterns of one ignore file that must be
// tried one by one against every path (those without a literal name,
// extension or leading directory to look them up by). Beyond it, the
// earliest are dropped, with a problem: the cost of a path stays bounded
// whatever a pull request writes into a .gitignore.
const maxWildcardPatterns = 1000

// ignoreFile is one .gitignore (or info/exclude), compiled once so that the
// cost of matching a path does not grow with the number of its patterns:
// patterns are looked up by the literal base name, extension or first path
// component they need, and only the rest are tried one by one.
type ignoreFile struct {
	// dir is the directory the file applies to ("" for the root).
	dir  string
	pats []ignorePattern
	// Pattern indexes by what a path must have for them to match, in file
	// order (so the last match is the last one found).
	byName  map[string][]int32 // unanchored, literal: the base name
	byExt   map[string][]int32 // unanchored "*.ext": the extension from the last dot
	byFirst map[string][]int32 // anchored, literal first component
	rest    []int32
	// dropped is how many wildcard patterns maxWildcardPatterns left out.
	dropped int
}

// ignorePattern is one line of an ignore file (gitignore(5)).
type ignorePattern struct {
	negate  bool
	dirOnly bool
	// anchored patterns (with a slash before the end) match the path
	// relative to the file's directory, component by component (parts,
	// "**" standing for any number of them); the others match the base
	// name (parts[0]).
	anchored bool
	parts    []string
}

// parseIgnore compiles the text of the ignore file in dir.
func parseIgnore(dir string, data []byte) *ignoreFile {
	f := &ignoreFile{dir: dir, byName: map[string][]int32{}, byExt: map[string][]int32{}, byFirst: map[string][]int32{}}
	var wild []int32
	for line := range strings.SplitSeq(string(data), "\n") {
		p, ok := parseIgnoreLine(line)
		if !ok {
			continue
		}
		i := int32(len(f.pats)) //nolint:gosec // a 1 MiB file holds far fewer than 2^31 patterns
		f.pats = append(f.pats, p)
		first := p.parts[0]
		switch {
		case !p.anchored && isLiteral(first):
			f.byName[first] = append(f.byName[first], i)
		case !p.anchored && strings.HasPrefix(first, "*.") && isLiteral(first[1:]):
			ext := first[strings.LastIndexByte(first, '.'):]
			f.byExt[ext] = append(f.byExt[ext], i)
		case p.anchored && isLiteral(first):
			f.byFirst[first] = append(f.byFirst[first], i)
		default:
			wild = append(wild, i)
		}
	}
	if len(wild) > maxWildcardPatterns {
		// The last patterns win in an ignore file: keep those.
		f.dropped = len(wild) - maxWildcardPatterns
		wild = wild[f.dropped:]
	}
	f.rest = wild
	return f
}

// parseIgnoreLine reads one pattern; ok is false for blank lines and
// comments.
func parseIgnoreLine(line string) (ignorePattern, bool) {
	line = strings.TrimSuffix(line, "\r")
	if line == "" || line[0] == '#' {
		return ignorePattern{}, false
	}
	line = trimUnescapedSpaces(line)
	var p ignorePattern
	switch {
	case strings.HasPrefix(line, "!"):
		p.negate = true
		line = line[1:]
	case strings.HasPrefix(line, `\!`), strings.HasPrefix(line, `\#`):
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return ignorePattern{}, false
	}
	if strings.Contains(line, "/") {
		p.anchored = true
		line = strings.TrimLeft(line, "/")
		if line == "" {
			return ignorePattern{}, false
		}
	}
	p.parts = strings.Split(line, "/")
	// "**/name" is "name" at any depth: look it up by its name.
	if p.anchored && len(p.parts) == 2 && p.parts[0] == "**" {
		p.anchored = false
		p.parts = p.parts[1:]
	}
	if !p.anchored && p.parts[0] == "**" {
		// "**" alone matches everything, as "*" does.
		p.parts[0] = "*"
	}
	return p, true
}

// trimUnescapedSpaces drops trailing spaces not quoted with a backslash.
func trimUnescapedSpaces(s string) string {
	end := len(s)
	for end > 0 && s[end-1] == ' ' {
		if end >= 2 && s[end-2] == '\\' {
			break
		}
		end--
	}
	return s[:end]
}

func isLiteral(s string) bool { return !strings.ContainsAny(s, `*?[\`) }

// match reports whether the file decides about rel (a path relative to
// f.dir), and if so whether rel is ignored. base is rel's last component.
func (f *ignoreFile) match(rel, base string, isDir bool) (decided, ignored bool) {
	best := int32(-1)
	try := func(idx []int32) {
		for k := len(idx) - 1; k >= 0 && idx[k] > best; k-- {
			if f.pats[idx[k]].matches(rel, base, isDir) {
				best = idx[k]
				return
			}
		}
	}
	try(f.byName[base])
	if dot := strings.LastIndexByte(base, '.'); dot >= 0 {
		try(f.byExt[base[dot:]])
	}
	first, _, _ := strings.Cut(rel, "/")
	try(f.byFirst[first])
	try(f.rest)
	if best < 0 {
		return false, false
	}
	return true, !f.pats[best].negate
}

func (p *ignorePattern) matches(rel, base string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if !p.anchored {
		return globMatch(p.parts[0], base)
	}
	return matchParts(p.parts, rel)
}

// matchParts matches pattern components against a slash-separated path;
// "**" matches any number of components (at least one when last: "dir/**"
// is what is inside dir, not dir).
func matchParts(parts []string, rel string) bool {
	for len(parts) > 0 {
		if parts[0] == "**" {
			if len(parts) == 1 {
				return rel != ""
			}
			for {
				if matchParts(parts[1:], rel) {
					return true
				}
				i := strings.IndexByte(rel, '/')
				if i < 0 {
					return false
				}
				rel = rel[i+1:]
			}
		}
		if rel == "" {
			return false
		}
		comp, next, _ := strings.Cut(rel, "/")
		if !globMatch(parts[0], comp) {
			return false
		}
		parts, rel = parts[1:], next
	}
	return rel == ""
}

// globMatch matches one path component with fnmatch rules: "*", "?",
// "[...]" (negated with "!" or "^") and backslash escapes. A malformed
// pattern matches nothing.
func globMatch(pattern, name string) bool {
	if isLiteral(pattern) {
		return pattern == name
	}
	if strings.Contains(pattern, "[!") {
		pattern = strings.ReplaceAll(pattern, "[!", "[^")
	}
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

// ignoreStack is the ignore files that apply in a directory, from the
// lowest priority (info/exclude, the root .gitignore) to the highest (the
// directory's own).
type ignoreStack []*ignoreFile

// push returns the stack with f on top, sharing nothing the caller's other
// children may append to.
func (s ignoreStack) push(f *ignoreFile) ignoreStack {
	return append(s[:len(s):len(s)], f)
}

// ignored reports whether p (whose base name is base) is ignored: the
// deepest file with a matching pattern decides, and in it the last one.
func (s ignoreStack) ignored(p, base string, isDir bool) bool {
	for i := len(s) - 1; i >= 0; i-- {
		f := s[i]
		rel := p
		if f.dir != "" {
			rel = p[len(f.dir)+1:]
		}
		if decided, ignored := f.match(rel, base, isDir); decided {
			return ignored
		}
	}
	return false
}

// droppedProblem words a cap on wildcard patterns for the walk's problems.
func (f *ignoreFile) droppedProblem() string {
	return fmt.Sprintf("%d patterns need a full match against every path (no literal name, extension or leading directory); only the last %d are applied, the %d before them are not",
		len(f.rest)+f.dropped, maxWildcardPatterns, f.dropped)
}
