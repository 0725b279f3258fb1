// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/ospolint/ospolint/internal/licpolicy"
)

// readCycloneDX reads a CycloneDX JSON or XML document with
// cyclonedx-go and checks it like an SPDX one.
func readCycloneDX(doc *Document, data []byte) {
	format := cdx.BOMFileFormatJSON
	if doc.Encoding == EncXML || doc.Encoding == EncRDF {
		doc.Encoding = EncXML
		format = cdx.BOMFileFormatXML
		if line, err := xmlSyntax(data); err != nil {
			doc.problem(ProblemParse, line, err.Error())
			return
		}
	} else {
		doc.Encoding = EncJSON
		if line, err := jsonSyntax(data); err != nil {
			doc.problem(ProblemParse, line, err.Error())
			return
		}
	}
	var bom cdx.BOM
	if err := cdx.NewBOMDecoder(bytes.NewReader(data), format).Decode(&bom); err != nil {
		doc.problem(ProblemParse, errorLine(EncJSON, data, err), fmt.Sprintf("cannot read the CycloneDX document: %v", err))
		return
	}
	if format == cdx.BOMFileFormatJSON {
		if bom.BOMFormat != "CycloneDX" {
			doc.problemAt(ProblemParse, data, `"bomFormat"`, fmt.Sprintf("bomFormat is %q, want \"CycloneDX\"", bom.BOMFormat))
			return
		}
		doc.SpecVersion = bom.SpecVersion.String()
	} else {
		doc.SpecVersion = xmlSpecVersion(bom.XMLNS)
	}
	if doc.SpecVersion == "" || strings.Contains(doc.SpecVersion, "SpecVersion(") {
		doc.problemAt(ProblemVersion, data, "specVersion", "unknown CycloneDX specVersion: 1.0 to 1.7 are read")
		return
	}
	doc.Parsed = true
	checkCycloneDX(doc, &bom, data)
}

// xmlSpecVersion reads the version from the namespace
// (http://cyclonedx.org/schema/bom/1.6).
func xmlSpecVersion(ns string) string {
	const prefix = "http://cyclonedx.org/schema/bom/"
	if v, ok := strings.CutPrefix(ns, prefix); ok {
		return v
	}
	return ""
}

// xmlSyntax checks that data is well-formed XML, giving the line of the
// first error.
func xmlSyntax(data []byte) (int, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return 0, nil
		}
		if err != nil {
			line, _ := dec.InputPos()
			return line, fmt.Errorf("invalid XML: %w (is the file truncated?)", err)
		}
	}
}

func checkCycloneDX(doc *Document, bom *cdx.BOM, data []byte) {
	md := bom.Metadata
	if md == nil || md.Timestamp == "" {
		doc.missing(NTIATimestamp)
		doc.problem(ProblemNTIA, 0, "no metadata.timestamp (NTIA: timestamp)")
	} else if !validTime(md.Timestamp) && !validTimeOffset(md.Timestamp) {
		doc.problemAt(ProblemSpec, data, md.Timestamp, fmt.Sprintf("metadata.timestamp %q is not a date-time", md.Timestamp))
	}
	if md == nil || (md.Authors == nil || len(*md.Authors) == 0) && !hasTools(md.Tools) && md.Manufacturer == nil && md.Manufacture == nil {
		doc.missing(NTIAAuthor)
		doc.problem(ProblemNTIA, 0, "no metadata.authors, tools or manufacturer: the document does not say who or what made it (NTIA: author)")
	}
	refs := map[string]bool{}
	var all []cdx.Component
	var walk func(cs *[]cdx.Component, depth int)
	walk = func(cs *[]cdx.Component, depth int) {
		if cs == nil || depth > 64 {
			return
		}
		for _, c := range *cs {
			all = append(all, c)
			walk(c.Components, depth+1)
		}
	}
	if md != nil && md.Component != nil {
		if md.Component.BOMRef != "" {
			refs[md.Component.BOMRef] = true
		}
		walk(md.Component.Components, 1)
	}
	walk(bom.Components, 0)
	if bom.Services != nil {
		for _, s := range *bom.Services {
			refs[s.BOMRef] = true
		}
	}
	doc.Packages = len(all)
	lic := licenceChecker{doc: doc, data: data, refs: map[string]bool{}, seen: map[string]bool{}}
	var noName, noVersion, noSupplier, noID []string
	for _, c := range all {
		name := c.Name
		if c.Group != "" {
			name = c.Group + "/" + c.Name
		}
		if c.BOMRef != "" {
			refs[c.BOMRef] = true
		}
		l := name
		if l == "" {
			l = c.BOMRef
		}
		if c.Name == "" {
			noName = append(noName, c.BOMRef)
		}
		if c.Version == "" {
			noVersion = append(noVersion, l)
		}
		if c.Supplier == nil && c.Manufacturer == nil && c.Publisher == "" && c.Author == "" && (c.Authors == nil || len(*c.Authors) == 0) {
			noSupplier = append(noSupplier, l)
		}
		if c.BOMRef == "" && c.PackageURL == "" && c.CPE == "" && c.SWID == nil {
			noID = append(noID, l)
		}
		comp := Component{ID: c.BOMRef, Name: name, Version: c.Version, PURL: c.PackageURL}
		if c.Licenses != nil {
			var parts []string
			for _, ch := range *c.Licenses {
				switch {
				case ch.Expression != "":
					lic.check("component "+l, "licenses.expression", ch.Expression)
					parts = append(parts, ch.Expression)
				case ch.License != nil && ch.License.ID != "":
					if _, ok := licpolicy.Known(ch.License.ID); !ok {
						doc.problemAt(ProblemLicense, data, ch.License.ID, fmt.Sprintf("component %s: licence id %q is not on the SPDX licence list (use name for other licences)", l, ch.License.ID))
					} else {
						parts = append(parts, ch.License.ID)
					}
				}
			}
			if len(parts) > 0 {
				comp.License = strings.Join(parts, " AND ")
			}
		}
		doc.Components = append(doc.Components, comp)
	}
	ntiaList(doc, NTIAName, noName, "no name")
	ntiaList(doc, NTIAVersion, noVersion, "no version")
	ntiaList(doc, NTIASupplier, noSupplier, "no supplier (or manufacturer, publisher, author)")
	ntiaList(doc, NTIAIdentifier, noID, "no bom-ref, purl, CPE or SWID")
	links := 0
	if bom.Dependencies != nil {
		for _, d := range *bom.Dependencies {
			if !refs[d.Ref] {
				doc.problemAt(ProblemReference, data, `"`+d.Ref+`"`, fmt.Sprintf("dependencies names %q, which is not the bom-ref of a component or service (dangling reference)", d.Ref))
			}
			if d.Dependencies != nil {
				for _, to := range *d.Dependencies {
					links++
					if !refs[to] {
						doc.problemAt(ProblemReference, data, `"`+to+`"`, fmt.Sprintf("%q depends on %q, which is not the bom-ref of a component or service (dangling reference)", d.Ref, to))
					}
				}
			}
		}
	}
	if links == 0 && len(all) > 0 {
		doc.missing(NTIARelationship)
		doc.problem(ProblemNTIA, 0, fmt.Sprintf("%d components and no dependencies section saying what depends on what (NTIA: dependency relationships)", len(all)))
	}
}

func hasTools(t *cdx.ToolsChoice) bool {
	return t != nil && (t.Tools != nil && len(*t.Tools) > 0 || t.Components != nil && len(*t.Components) > 0 || t.Services != nil && len(*t.Services) > 0)
}
