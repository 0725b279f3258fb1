// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestValidateLicense(t *testing.T) {
	for _, tc := range []struct{ expr, want string }{
		{"MIT", ""},
		{"MIT OR Apache-2.0", ""},
		{"(MIT OR Apache-2.0) AND BSD-3-Clause", ""},
		{"GPL-2.0-or-later WITH Classpath-exception-2.0", ""},
		{"LicenseRef-Proprietary", ""},
		{"mit or apache-2.0", `the SPDX licence list spells it "MIT"`},
		{"MIT OR", "not an SPDX licence expression"},
		{"(MIT", "not an SPDX licence expression"},
		{"", "not an SPDX licence expression"},
		{"Foo-1.0", `"Foo-1.0" is not on the SPDX licence list`},
		{"MIT License", "not an SPDX licence expression"},
		{"GPL-2.0", "use GPL-2.0-only"},
		{"wxWindows", "use GPL-2.0-or-later WITH WxWindows-exception-3.1"},
		{"GPL-2.0+", "use GPL-2.0-or-later"},
		{"MIT WITH Apache-2.0", "not an SPDX licence expression"},
		{"DocumentRef-x:LicenseRef-y", "another SPDX document"},
	} {
		err := ValidateLicense(tc.expr)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.expr, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: err = %v, want %q", tc.expr, err, tc.want)
		}
	}
}

func TestHeadersDeclare(t *testing.T) {
	d, ok := HeadersDeclare(map[string]int{"MIT OR Apache-2.0": 7, "MIT": 2, "BSD-3-Clause": 1})
	if !ok || d.Expression != "MIT OR Apache-2.0" || d.From != "the licensing information of 7 of 10 files" {
		t.Errorf("majority: %+v %v", d, ok)
	}
	if d, ok := HeadersDeclare(map[string]int{"MIT": 5, "Apache-2.0": 5}); ok {
		t.Errorf("a tie declares nothing: %+v", d)
	}
	if d, ok := HeadersDeclare(nil); ok {
		t.Errorf("no headers declare nothing: %+v", d)
	}
}

func TestChooseLicense(t *testing.T) {
	cargo := Declared{Expression: "MIT OR Apache-2.0", From: "Cargo.toml"}
	for _, tc := range []struct {
		name     string
		detected string
		decls    []Declared
		want     string // expression, "" when none
		notes    []string
	}{
		{"one licence file, manifest declares the choice", "MIT", []Declared{cargo}, "MIT OR Apache-2.0", nil},
		{"both licence files ANDed, manifest keeps OR", "Apache-2.0 AND MIT", []Declared{cargo}, "MIT OR Apache-2.0", nil},
		{"first consistent declaration wins", "MIT", []Declared{{"MIT", "the licensing information of 3 of 4 files"}, cargo}, "MIT", nil},
		{"a declaration that contradicts the licence files is passed over", "GPL-3.0-only",
			[]Declared{cargo, {"GPL-3.0-or-later", "README.md"}}, "GPL-3.0-or-later",
			[]string{`Cargo.toml declares "MIT OR Apache-2.0", not used: the licence files hold GPL-3.0-only`}},
		{"code licence beside a documentation licence (spdx/tools-golang)", "(Apache-2.0 OR GPL-2.0-or-later) AND CC-BY-4.0",
			[]Declared{{"Apache-2.0 OR GPL-2.0-or-later", "the licensing information of 279 of 290 files"}},
			"Apache-2.0 OR GPL-2.0-or-later", nil},
		{"an invalid declaration is passed over", "MIT", []Declared{{"MIT/Apache", "package.json"}}, "MIT",
			[]string{`package.json declares "MIT/Apache", not used: "MIT/Apache" is not an SPDX licence expression`}},
		{"no licence file: the declaration", "", []Declared{cargo}, "MIT OR Apache-2.0", nil},
		{"unidentified licence file: the declaration", "NOASSERTION", []Declared{cargo}, "MIT OR Apache-2.0", nil},
		{"nothing", "NOASSERTION", nil, "", []string{"no licence for new headers: the licence files are not identified"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, notes, ok := ChooseLicense(tc.detected, tc.decls)
			if ok != (tc.want != "") || d.Expression != tc.want {
				t.Errorf("got %q (ok=%v), want %q", d.Expression, ok, tc.want)
			}
			if len(notes) != len(tc.notes) {
				t.Fatalf("notes = %q, want %q", notes, tc.notes)
			}
			for i := range notes {
				if !strings.HasPrefix(notes[i], tc.notes[i]) {
					t.Errorf("note %q, want %q", notes[i], tc.notes[i])
				}
			}
		})
	}
}

// TestDeclarations reads the manifests and the README at the root, not
// through links, manifests first.
func TestDeclarations(t *testing.T) {
	tr, dir := treeOf(t, map[string]string{
		"Cargo.toml":         "[package]\nname = \"d\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n",
		"README.md":          "# d\n\n## License\n\nLicensed under either of Apache License, Version 2.0 or MIT license at your option.\n",
		"sub/package.json":   `{"license": "ISC"}`,
		"elsewhere/pkg.json": `{"license": "BSD-3-Clause"}`,
	})
	if err := os.Symlink("elsewhere/pkg.json", filepath.Join(dir, "package.json")); err != nil {
		t.Fatal(err)
	}
	got, err := tr.Declarations()
	if err != nil {
		t.Fatal(err)
	}
	want := []Declared{{"MIT OR Apache-2.0", "Cargo.toml"}, {"Apache-2.0 OR MIT", "README.md"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
