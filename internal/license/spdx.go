// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"bytes"
	"sort"
	"strings"

	"github.com/github/go-spdx/v2/spdxexp"
)

// gnuBare are the ids licensecheck gives for a GNU licence text. The text
// alone does not say whether the work is under that version only or "or
// any later version" (the notice in the source says that), and SPDX
// deprecated the bare ids, so they are resolved with evidence (see
// resolveGNU).
var gnuBare = map[string]bool{ //nolint:gochecknoglobals // immutable table
	"GPL-1.0": true, "GPL-2.0": true, "GPL-3.0": true,
	"LGPL-2.0": true, "LGPL-2.1": true, "LGPL-3.0": true,
	"AGPL-1.0": true, "AGPL-3.0": true,
	"GFDL-1.1": true, "GFDL-1.2": true, "GFDL-1.3": true,
}

// renamed maps licensecheck ids that are not current SPDX ids.
var renamed = map[string]string{ //nolint:gochecknoglobals // immutable table
	"GPL-2.0-or-3.0": "GPL-2.0-only OR GPL-3.0-only",
	"bzip2-1.0.5":    "bzip2-1.0.6", // SPDX deprecated 1.0.5: same text
}

// evidence is what a repository says about the GNU licence versions it
// uses: key is a bare id (GPL-2.0), value the suffix stated.
type evidence struct {
	later, only map[string]string // bare id -> where it was read
}

func newEvidence() evidence {
	return evidence{later: map[string]string{}, only: map[string]string{}}
}

func (e evidence) merge(o evidence) {
	for k, v := range o.later {
		if _, ok := e.later[k]; !ok {
			e.later[k] = v
		}
	}
	for k, v := range o.only {
		if _, ok := e.only[k]; !ok {
			e.only[k] = v
		}
	}
}

// noteID records a suffixed GNU id (GPL-2.0-or-later, GPL-2.0+) as evidence.
func (e evidence) noteID(id, where string) {
	base, suffix := splitGNU(id)
	if base == "" {
		return
	}
	switch suffix {
	case "later":
		if _, ok := e.later[base]; !ok {
			e.later[base] = where
		}
	case "only":
		if _, ok := e.only[base]; !ok {
			e.only[base] = where
		}
	}
}

// splitGNU reads GPL-2.0-or-later, GPL-2.0+ and GPL-2.0-only as the bare id
// and "later" or "only".
func splitGNU(id string) (string, string) {
	for _, s := range []struct{ suffix, kind string }{{"-or-later", "later"}, {"+", "later"}, {"-only", "only"}} {
		if b, ok := strings.CutSuffix(id, s.suffix); ok && gnuBare[b] {
			return b, s.kind
		}
	}
	return "", ""
}

var (
	reSPDXGNU = lazy(`(?i)\b(a|l)?(gpl|gfdl)-(\d\.\d)(-or-later|\+|-only)`)                                                                                                                //nolint:gochecknoglobals // compiled on first use, immutable
	reAbbrGNU = lazy(`(?i)\b(a|l)?gpl\s?v?(\d)(?:\.(\d))?(\+|\s*,?\s*or\s*(?:any\s+)?later|\s*-?\s*only\b)`)                                                                               //nolint:gochecknoglobals // compiled on first use, immutable
	reProse   = lazy(`(?i)((?:affero|lesser|library|free documentation)?\s*general public licen[cs]e|free documentation licen[cs]e|\b[al]?gpl\b)[^.;]{0,240}?\bversion\s+(\d)(?:\.(\d))?`) //nolint:gochecknoglobals // compiled on first use, immutable
	reLater   = lazy(`(?i)^[^.;]{0,80}?\bor\s+(?:\(at your option\)\s+|at your option\s+)?(?:any\s+)?later(?:\s+version)?\b`)                                                              //nolint:gochecknoglobals // compiled on first use, immutable
	reOnly    = lazy(`(?i)^[^.;(]{0,40}?\bonly\b`)                                                                                                                                         //nolint:gochecknoglobals // compiled on first use, immutable
)

// scanEvidence reads GNU version statements in prose: SPDX ids with a
// suffix, abbreviations (GPLv3+, LGPLv2.1 or later, GPLv2 only) and the
// notice wording ("either version 2 of the License, or (at your option) any
// later version"; "version 2 only").
func scanEvidence(s, where string, e evidence) {
	for _, w := range evidenceWindows(s) {
		scanWindow(s[w[0]:w[1]], where, e)
	}
}

// evidenceKeys are words (lower case) one of which every match of the
// evidence patterns holds.
var evidenceKeys = []string{"gpl", "gfdl", "general public licen", "documentation licen"} //nolint:gochecknoglobals // immutable table

// Every match of the evidence patterns lies within evidenceBefore bytes
// before one of its keys and evidenceAfter bytes after it (the longest
// prefix is "free documentation" and white space, the longest tail 240
// bytes to "version", its number and the 80 bytes read for "or later"),
// unless it spans a run of hundreds of blanks.
const (
	evidenceBefore = 320
	evidenceAfter  = 720
)

// evidenceWindows returns the stretches of s the evidence patterns need to
// read: whole lines around each key, merged where they overlap. Each starts
// after a newline (or at the start of s) and ends before one (or at its
// end), so word boundaries at their edges are read as in s. A README of
// 75 KB naming the GPL once is read around that line only: the patterns,
// which have no literal prefix for the regexp engine to look for, cost
// 35 ms over the whole of u-boot's README.
func evidenceWindows(s string) [][2]int {
	lower := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	var hits []int
	for _, k := range evidenceKeys {
		for off := 0; ; {
			i := bytes.Index(lower[off:], []byte(k))
			if i < 0 {
				break
			}
			hits = append(hits, off+i)
			off += i + len(k)
		}
	}
	if len(hits) == 0 {
		return nil
	}
	sort.Ints(hits)
	var out [][2]int
	for _, h := range hits {
		lo := strings.LastIndexByte(s[:max(0, h-evidenceBefore)], '\n') + 1
		hi := len(s)
		if at := h + evidenceAfter; at < len(s) {
			if j := strings.IndexByte(s[at:], '\n'); j >= 0 {
				hi = at + j
			}
		}
		if n := len(out); n > 0 && lo <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], hi)
			continue
		}
		out = append(out, [2]int{lo, hi})
	}
	return out
}

// scanWindow reads the evidence in one window of a text.
func scanWindow(s, where string, e evidence) {
	for _, m := range reSPDXGNU.get().FindAllStringSubmatch(s, -1) {
		fam := strings.ToUpper(m[1] + m[2])
		e.noteID(fam+"-"+m[3]+suffixOf(m[4]), where)
	}
	for _, m := range reAbbrGNU.get().FindAllStringSubmatch(s, -1) {
		minor := m[3]
		if minor == "" {
			minor = "0"
		}
		fam := strings.ToUpper(m[1]) + "GPL"
		e.noteID(fam+"-"+m[2]+"."+minor+suffixOf(m[4]), where)
	}
	for _, loc := range reProse.get().FindAllStringSubmatchIndex(s, -1) {
		name := strings.ToLower(s[loc[2]:loc[3]])
		major := s[loc[4]:loc[5]]
		minor := "0"
		if loc[6] >= 0 {
			minor = s[loc[6]:loc[7]]
		}
		fam := "GPL"
		switch {
		case strings.Contains(name, "affero") || strings.HasPrefix(strings.TrimSpace(name), "agpl"):
			fam = "AGPL"
		case strings.Contains(name, "lesser") || strings.Contains(name, "library") || strings.HasPrefix(strings.TrimSpace(name), "lgpl"):
			fam = "LGPL"
		case strings.Contains(name, "documentation"):
			fam = "GFDL"
		}
		if fam == "LGPL" && major == "2" && minor == "0" && !strings.Contains(name, "library") {
			minor = "1" // "Lesser" exists from 2.1 on
		}
		rest := s[loc[1]:]
		bare := fam + "-" + major + "." + minor
		switch {
		case reLater.get().MatchString(rest):
			e.noteID(bare+"-or-later", where)
		case reOnly.get().MatchString(rest):
			e.noteID(bare+"-only", where)
		}
	}
}

func suffixOf(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "+" || strings.Contains(s, "later"):
		return "-or-later"
	case strings.Contains(s, "only"):
		return "-only"
	}
	return ""
}

// resolveGNU turns a bare GNU id into a current SPDX id. With nothing said,
// it is read as "-only": that is what SPDX defined the deprecated bare id
// to mean, and "or later" is a grant a text alone does not make.
func resolveGNU(id string, ev evidence) (string, string) {
	later, hasLater := ev.later[id]
	only, hasOnly := ev.only[id]
	switch {
	case hasLater && hasOnly:
		return id + "-only", "both \"only\" (" + only + ") and \"or later\" (" + later + ") are stated for " + id + "; read as " + id + "-only"
	case hasLater:
		return id + "-or-later", "\"or any later version\" stated in " + later
	case hasOnly:
		return id + "-only", "\"only\" stated in " + only
	}
	return id + "-only", "the " + id + " text does not say whether later versions apply; read as " + id + "-only (add \"or later\" to the README or notices if meant)"
}

// spdxID maps a licensecheck id to a current SPDX id or expression; bare
// GNU ids are returned as they are for resolveGNU. Ids SPDX does not know
// become LicenseRef- ids.
func spdxID(id string) string {
	if gnuBare[id] {
		return id
	}
	if r, ok := renamed[id]; ok {
		return r
	}
	if ok, canon := spdxexp.ActiveLicense(id); ok {
		return canon
	}
	return "LicenseRef-" + refSafe(id)
}

func refSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

func spdxexpActive(id string) (bool, string) { return spdxexp.ActiveLicense(id) }

// valid reports whether expr is a valid SPDX expression of current ids.
func valid(expr string) bool {
	if expr == NoAssertion {
		return true
	}
	ok, _ := spdxexp.ValidateLicensesWithOptions([]string{expr}, spdxexp.ValidateLicensesOptions{FailDeprecatedLicenses: true})
	return ok
}

// join combines expressions with AND or OR: duplicates go, parts joined
// with the same operator are flattened, others get parentheses, and the
// order is sorted so the result is stable.
func join(op string, parts []string) string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	other := " OR "
	if op == "OR" {
		other = " AND "
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if !strings.Contains(p, other) && !strings.Contains(p, "(") {
			for _, q := range strings.Split(p, " "+op+" ") {
				add(strings.TrimSpace(q))
			}
			continue
		}
		add(p)
	}
	sort.Strings(out)
	if len(out) == 1 {
		return out[0]
	}
	for i, p := range out {
		if strings.Contains(p, " ") {
			out[i] = "(" + p + ")"
		}
	}
	return strings.Join(out, " "+op+" ")
}

// declared reads the SPDX expression of a declaration ("SPDX-License-
// Identifier: MIT OR Apache-2.0") or a manifest field, normalised; "" when
// it is not a valid expression. Deprecated GNU ids are read the SPDX way
// (GPL-2.0+ is GPL-2.0-or-later, GPL-2.0 is GPL-2.0-only).
func declared(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, `"'*;,.`)
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "-->"))
	if s == "" || len(s) > 300 {
		return ""
	}
	norm, bad := spdxexp.ValidateAndNormalizeLicensesWithOptions([]string{s}, spdxexp.ValidateLicensesOptions{})
	if len(bad) > 0 || len(norm) != 1 {
		return ""
	}
	var out []string
	for _, tok := range strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(norm[0])) {
		switch {
		case strings.HasSuffix(tok, "+") && gnuBare[strings.TrimSuffix(tok, "+")]:
			tok = strings.TrimSuffix(tok, "+") + "-or-later"
		case gnuBare[tok]:
			tok += "-only"
		default:
			if ok, canon := spdxexp.ActiveLicense(tok); ok {
				tok = canon
			}
		}
		out = append(out, tok)
	}
	e := strings.NewReplacer("( ", "(", " )", ")").Replace(strings.Join(out, " "))
	if !valid(e) {
		return ""
	}
	return e
}

// A licenceName recognises a licence named in prose.
type licenceName struct {
	re *lazyRE
	id string // "" when the id is built from the match (GNU family)
}

// names are matched in order; a span claimed by one is not read again, so
// "BSD 3-Clause" is not also read as "BSD".
var names = []licenceName{ //nolint:gochecknoglobals // immutable table
	{lazy(`(?i)\bapache(?:\s+software)?(?:\s+licen[cs]e)?,?\s*(?:version\s*|v\.?\s*)?2(?:\.0)?\b|\bASL\s*v?2(?:\.0)?\b`), "Apache-2.0"},
	{lazy(`(?i)\bMIT[- ]0\b|\bMIT No Attribution\b`), "MIT-0"},
	{lazy(`\bMIT\b|(?i)\bthe\s+mit\s+licen[cs]e\b|\bExpat\s+licen[cs]e\b`), "MIT"},
	{lazy(`(?i)\b0BSD\b|\bzero[- ]clause\s+BSD\b|\bBSD[- ]zero[- ]clause\b`), "0BSD"},
	{lazy(`(?i)\bBSD[- ]?3[- ]?clause\b|\b3[- ]clause\s+BSD\b|\b(?:new|modified|revised)\s+BSD\b|\bBSD[- ]new\b`), "BSD-3-Clause"},
	{lazy(`(?i)\bBSD[- ]?2[- ]?clause\b|\b2[- ]clause\s+BSD\b|\bsimplified\s+BSD\b|\bFreeBSD\s+licen[cs]e\b`), "BSD-2-Clause"},
	{lazy(`\bISC\b`), "ISC"},
	{lazy(`(?i)\bmozilla\s+public\s+licen[cs]e,?\s*(?:v(?:ersion)?\.?\s*)?2(?:\.0)?\b|\bMPL[- ]?v?2(?:\.0)?\b`), "MPL-2.0"},
	{lazy(`(?i)\beclipse\s+public\s+licen[cs]e,?\s*(?:v(?:ersion)?\.?\s*|-\s*v\s*)?2(?:\.0)?\b|\bEPL[- ]?v?2(?:\.0)?\b`), "EPL-2.0"},
	{lazy(`(?i)\beclipse\s+public\s+licen[cs]e,?\s*(?:v(?:ersion)?\.?\s*|-\s*v\s*)?1(?:\.0)?\b|\bEPL[- ]?v?1(?:\.0)?\b`), "EPL-1.0"},
	{lazy(`(?i)\bthe\s+unlicen[cs]e\b|\bUnlicense\b`), "Unlicense"},
	{lazy(`(?i)\bCC0(?:[- ]1\.0)?\b|\bcreative\s+commons\s+zero\b`), "CC0-1.0"},
	{lazy(`(?i)\bCC[- ]BY[- ]SA[- ]4\.0\b|\bcreative\s+commons\s+attribution[- ]share\s?alike\s+4\.0\b`), "CC-BY-SA-4.0"},
	{lazy(`(?i)\bCC[- ]BY[- ]4\.0\b|\bcreative\s+commons\s+attribution\s+4\.0\b`), "CC-BY-4.0"},
	{lazy(`(?i)\bboost\s+software\s+licen[cs]e\b|\bBSL-1\.0\b`), "BSL-1.0"},
	{lazy(`(?i)\bzlib\s+licen[cs]e\b`), "Zlib"},
	{lazy(`(?i)\bEUPL[- ]?v?1\.2\b|\beuropean\s+union\s+public\s+licen[cs]e,?\s*(?:v(?:ersion)?\.?\s*)?1\.2\b`), "EUPL-1.2"},
	{lazy(`(?i)\bWTFPL\b`), "WTFPL"},
	{lazy(`(?i)\b(?:(?:gnu\s+)?(?:affero|lesser|library)?\s*general\s+public\s+licen[cs]e|[al]?gpl)(?:\s*,?\s*(?:v(?:ersion)?\.?\s*|-)?|[^.;]{0,160}?\bversion\s+)([123])(?:\.([01]))?`), ""},
}

// namesIn lists the SPDX ids of the licences a prose text names, in order
// of first mention. GNU licences get a suffix from the surrounding words,
// or stay bare for resolveGNU.
func namesIn(s string) []string {
	claimed := make([]bool, len(s))
	type hit struct {
		at int
		id string
	}
	var hits []hit
	ev := newEvidence()
	scanEvidence(s, "", ev)
	for _, n := range names {
		for _, loc := range n.re.get().FindAllStringSubmatchIndex(s, -1) {
			if claimedAny(claimed, loc[0], loc[1]) {
				continue
			}
			for i := loc[0]; i < loc[1]; i++ {
				claimed[i] = true
			}
			id := n.id
			if id == "" {
				id = gnuName(s[loc[0]:loc[1]], s[loc[2]:loc[3]], sub(s, loc[4], loc[5]))
				if id == "" {
					continue
				}
				if _, ok := ev.later[id]; ok {
					id += "-or-later"
				} else if _, ok := ev.only[id]; ok {
					id += "-only"
				}
			}
			hits = append(hits, hit{loc[0], id})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.id] {
			seen[h.id] = true
			out = append(out, h.id)
		}
	}
	return out
}

func sub(s string, a, b int) string {
	if a < 0 {
		return ""
	}
	return s[a:b]
}

func claimedAny(c []bool, a, b int) bool {
	for i := a; i < b; i++ {
		if c[i] {
			return true
		}
	}
	return false
}

func gnuName(all, major, minor string) string {
	l := strings.ToLower(all)
	fam := "GPL"
	switch {
	case strings.Contains(l, "affero") || strings.HasPrefix(l, "agpl"):
		fam = "AGPL"
	case strings.Contains(l, "lesser") || strings.Contains(l, "library") || strings.HasPrefix(l, "lgpl"):
		fam = "LGPL"
	}
	if minor == "" {
		minor = "0"
		if fam == "LGPL" && major == "2" && !strings.Contains(l, "library") {
			minor = "1"
		}
	}
	id := fam + "-" + major + "." + minor
	if !gnuBare[id] {
		return ""
	}
	return id
}

var (
	reDual      = lazy(`(?i)\bdual[- ]?licen[cs](?:ed|ing)\b|\bmulti[- ]?licen[cs]ed\b|\bat\s+(?:your|the\s+user'?s?|their)\s+(?:option|choice|discretion)\b|\b(?:your|their)\s+choice\s+of\b|\beither\s+(?:of\s+)?(?:the\s+)?(?:following|these|two|both|licen[cs]e)|\byou\s+(?:may|can)\s+(?:choose|select|pick)\b|\bunder\s+either\b|\bchoose\s+(?:either|between|one\s+of)\b`) //nolint:gochecknoglobals // compiled on first use, immutable
	reGNUOption = lazy(`(?i)either\s+version\s+[\d.]+[^.;]{0,120}?or\s*\(?at\s+your\s+option\)?\s*any\s+later\s+version|or\s*\(?at\s+your\s+option\)?\s*any\s+later\s+version`)                                                                                                                                                                                                    //nolint:gochecknoglobals // compiled on first use, immutable
)

// dualIntent reports a statement that the licensee may choose among the
// licences ("dual-licensed", "at your option", "either ... or"), leaving out
// the GNU "or (at your option) any later version" wording.
func dualIntent(s string) bool {
	if !reDual.get().MatchString(s) {
		return false
	}
	return reDual.get().MatchString(reGNUOption.get().ReplaceAllString(s, " "))
}
