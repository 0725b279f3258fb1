// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/repo"
)

// fixture reads a corpus text.
func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// detect runs DetectProject over a MapFS; entries overrides index entries
// (symlinks, sizes) for paths that need it.
func detect(t *testing.T, files fstest.MapFS, entries ...repo.Entry) Result {
	t.Helper()
	over := map[string]repo.Entry{}
	for _, e := range entries {
		over[e.Path] = e
	}
	var list []repo.Entry
	for p, f := range files {
		e, ok := over[p]
		if !ok {
			e = repo.Entry{Path: p, Size: int64(len(f.Data))}
		}
		list = append(list, e)
	}
	read := func(p string) ([]byte, error) {
		if e, ok := over[p]; ok && (e.Escapes || e.Size > MaxClassify) {
			t.Errorf("%s read although it must not be", p)
		}
		return repo.ReadFile(files, p, 4<<20)
	}
	return DetectProject(repo.NewIndex(list), read)
}

func TestDetectProject(t *testing.T) {
	mit := fixture(t, "rust-cargo-LICENSE-MIT")
	apache := fixture(t, "rust-cargo-LICENSE-APACHE")
	gpl2 := fixture(t, "deb-GPL-2")
	gpl3 := fixture(t, "deb-GPL-3")
	lgpl3 := fixture(t, "deb-LGPL-3")
	unlicense := fixture(t, "go-sumtype-UNLICENSE")
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

	tests := []struct {
		name    string
		files   fstest.MapFS
		entries []repo.Entry
		want    string
		source  string
		// fileErr is a substring of Files[0].Error.
		fileErr string
	}{
		{name: "one MIT text", files: fstest.MapFS{"LICENSE": file(mit)}, want: "MIT", source: SourceFile},
		{name: "two licence files, no statement", files: fstest.MapFS{"LICENSE-MIT": file(mit), "LICENSE-APACHE": file(apache)},
			want: "Apache-2.0 AND MIT", source: SourceFile},
		{name: "two licence files, README offers the choice", files: fstest.MapFS{
			"LICENSE-MIT": file(mit), "LICENSE-APACHE": file(apache),
			"README.md": file("# tool\n\nDoes things.\n\n## License\n\nLicensed under either of\n\n * Apache License, Version 2.0 ([LICENSE-APACHE](LICENSE-APACHE))\n * MIT license ([LICENSE-MIT](LICENSE-MIT))\n\nat your option.\n\n## Contributing\n\nPRs welcome; they are dual-licensed too.\n"),
		}, want: "Apache-2.0 OR MIT", source: SourceFile},
		{name: "a choice inside one file is not a choice between files", files: fstest.MapFS{
			// spdx/tools-golang: code under Apache-2.0 OR GPL-2.0-or-later, docs under CC-BY-4.0.
			"LICENSE.code": file(fixture(t, "go-spdxtools-LICENSE.code")),
			"LICENSE.docs": file(fixture(t, "go-spdxtools-LICENSE.docs")),
			"README.md": file("# tools\n\n## Licenses\n\nAs indicated in `LICENSE-code`, source code files are provided and may be used, at your option, under *either*:\n" +
				"* Apache License, version 2.0 (**Apache-2.0**), **OR**\n* GNU General Public License, version 2.0 or later (**GPL-2.0-or-later**).\n\n" +
				"As indicated in `LICENSE-docs`, documentation files are provided and may be used under the Creative Commons Attribution 4.0 International license (**CC-BY-4.0**).\n"),
		}, want: "(Apache-2.0 OR GPL-2.0-or-later) AND CC-BY-4.0", source: SourceFile},
		{name: "statement file names the choice", files: fstest.MapFS{
			"COPYING":     file(fixture(t, "go-sumtype-COPYING")),
			"LICENSE-MIT": file(mit), "UNLICENSE": file(unlicense),
		}, want: "MIT OR Unlicense", source: SourceFile},
		{name: "GPL text, README says or later", files: fstest.MapFS{
			"COPYING":   file(gpl3),
			"README.md": file("# gnomovision\n\nThis program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n"),
		}, want: "GPL-3.0-or-later", source: SourceFile},
		{name: "GPL text, README says only", files: fstest.MapFS{
			"COPYING": file(gpl2), "README": file("Licence: GPL-2.0-only\n"),
		}, want: "GPL-2.0-only", source: SourceFile},
		{name: "GPL text, nothing said", files: fstest.MapFS{"COPYING": file(gpl2)}, want: "GPL-2.0-only", source: SourceFile},
		{name: "GPL text, manifest says or later", files: fstest.MapFS{
			"COPYING": file(gpl2), "package.json": file(`{"name": "x", "license": "GPL-2.0-or-later"}`),
		}, want: "GPL-2.0-or-later", source: SourceFile},
		{name: "LGPL-3 rides on the GPL-3 text", files: fstest.MapFS{
			"COPYING": file(gpl3), "COPYING.LESSER": file(lgpl3), "README.md": file("Licensed under the LGPLv3+.\n"),
		}, want: "LGPL-3.0-or-later", source: SourceFile},
		{name: "modified MIT", files: fstest.MapFS{
			"LICENSE": file(mit + "\nThe Software shall not be used by any military organisation.\n"),
		}, want: NoAssertion, source: SourceFile},
		{name: "REUSE directory", files: fstest.MapFS{
			"LICENSES/MIT.txt": file(mit), "LICENSES/GPL-3.0-or-later.txt": file(gpl3),
			"LICENSES/LicenseRef-Acme.txt": file("Acme may be used by Acme employees.\n"),
			"LICENSES/MIT.txt.license":     file("SPDX-License-Identifier: CC0-1.0\n"),
		}, want: "GPL-3.0-or-later AND LicenseRef-Acme AND MIT", source: SourceFile},
		{name: "REUSE file named for another licence", files: fstest.MapFS{"LICENSES/MIT.txt": file(apache)},
			want: "Apache-2.0", source: SourceFile},
		{name: "third-party notices are listed, not the project's", files: fstest.MapFS{
			"LICENSE": file(mit), "LICENSE-THIRD-PARTY": file(apache),
		}, want: "MIT", source: SourceFile},
		{name: "binary junk", files: fstest.MapFS{"LICENSE": file("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("\x00\xff", 100))},
			want: NoAssertion, source: SourceFile, fileErr: "binary"},
		{name: "50 MiB licence file", files: fstest.MapFS{"LICENSE": file(mit)},
			entries: []repo.Entry{{Path: "LICENSE", Size: 50 << 20}}, want: NoAssertion, source: SourceFile, fileErr: "too large"},
		{name: "symlink out of the repository", files: fstest.MapFS{"LICENSE": file(mit)},
			entries: []repo.Entry{{Path: "LICENSE", Symlink: true, Escapes: true}}, want: NoAssertion, source: SourceFile, fileErr: "symbolic link"},
		{name: "no licence file: manifest", files: fstest.MapFS{
			"package.json": file("{\n  \"name\": \"x\",\n  \"license\": \"MIT OR Apache-2.0\"\n}\n"),
			"README.md":    file("## License\n\nBSD 3-Clause.\n"),
		}, want: "Apache-2.0 OR MIT", source: SourceManifest},
		{name: "no licence file: README section", files: fstest.MapFS{
			"README.md": file("# x\n\n## Licence\n\nThis project is licensed under the BSD 3-Clause License - see the website.\n\n## Authors\n\nMIT graduates.\n"),
		}, want: "BSD-3-Clause", source: SourceReadme},
		{name: "no licence file: the MIT text in the README's licence section", files: fstest.MapFS{
			"README.md": file("# x\n\nDoes things.\n\n## License\n\n" + mit + "\n## Authors\n\nJane.\n"),
		}, want: "MIT", source: SourceReadme},
		{name: "nothing at all", files: fstest.MapFS{"main.go": file("package main\n")}, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detect(t, tt.files, tt.entries...)
			if got.Expression != tt.want || got.Source != tt.source {
				t.Fatalf("got %q from %q, want %q from %q\nfiles: %+v\nsignals: %+v", got.Expression, got.Source, tt.want, tt.source, got.Files, got.Signals)
			}
			if got.Files == nil {
				t.Error("Files is nil; want [] for JSON")
			}
			if tt.fileErr != "" && (len(got.Files) == 0 || !strings.Contains(got.Files[0].Error, tt.fileErr)) {
				t.Errorf("Files = %+v, want an error containing %q", got.Files, tt.fileErr)
			}
			if got.Expression != "" && !valid(got.Expression) {
				t.Errorf("%q is not a valid SPDX expression of current ids", got.Expression)
			}
			switch {
			case got.Source == SourceFile && got.Expression != NoAssertion && got.Confidence < statementConfidence:
				t.Errorf("confidence %v for identified licence files, want >= %v", got.Confidence, statementConfidence)
			case got.Source != SourceFile && got.Source != "" && got.Confidence > manifestConfidence:
				t.Errorf("confidence %v for a weaker signal, want <= %v", got.Confidence, manifestConfidence)
			}
		})
	}
}

func TestDetectProjectReportsFileDetails(t *testing.T) {
	mit := fixture(t, "rust-cargo-LICENSE-MIT")
	got := detect(t, fstest.MapFS{"LICENSE": {Data: []byte(mit)}, "LICENSE-THIRD-PARTY": {Data: []byte("bundled code: see each directory\n")}})
	want := []File{
		{Path: "LICENSE", Expression: "MIT", Confidence: 1, Matches: []Match{{ID: "MIT", Start: 0, End: len(mit)}}},
		{Path: "LICENSE-THIRD-PARTY", Expression: NoAssertion, Note: "no licence text found"},
	}
	if diff := cmp.Diff(want, got.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if got.Expression != "MIT" {
		t.Errorf("expression %q, want MIT (third-party file left out)", got.Expression)
	}
}

// TestOffsetsInOriginal checks that match ranges point into the file as
// stored, whatever was removed before matching.
func TestOffsetsInOriginal(t *testing.T) {
	mit := fixture(t, "rust-cargo-LICENSE-MIT")
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(mit, "\n", "\r\n")
	html := "<html><head><title>MIT</title><style>p{}</style></head><body><h1>License</h1><p>" +
		strings.ReplaceAll(strings.ReplaceAll(mit, "\"", "&quot;"), "\n\n", "</p>\n<p>") + "</p></body></html>"
	u := utf16.Encode([]rune(mit))
	le := []byte{0xFF, 0xFE}
	for _, c := range u {
		le = append(le, byte(c), byte(c>>8))
	}
	tests := []struct {
		name, file, data string
		// first and last are the words the mapped range must begin and end
		// with, once markup is removed.
		first, last string
	}{
		{"BOM and CRLF", "LICENSE", crlf, "Permission", "SOFTWARE."},
		{"HTML", "LICENSE.html", html, "Permission", "SOFTWARE."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := classify(tt.file, []byte(tt.data), fullOrFast)
			f.Expression, _ = f.resolve(f.ev)
			if f.Expression != "MIT" || len(f.Matches) != 1 {
				t.Fatalf("got %s %+v (%s), want one MIT match", f.Expression, f.Matches, f.Note)
			}
			m := f.Matches[0]
			if m.Start < 0 || m.End > len(tt.data) || m.Start >= m.End {
				t.Fatalf("range %d-%d outside the %d-byte file", m.Start, m.End, len(tt.data))
			}
			got := tt.data[m.Start:m.End]
			if !strings.Contains(got, tt.first) || !strings.Contains(strings.TrimSpace(got), tt.last) {
				t.Errorf("original[%d:%d] = %q, want the licence text from %q to %q", m.Start, m.End, got, tt.first, tt.last)
			}
		})
	}
	t.Run("UTF-16", func(t *testing.T) {
		f := Classify(le)
		if f.Expression != "MIT" || len(f.Matches) != 1 {
			t.Fatalf("got %s %+v (%s %s), want one MIT match", f.Expression, f.Matches, f.Error, f.Note)
		}
		if m := f.Matches[0]; m.Start != 2 || m.End != len(le) {
			t.Errorf("range %d-%d, want 2-%d (after the BOM, to the end)", m.Start, m.End, len(le))
		}
	})
}

func TestClassifyEdgeCases(t *testing.T) {
	mit := fixture(t, "rust-cargo-LICENSE-MIT")
	latin1 := bytes.Replace([]byte(mit), []byte("Copyright (c)"), []byte("Copyright \xa9 M\xfcller"), 1)
	tests := []struct {
		name    string
		data    []byte
		want    string
		errPart string
	}{
		{"empty", nil, NoAssertion, ""},
		{"latin-1 copyright sign", latin1, "MIT", ""},
		{"over 1 MiB", bytes.Repeat([]byte("MIT License "), MaxClassify/12+1), NoAssertion, "too large"},
		{"NUL bytes", append([]byte(mit), 0, 1, 2), NoAssertion, "binary"},
		{"random high bytes", bytes.Repeat([]byte{0xC3, 0x28, 0xA0, 0xA1, 0x80, 0xFF}, 2000), NoAssertion, "binary"},
		{"SPDX tag only", []byte("SPDX-License-Identifier: Apache-2.0 OR MIT\n"), "Apache-2.0 OR MIT", ""},
		{"statement with a restriction", []byte("This code is MIT licensed, but not for commercial use.\n"), NoAssertion, ""},
		{"truncated Apache", []byte(fixture(t, "rust-cargo-LICENSE-APACHE")[:5000]), NoAssertion, ""},
		{"SPDX tag does not excuse a restriction", []byte("SPDX-License-Identifier: MIT\n\nThe licence below applies, but the Software shall not be used by any army.\n\n" + mit), NoAssertion, ""},
		{"restriction inside a wildcard of the pattern", []byte(strings.Replace(mit, "of this software", "of this software, for non-commercial use only,", 1)), NoAssertion, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Classify(tt.data)
			if f.Expression != tt.want || !strings.Contains(f.Error, tt.errPart) {
				t.Errorf("got %q (error %q, note %q), want %q with error containing %q", f.Expression, f.Error, f.Note, tt.want, tt.errPart)
			}
		})
	}
}

func TestNamesAndStatements(t *testing.T) {
	tests := []struct {
		text string
		ids  []string
		dual bool
	}{
		{"Licensed under either of Apache License, Version 2.0 or MIT license at your option.", []string{"Apache-2.0", "MIT"}, true},
		{"This project is dual-licensed under the Unlicense and MIT licenses.", []string{"Unlicense", "MIT"}, true},
		{"Released under the GNU General Public License, either version 2 of the License, or (at your option) any later version.", []string{"GPL-2.0-or-later"}, false},
		{"Distributed under the 3-clause BSD license and the Mozilla Public License 2.0.", []string{"BSD-3-Clause", "MPL-2.0"}, false},
		{"LGPLv2.1+ for the library, GPLv3 for the tools.", []string{"LGPL-2.1-or-later", "GPL-3.0"}, false},
		{"This is free and unencumbered software released into the public domain.", nil, false},
	}
	for _, tt := range tests {
		if got := namesIn(tt.text); !cmp.Equal(got, tt.ids) {
			t.Errorf("namesIn(%q) = %v, want %v", tt.text, got, tt.ids)
		}
		if got := dualIntent(tt.text); got != tt.dual {
			t.Errorf("dualIntent(%q) = %v, want %v", tt.text, got, tt.dual)
		}
	}
}

func TestGNUEvidence(t *testing.T) {
	tests := []struct {
		text string
		id   string
		want string
	}{
		{"either version 3 of the License, or (at your option) any later version", "GPL-3.0", "GPL-3.0-or-later"},
		{"GNU General Public License as published by the Free Software Foundation; version 2 only.", "GPL-2.0", "GPL-2.0-only"},
		{"SPDX-License-Identifier: LGPL-2.1-or-later", "LGPL-2.1", "LGPL-2.1-or-later"},
		{"Licensed GPLv2+.", "GPL-2.0", "GPL-2.0-or-later"},
		{"GPL-3.0-only", "GPL-3.0", "GPL-3.0-only"},
		{"licensed under the GNU Affero General Public License version 3 or later", "AGPL-3.0", "AGPL-3.0-or-later"},
		{"Some text about version 3 of the software.", "GPL-3.0", "GPL-3.0-only"},
	}
	for _, tt := range tests {
		ev := newEvidence()
		scanEvidence(tt.text, "test", ev)
		if tt.id == "GPL-3.0" && strings.Contains(tt.text, "either version") {
			// The bare notice wording needs the family named somewhere; the
			// licence text supplies it in real files.
			scanEvidence("GNU General Public License as published by the Free Software Foundation, "+tt.text, "test", ev)
		}
		if got, _ := resolveGNU(tt.id, ev); got != tt.want {
			t.Errorf("%q: %s resolved to %s, want %s", tt.text, tt.id, got, tt.want)
		}
	}
}

func TestJoinAndDeclared(t *testing.T) {
	if got := join("AND", []string{"MIT", "Apache-2.0 OR MIT", "MIT", "BSD-3-Clause AND ISC"}); got != "(Apache-2.0 OR MIT) AND BSD-3-Clause AND ISC AND MIT" {
		t.Errorf("join AND = %q", got)
	}
	if got := join("OR", []string{"MIT", "Apache-2.0"}); got != "Apache-2.0 OR MIT" {
		t.Errorf("join OR = %q", got)
	}
	for in, want := range map[string]string{
		"mit":                 "MIT",
		"GPL-2.0+":            "GPL-2.0-or-later",
		"GPL-3.0":             "GPL-3.0-only",
		"(MIT OR Apache-2.0)": "MIT OR Apache-2.0",
		"SEE LICENSE IN x":    "",
		"Apache 2.0":          "",
	} {
		if got := declared(in); got != want {
			t.Errorf("declared(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsLicenseName(t *testing.T) {
	for name, want := range map[string]bool{
		"LICENSE": true, "licence.md": true, "COPYING.LESSER": true, "LICENSE-MIT": true, "MIT-LICENSE.txt": true,
		"UNLICENSE": true, "License.html": true, "LICENSES": false, "licensing.go": false, "README.md": false,
		"LICENSE.BSD": true, "LICENSE.MPL-2.0": true, "license.go": false, "license-checker.js": false, "licenses.json": false,
		"LICENSE.docs": true, "copying.lesser.txt": true,
		// An ASF source header template and SPDX documents hold no licence text.
		"LICENSE.header": false, "license.header.txt": false, "LICENSE.spdx": false, "license.rdf": false, "LICENSE.in": false,
	} {
		if got := IsLicenseName(name); got != want {
			t.Errorf("IsLicenseName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestReadFailure(t *testing.T) {
	ix := repo.NewIndex([]repo.Entry{{Path: "LICENSE", Size: 10}})
	res := DetectProject(ix, func(string) ([]byte, error) { return nil, errors.New("permission denied") })
	if res.Expression != NoAssertion || len(res.Files) != 1 || !strings.Contains(res.Files[0].Error, "permission denied") {
		t.Errorf("got %+v, want NOASSERTION with the read error on LICENSE", res)
	}
}

func TestPrefetch(t *testing.T) {
	// A licence file the small matcher cannot explain: Prefetch compiles
	// the patterns that could match it, and DetectProject then finds them
	// compiled; one it can explain, or none at all, and it compiles nothing.
	bundle := fstest.MapFS{"LICENSE": {Data: []byte(fixture(t, "go-yaml-LICENSE"))}, "LICENSES/MIT.txt": {Data: []byte(fixture(t, "rust-cargo-LICENSE-MIT"))}}
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  int
	}{
		{"bundle", bundle, 1},
		{"MIT", fstest.MapFS{"LICENSE": {Data: []byte(fixture(t, "rust-cargo-LICENSE-MIT"))}}, 0},
		{"nothing", fstest.MapFS{"main.go": {Data: []byte("package main\n")}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			progMu.Lock()
			clear(progs)
			progMu.Unlock()
			if got := Prefetch(context.Background(), tc.files); got != tc.want {
				t.Errorf("Prefetch compiled %d matchers, want %d", got, tc.want)
			}
			// The small matcher's own patterns are kept too (they tell the
			// words a match's wildcards took); the pool's only for texts
			// it needs to place.
			progMu.Lock()
			pooled := 0
			for key := range progs {
				if !strings.HasPrefix(key, "licensecheck:") {
					pooled++
				}
			}
			progMu.Unlock()
			if (pooled > 0) != (tc.want > 0) {
				t.Errorf("%d patterns of the pool kept for DetectProject, want them for %d texts", pooled, tc.want)
			}
		})
	}
	// A cancelled scan does not start the work.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := Prefetch(ctx, bundle); got != 0 {
		t.Errorf("Prefetch with a cancelled context compiled %d matchers", got)
	}
}

// TestManifestLicenceLists reads licence lists from package.json and
// pom.xml, and ignores one too long to be a list of licences.
func TestManifestLicenceLists(t *testing.T) {
	long := strings.Repeat(`"MIT", `, 200)
	tests := []struct {
		kind, text string
		want       []string
	}{
		{"package.json", `{"licenses": [{"type": "MIT"}, {"type": "Apache-2.0"}]}`, []string{"MIT", "Apache-2.0"}},
		{"package.json", `{"licenses": ["ISC"]}`, []string{"ISC"}},
		{"package.json", `{"licenses": [` + long + `"ISC"]}`, nil},
		{"pom.xml", "<licenses>\n<license><name>MIT</name></license>\n</licenses><licenses><name>X</name></licenses>", []string{"MIT"}},
		{"pom.xml", "<licenses>" + strings.Repeat("<license><name>MIT</name></license>", 40) + "</licenses>", nil},
	}
	for _, tt := range tests {
		if got := manifestLicences(tt.kind, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("manifestLicences(%s, %.60q) = %q, want %q", tt.kind, tt.text, got, tt.want)
		}
	}
}

// TestEvidenceWindows holds the windowed evidence scan to what the patterns
// find over the whole text: on every corpus text, and on a long README whose
// statements sit far apart, at its edges, across line breaks and next to
// each other.
func TestEvidenceWindows(t *testing.T) {
	texts := map[string]string{}
	for _, c := range loadCorpus(t) {
		texts[c.name] = string(c.text)
	}
	filler := strings.Repeat("Build the board with make and flash it over the serial console; see doc/ for details.\n", 60)
	statements := []string{
		"This program is licensed under the GNU Lesser General Public License\nas published by the Free Software Foundation, either version 2.1 of the License,\nor (at your option) any later version.\n",
		"SPDX-License-Identifier: GPL-2.0+\n",
		"Parts are under the GNU Library\n    General Public License, version 2 or any later version.\n",
		"The manual is under the GNU Free Documentation License, version 1.3 only.\n",
		"Tools: GPLv3 or later. Library: LGPLv2.1 only.\n",
		"AGPL version 3 applies to the web service (at your option, any later version).\n",
		"GNU General Public License" + strings.Repeat(" and more words", 14) + "\nversion 2 of the License only\n",
	}
	var long strings.Builder
	for i, s := range statements {
		long.WriteString(s)
		long.WriteString(filler[:len(filler)*(i%3+1)/3])
	}
	texts["long README"] = long.String()
	texts["adjacent"] = strings.Join(statements, "")
	texts["at the end"] = filler + statements[0][:len(statements[0])-1]
	for name, s := range texts {
		whole, windowed := newEvidence(), newEvidence()
		scanWindow(s, "x", whole)
		scanEvidence(s, "x", windowed)
		if !cmp.Equal(whole, windowed, cmp.AllowUnexported(evidence{})) {
			t.Errorf("%s: windows found %v, the whole text %v", name, windowed, whole)
		}
	}
	if len(evidenceWindows(texts["long README"])) < 2 {
		t.Error("the long README was read as one window")
	}
	ev := newEvidence()
	scanEvidence(texts["long README"], "x", ev)
	if len(ev.later)+len(ev.only) < 5 {
		t.Errorf("the long README gave %v", ev)
	}
}
