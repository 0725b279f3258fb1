// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package manifest

import (
	"context"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/repo"
)

// want is the comparable part of a Field; Problem is matched as a substring.
type want struct {
	Name       string
	Line       int
	Candidates []string
	File       string
	SPDX       bool
	Problem    string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, path, data string
		want             []want
		err              string
		errLine          int
	}{
		{
			name: "package.json string",
			path: "package.json",
			data: "{\n  \"name\": \"left-pad\",\n  \"version\": \"1.3.0\",\n  \"license\": \"WTFPL\",\n  \"main\": \"index.js\"\n}\n",
			want: []want{{Name: "license", Line: 4, Candidates: []string{"WTFPL"}, SPDX: true}},
		},
		{
			name: "package.json expression in lower case",
			path: "web/package.json",
			data: `{"name":"x","license":"mit or apache-2.0"}`,
			want: []want{{Name: "license", Line: 1, Candidates: []string{"MIT OR Apache-2.0"}, SPDX: true, Problem: `operator "or" must be upper case`}},
		},
		{
			name: "package.json name instead of id",
			path: "package.json",
			data: "{\n\"license\": \"Apache 2.0\"\n}",
			want: []want{{Name: "license", Line: 2, Candidates: []string{"Apache-2.0"}, SPDX: true, Problem: `(write "Apache-2.0")`}},
		},
		{
			name: "package.json UNLICENSED and SEE LICENSE IN",
			path: "package.json",
			data: `{"license": "UNLICENSED"}`,
			want: []want{{Name: "license", Line: 1, Candidates: []string{"UNLICENSED"}, SPDX: true}},
		},
		{
			name: "package.json SEE LICENSE IN",
			path: "package.json",
			data: `{"license": "SEE LICENSE IN LICENSE.txt"}`,
			want: []want{{Name: "license", Line: 1, File: "LICENSE.txt", SPDX: true}},
		},
		{
			name: "package.json legacy licenses",
			path: "package.json",
			data: "{\n \"licenses\": [\n  {\"type\": \"MIT\", \"url\": \"https://x/MIT\"},\n  {\"type\": \"GPL-2.0\", \"url\": \"https://x/GPL\"}\n ]\n}",
			want: []want{{Name: "licenses", Line: 2, Candidates: []string{"MIT OR GPL-2.0"}, SPDX: true, Problem: `"licenses" is deprecated`}},
		},
		{
			name: "package.json license object",
			path: "package.json",
			data: `{"license": {"type": "ISC", "url": "https://opensource.org/licenses/ISC"}}`,
			want: []want{{Name: "license", Line: 1, Candidates: []string{"ISC"}, SPDX: true, Problem: "object form"}},
		},
		{
			name: "package.json without licence",
			path: "package.json",
			data: `{"name": "private-app", "private": true}`,
		},
		{
			name:    "package.json broken",
			path:    "package.json",
			data:    "{\n  \"name\": \"x\",\n  \"license\": \"MIT\"\n  \"version\": \"1\"\n}",
			err:     "invalid JSON",
			errLine: 4,
		},
		{
			name:    "package.json empty",
			path:    "package.json",
			data:    "",
			err:     "unexpected end of file",
			errLine: 1,
		},
		{
			name:    "package.json array",
			path:    "package.json",
			data:    "[1, 2]",
			err:     "must be a JSON object",
			errLine: 1,
		},
		{
			name: "composer array is a choice",
			path: "composer.json",
			data: "{\n    \"name\": \"acme/lib\",\n    \"license\": [\n        \"LGPL-2.1-only\",\n        \"GPL-3.0-or-later\"\n    ]\n}",
			want: []want{{Name: "license", Line: 3, Candidates: []string{"LGPL-2.1-only OR GPL-3.0-or-later"}, SPDX: true}},
		},
		{
			name: "composer proprietary",
			path: "composer.json",
			data: `{"license": "proprietary"}`,
			want: []want{{Name: "license", Line: 1, Candidates: []string{"proprietary"}, SPDX: true}},
		},
		{
			name: "Cargo.toml",
			path: "Cargo.toml",
			data: "[package]\nname = \"ripgrep\"\nversion = \"14.1.0\"\nlicense = \"Unlicense OR MIT\"\n\n[dependencies]\nregex = \"1\"\n",
			want: []want{{Name: "package.license", Line: 4, Candidates: []string{"Unlicense OR MIT"}, SPDX: true}},
		},
		{
			name: "Cargo.toml legacy slash",
			path: "crates/core/Cargo.toml",
			data: "[package]\nname = \"core\"\nlicense = \"MIT/Apache-2.0\"\n",
			want: []want{{Name: "package.license", Line: 3, Candidates: []string{"MIT OR Apache-2.0"}, SPDX: true, Problem: `"/" is not an SPDX operator`}},
		},
		{
			name: "Cargo.toml workspace and licence file",
			path: "Cargo.toml",
			data: "# license = \"GPL\"\n[workspace]\nmembers = [\"a\"]\n\n[workspace.package]\nlicense = \"MIT OR Apache-2.0\"\n\n[package]\nname = \"a\"\nlicense.workspace = true\nlicense-file = \"LICENSE-CUSTOM\"\n",
			want: []want{
				{Name: "package.license-file", Line: 11, File: "LICENSE-CUSTOM"},
				{Name: "workspace.package.license", Line: 6, Candidates: []string{"MIT OR Apache-2.0"}, SPDX: true},
			},
		},
		{
			name:    "Cargo.toml broken",
			path:    "Cargo.toml",
			data:    "[package]\nname = \"x\"\nlicense = \"MIT\n",
			err:     "invalid TOML",
			errLine: 3,
		},
		{
			name: "pyproject PEP 639",
			path: "pyproject.toml",
			data: "[build-system]\nrequires = [\"hatchling\"]\n\n[project]\nname = \"demo\"\nlicense = \"BSD-3-Clause\"\nlicense-files = [\"LICENSE\"]\nclassifiers = [\n  \"Programming Language :: Python :: 3\",\n  \"License :: OSI Approved :: BSD License\",\n]\n",
			want: []want{
				{Name: "project.license", Line: 6, Candidates: []string{"BSD-3-Clause"}, SPDX: true},
				{Name: "project.classifiers", Line: 10, Candidates: []string{"BSD-3-Clause", "BSD-2-Clause"}},
			},
		},
		{
			name: "pyproject table text and several classifiers",
			path: "pyproject.toml",
			data: "[project]\nname = \"demo\"\nlicense = {text = \"Apache License, Version 2.0\"}\nclassifiers = [\"License :: OSI Approved :: MIT License\", \"License :: OSI Approved :: Apache Software License\"]\n",
			want: []want{
				{Name: "project.license.text", Line: 3, Candidates: []string{"Apache-2.0"}},
				{Name: "project.classifiers", Line: 4, Candidates: []string{"MIT OR Apache-2.0", "MIT OR Apache-1.1"}},
			},
		},
		{
			name: "pyproject file and poetry",
			path: "pyproject.toml",
			data: "[project]\nname = \"demo\"\nlicense = {file = \"COPYING\"}\n\n[tool.poetry]\nname = \"demo\"\nlicense = \"GPL-3.0-or-later\"\n",
			want: []want{
				{Name: "project.license.file", Line: 3, File: "COPYING"},
				{Name: "tool.poetry.license", Line: 7, Candidates: []string{"GPL-3.0-or-later"}, SPDX: true},
			},
		},
		{
			name: "pyproject classifier that names no licence",
			path: "pyproject.toml",
			data: "[project]\nclassifiers = [\"License :: OSI Approved\", \"License :: Public Domain\"]\n",
			want: []want{{Name: "project.classifiers", Line: 2}},
		},
		{
			name: "setup.cfg",
			path: "setup.cfg",
			data: "[options]\nlicense = ignored\n\n[metadata]\nname = demo\nlicense_files = LICENSE\nlicense = GNU General Public License v3 or later (GPLv3+)\n",
			want: []want{{Name: "metadata.license", Line: 7, Candidates: []string{"GPL-3.0-or-later"}}},
		},
		{
			name: "setup.cfg unknown text",
			path: "setup.cfg",
			data: "[metadata]\nlicense = Custom terms, see LICENSE\n",
			want: []want{{Name: "metadata.license", Line: 2}},
		},
		{
			name: "pom.xml",
			path: "pom.xml",
			data: `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <artifactId>demo</artifactId>
  <licenses>
    <license>
      <name>The Apache Software License, Version 2.0</name>
      <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>
    </license>
  </licenses>
  <dependencies><dependency><artifactId>x</artifactId></dependency></dependencies>
</project>
`,
			want: []want{{Name: "licenses/license/name", Line: 7, Candidates: []string{"Apache-2.0"}}},
		},
		{
			name: "pom.xml by url, Latin-1, two licences",
			path: "pom.xml",
			data: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<project><name>D\xe9mo</name><licenses>\n<license><name>EDL 1.0</name><url>http://www.eclipse.org/org/documents/edl-v10.php</url></license>\n<license><name>EPL-2.0</name></license></licenses></project>",
			want: []want{{Name: "licenses/license/name", Line: 3, Candidates: []string{"BSD-3-Clause OR EPL-2.0"}}},
		},
		{
			name:    "pom.xml broken",
			path:    "pom.xml",
			data:    "<project>\n<licenses>\n<license><name>MIT</name>\n</licenses>\n</project>",
			err:     "invalid XML",
			errLine: 4,
		},
		{
			name: "nuspec expression",
			path: "src/Acme.nuspec",
			data: `<?xml version="1.0"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>Acme</id>
    <license type="expression">MIT OR Apache-2.0</license>
    <licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>
  </metadata>
</package>`,
			want: []want{{Name: "metadata/license", Line: 5, Candidates: []string{"MIT OR Apache-2.0"}, SPDX: true}},
		},
		{
			name: "nuspec licenseUrl",
			path: "Acme.nuspec",
			data: "<package><metadata>\n<licenseUrl>https://licenses.nuget.org/MIT</licenseUrl></metadata></package>",
			want: []want{{Name: "metadata/licenseUrl", Line: 2, Candidates: []string{"MIT"}}},
		},
		{
			name: "gemspec",
			path: "acme.gemspec",
			data: "# frozen_string_literal: true\n\nGem::Specification.new do |spec|\n  spec.name = \"acme\"\n  spec.license = \"MIT\"\nend\n",
			want: []want{{Name: "spec.license", Line: 5, Candidates: []string{"MIT"}, SPDX: true}},
		},
		{
			name: "gemspec licenses array over lines and %w",
			path: "lib/x.gemspec",
			data: "Gem::Specification.new do |s|\n  s.licenses = [\n    'Ruby',\n    'BSD-2-Clause'\n  ]\n  s.licenses = %w[MIT Apache-2.0]\n  s.license = LICENSE_CONST\nend\n",
			want: []want{
				{Name: "spec.licenses", Line: 2, Candidates: []string{"Ruby OR BSD-2-Clause"}, SPDX: true},
				{Name: "spec.licenses", Line: 6, Candidates: []string{"MIT OR Apache-2.0"}, SPDX: true},
			},
		},
		{
			name: "DESCRIPTION",
			path: "DESCRIPTION",
			data: "Package: ggdemo\nType: Package\nTitle: Demo\nVersion: 0.1.0\nLicense: GPL (>= 2)\nEncoding: UTF-8\n",
			want: []want{{Name: "License", Line: 5, Candidates: []string{"GPL-2.0-or-later"}}},
		},
		{
			name: "DESCRIPTION MIT + file and alternatives",
			path: "pkg/DESCRIPTION",
			data: "Package: x\nLicense: MIT + file LICENSE\n",
			want: []want{{Name: "License", Line: 2, Candidates: []string{"MIT"}, File: "LICENSE"}},
		},
		{
			name: "DESCRIPTION alternatives",
			path: "DESCRIPTION",
			data: "Package: x\nLicense: GPL-2 |\n    GPL-3\n",
			want: []want{{Name: "License", Line: 2, Candidates: []string{"GPL-2.0-only OR GPL-3.0-only"}}},
		},
		{
			name: "DESCRIPTION that is not R",
			path: "DESCRIPTION",
			data: "Unnamed repository; edit this file to name it.\n",
		},
		{
			name: "Chart.yaml",
			path: "charts/web/Chart.yaml",
			data: "apiVersion: v2\nname: web\nversion: 1.0.0\nannotations:\n  category: Infrastructure\n  licenses: Apache-2.0\n  artifacthub.io/license: MIT\n",
			want: []want{
				{Name: "annotations.artifacthub.io/license", Line: 7, Candidates: []string{"MIT"}, SPDX: true},
				{Name: "annotations.licenses", Line: 6, Candidates: []string{"Apache-2.0"}, SPDX: true},
			},
		},
		{
			name:    "Chart.yaml broken",
			path:    "Chart.yaml",
			data:    "apiVersion: v2\nannotations:\n  licenses: [MIT\n",
			err:     "invalid YAML",
			errLine: 2, // where the YAML parser places it: the unclosed sequence's context
		},
		{
			name: "binary",
			path: "package.json",
			data: "\x00\x01\x02",
			err:  "binary",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Parse(tt.path, []byte(tt.data))
			if tt.err != "" {
				if m.Err == nil || !strings.Contains(m.Err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", m.Err, tt.err)
				}
				if m.ErrLine != tt.errLine {
					t.Errorf("error line = %d, want %d (%v)", m.ErrLine, tt.errLine, m.Err)
				}
				return
			}
			if m.Err != nil {
				t.Fatalf("unexpected error: %v", m.Err)
			}
			var got []want
			for _, f := range m.Fields {
				w := want{Name: f.Name, Line: f.Line, Candidates: f.Candidates, File: f.File, SPDX: f.SPDX, Problem: f.Problem}
				got = append(got, w)
			}
			// Problems are matched as substrings: copy the real text over
			// when it contains what is wanted.
			for i := range got {
				if i < len(tt.want) && tt.want[i].Problem != "" && strings.Contains(got[i].Problem, tt.want[i].Problem) {
					got[i].Problem = tt.want[i].Problem
				}
			}
			sortWant(got)
			exp := append([]want(nil), tt.want...)
			sortWant(exp)
			if diff := cmp.Diff(exp, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func sortWant(ws []want) {
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].Name != ws[j].Name {
			return ws[i].Name < ws[j].Name
		}
		return ws[i].Line < ws[j].Line
	})
}

func TestFromName(t *testing.T) {
	tests := map[string][]string{
		"MIT License":                          {"MIT"},
		"the mit licence":                      {"MIT"},
		"Apache License, Version 2.0":          {"Apache-2.0"},
		"BSD":                                  {"BSD-3-Clause", "BSD-2-Clause"},
		"GPLv3+":                               {"GPL-3.0-or-later"},
		"Mozilla Public License 2.0 (MPL 2.0)": {"MPL-2.0"},
		"Eclipse Public License 2.0 (EPL-2.0)": {"EPL-2.0"},
		"Some Licence (MPL-2.0)":               {"MPL-2.0"},
		"Custom":                               nil,
	}
	for in, want := range tests {
		if diff := cmp.Diff(want, fromName(in)); diff != "" {
			t.Errorf("fromName(%q) (-want +got):\n%s", in, diff)
		}
	}
}

func TestFromURL(t *testing.T) {
	tests := map[string][]string{
		"https://www.apache.org/licenses/LICENSE-2.0.txt":  {"Apache-2.0"},
		"http://opensource.org/licenses/MIT":               {"MIT"},
		"https://opensource.org/licenses/BSD-3-Clause":     {"BSD-3-Clause"},
		"https://www.gnu.org/licenses/lgpl-2.1.html":       {"LGPL-2.1"},
		"https://licenses.nuget.org/MIT%20OR%20Apache-2.0": {"MIT OR Apache-2.0"},
		"https://example.com/licence":                      nil,
		"::not a url":                                      nil,
	}
	for in, want := range tests {
		if diff := cmp.Diff(want, fromURL(in)); diff != "" {
			t.Errorf("fromURL(%q) (-want +got):\n%s", in, diff)
		}
	}
}

func TestFind(t *testing.T) {
	fsys := fstest.MapFS{
		"package.json":                           {Data: []byte("{}")},
		"packages/a/package.json":                {Data: []byte("{}")},
		"packages/a/node_modules/b/package.json": {Data: []byte("{}")},
		"vendor/github.com/x/y/Cargo.toml":       {Data: []byte("")},
		"testdata/repos/r/Cargo.toml":            {Data: []byte("")},
		"gems/x.gemspec":                         {Data: []byte("")},
		"README.md":                              {Data: []byte("")},
		".gemspec":                               {Data: []byte("")},
	}
	r := &repo.Repo{Name: "t", Kind: repo.KindWorktree, FS: fsys}
	ix, _, err := repo.Walk(context.Background(), r, repo.WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range Find(ix) {
		got = append(got, e.Path)
	}
	want := []string{"gems/x.gemspec", "package.json", "packages/a/package.json"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find (-want +got):\n%s", diff)
	}
}

func FuzzManifest(f *testing.F) {
	seeds := []struct{ path, data string }{
		{"package.json", `{"license": "MIT", "licenses": [{"type": "ISC"}]}`},
		{"composer.json", `{"license": ["MIT", "proprietary"]}`},
		{"Cargo.toml", "[package]\nlicense = \"MIT/Apache-2.0\"\nlicense-file = \"L\"\n"},
		{"pyproject.toml", "[project]\nlicense = {text = \"BSD\"}\nclassifiers = [\"License :: OSI Approved :: MIT License\"]\n"},
		{"setup.cfg", "[metadata]\nlicense =\n  MIT\n"},
		{"pom.xml", "<project><licenses><license><name>MIT</name></license></licenses></project>"},
		{"x.nuspec", `<package><metadata><license type="expression">MIT</license></metadata></package>`},
		{"x.gemspec", "s.licenses = ['MIT',\n 'GPL-2.0']\n"},
		{"DESCRIPTION", "Package: p\nLicense: GPL (>= 2) | file LICENSE\n"},
		{"Chart.yaml", "annotations:\n  licenses: MIT\n"},
	}
	for _, s := range seeds {
		f.Add(s.path, []byte(s.data))
	}
	f.Fuzz(func(t *testing.T, p string, data []byte) {
		kind, ok := Detect(p)
		if !ok {
			// Spread the input over every format instead.
			kind = []Kind{NPM, Composer, Cargo, PyProject, SetupCfg, Maven, NuGet, Gemspec, RDescription, Helm}[len(data)%10]
		}
		name := map[Kind]string{Gemspec: "a.gemspec", NuGet: "a.nuspec"}[kind]
		if name == "" {
			name = string(kind)
		}
		m := parse(name, data)
		for _, fl := range m.Fields {
			if fl.Line < 0 {
				t.Fatalf("negative line in %+v", fl)
			}
		}
	})
}
