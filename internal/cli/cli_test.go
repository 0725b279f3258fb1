// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/cli"
)

// These tests run the command line as a user does, on repositories written
// to t.TempDir(). They rely only on the checks license-file, readme,
// contributing, waiver-expired and waiver-unmatched, and turn the rest off
// with `extends: []` where an exact outcome matters: the default set grows.

const readmeText = `# Widget

Widget turns spreadsheets into dashboards for small teams. Install it with go install, point it at a
CSV file and open the printed address in a browser. Questions go to the issue tracker; the licence is in LICENSE.
`

const contributingText = `# Contributing

Fork the repository, create a branch, run go test ./... and open a pull request. A maintainer reviews every
change within a week; sign off your commits (DCO) to certify you may contribute them.
`

// onlyCore is a configuration that runs exactly the checks these tests rely
// on, whatever the default set holds.
const onlyCore = `extends: []
checks:
  license-file: error
  readme: error
  contributing: error
  waiver-expired: warning
  waiver-unmatched: warning
`

// writeRepo writes files (slash paths) into a new directory.
func writeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// goodRepo has a licence file, a README and a contributing guide.
func goodRepo(t *testing.T, extra map[string]string) string {
	t.Helper()
	files := map[string]string{
		"LICENSE":         "Copyright 2026 The Widget Authors. All rights reserved.\n",
		"README.md":       readmeText,
		"CONTRIBUTING.md": contributingText,
		"main.go":         "package main\n\nfunc main() {}\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	return writeRepo(t, files)
}

func noEnv(string) string { return "" }

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, getenv cli.Env, args ...string) result {
	t.Helper()
	if getenv == nil {
		getenv = noEnv
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := cli.Run(ctx, args, &stdout, &stderr, getenv)
	return result{code, stdout.String(), stderr.String()}
}

func (r result) want(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

// report is the part of the JSON report these tests read.
type report struct {
	Targets []struct {
		Target      string `json:"target"`
		Error       string `json:"error"`
		Subdir      string `json:"subdir"`
		ConfigError *struct {
			File    string `json:"file"`
			Line    int    `json:"line"`
			Key     string `json:"key"`
			Message string `json:"message"`
		} `json:"configError"`
		Findings []struct {
			Check  string `json:"check"`
			Level  string `json:"level"`
			Path   string `json:"path"`
			Line   int    `json:"line"`
			Waived *struct {
				Reason string `json:"reason"`
				Until  string `json:"until"`
				File   string `json:"file"`
				Line   int    `json:"line"`
			} `json:"waived"`
		} `json:"findings"`
		Checks []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"checks"`
	} `json:"targets"`
}

func parseReport(t *testing.T, data string) report {
	t.Helper()
	var r report
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, data)
	}
	if len(r.Targets) == 0 {
		t.Fatalf("report has no targets:\n%s", data)
	}
	return r
}

// checkIDs lists the checks that ran on the first target.
func (r report) checkIDs() []string {
	var ids []string
	for _, c := range r.Targets[0].Checks {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	return ids
}

// findings lists "check path" of the unwaived findings of the first target.
func (r report) findings() []string {
	var out []string
	for _, f := range r.Targets[0].Findings {
		if f.Waived == nil {
			out = append(out, f.Check+" "+f.Path)
		}
	}
	slices.Sort(out)
	return out
}

func TestExitCodes(t *testing.T) {
	empty := writeRepo(t, map[string]string{"main.go": "package main\n"})
	relaxed := writeRepo(t, map[string]string{
		"main.go":       "package main\n",
		".ospolint.yml": "extends: []\nchecks:\n  readme: note\n",
	})
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a part of stderr
	}{
		{"default error findings", []string{"scan", empty}, cli.ExitFindings, ""},
		{"fail-on off", []string{"scan", "--fail-on", "off", empty}, cli.ExitOK, ""},
		{"a note under the default threshold", []string{"scan", relaxed}, cli.ExitOK, ""},
		{"a note under fail-on warning", []string{"scan", "--fail-on", "warning", relaxed}, cli.ExitOK, ""},
		{"a note at fail-on note", []string{"scan", "--fail-on", "note", relaxed}, cli.ExitFindings, ""},
		{"clean repository", []string{"scan", "--fail-on", "note", goodRepo(t, map[string]string{".ospolint.yml": onlyCore})}, cli.ExitOK, ""},
		{"nonexistent target", []string{"scan", filepath.Join(empty, "no-such-dir")}, cli.ExitTarget, "no-such-dir"},
		{"target is a file", []string{"scan", filepath.Join(empty, "main.go")}, cli.ExitTarget, "main.go"},
		{"unknown format", []string{"scan", "--format", "yaml", empty}, cli.ExitUsage, `unknown format "yaml"`},
		{"unknown format after a good one", []string{"scan", "--format", "json,xml", empty}, cli.ExitUsage, `"xml"`},
		{"unknown fail-on", []string{"scan", "--fail-on", "fatal", empty}, cli.ExitUsage, "--fail-on"},
		{"unknown check in --checks", []string{"scan", "--checks", "readme,read-me", empty}, cli.ExitUsage, `"read-me"`},
		{"unknown check dropped in --checks", []string{"scan", "--checks", "all,-nope", empty}, cli.ExitUsage, `"nope"`},
		{"unknown rule set", []string{"scan", "--rules", "strict", empty}, cli.ExitUsage, `--rules: no built-in rule set "strict"`},
		{"missing --config", []string{"scan", "--config", filepath.Join(empty, "nope.yml"), empty}, cli.ExitUsage, "nope.yml does not exist"},
		{"one output file, two formats", []string{"scan", "--format", "json", "--format", "text", "--output", filepath.Join(t.TempDir(), "out"), empty}, cli.ExitUsage, "--output"},
		{"--ref with a URL", []string{"scan", "--ref", "v1.0.0", "https://github.com/o/r"}, cli.ExitUsage, "--ref applies to local repositories"},
		{"unknown flag", []string{"scan", "--colour", empty}, cli.ExitUsage, "--colour"},
		{"unknown command", []string{"lint", empty}, cli.ExitUsage, "lint"},
		{"version", []string{"version"}, cli.ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, nil, tt.args...)
			r.want(t, tt.code)
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", r.stderr, tt.stderr)
			}
		})
	}
}

func TestMalformedConfig(t *testing.T) {
	tests := []struct {
		name, config, place string
	}{
		{"bad level", "checks:\n  readme: error\n  contributing: sometimes\n", ".ospolint.yml:3: checks.contributing"},
		{"invalid YAML", "description: ours\nchecks:\n  readme: [error\n", ".ospolint.yml:3: invalid YAML"},
		{"unknown key", "description: ours\nignore:\n  - docs/**\n", ".ospolint.yml:2: ignore: unknown key"},
		{"waiver without reason", "waivers:\n  - check: readme\n", ".ospolint.yml:2: waivers[0].reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := goodRepo(t, map[string]string{".ospolint.yml": tt.config})
			r := run(t, nil, "scan", "--format", "json", dir)
			r.want(t, cli.ExitUsage)
			if !strings.Contains(r.stderr, tt.place) {
				t.Errorf("stderr %q does not name %q", r.stderr, tt.place)
			}
			// The report is still written, with the error at its place.
			rep := parseReport(t, r.stdout)
			if ce := rep.Targets[0].ConfigError; ce == nil || !strings.HasPrefix(tt.place, fmt.Sprintf("%s:%d: ", ce.File, ce.Line)) {
				t.Errorf("the report's configError %+v is not at %q", ce, tt.place)
			}
			if n := strings.Count(r.stderr, tt.place); n != 1 {
				t.Errorf("stderr names the error %d times, want once:\n%s", n, r.stderr)
			}
		})
	}
}

func TestConfigFlagNamesThePathGiven(t *testing.T) {
	dir := goodRepo(t, nil)
	cfgDir := t.TempDir()
	cfg := filepath.Join(cfgDir, "team.yml")
	if err := os.WriteFile(cfg, []byte("extends: ./org.yml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfgDir, "org.yml"), []byte("extends: []\nchecks:\n  readme: fatal\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "scan", "--config", cfg, dir)
	r.want(t, cli.ExitUsage)
	want := filepath.ToSlash(filepath.Join(cfgDir, "org.yml")) + ":3: checks.readme"
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q does not name %q", r.stderr, want)
	}

	// The same file, fixed, is used instead of the repository's own.
	if err := os.WriteFile(filepath.Join(cfgDir, "org.yml"), []byte("extends: []\nchecks:\n  readme: note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := writeRepo(t, map[string]string{".ospolint.yml": "checks:\n  readme: error\n"})
	r = run(t, nil, "scan", "--config", cfg, "--format", "json", empty)
	r.want(t, cli.ExitOK)
	if diff := cmp.Diff([]string{"readme"}, parseReport(t, r.stdout).checkIDs()); diff != "" {
		t.Errorf("checks run (-want +got):\n%s", diff)
	}
}

func TestChecksSelection(t *testing.T) {
	empty := writeRepo(t, map[string]string{"main.go": "package main\n"})

	r := run(t, nil, "scan", "--checks", "readme", "--format", "json", empty)
	r.want(t, cli.ExitFindings)
	rep := parseReport(t, r.stdout)
	if diff := cmp.Diff([]string{"readme"}, rep.checkIDs()); diff != "" {
		t.Errorf("--checks readme ran (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"readme README.md"}, rep.findings()); diff != "" {
		t.Errorf("--checks readme found (-want +got):\n%s", diff)
	}

	r = run(t, nil, "scan", "--checks", "all,-readme", "--format", "json", "--fail-on", "off", empty)
	r.want(t, cli.ExitOK)
	ids := parseReport(t, r.stdout).checkIDs()
	if slices.Contains(ids, "readme") {
		t.Errorf("all,-readme ran readme: %q", ids)
	}
	for _, id := range []string{"license-file", "contributing", "waiver-expired"} {
		if !slices.Contains(ids, id) {
			t.Errorf("all,-readme did not run %s: %q", id, ids)
		}
	}
	for _, f := range parseReport(t, r.stdout).findings() {
		if strings.HasPrefix(f, "readme ") {
			t.Errorf("all,-readme reported %q", f)
		}
	}
}

func TestOutputs(t *testing.T) {
	dir := writeRepo(t, map[string]string{"main.go": "package main\n"})
	out := t.TempDir()

	jsonFile := filepath.Join(out, "report.json")
	r := run(t, nil, "scan", "--format", "json="+jsonFile, "--format", "text", dir)
	r.want(t, cli.ExitFindings)
	data, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	rep := parseReport(t, string(data))
	if !slices.Contains(rep.findings(), "readme README.md") {
		t.Errorf("JSON file lacks the readme finding: %q", rep.findings())
	}
	if strings.HasPrefix(strings.TrimSpace(r.stdout), "{") || !strings.Contains(r.stdout, "readme") {
		t.Errorf("stdout is not the text report:\n%s", r.stdout)
	}

	outFile := filepath.Join(out, "out.json")
	r = run(t, nil, "scan", "--format", "json", "--output", outFile, dir)
	r.want(t, cli.ExitFindings)
	if r.stdout != "" {
		t.Errorf("--output also wrote to stdout:\n%s", r.stdout)
	}
	data, err = os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	parseReport(t, string(data))

	// Both outputs of one run describe the same scan.
	textFile := filepath.Join(out, "report.txt")
	r = run(t, nil, "scan", "--format", "json,text="+textFile, dir)
	r.want(t, cli.ExitFindings)
	parseReport(t, r.stdout)
	text, err := os.ReadFile(textFile)
	if err != nil || !strings.Contains(string(text), "README.md") {
		t.Errorf("text file: %v\n%s", err, text)
	}
}

func TestListChecksJSON(t *testing.T) {
	r := run(t, nil, "checks", "--format", "json")
	r.want(t, cli.ExitOK)
	var list []struct {
		ID      string `json:"id"`
		Kind    string `json:"kind"`
		Default bool   `json:"default"`
		Level   string `json:"level"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("checks --format json is not a JSON list: %v\n%s", err, r.stdout)
	}
	found := false
	for _, c := range list {
		if c.ID == "license-file" {
			found = true
			if c.Kind != "check" || !c.Default || c.Level != "error" {
				t.Errorf("license-file listed as %+v, want a default check at error", c)
			}
		}
	}
	if !found {
		t.Errorf("license-file is not listed:\n%s", r.stdout)
	}

	r = run(t, nil, "checks")
	r.want(t, cli.ExitOK)
	if !strings.Contains(r.stdout, "license-file") || !strings.Contains(r.stdout, "GGI-A-21") {
		t.Errorf("checks text lacks license-file and its activity:\n%s", r.stdout)
	}
	run(t, nil, "checks", "--format", "yaml").want(t, cli.ExitUsage)
}

func TestExplain(t *testing.T) {
	r := run(t, nil, "explain", "readme")
	r.want(t, cli.ExitOK)
	for _, want := range []string{"## readme", "GGI-A-25", "`min-words`", "**Fix:**"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain readme lacks %q:\n%s", want, r.stdout)
		}
	}
	r = run(t, nil, "explain", "nope")
	r.want(t, cli.ExitUsage)
	if !strings.Contains(r.stderr, `"nope"`) {
		t.Errorf("stderr %q does not name the unknown check", r.stderr)
	}
	run(t, nil, "explain").want(t, cli.ExitUsage)
}

func TestRuleSets(t *testing.T) {
	r := run(t, nil, "rules")
	r.want(t, cli.ExitOK)
	for _, name := range []string{"default", "ggi-trust", "ggi-usage"} {
		if !slices.Contains(strings.Fields(r.stdout), name) {
			t.Errorf("rules does not list %s:\n%s", name, r.stdout)
		}
	}
	r = run(t, nil, "rules", "default")
	r.want(t, cli.ExitOK)
	if !strings.Contains(r.stdout, "license-file:") {
		t.Errorf("rules default does not print the set:\n%s", r.stdout)
	}
	run(t, nil, "rules", "strict").want(t, cli.ExitUsage)
}

func TestWaivers(t *testing.T) {
	// No contributing guide: the contributing check reports CONTRIBUTING.md.
	files := func(waivers string) map[string]string {
		return map[string]string{
			"LICENSE":       "Copyright 2026 The Widget Authors.\n",
			"README.md":     readmeText,
			".ospolint.yml": onlyCore + waivers,
		}
	}
	waived := func(t *testing.T, rep report, check string) (reason string, ok bool) {
		t.Helper()
		for _, f := range rep.Targets[0].Findings {
			if f.Check == check && f.Waived != nil {
				return f.Waived.Reason, true
			}
		}
		return "", false
	}

	t.Run("waiver silences the finding", func(t *testing.T) {
		dir := writeRepo(t, files(`waivers:
  - check: contributing
    paths: [CONTRIBUTING.md]
    reason: contributions go through the upstream project
    until: 2999-12-31
`))
		r := run(t, nil, "scan", "--format", "json", "--fail-on", "note", dir)
		r.want(t, cli.ExitOK)
		rep := parseReport(t, r.stdout)
		if reason, ok := waived(t, rep, "contributing"); !ok || reason != "contributions go through the upstream project" {
			t.Errorf("contributing finding not waived with the reason: %q %v\n%s", reason, ok, r.stdout)
		}
		if got := rep.findings(); len(got) != 0 {
			t.Errorf("unwaived findings: %q", got)
		}
	})

	t.Run("expired waiver", func(t *testing.T) {
		dir := writeRepo(t, files(`waivers:
  - check: contributing
    paths: [CONTRIBUTING.md]
    reason: contributions go through the upstream project
    until: 2020-01-31
`))
		r := run(t, nil, "scan", "--format", "json", dir)
		r.want(t, cli.ExitFindings)
		rep := parseReport(t, r.stdout)
		if _, ok := waived(t, rep, "contributing"); ok {
			t.Error("an expired waiver still waives")
		}
		want := []string{"contributing CONTRIBUTING.md", "waiver-expired .ospolint.yml"}
		if diff := cmp.Diff(want, rep.findings()); diff != "" {
			t.Errorf("findings (-want +got):\n%s", diff)
		}
		for _, f := range rep.Targets[0].Findings {
			if f.Check == "waiver-expired" && f.Line != 9 {
				t.Errorf("waiver-expired at line %d, want 9 (the waiver)", f.Line)
			}
		}
	})

	t.Run("waiver matching nothing", func(t *testing.T) {
		dir := writeRepo(t, files(`waivers:
  - check: readme
    paths: [docs/README.md]
    reason: the docs README is generated
`))
		r := run(t, nil, "scan", "--format", "json", "--checks", "license-file,readme,waiver-unmatched", dir)
		r.want(t, cli.ExitOK) // a warning, under --fail-on error
		rep := parseReport(t, r.stdout)
		if diff := cmp.Diff([]string{"waiver-unmatched .ospolint.yml"}, rep.findings()); diff != "" {
			t.Errorf("findings (-want +got):\n%s", diff)
		}
		run(t, nil, "scan", "--fail-on", "warning", "--checks", "license-file,readme,waiver-unmatched", dir).want(t, cli.ExitFindings)
	})
}

func TestTokenNeverPrinted(t *testing.T) {
	const token = "ghp_Zq8XwV3nR7tLk2PbY9sD4fGh6JmC1aE5uT0o"
	getenv := func(key string) string {
		if key == "GITHUB_TOKEN" {
			return token
		}
		return ""
	}
	// Port 1 on loopback refuses at once: no network is touched.
	for _, target := range []string{
		"https://127.0.0.1:1/org/repo.git",
		"https://x-access-token:" + token + "@127.0.0.1:1/org/repo.git",
	} {
		for _, format := range []string{"text", "json"} {
			r := run(t, getenv, "scan", "--format", format, target)
			r.want(t, cli.ExitTarget)
			for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
				if strings.Contains(out, token) || strings.Contains(out, token[4:20]) {
					t.Errorf("%s of %s (%s) shows the token:\n%s", name, redactedName(target), format, out)
				}
			}
			if !strings.Contains(r.stderr, "127.0.0.1:1") {
				t.Errorf("stderr does not name the target: %q", r.stderr)
			}
		}
	}
}

// TestTokenNotEchoed scans through a loopback server that answers every
// request with an error page quoting the credentials it received.
func TestTokenNotEchoed(t *testing.T) {
	const token = "ghp_Echo5bQ2mVx8Rk3Lw7Nz1Ty6Pu4Hs9Jd0Gf"
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		user, pass, _ := r.BasicAuth()
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "cannot serve %s for %s:%s (Authorization: %s)\n", r.URL, user, pass, r.Header.Get("Authorization"))
	}))
	defer srv.Close()
	getenv := func(key string) string {
		if key == "GITHUB_TOKEN" {
			return token
		}
		return ""
	}
	target := strings.Replace(srv.URL, "http://", "http://x-access-token:"+token+"@", 1) + "/org/repo.git"
	r := run(t, getenv, "scan", "--format", "json", target)
	r.want(t, cli.ExitTarget)
	if out := r.stdout + r.stderr; strings.Contains(out, token) || strings.Contains(out, token[4:20]) {
		t.Errorf("output shows the token:\n%s", out)
	}
	if hits.Load() == 0 {
		t.Error("the clone never reached the server: the test proves nothing")
	}
}

func redactedName(target string) string {
	if i := strings.Index(target, "@"); i >= 0 {
		return "https://***" + target[i:]
	}
	return target
}
