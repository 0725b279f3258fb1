// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"encoding/base64"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/ghhost"
)

const fakeToken = "ghp_FAKEtoken1234567890abcdef"

// needGit skips when git-upload-pack, which go-git runs for file:// URLs, is
// not installed.
func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed: file:// clones need git-upload-pack")
	}
}

func fileURL(dir string) string { return "file://" + filepath.ToSlash(dir) }

func TestClone(t *testing.T) {
	needGit(t)
	src, _, head := revisionRepo(t)
	for _, tc := range []struct {
		name    string
		tempDir string
	}{
		{"memory", ""},
		{"temp dir", t.TempDir()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
			defer cancel()
			url := fileURL(src)
			r, err := Clone(ctx, url, OpenOptions{TempDir: tc.tempDir, Token: fakeToken})
			if err != nil {
				t.Fatal(err)
			}
			if r.Kind != KindClone || r.Revision != head.String() || r.Name != url || r.Ignore {
				t.Errorf("repo = {Kind %q, Revision %s, Name %q, Ignore %v}", r.Kind, r.Revision, r.Name, r.Ignore)
			}
			if got, err := ReadFile(r.FS, "COPYING", 1<<20); err != nil || string(got) != gpl {
				t.Errorf("COPYING = %q, %v", got, err)
			}
			if got, err := ReadFile(r.FS, "README.md", 1<<20); err != nil || string(got) != "# demo v2\n" {
				t.Errorf("README.md = %q, %v (the clone must show the commit, not the dirty worktree)", got, err)
			}
			ix, _, err := Walk(ctx, r, WalkOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if e, ok := ix.Lookup("escape"); !ok || !e.Escapes {
				t.Errorf("escape = %+v, %v; want an escaping link", e, ok)
			}
			if _, ok := ix.Lookup("src/a/b/c/deep.go"); !ok {
				t.Error("deep file missing from the clone")
			}
			if tc.tempDir != "" {
				if n := dirEntries(t, tc.tempDir); n != 1 {
					t.Errorf("temp dir holds %d entries while open, want 1 clone", n)
				}
			}
			if err := r.Close(); err != nil {
				t.Fatal(err)
			}
			if tc.tempDir != "" {
				if n := dirEntries(t, tc.tempDir); n != 0 {
					t.Errorf("temp dir holds %d entries after Close, want 0", n)
				}
			}
		})
	}
}

func dirEntries(t *testing.T, dir string) int {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(des)
}

func TestCloneShallow(t *testing.T) {
	needGit(t)
	src, first, _ := revisionRepo(t)
	r, err := Clone(context.Background(), fileURL(src), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// Depth 1: the parent commit's objects were not fetched.
	tfs, ok := r.FS.(*treeFS)
	if !ok {
		t.Fatalf("FS is %T", r.FS)
	}
	if _, err := tfs.s.EncodedObject(0, first); err == nil {
		t.Error("the first commit was fetched: clone is not shallow")
	}
}

func TestCloneErrors(t *testing.T) {
	needGit(t)
	tmp := t.TempDir()
	empty := t.TempDir()
	if _, err := git.PlainInit(empty, false); err != nil {
		t.Fatal(err)
	}
	// A plain-http server standing in for a forge that refuses everything;
	// the credentials in the URL must not come back in the error.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "nope", http.StatusForbidden)
	}))
	defer srv.Close()
	credURL := strings.Replace(srv.URL, "http://", "http://ada:"+fakeToken+"@", 1) + "/o/r.git"

	for _, tc := range []struct {
		name, url string
		opt       OpenOptions
		want      error
		text      string
	}{
		{"missing repository", fileURL(filepath.Join(tmp, "nope")), OpenOptions{Token: fakeToken}, nil, "clone file://"},
		{"missing repository on disk", fileURL(filepath.Join(tmp, "nope")), OpenOptions{Token: fakeToken, TempDir: tmp}, nil, "nope"},
		{"empty repository", fileURL(empty), OpenOptions{Token: fakeToken}, ErrNoCommits, "has no commits yet"},
		{"refused over http", credURL, OpenOptions{Token: fakeToken}, nil, "clone " + srv.URL + "/o/r.git"},
		{"not a url", "https://exa mple.com/o/r", OpenOptions{Token: fakeToken}, nil, "clone https://exa mple.com/o/r"},
		{"credentials in an unparsable url", "https://ada:" + fakeToken + "@exa mple.com/o/r", OpenOptions{}, nil, "clone https://exa mple.com/o/r"},
		{"token as user in an unparsable url", "https://" + fakeToken + "@exa mple.com/o/r", OpenOptions{}, nil, "clone https://exa mple.com/o/r"},
		{"unknown scheme", "gopher://example.com/o/r", OpenOptions{Token: fakeToken}, nil, "clone gopher://"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
			defer cancel()
			r, err := Clone(ctx, tc.url, tc.opt)
			if err == nil {
				_ = r.Close()
				t.Fatal("no error")
			}
			t.Log(err)
			if strings.Contains(err.Error(), fakeToken) {
				t.Errorf("token leaked: %v", err)
			}
			for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
				if strings.Contains(e.Error(), fakeToken) {
					t.Errorf("token leaked in the error chain: %v", e)
				}
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v is not %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.text) {
				t.Errorf("error %q does not mention %q", err, tc.text)
			}
		})
	}
	if n := dirEntries(t, tmp); n != 0 {
		t.Errorf("failed clones left %d entries in the temp dir", n)
	}
}

func TestCloneCancelled(t *testing.T) {
	needGit(t)
	src, _, _ := revisionRepo(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err := Clone(ctx, fileURL(src), OpenOptions{})
	if err == nil {
		_ = r.Close()
		t.Fatal("clone with a cancelled context succeeded")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v is not context.Canceled", err)
	}
}

func TestCloneOptions(t *testing.T) {
	auth := &githttp.BasicAuth{Username: "x-access-token", Password: fakeToken}
	ghes, err := ghhost.Parse("https://ghe.example.com")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		url, token string
		github     ghhost.Host
		want       *githttp.BasicAuth
	}{
		{"https://github.com/o/r", fakeToken, ghhost.Host{}, auth},
		{"HTTPS://github.com/o/r", fakeToken, ghhost.Host{}, auth},
		{"https://github.com/o/r", "", ghhost.Host{}, nil},
		{"http://github.com/o/r", fakeToken, ghhost.Host{}, nil},
		{"file:///srv/r", fakeToken, ghhost.Host{}, nil},
		{"git@github.com:o/r.git", fakeToken, ghhost.Host{}, nil},
		{"https://gitea.example/x/y", fakeToken, ghhost.Host{}, nil},
		{"https://ghe.example.com/o/r", fakeToken, ghhost.Host{}, nil},
		{"https://ghe.example.com/o/r", fakeToken, ghes, auth},
		{"https://gitea.example/x/y", fakeToken, ghes, nil},
		{"https://github.com/o/r", fakeToken, ghes, auth},
	} {
		co := cloneOptions(tc.url, tc.token, tc.github)
		var got *githttp.BasicAuth
		if co.Auth != nil {
			got, _ = co.Auth.(*githttp.BasicAuth)
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%s (GitHub %s): auth (-want +got):\n%s", tc.url, tc.github.Name(), d)
		}
		if co.URL != tc.url || co.Depth != 1 || !co.SingleBranch || !co.NoCheckout || co.Tags != git.NoTags ||
			co.RecurseSubmodules != git.NoRecurseSubmodules || co.Progress != nil {
			t.Errorf("%s: options %+v", tc.url, co)
		}
	}
	// Sanity: the view type stays an fs.FS with the optional interfaces.
	var _ fs.ReadDirFS = (*treeFS)(nil)
}

// TestCloneTokenScope clones from a local TLS server that records every
// Authorization header: a host that is not GitHub gets no credentials, and
// the same server named as the GitHub server gets them (so the recording
// would see a leak).
func TestCloneTokenScope(t *testing.T) {
	var mu sync.Mutex
	var auths []string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		auths = append(auths, r.Header.Get("Authorization"))
		mu.Unlock()
		w.Header().Set("WWW-Authenticate", `Basic realm="x"`)
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer srv.Close()
	// go-git's https transport, trusting the test server's certificate.
	// The protocol table is global: this test must not run in parallel.
	prev := client.Protocols["https"]
	client.InstallProtocol("https", githttp.NewClient(srv.Client()))
	t.Cleanup(func() { client.InstallProtocol("https", prev) })
	withToken := "Basic " + base64.StdEncoding.EncodeToString([]byte("x-access-token:"+fakeToken))

	named, err := ghhost.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		github   ghhost.Host
		wantAuth bool
	}{
		{"not GitHub", ghhost.Host{}, false},
		{"named GitHub server", named, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			auths = nil
			mu.Unlock()
			ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
			defer cancel()
			r, err := Clone(ctx, srv.URL+"/acme/repo", OpenOptions{Token: fakeToken, GitHub: tc.github})
			if err == nil {
				_ = r.Close()
				t.Fatal("clone from a server answering 401 succeeded")
			}
			if strings.Contains(err.Error(), fakeToken) {
				t.Errorf("error shows the token: %v", err)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(auths) == 0 {
				t.Fatal("the clone never reached the server: the test proves nothing")
			}
			sent := 0
			for _, a := range auths {
				switch a {
				case "":
				case withToken:
					sent++
				default:
					t.Errorf("unexpected Authorization %q", a)
				}
			}
			if tc.wantAuth != (sent > 0) {
				t.Errorf("%d of %d requests carried credentials (%q), want credentials %v", sent, len(auths), auths, tc.wantAuth)
			}
		})
	}
}
