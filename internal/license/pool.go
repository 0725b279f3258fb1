// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// The SPDX pool is the second tier: the patterns of every licence and
// exception on the SPDX License List (internal/spdxlist), for a text the
// small matcher cannot place. Like licensecheck's own set it is never
// compiled whole: a pattern is a candidate only when the text holds the
// rarest words it requires (kept in the list's data, so the prefilter reads
// no pattern), and only the candidates' patterns are read and run (lre.go),
// together with licensecheck's candidates.

type poolIndex struct {
	words []string  // required words, canonical form
	req   [][]int32 // per entry: indexes into words
	list  []string  // spdxlist id of each entry
	id    []string  // id reported for each entry (bare GNU ids as licensecheck gives them)
	size  []int     // words of each entry's text
	// listID maps a reported id to the list id of its pattern.
	listID map[string]string
	// exception marks the ids of exceptions (used after WITH).
	exception map[string]bool
	// names are the words of the names of every id, for titles.
	names map[string]map[string]bool
}

var (
	poolOnce sync.Once  //nolint:gochecknoglobals // lazily built, immutable afterwards
	poolIdx  *poolIndex //nolint:gochecknoglobals // see poolOnce
	// poolReady tells, without loading it, whether the pool is loaded.
	poolReady atomic.Bool //nolint:gochecknoglobals // see poolOnce
)

// pool loads the SPDX pool's index: metadata only, no pattern.
func pool() *poolIndex {
	poolOnce.Do(func() {
		ix := &poolIndex{listID: map[string]string{}, exception: map[string]bool{}, names: map[string]map[string]bool{}}
		vocab := wordTable{}
		for _, e := range spdxlist.Entries() {
			id := reportedID(e.Canonical)
			if ix.names[e.ID] == nil {
				ix.names[e.ID] = nameWords(e.Name, e.ID)
			}
			if ix.names[id] == nil {
				ix.names[id] = ix.names[e.ID]
			} else if id != e.ID {
				for w := range nameWords(e.Name, e.ID) {
					ix.names[id][w] = true
				}
			}
			if !e.Pattern {
				continue
			}
			if e.Exception {
				ix.exception[id] = true
			}
			var req []int32
			for _, w := range e.Required {
				req = append(req, vocab.number(canonical(foldWord(w))))
			}
			ix.listID[id] = e.ID
			ix.list = append(ix.list, e.ID)
			ix.id = append(ix.id, id)
			ix.req = append(ix.req, req)
			ix.size = append(ix.size, e.Words)
		}
		ix.words = vocab.words
		poolIdx = ix
		poolReady.Store(true)
	})
	return poolIdx
}

// reportedID is the id the analysis works with for a list id: the bare
// GNU id (GPL-2.0 for GPL-2.0-only) whose -only or -or-later the
// repository's notices decide, as for licensecheck's matches.
func reportedID(id string) string {
	if b, ok := strings.CutSuffix(id, "-only"); ok && gnuBare[b] {
		return b
	}
	return id
}

func nameWords(name, id string) map[string]bool {
	m := map[string]bool{}
	for _, w := range foldedWords(name + " " + id) {
		m[w] = true
	}
	return m
}

// poolCandidates are the pool's patterns whose rarest required words the
// text holds.
func poolCandidates(b bag) []candidate {
	ix := pool()
	var out []candidate
	for _, i := range holding(b, ix.words, ix.req) {
		out = append(out, candidate{id: ix.id[i], list: ix.list[i], words: ix.size[i]})
	}
	return out
}

// isException reports an exception id from the pool. Only a text that
// needed the pool can hold one, so the list is not loaded for others.
func isException(id string) bool {
	if !poolReady.Load() {
		return false
	}
	return pool().exception[id]
}

// ownName reports a heading made of the words of the names of the
// licences found ("Attribution-NonCommercial-ShareAlike 4.0 International"
// above CC-BY-NC-SA-4.0): it names the licence, it adds no term.
func ownName(line []byte, ids []string) bool {
	ws := foldedWords(string(line))
	if len(ws) == 0 || len(ws) > 16 {
		return false
	}
	ix := pool()
	var names []map[string]bool
	for _, id := range ids {
		if n := ix.names[id]; n != nil {
			names = append(names, n)
		}
		if n := ix.names[spdxID(id)]; n != nil {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return false
	}
	for _, w := range ws {
		ok := titleWords[w] || isNumber(w)
		for _, n := range names {
			ok = ok || n[w]
		}
		if !ok {
			return false
		}
	}
	return true
}

// rankCandidates keeps the max most specific candidates (the longest
// patterns) when a text could match too many: the text is then a long
// collection, and the licences it holds in full are the ones with the
// most words.
func rankCandidates(c []candidate, max int) []candidate {
	if len(c) <= max {
		return c
	}
	type ranked struct {
		c candidate
		i int
	}
	rs := make([]ranked, len(c))
	for i, x := range c {
		rs[i] = ranked{x, i}
	}
	sort.SliceStable(rs, func(a, b int) bool { return rs[a].c.words > rs[b].c.words })
	rs = rs[:max]
	sort.Slice(rs, func(a, b int) bool { return rs[a].i < rs[b].i })
	out := make([]candidate, len(rs))
	for i, r := range rs {
		out[i] = r.c
	}
	return out
}
