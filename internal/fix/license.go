// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/reuse"
	"github.com/ospolint/ospolint/internal/spdxlist"
)

// ValidateLicense checks an expression for new headers: SPDX grammar, and
// every identifier on the SPDX licence or exception list as spelt there and
// not deprecated, or a LicenseRef-. Anything else would make the headers
// fix writes a REUSE error of their own.
func ValidateLicense(expr string) error {
	e := reuse.ParseExpression(expr)
	if e.Invalid != "" {
		return fmt.Errorf("%q is not an SPDX licence expression: %s", expr, e.Invalid)
	}
	for _, key := range e.Keys {
		kind, canon := reuse.Classify(key)
		switch kind {
		case reuse.Known, reuse.Ref:
			continue
		case reuse.Miscased:
			return fmt.Errorf("%q: the SPDX licence list spells it %q", key, canon)
		case reuse.Deprecated:
			return fmt.Errorf("%q is deprecated on the SPDX licence list: %s", key, successor(key))
		}
		if strings.HasPrefix(key, "DocumentRef-") {
			return fmt.Errorf("%q refers to another SPDX document: use a LicenseRef- of this project", key)
		}
		return fmt.Errorf("%q is not on the SPDX licence list (https://spdx.org/licenses/): use its identifier there, or LicenseRef-<name> for a licence that is not listed", key)
	}
	return nil
}

// successor says what replaces a deprecated identifier (also in its "id+"
// form), from the SPDX License List shipped with ospolint.
func successor(id string) string {
	if r, ok := spdxlist.Replacement(id); ok {
		return "use " + r
	}
	return "use the identifier that replaced it (see https://spdx.org/licenses/)"
}

// Declared is a licence expression the project states, and where.
type Declared struct {
	Expression string
	From       string
}

// HeadersDeclare reads the expression most of the project's files carry
// (counts by expression, from the REUSE evaluation): it declares the
// project's licence when more than half of the files with licensing
// information use it.
func HeadersDeclare(counts map[string]int) (Declared, bool) {
	total, best, top := 0, "", 0
	for e, n := range counts {
		total += n
		if n > top || n == top && e < best {
			best, top = e, n
		}
	}
	if top == 0 || 2*top <= total {
		return Declared{}, false
	}
	return Declared{Expression: best, From: fmt.Sprintf("the licensing information of %d of %d files", top, total)}, true
}

// maxDeclaring caps the README and manifests read for licence statements.
const maxDeclaring = 512 << 10

// Declarations reads what the root package manifests' licence fields and
// the README's licence section say, manifests first (they are meant to hold
// SPDX expressions). The licence package reads them, as it does when a
// repository has no licence file; links are not followed.
func (t *Tree) Declarations() ([]Declared, error) {
	des, err := fs.ReadDir(t.root.FS(), ".")
	if err != nil {
		return nil, fmt.Errorf("read the root directory: %w", err)
	}
	var entries []repo.Entry
	for _, de := range des {
		name := de.Name()
		if !de.Type().IsRegular() || license.IsCandidate(name) {
			continue
		}
		if st, info, _ := t.Inspect(name); st == Regular && info.Size() <= maxDeclaring {
			entries = append(entries, repo.Entry{Path: name, Size: info.Size()})
		}
	}
	res := license.DetectProject(repo.NewIndex(entries), func(p string) ([]byte, error) {
		return t.ReadFile(p, maxDeclaring)
	})
	var out []Declared
	for _, src := range []string{license.SourceManifest, license.SourceReadme} {
		for _, s := range res.Signals {
			if s.Source == src && s.Expression != "" && s.Expression != license.NoAssertion && s.Confidence > 0 {
				out = append(out, Declared{Expression: s.Expression, From: s.Path})
			}
		}
	}
	return out, nil
}

// ChooseLicense picks the expression for new headers among what the project
// declares (in order of preference) and what its licence files hold
// (detected): the first valid declaration that names a licence the licence
// files hold, so a crate declaring "MIT OR Apache-2.0" keeps its choice even
// when its licence files alone read "Apache-2.0 AND MIT" or "MIT", and a
// project whose files say "Apache-2.0 OR GPL-2.0-or-later" beside a
// documentation licence (CC-BY-4.0 in LICENSE.docs) keeps the code's. A
// declaration sharing no licence with the files contradicts them and is
// passed over. Without one, the licence files decide; ok is false when
// nothing does. Notes say which declarations were passed over and why.
func ChooseLicense(detected string, decls []Declared) (d Declared, notes []string, ok bool) {
	var held []string
	if detected != "" && detected != license.NoAssertion {
		held = families(detected)
	}
	for _, d := range decls {
		if err := ValidateLicense(d.Expression); err != nil {
			notes = append(notes, fmt.Sprintf("%s declares %q, not used: %v", d.From, d.Expression, err))
			continue
		}
		if held != nil && !overlap(held, families(d.Expression)) {
			notes = append(notes, fmt.Sprintf("%s declares %q, not used: the licence files hold %s", d.From, d.Expression, detected))
			continue
		}
		return d, notes, true
	}
	if held != nil && ValidateLicense(detected) == nil {
		return Declared{Expression: detected, From: "the licence files"}, notes, true
	}
	files := "there is no licence file"
	switch {
	case detected == license.NoAssertion:
		files = "the licence files are not identified"
	case detected != "":
		files = fmt.Sprintf("the licence files' %q is not a valid expression for a header", detected)
	}
	notes = append(notes, "no licence for new headers: "+files+", and no expression is carried by more than half of the files, a root manifest or the README")
	return Declared{}, notes, false
}

// families are an expression's licence identifiers with the GNU suffixes
// ("-only", "-or-later", "+") taken off, sorted: GPL-2.0-or-later in a header
// names the licence of a GPL-2.0 text.
func families(expr string) []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range reuse.ParseExpression(expr).Keys {
		k = strings.TrimSuffix(k, "+")
		for _, s := range []string{"-or-later", "-only"} {
			k = strings.TrimSuffix(k, s)
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// overlap reports whether the sorted lists share an item.
func overlap(a, b []string) bool {
	for _, x := range a {
		if i := sort.SearchStrings(b, x); i < len(b) && b[i] == x {
			return true
		}
	}
	return false
}
