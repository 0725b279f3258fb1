// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"strings"
)

// manifestKind names the package manifests whose licence field is read as
// a weaker signal, "" for other files.
func manifestKind(name string) string {
	switch n := strings.ToLower(name); {
	case n == "package.json", n == "composer.json", n == "cargo.toml", n == "pyproject.toml", n == "setup.cfg",
		n == "pom.xml", n == "publiccode.yml", n == "publiccode.yaml", name == "DESCRIPTION":
		return n
	case strings.HasSuffix(n, ".gemspec"):
		return "gemspec"
	}
	return ""
}

// maxLicenseList bounds a licence list read from a manifest: a longer one is
// not a list of licences. It is checked after the match rather than written
// as a bounded repeat, which would compile to a thousand states at startup.
const maxLicenseList = 1000

var (
	reJSONLicense  = lazy(`"license"\s*:\s*"([^"]{1,200})"`)                                   //nolint:gochecknoglobals // compiled on first use, immutable
	reJSONLicObj   = lazy(`"license"\s*:\s*\{[^}]*?"type"\s*:\s*"([^"]{1,200})"`)              //nolint:gochecknoglobals // compiled on first use, immutable
	reJSONLicList  = lazy(`"licen[cs]es?"\s*:\s*\[([^\]]*)\]`)                                 //nolint:gochecknoglobals // compiled on first use, immutable
	reJSONType     = lazy(`"type"\s*:\s*"([^"]{1,200})"`)                                      //nolint:gochecknoglobals // compiled on first use, immutable
	reJSONString   = lazy(`"([^"]{1,200})"`)                                                   //nolint:gochecknoglobals // compiled on first use, immutable
	reTOMLLicense  = lazy(`(?m)^\s*license\s*=\s*(?:"([^"]{1,200})"|'([^']{1,200})')`)         //nolint:gochecknoglobals // compiled on first use, immutable
	reTOMLLicText  = lazy(`(?m)^\s*license\s*=\s*\{\s*text\s*=\s*"([^"]{1,200})"`)             //nolint:gochecknoglobals // compiled on first use, immutable
	reClassifier   = lazy(`License\s*::\s*(?:OSI Approved\s*::\s*)?([^"'\n]{1,100})`)          //nolint:gochecknoglobals // compiled on first use, immutable
	reCfgLicense   = lazy(`(?m)^\s*license\s*=\s*(.{1,200})$`)                                 //nolint:gochecknoglobals // compiled on first use, immutable
	reGemLicense   = lazy(`\.licen[cs]es?\s*=\s*\[?\s*((?:['"][^'"]{1,100}['"]\s*,?\s*)+)\]?`) //nolint:gochecknoglobals // compiled on first use, immutable
	reQuoted       = lazy(`['"]([^'"]{1,100})['"]`)                                            //nolint:gochecknoglobals // compiled on first use, immutable
	rePomLicenses  = lazy(`(?s)<licenses>(.*?)</licenses>`)                                    //nolint:gochecknoglobals // compiled on first use, immutable
	rePomName      = lazy(`(?s)<name>\s*(.{1,200}?)\s*</name>`)                                //nolint:gochecknoglobals // compiled on first use, immutable
	reYAMLLicense  = lazy(`(?m)^\s*license:\s*['"]?([^'"\n#]{1,200})`)                         //nolint:gochecknoglobals // compiled on first use, immutable
	reDescLicense  = lazy(`(?m)^License:\s*(.{1,200})$`)                                       //nolint:gochecknoglobals // compiled on first use, immutable
	reDescLaterVer = lazy(`\(\s*>=\s*(\d(?:\.\d)?)\s*\)`)                                      //nolint:gochecknoglobals // compiled on first use, immutable
)

// manifestLicences returns the licence values a manifest states, as
// written. Parsing is deliberately shallow: these are hints used only when
// no licence file exists or to learn a GNU version suffix.
func manifestLicences(kind, s string) []string {
	var out []string
	add := func(ms [][]string) {
		for _, m := range ms {
			for _, g := range m[1:] {
				if v := strings.TrimSpace(g); v != "" {
					out = append(out, v)
				}
			}
		}
	}
	switch kind {
	case "package.json", "composer.json":
		add(reJSONLicense.get().FindAllStringSubmatch(s, 1))
		add(reJSONLicObj.get().FindAllStringSubmatch(s, 1))
		if m := reJSONLicList.get().FindStringSubmatch(s); m != nil && len(m[1]) <= maxLicenseList {
			if ts := reJSONType.get().FindAllStringSubmatch(m[1], -1); len(ts) > 0 {
				add(ts)
			} else {
				add(reJSONString.get().FindAllStringSubmatch(m[1], -1))
			}
		}
	case "cargo.toml", "pyproject.toml":
		add(reTOMLLicense.get().FindAllStringSubmatch(s, 1))
		add(reTOMLLicText.get().FindAllStringSubmatch(s, 1))
		if len(out) == 0 && kind == "pyproject.toml" {
			add(reClassifier.get().FindAllStringSubmatch(s, -1))
		}
	case "setup.cfg":
		add(reCfgLicense.get().FindAllStringSubmatch(s, 1))
		if len(out) == 0 {
			add(reClassifier.get().FindAllStringSubmatch(s, -1))
		}
	case "gemspec":
		if m := reGemLicense.get().FindStringSubmatch(s); m != nil {
			add(reQuoted.get().FindAllStringSubmatch(m[1], -1))
		}
	case "pom.xml":
		if m := rePomLicenses.get().FindStringSubmatch(s); m != nil && len(m[1]) <= maxLicenseList {
			add(rePomName.get().FindAllStringSubmatch(m[1], -1))
		}
	case "publiccode.yml", "publiccode.yaml":
		add(reYAMLLicense.get().FindAllStringSubmatch(s, 1))
	case "description":
		for _, m := range reDescLicense.get().FindAllStringSubmatch(s, 1) {
			// R writes "GPL (>= 2)" for "version 2 or later".
			out = append(out, reDescLaterVer.get().ReplaceAllString(m[1], "v$1 or later"))
		}
	}
	return out
}
