// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"testing"
	"testing/fstest"
)

// fuzzFormat feeds arbitrary bytes to one lockfile reader, alone and with a
// manifest beside it: it must never panic (parseFormat has no recover), and
// what it returns must be well formed.
func fuzzFormat(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	form, ok := lookupFormat(name)
	if !ok {
		f.Fatalf("no format for %s", name)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := &readContext{fsys: fstest.MapFS{
			"package.json": {Data: data}, "composer.json": {Data: data}, "pyproject.toml": {Data: data},
			"Pipfile": {Data: data}, "go.sum": {Data: data},
		}}
		for _, c := range []*readContext{nil, ctx} {
			ds, err := parseFormat(form, name, data, c)
			if err != nil {
				if ds != nil {
					t.Fatalf("error %v with dependencies", err)
				}
				continue
			}
			for _, d := range ds {
				if d.Name == "" {
					t.Fatalf("dependency without a name: %+v", d)
				}
				if d.License == "" || d.Path != name {
					t.Fatalf("dependency not completed: %+v", d)
				}
			}
		}
	})
}

func FuzzGoMod(f *testing.F) { fuzzFormat(f, "go.mod", goMod, "module m\nreplace a => ../b\n") }
func FuzzPackageLock(f *testing.F) {
	fuzzFormat(f, "package-lock.json", packageLockV3, packageLockV1)
}

func FuzzYarnLock(f *testing.F) {
	fuzzFormat(f, "yarn.lock", "a@^1:\n  version \"1.0.0\"\n", "\"@s/a@npm:^1\":\n  version: 1.0.0\n  resolution: \"@s/a@npm:1.0.0\"\n")
}

func FuzzPnpmLock(f *testing.F) {
	fuzzFormat(f, "pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n", "lockfileVersion: 5.4\npackages:\n  /a/1.0.0_b@2:\n    dev: true\n")
}

func FuzzCargoLock(f *testing.F) {
	fuzzFormat(f, "Cargo.lock", "[[package]]\nname = \"a\"\nversion = \"1\"\nsource = \"registry+x\"\nchecksum = \"00\"\n")
}

func FuzzPoetryLock(f *testing.F) {
	fuzzFormat(f, "poetry.lock", "[[package]]\nname = \"a\"\nversion = \"1\"\ngroups = [\"main\"]\n")
}

func FuzzUVLock(f *testing.F) {
	fuzzFormat(f, "uv.lock", "[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { editable = \".\" }\ndependencies = [{ name = \"b\" }]\n")
}

func FuzzPipfileLock(f *testing.F) {
	fuzzFormat(f, "Pipfile.lock", `{"default": {"a": {"version": "==1"}}, "develop": {}}`)
}

func FuzzRequirements(f *testing.F) {
	fuzzFormat(f, "requirements.txt", "a==1 \\\n  --hash=sha256:00\n    # via b\n-e git+https://x#egg=c\n")
}

func FuzzGemfileLock(f *testing.F) {
	fuzzFormat(f, "Gemfile.lock", "GEM\n  remote: x\n  specs:\n    a (1.0)\n\nDEPENDENCIES\n  a\n\nCHECKSUMS\n  a (1.0) sha256=00\n")
}

func FuzzComposerLock(f *testing.F) {
	fuzzFormat(f, "composer.lock", `{"packages": [{"name": "a/b", "version": "1", "license": ["MIT", "x"]}]}`)
}

func FuzzPOM(f *testing.F) {
	fuzzFormat(f, "pom.xml", "<project><properties><v>1</v></properties><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version></dependency></dependencies></project>")
}
