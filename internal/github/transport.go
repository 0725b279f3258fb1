// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package github

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Retry says how transient faults are retried.
type Retry struct {
	// Attempts is how many times a request is sent at most (5xx answers and
	// network errors count; rate-limit waits do not).
	Attempts int
	// Base is the first backoff; each retry doubles it, up to Max, with
	// jitter (a random half to all of it), so parallel workers spread out.
	Base, Max time.Duration
	// MaxWait is the longest a rate limit (primary reset, Retry-After) is
	// waited out in one go; a longer one fails the request.
	MaxWait time.Duration
}

// DefaultRetry is what the command line uses.
func DefaultRetry() Retry {
	return Retry{Attempts: 5, Base: 500 * time.Millisecond, Max: 30 * time.Second, MaxWait: 75 * time.Minute}
}

func (r Retry) backoff(attempt int) time.Duration {
	d := r.Base << min(attempt, 20)
	if d > r.Max || d <= 0 {
		d = r.Max
	}
	return d/2 + rand.N(d/2+1) //nolint:gosec // jitter, not a secret
}

// limiter is the transport below go-github and the secondary-limit waiter:
// it waits out the primary rate limit from its reset header, and retries
// 5xx answers and network errors with backoff. Only idempotent requests
// (GET, HEAD) are retried.
type limiter struct {
	base  http.RoundTripper
	retry Retry
	logf  func(format string, args ...any)
	now   func() time.Time

	mu      sync.Mutex
	resetAt time.Time // when the exhausted primary limit resets
}

// maxLimited bounds rate-limit answers in a row for one request, so a server
// that keeps refusing with a reset time in the past cannot loop forever.
const maxLimited = 8

// errWaitTooLong is returned when a rate limit would be waited past MaxWait.
var errWaitTooLong = errors.New("rate limit wait too long")

func (l *limiter) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	idempotent := req.Method == http.MethodGet || req.Method == http.MethodHead
	limited := 0 // rate-limit answers in a row
	for attempt := 0; ; attempt++ {
		if err := l.waitPrimary(ctx); err != nil {
			return nil, err
		}
		resp, err := l.base.RoundTrip(req)
		last := !idempotent || attempt+1 >= l.retry.Attempts
		if err != nil {
			if ctx.Err() != nil || last {
				return nil, err
			}
			d := l.retry.backoff(attempt)
			l.logf("GitHub API: %s %s failed (%v); retrying in %s", req.Method, req.URL.Path, err, d.Round(time.Millisecond))
			if err := sleep(ctx, d); err != nil {
				return nil, err
			}
			continue
		}
		refused := resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests
		reset, exhausted := primaryLimit(resp)
		if exhausted {
			l.setReset(reset)
		}
		if refused && idempotent && limited < maxLimited {
			// A primary limit is waited out in waitPrimary; a 429 with
			// Retry-After, from that header. A 403 with Retry-After is a
			// secondary limit for the waiter above (go-github-ratelimit),
			// which recognises GitHub's message.
			ra, hasRA := retryAfter(resp.Header)
			if exhausted || hasRA && resp.StatusCode == http.StatusTooManyRequests {
				limited++
				drain(resp)
				if !exhausted {
					if ra > l.retry.MaxWait {
						return nil, fmt.Errorf("GitHub API asks to retry %s after %s: %w", req.URL.Path, ra, errWaitTooLong)
					}
					l.logf("GitHub API: %s %s answered %d with Retry-After; waiting %s", req.Method, req.URL.Path, resp.StatusCode, ra)
					if err := sleep(ctx, ra); err != nil {
						return nil, err
					}
				}
				attempt-- // a rate-limit wait is not a failed attempt
				continue
			}
		}
		limited = 0
		// go-github remembers the budget of every answer not marked as
		// cached and, once it reads zero, fails later requests without
		// sending them (v62 has no public switch for that). The limiter
		// owns the budget: it waits instead, so the mark keeps go-github out.
		resp.Header.Set("X-From-Cache", "1")
		if !last && transient(resp.StatusCode) {
			d := l.retry.backoff(attempt)
			if ra, ok := retryAfter(resp.Header); ok && ra > d {
				d = ra
			}
			l.logf("GitHub API: %s %s answered %d; retrying in %s", req.Method, req.URL.Path, resp.StatusCode, d.Round(time.Millisecond))
			drain(resp)
			if err := sleep(ctx, d); err != nil {
				return nil, err
			}
			continue
		}
		return resp, nil
	}
}

// waitPrimary sleeps until an exhausted primary limit resets.
func (l *limiter) waitPrimary(ctx context.Context) error {
	l.mu.Lock()
	until := l.resetAt
	l.mu.Unlock()
	d := until.Sub(l.now())
	if d <= 0 {
		return nil
	}
	if d > l.retry.MaxWait {
		return fmt.Errorf("GitHub API primary rate limit resets at %s, more than %s away: %w", until.Format(time.TimeOnly), l.retry.MaxWait, errWaitTooLong)
	}
	l.logf("GitHub API: primary rate limit exhausted; waiting %s until it resets at %s", d.Round(time.Second), until.Format(time.TimeOnly))
	return sleep(ctx, d)
}

func (l *limiter) setReset(t time.Time) {
	l.mu.Lock()
	if t.After(l.resetAt) {
		l.resetAt = t
	}
	l.mu.Unlock()
}

// primaryLimit reports whether the answer says the primary limit is used up
// (X-RateLimit-Remaining: 0), and when it resets (a second of margin added:
// GitHub's clock and ours differ).
func primaryLimit(resp *http.Response) (time.Time, bool) {
	if resp.Header.Get("X-RateLimit-Remaining") != "0" {
		return time.Time{}, false
	}
	sec, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64)
	if err != nil {
		// No reset time: wait a minute, as GitHub's documentation advises.
		return time.Now().Add(time.Minute), true
	}
	return time.Unix(sec, 0).Add(time.Second), true
}

func transient(code int) bool {
	switch code {
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

func retryAfter(h http.Header) (time.Duration, bool) {
	s, err := strconv.Atoi(h.Get("Retry-After"))
	if err != nil || s < 0 {
		return 0, false
	}
	return time.Duration(s) * time.Second, true
}

// drain reads a little of a discarded answer so the connection is reused.
func drain(resp *http.Response) {
	_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
	_ = resp.Body.Close()
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
