// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package spdxlist is the SPDX License List shipped with ospolint as data,
// so identifying and writing licences needs no network: every licence and
// exception of one pinned release with its name, whether it is deprecated
// and by what, its plain text as SPDX publishes it, the ids whose texts are
// word-for-word identical, and a matching pattern that honours the
// optional and variable parts of the SPDX matching guidelines, in
// licensecheck's LRE syntax with one addition: __B__ stands for a list
// item's numbering (1., (a), iv, 2.1.1), which the guidelines ignore.
// ospolint's own interpreter (internal/license) runs the patterns.
//
// data.zip is generated from the release's XML sources by ./gen (see
// generate.go); each text and pattern is compressed on its own, so a
// lookup decompresses only what it reads. Nothing is loaded until the first
// call.
package spdxlist

import (
	"archive/zip"
	_ "embed" // data.zip
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed data.zip
var data string

// Entry is one licence or exception of the list.
type Entry struct {
	ID   string
	Name string
	// Exception is set for the exceptions used after WITH.
	Exception bool
	// Deprecated ids have a replacement expression of current ids in
	// ReplacedBy (GPL-2.0-with-GCC-exception: GPL-2.0-only WITH
	// GCC-exception-2.0), and PlusBy for the "id+" form when SPDX gives one
	// (GPL-2.0-or-later WITH GCC-exception-2.0).
	Deprecated bool
	ReplacedBy string
	PlusBy     string
	OSI, FSF   bool
	// Canonical is the id reported for a text that several ids share word
	// for word (GPL-2.0-only for GPL-2.0-or-later, GFDL-1.3-only for the
	// GFDL-1.3 variants); the id itself when its text is its own. Same
	// lists the other current ids with that text.
	Canonical string
	Same      []string
	// Pattern is set when the entry carries its group's matching pattern.
	Pattern bool
	// Required are up to 24 words the pattern requires, the rarest in the
	// list: a text without one of them cannot match it.
	Required []string
	// Words counts the words of the text's default wording (titles and
	// copyright lines left out).
	Words int
}

type entryJSON struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Exception  bool     `json:"exception"`
	Deprecated bool     `json:"deprecated"`
	OSI        bool     `json:"osi"`
	FSF        bool     `json:"fsf"`
	ReplacedBy string   `json:"replacedBy"`
	PlusBy     string   `json:"plusBy"`
	Canonical  string   `json:"canonical"`
	Same       []string `json:"same"`
	Pattern    bool     `json:"pattern"`
	Required   []string `json:"required"`
	Words      int      `json:"words"`
}

type store struct {
	version string
	entries []Entry
	byID    map[string]int // lower-case id -> index
	files   map[string]*zip.File
	err     error
}

var (
	loadOnce sync.Once //nolint:gochecknoglobals // lazily loaded, immutable afterwards
	loaded   *store    //nolint:gochecknoglobals // see loadOnce
)

func load() *store {
	loadOnce.Do(func() {
		s := &store{byID: map[string]int{}, files: map[string]*zip.File{}}
		loaded = s
		zr, err := zip.NewReader(strings.NewReader(data), int64(len(data)))
		if err != nil {
			s.err = fmt.Errorf("spdxlist: %w", err)
			return
		}
		for _, f := range zr.File {
			s.files[f.Name] = f
		}
		b, err := s.read("list.json")
		if err != nil {
			s.err = err
			return
		}
		var l struct {
			Version string      `json:"version"`
			Entries []entryJSON `json:"entries"`
		}
		if err := json.Unmarshal(b, &l); err != nil {
			s.err = fmt.Errorf("spdxlist: list.json: %w", err)
			return
		}
		s.version = l.Version
		for i, e := range l.Entries {
			canon := e.Canonical
			if canon == "" {
				canon = e.ID
			}
			s.entries = append(s.entries, Entry{
				ID: e.ID, Name: e.Name, Exception: e.Exception, Deprecated: e.Deprecated,
				ReplacedBy: e.ReplacedBy, PlusBy: e.PlusBy, OSI: e.OSI, FSF: e.FSF,
				Canonical: canon, Same: e.Same, Pattern: e.Pattern, Required: e.Required, Words: e.Words,
			})
			s.byID[strings.ToLower(e.ID)] = i
		}
	})
	return loaded
}

func (s *store) read(name string) ([]byte, error) {
	f, ok := s.files[name]
	if !ok {
		return nil, fmt.Errorf("spdxlist: %s not in the data", name)
	}
	r, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("spdxlist: %s: %w", name, err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("spdxlist: %s: %w", name, err)
	}
	return b, nil
}

// Version is the SPDX License List release the data comes from ("3.28.0").
func Version() string { return load().version }

// Err reports data that could not be read (a broken build); the other
// functions then find nothing.
func Err() error { return load().err }

// Lookup finds an id, in any case (SPDX ids are matched case-insensitively).
func Lookup(id string) (Entry, bool) {
	s := load()
	i, ok := s.byID[strings.ToLower(id)]
	if !ok {
		return Entry{}, false
	}
	return s.entries[i], true
}

// Entries lists every licence and exception, sorted by id. The slice is
// a copy.
func Entries() []Entry {
	return append([]Entry(nil), load().entries...)
}

// IDs lists the ids of the current (not deprecated) licences, or of the
// exceptions, sorted.
func IDs(exceptions bool) []string {
	var out []string
	for _, e := range load().entries {
		if e.Exception == exceptions && !e.Deprecated {
			out = append(out, e.ID)
		}
	}
	sort.Strings(out)
	return out
}

// Text is the plain text of a licence or exception as the SPDX License
// List publishes it (what `reuse download` writes to LICENSES/<id>.txt),
// with LF line ends; ok is false for an unknown id.
func Text(id string) (string, bool) {
	e, ok := Lookup(id)
	if !ok {
		return "", false
	}
	b, err := load().read("text/" + e.ID + ".txt")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// Pattern is the matching pattern of an entry that carries one (see
// Entry.Pattern), in LRE syntax with __B__ for numbering (see the package
// comment).
func Pattern(id string) (string, bool) {
	e, ok := Lookup(id)
	if !ok || !e.Pattern {
		return "", false
	}
	b, err := load().read("lre/" + e.ID + ".lre")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// Replacement is the current expression for a deprecated id, also in its
// "id+" form (GPL-2.0+ is GPL-2.0-or-later); ok is false for an id that is
// current, unknown or has no replacement.
func Replacement(id string) (string, bool) {
	base, plus := strings.CutSuffix(id, "+")
	if e, ok := Lookup(id); ok {
		if e.Deprecated && e.ReplacedBy != "" {
			return e.ReplacedBy, true
		}
		return "", false
	}
	if !plus {
		return "", false
	}
	e, ok := Lookup(base)
	if !ok || e.PlusBy == "" {
		return "", false
	}
	return e.PlusBy, true
}
