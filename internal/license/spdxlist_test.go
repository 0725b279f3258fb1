// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"flag"
	"fmt"
	"sort"
	"testing"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// sweep runs the heavy sweeps over every text. Without it they classify a
// fixed sample (a third or a quarter), so that go test ./... stays quick;
// the figures come from bench/licid.sh, which sets it.
var sweep = flag.Bool("sweep", false, "classify every text of the heavy sweeps (mutations, corpus variants, licensecheck's texts) instead of a sample")

// sampled reports whether the i-th text of a heavy sweep is classified:
// every one with -sweep, one in every `every` without.
func sampled(i, every int) bool { return *sweep || i%every == 0 }

// accepted lists the expressions a list text of e may be reported as:
// its id, the canonical id of its word-for-word group and the group's
// other ids, its replacement when deprecated, GNU ids with either suffix.
func accepted(e spdxlist.Entry) map[string]bool {
	ok := map[string]bool{e.ID: true, e.Canonical: true}
	for _, s := range e.Same {
		ok[s] = true
	}
	if e.ReplacedBy != "" {
		ok[e.ReplacedBy] = true
	}
	if e.Deprecated && e.ReplacedBy == "" {
		// No current id says it: a LicenseRef is the honest answer.
		ok["LicenseRef-"+e.ID] = true
	}
	for id := range ok {
		if b, _ := splitGNU(id); b != "" {
			ok[b+"-only"], ok[b+"-or-later"] = true, true
		}
	}
	return ok
}

// TestSPDXLicenseList classifies the text of every licence of the SPDX
// License List (the 727 of 3.28, deprecated ones included) as a LICENSE
// file: each must be identified as its id or an equivalent. The target is
// 97%.
func TestSPDXLicenseList(t *testing.T) {
	t.Parallel()
	entries := spdxlist.Entries()
	n, right := 0, 0
	var misses []string
	for i, e := range entries {
		if e.Exception {
			continue
		}
		if testing.Short() && i%4 != 0 {
			continue
		}
		text, ok := spdxlist.Text(e.ID)
		if !ok {
			t.Fatalf("%s: no text", e.ID)
		}
		n++
		got := classifyOne("LICENSE", []byte(text))
		if accepted(e)[got.Expression] {
			right++
			continue
		}
		misses = append(misses, fmt.Sprintf("%s: got %s (%s)", e.ID, got.Expression, got.Note))
	}
	sort.Strings(misses)
	for _, m := range misses {
		t.Log("miss: " + m)
	}
	acc := float64(right) / float64(n)
	t.Logf("SPDX License List %s: %d licence texts, %d identified as their id or an equivalent (%.1f%%)", spdxlist.Version(), n, right, acc*100)
	if acc < 0.97 {
		t.Errorf("%.1f%% of the list's texts identified, want at least 97%%", acc*100)
	}
}

func classifyOne(name string, text []byte) File {
	c := classify(name, text, fullOrFast)
	c.Expression, c.Note = c.resolve(c.ev)
	return c.File
}

// TestSPDXListMutations: every licence text of the list with a clause
// changed, a restriction inserted in its middle or one above it is never
// reported as that licence (nor its equivalents). Without -sweep one
// licence in twenty is taken.
func TestSPDXListMutations(t *testing.T) {
	t.Parallel()
	n, licences, claimed := 0, 0, 0
	for i, e := range spdxlist.Entries() {
		if e.Exception || !sampled(i, 20) {
			continue
		}
		text, ok := spdxlist.Text(e.ID)
		if !ok {
			t.Fatalf("%s: no text", e.ID)
		}
		licences++
		b := []byte(text)
		base := accepted(e)
		for what, m := range map[string][]byte{
			"a clause changed":             changeClause(b),
			"a restriction inserted":       insertMiddle(b, "The Software shall not be used for military purposes."),
			"not for commercial use above": append([]byte("Not for commercial use.\n\n"), b...),
		} {
			n++
			got := classifyOne("LICENSE", m)
			for _, part := range exprIDs(got.Expression) {
				if base[part] {
					claimed++
					t.Errorf("%s, %s: reported as %s", e.ID, what, got.Expression)
					break
				}
			}
		}
	}
	t.Logf("%d mutated texts of %d licences of the SPDX list; reported as their licence: %d", n, licences, claimed)
}
