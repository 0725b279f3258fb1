// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

const mitText = `MIT License

Copyright (c) 2020 Example

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`

type licRow struct{ Name, License, Source, Path string }

// readLicences reads the lockfiles and compares each dependency's licence,
// where it came from and the file it was read from.
func readLicences(t *testing.T, fsys fstest.MapFS, files []string, opt Options, want []licRow) Inventory {
	t.Helper()
	inv, err := Read(fsys, files, opt)
	if err != nil {
		t.Fatal(err)
	}
	var got []licRow
	for _, d := range inv.Dependencies {
		got = append(got, licRow{d.Name, d.License, d.LicenseSource, d.LicensePath})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("licences (-want +got):\n%s", diff)
	}
	return inv
}

func TestReadLicencesFromDisk(t *testing.T) {
	cache := t.TempDir()
	modDir := filepath.Join(cache, "github.com", "!burnt!sushi", "toml@v1.6.0")
	if err := os.MkdirAll(modDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(modDir, "COPYING"), []byte(mitText), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"go.mod":                              {Data: []byte("module m\nrequire (\n\tgithub.com/BurntSushi/toml v1.6.0\n\texample.com/vendored v1.0.0\n\texample.com/unknown v1.0.0\n)\n")},
		"vendor/example.com/vendored/LICENSE": {Data: []byte(mitText)},
		"web/package-lock.json": {Data: []byte(`{"lockfileVersion": 3, "packages": {"": {"dependencies": {"a": "1", "b": "1"}},
  "node_modules/a": {"version": "1.0.0"},
  "node_modules/b": {"version": "1.0.0"},
  "node_modules/c": {"version": "1.0.0", "license": "ISC"}}}`)},
		"web/node_modules/a/package.json": {Data: []byte(`{"name": "a", "license": "Apache 2.0"}`)},
		"web/node_modules/b/LICENSE.md":   {Data: []byte(mitText)},
		"php/composer.lock":               {Data: []byte(`{"packages": [{"name": "acme/x", "version": "1.0.0"}]}`)},
		"php/vendor/acme/x/composer.json": {Data: []byte(`{"license": "GPL-2.0-or-later"}`)},
		"third_party/zlib/LICENSE":        {Data: []byte(mitText)},
		"Cargo.lock":                      {Data: []byte("[[package]]\nname = \"zlib\"\nversion = \"1.0.0\"\nsource = \"registry+x\"\n")},
	}
	files := []string{"go.mod", "web/package-lock.json", "php/composer.lock", "Cargo.lock", "web/node_modules/a/package.json"}
	check := func(opt Options, want []licRow) {
		t.Helper()
		if inv := readLicences(t, fsys, files, opt, want); len(inv.Lockfiles) != 4 {
			t.Errorf("lockfiles = %+v", inv.Lockfiles)
		}
	}
	check(Options{}, []licRow{
		{"zlib", NoAssertion, "", ""},
		{"acme/x", "GPL-2.0-or-later", SourceManifest, "php/vendor/acme/x/composer.json"},
		{"example.com/unknown", NoAssertion, "", ""},
		{"example.com/vendored", NoAssertion, "", ""},
		{"github.com/BurntSushi/toml", NoAssertion, "", ""},
		{"a", "Apache-2.0", SourceManifest, "web/node_modules/a/package.json"},
		{"b", NoAssertion, "", ""},
		{"c", "ISC", SourceLockfile, ""},
	})
	check(Options{Licenses: true, GoModCache: cache}, []licRow{
		{"zlib", "MIT", SourceVendorTree, "third_party/zlib/LICENSE"},
		{"acme/x", "GPL-2.0-or-later", SourceManifest, "php/vendor/acme/x/composer.json"},
		{"example.com/unknown", NoAssertion, "", ""},
		{"example.com/vendored", "MIT", SourceVendorTree, "vendor/example.com/vendored/LICENSE"},
		{"github.com/BurntSushi/toml", "MIT", SourceModCache, "github.com/!burnt!sushi/toml@v1.6.0/COPYING"},
		{"a", "Apache-2.0", SourceManifest, "web/node_modules/a/package.json"},
		{"b", "MIT", SourceLicense, "web/node_modules/b/LICENSE.md"},
		{"c", "ISC", SourceLockfile, ""},
	})
}

func TestReadSkipsDependencyDirsAndReportsErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"node_modules/x/package-lock.json": {Data: []byte(`{"packages": {"node_modules/y": {"version": "1"}}}`)},
		"testdata/go.mod":                  {Data: []byte("module fixture\nrequire a.example/b v1.0.0\n")},
		"Cargo.lock":                       {Data: []byte("version = 3\nname = = 2\n")},
		"requirements.txt":                 {Data: []byte("flask==3.0.0\n")},
	}
	var files []string
	for p := range fsys {
		files = append(files, p)
	}
	inv, err := Read(fsys, files, Options{})
	if err == nil {
		t.Fatal("broken Cargo.lock: want an error")
	}
	if len(inv.Lockfiles) != 2 || inv.Lockfiles[0].Path != "Cargo.lock" || inv.Lockfiles[0].ErrLine != 2 || inv.Lockfiles[1].Packages != 1 {
		t.Errorf("lockfiles = %+v", inv.Lockfiles)
	}
	if len(inv.Dependencies) != 1 || inv.Dependencies[0].PURL != "pkg:pypi/flask@3.0.0" {
		t.Errorf("dependencies = %+v", inv.Dependencies)
	}
}

func TestModuleDirRefusesEscapes(t *testing.T) {
	for _, bad := range [][2]string{{"../../etc", "v1.0.0"}, {"example.com/x", "../v1"}, {"example.com/x", ""}} {
		if _, err := goModuleDir(bad[0], bad[1]); err == nil {
			t.Errorf("goModuleDir(%q, %q): want an error", bad[0], bad[1])
		}
	}
	if d, err := goModuleDir("github.com/BurntSushi/toml", "v1.6.0"); err != nil || d != "github.com/!burnt!sushi/toml@v1.6.0" {
		t.Errorf("goModuleDir = %q, %v", d, err)
	}
}

// TestReadInstalledVersionMustMatch: yarn and pnpm install one version of a
// package at node_modules/NAME; its licence is not another version's.
func TestReadInstalledVersionMustMatch(t *testing.T) {
	fsys := fstest.MapFS{
		"yarn.lock":                   {Data: []byte("a@^1:\n  version \"1.0.0\"\n\na@^2:\n  version \"2.0.0\"\n")},
		"node_modules/a/package.json": {Data: []byte(`{"name": "a", "version": "2.0.0", "license": "MIT"}`)},
	}
	inv, err := Read(fsys, []string{"yarn.lock"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range inv.Dependencies {
		got = append(got, d.Version+" "+d.License)
	}
	if d := cmp.Diff([]string{"1.0.0 NOASSERTION", "2.0.0 MIT"}, got); d != "" {
		t.Errorf("licences (-want +got):\n%s", d)
	}
}

// TestReadWorkspaceInstallLicence: npm installs a workspace's own version
// of a package in the workspace's node_modules; its licence is read there,
// not from the root's copy of another version.
func TestReadWorkspaceInstallLicence(t *testing.T) {
	fsys := fstest.MapFS{
		"package-lock.json": {Data: []byte(`{"lockfileVersion": 3, "packages": {"": {"dependencies": {"a": "1"}},
  "packages/app": {"dependencies": {"a": "2"}},
  "packages/app/node_modules/a": {"version": "2.0.0"},
  "node_modules/a": {"version": "1.0.0"}}}`)},
		"node_modules/a/package.json":              {Data: []byte(`{"name": "a", "version": "1.0.0", "license": "MIT"}`)},
		"packages/app/node_modules/a/package.json": {Data: []byte(`{"name": "a", "version": "2.0.0", "license": "ISC"}`)},
	}
	readLicences(t, fsys, []string{"package-lock.json"}, Options{}, []licRow{
		{"a", "MIT", SourceManifest, "node_modules/a/package.json"},              // 1.0.0
		{"a", "ISC", SourceManifest, "packages/app/node_modules/a/package.json"}, // 2.0.0
	})
}

// TestReadCargoRegistryCache: a crate's licence comes from the Cargo.toml
// Cargo unpacked in its registry cache, else from the crate's licence
// files there; a lockfile naming a path cannot lead out of the cache.
func TestReadCargoRegistryCache(t *testing.T) {
	home := t.TempDir()
	reg := filepath.Join(home, "registry", "src")
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(reg, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.crates.io-1949cf8c6b5b557f/serde-1.0.197/Cargo.toml", "[package]\nname = \"serde\"\nversion = \"1.0.197\"\nlicense = \"MIT/Apache-2.0\"\n")
	write("index.crates.io-1949cf8c6b5b557f/serde-1.0.196/Cargo.toml", "[package]\nlicense = \"GPL-3.0-only\"\n")
	write("other-registry-0123/zlib-1.0.0/Cargo.toml", "[package]\nname = \"zlib\"\nlicense-file = \"LICENSE\"\n")
	write("other-registry-0123/zlib-1.0.0/LICENSE", mitText)
	write("secret-1.0.0/Cargo.toml", "[package]\nlicense = \"LicenseRef-Secret\"\n")
	lock := "[[package]]\nname = \"serde\"\nversion = \"1.0.197\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n" +
		"[[package]]\nname = \"zlib\"\nversion = \"1.0.0\"\nsource = \"sparse+https://other.example/\"\n\n" +
		"[[package]]\nname = \"../secret\"\nversion = \"1.0.0\"\nsource = \"registry+x\"\n"
	fsys := fstest.MapFS{"Cargo.lock": {Data: []byte(lock)}}
	check := func(opt Options, want []licRow) {
		t.Helper()
		readLicences(t, fsys, []string{"Cargo.lock"}, opt, want)
	}
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	if got := CargoRegistry(env(map[string]string{"CARGO_HOME": home})); got != reg {
		t.Errorf("CargoRegistry(CARGO_HOME) = %q, want %q", got, reg)
	}
	if got := CargoRegistry(env(map[string]string{"HOME": filepath.Dir(home)})); got != "" {
		t.Errorf("CargoRegistry(HOME without .cargo) = %q, want none", got)
	}
	check(Options{}, []licRow{{"../secret", NoAssertion, "", ""}, {"serde", NoAssertion, "", ""}, {"zlib", NoAssertion, "", ""}})
	check(Options{CargoRegistry: reg}, []licRow{
		{"../secret", NoAssertion, "", ""},
		{"serde", "MIT OR Apache-2.0", SourceRegistryCache, "index.crates.io-1949cf8c6b5b557f/serde-1.0.197/Cargo.toml"},
		{"zlib", NoAssertion, "", ""},
	})
	check(Options{CargoRegistry: reg, Licenses: true}, []licRow{
		{"../secret", NoAssertion, "", ""},
		{"serde", "MIT OR Apache-2.0", SourceRegistryCache, "index.crates.io-1949cf8c6b5b557f/serde-1.0.197/Cargo.toml"},
		{"zlib", "MIT", SourceRegistryCache, "other-registry-0123/zlib-1.0.0/LICENSE"},
	})
}

// TestFormatOfOtherFilesAllocatesNothing: Format runs on every file of a
// scanned tree; a text file that is no requirements file built the whole
// format table each time.
func TestFormatOfOtherFilesAllocatesNothing(t *testing.T) {
	for _, p := range []string{"docs/notes.txt", "main.go", "LICENSE"} {
		if n := testing.AllocsPerRun(100, func() { _ = Format(p) }); n != 0 {
			t.Errorf("Format(%q): %v allocations", p, n)
		}
	}
	for p, want := range map[string]string{"requirements-dev.txt": "requirements.txt", "requirements/base.txt": "requirements.txt", "web/yarn.lock": "yarn.lock"} {
		if got := Format(p); got != want {
			t.Errorf("Format(%q) = %q, want %q", p, got, want)
		}
	}
}
