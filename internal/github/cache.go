// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package github

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"

	"github.com/ospolint/ospolint/internal/atomicfile"
)

// Stats counts what the client sent: requests that reached the network, and
// how many of them GitHub answered 304 Not Modified from the ETag cache
// (those do not count against the primary rate limit).
type Stats struct {
	Requests    atomic.Int64
	NotModified atomic.Int64
}

// maxCachedBody bounds one cached answer; the API's pages are far smaller.
const maxCachedBody = 16 << 20

// cache is the transport next to the network. It counts requests and, with a
// directory, makes GET requests conditional: an answer with an ETag is kept
// on disk, the next identical request carries If-None-Match, and a 304 is
// turned back into the kept answer. Entries are keyed by a hash of the URL,
// the Accept header and the credentials, so one token never reads what
// another one was shown; the token itself is never written.
type cache struct {
	base  http.RoundTripper
	dir   string // "" = count only
	stats *Stats
}

type cacheEntry struct {
	ETag         string      `json:"etag,omitempty"`
	LastModified string      `json:"lastModified,omitempty"`
	Status       int         `json:"status"`
	Header       http.Header `json:"header"`
	Body         []byte      `json:"body"`
}

func (c *cache) RoundTrip(req *http.Request) (*http.Response, error) {
	if c.dir == "" || req.Method != http.MethodGet {
		c.stats.Requests.Add(1)
		return c.base.RoundTrip(req)
	}
	file := c.path(req)
	old := c.load(file)
	out := req
	if old != nil {
		out = req.Clone(req.Context())
		if old.ETag != "" {
			out.Header.Set("If-None-Match", old.ETag)
		}
		if old.LastModified != "" {
			out.Header.Set("If-Modified-Since", old.LastModified)
		}
	}
	c.stats.Requests.Add(1)
	resp, err := c.base.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified && old != nil {
		c.stats.NotModified.Add(1)
		drain(resp)
		return old.response(req, resp.Header), nil
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") == "" && resp.Header.Get("Last-Modified") == "" {
		return resp, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxCachedBody+1))
	if err != nil {
		_ = resp.Body.Close()
		return nil, fmt.Errorf("read %s: %w", req.URL.Path, err)
	}
	if len(body) > maxCachedBody {
		// Too large to keep: the caller reads it whole all the same, what
		// was read first and then the rest.
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(body), resp.Body), resp.Body}
		return resp, nil
	}
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	c.store(file, &cacheEntry{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), Status: resp.StatusCode, Header: keptHeader(resp.Header), Body: body})
	return resp, nil
}

func (c *cache) path(req *http.Request) string {
	h := sha256.New()
	for _, s := range []string{req.URL.String(), req.Header.Get("Accept"), req.Header.Get("Authorization")} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	sum := hex.EncodeToString(h.Sum(nil))
	return filepath.Join(c.dir, sum[:2], sum+".json")
}

func (c *cache) load(file string) *cacheEntry {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.ETag == "" && e.LastModified == "" {
		return nil
	}
	return &e
}

// store writes an entry atomically; a cache that cannot be written only
// costs the next run its 304s.
func (c *cache) store(file string, e *cacheEntry) {
	data, err := json.Marshal(e)
	if err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return
	}
	// Private: the answers may describe private repositories.
	_ = atomicfile.Write(file, 0o600, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// response rebuilds the kept answer, with the rate-limit headers of the 304
// so the limiter above sees the current budget. X-From-Cache tells go-github
// not to take the kept answer's rate for the current one.
func (e *cacheEntry) response(req *http.Request, fresh http.Header) *http.Response {
	h := e.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	for _, k := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Used", "X-RateLimit-Resource"} {
		if v := fresh.Get(k); v != "" {
			h.Set(k, v)
		}
	}
	h.Set("X-From-Cache", "1")
	h.Set("Content-Length", strconv.Itoa(len(e.Body)))
	return &http.Response{
		Status:        strconv.Itoa(e.Status) + " " + http.StatusText(e.Status),
		StatusCode:    e.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(e.Body)),
		ContentLength: int64(len(e.Body)),
		Request:       req,
	}
}

// keptHeader is what is worth keeping of an answer: what go-github reads
// (pagination links, content type, rate headers) and the validators.
func keptHeader(h http.Header) http.Header {
	out := http.Header{}
	for _, k := range []string{"Content-Type", "Link", "ETag", "Last-Modified", "X-GitHub-Media-Type"} {
		if v := h.Values(k); len(v) > 0 {
			out[k] = v
		}
	}
	return out
}
