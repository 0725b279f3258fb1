// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package github

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/gofri/go-github-ratelimit/v2/github_ratelimit/github_secondary_ratelimit"
	gh "github.com/google/go-github/v62/github"

	"github.com/ospolint/ospolint/internal/redact"
)

// Options configure a Client.
type Options struct {
	Endpoint Endpoint
	// Token authenticates API requests (never printed, never cached).
	Token string
	// CacheDir holds the ETag cache ("" = none).
	CacheDir string
	// Retry tunes retries and rate-limit waits (zero = DefaultRetry).
	Retry Retry
	// Logf receives one line per wait and retry (nil = silent).
	Logf func(format string, args ...any)
	// Transport is the network (nil = a default transport with timeouts).
	Transport http.RoundTripper
	// PerPage is the listing's page size (default and most: 100).
	PerPage int
}

// Client talks to one GitHub API with one token.
type Client struct {
	gh      *gh.Client
	ep      Endpoint
	token   string
	stats   *Stats
	perPage int
}

// New builds a client. Requests go through, from the top: go-github, the
// secondary rate-limit waiter (Retry-After), the primary limiter and retries
// of transient faults, the ETag cache and request counter, the network.
func New(opt Options) *Client {
	if opt.Retry.Attempts == 0 {
		opt.Retry = DefaultRetry()
	}
	logf := opt.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	// Whatever is logged passes through the redactor: a URL or error
	// carrying the token never reaches the terminal.
	safeLog := func(format string, args ...any) { logf("%s", redact.String(fmt.Sprintf(format, args...), opt.Token)) }
	base := opt.Transport
	if base == nil {
		base = defaultTransport()
	}
	stats := &Stats{}
	lim := &limiter{base: &cache{base: base, dir: opt.CacheDir, stats: stats}, retry: opt.Retry, logf: safeLog, now: time.Now}
	secondary := github_secondary_ratelimit.New(lim,
		github_secondary_ratelimit.WithSingleSleepLimit(opt.Retry.MaxWait, nil),
		github_secondary_ratelimit.WithLimitDetectedCallback(func(cc *github_secondary_ratelimit.CallbackContext) {
			if cc.ResetTime != nil {
				safeLog("GitHub API: secondary rate limit; waiting until %s (Retry-After)", cc.ResetTime.Format(time.TimeOnly))
			}
		}),
	)
	c := gh.NewClient(&http.Client{Transport: secondary})
	if opt.Token != "" {
		c = c.WithAuthToken(opt.Token)
	}
	api := *opt.Endpoint.API
	c.BaseURL = &api
	up := api
	c.UploadURL = &up
	if opt.PerPage <= 0 || opt.PerPage > 100 {
		opt.PerPage = 100
	}
	return &Client{gh: c, ep: opt.Endpoint, token: opt.Token, stats: stats, perPage: opt.PerPage}
}

func defaultTransport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 90 * time.Second
	t.MaxIdleConnsPerHost = 16
	t.DialContext = (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	return t
}

// Endpoint is the API the client talks to.
func (c *Client) Endpoint() Endpoint { return c.ep }

// HasToken reports whether requests are authenticated.
func (c *Client) HasToken() bool { return c.token != "" }

// CloneToken is the token for a clone URL: only for https URLs on the API's
// own web host, "" for any other host, scheme or local path.
func (c *Client) CloneToken(cloneURL string) string {
	if c.ep.OnHost(cloneURL) {
		return c.token
	}
	return ""
}

// Redact removes the token, and credentials in URLs, from s.
func (c *Client) Redact(s string) string { return redact.String(s, c.token) }

// Stats are the client's request counts.
func (c *Client) Stats() *Stats { return c.stats }

// APIError is an answer of the API that is not a success, with a message
// safe to print.
type APIError struct {
	Status int
	msg    string
}

func (e *APIError) Error() string { return e.msg }

// IsNotFound reports a 404 (no such thing, or no permission to see it:
// GitHub does not say which).
func IsNotFound(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Status == http.StatusNotFound
}

// IsForbidden reports a 401 or 403 that is not a rate limit.
func IsForbidden(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && (ae.Status == http.StatusForbidden || ae.Status == http.StatusUnauthorized)
}

// apiErr turns a go-github error into one that names what was asked and
// carries no token: go-github errors print the request URL (never the
// token, which travels in a header), and the redactor removes any token
// that a server echoed.
func (c *Client) apiErr(what string, resp *gh.Response, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", what, err)
	}
	status := 0
	if resp != nil && resp.Response != nil {
		status = resp.StatusCode
	}
	msg := err.Error()
	var er *gh.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		msg = fmt.Sprintf("%d %s", er.Response.StatusCode, strings.TrimSpace(er.Message))
	}
	return &APIError{Status: status, msg: what + ": " + redact.String(msg, c.token)}
}
