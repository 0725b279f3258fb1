// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// licenceText reads a licence text kept in the lic-* fixtures.
func licenceText(t *testing.T, name string) *fstest.MapFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "repos", name))
	if err != nil {
		t.Fatal(err)
	}
	return &fstest.MapFile{Data: data}
}

// brief is a finding as "path:line: message".
func brief(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d: %s", f.Path, f.Line, f.Message))
	}
	return out
}

func TestLicenseConsistent(t *testing.T) {
	mit := licenceText(t, "lic-consistent/LICENSE")
	apache := licenceText(t, "lic-dual/LICENSE-APACHE")
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
		na    string
	}{
		{
			name: "package.json agrees",
			files: fstest.MapFS{
				"LICENSE":      mit,
				"package.json": file("{\n  \"name\": \"x\",\n  \"license\": \"mit\"\n}\n"),
			},
		},
		{
			name: "package.json disagrees",
			files: fstest.MapFS{
				"LICENSE":      mit,
				"package.json": file("{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n  \"license\": \"GPL-3.0-only\"\n}\n"),
			},
			want: []string{"package.json:4: package.json declares licence GPL-3.0-only but LICENSE is MIT: make the manifest and the licence file agree"},
		},
		{
			name: "MIT declared, MIT and Apache shipped",
			files: fstest.MapFS{
				"LICENSE-MIT":    mit,
				"LICENSE-APACHE": apache,
				"Cargo.toml":     file("[package]\nname = \"x\"\nlicense = \"MIT\"\n"),
			},
			want: []string{"Cargo.toml:3: Cargo.toml declares licence MIT but the licence files (LICENSE-APACHE, LICENSE-MIT) give Apache-2.0 AND MIT: make the manifest and the licence file agree"},
		},
		{
			name: "dual licence as OR agrees with two files",
			files: fstest.MapFS{
				"LICENSE-MIT":         mit,
				"LICENSE-APACHE":      apache,
				"Cargo.toml":          file("[package]\nname = \"x\"\nlicense = \"Apache-2.0 OR MIT\"\n"),
				"crates/a/Cargo.toml": file("[package]\nname = \"a\"\nlicense.workspace = true\n"),
			},
		},
		{
			name: "invalid SPDX with a suggestion, otherwise agreeing",
			files: fstest.MapFS{
				"LICENSE":       mit,
				"composer.json": file(`{"name": "a/b", "license": "MIT License"}`),
			},
			want: []string{`composer.json:1: composer.json: "MIT License" is not a valid SPDX expression: "License" follows a licence without AND, OR or WITH (write "MIT")`},
		},
		{
			name: "unparseable manifest",
			files: fstest.MapFS{
				"LICENSE":    mit,
				"Cargo.toml": file("[package]\nname = \"x\"\nlicense = MIT\n"),
			},
			want: []string{"Cargo.toml:3: Cargo.toml cannot be parsed, so its licence cannot be read: invalid TOML: expected value but found \"MIT\" instead; fix the file"},
		},
		{
			name: "classifier and pom agree through names",
			files: fstest.MapFS{
				"LICENSE.txt":    apache,
				"pyproject.toml": file("[project]\nname = \"x\"\nclassifiers = [\"License :: OSI Approved :: Apache Software License\"]\n"),
				"pom.xml":        file("<project><licenses><license><name>The Apache Software License, Version 2.0</name></license></licenses></project>"),
				"setup.cfg":      file("[metadata]\nlicense = Custom licence, see LICENSE.txt\n"),
			},
		},
		{
			name: "ambiguous name that does not fit is quoted",
			files: fstest.MapFS{
				"LICENSE":   mit,
				"setup.cfg": file("[metadata]\nname = x\nlicense = BSD License\n"),
			},
			want: []string{`setup.cfg:3: setup.cfg declares licence "BSD License" but LICENSE is MIT: make the manifest and the licence file agree`},
		},
		{
			name: "package with its own licence file is not compared",
			files: fstest.MapFS{
				"LICENSE":                     mit,
				"packages/tool/LICENSE":       apache,
				"packages/tool/package.json":  file(`{"license": "Apache-2.0"}`),
				"packages/lib/package.json":   file(`{"license": "Apache-2.0"}`),
				"node_modules/x/package.json": file(`{"license": "GPL-2.0"}`),
			},
			want: []string{"packages/lib/package.json:1: packages/lib/package.json declares licence Apache-2.0 but LICENSE is MIT: make the manifest and the licence file agree"},
		},
		{
			name: "licence file reference",
			files: fstest.MapFS{
				"LICENSE":        mit,
				"Cargo.toml":     file("[package]\nname = \"x\"\nlicense-file = \"LICENSE.txt\"\n"),
				"package.json":   file(`{"license": "SEE LICENSE IN LICENSE"}`),
				"pyproject.toml": file("[project]\nlicense = {file = \"LICENSE\"}\n"),
			},
			want: []string{"Cargo.toml:3: Cargo.toml (package.license-file) points to the licence file LICENSE.txt, which does not exist; add it or correct the path"},
		},
		{
			name: "UNLICENSED against an open licence",
			files: fstest.MapFS{
				"LICENSE":      mit,
				"package.json": file(`{"license": "UNLICENSED"}`),
			},
			want: []string{"package.json:1: package.json declares licence UNLICENSED (no open source licence) but LICENSE is MIT: make the manifest and the licence file agree"},
		},
		{
			name: "REUSE layout: declared licence among the texts",
			files: fstest.MapFS{
				"LICENSES/MIT.txt":        mit,
				"LICENSES/Apache-2.0.txt": apache,
				"package.json":            file(`{"license": "MIT"}`),
			},
		},
		{
			name: "R and Helm",
			files: fstest.MapFS{
				"LICENSE":                 mit,
				"DESCRIPTION":             file("Package: p\nLicense: GPL (>= 2)\n"),
				"deploy/chart/Chart.yaml": file("apiVersion: v2\nname: c\nannotations:\n  licenses: Apache-2.0\n"),
			},
			want: []string{
				"DESCRIPTION:2: DESCRIPTION declares licence GPL-2.0-or-later but LICENSE is MIT: make the manifest and the licence file agree",
				"deploy/chart/Chart.yaml:4: deploy/chart/Chart.yaml (annotations.licenses) declares licence Apache-2.0 but LICENSE is MIT: make the manifest and the licence file agree",
			},
		},
		{
			name:  "no manifest",
			files: fstest.MapFS{"LICENSE": mit},
			na:    "no package manifest",
		},
		{
			name:  "no licence file",
			files: fstest.MapFS{"package.json": file(`{"license": "MIT"}`)},
			na:    "no identified licence file to compare the manifests with",
		},
		{
			name:  "no licence field",
			files: fstest.MapFS{"LICENSE": mit, "package.json": file(`{"name": "x"}`)},
			na:    "no package manifest declares a licence",
		},
		{
			name:  "invalid SPDX reported without a licence file",
			files: fstest.MapFS{"package.json": file(`{"license": "Apache 2"}`)},
			want:  []string{`package.json:1: package.json: "Apache 2" is not a valid SPDX expression: unknown licence id "Apache" (write "Apache-2.0")`},
		},
		{
			// ripgrep: COPYING says the project is dual-licensed, LICENSE-MIT
			// and UNLICENSE hold the texts.
			name: "statement of a choice beside the texts",
			files: fstest.MapFS{
				"COPYING":     file(corpusText(t, "go-sumtype-COPYING")),
				"LICENSE-MIT": file(corpusText(t, "go-sumtype-LICENSE-MIT")),
				"UNLICENSE":   file(corpusText(t, "go-sumtype-UNLICENSE")),
				"Cargo.toml":  file("[package]\nname = \"x\"\nlicense = \"Unlicense OR MIT\"\n"),
			},
		},
		{
			name: "one licence of a stated choice",
			files: fstest.MapFS{
				"COPYING":     file(corpusText(t, "go-sumtype-COPYING")),
				"LICENSE-MIT": file(corpusText(t, "go-sumtype-LICENSE-MIT")),
				"UNLICENSE":   file(corpusText(t, "go-sumtype-UNLICENSE")),
				"Cargo.toml":  file("[package]\nname = \"x\"\nlicense = \"MIT\"\n"),
			},
			want: []string{"Cargo.toml:3: Cargo.toml declares licence MIT but the licence files (COPYING, LICENSE-MIT, UNLICENSE) give MIT OR Unlicense: make the manifest and the licence file agree"},
		},
		{
			name: "third-party notices are not the project's licence",
			files: fstest.MapFS{
				"LICENSE":             mit,
				"LICENSE-THIRD-PARTY": apache,
				"package.json":        file(`{"license": "MIT"}`),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, p := runCheck(t, licenseConsistent(), tt.files, nil)
			if diff := cmp.Diff(tt.want, brief(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if got := p.NotApplicableReason(); got != tt.na {
				t.Errorf("not applicable = %q, want %q", got, tt.na)
			}
		})
	}
}
