// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package manifest

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/ospolint/ospolint/internal/licpolicy"
)

// names maps licence names people write in manifests (and the Python trove
// classifiers) to SPDX expressions. Several expressions mean the name is
// ambiguous. GNU names without "only" or "or later" map to the bare
// deprecated id, which matches both variants when compared.
func names() map[string][]string {
	one := func(id string, ns ...string) map[string][]string {
		m := map[string][]string{}
		for _, n := range ns {
			m[n] = []string{id}
		}
		return m
	}
	tables := []map[string][]string{
		one("MIT", "MIT License", "The MIT License", "MIT License (MIT)", "The MIT License (MIT)", "Expat",
			"Expat License", "MIT/Expat", "MIT/X11", "MIT Licence"),
		one("MIT-0", "MIT No Attribution", "MIT No Attribution License", "MIT No Attribution License (MIT-0)"),
		one("Apache-2.0", "Apache 2", "Apache 2.0", "Apache-2", "Apache2", "Apache v2", "Apache License 2.0",
			"Apache License, Version 2.0", "Apache License Version 2.0", "The Apache License, Version 2.0",
			"Apache License v2.0", "Apache License v2", "The Apache Software License, Version 2.0",
			"Apache Software License 2.0", "Apache Software License, Version 2.0", "Apache Software License (Apache-2.0)",
			"ASL 2.0", "ASL2", "ASF 2.0", "AL2", "Apache Public License 2.0", "Apache License (2.0)"),
		one("Apache-1.1", "Apache 1.1", "Apache License 1.1", "Apache Software License 1.1", "Apache License, Version 1.1"),
		one("BSD-3-Clause", "New BSD", "New BSD License", "Modified BSD", "Modified BSD License", "Revised BSD License",
			"BSD 3-Clause", "BSD 3 Clause", "BSD-3", "BSD3", "3-Clause BSD", "3-Clause BSD License",
			"BSD 3-Clause License", "The 3-Clause BSD License", "BSD 3-Clause \"New\" or \"Revised\" License",
			"BSD-3-Clause License"),
		one("BSD-2-Clause", "Simplified BSD", "Simplified BSD License", "FreeBSD License", "BSD 2-Clause",
			"BSD 2 Clause", "BSD-2", "BSD2", "2-Clause BSD", "2-Clause BSD License", "BSD 2-Clause License",
			"The 2-Clause BSD License", "BSD 2-Clause \"Simplified\" License", "BSD-2-Clause License"),
		one("BSD-4-Clause", "Original BSD", "Original BSD License", "BSD 4-Clause", "BSD-4", "4-Clause BSD"),
		one("0BSD", "Zero-Clause BSD", "Zero-Clause BSD (0BSD)", "BSD Zero Clause License"),
		one("ISC", "ISC License", "ISCL", "ISC License (ISCL)", "ISC Licence"),
		one("GPL-2.0", "GPL 2", "GPL2", "GPLv2", "GPL v2", "GPL-2", "GPL 2.0", "GNU GPL v2", "GNU GPLv2", "GNU GPL 2",
			"GNU General Public License v2", "GNU General Public License v2 (GPLv2)", "GNU General Public License version 2",
			"GNU General Public License, version 2", "GNU General Public License 2.0", "GNU GPL version 2"),
		one("GPL-2.0-or-later", "GPLv2+", "GPL v2+", "GPL-2+", "GPL 2+", "GPLv2 or later", "GPL v2 or later",
			"GNU General Public License v2 or later (GPLv2+)", "GNU General Public License v2 or later",
			"GNU General Public License version 2 or later"),
		one("GPL-3.0", "GPL 3", "GPL3", "GPLv3", "GPL v3", "GPL-3", "GPL 3.0", "GNU GPL v3", "GNU GPLv3", "GNU GPL 3",
			"GNU General Public License v3", "GNU General Public License v3 (GPLv3)", "GNU General Public License version 3",
			"GNU General Public License, version 3", "GNU General Public License 3.0", "GNU GPL version 3"),
		one("GPL-3.0-or-later", "GPLv3+", "GPL v3+", "GPL-3+", "GPL 3+", "GPLv3 or later", "GPL v3 or later",
			"GNU General Public License v3 or later (GPLv3+)", "GNU General Public License v3 or later",
			"GNU General Public License version 3 or later"),
		one("LGPL-2.0", "LGPLv2", "LGPL v2", "LGPL-2", "LGPL 2", "GNU Lesser General Public License v2 (LGPLv2)",
			"GNU Library General Public License v2"),
		one("LGPL-2.0-or-later", "LGPLv2+", "LGPL v2+", "GNU Lesser General Public License v2 or later (LGPLv2+)"),
		one("LGPL-2.1", "LGPLv2.1", "LGPL v2.1", "LGPL 2.1", "GNU Lesser General Public License v2.1",
			"GNU Lesser General Public License, version 2.1", "GNU LGPL v2.1"),
		one("LGPL-2.1-or-later", "LGPLv2.1+", "LGPL v2.1+", "LGPL 2.1+", "GNU Lesser General Public License v2.1 or later"),
		one("LGPL-3.0", "LGPLv3", "LGPL v3", "LGPL-3", "LGPL 3", "LGPL 3.0", "GNU Lesser General Public License v3 (LGPLv3)",
			"GNU Lesser General Public License v3", "GNU Lesser General Public License, version 3", "GNU LGPL v3"),
		one("LGPL-3.0-or-later", "LGPLv3+", "LGPL v3+", "LGPL 3+", "GNU Lesser General Public License v3 or later (LGPLv3+)",
			"GNU Lesser General Public License v3 or later"),
		one("AGPL-3.0", "AGPL", "AGPLv3", "AGPL v3", "AGPL-3", "AGPL 3", "AGPL 3.0", "GNU Affero General Public License v3",
			"GNU Affero General Public License version 3", "GNU AGPL v3", "GNU AGPLv3"),
		one("AGPL-3.0-or-later", "AGPLv3+", "AGPL v3+", "GNU Affero General Public License v3 or later (AGPLv3+)",
			"GNU Affero General Public License v3 or later"),
		one("MPL-2.0", "MPL 2", "MPL 2.0", "MPL-2", "MPLv2", "MPL v2", "MPL2", "Mozilla Public License 2.0",
			"Mozilla Public License 2.0 (MPL 2.0)", "Mozilla Public License, Version 2.0", "Mozilla Public License Version 2.0",
			"Mozilla Public License, v. 2.0"),
		one("MPL-1.1", "MPL 1.1", "MPL-1.1 License", "Mozilla Public License 1.1", "Mozilla Public License 1.1 (MPL 1.1)",
			"Mozilla Public License Version 1.1"),
		one("MPL-1.0", "MPL 1.0", "Mozilla Public License 1.0 (MPL)", "Mozilla Public License 1.0"),
		one("EPL-1.0", "EPL 1.0", "EPL-1", "Eclipse Public License 1.0", "Eclipse Public License - v 1.0",
			"Eclipse Public License v1.0", "Eclipse Public License 1.0 (EPL-1.0)", "Eclipse Public License"),
		one("EPL-2.0", "EPL 2.0", "EPL-2", "EPL2", "Eclipse Public License 2.0", "Eclipse Public License - v 2.0",
			"Eclipse Public License v2.0", "Eclipse Public License 2.0 (EPL-2.0)", "Eclipse Public License, Version 2.0"),
		one("CDDL-1.0", "CDDL", "CDDL 1.0", "Common Development and Distribution License 1.0",
			"Common Development and Distribution License 1.0 (CDDL-1.0)", "Common Development and Distribution License"),
		one("CDDL-1.1", "CDDL 1.1", "Common Development and Distribution License 1.1"),
		one("EUPL-1.2", "EUPL 1.2", "EUPL v1.2", "EUPL-1.2+", "European Union Public Licence 1.2 (EUPL 1.2)",
			"European Union Public Licence 1.2", "European Union Public License 1.2", "European Union Public Licence v. 1.2"),
		one("EUPL-1.1", "EUPL 1.1", "EUPL v1.1", "European Union Public Licence 1.1 (EUPL 1.1)", "European Union Public Licence 1.1"),
		one("EUPL-1.0", "European Union Public Licence 1.0 (EUPL 1.0)"),
		one("Unlicense", "The Unlicense", "The Unlicense (Unlicense)", "Unlicense License", "Unlicensed (Unlicense)"),
		one("CC0-1.0", "CC0", "CC0 1.0", "CC0 1.0 Universal", "CC0 1.0 Universal (CC0 1.0) Public Domain Dedication",
			"Creative Commons Zero", "Creative Commons Zero v1.0 Universal", "CC0 1.0 Universal (CC0 1.0)"),
		one("Zlib", "zlib/libpng", "zlib License", "zlib/libpng License", "The zlib/libpng License"),
		one("BSL-1.0", "Boost", "Boost Software License", "Boost Software License 1.0", "Boost Software License 1.0 (BSL-1.0)",
			"Boost Software License, Version 1.0", "BSL 1.0"),
		one("PSF-2.0", "PSF", "PSF License", "Python Software Foundation License", "PSF-2", "Python Software Foundation License 2.0"),
		one("CNRI-Python", "Python License (CNRI Python License)", "CNRI Python License"),
		one("Artistic-2.0", "Artistic License 2.0", "Artistic 2.0", "Artistic-2", "Artistic License, Version 2.0"),
		one("Artistic-1.0", "Artistic License 1.0", "Artistic 1.0"),
		one("Artistic-1.0-Perl", "Perl Artistic License", "Artistic License (Perl)"),
		one("WTFPL", "Do What The F*ck You Want To Public License", "Do What the Fuck You Want to Public License"),
		one("UPL-1.0", "Universal Permissive License (UPL)", "Universal Permissive License 1.0", "UPL"),
		one("HPND", "Historical Permission Notice and Disclaimer (HPND)", "Historical Permission Notice and Disclaimer"),
		one("MIT-CMU", "CMU License (MIT-CMU)", "CMU License"),
		one("OFL-1.1", "SIL Open Font License 1.1 (OFL-1.1)", "SIL Open Font License 1.1", "OFL 1.1", "SIL OFL 1.1"),
		one("MulanPSL-2.0", "Mulan Permissive Software License v2 (MulanPSL-2.0)", "Mulan PSL v2"),
		one("BlueOak-1.0.0", "Blue Oak Model License (BlueOak-1.0.0)", "Blue Oak Model License 1.0.0"),
		one("PostgreSQL", "PostgreSQL License", "The PostgreSQL License"),
		one("W3C", "W3C License", "W3C Software Notice and License"),
		one("CPL-1.0", "Common Public License", "Common Public License 1.0"),
		one("CECILL-2.1", "CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)", "CeCILL v2.1", "CeCILL 2.1"),
		one("CECILL-B", "CeCILL-B Free Software License Agreement (CECILL-B)", "CeCILL-B"),
		one("CECILL-C", "CeCILL-C Free Software License Agreement (CECILL-C)", "CeCILL-C"),
		one("CC-BY-4.0", "CC BY 4.0", "CC-BY 4.0", "Creative Commons Attribution 4.0", "Creative Commons Attribution 4.0 International"),
		one("CC-BY-SA-4.0", "CC BY-SA 4.0", "CC-BY-SA 4.0", "Creative Commons Attribution-ShareAlike 4.0 International",
			"Creative Commons Attribution Share Alike 4.0"),
		one("CC-BY-NC-4.0", "CC BY-NC 4.0", "Creative Commons Attribution-NonCommercial 4.0 International"),
		one("CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International"),
		one("BUSL-1.1", "Business Source License 1.1", "BSL 1.1", "Business Source License"),
		one("SSPL-1.0", "Server Side Public License", "Server Side Public License v1", "SSPL"),
		one("Elastic-2.0", "Elastic License 2.0", "Elastic License v2", "ELv2"),
		one("proprietary", "Proprietary", "Other/Proprietary License", "Proprietary License", "All rights reserved",
			"Commercial", "Commercial License", "Closed source"),
		{
			"BSD":                               {"BSD-3-Clause", "BSD-2-Clause"},
			"BSD License":                       {"BSD-3-Clause", "BSD-2-Clause"},
			"BSD-style":                         {"BSD-3-Clause", "BSD-2-Clause"},
			"Apache":                            {"Apache-2.0", "Apache-1.1"},
			"Apache License":                    {"Apache-2.0", "Apache-1.1"},
			"Apache Software License":           {"Apache-2.0", "Apache-1.1"},
			"GPL":                               {"GPL-2.0", "GPL-3.0"},
			"GNU GPL":                           {"GPL-2.0", "GPL-3.0"},
			"GNU General Public License":        {"GPL-2.0", "GPL-3.0"},
			"GNU General Public License (GPL)":  {"GPL-2.0", "GPL-3.0"},
			"LGPL":                              {"LGPL-2.1", "LGPL-3.0", "LGPL-2.0"},
			"GNU LGPL":                          {"LGPL-2.1", "LGPL-3.0", "LGPL-2.0"},
			"GNU Lesser General Public License": {"LGPL-2.1", "LGPL-3.0", "LGPL-2.0"},
			"GNU Library or Lesser General Public License (LGPL)": {"LGPL-2.0", "LGPL-2.1", "LGPL-3.0"},
			"MPL":                                  {"MPL-2.0", "MPL-1.1", "MPL-1.0"},
			"Mozilla Public License":               {"MPL-2.0", "MPL-1.1", "MPL-1.0"},
			"EUPL":                                 {"EUPL-1.2", "EUPL-1.1", "EUPL-1.0"},
			"European Union Public Licence":        {"EUPL-1.2", "EUPL-1.1", "EUPL-1.0"},
			"Artistic License":                     {"Artistic-2.0", "Artistic-1.0", "Artistic-1.0-Perl"},
			"Zope Public License":                  {"ZPL-2.1", "ZPL-2.0"},
			"GNU Free Documentation License (FDL)": {"GFDL-1.3", "GFDL-1.2", "GFDL-1.1"},
			"Academic Free License (AFL)":          {"AFL-3.0", "AFL-2.1", "AFL-2.0", "AFL-1.2", "AFL-1.1"},
		},
	}
	out := map[string][]string{}
	for _, t := range tables {
		for n, ids := range t {
			out[nameKey(n)] = ids
		}
	}
	return out
}

var (
	nameTable = names() //nolint:gochecknoglobals // immutable after package initialisation

	nonWord = regexp.MustCompile(`[^a-z0-9.+*]+`)
	parenID = regexp.MustCompile(`\(([A-Za-z0-9.+\-]+)\)\s*$`)
)

// nameKey folds the spelling differences that do not change a name: case,
// punctuation, "licence" for "license", a leading "the".
func nameKey(s string) string {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.ReplaceAll(k, "licence", "license")
	k = nonWord.ReplaceAllString(k, " ")
	k = strings.TrimSpace(k)
	k = strings.TrimPrefix(k, "the ")
	return k
}

// fromName maps a known licence name to SPDX; nil when unknown.
func fromName(v string) []string {
	if ids, ok := nameTable[nameKey(v)]; ok {
		return ids
	}
	// "Some Licence Name (SPDX-ID)", as recent trove classifiers are written.
	if m := parenID.FindStringSubmatch(v); m != nil {
		if canon, err := licpolicy.Normalize(m[1]); err == nil {
			return []string{canon}
		}
	}
	return nil
}

// fromClassifier reads a trove classifier "License :: OSI Approved :: MIT
// License". isLicense is false for classifiers about other things; ids is
// nil for licence classifiers that name no comparable licence ("OSI
// Approved", "Public Domain") or an unknown one (then known is false).
func fromClassifier(c string) (ids []string, isLicense, known bool) {
	parts := strings.Split(c, "::")
	if len(parts) < 2 || strings.TrimSpace(parts[0]) != "License" {
		return nil, false, false
	}
	last := strings.TrimSpace(parts[len(parts)-1])
	switch last {
	case "OSI Approved", "DFSG approved", "Freely Distributable", "Freeware", "Public Domain":
		return nil, true, true
	}
	ids = fromName(last)
	return ids, true, ids != nil
}

// fromURL maps a licence URL (pom.xml <url>, nuspec <licenseUrl>) to SPDX;
// nil when unknown.
func fromURL(raw string) []string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return nil
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	p := strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), ".html")
	p = strings.TrimSuffix(strings.TrimSuffix(p, ".txt"), ".php")
	last := p[strings.LastIndex(p, "/")+1:]
	lower := strings.ToLower(p)
	valid := func(id string) []string {
		if canon, err := licpolicy.Normalize(id); err == nil {
			return []string{canon}
		}
		return nil
	}
	switch host {
	case "licenses.nuget.org":
		if expr, err := url.PathUnescape(strings.TrimPrefix(u.EscapedPath(), "/")); err == nil {
			return valid(expr)
		}
	case "spdx.org", "opensource.org":
		if strings.EqualFold(last, "mit-license") {
			return []string{"MIT"}
		}
		if ids := valid(last); ids != nil {
			return ids
		}
	case "apache.org":
		if strings.Contains(lower, "license-2.0") {
			return []string{"Apache-2.0"}
		}
		if strings.Contains(lower, "license-1.1") {
			return []string{"Apache-1.1"}
		}
	case "gnu.org":
		for _, g := range []struct{ frag, id string }{
			{"agpl-3.0", "AGPL-3.0"}, {"lgpl-3.0", "LGPL-3.0"}, {"lgpl-2.1", "LGPL-2.1"}, {"lgpl-2.0", "LGPL-2.0"},
			{"gpl-3.0", "GPL-3.0"}, {"gpl-2.0", "GPL-2.0"},
		} {
			if strings.Contains(lower, g.frag) {
				return []string{g.id}
			}
		}
	case "eclipse.org":
		switch {
		case strings.Contains(lower, "epl-2.0") || strings.Contains(lower, "epl-v20"):
			return []string{"EPL-2.0"}
		case strings.Contains(lower, "epl-v10") || strings.Contains(lower, "epl-1.0"):
			return []string{"EPL-1.0"}
		case strings.Contains(lower, "edl-v10"):
			return []string{"BSD-3-Clause"}
		}
	case "mozilla.org":
		switch {
		case strings.Contains(lower, "mpl/2.0"):
			return []string{"MPL-2.0"}
		case strings.Contains(lower, "mpl/1.1"):
			return []string{"MPL-1.1"}
		}
	case "mit-license.org":
		return []string{"MIT"}
	case "creativecommons.org":
		if strings.Contains(lower, "publicdomain/zero/1.0") {
			return []string{"CC0-1.0"}
		}
	case "unlicense.org":
		return []string{"Unlicense"}
	case "boost.org":
		if strings.Contains(lower, "license_1_0") {
			return []string{"BSL-1.0"}
		}
	}
	return nil
}
