// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"regexp"
	"strings"

	"github.com/package-url/packageurl-go"
)

var pep503 = regexp.MustCompile(`[-_.]+`)

// NormalizePyPI is a Python package name as PEP 503 compares them: lower
// case, runs of "-", "_" and "." as one "-".
func NormalizePyPI(name string) string {
	return pep503.ReplaceAllString(strings.ToLower(strings.TrimSpace(name)), "-")
}

// PURL builds the package URL of a dependency with packageurl-go, which
// escapes each part as the purl specification asks. The namespace is split
// off the name as each type defines it: the module path's directory (Go),
// the scope (npm), the vendor (Composer), the group id (Maven, written
// group:artifact).
func PURL(eco Ecosystem, name, version string) string {
	if name == "" {
		return ""
	}
	ns, n := "", name
	switch eco {
	case Go, Composer:
		if i := strings.LastIndex(name, "/"); i >= 0 {
			ns, n = name[:i], name[i+1:]
		}
	case NPM:
		if strings.HasPrefix(name, "@") {
			if a, b, ok := strings.Cut(name, "/"); ok {
				ns, n = a, b
			}
		}
	case Maven:
		if a, b, ok := strings.Cut(name, ":"); ok {
			ns, n = a, b
		}
	case PyPI:
		n = NormalizePyPI(name)
	}
	if eco == Composer || eco == NPM {
		ns, n = strings.ToLower(ns), strings.ToLower(n)
	}
	return packageurl.NewPackageURL(string(eco), ns, n, version, nil, "").ToString()
}
