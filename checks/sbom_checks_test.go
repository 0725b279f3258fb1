// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ospolint/ospolint/internal/deps"
)

const testSPDX = `{
  "spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT", "name": "app",
  "documentNamespace": "https://example.com/app-1",
  "creationInfo": {"creators": ["Tool: t"], "created": "2026-01-02T03:04:05Z"},
  "packages": [
    {"name": "app", "SPDXID": "SPDXRef-app", "versionInfo": "1", "supplier": "NOASSERTION", "downloadLocation": "NOASSERTION"},
    {"name": "left-pad", "SPDXID": "SPDXRef-lp", "versionInfo": "1.3.0", "supplier": "NOASSERTION", "downloadLocation": "NOASSERTION",
     "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/left-pad@1.3.0"}]}
  ],
  "relationships": [
    {"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": "SPDXRef-app"},
    {"spdxElementId": "SPDXRef-app", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-lp"}
  ]
}`

const testLock = `{"lockfileVersion": 3, "packages": {"": {"dependencies": {"left-pad": "^1.3.0", "chalk": "^5"}},
  "node_modules/left-pad": {"version": "1.3.0", "license": "WTFPL"},
  "node_modules/chalk": {"version": "5.3.0", "license": "MIT"}}}`

func messages(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path+": "+f.Message)
	}
	return strings.Join(out, "\n")
}

// checkCase is one repository a check is run on, and what it should say.
type checkCase struct {
	name  string
	files fstest.MapFS
	want  string // substring of the findings, "" for none
	na    bool
	note  string // what a pass says it found
}

// runCheckCases runs the check on each case's files.
func runCheckCases(t *testing.T, c func() *Check, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs, p := runCheck(t, c(), tc.files, nil)
			got := messages(fs)
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("findings %q, want %q", got, tc.want)
			}
			if (p.NotApplicableReason() != "") != tc.na {
				t.Errorf("not applicable: %q", p.NotApplicableReason())
			}
			if tc.want == "" && !tc.na && p.NoteText() != tc.note {
				t.Errorf("note %q, want %q", p.NoteText(), tc.note)
			}
		})
	}
}

func TestSBOMPresent(t *testing.T) {
	runCheckCases(t, sbomPresent, []checkCase{
		{"committed", fstest.MapFS{"sbom.spdx.json": file(testSPDX), "package-lock.json": file(testLock),
			"examples/bom.json": file("{}")}, "", false, "committed: sbom.spdx.json (SPDX-2.3 json document)"},
		{"generated in CI", fstest.MapFS{"package-lock.json": file(testLock),
			".github/workflows/sbom.yml": file("on: push\njobs:\n  s:\n    steps:\n      - uses: anchore/sbom-action@v0\n")}, "", false,
			"generated in CI: syft in .github/workflows/sbom.yml"},
		{"BuildKit attestation from the build-push action", fstest.MapFS{"package-lock.json": file(testLock),
			".github/workflows/image.yml": file("on: push\njobs:\n  i:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          sbom: true\n")}, "", false,
			"generated in CI: docker buildx (SBOM attestation) in .github/workflows/image.yml"},
		{"BuildKit attestation on the command line", fstest.MapFS{"package-lock.json": file(testLock),
			".github/workflows/image.yml": file("on: push\njobs:\n  i:\n    steps:\n      - run: docker buildx build --attest type=sbom --push -t x .\n")}, "", false,
			"generated in CI: docker buildx (SBOM attestation) in .github/workflows/image.yml"},
		// moby: Docker's github-builder signs provenance but adds an SBOM
		// only when asked.
		{"github-builder without sbom", fstest.MapFS{"package-lock.json": file(testLock),
			".github/workflows/image.yml": file("on: push\njobs:\n  build:\n    uses: docker/github-builder/.github/workflows/bake.yml@v1\n    with:\n      output: image\n")}, "no SBOM", false, ""},
		{"missing", fstest.MapFS{"package-lock.json": file(testLock)}, "no SBOM", false, ""},
		{"nothing to describe", fstest.MapFS{"README.md": file("x")}, "", true, ""},
	})
}

func TestSBOMValid(t *testing.T) {
	fs, _ := runCheck(t, sbomValid(), fstest.MapFS{
		"ok.spdx.json":        file(testSPDX),
		"broken.spdx.json":    file(testSPDX[:200]),
		"dangling.spdx.json":  file(strings.Replace(testSPDX, `"relatedSpdxElement": "SPDXRef-lp"`, `"relatedSpdxElement": "SPDXRef-gone"`, 1)),
		"nocreator.spdx.json": file(strings.Replace(testSPDX, `"creators": ["Tool: t"], `, "", 1)),
	}, nil)
	got := messages(fs)
	for _, want := range []string{
		"broken.spdx.json: SPDX json document: invalid JSON: unexpected end of file",
		"dangling.spdx.json: SPDX-2.3 json document: relationship SPDXRef-app DEPENDS_ON SPDXRef-gone names SPDXRef-gone",
		"nocreator.spdx.json: SPDX-2.3 json document lacks NTIA minimum elements (author)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings:\n%s\nwant one containing %q", got, want)
		}
	}
	if len(fs) != 3 {
		t.Errorf("%d findings, want 3:\n%s", len(fs), got)
	}
	if fs[0].Path != "broken.spdx.json" || fs[0].Line != 4 {
		t.Errorf("broken document at %s:%d, want line 4", fs[0].Path, fs[0].Line)
	}
	_, p := runCheck(t, sbomValid(), fstest.MapFS{"README.md": file("x")}, nil)
	if p.NotApplicableReason() == "" {
		t.Error("no SBOM: want not applicable")
	}
}

func TestSBOMFresh(t *testing.T) {
	fs, _ := runCheck(t, sbomFresh(), fstest.MapFS{"sbom.spdx.json": file(testSPDX), "package-lock.json": file(testLock)}, nil)
	if got := messages(fs); len(fs) != 1 || !strings.Contains(got, "1 locked dependency is missing: chalk@5.3.0") {
		t.Errorf("findings %q", got)
	}
	stale := strings.Replace(testLock, `"version": "1.3.0"`, `"version": "1.3.1"`, 1)
	fs, _ = runCheck(t, sbomFresh(), fstest.MapFS{"sbom.spdx.json": file(testSPDX), "package-lock.json": file(stale)}, nil)
	if got := messages(fs); !strings.Contains(got, "1 listed at another version: left-pad@1.3.1 (SBOM: 1.3.0)") {
		t.Errorf("findings %q", got)
	}
	fresh := `{"lockfileVersion": 3, "packages": {"node_modules/left-pad": {"version": "1.3.0"}}}`
	fs, _ = runCheck(t, sbomFresh(), fstest.MapFS{"sbom.spdx.json": file(testSPDX), "package-lock.json": file(fresh)}, nil)
	if len(fs) != 0 {
		t.Errorf("fresh SBOM: %s", messages(fs))
	}
}

func TestLockfile(t *testing.T) {
	fs, p := runCheck(t, lockfile(), fstest.MapFS{
		"package.json":                file(`{"dependencies": {"a": "1"}}`),
		"tools/package.json":          file(`{"name": "no-deps"}`),
		"web/package.json":            file(`{"devDependencies": {"b": "1"}}`),
		"web/yarn.lock":               file("b@1:\n  version \"1.0.0\"\n"),
		"crates/x/Cargo.toml":         file("[package]\nname = \"x\"\n"),
		"Cargo.lock":                  file("not toml = = \n"),
		"py/pyproject.toml":           file("[project]\nname = \"p\"\ndependencies = [\"requests\"]\n"),
		"node_modules/q/package.json": file(`{"dependencies": {"z": "1"}}`),
		"Gemfile":                     file("source 'https://rubygems.org'\n"),
		"Gemfile.lock":                file("GEM\n  specs:\n    rake (13.0.0)\n"),
	}, nil)
	got := messages(fs)
	for _, want := range []string{
		"Cargo.lock: lockfile cannot be read: invalid TOML", // the path and line once, in the finding's place
		"package.json: package.json declares dependencies but no lockfile pins them",
		"py/pyproject.toml: py/pyproject.toml declares dependencies",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings:\n%s\nwant one containing %q", got, want)
		}
	}
	if len(fs) != 3 || p.NotApplicableReason() != "" {
		t.Errorf("%d findings:\n%s", len(fs), got)
	}
}

// A pyproject.toml is locked by poetry.lock and its kind, or by a
// requirements file that pins (the help says "a pinned requirements*.txt"):
// requirements-dev.txt and requirements/base.txt count, a requirements.txt
// of ranges does not.
func TestLockfilePinnedRequirements(t *testing.T) {
	pp := file("[project]\nname = \"p\"\ndependencies = [\"requests\"]\n")
	fs, _ := runCheck(t, lockfile(), fstest.MapFS{
		"a/pyproject.toml":        pp,
		"a/requirements-dev.txt":  file("requests==2.31.0\n"),
		"b/pyproject.toml":        pp,
		"b/requirements/base.txt": file("requests==2.31.0 \\\n    --hash=sha256:58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f\n"),
		"c/tool/pyproject.toml":   pp,
		"c/requirements.txt":      file("requests==2.31.0\n"),
		"d/pyproject.toml":        pp,
		"d/requirements.txt":      file("requests>=2\n"),
		"e/pyproject.toml":        pp,
		"e/docs/requirements.txt": file("sphinx==7.2.6\n"),
	}, nil)
	got := messages(fs)
	if len(fs) != 2 || !strings.Contains(got, "d/pyproject.toml declares dependencies") || !strings.Contains(got, "e/pyproject.toml declares dependencies") {
		t.Errorf("findings:\n%s\nwant d/ (ranges only) and e/ (pins only below it)", got)
	}
	if !strings.Contains(got, "a pinned requirements*.txt") {
		t.Errorf("findings:\n%s\nwant the lockfiles named as the help names them", got)
	}
}

func TestLicensePolicyDependencies(t *testing.T) {
	fs, _ := runCheck(t, licensePolicy(), fstest.MapFS{
		"package-lock.json": file(`{"lockfileVersion": 3, "packages": {
  "node_modules/gpl-lib": {"version": "1.0.0", "license": "GPL-3.0-only"},
  "node_modules/mit-lib": {"version": "2.0.0", "license": "MIT"},
  "node_modules/dual": {"version": "3.0.0", "license": "(MIT OR AGPL-3.0-only)"}}}`),
	}, map[string]any{"deny": []string{"strong-copyleft", "network-copyleft"}})
	got := messages(fs)
	if len(fs) != 1 || !strings.Contains(got, "package-lock.json: dependency gpl-lib 1.0.0 is licensed GPL-3.0-only (from lockfile), which the licence policy refuses") {
		t.Errorf("findings:\n%s", got)
	}
	if len(fs) == 1 && fs[0].Line != 2 {
		t.Errorf("line %d, want 2", fs[0].Line)
	}
}

// TestSBOMExamplesAreNotTheProjects: SPDX examples kept in a library's
// examples/ directory are checked for errors but are not its SBOM.
func TestSBOMExamplesAreNotTheProjects(t *testing.T) {
	noVersion := strings.Replace(testSPDX, `"versionInfo": "1.3.0", `, "", 1)
	files := fstest.MapFS{
		"examples/sample-docs/ex.spdx.json":  file(noVersion),
		"examples/sample-docs/bad.spdx.json": file(testSPDX[:100]),
		"package-lock.json":                  file(testLock),
	}
	fs, _ := runCheck(t, sbomPresent(), files, nil)
	if len(fs) != 1 {
		t.Errorf("sbom-present: %s", messages(fs))
	}
	fs, _ = runCheck(t, sbomValid(), files, nil)
	if got := messages(fs); len(fs) != 1 || !strings.Contains(got, "bad.spdx.json: SPDX json document: invalid JSON") {
		t.Errorf("sbom-valid:\n%s", got)
	}
	_, p := runCheck(t, sbomFresh(), files, nil)
	if p.NotApplicableReason() == "" {
		t.Error("sbom-fresh compared an example with the lockfiles")
	}
}

// TestDependencyLicenceFromSBOM: a dependency nothing else on disk
// licenses takes the licence the project's SBOM declares for its purl; an
// example document under examples/ is no source.
func TestDependencyLicenceFromSBOM(t *testing.T) {
	withLicence := strings.Replace(testSPDX, `"versionInfo": "1.3.0",`, `"versionInfo": "1.3.0", "licenseDeclared": "MIT",`, 1)
	lock := `{"lockfileVersion": 3, "packages": {"": {"dependencies": {"left-pad": "^1.3.0"}}, "node_modules/left-pad": {"version": "1.3.0"}}}`
	for _, tc := range []struct {
		sbomPath, want, source string
	}{
		{"sbom.spdx.json", "MIT", deps.SourceSBOM},
		{"examples/sbom.spdx.json", deps.NoAssertion, ""},
	} {
		tg, err := NewTargetFS(context.Background(), fstest.MapFS{"package-lock.json": file(lock), tc.sbomPath: file(withLicence)})
		if err != nil {
			t.Fatal(err)
		}
		ds := tg.Dependencies().Dependencies
		if len(ds) != 1 || ds[0].License != tc.want || ds[0].LicenseSource != tc.source {
			t.Errorf("SBOM at %s: dependencies %+v, want left-pad %s from %q", tc.sbomPath, ds, tc.want, tc.source)
		}
	}
}
