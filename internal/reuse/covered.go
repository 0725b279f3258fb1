// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package reuse checks a repository against the REUSE Specification 3.3: which
// files are Covered Files, the licensing information of each (comment
// header, .license sidecar, REUSE.toml, .reuse/dep5), and the licence texts in
// LICENSES/. It reads nothing itself: the caller gives it the file index and
// the files' heads, so a scan reads each file once.
package reuse

import (
	"path"
	"strings"

	"github.com/ospolint/ospolint/internal/repo"
)

// SidecarSuffix names the file that holds the licensing information of a
// file that cannot hold it ("logo.png.license").
const SidecarSuffix = ".license"

// TOMLName is the name of REUSE.toml files.
const TOMLName = "REUSE.toml"

// LicensesDir holds the licence texts.
const LicensesDir = "LICENSES"

// ignoredDir reports whether REUSE skips a directory by its name, at any
// depth: version control, licence texts and the REUSE tool's own files. The
// specification names the root LICENSES/ and .reuse/ only; the REUSE tool
// skips them everywhere, and so does ospolint.
func ignoredDir(name string) bool {
	switch name {
	case ".git", ".hg", ".sl", LicensesDir, ".reuse":
		return true
	}
	return false
}

// ignoredName reports whether a file is not a Covered File by its name:
// COPYING and LICENSE/LICENCE files (with a "-" or "." suffix), sidecars,
// REUSE.toml, version-control files and SPDX documents.
func ignoredName(name string) bool {
	switch name {
	case ".git", ".hgtags", TOMLName:
		return true
	}
	for _, p := range []string{"LICENSE", "LICENCE", "COPYING"} {
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "" || rest[0] == '-' || rest[0] == '.') {
			return true
		}
	}
	if strings.HasSuffix(name, SidecarSuffix) || strings.HasSuffix(name, ".spdx") {
		return true
	}
	if i := strings.Index(name, ".spdx."); i >= 0 {
		switch name[i+len(".spdx."):] {
		case "rdf", "json", "xml", "yaml", "yml":
			return true
		}
	}
	// Licence texts the REUSE tool ships under these names (its issue 229).
	for _, p := range []string{"CAL-1.0", "CAL-1.0-Combined-Work-Exception", "SHL-2.1"} {
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "" || rest[0] == '.' && len(rest) > 1) {
			return true
		}
	}
	return false
}

// Layout answers which indexed files are Covered Files.
type Layout struct {
	ix *repo.Index
	// submodules are directories holding a .git file: separate projects.
	submodules map[string]bool
	// slots[i] numbers the file at index position i when its text is read
	// (-1 otherwise), computed once: the file pass asks for every file.
	slots  []int
	nSlots int
	// covered are the index positions of the Covered Files, in order.
	covered []int
	// sidecars are the paths with a .license file beside them.
	sidecars map[string]bool
	// annotated is true when a REUSE.toml or .reuse/dep5 may lend files
	// licensing information.
	annotated bool
}

// NewLayout prepares the covered-file rules for an index.
func NewLayout(ix *repo.Index) *Layout {
	l := &Layout{ix: ix, submodules: map[string]bool{}, sidecars: map[string]bool{}}
	for _, d := range ix.NestedRepos() {
		l.submodules[d] = true
	}
	files := ix.Files()
	for _, e := range files {
		if e.Name() == ".git" && e.Dir() != "" {
			l.submodules[e.Dir()] = true
		}
		if base, ok := strings.CutSuffix(e.Path, SidecarSuffix); ok && !e.Escapes {
			l.sidecars[base] = true
		}
		if e.Name() == TOMLName || e.Path == Dep5Path {
			l.annotated = true
		}
	}
	// Which files are covered and need their text is worked out side by
	// side (a path's directories are checked one by one), then numbered.
	const covered, needs = 1, 2
	flags := make([]uint8, len(files))
	parallel(len(files), func(i int) {
		cov := l.Covered(files[i])
		if cov {
			flags[i] |= covered
		}
		if l.needsTextCovered(files[i], cov) {
			flags[i] |= needs
		}
	})
	l.slots = make([]int, len(files))
	for i, f := range flags {
		l.slots[i] = -1
		if f&covered != 0 {
			l.covered = append(l.covered, i)
		}
		if f&needs != 0 {
			l.slots[i] = l.nSlots
			l.nSlots++
		}
	}
	return l
}

// CoveredFiles returns the Covered Files, in index order.
func (l *Layout) CoveredFiles() []string {
	files := l.ix.Files()
	out := make([]string, len(l.covered))
	for k, i := range l.covered {
		out[k] = files[i].Path
	}
	return out
}

// Annotated reports whether the repository holds a REUSE.toml or a
// .reuse/dep5, which may give a file the licence or copyright its own text
// lacks.
func (l *Layout) Annotated() bool { return l.annotated }

// Covered reports whether a file must carry licensing information: not a
// symlink, not empty, not excluded by name, and in no skipped directory
// (version control, LICENSES/, .reuse/, a submodule, a Meson subproject).
// Files the walk left out (.gitignore, configured excludes) are not in the
// index at all.
func (l *Layout) Covered(e repo.Entry) bool {
	if e.Symlink || e.Size == 0 || ignoredName(e.Name()) {
		return false
	}
	dir := e.Dir()
	if dir == "" {
		return true
	}
	parent := ""
	for rest := dir; rest != ""; {
		p := rest
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			p, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if ignoredDir(p) || parent == "subprojects" {
			return false
		}
		parent = p
	}
	if len(l.submodules) > 0 {
		for d := dir; d != "." && d != ""; d = path.Dir(d) {
			if l.submodules[d] {
				return false
			}
		}
	}
	return true
}

// CoveredPath is Covered for a path, false when it is not indexed.
func (l *Layout) CoveredPath(p string) bool {
	e, ok := l.ix.Lookup(p)
	return ok && l.Covered(e)
}

// Sidecar returns the .license file of a path when it exists.
func (l *Layout) Sidecar(p string) (string, bool) {
	if !l.sidecars[p] {
		return "", false
	}
	return p + SidecarSuffix, true
}

// Source is the file whose text holds a covered file's own licensing
// information: its sidecar when it has one, else itself.
func (l *Layout) Source(p string) string {
	if s, ok := l.Sidecar(p); ok {
		return s
	}
	return p
}

// Slot numbers the paths whose text is read for licensing information (a
// covered file without a sidecar, or the sidecar of a covered file),
// 0..Slots()-1, so callers can keep per-file results in a slice; ok is
// false for any other path.
func (l *Layout) Slot(p string) (int, bool) {
	i, ok := l.ix.Position(p)
	if !ok || l.slots[i] < 0 {
		return 0, false
	}
	return l.slots[i], true
}

// Slots is the number of paths Slot numbers.
func (l *Layout) Slots() int { return l.nSlots }

// needsTextCovered reports whether Slot numbers e, whose Covered is cov.
func (l *Layout) needsTextCovered(e repo.Entry, cov bool) bool {
	if base, ok := strings.CutSuffix(e.Path, SidecarSuffix); ok {
		// A sidecar of nothing covered is itself not covered.
		return l.CoveredPath(base)
	}
	return cov && !l.sidecars[e.Path]
}
