// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package licpolicy

import "strings"

// Category is a family of licences with similar obligations.
type Category string

// Categories, from the least to the most demanding for a user of the code.
const (
	// PublicDomain waives (almost) every right: CC0-1.0, Unlicense, 0BSD.
	PublicDomain Category = "public-domain"
	// Permissive asks for attribution and little else: MIT, Apache-2.0.
	Permissive Category = "permissive"
	// WeakCopyleft keeps changes to the licensed files open but lets them be
	// combined with other code: LGPL, MPL, EPL.
	WeakCopyleft Category = "weak-copyleft"
	// StrongCopyleft extends to the whole work it is combined into: GPL.
	StrongCopyleft Category = "strong-copyleft"
	// NetworkCopyleft also applies when the software is used over a
	// network: AGPL, OSL, EUPL.
	NetworkCopyleft Category = "network-copyleft"
	// NonCommercial forbids commercial use: CC-BY-NC-*, PolyForm
	// Noncommercial.
	NonCommercial Category = "non-commercial"
	// SourceAvailable shows the source under restrictions that make it not
	// open source: BUSL-1.1, SSPL-1.0, Elastic-2.0, no-derivatives licences.
	SourceAvailable Category = "source-available"
	// Proprietary is a custom licence (LicenseRef-*) or none at all
	// (npm's UNLICENSED, Composer's proprietary, SPDX NONE).
	Proprietary Category = "proprietary"
	// Unknown is a licence that was not identified (NOASSERTION) or that the
	// table does not sort.
	Unknown Category = "unknown"
)

// Categories lists every category, least demanding first.
func Categories() []Category {
	return []Category{PublicDomain, Permissive, WeakCopyleft, StrongCopyleft, NetworkCopyleft, NonCommercial, SourceAvailable, Proprietary, Unknown}
}

// ParseCategory reads a category name (case-insensitive).
func ParseCategory(s string) (Category, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, c := range Categories() {
		if string(c) == s {
			return c, true
		}
	}
	return "", false
}

// builtin sorts the common ids of the SPDX licence list. Ids with -only and
// -or-later variants are listed once, by their stem; the deprecated bare ids
// (GPL-2.0) follow the stem. The sorting follows the licences' own terms as
// commonly read (OSI, FSF and ScanCode categories agree on these).
func builtin() map[Category][]string {
	return map[Category][]string{
		PublicDomain: {
			"0BSD", "CC0-1.0", "Unlicense", "MIT-0", "PDDL-1.0", "blessing", "SAX-PD", "CC-PDDC",
			"libselinux-1.0",
		},
		Permissive: {
			"MIT", "MIT-CMU", "MIT-Modern-Variant", "MIT-advertising", "MIT-enna", "MIT-feh", "MIT-open-group",
			"MITNFA", "X11", "ISC", "Apache-1.0", "Apache-1.1", "Apache-2.0",
			"BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-2-Clause-Views", "BSD-3-Clause",
			"BSD-3-Clause-Clear", "BSD-3-Clause-LBNL", "BSD-3-Clause-Modification", "BSD-3-Clause-No-Nuclear-License",
			"BSD-3-Clause-No-Nuclear-Warranty", "BSD-3-Clause-Open-MPI", "BSD-3-Clause-Attribution", "BSD-4-Clause",
			"BSD-4-Clause-UC", "BSD-Source-Code", "BSL-1.0", "Zlib", "zlib-acknowledgement", "Libpng", "libpng-2.0",
			"PSF-2.0", "Python-2.0", "Python-2.0.1", "CNRI-Python", "PHP-3.0", "PHP-3.01", "Ruby",
			"AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "AAL", "ECL-1.0", "ECL-2.0", "EFL-1.0", "EFL-2.0",
			"Fair", "FSFAP", "FSFUL", "FSFULLR", "HPND", "HPND-sell-variant", "ICU", "IJG", "Info-ZIP", "Intel",
			"JasPer-2.0", "MirOS", "MulanPSL-1.0", "MulanPSL-2.0", "Naumen", "NCSA", "NTP", "OLDAP-2.8", "OpenSSL",
			"PostgreSQL", "UPL-1.0", "Unicode-DFS-2015", "Unicode-DFS-2016", "Unicode-3.0", "W3C", "W3C-20150513",
			"WTFPL", "Xnet", "ZPL-2.0", "ZPL-2.1", "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0",
			"BlueOak-1.0.0", "curl", "Spencer-94", "TCL", "Vim", "bzip2-1.0.6", "Beerware", "EUDatagrid", "Entessa",
			"Multics", "ODC-By-1.0", "MS-PL", "SGI-B-2.0", "Sendmail", "SMLNJ", "Jam", "Linux-OpenIB", "NIST-PD",
			"OLDAP-2.7", "Xerox", "Zed", "ZPL-1.1", "CECILL-B", "Cube", "DOC", "Glulxe", "ImageMagick",
			"Minpack", "Unicode-TOU", "HPND-Markus-Kuhn", "X11-distribute-modifications-variant", "ISC-Veillard",
			"Boehm-GC", "NLOD-1.0", "LPPL-1.3c", "Artistic-1.0-Perl", "Artistic-2.0", "ClArtistic",
		},
		WeakCopyleft: {
			"LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "LGPLLR", "MPL-1.0", "MPL-1.1", "MPL-2.0",
			"MPL-2.0-no-copyleft-exception", "EPL-1.0", "EPL-2.0", "CDDL-1.0", "CDDL-1.1", "CPL-1.0", "IPL-1.0",
			"APSL-1.0", "APSL-1.1", "APSL-1.2", "APSL-2.0", "Artistic-1.0", "CECILL-C", "MS-RL", "ErlPL-1.1",
			"Motosoto", "NPL-1.0", "NPL-1.1", "SPL-1.0", "LPL-1.0", "LPL-1.02", "OFL-1.0", "OFL-1.1", "OFL-1.1-RFN",
			"OFL-1.1-no-RFN", "CC-BY-SA-1.0", "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
			"GFDL-1.1", "GFDL-1.2", "GFDL-1.3", "ODbL-1.0", "LiLiQ-R-1.1", "CUA-OPL-1.0", "Nokia", "SISSL",
			"SISSL-1.2", "OCLC-2.0", "RPSL-1.0", "APL-1.0", "RSCPL",
			"CDLA-Sharing-1.0", "UCL-1.0", "SimPL-2.0", "BSD-Protection", "Interbase-1.0", "gSOAP-1.3b",
			// Deprecated ids that carry a linking exception in their name.
			"GPL-2.0-with-autoconf-exception", "GPL-3.0-with-autoconf-exception", "GPL-2.0-with-bison-exception",
			"GPL-2.0-with-font-exception", "GPL-2.0-with-classpath-exception", "GPL-2.0-with-GCC-exception",
			"GPL-3.0-with-GCC-exception",
		},
		StrongCopyleft: {
			"GPL-1.0", "GPL-2.0", "GPL-3.0", "CECILL-1.0", "CECILL-1.1", "CECILL-2.0", "CECILL-2.1", "Sleepycat",
			"QPL-1.0", "LiLiQ-Rplus-1.1", "eCos-2.0", "copyleft-next-0.3.0", "copyleft-next-0.3.1",
		},
		NetworkCopyleft: {
			"AGPL-1.0", "AGPL-3.0", "OSL-1.0", "OSL-1.1", "OSL-2.0", "OSL-2.1", "OSL-3.0", "RPL-1.1", "RPL-1.5",
			"CPAL-1.0", "EUPL-1.0", "EUPL-1.1", "EUPL-1.2", "Parity-6.0.0", "Parity-7.0.0",
		},
		NonCommercial: {
			"CC-BY-NC-1.0", "CC-BY-NC-2.0", "CC-BY-NC-2.5", "CC-BY-NC-3.0", "CC-BY-NC-4.0",
			"CC-BY-NC-SA-1.0", "CC-BY-NC-SA-2.0", "CC-BY-NC-SA-2.5", "CC-BY-NC-SA-3.0", "CC-BY-NC-SA-4.0",
			"CC-BY-NC-ND-1.0", "CC-BY-NC-ND-2.0", "CC-BY-NC-ND-2.5", "CC-BY-NC-ND-3.0", "CC-BY-NC-ND-4.0",
			"PolyForm-Noncommercial-1.0.0", "PolyForm-Small-Business-1.0.0", "Aladdin",
		},
		SourceAvailable: {
			"BUSL-1.1", "SSPL-1.0", "Elastic-2.0", "CC-BY-ND-1.0", "CC-BY-ND-2.0", "CC-BY-ND-2.5", "CC-BY-ND-3.0",
			"CC-BY-ND-4.0", "JSON", "Hippocratic-2.1",
		},
	}
}

// linkingExceptions let code combined with a copyleft licence stay under its
// own terms, which makes the whole weak copyleft at most.
func linkingExceptions() []string {
	return []string{
		"Classpath-exception-2.0", "GCC-exception-2.0", "GCC-exception-3.1", "LLVM-exception",
		"Autoconf-exception-2.0", "Autoconf-exception-3.0", "Bison-exception-2.2", "Font-exception-2.0",
		"Linux-syscall-note", "OCaml-LGPL-linking-exception", "LGPL-3.0-linking-exception",
		"Universal-FOSS-exception-1.0", "WxWindows-exception-3.1", "eCos-exception-2.0", "FLTK-exception",
		"Qt-LGPL-exception-1.1", "GPL-3.0-linking-exception", "GPL-3.0-linking-source-exception",
		"freertos-exception-2.0", "Libtool-exception", "u-boot-exception-2.0", "GPL-CC-1.0",
	}
}

// table is the built-in id -> category map, keyed by upper-case id; later
// entries of builtin() never override earlier, more specific ones.
var table = buildTable() //nolint:gochecknoglobals // immutable after package initialisation

var linking = upperSet(linkingExceptions()) //nolint:gochecknoglobals // immutable after package initialisation

func buildTable() map[string]Category {
	m := map[string]Category{}
	b := builtin()
	// Most demanding first, so an id listed twice by mistake keeps the
	// stricter category.
	order := []Category{SourceAvailable, NonCommercial, NetworkCopyleft, StrongCopyleft, WeakCopyleft, Permissive, PublicDomain}
	for _, c := range order {
		for _, id := range b[c] {
			if _, ok := m[strings.ToUpper(id)]; !ok {
				m[strings.ToUpper(id)] = c
			}
		}
	}
	return m
}

func upperSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[strings.ToUpper(id)] = true
	}
	return m
}

// BuiltinIDs returns every id of the built-in table with its category,
// sorted by id (for documentation and tests).
func BuiltinIDs() map[string]Category {
	out := map[string]Category{}
	for c, ids := range builtin() {
		for _, id := range ids {
			if table[strings.ToUpper(id)] == c {
				out[id] = c
			}
		}
	}
	return out
}

// Table sorts licences into categories: the built-in table with the user's
// additions and overrides.
type Table struct {
	over map[string]Category // upper-case id -> category
}

// NewTable builds a table; overrides map ids (any case) to categories and
// win over the built-in table.
func NewTable(overrides map[string]Category) *Table {
	t := &Table{over: map[string]Category{}}
	for id, c := range overrides {
		t.over[strings.ToUpper(id)] = c
	}
	return t
}

// Category sorts one licence term.
func (t *Table) Category(term Term) Category {
	id := strings.ToUpper(term.ID)
	if t != nil {
		if c, ok := t.over[strings.ToUpper(term.String())]; ok {
			return c
		}
		if c, ok := t.over[id]; ok {
			return withException(c, term)
		}
	}
	c := t.builtinCategory(term)
	return withException(c, term)
}

func (t *Table) builtinCategory(term Term) Category {
	id := strings.ToUpper(term.ID)
	switch {
	case id == noAssertion:
		return Unknown
	case id == noneLicensed || id == "UNLICENSED" || id == "PROPRIETARY":
		return Proprietary
	case strings.HasPrefix(id, "LICENSEREF-") || strings.HasPrefix(id, "DOCUMENTREF-"):
		return Proprietary
	}
	if c, ok := table[id]; ok {
		return c
	}
	s, _ := stem(term)
	if t != nil {
		if c, ok := t.over[strings.ToUpper(s)]; ok {
			return c
		}
	}
	if c, ok := table[strings.ToUpper(s)]; ok {
		return c
	}
	return Unknown
}

func withException(c Category, term Term) Category {
	if term.Exception != "" && c == StrongCopyleft && linking[strings.ToUpper(term.Exception)] {
		return WeakCopyleft
	}
	return c
}
