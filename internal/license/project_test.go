// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/repo"
)

// REUSE-IgnoreStart

// bootloaderLicences is a licence layout like u-boot's: COPYING at the root
// is a link to the GPL text in Licenses/, a folder of the per-file licence
// texts that also holds a README naming the licence of the project with an
// SPDX tag, a note on exceptions to the GPL, a text not on the SPDX list and
// a licence text with terms of its own.
func bootloaderLicences(t *testing.T) (fstest.MapFS, []repo.Entry) {
	gpl2 := fixture(t, "deb-GPL-2")
	files := fstest.MapFS{
		"COPYING":              {Data: []byte(gpl2)},
		"Licenses/gpl-2.0.txt": {Data: []byte(gpl2)},
		"Licenses/mit.txt":     {Data: []byte(fixture(t, "rust-cargo-LICENSE-MIT"))},
		"Licenses/README": {Data: []byte("SPDX-License-Identifier: GPL-2.0\n\nThe boot loader is free software under version 2 of the GNU " +
			"General Public License. Files under other licences carry an SPDX tag naming one of the texts in this folder.\n")},
		"Licenses/Exceptions": {Data: []byte("GPL exception:\n\nEven though the boot loader is covered by the GPL-2.0, this does *not* cover " +
			"standalone applications that use its services through the jump table: that is normal use, not a derived work.\n")},
		"Licenses/firmware-blob.txt": {Data: []byte("Redistribution of this firmware in binary form is permitted, provided that it is not " +
			"modified, reverse engineered or used with hardware of another vendor.\n")},
		"Licenses/mit-military.txt": {Data: []byte(fixture(t, "real-MIT-extra-terms"))},
		"README":                    {Data: []byte("Widget boot loader.\n")},
	}
	entries := []repo.Entry{{Path: "COPYING", Size: int64(len(gpl2)), Symlink: true}}
	return files, entries
}

// The project licence is the root licence: u-boot came out NOASSERTION
// because every text of Licenses/ was ANDed in and one is not a licence.
func TestRootLicenceDecides(t *testing.T) {
	files, entries := bootloaderLicences(t)
	got := detect(t, files, entries...)
	if got.Expression != "GPL-2.0-only" || got.Source != SourceFile {
		t.Fatalf("got %q from %q, want GPL-2.0-only from the root COPYING\nfiles: %+v", got.Expression, got.Source, got.Files)
	}
	if len(got.Files) != len(files)-1 {
		t.Errorf("%d licence files listed, want every candidate (%d)", len(got.Files), len(files)-1)
	}
	notText := map[string]bool{}
	for _, f := range got.Files {
		notText[f.Path] = NotLicenceText(f)
	}
	want := map[string]bool{
		"COPYING": false, "Licenses/gpl-2.0.txt": false, "Licenses/mit.txt": false, "Licenses/firmware-blob.txt": false,
		"Licenses/mit-military.txt": false, "Licenses/README": true, "Licenses/Exceptions": true,
	}
	for p, w := range want {
		if notText[p] != w {
			t.Errorf("NotLicenceText(%s) = %v, want %v", p, notText[p], w)
		}
	}
}

func TestLicenceFolderWithoutRootLicence(t *testing.T) {
	mit := fixture(t, "rust-cargo-LICENSE-MIT")
	gpl3 := fixture(t, "deb-GPL-3")
	tests := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		// fsfe/reuse-example: only REUSE's LICENSES/, one text with a
		// trailer the matcher does not explain; its name says what it is.
		{"REUSE folder, a text not identified", fstest.MapFS{
			"LICENSES/CC0-1.0.txt":          {Data: []byte(fixture(t, "deb-CC0-1.0") + "\nCreative Commons may be contacted at example.org; this notice is not part of the licence.\n")},
			"LICENSES/GPL-3.0-or-later.txt": {Data: []byte(gpl3)},
			"src/main.c":                    {Data: []byte("int main(void) { return 0; }\n")},
		}, "CC0-1.0 AND GPL-3.0-or-later"},
		{"a README beside the texts never poisons", fstest.MapFS{
			"Licenses/README":  {Data: []byte("Each source file names its licence with an SPDX tag; the texts are here.\n")},
			"Licenses/mit.txt": {Data: []byte(mit)},
		}, "MIT"},
		{"a text neither identified nor named leaves the licences unknown", fstest.MapFS{
			"Licenses/mit.txt":           {Data: []byte(mit)},
			"Licenses/firmware-blob.txt": {Data: []byte("Redistribution in binary form only, unmodified, with this notice.\n")},
		}, NoAssertion},
		{"only notes", fstest.MapFS{"LICENSES/README.md": {Data: []byte("Licence texts go here.\n")}}, NoAssertion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detect(t, tt.files)
			if got.Expression != tt.want {
				t.Errorf("got %q, want %q\nfiles: %+v", got.Expression, tt.want, got.Files)
			}
		})
	}
}

// A root licence file that is not identified still makes the project's
// licence unknown, whatever the folder holds.
func TestUnknownRootLicenceIsNoAssertion(t *testing.T) {
	got := detect(t, fstest.MapFS{
		"LICENSE":                      {Data: []byte(fixture(t, "real-MIT-restricted"))},
		"LICENSES/Apache-2.0.txt":      {Data: []byte(fixture(t, "rust-cargo-LICENSE-APACHE"))},
		"LICENSES/LicenseRef-Acme.txt": {Data: []byte("Acme terms.\n")},
	})
	if got.Expression != NoAssertion {
		t.Errorf("got %q, want NOASSERTION", got.Expression)
	}
}

// A licence pointer names its licence but does not hold its text.
func TestTextMissing(t *testing.T) {
	apacheNotice := `Copyright 2026 Widget Authors

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
`
	gplNotice := `This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 2 of the License, or
(at your option) any later version.
`
	tests := []struct {
		name, text, expr string
		missing          bool
	}{
		{"bare id", "MIT\n", "MIT", true},
		{"one sentence", "Licensed under the MIT License.", "MIT", true},
		{"SPDX tag", "SPDX-License-Identifier: BSD-3-Clause\n", "BSD-3-Clause", true},
		{"Apache notice", apacheNotice, "Apache-2.0", true},
		{"GPL notice", gplNotice, "GPL-2.0-or-later", true},
		{"MIT text", fixture(t, "rust-cargo-LICENSE-MIT"), "MIT", false},
		{"Apache text", fixture(t, "rust-cargo-LICENSE-APACHE"), "Apache-2.0", false},
		{"GPL text", fixture(t, "deb-GPL-2"), "GPL-2.0-only", false},
		{"MPL text", fixture(t, "deb-MPL-2.0"), "MPL-2.0", false},
		{"a short licence is a text", fixture(t, "spdx-0BSD"), "0BSD", false},
		{"unknown", "All rights reserved.\n", NoAssertion, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Classify([]byte(tt.text))
			if f.Expression != tt.expr {
				t.Fatalf("classified as %q, want %q (%s)", f.Expression, tt.expr, f.Note)
			}
			if got := TextMissing(f); got != tt.missing {
				t.Errorf("TextMissing = %v, want %v (matches %+v)", got, tt.missing, f.Matches)
			}
		})
	}
	custom := File{Path: "LICENSES/LicenseRef-Acme.txt", Expression: "LicenseRef-Acme", Confidence: 1}
	if TextMissing(custom) {
		t.Error("a custom licence text is reported as missing")
	}
}

// REUSE-IgnoreEnd

// A statement file naming the licences whose texts sit beside it (ripgrep's
// COPYING, LICENSE-MIT and UNLICENSE) decides how they combine, and the
// texts, identified in full, give the confidence: it was the bare
// statement's 70%. A statement naming a licence no file holds keeps it.
func TestStatementConfirmedByTexts(t *testing.T) {
	stmt := &fstest.MapFile{Data: []byte(fixture(t, "go-sumtype-COPYING"))}
	mit := &fstest.MapFile{Data: []byte(fixture(t, "go-sumtype-LICENSE-MIT"))}
	unlicense := &fstest.MapFile{Data: []byte(fixture(t, "go-sumtype-UNLICENSE"))}

	got := detect(t, fstest.MapFS{"COPYING": stmt, "LICENSE-MIT": mit, "UNLICENSE": unlicense})
	if got.Expression != "MIT OR Unlicense" || got.Confidence != 1 {
		t.Errorf("statement and both texts: %q at %v, want MIT OR Unlicense at 1", got.Expression, got.Confidence)
	}
	got = detect(t, fstest.MapFS{"COPYING": stmt, "LICENSE-MIT": mit})
	if got.Expression != "MIT OR Unlicense" || got.Confidence != statementConfidence {
		t.Errorf("statement and one text: %q at %v, want MIT OR Unlicense at %v", got.Expression, got.Confidence, statementConfidence)
	}
}

// TestClassifyAllKeepsOrderAndPanics: the licence files are classified side
// by side, listed in the index's order whatever finishes first, and a panic
// in one (a reader's, here) reaches the caller, where the check turns it
// into its error, instead of ending the process.
func TestClassifyAllKeepsOrderAndPanics(t *testing.T) {
	files, entries := bootloaderLicences(t)
	want := detect(t, files, entries...)
	for range 5 {
		got := detect(t, files, entries...)
		if !cmp.Equal(got, want) {
			t.Fatalf("a second detection differs:\n%+v\n%+v", got, want)
		}
	}
	var list []repo.Entry
	for p, f := range files {
		list = append(list, repo.Entry{Path: p, Size: int64(len(f.Data))})
	}
	defer func() {
		if v := recover(); v == nil || !strings.Contains(fmt.Sprint(v), "reader broke") {
			t.Errorf("recovered %v, want the reader's panic", v)
		}
	}()
	DetectProject(repo.NewIndex(list), func(p string) ([]byte, error) {
		if p == "Licenses/mit.txt" {
			panic("reader broke")
		}
		return files[p].Data, nil
	})
	t.Error("DetectProject returned after a reader panicked")
}
