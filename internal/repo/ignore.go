// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// maxWildcardPatterns bounds the glob patterns of one ignore file that a
// path may have to be matched against: those without a literal name,
// extension or path to look them up by, and those under one literal
// leading directory. Beyond it, the earliest are dropped, with a problem:
// the cost of a path stays bounded whatever a pull request writes into a
// .gitignore.
const maxWildcardPatterns = 1000

// ignoreFile is one .gitignore (or info/exclude), compiled once so that the
// cost of matching a path does not grow with the number of its patterns:
// patterns are looked up by what a path must have for them to match — a
// literal base name, extension, path or first component, the first or last
// byte of the base name, the number of components — and only the few
// found are matched. A pattern repeated is kept once, at its last place.
type ignoreFile struct {
	// dir is the directory the file applies to ("" for the root).
	dir  string
	pats []ignorePattern
	// Pattern indexes, each list in file order (so the last match is the
	// last one found).
	byName  map[string][]int32 // unanchored, literal: the base name
	byExt   map[string][]int32 // unanchored "*.ext": the extension from the last dot
	byPath  map[string][]int32 // anchored, literal: the path
	byFirst map[string][]int32 // anchored glob with a literal first component
	byLead  map[byte][]int32   // unanchored glob starting with a literal byte
	byTail  map[byte][]int32   // unanchored glob ending with one
	byDepth map[int][]int32    // anchored glob without "**": its number of components
	rest    []int32
	// dropped is how many glob patterns maxWildcardPatterns left out.
	dropped int
}

// ignorePattern is one line of an ignore file (gitignore(5)).
type ignorePattern struct {
	negate  bool
	dirOnly bool
	// anchored patterns (with a slash before the end) match the path
	// relative to the file's directory, component by component (parts,
	// "**" standing for any number of them); the others match the base
	// name (parts[0]). Globs are ready for path.Match.
	anchored bool
	parts    []string
	// lit is a run of plain text an unanchored glob's matches contain:
	// strings.Contains rules most names out before path.Match.
	lit string
}

// key identifies what a pattern matches: two lines with the same key are
// the same pattern.
func (p *ignorePattern) key() string {
	flags := []byte{'-', '-', '-'}
	if p.negate {
		flags[0] = '!'
	}
	if p.dirOnly {
		flags[1] = 'd'
	}
	if p.anchored {
		flags[2] = 'a'
	}
	return string(flags) + strings.Join(p.parts, "/")
}

// parseIgnore compiles the text of the ignore file in dir.
func parseIgnore(dir string, data []byte) *ignoreFile {
	f := &ignoreFile{
		dir: dir, byName: map[string][]int32{}, byExt: map[string][]int32{}, byPath: map[string][]int32{},
		byFirst: map[string][]int32{}, byLead: map[byte][]int32{}, byTail: map[byte][]int32{}, byDepth: map[int][]int32{},
	}
	last := map[string]int{}
	for line := range strings.SplitSeq(string(data), "\n") {
		p, ok := parseIgnoreLine(line)
		if !ok {
			continue
		}
		last[p.key()] = len(f.pats)
		f.pats = append(f.pats, p)
	}
	var globs []int32
	for j := range f.pats {
		p := &f.pats[j]
		if last[p.key()] != j {
			// The same pattern comes again below: that one decides.
			continue
		}
		i := int32(j) // a 1 MiB file holds far fewer than 2^31 patterns
		first := p.parts[0]
		switch {
		case !p.anchored && isLiteral(first):
			f.byName[first] = append(f.byName[first], i)
		case !p.anchored && strings.HasPrefix(first, "*.") && isLiteral(first[1:]):
			ext := first[strings.LastIndexByte(first, '.'):]
			f.byExt[ext] = append(f.byExt[ext], i)
		case p.anchored && !slices.ContainsFunc(p.parts, func(s string) bool { return !isLiteral(s) }):
			k := strings.Join(p.parts, "/")
			f.byPath[k] = append(f.byPath[k], i)
		case p.anchored && isLiteral(first):
			f.byFirst[first] = append(f.byFirst[first], i)
		default:
			globs = append(globs, i)
		}
	}
	for k, idx := range f.byFirst {
		if n := len(idx) - maxWildcardPatterns; n > 0 {
			f.dropped += n
			f.byFirst[k] = idx[n:]
		}
	}
	if n := len(globs) - maxWildcardPatterns; n > 0 {
		// The last patterns win in an ignore file: keep those.
		f.dropped += n
		globs = globs[n:]
	}
	for _, i := range globs {
		p := &f.pats[i]
		first := p.parts[0]
		switch {
		case !p.anchored && isLiteral(first[:1]):
			f.byLead[first[0]] = append(f.byLead[first[0]], i)
		case !p.anchored && literalTail(first):
			f.byTail[first[len(first)-1]] = append(f.byTail[first[len(first)-1]], i)
		case p.anchored && !slices.Contains(p.parts, "**"):
			f.byDepth[len(p.parts)] = append(f.byDepth[len(p.parts)], i)
		default:
			f.rest = append(f.rest, i)
		}
	}
	return f
}

// literalTail reports whether a glob's last byte is plain text.
func literalTail(g string) bool {
	n := len(g)
	return n >= 2 && !strings.ContainsRune(`*?]\`, rune(g[n-1])) && g[n-2] != '\\'
}

// longestLiteral is the longest run of plain text in a glob: any name it
// matches contains that run. Classes ("[ch]") and wildcards end a run; an
// escaped character is plain text.
func longestLiteral(g string) string {
	best, run := "", []byte{}
	flush := func() {
		if len(run) > len(best) {
			best = string(run)
		}
		run = run[:0]
	}
	for i := 0; i < len(g); i++ {
		switch c := g[i]; c {
		case '*', '?':
			flush()
		case '[':
			flush()
			// Skip the class: "]" right after "[" or "[^" is a member.
			j := i + 1
			if j < len(g) && g[j] == '^' {
				j++
			}
			if j < len(g) && g[j] == ']' {
				j++
			}
			for j < len(g) && g[j] != ']' {
				if g[j] == '\\' {
					j++
				}
				j++
			}
			i = j
		case '\\':
			if i+1 < len(g) {
				i++
				run = append(run, g[i])
			}
		default:
			run = append(run, c)
		}
	}
	flush()
	return best
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
	for i, part := range p.parts {
		// fnmatch negates a class with "!" as well as "^".
		p.parts[i] = strings.ReplaceAll(part, "[!", "[^")
	}
	if !p.anchored {
		p.lit = longestLiteral(p.parts[0])
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
	best, _ := f.lookup(rel, base, isDir)
	if best < 0 {
		return false, false
	}
	return true, !f.pats[best].negate
}

// lookup finds the last pattern matching rel (-1 for none); tries is how
// many patterns it matched rel against, which does not grow with the
// number of patterns beyond a few per literal key and maxWildcardPatterns.
func (f *ignoreFile) lookup(rel, base string, isDir bool) (best int32, tries int) {
	best = -1
	try := func(idx []int32) {
		for k := len(idx) - 1; k >= 0 && idx[k] > best; k-- {
			tries++
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
	if len(f.byPath) > 0 {
		try(f.byPath[rel])
	}
	first, _, _ := strings.Cut(rel, "/")
	try(f.byFirst[first])
	if len(f.byLead) > 0 {
		try(f.byLead[base[0]])
	}
	if len(f.byTail) > 0 {
		try(f.byTail[base[len(base)-1]])
	}
	if len(f.byDepth) > 0 {
		try(f.byDepth[strings.Count(rel, "/")+1])
	}
	try(f.rest)
	return best, tries
}

func (p *ignorePattern) matches(rel, base string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if !p.anchored {
		return (p.lit == "" || strings.Contains(base, p.lit)) && globMatch(p.parts[0], base)
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
// "[...]" (negated with "^"; parseIgnoreLine turned "[!" into "[^") and
// backslash escapes. A malformed pattern matches nothing.
func globMatch(pattern, name string) bool {
	if isLiteral(pattern) {
		return pattern == name
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

// droppedProblem words a cap on glob patterns for the walk's problems.
func (f *ignoreFile) droppedProblem() string {
	return fmt.Sprintf("too many glob patterns to try on one path (more than %d without a literal name, extension or path, or under one leading directory): the %d earliest are not applied",
		maxWildcardPatterns, f.dropped)
}
