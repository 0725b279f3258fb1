// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package sbom reads and checks software bills of materials — SPDX 2.1 to
// 2.3 in JSON, tag-value, YAML and XML with github.com/spdx/tools-golang
// and in RDF/XML with its own reader, SPDX 3 JSON-LD, CycloneDX JSON and XML with
// github.com/CycloneDX/cyclonedx-go — and writes them from a dependency
// inventory.
package sbom

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// Formats of a document.
const (
	SPDX      = "spdx"
	CycloneDX = "cyclonedx"
)

// Encodings of a document.
const (
	EncJSON     = "json"
	EncTagValue = "tag-value"
	EncYAML     = "yaml"
	EncRDF      = "rdf"
	EncXML      = "xml"
	EncJSONLD   = "json-ld"
)

// Kinds of problems.
const (
	ProblemParse     = "parse"     // the document cannot be read
	ProblemVersion   = "version"   // a specification version this reader does not know
	ProblemSpec      = "spec"      // a field the specification requires is missing or malformed
	ProblemNTIA      = "ntia"      // an NTIA minimum element is missing
	ProblemLicense   = "license"   // an invalid licence expression
	ProblemReference = "reference" // an element reference to nothing
)

// NTIA minimum elements (NTIA, "The Minimum Elements For a Software Bill of
// Materials", 2021), as named in reports.
const (
	NTIASupplier     = "supplier"
	NTIAName         = "component name"
	NTIAVersion      = "version"
	NTIAIdentifier   = "unique identifier"
	NTIARelationship = "dependency relationships"
	NTIAAuthor       = "author"
	NTIATimestamp    = "timestamp"
)

// Document is what was read of one SBOM file.
type Document struct {
	Path string `json:"path"`
	// Format is "spdx" or "cyclonedx".
	Format string `json:"format"`
	// Encoding is json, tag-value, yaml, rdf, xml or json-ld.
	Encoding string `json:"encoding"`
	// SpecVersion is the version the document declares: "SPDX-2.3",
	// "3.0.1" (SPDX 3), "1.6" (CycloneDX); "" when it cannot be read.
	SpecVersion string `json:"specVersion"`
	// Parsed is true when the document was read.
	Parsed bool `json:"parsed"`
	// Packages counts the packages (SPDX) or components (CycloneDX).
	Packages int `json:"packages"`
	// NTIA lists the NTIA minimum elements missing from the document (for
	// at least one package where the element is per package).
	NTIA []string `json:"ntia"`
	// Problems are what is wrong with the document.
	Problems []Problem `json:"problems,omitempty"`
	// Components are the packages, for comparing with the lockfiles.
	Components []Component `json:"-"`

	// dropped counts, by kind, the problems not kept (maxProblems).
	dropped map[string]int
}

// Problem is one thing wrong with a document.
type Problem struct {
	Kind    string `json:"kind"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// Component is a package the document lists.
type Component struct {
	ID      string
	Name    string
	Version string
	PURL    string
	// License is the declared (or else concluded) licence, "" when none.
	License string
}

// Detect reports whether a path is named as an SBOM, and its format:
// SPDX (*.spdx, *.spdx.json, *.spdx.yaml, *.spdx.yml, *.spdx.rdf,
// *.spdx.rdf.xml, *.spdx.xml, *.spdx.jsonld) or CycloneDX (bom.json,
// bom.xml, *.cdx.json, *.cdx.xml, *.bom.json, *.bom.xml).
func Detect(p string) (string, bool) {
	// strings.ToLower allocates only for names with upper case; every
	// name accepted holds "spdx", "bom" or "cdx", which rules most files
	// out at once.
	n := strings.ToLower(path.Base(p))
	if !strings.Contains(n, "spdx") && !strings.Contains(n, "bom") && !strings.Contains(n, "cdx") {
		return "", false
	}
	for _, s := range []string{".spdx", ".spdx.json", ".spdx.yaml", ".spdx.yml", ".spdx.rdf", ".spdx.xml", ".spdx.rdf.xml", ".spdx.jsonld"} {
		if strings.HasSuffix(n, s) && len(n) > len(s) {
			return SPDX, true
		}
	}
	switch {
	case n == "bom.json" || n == "bom.xml":
		return CycloneDX, true
	case strings.HasSuffix(n, ".cdx.json") || strings.HasSuffix(n, ".cdx.xml") ||
		strings.HasSuffix(n, ".bom.json") || strings.HasSuffix(n, ".bom.xml"):
		return CycloneDX, true
	}
	return "", false
}

// maxProblems caps the problems kept of each kind: a broken or hostile
// document can have one per element, each would be a finding, and finding
// its line reads the document again.
const maxProblems = 20

// problem records a problem.
func (d *Document) problem(kind string, line int, msg string) {
	if d.keep(kind) {
		d.Problems = append(d.Problems, Problem{Kind: kind, Line: line, Message: msg})
	}
}

// problemAt records a problem at the line where needle first occurs in
// data (0 when it does not), looked for only when the problem is kept.
func (d *Document) problemAt(kind string, data []byte, needle, msg string) {
	if d.keep(kind) {
		d.Problems = append(d.Problems, Problem{Kind: kind, Line: lineOf(data, needle), Message: msg})
	}
}

// keep reports whether another problem of kind is kept, and counts it
// when not.
func (d *Document) keep(kind string) bool {
	n := 0
	for _, p := range d.Problems {
		if p.Kind == kind {
			n++
		}
	}
	if n < maxProblems {
		return true
	}
	if d.dropped == nil {
		d.dropped = map[string]int{}
	}
	d.dropped[kind]++
	return false
}

// summarize adds, for each kind with problems not kept, one saying how
// many more there are.
func (d *Document) summarize() {
	kinds := make([]string, 0, len(d.dropped))
	for k := range d.dropped {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		d.Problems = append(d.Problems, Problem{Kind: k, Message: fmt.Sprintf("and %d more %s problems of this document, not listed", d.dropped[k], k)})
	}
	d.dropped = nil
}

// missing records an NTIA gap once.
func (d *Document) missing(element string) {
	for _, e := range d.NTIA {
		if e == element {
			return
		}
	}
	d.NTIA = append(d.NTIA, element)
}
