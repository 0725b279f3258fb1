// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"path"
	"strings"

	"github.com/ospolint/ospolint/checks/fileset"
)

// communityDirs are where GitHub looks for community health files, in its
// order of precedence.
func communityDirs() []string { return []string{".github", "", "docs"} }

// docExtensions are the extensions GitHub renders for community files.
func docExtensions() []string {
	return []string{"", ".md", ".markdown", ".txt", ".rst", ".adoc", ".asciidoc", ".org", ".html"}
}

// findDoc returns the community files named base (case-insensitive, any of
// docExtensions) in dirs, in order of precedence.
func findDoc(ix *fileset.Index, dirs []string, bases ...string) []fileset.Entry {
	var out []fileset.Entry
	for _, dir := range dirs {
		for _, e := range ix.InDir(dir) {
			if !strings.EqualFold(e.Dir(), dir) {
				continue
			}
			if docNameIs(e.Name(), bases...) {
				out = append(out, e)
			}
		}
	}
	return out
}

func docNameIs(name string, bases ...string) bool {
	n := strings.ToLower(name)
	ext := path.Ext(n)
	okExt := false
	for _, e := range docExtensions() {
		if ext == e {
			okExt = true
			break
		}
	}
	stem := n
	if okExt {
		stem = strings.TrimSuffix(n, ext)
	} else if ext != "" {
		return false
	}
	for _, b := range bases {
		if stem == strings.ToLower(b) {
			return true
		}
	}
	return false
}

// readable picks the first entry that is not a symlink out of the repository.
func readable(es []fileset.Entry) (fileset.Entry, bool) {
	for _, e := range es {
		if !e.Escapes {
			return e, true
		}
	}
	return fileset.Entry{}, false
}

// expectedPath is where a missing community file should go.
func expectedPath(name string) string { return name }

// pickDoc returns the first of es that can be read. When every candidate is a
// symbolic link leaving the repository, it reports the first one and returns
// false; an empty es returns false without a finding.
func pickDoc(p *Pass, es []fileset.Entry, what string) (fileset.Entry, bool) {
	if e, ok := readable(es); ok {
		return e, true
	}
	if len(es) > 0 {
		p.Reportf(es[0].Path, 0, "%s is a symbolic link that leaves the repository or dangles; put the %s itself in the repository", es[0].Path, what)
	}
	return fileset.Entry{}, false
}

// readDoc reads e, reporting a file that cannot be read (too large, I/O
// error) as a finding.
func readDoc(p *Pass, e fileset.Entry, what string) ([]byte, bool) {
	data, err := p.Target.ReadFile(e.Path)
	if err != nil {
		p.Reportf(e.Path, 0, "%s cannot be read: %v", what, err)
		return nil, false
	}
	return data, true
}
