// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package ghhost decides where a GitHub token may go: to github.com (and its
// API host) and to the one GitHub server the user names — a GitHub
// Enterprise Server given by --github-url or GITHUB_SERVER_URL — over https
// only. Every place that attaches a token asks Host.Allows first, so a clone
// of https://gitea.example/x/y or a redirect target never sees it.
package ghhost

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/ospolint/ospolint/internal/redact"
)

// Public is github.com, where a token always may go.
const Public = "github.com"

// publicAPI is github.com's REST API host.
const publicAPI = "api.github.com"

// ErrBadURL is wrapped by Parse's errors.
var ErrBadURL = errors.New("invalid GitHub URL")

// Host is the GitHub server a token belongs to. The zero value is
// github.com.
type Host struct {
	// name is the lower-case host, with ":port" unless the port is 443;
	// "" for github.com.
	name string
}

// Parse reads a GitHub server URL as GITHUB_SERVER_URL and --github-url give
// it ("https://github.example.com", a trailing slash allowed). An empty
// string is github.com. Only https is accepted: a token must not travel in
// clear text.
func Parse(raw string) (Host, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return Host{}, nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return Host{}, fmt.Errorf("%w %q: want https://HOST", ErrBadURL, redact.URL(raw))
	}
	if !strings.EqualFold(u.Scheme, "https") {
		return Host{}, fmt.Errorf("%w %q: the token is sent over https only", ErrBadURL, redact.URL(raw))
	}
	if u.User != nil {
		return Host{}, fmt.Errorf("%w %q: no user or password in the URL (the token comes from GITHUB_TOKEN)", ErrBadURL, redact.URL(raw))
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return Host{}, fmt.Errorf("%w %q: give the server only (https://HOST), no path", ErrBadURL, redact.URL(raw))
	}
	name := hostKey(u)
	if name == "" {
		return Host{}, fmt.Errorf("%w %q: want https://HOST", ErrBadURL, redact.URL(raw))
	}
	if name == Public {
		return Host{}, nil
	}
	return Host{name: name}, nil
}

// Resolve picks the server from the --github-url flag, else from the
// GITHUB_SERVER_URL environment value, else github.com.
func Resolve(flag, env string) (Host, error) {
	if strings.TrimSpace(flag) != "" {
		h, err := Parse(flag)
		if err != nil {
			return Host{}, fmt.Errorf("--github-url: %w", err)
		}
		return h, nil
	}
	h, err := Parse(env)
	if err != nil {
		return Host{}, fmt.Errorf("GITHUB_SERVER_URL: %w", err)
	}
	return h, nil
}

// Allows reports whether a token may be sent with a request to rawURL: an
// https URL whose host is github.com, api.github.com or the server h names.
// Ports must match too (443 when none is given). Anything that does not
// parse is refused.
func (h Host) Allows(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil || !strings.EqualFold(u.Scheme, "https") {
		return false
	}
	name := hostKey(u)
	if name == "" {
		return false
	}
	if name == Public || name == publicAPI {
		return true
	}
	return h.name != "" && name == h.name
}

// Name is the server's host ("github.com" for the zero value).
func (h Host) Name() string {
	if h.name == "" {
		return Public
	}
	return h.name
}

// IsPublic reports whether h is github.com.
func (h Host) IsPublic() bool { return h.name == "" }

// APIURL is the REST API base URL of the server, with a trailing slash:
// https://api.github.com/ for github.com, https://HOST/api/v3/ for GitHub
// Enterprise Server.
func (h Host) APIURL() string {
	if h.name == "" {
		return "https://" + publicAPI + "/"
	}
	return "https://" + h.name + "/api/v3/"
}

// hostKey is the lower-case host of u, with ":port" unless the port is the
// https default; "" when u has no usable host.
func hostKey(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	if host == "" || strings.ContainsAny(host, " /\\@") {
		return ""
	}
	port := u.Port()
	if port == "" || port == "443" {
		if strings.Contains(host, ":") {
			return "[" + host + "]"
		}
		return host
	}
	return net.JoinHostPort(host, port)
}
