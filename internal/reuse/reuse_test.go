// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

// REUSE-IgnoreStart

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/repo"
)

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		complete bool
		want     Header
	}{
		{"go header", "// SPDX-FileCopyrightText: 2026 Jane Doe <jane@example.com>\n// SPDX-License-Identifier: Apache-2.0\n\npackage x\n", true,
			Header{Licenses: []Tag{{"Apache-2.0", 2}}, Copyrights: []Tag{{"SPDX-FileCopyrightText: 2026 Jane Doe <jane@example.com>", 1}}}},
		{"c block closers", "/*\n * Copyright (c) 2020 ACME */\n/* SPDX-License-Identifier: MIT */\n", true,
			Header{Licenses: []Tag{{"MIT", 3}}, Copyrights: []Tag{{"Copyright (c) 2020 ACME", 2}}}},
		{"html comment", "<!-- SPDX-License-Identifier: CC-BY-4.0 -->\n<!-- © 2021 Someone -->\n", true,
			Header{Licenses: []Tag{{"CC-BY-4.0", 1}}, Copyrights: []Tag{{"© 2021 Someone", 2}}}},
		{"crlf", "# SPDX-License-Identifier: MIT\r\n# SPDX-FileCopyrightText: X\r\n", true,
			Header{Licenses: []Tag{{"MIT", 1}}, Copyrights: []Tag{{"SPDX-FileCopyrightText: X", 2}}}},
		{"framed ascii art", "/*|  SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception  |*/\n", true,
			Header{Licenses: []Tag{{"Apache-2.0 WITH LLVM-exception  |", 1}}}},
		{"tag needs white space", "SPDX-License-Identifier:MIT\nCopyright\nCopyright: 2020 X\n", true, Header{}},
		{"copyright word anywhere", "x = 1 # Copyright 2020 Foo\n", true,
			Header{Copyrights: []Tag{{"Copyright 2020 Foo", 1}}}},
		{"copyright with (c) no space", "Copyright(c) 2019 Bar\n", true,
			Header{Copyrights: []Tag{{"Copyright(c) 2019 Bar", 1}}}},
		{"lower-case copyright is prose", "the copyright holders\n", true, Header{}},
		{"snippet", "// SPDX-SnippetBegin\n// SPDX-SnippetCopyrightText: 2022 Jane\n// SPDX-License-Identifier: MIT\n// SPDX-SnippetEnd\n", true,
			Header{Licenses: []Tag{{"MIT", 3}}, Copyrights: []Tag{{"SPDX-SnippetCopyrightText: 2022 Jane", 2}}}},
		{"ignore block", "# SPDX-License-Identifier: MIT\n# REUSE-" + "IgnoreStart\necho 'SPDX-License-Identifier: GPL-3.0'\n# REUSE-" + "IgnoreEnd\n# Copyright 2020 Y\n", true,
			Header{Licenses: []Tag{{"MIT", 1}}, Copyrights: []Tag{{"Copyright 2020 Y", 5}}}},
		{"unclosed ignore block", "# SPDX-License-Identifier: MIT\n# REUSE-" + "IgnoreStart\n# Copyright 2020 Y\n", true,
			Header{Licenses: []Tag{{"MIT", 1}}}},
		{"ignore block below the last marker", "# SPDX-License-Identifier: MIT\n# Copyright 2020 Y\n# REUSE-" + "IgnoreStart\nx\n", true,
			Header{Licenses: []Tag{{"MIT", 1}}, Copyrights: []Tag{{"Copyright 2020 Y", 2}}}},
		{"ignore block opened on the last marker's line", "# SPDX-License-Identifier: MIT\n# Copyright 2020 Y # REUSE-" + "IgnoreStart and more\n", true,
			Header{Licenses: []Tag{{"MIT", 1}}, Copyrights: []Tag{{"Copyright 2020 Y #", 2}}}},
		{"cut last line of a partial read", "// SPDX-License-Identifier: MIT\n// SPDX-License-Identifier: GPL-2.0-or-la", false,
			Header{Licenses: []Tag{{"MIT", 1}}}},
		{"empty value", "# SPDX-License-Identifier: \n", true, Header{Licenses: []Tag{{"", 1}}}},
		{"xml attribute", "<license value=\"SPDX-License-Identifier: MIT\" />\n", true, Header{Licenses: []Tag{{"MIT", 1}}}},
		{"binary", "\x00\x01\xff\xfeCopyright \xff\n", true, Header{Copyrights: []Tag{{"Copyright \uFFFD", 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseHeader([]byte(tt.text), tt.complete)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ParseHeader(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}

func TestParseExpression(t *testing.T) {
	tests := []struct {
		in      string
		keys    []string
		invalid bool
	}{
		{"MIT", []string{"MIT"}, false},
		{"(GPL-2.0-only OR BSD-2-Clause)", []string{"GPL-2.0-only", "BSD-2-Clause"}, false},
		{"GPL-2.0-or-later WITH Classpath-exception-2.0", []string{"GPL-2.0-or-later", "Classpath-exception-2.0"}, false},
		{"Apache-2.0 and MIT", []string{"Apache-2.0", "MIT"}, false},
		{"GPL-2.0+", []string{"GPL-2.0+"}, false},
		{"LicenseRef-Mine AND MIT AND MIT", []string{"LicenseRef-Mine", "MIT"}, false},
		{"Foo-1.0", []string{"Foo-1.0"}, false}, // unknown: a bad licence, not a bad expression
		{"mit", []string{"mit"}, false},
		{"MIT License", nil, true},
		{"GPL-2.0+159", nil, true},
		{"MIT OR", nil, true},
		{"(MIT", nil, true},
		{"MIT)", nil, true},
		{"MIT And Apache-2.0", nil, true},
		{"MIT WITH Apache-2.0", nil, true},
		{"LicenseRef-a_b", nil, true},
		{"", nil, true},
		{"MIT,", nil, true},
	}
	for _, tt := range tests {
		e := ParseExpression(tt.in)
		if (e.Invalid != "") != tt.invalid {
			t.Errorf("ParseExpression(%q).Invalid = %q, want invalid %v", tt.in, e.Invalid, tt.invalid)
		}
		if !tt.invalid {
			if d := cmp.Diff(tt.keys, e.Keys); d != "" {
				t.Errorf("ParseExpression(%q).Keys (-want +got):\n%s", tt.in, d)
			}
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		key   string
		kind  Kind
		canon string
	}{
		{"MIT", Known, "MIT"},
		{"Classpath-exception-2.0", Known, "Classpath-exception-2.0"},
		{"GPL-2.0", Deprecated, "GPL-2.0"},
		{"GPL-2.0+", Deprecated, "GPL-2.0+"},
		{"Apache-2.0+", Known, "Apache-2.0"},
		{"apache-2.0", Miscased, "Apache-2.0"},
		{"LicenseRef-x", Ref, "LicenseRef-x"},
		{"Foo", Unknown, "Foo"},
	}
	for _, tt := range tests {
		k, c := Classify(tt.key)
		if k != tt.kind || c != tt.canon {
			t.Errorf("Classify(%q) = %v, %q; want %v, %q", tt.key, k, c, tt.kind, tt.canon)
		}
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pat, path string
		want      bool
	}{
		{"*.c", "a.c", true},
		{"*.c", "src/a.c", false},
		{"**/*.c", "src/x/a.c", true},
		{"**/*.c", "a.c", true},
		{"src/**", "src/x/y", true},
		{"src/**", "srcx/y", false},
		{"po/*.po", "po/de.po", true},
		{`a\*b`, "a*b", true},
		{`a\*b`, "axb", false},
		{`a\\b`, `a\b`, true},
		{"a.b", "axb", false},
		{"docs/", "docs/x", false},
	}
	for _, tt := range tests {
		a, msg := annotation(map[string]any{"path": tt.pat}, 0)
		if msg != "" {
			t.Fatalf("%q: %s", tt.pat, msg)
		}
		if got := a.Matches(tt.path); got != tt.want {
			t.Errorf("path %q matches %q = %v, want %v", tt.pat, tt.path, got, tt.want)
		}
	}
}

func TestParseTOMLErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       []int // lines of the errors
		tables     int
	}{
		{"valid", "version = 1\n[[annotations]]\npath = [\"a\", \"b/**\"]\nprecedence = \"override\"\nSPDX-License-Identifier = [\"MIT\"]\n", nil, 1},
		{"no version", "[[annotations]]\npath = \"a\"\n", []int{1}, 1},
		{"version 2", "version = 2\n", []int{1}, 0},
		{"string version", "version = \"1\"\n", []int{1}, 0},
		{"bad precedence", "version = 1\n\n[[annotations]]\npath = \"a\"\nprecedence = \"nearest\"\n", []int{3}, 0},
		{"no path", "version = 1\n[[annotations]]\nSPDX-License-Identifier = \"MIT\"\n", []int{2}, 0},
		{"path outside", "version = 1\n[[annotations]]\npath = \"../x\"\n", []int{2}, 0},
		{"number licence", "version = 1\n[[annotations]]\npath = \"x\"\nSPDX-License-Identifier = 3\n", []int{2}, 0},
		{"annotations not tables", "version = 1\nannotations = 3\n", []int{2}, 0},
		{"not toml", "version = = 1\n", []int{1}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toml, errs := ParseTOML("REUSE.toml", []byte(tt.text))
			var lines []int
			for _, e := range errs {
				lines = append(lines, e.Line)
			}
			if d := cmp.Diff(tt.want, lines); d != "" {
				t.Errorf("error lines (-want +got):\n%s\n%v", d, errs)
			}
			if tt.tables < 0 {
				if toml != nil {
					t.Errorf("want nil for invalid TOML")
				}
				return
			}
			if len(toml.Annotations) != tt.tables {
				t.Errorf("%d annotations kept, want %d", len(toml.Annotations), tt.tables)
			}
		})
	}
}

func TestParseDep5(t *testing.T) {
	const head = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: x\n\n"
	d, errs := ParseDep5([]byte(head +
		"Files: *\nCopyright: 2020 All\nLicense: MIT\n\n" +
		"# a comment\nFiles: src/*.c\n  src/*.h\nCopyright: 2021 Jane\n 2022 John\nLicense: GPL-2.0-only\n Full text would follow.\n .\n More.\n\n" +
		"License: LicenseRef-Standalone\n Text.\n\n" +
		"Files: doc/a?.md doc/\\*star\nCopyright: 2023 Doc\nLicense: CC-BY-4.0\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		path, license string
		copyrights    []string
	}{
		{"README", "MIT", []string{"2020 All"}},
		{"src/x/y.c", "GPL-2.0-only", []string{"2021 Jane", "2022 John"}},
		{"src/a.h", "GPL-2.0-only", []string{"2021 Jane", "2022 John"}},
		{"doc/ab.md", "CC-BY-4.0", []string{"2023 Doc"}},
		{"doc/abc.md", "MIT", []string{"2020 All"}},
		{"doc/*star", "CC-BY-4.0", []string{"2023 Doc"}},
	}
	for _, tt := range tests {
		f := d.Match(tt.path)
		if f == nil || f.License != tt.license || !cmp.Equal(f.Copyrights, tt.copyrights) {
			t.Errorf("Match(%q) = %+v, want %s %v", tt.path, f, tt.license, tt.copyrights)
		}
	}
	if f := d.Match("src/a.c"); f.Line != 9 || f.LicenseLine != 13 {
		t.Errorf("lines = %d, %d; want Files 9, License 13", f.Line, f.LicenseLine)
	}

	bad := []string{
		"",
		"Files: *\nCopyright: x\nLicense: MIT\n", // no header: its Files are lost, and it has no Format
		head + "Files: *\nLicense: MIT\n",
		head + "Files: *\nCopyright: x\n",
		head + "Files: a\\b\nCopyright: x\nLicense: MIT\n",
		head + "Comment: nothing\n",
		head + "Files: *\nFiles: b\nCopyright: x\nLicense: MIT\n",
		" continuation first\n",
		head + "not a field\n",
	}
	for _, b := range bad {
		if d, errs := ParseDep5([]byte(b)); d != nil || len(errs) == 0 {
			t.Errorf("ParseDep5(%q) = %v, %v; want an error", b, d, errs)
		}
	}
}

func TestCovered(t *testing.T) {
	entries := []repo.Entry{
		{Path: "main.go", Size: 10},
		{Path: "empty.go"},
		{Path: "link.go", Size: 10, Symlink: true},
		{Path: "LICENSE", Size: 10},
		{Path: "LICENSE-MIT", Size: 10},
		{Path: "LICENCE.md", Size: 10},
		{Path: "COPYING.LESSER", Size: 10},
		{Path: "LICENSEE.md", Size: 10},
		{Path: "REUSE.toml", Size: 10},
		{Path: "logo.png.license", Size: 10},
		{Path: "sbom.spdx.json", Size: 10},
		{Path: "bom.spdx", Size: 10},
		{Path: "LICENSES/MIT.txt", Size: 10},
		{Path: "vendor/x/LICENSES/MIT.txt", Size: 10},
		{Path: ".reuse/dep5", Size: 10},
		{Path: ".hg/store", Size: 10},
		{Path: "sub/.git", Size: 10},
		{Path: "sub/file.c", Size: 10},
		{Path: "subprojects/wrap.wrap", Size: 10},
		{Path: "subprojects/foo/a.c", Size: 10},
		{Path: "src/CAL-1.0.txt", Size: 10},
		{Path: ".hgtags", Size: 10},
	}
	l := NewLayout(repo.NewIndex(entries))
	var got []string
	for _, e := range l.ix.Files() {
		if l.Covered(e) {
			got = append(got, e.Path)
		}
	}
	want := []string{"LICENSEE.md", "main.go", "subprojects/wrap.wrap"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("covered (-want +got):\n%s", d)
	}
}

// memInput evaluates in-memory files; failing paths cannot be read.
func memInput(files map[string]string, failing ...string) Input {
	var es []repo.Entry
	for p, c := range files {
		es = append(es, repo.Entry{Path: p, Size: int64(len(c))})
	}
	fail := map[string]bool{}
	for _, p := range failing {
		fail[p] = true
	}
	read := func(p string) ([]byte, error) {
		if fail[p] {
			return nil, errors.New("permission denied")
		}
		c, ok := files[p]
		if !ok {
			return nil, fs.ErrNotExist
		}
		return []byte(c), nil
	}
	return Input{
		Index:    repo.NewIndex(es),
		ReadFile: read,
		Text: func(p string) Text {
			data, err := read(p)
			if err != nil {
				return Text{Err: err}
			}
			const head = 64
			if len(data) > head {
				return Text{Header: ParseHeader(data[:head], false), Partial: true}
			}
			return Text{Header: ParseHeader(data, true)}
		},
		Full: func(p string) Text {
			data, err := read(p)
			return Text{Header: ParseHeader(data, true), Err: err}
		},
	}
}

func issuePaths(is []Issue) []string {
	out := []string{}
	for _, i := range is {
		out = append(out, i.Path)
	}
	sort.Strings(out)
	return out
}

func TestEvaluatePrecedence(t *testing.T) {
	const (
		mit = "SPDX-License-Identifier: MIT\n"
		cp  = "SPDX-FileCopyrightText: 2020 Own\n"
	)
	files := map[string]string{
		"LICENSES/MIT.txt":        "text",
		"LICENSES/Apache-2.0.txt": "text",
		"LICENSES/CC0-1.0.txt":    "text",
		"REUSE.toml": `version = 1
[[annotations]]
path = "closest/**"
SPDX-FileCopyrightText = "Root"
SPDX-License-Identifier = "Apache-2.0"
[[annotations]]
path = "agg/**"
precedence = "aggregate"
SPDX-FileCopyrightText = "Root"
SPDX-License-Identifier = "Apache-2.0"
[[annotations]]
path = "over/**"
precedence = "override"
SPDX-FileCopyrightText = "Root"
SPDX-License-Identifier = "CC0-1.0"
[[annotations]]
path = "closest/last.txt"
SPDX-License-Identifier = "CC0-1.0"
`,
		"closest/own.txt":     mit + cp,
		"closest/partial.txt": mit,
		"closest/none.txt":    "plain\n",
		"closest/last.txt":    cp,
		"agg/own.txt":         mit + cp,
		"over/own.txt":        mit + cp,
		"over/REUSE.toml":     "version = 1\n[[annotations]]\npath = \"*\"\nprecedence = \"override\"\nSPDX-License-Identifier = \"MIT\"\n",
		"deep/REUSE.toml":     "version = 1\n[[annotations]]\npath = \"*.txt\"\nSPDX-FileCopyrightText = \"Deep\"\nSPDX-License-Identifier = \"MIT\"\n",
		"deep/a.txt":          "x\n",
		"late/big.txt":        strings.Repeat("filler line without tags\n", 10) + mit + cp,
	}
	r := Evaluate(memInput(files))
	got := map[string]string{}
	for _, f := range r.Files {
		var ls, cs []string
		for _, s := range f.Licenses {
			ls = append(ls, s.Value+"@"+s.Path)
		}
		for _, s := range f.Copyrights {
			cs = append(cs, strings.TrimPrefix(s.Value, "SPDX-FileCopyrightText: ")+"@"+s.Path)
		}
		got[f.Path] = strings.Join(ls, ",") + " | " + strings.Join(cs, ",")
	}
	want := map[string]string{
		"closest/own.txt":     "MIT@closest/own.txt | 2020 Own@closest/own.txt",
		"closest/partial.txt": "MIT@closest/partial.txt | Root@REUSE.toml",
		"closest/none.txt":    "Apache-2.0@REUSE.toml | Root@REUSE.toml",
		"closest/last.txt":    "CC0-1.0@REUSE.toml | 2020 Own@closest/last.txt",
		"agg/own.txt":         "MIT@agg/own.txt,Apache-2.0@REUSE.toml | 2020 Own@agg/own.txt,Root@REUSE.toml",
		"over/own.txt":        "CC0-1.0@REUSE.toml | Root@REUSE.toml",
		"deep/a.txt":          "MIT@deep/REUSE.toml | Deep@deep/REUSE.toml",
		"late/big.txt":        "MIT@late/big.txt | 2020 Own@late/big.txt",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("licensing information (-want +got):\n%s", d)
	}
	if !r.Facts.Compliant {
		t.Errorf("not compliant: %+v %+v", r.ConfigErrors, r.MissingCopyright)
	}
}

func TestEvaluateProblems(t *testing.T) {
	const cp = "# SPDX-FileCopyrightText: 2026 X\n"
	files := map[string]string{
		"LICENSES/MIT.txt":           "t",
		"LICENSES/GPL-2.0.txt":       "t",
		"LICENSES/Apache-2.0":        "t",
		"LICENSES/mit-0.txt":         "t",
		"LICENSES/MIT.md":            "t",
		"LICENSES/MIT.txt.license":   "t",
		"LICENSES/BSD-3-Clause.txt":  "t",
		"LICENSES/LicenseRef-Custom": "t",
		"a.py":                       cp + "# SPDX-License-Identifier: MIT OR GPL-2.0+\n",
		"b.py":                       cp + "# SPDX-License-Identifier: Apache-2.0 AND Foo AND LicenseRef-Custom\n",
		"c.py":                       cp + "# SPDX-License-Identifier: ISC\n",
		"d.py":                       cp + "# SPDX-License-Identifier: MIT License\n",
		"e.py":                       cp + "# SPDX-License-Identifier: DocumentRef-x:LicenseRef-y\n",
		"locked.py":                  cp,
		"img.png":                    "\x00png",
		"img.png.license":            "SPDX-License-Identifier: Mit\n",
	}
	r := Evaluate(memInput(files, "locked.py"))
	got := map[string][]string{
		"missing-license":   issuePaths(r.MissingLicense),
		"missing-copyright": issuePaths(r.MissingCopyright),
		"missing-licenses":  issuePaths(r.MissingLicenses),
		"unused":            issuePaths(r.UnusedLicenses),
		"bad":               issuePaths(r.BadLicenses),
		"deprecated":        issuePaths(r.DeprecatedLicenses),
		"no-extension":      issuePaths(r.LicensesWithoutExtension),
		"invalid":           issuePaths(r.InvalidExpressions),
		"read":              issuePaths(r.ReadErrors),
		"config":            issuePaths(r.ConfigErrors),
	}
	want := map[string][]string{
		"missing-license":   {},
		"missing-copyright": {"img.png"},
		"missing-licenses":  {"c.py"},
		"unused":            {"LICENSES/BSD-3-Clause.txt", "LICENSES/mit-0.txt"},
		"bad":               {"LICENSES/MIT.txt", "LICENSES/mit-0.txt", "b.py", "e.py", "img.png"},
		"deprecated":        {"LICENSES/GPL-2.0.txt"},
		"no-extension":      {"LICENSES/Apache-2.0", "LICENSES/LicenseRef-Custom"},
		"invalid":           {"d.py"},
		"read":              {"locked.py"},
		"config":            {},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("issues (-want +got):\n%s", d)
	}
	for _, is := range r.BadLicenses {
		if is.Path == "img.png" && (is.Source == nil || is.Source.Path != "img.png.license" || is.Line != 0) {
			t.Errorf("bad licence in a sidecar: %+v", is)
		}
		if is.Path == "b.py" && is.Line != 2 {
			t.Errorf("b.py line = %d, want 2", is.Line)
		}
	}
	if d := cmp.Diff([]string{"Apache-2.0", "DocumentRef-x:LicenseRef-y", "Foo", "GPL-2.0+", "ISC", "LicenseRef-Custom", "MIT", "Mit"}, r.Facts.LicensesUsed); d != "" {
		t.Errorf("licences used (-want +got):\n%s", d)
	}
	wantExpr := map[string]int{"Apache-2.0 AND Foo AND LicenseRef-Custom": 1, "DocumentRef-x:LicenseRef-y": 1, "ISC": 1,
		"MIT License": 1, "MIT OR GPL-2.0+": 1, "Mit": 1}
	if d := cmp.Diff(wantExpr, r.Facts.Expressions); d != "" {
		t.Errorf("expressions (-want +got):\n%s", d)
	}
}

func TestEvaluateDep5AndTOMLTogether(t *testing.T) {
	files := map[string]string{
		"LICENSES/MIT.txt": "t",
		".reuse/dep5":      "Format: x\n\nFiles: *\nCopyright: A\nLicense: MIT\n",
		"REUSE.toml":       "version = 1\n[[annotations]]\npath = \"*.txt\"\nSPDX-FileCopyrightText = \"B\"\nSPDX-License-Identifier = \"MIT\"\n",
		"a.txt":            "x\n",
		"b.go":             "package b\n",
	}
	r := Evaluate(memInput(files))
	if d := cmp.Diff([]string{".reuse/dep5"}, issuePaths(r.ConfigErrors)); d != "" {
		t.Errorf("config errors (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"b.go"}, issuePaths(r.MissingLicense)); d != "" {
		t.Errorf("dep5 must be ignored beside REUSE.toml (-want +got):\n%s", d)
	}
}

// REUSE-IgnoreEnd

// TestFactsExpressions counts files by expression: once per file, and a file
// under two statements (its header and REUSE.toml) for each.
func TestFactsExpressions(t *testing.T) {
	files := map[string]string{
		"LICENSES/MIT.txt":        "t",
		"LICENSES/Apache-2.0.txt": "t",
		"REUSE.toml":              "version = 1\n[[annotations]]\npath = \"c.go\"\nprecedence = \"aggregate\"\nSPDX-FileCopyrightText = \"B\"\nSPDX-License-Identifier = \"Apache-2.0\"\n",
		"a.go":                    "// SPDX-License-Identifier: MIT OR Apache-2.0\n// SPDX-License-Identifier: MIT OR Apache-2.0\n// SPDX-FileCopyrightText: A\n",
		"b.go":                    "// SPDX-License-Identifier: MIT OR Apache-2.0\n// SPDX-FileCopyrightText: A\n",
		"c.go":                    "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: A\n",
	}
	r := Evaluate(memInput(files))
	want := map[string]int{"MIT OR Apache-2.0": 2, "MIT": 1, "Apache-2.0": 1}
	if d := cmp.Diff(want, r.Facts.Expressions); d != "" {
		t.Errorf("expressions (-want +got):\n%s", d)
	}
}

// REUSE-IgnoreStart

// TestSupportFiles holds SupportFiles to its promise: a file evaluated with
// only the support files that exist gets the licensing the whole repository
// gives it, whether that comes from its header, its sidecar, .reuse/dep5 or
// a REUSE.toml in any directory above it.
func TestSupportFiles(t *testing.T) {
	repos := map[string]map[string]string{
		"dep5": {
			".reuse/dep5":           "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: assets/*\nCopyright: 2026 Dep5 Holder\nLicense: CC0-1.0\n",
			"assets/logo.svg":       "<svg/>\n",
			"img/photo.jpg":         "\xff\xd8binary",
			"img/photo.jpg.license": "SPDX-FileCopyrightText: 2026 Photographer\nSPDX-License-Identifier: CC-BY-4.0\n",
			"src/a.go":              "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2026 A\n",
			"src/bare.go":           "package src\n",
		},
		"REUSE.toml": {
			"REUSE.toml":          "version = 1\n[[annotations]]\npath = \"docs/**\"\nSPDX-FileCopyrightText = \"2026 Top\"\nSPDX-License-Identifier = \"CC-BY-4.0\"\n",
			"docs/api/REUSE.toml": "version = 1\n[[annotations]]\npath = \"gen.md\"\nprecedence = \"override\"\nSPDX-FileCopyrightText = \"2026 Generator\"\nSPDX-License-Identifier = \"CC0-1.0\"\n",
			"docs/api/gen.md":     "# generated\n",
			"docs/guide.md":       "# Guide\n",
			"src/bare.go":         "package src\n",
		},
	}
	for name, files := range repos {
		t.Run(name, func(t *testing.T) {
			whole := map[string]File{}
			for _, f := range Evaluate(memInput(files)).Files {
				whole[f.Path] = f
			}
			for p, want := range whole {
				sub := map[string]string{p: files[p]}
				for _, s := range SupportFiles(p) {
					if c, ok := files[s]; ok {
						sub[s] = c
					}
				}
				var got File
				for _, f := range Evaluate(memInput(sub)).Files {
					if f.Path == p {
						got = f
					}
				}
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("%s evaluated with its support files only (-whole repository +support files):\n%s", p, d)
				}
			}
		})
	}
}

// REUSE-IgnoreEnd

// REUSE-IgnoreStart

// TestInvalidExpressionQuoted: u-boot's tools/file2include.c is licensed by
// its header and prints "/* SPDX-License-Identifier: GPL-2.0+ */\n" further
// down; Licenses/README shows the tag's syntax with a placeholder. The
// invalid tag is reported, and when the file has a valid tag of its own the
// message says how to mark a quoted one. A file whose only tag is invalid
// gets no such advice.
func TestInvalidExpressionQuoted(t *testing.T) {
	const cp = "// SPDX-FileCopyrightText: 2017 X\n"
	files := map[string]string{
		"LICENSES/GPL-2.0-or-later.txt": "t",
		"gen.c": "// SPDX-License-Identifier: GPL-2.0-or-later\n" + cp + "int main(void) {\n" +
			"\tprintf(\"/* SPDX-License-Identifier: GPL-2.0+ */\\n\");\n}\n",
		"only.c": "// SPDX-License-Identifier: GPL 2.0+\n" + cp,
	}
	r := Evaluate(memInput(files))
	got := map[string]string{}
	for _, is := range r.InvalidExpressions {
		got[fmt.Sprintf("%s:%d", is.Path, is.Line)] = is.Message
	}
	const hint = "put it between REUSE-IgnoreStart and REUSE-IgnoreEnd"
	if m, ok := got["gen.c:4"]; !ok || !strings.Contains(m, hint) {
		t.Errorf("gen.c:4: %q (found %v), want the advice %q; all: %v", m, ok, hint, got)
	}
	if m, ok := got["only.c:1"]; !ok || strings.Contains(m, hint) {
		t.Errorf("only.c:1: %q (found %v), want the invalid tag without the advice", m, ok)
	}
}

// REUSE-IgnoreEnd

// TestEvaluateManyFilesInOrder: with enough files for the workers to share
// them, the issues come in the files' order, an invalid expression written
// in REUSE.toml is reported once, at REUSE.toml, and the licence texts'
// own problems stay first among the bad licences.
func TestEvaluateManyFilesInOrder(t *testing.T) {
	files := map[string]string{
		"LICENSES/MIT.txt": "t",
		"LICENSES/Foo.txt": "t",
		"REUSE.toml":       "version = 1\n[[annotations]]\npath = \"toml/**\"\nSPDX-FileCopyrightText = \"2026 T\"\nSPDX-License-Identifier = \"MIT OR\"\n",
	}
	var wantBad, wantInvalid, wantMissing []string
	wantBad = append(wantBad, "LICENSES/Foo.txt")
	wantInvalid = append(wantInvalid, "REUSE.toml")
	for i := range 600 {
		p := fmt.Sprintf("src/f%03d.c", i)
		switch i % 4 {
		case 0:
			files[p] = "// SPDX-License-Identifier: MIT\n// Copyright 2026 X\n"
		case 1:
			files[p] = "// SPDX-License-Identifier: Bar\n// Copyright 2026 X\n"
			wantBad = append(wantBad, p)
		case 2:
			files[p] = "// SPDX-License-Identifier: MIT AND\n// Copyright 2026 X\n"
			wantInvalid = append(wantInvalid, p)
		case 3:
			files[p] = "// Copyright 2026 X\n"
			wantMissing = append(wantMissing, p)
		}
		files[fmt.Sprintf("toml/g%03d.c", i)] = "int x;\n"
	}
	r := Evaluate(memInput(files))
	inOrder := func(is []Issue) []string {
		out := []string{}
		for _, i := range is {
			out = append(out, i.Path)
		}
		return out
	}
	got := map[string][]string{"bad": inOrder(r.BadLicenses), "invalid": inOrder(r.InvalidExpressions), "missing": inOrder(r.MissingLicense)}
	// The files under toml/ come after src/: the expression is reported
	// with the first of them.
	want := map[string][]string{"bad": wantBad, "invalid": append(wantInvalid[1:], "REUSE.toml"), "missing": wantMissing}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("issues (-want +got):\n%s", d)
	}
}
