// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/cli"
	"github.com/ospolint/ospolint/internal/sbom"
)

var updateSBOM = flag.Bool("update-sbom", false, "rewrite internal/cli/testdata/sbom/*.golden")

// ecosystemFixtures are small projects of each ecosystem, written by the
// test: a manifest, its lockfile and, where the ecosystem installs them on
// disk, the packages' own manifests or licence files.
func ecosystemFixtures() map[string]map[string]string {
	mit := "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n"
	return map[string]map[string]string{
		"go": {
			"go.mod":                         "module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/lib v1.2.0\n\texample.com/tool v0.3.0 // indirect\n)\n",
			"go.sum":                         "example.com/lib v1.2.0 h1:AAAA=\nexample.com/lib v1.2.0/go.mod h1:BBBB=\nexample.com/tool v0.3.0 h1:CCCC=\nexample.com/tool v0.3.0/go.mod h1:DDDD=\n",
			"vendor/example.com/lib/LICENSE": mit,
		},
		"npm": {
			"package.json":                  `{"name": "app", "license": "MIT", "dependencies": {"left-pad": "^1.3.0"}, "devDependencies": {"tap": "^16"}}`,
			"package-lock.json":             `{"name": "app", "lockfileVersion": 3, "packages": {"": {"dependencies": {"left-pad": "^1.3.0"}, "devDependencies": {"tap": "^16"}}, "node_modules/left-pad": {"version": "1.3.0", "integrity": "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEoJNF7OZGWcfF8t2L+DoVk7k+8FH73cAeu7/UaqNdhlK8A==", "license": "WTFPL"}, "node_modules/tap": {"version": "16.3.0", "dev": true}}}`,
			"node_modules/tap/package.json": `{"name": "tap", "license": "ISC"}`,
			"LICENSE":                       mit,
		},
		"yarn": {
			"package.json":                     `{"dependencies": {"lodash": "^4.17.21"}}`,
			"yarn.lock":                        "# yarn lockfile v1\n\nlodash@^4.17.21:\n  version \"4.17.21\"\n  integrity sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==\n",
			"node_modules/lodash/package.json": `{"license": "MIT"}`,
		},
		"pnpm": {
			"pnpm-lock.yaml": "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      react:\n        specifier: ^18\n        version: 18.2.0\npackages:\n  react@18.2.0:\n    resolution: {integrity: sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==}\n",
		},
		"cargo": {
			"Cargo.toml": "[package]\nname = \"app\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n",
			"Cargo.lock": "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"serde\"]\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.197\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"3fb1c873e1b9b056a4dc4c0c198b24c3ffa059243875552b2bd0933b1aee4ce2\"\n",
		},
		"poetry": {
			"pyproject.toml": "[tool.poetry.dependencies]\npython = \"^3.11\"\nrequests = \"^2.31\"\n",
			"poetry.lock":    "[[package]]\nname = \"requests\"\nversion = \"2.31.0\"\ngroups = [\"main\"]\n\n[[package]]\nname = \"certifi\"\nversion = \"2024.2.2\"\ngroups = [\"main\"]\n",
		},
		"uv": {
			"uv.lock": "version = 1\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\nsource = { editable = \".\" }\ndependencies = [{ name = \"flask\" }]\n\n[[package]]\nname = \"flask\"\nversion = \"3.0.2\"\nsource = { registry = \"https://pypi.org/simple\" }\nsdist = { url = \"https://x/flask-3.0.2.tar.gz\", hash = \"sha256:822c03f4b799204250a7ee84b1eddc40665395333973dfb9deebfe425fefcb7d\", size = 1 }\n",
		},
		"pipenv": {
			"Pipfile":      "[packages]\nrequests = \"*\"\n",
			"Pipfile.lock": `{"_meta": {}, "default": {"requests": {"version": "==2.31.0"}, "idna": {"version": "==3.6"}}, "develop": {}}`,
		},
		"requirements": {
			"requirements.txt": "flask==3.0.2\nwerkzeug==3.0.1\n    # via flask\n",
		},
		"bundler": {
			"Gemfile":      "source 'https://rubygems.org'\ngem 'rake'\n",
			"Gemfile.lock": "GEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.1.0)\n\nDEPENDENCIES\n  rake\n\nCHECKSUMS\n  rake (13.1.0) sha256=1b82d5c1c2f2d4c32ee3ac4ff1e1b4e5fb6a8e3e2dd6c1f17e5d1c7a2a4bcbf7\n",
		},
		"composer": {
			"composer.json": `{"require": {"monolog/monolog": "^3"}}`,
			"composer.lock": `{"packages": [{"name": "monolog/monolog", "version": "3.5.0", "license": ["MIT"], "dist": {"shasum": "c915e2634718dbc8a4a15c61b0e62e7a44e14448"}}]}`,
		},
		"maven": {
			"pom.xml": "<project><groupId>org.example</groupId><artifactId>app</artifactId><version>1.0.0</version><dependencies><dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.0.0-jre</version></dependency></dependencies></project>\n",
		},
	}
}

// TestSBOMEcosystems: each fixture gives exactly its locked packages, with
// their licences where the fixture puts them on disk; the documents read
// back with their libraries and pass sbom-valid's checks, with no NTIA gap
// but the supplier (which no lockfile states).
func TestSBOMEcosystems(t *testing.T) {
	env := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1767225600" // 2026-01-01
		}
		return ""
	}
	for name, files := range ecosystemFixtures() {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), name)
			for p, s := range files {
				full := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			for _, format := range []string{"spdx", "spdx-tv", "cyclonedx"} {
				res := run(t, env, "sbom", "--format", format, dir)
				res.want(t, cli.ExitOK)
				path := map[string]string{"spdx": "x.spdx.json", "spdx-tv": "x.spdx", "cyclonedx": "x.cdx.json"}[format]
				doc := sbom.Read(path, []byte(res.stdout))
				if !doc.Parsed {
					t.Fatalf("%s: %+v", format, doc.Problems)
				}
				for _, p := range doc.Problems {
					if p.Kind != sbom.ProblemNTIA || !strings.Contains(p.Message, "supplier") || format != "cyclonedx" {
						t.Errorf("%s: %s problem: %s", format, p.Kind, p.Message)
					}
				}
				var comps []string
				for _, c := range doc.Components {
					comps = append(comps, c.Name+"@"+c.Version+" "+c.PURL+" "+c.License)
				}
				sort.Strings(comps)
				if format == "spdx" {
					got = comps
					var raw struct {
						CreationInfo struct{ Created string } `json:"creationInfo"`
					}
					if err := json.Unmarshal([]byte(res.stdout), &raw); err != nil || raw.CreationInfo.Created != "2026-01-01T00:00:00Z" {
						t.Errorf("created %q, want SOURCE_DATE_EPOCH's 2026-01-01T00:00:00Z", raw.CreationInfo.Created)
					}
				} else if d := cmp.Diff(len(got), len(comps)+map[bool]int{true: 1, false: 0}[format == "cyclonedx"]); d != "" {
					t.Errorf("%s lists %d packages, SPDX %d", format, len(comps), len(got))
				}
			}
			golden := filepath.Join("testdata", "sbom", name+".golden")
			text := strings.Join(got, "\n") + "\n"
			if *updateSBOM {
				if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-sbom)", err)
			}
			if d := cmp.Diff(string(want), text); d != "" {
				t.Errorf("packages (-want +got):\n%s", d)
			}
		})
	}
}

func TestSBOMNoLockfile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, nil, "sbom", dir)
	res.want(t, cli.ExitTarget)
	if !strings.Contains(res.stderr, "no supported lockfile") {
		t.Errorf("stderr: %s", res.stderr)
	}
	run(t, nil, "sbom", "--format", "xml", dir).want(t, cli.ExitUsage)
	bad := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "yesterday"
		}
		return ""
	}
	run(t, bad, "sbom", dir).want(t, cli.ExitUsage)
}

// TestSBOMCargoRegistry: ospolint sbom reads a crate's licence from the
// Cargo.toml Cargo unpacked under the command's CARGO_HOME.
func TestSBOMCargoRegistry(t *testing.T) {
	dir, home := t.TempDir(), t.TempDir()
	files := map[string]string{
		filepath.Join(dir, "Cargo.lock"): ecosystemFixtures()["cargo"]["Cargo.lock"],
		filepath.Join(home, "registry", "src", "index.crates.io-1949cf8c6b5b557f", "serde-1.0.197", "Cargo.toml"): "[package]\nname = \"serde\"\nlicense = \"MIT OR Apache-2.0\"\n",
	}
	for p, s := range files {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := func(k string) string {
		return map[string]string{"CARGO_HOME": home, "SOURCE_DATE_EPOCH": "1767225600"}[k]
	}
	res := run(t, env, "sbom", dir)
	res.want(t, cli.ExitOK)
	doc := sbom.Read("x.spdx.json", []byte(res.stdout))
	var got []string
	for _, c := range doc.Components[1:] { // after the root
		got = append(got, c.Name+" "+c.License)
	}
	if d := cmp.Diff([]string{"serde MIT OR Apache-2.0"}, got); d != "" {
		t.Errorf("packages (-want +got):\n%s", d)
	}
}
