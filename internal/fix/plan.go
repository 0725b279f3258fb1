// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ospolint/ospolint/internal/license"
)

// MaxRewrite caps the files fix rewrites in place; larger ones get a sidecar.
const MaxRewrite = 16 << 20

// maxSidecar caps an existing .license sidecar read for completion.
const maxSidecar = 1 << 20

// Request is what fix is asked to repair, from a scan's findings.
type Request struct {
	// Headers are the files without licensing or copyright information,
	// and which of the two each lacks (as the scan found).
	Headers map[string]Tags
	// Community are missing community files, at the paths where they are
	// expected.
	Community []string
	// Header is what new headers and sidecars say; Project fills the
	// community templates.
	Header  Header
	Project Project
	// Licenses are identifiers the licensing information already names;
	// Texts are those with a text in LICENSES/ (both from the scan). Every
	// licence named, there or in what the plan writes, gets its text
	// (LICENSES/<id>.txt) from Text.
	Licenses, Texts []string
	Text            TextFunc
	// LicenceFiles are the licence files the scan identified; a root
	// LICENCE file gets a sidecar (see legacyCovered).
	LicenceFiles []license.File
}

// Plan is what fix would change, and what it leaves for a person.
type Plan struct {
	Changes []Change // sorted by path
	// Skipped say, one per path, why a finding is not fixed.
	Skipped []string
}

// Plan turns a request into changes, reading the tree the way Apply writes
// it: a path through a symbolic link, a file with more than one hard link or
// anything but a regular file is never read for a rewrite; such files are
// listed in Skipped (or, for a hard-linked file, described in a sidecar), so
// the plan shown by --dry-run is exactly what Apply does. Licence texts
// missing from LICENSES/ are added for the licences the tree names and those
// the new headers name. A missing value that every header needs (the
// licence, the copyright holder) is an error.
func (t *Tree) Plan(req Request) (Plan, error) {
	t.forgetDirs()
	var pl Plan
	for _, p := range sortedKeys(req.Headers) {
		c, ok, err := t.headerChange(p, req.Header, req.Headers[p])
		var blocked *BlockedError
		switch {
		case errors.As(err, &blocked):
			pl.Skipped = append(pl.Skipped, blocked.Error())
		case err != nil:
			return Plan{}, err
		case ok:
			pl.Changes = append(pl.Changes, c)
		}
	}
	for _, p := range sorted(req.Community) {
		switch st, _, why := t.Inspect(p); st {
		case Regular:
			continue // the file exists; what it lacks needs a person
		case Blocked:
			pl.Skipped = append(pl.Skipped, (&BlockedError{Path: p, Why: why}).Error())
			continue
		}
		if _, err := t.dirsToCreate(p); err != nil {
			pl.Skipped = append(pl.Skipped, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		c, err := Community(p, req.Project, req.Header)
		if err != nil {
			pl.Skipped = append(pl.Skipped, p+": "+err.Error())
			continue
		}
		pl.Changes = append(pl.Changes, c)
	}
	for _, f := range req.LicenceFiles {
		c, ok, err := t.legacySidecar(f, req.Header)
		switch {
		case err != nil:
			pl.Skipped = append(pl.Skipped, f.Path+": REUSE tools before the 3.3 specification want licensing information for it: "+err.Error())
		case ok:
			pl.Changes = append(pl.Changes, c)
		}
	}
	need := append([]string(nil), req.Licenses...)
	for _, c := range pl.Changes {
		need = append(need, licenseKeys(c.license)...)
	}
	texts, skipped := t.textChanges(need, req.Texts, req.Text)
	pl.Changes = append(pl.Changes, texts...)
	pl.Skipped = append(pl.Skipped, skipped...)
	pl.dropIgnored(newIgnores(t))
	sort.Slice(pl.Changes, func(i, j int) bool { return pl.Changes[i].Path < pl.Changes[j].Path })
	return pl, nil
}

// dropIgnored turns the new files and sidecars git would ignore into
// Skipped: a scan would not see them, nor would the REUSE tool, and git add
// leaves them out. (The files the findings are about were walked, so they
// are not ignored.)
func (pl *Plan) dropIgnored(ig *ignores) {
	kept := pl.Changes[:0]
	for _, c := range pl.Changes {
		where, ok := "", false
		if c.Old == nil || strings.HasSuffix(c.Path, SidecarSuffix) {
			where, ok = ig.ignored(c.Path)
		}
		if !ok {
			kept = append(kept, c)
			continue
		}
		hint := "add !/" + c.Path + " to the .gitignore"
		if f, sidecar := strings.CutSuffix(c.Path, SidecarSuffix); sidecar {
			hint = "cover " + f + " in REUSE.toml instead, or " + hint
		}
		pl.Skipped = append(pl.Skipped, fmt.Sprintf("%s: git ignores it (%s), so no scan would see it; %s", c.Path, where, hint))
	}
	pl.Changes = kept
}

// headerChange plans the header or sidecar of one file: the sidecar when
// the file has one (it is where the information goes) or cannot hold a
// comment, is binary, too large or hard-linked; the header otherwise.
// A *BlockedError means neither may be written.
func (t *Tree) headerChange(p string, h Header, need Tags) (Change, bool, error) {
	side := p + SidecarSuffix
	switch st, _, why := t.Inspect(side); st {
	case Blocked:
		return Change{}, false, &BlockedError{Path: side, Why: why}
	case Regular:
		existing, err := t.ReadFile(side, maxSidecar)
		if err != nil {
			return Change{}, false, fmt.Errorf("%s: %w", side, err)
		}
		return Sidecar(p, existing, h, need)
	}
	st, info, why := t.Inspect(p)
	switch {
	case st == Absent:
		return Change{}, false, nil // gone since the scan
	case st == Blocked && info != nil && info.Mode().IsRegular():
		// Hard-linked: the licensing information goes beside it.
		c, ok, err := Sidecar(p, nil, h, need)
		c.Reason = fmt.Sprintf("licensing info for %s, which has %d hard links and is not rewritten", p, links(info))
		return c, ok, err
	case st == Blocked:
		return Change{}, false, &BlockedError{Path: p, Why: why}
	case info.Size() > MaxRewrite:
		return Sidecar(p, nil, h, need)
	}
	data, err := t.ReadFile(p, MaxRewrite)
	if errors.Is(err, errTooLarge) {
		return Sidecar(p, nil, h, need) // grew since the Inspect
	}
	if err != nil {
		return Change{}, false, err
	}
	out, ok, err := AddHeader(p, data, h, need)
	switch {
	case err != nil:
		return Change{}, false, fmt.Errorf("%s: %w", p, err)
	case ok:
		return Change{Path: p, Old: data, New: out, Reason: "SPDX header added", license: h.written(need)}, true, nil
	}
	return Sidecar(p, nil, h, need) // no comment syntax, or binary
}

// SidecarSuffix is the REUSE sidecar's suffix: "logo.png.license".
const SidecarSuffix = ".license"

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// legacyCovered reports whether a name is one REUSE 3.3 ignores as a licence
// file but earlier REUSE tools (which ignore names starting with LICENSE or
// COPYING only, such as Debian 12's reuse 1.1.2) want licensing information
// for: LICENCE, LICENCE-*, LICENCE.*.
func legacyCovered(name string) bool {
	rest, ok := strings.CutPrefix(name, "LICENCE")
	return ok && (rest == "" || rest[0] == '-' || rest[0] == '.') && !strings.HasSuffix(name, SidecarSuffix)
}

// legacySidecar gives a root licence file spelt LICENCE a sidecar naming
// the licence it holds, so `reuse lint` passes with the older tools too.
func (t *Tree) legacySidecar(f license.File, h Header) (Change, bool, error) {
	if strings.Contains(f.Path, "/") || !legacyCovered(f.Path) || f.Error != "" || ValidateLicense(f.Expression) != nil {
		return Change{}, false, nil
	}
	if st, _, _ := t.Inspect(f.Path + SidecarSuffix); st != Absent {
		return Change{}, false, nil
	}
	if st, _, _ := t.Inspect(f.Path); st != Regular {
		return Change{}, false, nil
	}
	h.License = f.Expression
	c, ok, err := Sidecar(f.Path, nil, h, Tags{})
	c.Reason = "licensing info for " + f.Path + ", which REUSE tools before the 3.3 specification do not ignore"
	return c, ok, err
}
