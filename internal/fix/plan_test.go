// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/license"
)

// REUSE-IgnoreStart

var both = Tags{License: true, Copyright: true}

// builtinTexts stands in for the SPDX License List data.
func builtinTexts(id string) (string, bool) {
	switch id {
	case "Apache-2.0", "MIT", "BSD-3-Clause":
		return id + " text from the list\n", true
	}
	return "", false
}

func summary(pl Plan) []string {
	var out []string
	for _, c := range pl.Changes {
		out = append(out, c.Path+": "+c.Reason)
	}
	return append(out, pl.Skipped...)
}

// TestPlanLicenseTexts: every licence a header names gets LICENSES/<id>.txt,
// from the root licence file holding exactly it, else from the shipped list.
func TestPlanLicenseTexts(t *testing.T) {
	tr, _ := treeOf(t, map[string]string{
		"LICENSE-MIT":               "MIT License\n\nCopyright (c) 2026 Example Org\n...\n",
		"src/main.rs":               "fn main() {}\n",
		"src/lib.rs":                "// SPDX-License-Identifier: MIT OR Apache-2.0\nfn lib() {}\n",
		"LICENSES/BSD-2-Clause.txt": "BSD-2-Clause\n",
	})
	files := []license.File{{Path: "LICENSE-MIT", Expression: "MIT", Confidence: 1}}
	req := Request{
		Headers: map[string]Tags{"src/main.rs": both, "src/lib.rs": {Copyright: true}},
		Header:  Header{License: "MIT OR Apache-2.0", Copyright: "2026 Example Org"},
		// The tree already names these; BSD-2-Clause has its text, the
		// others do not: a LicenseRef- is the project's to write, a
		// deprecated one needs its headers changed, an unknown identifier
		// is left to the reuse-* findings.
		Licenses: []string{"BSD-2-Clause", "BSD-3-Clause", "LicenseRef-Own", "Foo", "MIT OR", "GPL-2.0+"},
		Texts:    []string{"BSD-2-Clause"},
		Text:     TextSource(files, func(p string) ([]byte, error) { return tr.ReadFile(p, 1<<20) }, builtinTexts),
	}
	pl, err := tr.Plan(req)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"LICENSES/Apache-2.0.txt: text of Apache-2.0 (from the SPDX License List shipped with ospolint)",
		"LICENSES/BSD-3-Clause.txt: text of BSD-3-Clause (from the SPDX License List shipped with ospolint)",
		"LICENSES/MIT.txt: text of MIT (from LICENSE-MIT)",
		"src/lib.rs: SPDX header added",
		"src/main.rs: SPDX header added",
		"LICENSES/GPL-2.0.txt: GPL-2.0+ is deprecated on the SPDX licence list: in the files that name it, use GPL-2.0-or-later",
		"LICENSES/LicenseRef-Own.txt: the text of the project's own licence LicenseRef-Own is yours to write",
	}
	if d := cmp.Diff(want, summary(pl)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	for _, c := range pl.Changes {
		if c.Path == "LICENSES/MIT.txt" && string(c.New) != "MIT License\n\nCopyright (c) 2026 Example Org\n...\n" {
			t.Errorf("MIT text = %q, want the root file's", c.New)
		}
	}

	// Only a copyright line added: the licence is the file's own, and its
	// text is not the plan's business.
	req.Headers, req.Licenses = map[string]Tags{"src/lib.rs": {Copyright: true}}, nil
	pl, err = tr.Plan(req)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"src/lib.rs: SPDX header added"}, summary(pl)); d != "" {
		t.Errorf("copyright only (-want +got):\n%s", d)
	}
}

// TestPlanLicenseTextsBlocked: a LICENSES/ that is a link, and a licence
// without any text at hand, are reported, not written.
func TestPlanLicenseTextsBlocked(t *testing.T) {
	tr, dir := treeOf(t, map[string]string{"a.go": "package a\n", "elsewhere/x": ""})
	if err := os.Symlink("elsewhere", filepath.Join(dir, "LICENSES")); err != nil {
		t.Fatal(err)
	}
	pl, err := tr.Plan(Request{
		Headers: map[string]Tags{"a.go": both},
		Header:  Header{License: "MIT AND ISC", Copyright: "2026 X"},
		Text:    TextSource(nil, nil, builtinTexts),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a.go: SPDX header added",
		"LICENSES/ISC.txt: the path goes through the symbolic link LICENSES",
		"LICENSES/MIT.txt: the path goes through the symbolic link LICENSES",
	}
	if d := cmp.Diff(want, summary(pl)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	tr2, _ := treeOf(t, map[string]string{"a.go": "package a\n"})
	pl, err = tr2.Plan(Request{Headers: map[string]Tags{"a.go": both}, Header: Header{License: "ISC", Copyright: "2026 X"}, Text: TextSource(nil, nil, builtinTexts)})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"a.go: SPDX header added", "LICENSES/ISC.txt: no text of ISC at hand; add it (reuse download ISC)"}
	if d := cmp.Diff(want, summary(pl)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestPlanTrustsTheScan: the scan says which tags a file lacks; a line fix's
// quick reading would take for a notice (a test's "copyright (c) me") does
// not stop the header the scan asks for.
func TestPlanTrustsTheScan(t *testing.T) {
	src := "// SPDX-License-Identifier: MIT\npackage a\n\nvar want = \"copyright (c) me\"\n"
	tr, _ := treeOf(t, map[string]string{"a_test.go": src})
	pl, err := tr.Plan(Request{Headers: map[string]Tags{"a_test.go": {Copyright: true}}, Header: hdr})
	if err != nil || len(pl.Changes) != 1 {
		t.Fatalf("plan: %v %+v", err, pl)
	}
	if got := string(pl.Changes[0].New); got != "// SPDX-FileCopyrightText: 2026 Example Corp\n\n"+src {
		t.Errorf("a_test.go = %q", got)
	}
}

// TestPlanIgnoredNewFiles: u-boot's .gitignore ignores ".*" and
// "*.bin[_.]*", so sidecars for .b4-config or fitimage.bin.gz would be
// invisible to the scan (fix --check never settled) and to git add. They
// are reported instead, with the rule that hides them.
func TestPlanIgnoredNewFiles(t *testing.T) {
	tr, _ := treeOf(t, map[string]string{
		".gitignore":           "# build output\n.*\n!.gitignore\n*.bin[_.]*\n*.txt\n",
		".b4-config":           "[b4]\n",
		"test/fitimage.bin.gz": "\x1f\x8b\x00",
		"keep/.gitignore":      "!*.license\n",
		"keep/image.bin.gz":    "\x1f\x8b\x00",
		"logo.png":             "\x89PNG\x00",
	})
	pl, err := tr.Plan(Request{
		Headers: map[string]Tags{".b4-config": both, "test/fitimage.bin.gz": both, "keep/image.bin.gz": both, "logo.png": both},
		Header:  hdr,
		Text:    TextSource(nil, nil, builtinTexts),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"keep/image.bin.gz.license: licensing info for keep/image.bin.gz",
		"logo.png.license: licensing info for logo.png",
		".b4-config.license: git ignores it (.gitignore:2: .*), so no scan would see it; cover .b4-config in REUSE.toml instead, or add !/.b4-config.license to the .gitignore",
		"test/fitimage.bin.gz.license: git ignores it (.gitignore:4: *.bin[_.]*), so no scan would see it; cover test/fitimage.bin.gz in REUSE.toml instead, or add !/test/fitimage.bin.gz.license to the .gitignore",
		"LICENSES/Apache-2.0.txt: git ignores it (.gitignore:5: *.txt), so no scan would see it; add !/LICENSES/Apache-2.0.txt to the .gitignore",
	}
	if d := cmp.Diff(want, summary(pl)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// REUSE-IgnoreEnd
