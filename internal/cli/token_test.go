// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/transport/client"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"

	"github.com/ospolint/ospolint/internal/cli"
)

// TestTokenScope clones from a local TLS server that is not GitHub and
// records the credentials it receives: none, unless GITHUB_SERVER_URL or
// --github-url names that server.
func TestTokenScope(t *testing.T) {
	const token = "ghp_Scope7kQ2mVx8Rk3Lw7Nz1Ty6Pu4Hs9Jd0Gf"
	var mu sync.Mutex
	var withAuth, requests int
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests++
		if _, pass, ok := r.BasicAuth(); ok && pass == token {
			withAuth++
		}
		mu.Unlock()
		w.Header().Set("WWW-Authenticate", `Basic realm="x"`)
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer srv.Close()
	// go-git's https transport, trusting the test server's certificate
	// (a global table: this test must not run in parallel).
	prev := client.Protocols["https"]
	client.InstallProtocol("https", githttp.NewClient(srv.Client()))
	t.Cleanup(func() { client.InstallProtocol("https", prev) })

	for _, tc := range []struct {
		name      string
		serverEnv string
		args      []string
		wantAuth  bool
	}{
		{"not GitHub", "", nil, false},
		{"GITHUB_SERVER_URL is github.com", "https://github.com", nil, false},
		{"GITHUB_SERVER_URL names it", srv.URL, nil, true},
		{"--github-url names it", "", []string{"--github-url", srv.URL}, true},
		{"--github-url wins over the environment", srv.URL, []string{"--github-url", "https://github.com"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			withAuth, requests = 0, 0
			mu.Unlock()
			getenv := func(key string) string {
				switch key {
				case "GITHUB_TOKEN":
					return token
				case "GITHUB_SERVER_URL":
					return tc.serverEnv
				}
				return ""
			}
			args := append([]string{"scan", "--format", "json"}, tc.args...)
			r := run(t, getenv, append(args, srv.URL+"/acme/repo")...)
			r.want(t, cli.ExitTarget)
			if strings.Contains(r.stdout+r.stderr, token) {
				t.Errorf("output shows the token:\n%s%s", r.stdout, r.stderr)
			}
			mu.Lock()
			defer mu.Unlock()
			if requests == 0 {
				t.Fatal("the clone never reached the server: the test proves nothing")
			}
			if (withAuth > 0) != tc.wantAuth {
				t.Errorf("%d of %d requests carried the token, want credentials %v", withAuth, requests, tc.wantAuth)
			}
		})
	}
}

func TestGitHubURLInvalid(t *testing.T) {
	dir := goodRepo(t, nil)
	r := run(t, nil, "scan", "--github-url", "http://ghe.example.com", dir)
	r.want(t, cli.ExitUsage)
	if !strings.Contains(r.stderr, "--github-url") || !strings.Contains(r.stderr, "https") {
		t.Errorf("stderr does not explain the bad --github-url: %q", r.stderr)
	}
	env := func(key string) string {
		if key == "GITHUB_SERVER_URL" {
			return "ghe.example.com"
		}
		return ""
	}
	r = run(t, env, "scan", "https://127.0.0.1:1/org/repo")
	r.want(t, cli.ExitUsage)
	if !strings.Contains(r.stderr, "GITHUB_SERVER_URL") {
		t.Errorf("stderr does not name GITHUB_SERVER_URL: %q", r.stderr)
	}
	// A local scan sends no token anywhere: the variable does not matter.
	run(t, env, "scan", "--fail-on", "off", dir).want(t, cli.ExitOK)
}
