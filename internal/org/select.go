// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package org

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"
	"strings"

	"github.com/ospolint/ospolint/internal/github"
)

// Filter chooses which listed repositories are scanned.
type Filter struct {
	IncludeArchived bool
	IncludeForks    bool
	// Match, when set, must match the repository name.
	Match *regexp.Regexp
	// Topics must all be on the repository.
	Topics []string
	// Visibility is "" or "all" for any, else public, private or internal.
	Visibility string
}

// ParseVisibility checks a --visibility value.
func ParseVisibility(s string) (string, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "", "all":
		return "", nil
	case "public", "private", "internal":
		return v, nil
	}
	return "", fmt.Errorf("--visibility %q: want all, public, private or internal", s)
}

// Keep reports whether the filter keeps r.
func (f Filter) Keep(r github.Repo) bool {
	switch {
	case r.Archived && !f.IncludeArchived, r.Fork && !f.IncludeForks:
		return false
	case f.Match != nil && !f.Match.MatchString(r.Name):
		return false
	case f.Visibility != "" && !strings.EqualFold(r.Visibility, f.Visibility):
		return false
	}
	for _, want := range f.Topics {
		found := false
		for _, t := range r.Topics {
			if strings.EqualFold(t, want) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Shard is the K-th of N parts (1-based) of an organisation's repositories.
// The zero value is the whole organisation.
type Shard struct{ K, N int }

// ParseShard reads "K/N" with 1 <= K <= N.
func ParseShard(s string) (Shard, error) {
	if strings.TrimSpace(s) == "" {
		return Shard{}, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(strings.TrimSpace(ks))
	n, err2 := strconv.Atoi(strings.TrimSpace(ns))
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return Shard{}, fmt.Errorf("--shard %q: want K/N with 1 <= K <= N, e.g. 2/4", s)
	}
	return Shard{K: k, N: n}, nil
}

// Has reports whether a repository falls in the shard. The partition hangs
// on the repository's name alone (FNV-1a, case-folded as GitHub folds
// names), so it is stable across runs, pages and listing orders, and the N
// shards together hold every repository exactly once.
func (s Shard) Has(fullName string) bool {
	if s.N <= 1 {
		return true
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(strings.ToLower(fullName)))
	return int(h.Sum32()%uint32(s.N)) == s.K-1 //nolint:gosec // N is small and positive
}

// String is "K/N", or "" for the whole.
func (s Shard) String() string {
	if s.N <= 1 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.K, s.N)
}
