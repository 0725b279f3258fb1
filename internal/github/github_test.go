// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package github

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/github/fakegh"
)

const token = "ghp_testsecret0123456789abcdefABCDEF01"

func fastRetry() Retry {
	return Retry{Attempts: 4, Base: time.Millisecond, Max: 5 * time.Millisecond, MaxWait: 10 * time.Second}
}

func newClient(t *testing.T, srv *fakegh.Server, cacheDir string, logs *strings.Builder) *Client {
	t.Helper()
	ep, err := ParseEndpoint(srv.APIURL())
	if err != nil {
		t.Fatal(err)
	}
	return New(Options{Endpoint: ep, Token: token, CacheDir: cacheDir, Retry: fastRetry(), Logf: func(f string, a ...any) {
		if logs != nil {
			fmt.Fprintf(logs, f+"\n", a...)
		}
	}})
}

func TestParseEndpoint(t *testing.T) {
	for _, tc := range []struct{ in, api, host, err string }{
		{"", "https://api.github.com/", "github.com", ""},
		{"https://github.com", "https://api.github.com/", "github.com", ""},
		{"https://api.github.com/", "https://api.github.com/", "github.com", ""},
		{"https://ghe.example.com", "https://ghe.example.com/api/v3/", "ghe.example.com", ""},
		{"https://ghe.example.com:8443/api/v3", "https://ghe.example.com:8443/api/v3/", "ghe.example.com:8443", ""},
		{"http://127.0.0.1:9/", "http://127.0.0.1:9/api/v3/", "127.0.0.1:9", ""},
		{"ftp://x/", "", "", "want an http or https URL"},
		{"https://x:" + token + "@ghe.example.com/", "", "", "must not carry credentials"},
	} {
		ep, err := ParseEndpoint(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), token) {
				t.Errorf("%q: error %v, want %q without the token", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || ep.API.String() != tc.api || ep.Host != tc.host {
			t.Errorf("%q: %v %v, want %s %s", tc.in, ep.API, err, tc.api, tc.host)
		}
	}
}

func TestTokenOnlyForTheAPIHost(t *testing.T) {
	c := New(Options{Endpoint: mustEndpoint(t, ""), Token: token})
	for url, want := range map[string]bool{
		"https://github.com/acme/svc.git":         true,
		"https://GitHub.com/acme/svc.git":         true,
		"http://github.com/acme/svc.git":          false, // never in clear text
		"https://github.com.evil.example/acme/x":  false,
		"https://gitea.example/acme/svc.git":      false,
		"file:///srv/git/svc.git":                 false,
		"https://user:pw@github.com/acme/svc.git": false,
	} {
		if got := c.CloneToken(url) != ""; got != want {
			t.Errorf("%s: token given %v, want %v", url, got, want)
		}
	}
	ghe := New(Options{Endpoint: mustEndpoint(t, "https://ghe.example.com/"), Token: token})
	if ghe.CloneToken("https://ghe.example.com/a/b.git") == "" || ghe.CloneToken("https://github.com/a/b.git") != "" {
		t.Error("a GitHub Enterprise token goes to its own host only")
	}
	// The clone's own check (internal/ghhost) agrees for the server's host.
	if !ghe.Endpoint().GitHub().Allows("https://ghe.example.com/a/b.git") || ghe.Endpoint().GitHub().Allows("https://gitea.example/a/b.git") {
		t.Error("ghhost disagrees")
	}
}

func mustEndpoint(t *testing.T, s string) Endpoint {
	t.Helper()
	ep, err := ParseEndpoint(s)
	if err != nil {
		t.Fatal(err)
	}
	return ep
}

func TestRepoOf(t *testing.T) {
	ep := mustEndpoint(t, "")
	for in, want := range map[string]string{
		"https://github.com/acme/svc":        "acme/svc",
		"https://github.com/acme/svc.git":    "acme/svc",
		"git@github.com:acme/svc.git":        "acme/svc",
		"ssh://git@github.com/acme/svc.git":  "acme/svc",
		"https://gitlab.com/acme/svc.git":    "",
		"https://github.com/acme":            "",
		"https://github.com/acme/svc/issues": "",
	} {
		o, n, ok := ep.RepoOf(in)
		got := ""
		if ok {
			got = o + "/" + n
		}
		if got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

func repos(n int) []fakegh.Repo {
	out := make([]fakegh.Repo, n)
	for i := range out {
		out[i] = fakegh.Repo{Name: fmt.Sprintf("r%03d", i), CloneURL: "file:///nowhere"}
	}
	return out
}

func TestListOrgReposThroughLimitsAndFaults(t *testing.T) {
	srv := (&fakegh.Server{Org: "acme", Repos: repos(250), Token: token, SecondaryOnPage: 2, PrimaryOnPage: 3}).Start()
	defer srv.Close()
	var logs strings.Builder
	c := newClient(t, srv, "", &logs)
	var names []string
	start := time.Now()
	err := c.ListOrgRepos(context.Background(), "acme", func(rs []Repo) error {
		for _, r := range rs {
			names = append(names, r.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 250 || names[0] != "r000" || names[249] != "r249" {
		t.Fatalf("listed %d repos (%v...)", len(names), names[:min(3, len(names))])
	}
	// The secondary limit (Retry-After: 1) and the primary reset (a second
	// away) were both waited out, not failed.
	if el := time.Since(start); el < time.Second {
		t.Errorf("listing took %s: the limits were not waited out", el)
	}
	for _, want := range []string{"secondary rate limit", "primary rate limit exhausted"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	if strings.Contains(logs.String(), token) {
		t.Error("the token is in the log")
	}
}

func TestListUserFallsBackFromOrg(t *testing.T) {
	srv := (&fakegh.Server{Org: "someone", Repos: repos(3)}).Start()
	defer srv.Close()
	// An unknown org gives a clear error naming it, without the token.
	c := newClient(t, srv, "", nil)
	err := c.ListOrgRepos(context.Background(), "nobody", func([]Repo) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "nobody") || strings.Contains(err.Error(), token) {
		t.Errorf("unknown owner: %v", err)
	}
	if err := c.ListOrgRepos(context.Background(), "../x", func([]Repo) error { return nil }); err == nil {
		t.Error("a bad owner name is accepted")
	}
}

// A server whose "next" link points back does not keep the listing going
// for ever: what was listed is delivered, and the error says where it
// stopped.
func TestListingStopsAtALoopingNextLink(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls > 10 {
			http.Error(w, "looping", http.StatusTeapot)
			return
		}
		page := r.URL.Query().Get("page")
		if page == "" {
			page = "1"
		}
		w.Header().Set("Link", fmt.Sprintf(`<http://%s%s?page=1>; rel="next"`, r.Host, r.URL.Path))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[{"name": "r%s", "full_name": "acme/r%s", "owner": {"login": "acme"}}]`, page, page)
	}))
	defer srv.Close()
	c := New(Options{Endpoint: mustEndpoint(t, srv.URL+"/api/v3/"), Retry: fastRetry()})
	var got []string
	err := c.ListOrgRepos(context.Background(), "acme", func(rs []Repo) error {
		for _, r := range rs {
			got = append(got, r.Name)
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "links to page 1") || calls != 1 || len(got) != 1 {
		t.Errorf("after %d requests, %q listed: %v", calls, got, err)
	}
}

func TestTransientFaultsRetried(t *testing.T) {
	srv := (&fakegh.Server{Org: "acme", Repos: []fakegh.Repo{{Name: "flaky1", RulesetReviews: 1}}, FlakyPrefix: "flaky"}).Start()
	defer srv.Close()
	var logs strings.Builder
	c := newClient(t, srv, "", &logs)
	r, err := c.GetRepo(context.Background(), "acme", "flaky1")
	if err != nil || r.Name != "flaky1" {
		t.Fatalf("GetRepo through a 502: %v %v", r, err)
	}
	if !strings.Contains(logs.String(), "answered 502; retrying") {
		t.Errorf("no retry logged:\n%s", logs.String())
	}
}

// flakyNet fails the first n round trips with a network error.
type flakyNet struct {
	n    atomic.Int32
	base http.RoundTripper
}

func (f *flakyNet) RoundTrip(r *http.Request) (*http.Response, error) {
	if f.n.Add(-1) >= 0 {
		return nil, errors.New("connection reset by peer")
	}
	return f.base.RoundTrip(r)
}

func TestNetworkErrorsRetriedThenReported(t *testing.T) {
	srv := (&fakegh.Server{Org: "acme", Repos: repos(1)}).Start()
	defer srv.Close()
	fn := &flakyNet{base: http.DefaultTransport}
	fn.n.Store(2)
	c := New(Options{Endpoint: mustEndpoint(t, srv.APIURL()), Token: token, Retry: fastRetry(), Transport: fn})
	if _, err := c.GetRepo(context.Background(), "acme", "r000"); err != nil {
		t.Fatalf("two resets, four attempts: %v", err)
	}
	fn.n.Store(100)
	_, err := c.GetRepo(context.Background(), "acme", "r000")
	if err == nil || !strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), token) {
		t.Fatalf("persistent network error: %v", err)
	}
}

func TestSettings(t *testing.T) {
	srv := (&fakegh.Server{Org: "acme", Token: token, Repos: []fakegh.Repo{
		{Name: "ruleset", RulesetReviews: 2, PVR: true},
		{Name: "classic-admin", Admin: true, Protected: true, ProtectedReviews: 1, Alerts: true},
		{Name: "open-admin", Admin: true},
		{Name: "protected-reader", Protected: true},
		{Name: "open-reader"},
		{Name: "private", Visibility: "private"},
	}}).Start()
	defer srv.Close()
	c := newClient(t, srv, "", nil)
	all := Want{true, true, true}
	get := func(name string, admin bool) Settings {
		t.Helper()
		r, err := c.GetRepo(context.Background(), "acme", name)
		if err != nil {
			t.Fatal(err)
		}
		if r.Admin != admin {
			t.Fatalf("%s: admin %v", name, r.Admin)
		}
		return c.Settings(context.Background(), r, all)
	}
	st := func(s checks.Setting) checks.SettingState { return s.State }
	for _, tc := range []struct {
		name                string
		admin               bool
		review, pvr, alerts checks.SettingState
		detail              string
	}{
		{"ruleset", false, checks.SettingOn, checks.SettingOn, checks.SettingUnknown, "requires 2 approving reviews on main"},
		{"classic-admin", true, checks.SettingOn, checks.SettingOff, checks.SettingOn, "branch protection requires 1 approving review"},
		{"open-admin", true, checks.SettingOff, checks.SettingOff, checks.SettingOff, "not protected"},
		{"protected-reader", false, checks.SettingUnknown, checks.SettingOff, checks.SettingUnknown, "admin rights"},
		{"open-reader", false, checks.SettingOff, checks.SettingOff, checks.SettingUnknown, "not protected"},
		{"private", false, checks.SettingOff, checks.SettingNotApplicable, checks.SettingUnknown, ""},
	} {
		srv.ResetCounts()
		s := get(tc.name, tc.admin)
		if st(s.ReviewRequired) != tc.review || st(s.PrivateVulnerabilityReporting) != tc.pvr || st(s.VulnerabilityAlerts) != tc.alerts {
			t.Errorf("%s: %+v", tc.name, s)
		}
		if !strings.Contains(s.ReviewRequired.Detail, tc.detail) {
			t.Errorf("%s: review detail %q lacks %q", tc.name, s.ReviewRequired.Detail, tc.detail)
		}
		req, _ := srv.Counts()
		budget := 3
		if tc.admin {
			budget = 4
		}
		if req-1 > budget { // one for GetRepo
			t.Errorf("%s: %d requests for the settings, want at most %d: %v", tc.name, req-1, budget, srv.PathCounts())
		}
	}
	// Without a token nothing is asked and everything is unknown.
	anon := New(Options{Endpoint: mustEndpoint(t, srv.APIURL()), Retry: fastRetry()})
	srv.ResetCounts()
	s := anon.Settings(context.Background(), Repo{Owner: "acme", Name: "ruleset", DefaultBranch: "main", Visibility: "public"}, all)
	if req, _ := srv.Counts(); req != 0 || s.ReviewRequired.State != checks.SettingUnknown || !strings.Contains(s.ReviewRequired.Detail, "GITHUB_TOKEN") {
		t.Errorf("no token: %d requests, %+v", req, s)
	}
}

func TestETagCache(t *testing.T) {
	srv := (&fakegh.Server{Org: "acme", Repos: repos(150), Token: token}).Start()
	defer srv.Close()
	dir := t.TempDir()
	run := func() []Repo {
		c := newClient(t, srv, dir, nil)
		var all []Repo
		if err := c.ListOrgRepos(context.Background(), "acme", func(rs []Repo) error { all = append(all, rs...); return nil }); err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			c.Settings(context.Background(), r, Want{ReviewRequired: true, PrivateVulnerabilityReporting: true})
		}
		if got, _ := srv.Counts(); int64(got) != c.Stats().Requests.Load() {
			t.Errorf("client counted %d requests, server %d", c.Stats().Requests.Load(), got)
		}
		return all
	}
	first := run()
	req1, nm1 := srv.Counts()
	srv.ResetCounts()
	second := run()
	req2, nm2 := srv.Counts()
	if nm1 != 0 || req1 != req2 || len(first) != len(second) || len(second) != 150 {
		t.Fatalf("runs: %d/%d then %d/%d requests/304, %d and %d repos", req1, nm1, req2, nm2, len(first), len(second))
	}
	if share := float64(nm2) / float64(req2); share < 0.9 {
		t.Errorf("second run: %d of %d answered 304 (%.0f%%), want at least 90%%", nm2, req2, share*100)
	}
	// The cache holds no token, and another token does not read it.
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			if strings.Contains(string(data), token) {
				t.Errorf("%s holds the token", p)
			}
		}
		return nil
	})
	other := New(Options{Endpoint: mustEndpoint(t, srv.APIURL()), Token: "another-token", CacheDir: dir, Retry: fastRetry()})
	srv.ResetCounts()
	_, err := other.GetRepo(context.Background(), "acme", "r000")
	if _, nm := srv.Counts(); nm != 0 || err == nil {
		t.Errorf("another token: 304s %d, err %v; want a fresh (refused) request", nm, err)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// An answer too large to cache still reaches the caller whole.
func TestCacheLetsALargeAnswerThrough(t *testing.T) {
	big := strings.Repeat("x", maxCachedBody+4096)
	dir := t.TempDir()
	c := &cache{dir: dir, stats: &Stats{}, base: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Etag": {`"v1"`}}, Body: io.NopCloser(strings.NewReader(big)), Request: r}, nil
	})}
	req, err := http.NewRequest(http.MethodGet, "https://api.example/repos/acme/big", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil || len(data) != len(big) {
		t.Errorf("read %d of %d bytes: %v", len(data), len(big), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("an answer over %d bytes was cached: %v", maxCachedBody, entries)
	}
}

func TestErrorsCarryNoToken(t *testing.T) {
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, `{"message":"bad token `+strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")+`"}`)
	})
	srv := (&fakegh.Server{Org: "acme"}).Start()
	srv.Config.Handler = echo
	defer srv.Close()
	c := newClient(t, srv, "", nil)
	_, err := c.GetRepo(context.Background(), "acme", "x")
	if err == nil || strings.Contains(err.Error(), token) || !strings.Contains(err.Error(), "403") {
		t.Errorf("error %v", err)
	}
}
