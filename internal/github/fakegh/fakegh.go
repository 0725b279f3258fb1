// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package fakegh is a fake GitHub REST API for tests, served with
// net/http/httptest on loopback: a paginated organisation, repository
// settings (rulesets, classic protection, private vulnerability reporting,
// Dependabot alerts), ETags and 304s, rate-limit headers, and injected
// faults (a secondary limit with Retry-After, a used-up primary limit,
// transient 502s). Only tests import it.
package fakegh

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Repo is one repository of the fake organisation.
type Repo struct {
	Name       string
	CloneURL   string
	Visibility string // default public
	Fork       bool
	Archived   bool
	Topics     []string
	Language   string
	Admin      bool // the token's admin permission
	Empty      bool // no commits yet (size 0)
	Disabled   bool
	// Settings.
	RulesetReviews   int  // approvals a ruleset requires on the default branch (0 = no such rule)
	ProtectedReviews int  // approvals classic protection requires (0 = none)
	Protected        bool // the default branch has classic protection
	PVR              bool
	Alerts           bool
}

// Server is the fake API. Fields are set before Start; counters are safe to
// read while it runs.
type Server struct {
	Org   string
	Repos []Repo
	// Token is required (as "Bearer TOKEN") when set; other requests get 401.
	Token string
	// SecondaryOnPage answers the first request for that listing page with
	// a secondary rate limit (403 and Retry-After: 1).
	SecondaryOnPage int
	// PrimaryOnPage answers the first request for that listing page with
	// an exhausted primary limit that resets in a second.
	PrimaryOnPage int
	// FailPage answers every request for that listing page with 500.
	FailPage int
	// FlakyPrefix answers the first request to every /repos/ORG/NAME path
	// whose NAME has this prefix with 502.
	FlakyPrefix string
	// NoETags turns conditional requests off.
	NoETags bool

	*httptest.Server

	mu          sync.Mutex
	seen        map[string]bool
	requests    int
	notModified int
	byPath      map[string]int
	authHeaders []string
}

// Start serves the API on loopback; the caller closes it.
func (s *Server) Start() *Server {
	s.seen = map[string]bool{}
	s.byPath = map[string]int{}
	sort.Slice(s.Repos, func(i, j int) bool { return strings.ToLower(s.Repos[i].Name) < strings.ToLower(s.Repos[j].Name) })
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// APIURL is the URL for --github-url (the fake also answers under /api/v3).
func (s *Server) APIURL() string { return s.URL + "/" }

// Counts returns the requests served and how many were 304.
func (s *Server) Counts() (requests, notModified int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests, s.notModified
}

// PathCounts returns the requests per path kind ("list", "repo", "rules",
// "branch", "protection", "pvr", "alerts", "other").
func (s *Server) PathCounts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.byPath {
		out[k] = v
	}
	return out
}

// ResetCounts zeroes the counters.
func (s *Server) ResetCounts() {
	s.mu.Lock()
	s.requests, s.notModified = 0, 0
	s.byPath = map[string]int{}
	s.mu.Unlock()
}

// AuthHeaders returns every Authorization header received.
func (s *Server) AuthHeaders() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.authHeaders...)
}

func (s *Server) first(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen[key] {
		return false
	}
	s.seen[key] = true
	return true
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.Path, "/api/v3")
	s.mu.Lock()
	s.requests++
	if a := r.Header.Get("Authorization"); a != "" {
		s.authHeaders = append(s.authHeaders, a)
	}
	s.mu.Unlock()
	h := w.Header()
	h.Set("X-RateLimit-Limit", "5000")
	h.Set("X-RateLimit-Remaining", "4000")
	h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
	if s.Token != "" && r.Header.Get("Authorization") != "Bearer "+s.Token {
		s.count("unauthorized")
		writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Bad credentials"})
		return
	}
	parts := strings.Split(strings.Trim(p, "/"), "/")
	switch {
	case len(parts) == 3 && (parts[0] == "orgs" || parts[0] == "users") && parts[1] == s.Org && parts[2] == "repos":
		s.count("list")
		s.list(w, r)
		return
	case len(parts) >= 3 && parts[0] == "repos" && parts[1] == s.Org:
		if s.FlakyPrefix != "" && strings.HasPrefix(parts[2], s.FlakyPrefix) && s.first(p) {
			s.count("502")
			writeJSON(w, http.StatusBadGateway, map[string]string{"message": "Bad Gateway"})
			return
		}
		repo, ok := s.repo(parts[2])
		if !ok {
			s.count("other")
			notFound(w)
			return
		}
		s.repoPath(w, r, repo, parts[3:])
		return
	}
	s.count("other")
	notFound(w)
}

func (s *Server) count(kind string) {
	s.mu.Lock()
	s.byPath[kind]++
	s.mu.Unlock()
}

func (s *Server) repo(name string) (Repo, bool) {
	for _, r := range s.Repos {
		if strings.EqualFold(r.Name, name) {
			return r, true
		}
	}
	return Repo{}, false
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	per, _ := strconv.Atoi(q.Get("per_page"))
	if per <= 0 {
		per = 30
	}
	page, _ := strconv.Atoi(q.Get("page"))
	if page <= 0 {
		page = 1
	}
	if page == s.SecondaryOnPage && s.first(fmt.Sprintf("secondary-%d", page)) {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			"documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"})
		return
	}
	if page == s.FailPage {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "Server Error"})
		return
	}
	if page == s.PrimaryOnPage && s.first(fmt.Sprintf("primary-%d", page)) {
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Second).Unix(), 10))
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "API rate limit exceeded", "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"})
		return
	}
	lo, hi := min((page-1)*per, len(s.Repos)), min(page*per, len(s.Repos))
	out := make([]map[string]any, 0, hi-lo)
	for _, rp := range s.Repos[lo:hi] {
		out = append(out, s.repoJSON(rp))
	}
	last := max((len(s.Repos)+per-1)/per, 1)
	base := "http://" + r.Host + r.URL.Path
	var links []string
	if page < last {
		links = append(links, fmt.Sprintf(`<%s?per_page=%d&page=%d>; rel="next"`, base, per, page+1))
	}
	links = append(links, fmt.Sprintf(`<%s?per_page=%d&page=%d>; rel="last"`, base, per, last))
	w.Header().Set("Link", strings.Join(links, ", "))
	s.conditional(w, r, out)
}

func (s *Server) repoJSON(rp Repo) map[string]any {
	vis := rp.Visibility
	if vis == "" {
		vis = "public"
	}
	size := 12
	if rp.Empty {
		size = 0
	}
	topics := rp.Topics
	if topics == nil {
		topics = []string{}
	}
	return map[string]any{
		"name": rp.Name, "full_name": s.Org + "/" + rp.Name, "owner": map[string]any{"login": s.Org, "type": "Organization"},
		"private": vis != "public", "visibility": vis, "fork": rp.Fork, "archived": rp.Archived, "disabled": rp.Disabled, "default_branch": "main",
		"clone_url": rp.CloneURL, "html_url": "https://github.example/" + s.Org + "/" + rp.Name,
		"pushed_at": "2026-11-01T00:00:00Z", "topics": topics, "language": rp.Language, "size": size,
		"permissions": map[string]bool{"admin": rp.Admin, "push": rp.Admin, "pull": true},
		"license":     map[string]any{"spdx_id": "MIT"},
	}
}

func (s *Server) repoPath(w http.ResponseWriter, r *http.Request, rp Repo, rest []string) {
	switch {
	case len(rest) == 0:
		s.count("repo")
		s.conditional(w, r, s.repoJSON(rp))
	case len(rest) == 3 && rest[0] == "rules" && rest[1] == "branches":
		s.count("rules")
		rules := []map[string]any{}
		if rp.RulesetReviews > 0 {
			rules = append(rules, map[string]any{"type": "pull_request", "ruleset_source_type": "Organization", "ruleset_source": s.Org, "ruleset_id": 42,
				"parameters": map[string]any{"required_approving_review_count": rp.RulesetReviews, "dismiss_stale_reviews_on_push": true}})
		}
		rules = append(rules, map[string]any{"type": "deletion", "ruleset_source_type": "Repository", "ruleset_source": s.Org + "/" + rp.Name, "ruleset_id": 7})
		s.conditional(w, r, rules)
	case len(rest) == 2 && rest[0] == "branches":
		s.count("branch")
		s.conditional(w, r, map[string]any{"name": rest[1], "protected": rp.Protected})
	case len(rest) == 3 && rest[0] == "branches" && rest[2] == "protection":
		s.count("protection")
		if !rp.Admin {
			notFound(w)
			return
		}
		if !rp.Protected {
			writeJSON(w, http.StatusNotFound, map[string]string{"message": "Branch not protected"})
			return
		}
		prot := map[string]any{"url": "x"}
		if rp.ProtectedReviews > 0 {
			prot["required_pull_request_reviews"] = map[string]any{"required_approving_review_count": rp.ProtectedReviews}
		}
		s.conditional(w, r, prot)
	case len(rest) == 1 && rest[0] == "private-vulnerability-reporting":
		s.count("pvr")
		s.conditional(w, r, map[string]bool{"enabled": rp.PVR})
	case len(rest) == 1 && rest[0] == "vulnerability-alerts":
		s.count("alerts")
		if !rp.Admin || !rp.Alerts {
			notFound(w)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		s.count("other")
		notFound(w)
	}
}

// conditional answers 200 with an ETag, or 304 when the client has it.
func (s *Server) conditional(w http.ResponseWriter, r *http.Request, v any) {
	body, _ := json.Marshal(v)
	if !s.NoETags {
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notModified++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

func notFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found", "documentation_url": "https://docs.github.com/rest"})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	body, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(body)
}
