// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"strings"

	"github.com/ospolint/ospolint/internal/sbom"
)

func sbomValid() *Check {
	return &Check{
		ID:         "sbom-valid",
		Title:      "SBOM that does not parse or lacks the NTIA minimum elements",
		Summary:    "Every committed SBOM parses, has the NTIA minimum elements, valid licence expressions and no dangling references.",
		Activities: []string{"GGI-A-23"},
		Level:      Warning,
		Needs:      NeedFiles,
		Options: []Option{
			{Name: "ntia", Type: TypeBool, Default: true,
				Help: "report missing NTIA minimum elements (supplier, name, version, identifier, relationships, author, timestamp)"},
		},
		Help: `Reads every committed SBOM (the files ` + "`sbom-present`" + ` finds): SPDX 2.1, 2.2 and 2.3 in JSON, tag-value, YAML
and XML with spdx/tools-golang and in RDF/XML with ospolint's own reader, SPDX 3 JSON-LD (recognised and reported as such: version, packages,
creation info and references are checked), and CycloneDX JSON and XML with the CycloneDX Go library. Then checks:

- the document parses: a malformed one gives the file, the line where it can be told, and the problem;
- the specification version is one that exists;
- the **NTIA minimum elements** (NTIA, *The Minimum Elements For a Software Bill of Materials*, 2021): supplier,
  component name, version and unique identifier of every package, dependency relationships, author and timestamp
  of the document. ` + "`NOASSERTION`" + ` is a stated unknown, which NTIA accepts. Documents under examples/, samples/,
  test/ or fixtures/ directories show a format rather than describe a product: their NTIA gaps are not reported
  (their other problems are);
- every licence field is a valid SPDX licence expression, and every ` + "`LicenseRef-`" + ` it uses is defined;
- no dangling references: every element a relationship, annotation or CycloneDX dependency names exists.

Twenty problems of one kind are listed per document, then one finding counts the rest.

The JSON report gives, per document, ` + "`facts.sboms[]`" + ` with ` + "`path`" + `, ` + "`format`" + ` (spdx or cyclonedx),
` + "`specVersion`" + `, ` + "`parsed`" + `, ` + "`packages`" + ` and ` + "`ntia`" + ` (the elements missing).

**Why (GGI-A-23 Manage software dependencies):** an SBOM that tools cannot read, or that leaves out who supplies a
component and which version it is, cannot answer the question it exists for: are we affected?

**Fix:** regenerate the document with a maintained generator (` + "`ospolint sbom`" + ` writes SPDX 2.3 and CycloneDX 1.6
from the lockfiles) rather than editing it by hand.`,
		Run: runSBOMValid,
	}
}

func runSBOMValid(p *Pass) error {
	docs := p.Target.SBOMs()
	if len(docs) == 0 {
		p.NotApplicable("no SBOM committed")
		return nil
	}
	ntia := p.Options.Bool("ntia")
	for _, d := range docs {
		name := describeDoc(d)
		var gaps []string
		for _, pr := range d.Problems {
			if pr.Kind == sbom.ProblemNTIA {
				gaps = append(gaps, pr.Message)
				continue
			}
			p.Report(Finding{Path: d.Path, Line: pr.Line, Key: pr.Kind + ":" + pr.Message,
				Message:    fmt.Sprintf("%s: %s", name, pr.Message),
				Properties: map[string]any{"kind": pr.Kind}})
		}
		// Examples and test data show the format, not a product: their
		// gaps are not the project's.
		if ntia && len(gaps) > 0 && projectSBOM(d.Path) {
			p.Report(Finding{Path: d.Path, Key: "ntia",
				Message:    fmt.Sprintf("%s lacks NTIA minimum elements (%s): %s", name, strings.Join(d.NTIA, ", "), strings.Join(gaps, "; ")),
				Properties: map[string]any{"kind": sbom.ProblemNTIA, "ntia": d.NTIA}})
		}
	}
	return nil
}

// describeDoc names a document's format for messages ("SPDX-2.3 tag-value
// document").
func describeDoc(d *sbom.Document) string {
	f := "SPDX"
	if d.Format == sbom.CycloneDX {
		f = "CycloneDX"
	}
	v := d.SpecVersion
	if v != "" && d.Format == sbom.CycloneDX {
		f += " " + v
	} else if v != "" {
		f = v
		if !strings.HasPrefix(v, "SPDX") {
			f = "SPDX " + v
		}
	}
	if d.Encoding != "" {
		f += " " + d.Encoding
	}
	return f + " document"
}
