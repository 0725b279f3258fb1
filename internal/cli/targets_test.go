// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"

	"github.com/ospolint/ospolint/internal/cli"
)

// One target's broken .ospolint.yml is that target's error: the others are
// scanned and every report is written, and the run exits 2.
func TestBrokenConfigOfOneTargetScansTheOthers(t *testing.T) {
	good := goodRepo(t, map[string]string{".ospolint.yml": onlyCore})
	broken := goodRepo(t, map[string]string{".ospolint.yml": "extends: []\nchecks:\n  readme: error\n  contributing: sometimes\n"})
	other := writeRepo(t, map[string]string{"main.go": "package main\n", ".ospolint.yml": onlyCore})
	sarif := filepath.Join(t.TempDir(), "out.sarif")

	r := run(t, nil, "scan", "--format", "json", "--format", "sarif="+sarif, good, broken, other)
	r.want(t, cli.ExitUsage)
	rep := parseReport(t, r.stdout)
	if len(rep.Targets) != 3 {
		t.Fatalf("%d targets in the report, want 3", len(rep.Targets))
	}
	ce := rep.Targets[1].ConfigError
	if ce == nil || ce.File != ".ospolint.yml" || ce.Line != 4 || ce.Key != "checks.contributing" || !strings.Contains(ce.Message, `unknown level "sometimes"`) {
		t.Errorf("configError of the broken target = %+v", ce)
	}
	if rep.Targets[0].Error != "" || len(rep.Targets[0].Checks) == 0 {
		t.Errorf("the first target was not scanned: %+v", rep.Targets[0])
	}
	found := false
	for _, f := range rep.Targets[2].Findings {
		found = found || f.Check == "readme"
	}
	if !found {
		t.Errorf("the target after the broken one was not scanned: %+v", rep.Targets[2])
	}
	if n := strings.Count(r.stderr, "checks.contributing"); n != 1 {
		t.Errorf("stderr gives the error %d times, want once:\n%s", n, r.stderr)
	}
	if !strings.Contains(r.stderr, broken) {
		t.Errorf("stderr does not name the target:\n%s", r.stderr)
	}
	if data := readFile(t, sarif); !strings.Contains(data, "its configuration is wrong") {
		t.Errorf("the SARIF report does not carry the configuration error")
	}
}

// An error is printed once, on stderr; the text report on stdout names the
// failed target without repeating why. In a file, the text report keeps it.
func TestErrorsPrintOnce(t *testing.T) {
	good := goodRepo(t, map[string]string{".ospolint.yml": onlyCore})
	missing := filepath.Join(t.TempDir(), "gone")
	r := run(t, nil, "scan", good, missing)
	r.want(t, cli.ExitTarget)
	all := r.stdout + r.stderr
	if n := strings.Count(all, "no such file or directory"); n != 1 {
		t.Errorf("the error shows %d times, want once:\nstdout:\n%s\nstderr:\n%s", n, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "gone: could not be scanned (printed above)") {
		t.Errorf("the text report does not name the failed target:\n%s", r.stdout)
	}

	text := filepath.Join(t.TempDir(), "report.txt")
	run(t, nil, "scan", "--format", "text="+text, missing).want(t, cli.ExitTarget)
	if !strings.Contains(readFile(t, text), "no such file or directory") {
		t.Errorf("the text report in a file lacks the error:\n%s", readFile(t, text))
	}
}

// The quick tour writes report.json and ospolint.sarif into the scanned
// tree; the next scan must not judge them, nor the files a run is writing.
func TestOwnReportsAreNotScanned(t *testing.T) {
	dir := goodRepo(t, map[string]string{"notes.txt": "an unlicensed file\n"})
	in := func(name string) string { return filepath.Join(dir, name) }
	for _, args := range [][]string{
		{"--format", "json", "--output", in("report.json")},
		{"--format", "sarif=" + in("ospolint.sarif")},
		{"--format", "markdown=" + in("summary.md")},
	} {
		r := run(t, nil, append(append([]string{"scan"}, args...), dir)...)
		if r.code != cli.ExitFindings {
			r.want(t, cli.ExitFindings)
		}
	}
	// A text report from an earlier run, written again by this one.
	if err := os.WriteFile(in("report.txt"), []byte("old text report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "scan", "--rules", "reuse", "--format", "json", "--format", "text="+in("report.txt"), "--fail-on", "off", dir)
	r.want(t, cli.ExitOK)
	var paths []string
	for _, f := range parseReport(t, r.stdout).Targets[0].Findings {
		paths = append(paths, f.Path)
	}
	joined := strings.Join(paths, " ")
	if !strings.Contains(joined, "notes.txt") {
		t.Fatalf("the REUSE scan found nothing on notes.txt, so it proves nothing: %q", paths)
	}
	for _, own := range []string{"report.json", "ospolint.sarif", "summary.md", "report.txt"} {
		if strings.Contains(joined, own) {
			t.Errorf("the scan judged ospolint's own output %s: %q", own, paths)
		}
	}
}

// The Action's path input scans a directory below the checkout: SARIF
// locations must name files from the repository root, where code scanning
// resolves them, and fingerprints must not change between runs.
func TestSARIFOfASubdirectoryTarget(t *testing.T) {
	top := goodRepo(t, nil)
	if _, err := git.PlainInit(top, false); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(top, "services", "api")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "main.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(top)
	scanSARIF := func() (uris, fps []string) {
		out := filepath.Join(t.TempDir(), "r.sarif")
		run(t, nil, "scan", "--format", "sarif="+out, "--format", "json", filepath.Join("services", "api")).want(t, cli.ExitFindings)
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI       string `json:"uri"`
								URIBaseID string `json:"uriBaseId"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
					PartialFingerprints map[string]string `json:"partialFingerprints"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(readFile(t, out)), &log); err != nil {
			t.Fatal(err)
		}
		for _, r := range log.Runs[0].Results {
			a := r.Locations[0].PhysicalLocation.ArtifactLocation
			uris = append(uris, a.URIBaseID+"/"+a.URI)
			for _, fp := range r.PartialFingerprints {
				fps = append(fps, fp)
			}
		}
		return uris, fps
	}
	uris, fps := scanSARIF()
	if !slices.Contains(uris, "%SRCROOT%/services/api/README.md") {
		t.Errorf("no README.md finding at services/api/README.md: %q", uris)
	}
	for _, u := range uris {
		if !strings.HasPrefix(u, "%SRCROOT%/services/api/") {
			t.Errorf("location %s is not below the target's directory", u)
		}
	}
	if _, again := scanSARIF(); !slices.Equal(fps, again) {
		t.Errorf("fingerprints changed between runs: %q then %q", fps, again)
	}
}
