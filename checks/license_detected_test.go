// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// corpusText reads a licence text of the licence package's corpus.
func corpusText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "internal", "license", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A licence file holding only a pointer to its licence is reported with the
// licence it names and a warning that the text is missing.
func TestLicencePointer(t *testing.T) {
	for _, text := range []string{"MIT\n", "Licensed under the MIT License.\n"} {
		got, p := runCheck(t, licenseDetected(), fstest.MapFS{"LICENSE": file(text)}, nil)
		if len(got) != 1 || got[0].Advisory || got[0].Key != "pointer" || !strings.Contains(got[0].Message, "LICENSE names MIT but does not hold its text") {
			t.Errorf("%q: findings %+v, want the pointer warning", text, got)
		}
		if res := p.Target.License(); res.Expression != "MIT" {
			t.Errorf("%q: project licence %q, want MIT", text, res.Expression)
		}
	}
	if got, _ := runCheck(t, licenseDetected(), fstest.MapFS{"LICENSE": file(corpusText(t, "rust-cargo-LICENSE-MIT"))}, nil); len(got) != 0 {
		t.Errorf("MIT text: findings %+v, want none", got)
	}
}

// REUSE-IgnoreStart

// u-boot's layout: the root COPYING decides; the texts in Licenses/ are
// per-file facts, so one not identified is a note, and the folder's README
// and note on exceptions are not reported at all.
func TestLicenceFolderTextsAreNotes(t *testing.T) {
	gpl2 := corpusText(t, "deb-GPL-2")
	files := fstest.MapFS{
		"COPYING":              file(gpl2),
		"Licenses/gpl-2.0.txt": file(gpl2),
		"Licenses/README":      file("SPDX-License-Identifier: GPL-2.0\n\nThe project is under version 2 of the GNU General Public License.\n"),
		"Licenses/Exceptions":  file("GPL exception: standalone applications using the jump table are not derived works.\n"),
		"Licenses/firmware-blob.txt": file("Redistribution of this firmware in binary form is permitted, provided that it is not " +
			"modified, reverse engineered or used with hardware of another vendor.\n"),
		"Licenses/mit-military.txt": file(corpusText(t, "rust-cargo-LICENSE-MIT") + "\nThe Software shall not be used by any military organisation.\n"),
	}
	got, p := runCheck(t, licenseDetected(), files, nil)
	if res := p.Target.License(); res.Expression != "GPL-2.0-only" {
		t.Errorf("project licence %q, want GPL-2.0-only", res.Expression)
	}
	want := map[string]string{
		"Licenses/firmware-blob.txt": "not identified as any licence on the SPDX list (the licence of the files that name it; the project licence is COPYING's)",
		"Licenses/mit-military.txt":  "resembles MIT but only",
	}
	if len(got) != len(want) {
		t.Errorf("findings %+v, want one note for each of %v", got, want)
	}
	for _, f := range got {
		if !f.Advisory || !strings.Contains(f.Message, want[f.Path]) || want[f.Path] == "" {
			t.Errorf("finding %+v, want an advisory note containing %q", f, want[f.Path])
		}
	}
}

// REUSE-IgnoreEnd

// ripgrep's layout: COPYING only says the project is dual-licensed, and
// LICENSE-MIT and UNLICENSE hold the two texts. The texts ship with the
// code, so COPYING is no missing text; a statement naming a licence whose
// text is nowhere still is, naming that licence only.
func TestLicenceStatementBesideItsTexts(t *testing.T) {
	files := fstest.MapFS{
		"COPYING":     file(corpusText(t, "go-sumtype-COPYING")),
		"LICENSE-MIT": file(corpusText(t, "go-sumtype-LICENSE-MIT")),
		"UNLICENSE":   file(corpusText(t, "go-sumtype-UNLICENSE")),
	}
	got, p := runCheck(t, licenseDetected(), files, nil)
	if len(got) != 0 {
		t.Errorf("statement beside its texts: findings %+v, want none", got)
	}
	if res := p.Target.License(); res.Expression != "MIT OR Unlicense" {
		t.Errorf("project licence %q, want MIT OR Unlicense", res.Expression)
	}

	delete(files, "UNLICENSE")
	got, _ = runCheck(t, licenseDetected(), files, nil)
	want := "COPYING names MIT OR Unlicense but no licence file holds the text of Unlicense: add it beside the others"
	if len(got) != 1 || got[0].Key != "pointer" || !strings.Contains(got[0].Message, want) {
		t.Errorf("one text missing: findings %+v, want %q", got, want)
	}
}

// A licence text not identified is reported with the licence of the SPDX
// list it is closest to, their share and where they first differ.
func TestLicenceNotIdentifiedNamesTheClosest(t *testing.T) {
	mit := corpusText(t, "rust-cargo-LICENSE-MIT")
	students := regexp.MustCompile(`any\s+person`).ReplaceAllString(mit, "any student")
	got, _ := runCheck(t, licenseDetected(), fstest.MapFS{"LICENSE": file(students)}, nil)
	if len(got) != 1 || !strings.Contains(got[0].Message, "closest licence MIT (") || !strings.Contains(got[0].Message, "the file «") ||
		!strings.Contains(got[0].Message, "student") || got[0].Properties["closest"] == nil {
		t.Errorf("findings %+v, want one naming MIT as the closest licence and the words that differ", got)
	}
}
