// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package github is ospolint's one door to the GitHub API: listing an
// organisation's repositories, reading repository settings, rate limits
// waited out, transient faults retried and an on-disk ETag cache. go-github
// stays behind it: callers see only the types of this package and of checks.
package github

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/ospolint/ospolint/internal/ghhost"
	"github.com/ospolint/ospolint/internal/redact"
)

// DefaultURL is the API of github.com.
const DefaultURL = "https://api.github.com/"

// Endpoint is where the API is and which web host its repositories live on.
type Endpoint struct {
	// API is the REST API's base URL, ending in "/".
	API *url.URL
	// Host is the web host of the repositories ("github.com", or the GitHub
	// Enterprise Server host with its port): the only host, besides the API,
	// that may receive the token, and only over https.
	Host string
}

// ParseEndpoint reads a --github-url: empty or github.com for github.com, an
// API URL ("https://ghe.example/api/v3/"), or a GitHub Enterprise Server's
// web URL ("https://ghe.example/", to which api/v3/ is added as go-github
// does).
func ParseEndpoint(raw string) (Endpoint, error) {
	if strings.TrimSpace(raw) == "" {
		raw = DefaultURL
	}
	u, err := url.Parse(raw)
	if err != nil {
		return Endpoint{}, fmt.Errorf("--github-url %s: %w", redact.URL(raw), errors.Unwrap(err))
	}
	if u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return Endpoint{}, fmt.Errorf("--github-url %s: want an http or https URL", redact.URL(raw))
	}
	if u.User != nil {
		return Endpoint{}, fmt.Errorf("--github-url %s: must not carry credentials (the token comes from GITHUB_TOKEN or GH_TOKEN)", redact.URL(raw))
	}
	u.RawQuery, u.Fragment = "", ""
	host := strings.ToLower(u.Host)
	switch host {
	case "github.com", "www.github.com", "api.github.com":
		api, _ := url.Parse(DefaultURL)
		return Endpoint{API: api, Host: "github.com"}, nil
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	if !strings.HasSuffix(u.Path, "/api/v3/") {
		u.Path += "api/v3/"
	}
	return Endpoint{API: u, Host: host}, nil
}

// OnHost reports whether a clone URL is an https URL on the endpoint's web
// host: the only clone URLs the token goes to.
func (e Endpoint) OnHost(cloneURL string) bool {
	u, err := url.Parse(cloneURL)
	if err != nil || u.Scheme != "https" || u.User != nil {
		return false
	}
	return strings.EqualFold(u.Host, e.Host)
}

// GitHub is the endpoint's server as repo.Clone takes it (internal/ghhost),
// so the clone itself also refuses the token to any other host.
func (e Endpoint) GitHub() ghhost.Host {
	h, err := ghhost.Parse("https://" + e.Host)
	if err != nil {
		return ghhost.Host{}
	}
	return h
}

// RepoOf reads OWNER/NAME from a repository URL on the endpoint's web host
// (https://github.com/acme/svc, .../svc.git, git@github.com:acme/svc.git);
// ok is false for other hosts and other shapes.
func (e Endpoint) RepoOf(raw string) (owner, name string, ok bool) {
	var host, p string
	if rest, found := strings.CutPrefix(raw, "git@"); found && !strings.Contains(raw, "://") {
		host, p, _ = strings.Cut(rest, ":")
	} else {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			return "", "", false
		}
		host, p = u.Host, u.Path
		if u.Scheme == "ssh" {
			host = u.Hostname()
		}
	}
	if !strings.EqualFold(host, e.Host) && (e.Host != "github.com" || !strings.EqualFold(host, "www.github.com")) {
		return "", "", false
	}
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if len(parts) != 2 {
		return "", "", false
	}
	owner, name = parts[0], strings.TrimSuffix(parts[1], ".git")
	if !ValidName(owner) || !ValidName(name) {
		return "", "", false
	}
	return owner, name, true
}

// ValidName reports whether s can be a GitHub owner or repository name:
// letters, digits, '-', '_' and '.', and not "." or "..". Names from the API
// become file names, so anything else is refused.
func ValidName(s string) bool {
	if s == "" || s == "." || s == ".." || len(s) > 100 {
		return false
	}
	for _, r := range s {
		if !nameRune(r) {
			return false
		}
	}
	return true
}

func nameRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
}
