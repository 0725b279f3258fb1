// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	gitconfig "github.com/go-git/go-git/v5/config"

	"github.com/ospolint/ospolint/internal/github/fakegh"
	"github.com/ospolint/ospolint/internal/org/summary"
	"github.com/ospolint/ospolint/internal/scan"
)

const orgToken = "ghp_clisecret0123456789abcdefABCDEF0123"

// fakeOrg serves acme: six repositories, one broken, one flaky, a secondary
// limit on the second page of three, and acme/.github.
func fakeOrg(t *testing.T) *fakegh.Server {
	t.Helper()
	dir := t.TempDir()
	srv := &fakegh.Server{Org: "acme", Token: orgToken, SecondaryOnPage: 2, FlakyPrefix: "flaky"}
	for i, name := range []string{"api", "flaky", "web", "cli", "docs"} {
		files := map[string]string{"LICENSE": fakegh.MITText(), "README.md": "# " + name + "\n\nThe " + name + " of acme: what it does, how to build it and how to run its tests.\n"}
		url, err := fakegh.MakeRepo(filepath.Join(dir, name), files)
		if err != nil {
			t.Fatal(err)
		}
		srv.Repos = append(srv.Repos, fakegh.Repo{Name: name, CloneURL: url, RulesetReviews: i % 2, PVR: true})
	}
	url, err := fakegh.MakeRepo(filepath.Join(dir, ".github"), map[string]string{
		"SECURITY.md": "# Security\n\nReport vulnerabilities privately to security@acme.example.\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	srv.Repos = append(srv.Repos, fakegh.Repo{Name: ".github", CloneURL: url},
		fakegh.Repo{Name: "broken", CloneURL: "file://" + filepath.ToSlash(filepath.Join(dir, "missing"))})
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func tokenEnv(extra map[string]string) func(string) string {
	return func(k string) string {
		if k == "GITHUB_TOKEN" {
			return orgToken
		}
		return extra[k]
	}
}

func noTokenIn(t *testing.T, r result, dirs ...string) {
	t.Helper()
	if strings.Contains(r.stdout+r.stderr, orgToken) {
		t.Error("the token is in the output")
	}
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				if data, _ := os.ReadFile(p); bytes.Contains(data, []byte(orgToken)) {
					t.Errorf("%s holds the token", p)
				}
			}
			return nil
		})
	}
}

func TestOrgCommand(t *testing.T) {
	srv := fakeOrg(t)
	out, cache := t.TempDir(), t.TempDir()
	r := run(t, tokenEnv(nil), "org", "--github-url", srv.APIURL(), "--out-dir", out, "--cache-dir", cache, "--jobs", "2", "acme")
	r.want(t, 3) // broken could not be cloned; everything is written anyway
	if !strings.Contains(r.stdout, "acme: 7 repositories, 6 ok, 1 error") || !strings.Contains(r.stderr, "acme/broken: error: clone") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	var s summary.Summary
	if err := json.Unmarshal(readOut(t, out, "summary.json"), &s); err != nil {
		t.Fatal(err)
	}
	if s.Totals.Repos != 7 || s.Totals.OK != 6 || s.Totals.Error != 1 {
		t.Errorf("totals %+v", s.Totals)
	}
	noTokenIn(t, r, out, cache)

	// Shards merged make the same summary.
	var shards []string
	for k := 1; k <= 2; k++ {
		d := t.TempDir()
		run(t, tokenEnv(nil), "org", "--github-url", srv.APIURL(), "--out-dir", d, "--no-cache", "--shard", fmt.Sprintf("%d/2", k), "acme")
		shards = append(shards, d)
	}
	merged := t.TempDir()
	m := run(t, nil, append([]string{"merge", "--out-dir", merged}, shards...)...)
	m.want(t, 3)
	if !bytes.Equal(readOut(t, out, "summary.json"), readOut(t, merged, "summary.json")) {
		t.Error("merged shards differ from one run")
	}
	// A merged report that cannot be written is exit 3, as in scan and
	// org, not a usage error: the shards were read.
	blocked := t.TempDir()
	if err := os.Mkdir(filepath.Join(blocked, "index.html"), 0o755); err != nil {
		t.Fatal(err)
	}
	b := run(t, nil, append([]string{"merge", "--out-dir", blocked}, shards...)...)
	b.want(t, 3)
	if !strings.Contains(b.stderr, "index.html") {
		t.Errorf("merge into a directory it cannot write: stderr %q does not name the file", b.stderr)
	}

	// Usage errors exit 2 before anything is listed.
	for _, args := range [][]string{
		{"--match", "("}, {"--shard", "5/4"}, {"--visibility", "secret"}, {"--github-url", "ftp://x"},
		{"--rules", "no-such-set"}, {"--jobs", "-1"},
	} {
		r := run(t, tokenEnv(nil), append(append([]string{"org", "--out-dir", t.TempDir()}, args...), "acme")...)
		r.want(t, 2)
	}
	run(t, nil, "org", "../etc").want(t, 2)
	run(t, nil, "merge", "--out-dir", t.TempDir(), t.TempDir()).want(t, 2)
}

// A clone whose origin is on GitHub gets the API facts in a plain scan when
// a token is given: settings, and files inherited from the organisation.
func TestScanOfAGitHubCloneReadsTheAPI(t *testing.T) {
	srv := fakeOrg(t)
	dir := t.TempDir()
	if _, err := fakegh.MakeRepo(dir, map[string]string{"LICENSE": fakegh.MITText(), "README.md": "# api\n"}); err != nil {
		t.Fatal(err)
	}
	g, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	origin := strings.TrimSuffix(srv.APIURL(), "/") + "/acme/web.git"
	if _, err := g.CreateRemote(&gitconfig.RemoteConfig{Name: "origin", URLs: []string{origin}}); err != nil {
		t.Fatal(err)
	}
	statuses := func(r result) map[string]scan.CheckResult {
		t.Helper()
		var rep scan.Report
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatalf("%v\n%s\n%s", err, r.stdout, r.stderr)
		}
		out := map[string]scan.CheckResult{}
		for _, c := range rep.Targets[0].Checks {
			out[c.ID] = c
		}
		return out
	}
	env := tokenEnv(map[string]string{"GITHUB_API_URL": srv.APIURL(), "XDG_CACHE_HOME": t.TempDir()})
	r := run(t, env, "scan", "--format", "json", "--fail-on", "off", dir)
	r.want(t, 0)
	st := statuses(r)
	if st["review-required"].Status != "fail" || st["private-vulnerability-reporting"].Status != "pass" {
		t.Errorf("settings: %+v %+v", st["review-required"], st["private-vulnerability-reporting"])
	}
	if st["security-policy"].Status != "pass" || !strings.Contains(st["security-policy"].Note, "inherited from acme/.github") {
		t.Errorf("security-policy: %+v", st["security-policy"])
	}
	noTokenIn(t, r)

	// Without a token: not available, and the API is not asked.
	srv.ResetCounts()
	r = run(t, func(k string) string { return map[string]string{"GITHUB_API_URL": srv.APIURL()}[k] }, "scan", "--format", "json", "--fail-on", "off", dir)
	r.want(t, 0)
	if st := statuses(r); st["review-required"].Status != "not-available" || st["security-policy"].Status != "fail" {
		t.Errorf("without a token: %+v %+v", st["review-required"], st["security-policy"])
	}
	if n, _ := srv.Counts(); n != 0 {
		t.Errorf("%d API requests without a token", n)
	}
}

func readOut(t *testing.T, dir, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
