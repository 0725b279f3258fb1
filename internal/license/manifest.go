// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"regexp"
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
	reJSONLicense  = regexp.MustCompile(`"license"\s*:\s*"([^"]{1,200})"`)
	reJSONLicObj   = regexp.MustCompile(`"license"\s*:\s*\{[^}]*?"type"\s*:\s*"([^"]{1,200})"`)
	reJSONLicList  = regexp.MustCompile(`"licen[cs]es?"\s*:\s*\[([^\]]*)\]`)
	reJSONType     = regexp.MustCompile(`"type"\s*:\s*"([^"]{1,200})"`)
	reJSONString   = regexp.MustCompile(`"([^"]{1,200})"`)
	reTOMLLicense  = regexp.MustCompile(`(?m)^\s*license\s*=\s*(?:"([^"]{1,200})"|'([^']{1,200})')`)
	reTOMLLicText  = regexp.MustCompile(`(?m)^\s*license\s*=\s*\{\s*text\s*=\s*"([^"]{1,200})"`)
	reClassifier   = regexp.MustCompile(`License\s*::\s*(?:OSI Approved\s*::\s*)?([^"'\n]{1,100})`)
	reCfgLicense   = regexp.MustCompile(`(?m)^\s*license\s*=\s*(.{1,200})$`)
	reGemLicense   = regexp.MustCompile(`\.licen[cs]es?\s*=\s*\[?\s*((?:['"][^'"]{1,100}['"]\s*,?\s*)+)\]?`)
	reQuoted       = regexp.MustCompile(`['"]([^'"]{1,100})['"]`)
	rePomLicenses  = regexp.MustCompile(`(?s)<licenses>(.*?)</licenses>`)
	rePomName      = regexp.MustCompile(`(?s)<name>\s*(.{1,200}?)\s*</name>`)
	reYAMLLicense  = regexp.MustCompile(`(?m)^\s*license:\s*['"]?([^'"\n#]{1,200})`)
	reDescLicense  = regexp.MustCompile(`(?m)^License:\s*(.{1,200})$`)
	reDescLaterVer = regexp.MustCompile(`\(\s*>=\s*(\d(?:\.\d)?)\s*\)`)
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
		add(reJSONLicense.FindAllStringSubmatch(s, 1))
		add(reJSONLicObj.FindAllStringSubmatch(s, 1))
		if m := reJSONLicList.FindStringSubmatch(s); m != nil && len(m[1]) <= maxLicenseList {
			if ts := reJSONType.FindAllStringSubmatch(m[1], -1); len(ts) > 0 {
				add(ts)
			} else {
				add(reJSONString.FindAllStringSubmatch(m[1], -1))
			}
		}
	case "cargo.toml", "pyproject.toml":
		add(reTOMLLicense.FindAllStringSubmatch(s, 1))
		add(reTOMLLicText.FindAllStringSubmatch(s, 1))
		if len(out) == 0 && kind == "pyproject.toml" {
			add(reClassifier.FindAllStringSubmatch(s, -1))
		}
	case "setup.cfg":
		add(reCfgLicense.FindAllStringSubmatch(s, 1))
		if len(out) == 0 {
			add(reClassifier.FindAllStringSubmatch(s, -1))
		}
	case "gemspec":
		if m := reGemLicense.FindStringSubmatch(s); m != nil {
			add(reQuoted.FindAllStringSubmatch(m[1], -1))
		}
	case "pom.xml":
		if m := rePomLicenses.FindStringSubmatch(s); m != nil && len(m[1]) <= maxLicenseList {
			add(rePomName.FindAllStringSubmatch(m[1], -1))
		}
	case "publiccode.yml", "publiccode.yaml":
		add(reYAMLLicense.FindAllStringSubmatch(s, 1))
	case "description":
		for _, m := range reDescLicense.FindAllStringSubmatch(s, 1) {
			// R writes "GPL (>= 2)" for "version 2 or later".
			out = append(out, reDescLaterVer.ReplaceAllString(m[1], "v$1 or later"))
		}
	}
	return out
}
