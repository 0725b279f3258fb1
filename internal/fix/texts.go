// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/reuse"
)

// LicensesDir is where REUSE keeps licence texts, one per identifier.
const LicensesDir = "LICENSES"

// TextFunc gives the text of a licence or exception for LICENSES/<id>.txt,
// and where it comes from.
type TextFunc func(id string) (text []byte, from string, ok bool)

// TextSource gives a licence's text from the root licence file that holds
// exactly that licence (its words, with the project's copyright line), or
// else from builtin, the SPDX License List shipped with ospolint.
func TextSource(files []license.File, read func(path string) ([]byte, error), builtin func(id string) (string, bool)) TextFunc {
	return func(id string) ([]byte, string, bool) {
		for _, f := range files {
			if f.Expression != id || f.Error != "" || f.Source != "" || strings.Contains(f.Path, "/") {
				continue
			}
			if b, err := read(f.Path); err == nil && len(b) > 0 {
				return b, f.Path, true
			}
		}
		if builtin != nil {
			if s, ok := builtin(id); ok {
				return []byte(s), "the SPDX License List shipped with ospolint", true
			}
		}
		return nil, "", false
	}
}

// textKey is the LICENSES/ name REUSE looks for: the identifier as written,
// without a trailing "+" ("GPL-2.0+" is satisfied by GPL-2.0's text).
func textKey(id string) string { return strings.TrimSuffix(id, "+") }

// textChanges plans LICENSES/<id>.txt for each identifier in need that has
// no text among have. Identifiers off the SPDX list are left to the reuse-*
// findings; a LicenseRef- text is the project's to write.
func (t *Tree) textChanges(need, have []string, text TextFunc) ([]Change, []string) {
	got := map[string]bool{}
	for _, h := range have {
		got[h] = true
	}
	var changes []Change
	var skipped []string
	for _, id := range sorted(need) {
		key := textKey(id)
		if got[key] {
			continue
		}
		got[key] = true
		p := LicensesDir + "/" + key + ".txt"
		switch kind, _ := reuse.Classify(key); kind {
		case reuse.Known:
		case reuse.Ref:
			skipped = append(skipped, p+": the text of the project's own licence "+key+" is yours to write")
			continue
		case reuse.Deprecated:
			// Its text would be a deprecated licence in turn: the headers
			// are what needs changing, and fix leaves existing licence
			// statements as they are.
			skipped = append(skipped, fmt.Sprintf("%s: %s is deprecated on the SPDX licence list: in the files that name it, %s", p, id, successor(id)))
			continue
		default:
			continue // not an SPDX identifier: the reuse-bad-licenses finding says what to do
		}
		switch st, _, why := t.Inspect(p); st {
		case Regular:
			continue // there, though the scan did not count it (excluded)
		case Blocked:
			skipped = append(skipped, (&BlockedError{Path: p, Why: why}).Error())
			continue
		}
		if _, err := t.dirsToCreate(p); err != nil {
			skipped = append(skipped, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		var b []byte
		var from string
		ok := false
		if text != nil {
			b, from, ok = text(key)
		}
		if !ok {
			skipped = append(skipped, p+": no text of "+key+" at hand; add it (reuse download "+key+")")
			continue
		}
		changes = append(changes, Change{Path: p, New: b, Reason: "text of " + key + " (from " + from + ")"})
	}
	return changes, skipped
}

// licenseKeys are an expression's identifiers.
func licenseKeys(expr string) []string {
	keys := reuse.ParseExpression(expr).Keys
	sort.Strings(keys)
	return keys
}
