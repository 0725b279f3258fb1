// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// readSPDX3 reads an SPDX 3 JSON-LD document. spdx/tools-golang v0.5.7
// reads SPDX 2 only, so the graph is read as plain JSON: enough for the
// version, the packages, the NTIA elements and the references between
// elements.
func readSPDX3(doc *Document, data []byte) {
	var top struct {
		Context any              `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		doc.problem(ProblemParse, 1, fmt.Sprintf("not an SPDX 3 JSON-LD document: %v", err))
		return
	}
	ctx := fmt.Sprint(top.Context)
	if !strings.Contains(ctx, "spdx.org/rdf/3") {
		doc.problemAt(ProblemParse, data, "@context", "JSON-LD document without the SPDX 3 context (https://spdx.org/rdf/3.0.1/spdx-context.jsonld)")
		return
	}
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	list := func(m map[string]any, k string) []string {
		switch v := m[k].(type) {
		case string:
			return []string{v}
		case []any:
			var out []string
			for _, x := range v {
				if s, ok := x.(string); ok {
					out = append(out, s)
				}
			}
			return out
		}
		return nil
	}
	ids := map[string]bool{}
	imports := map[string]bool{}
	creation := map[string]map[string]any{}
	for _, e := range top.Graph {
		if id := str(e, "spdxId"); id != "" {
			ids[id] = true
		}
		if id := str(e, "@id"); id != "" {
			ids[id] = true
		}
		if str(e, "type") == "CreationInfo" {
			creation[str(e, "@id")] = e
		}
		if imp, ok := e["import"].([]any); ok {
			for _, x := range imp {
				if m, ok := x.(map[string]any); ok {
					imports[str(m, "externalSpdxId")] = true
				}
			}
		}
	}
	if len(creation) == 0 {
		doc.missing(NTIAAuthor)
		doc.missing(NTIATimestamp)
		doc.problem(ProblemNTIA, 0, "no CreationInfo element (NTIA: author, timestamp)")
	}
	for _, ci := range creation {
		if doc.SpecVersion == "" {
			doc.SpecVersion = str(ci, "specVersion")
		}
		if len(list(ci, "createdBy")) == 0 {
			doc.missing(NTIAAuthor)
			doc.problemAt(ProblemNTIA, data, `"CreationInfo"`, "CreationInfo without createdBy (NTIA: author)")
		}
		if c := str(ci, "created"); c == "" {
			doc.missing(NTIATimestamp)
			doc.problemAt(ProblemNTIA, data, `"CreationInfo"`, "CreationInfo without created (NTIA: timestamp)")
		} else if _, err := time.Parse(time.RFC3339, c); err != nil {
			doc.problemAt(ProblemSpec, data, c, fmt.Sprintf("created %q is not a date-time", c))
		}
	}
	if doc.SpecVersion != "" && !strings.HasPrefix(doc.SpecVersion, "3.") {
		doc.problemAt(ProblemVersion, data, doc.SpecVersion, fmt.Sprintf("specVersion %q in an SPDX 3 JSON-LD document", doc.SpecVersion))
		return
	}
	doc.Parsed = true
	lic := licenceChecker{doc: doc, data: data, refs: map[string]bool{}, seen: map[string]bool{}}
	var noName, noVersion, noSupplier []string
	links := 0
	for _, e := range top.Graph {
		typ := str(e, "type")
		switch typ {
		case "software_Package":
			name, id := str(e, "name"), str(e, "spdxId")
			l := name
			if l == "" {
				l = id
				noName = append(noName, id)
			}
			c := Component{ID: id, Name: name, Version: str(e, "software_packageVersion"), PURL: str(e, "software_packageUrl")}
			if c.Version == "" {
				noVersion = append(noVersion, l)
			}
			if str(e, "suppliedBy") == "" && len(list(e, "originatedBy")) == 0 {
				noSupplier = append(noSupplier, l)
			}
			doc.Components = append(doc.Components, c)
		case "Relationship", "LifecycleScopedRelationship":
			from, to := str(e, "from"), list(e, "to")
			for _, ref := range append([]string{from}, to...) {
				if ref != "" && !ids[ref] && !imports[ref] && !special3(ref) {
					doc.problemAt(ProblemReference, data, `"`+ref+`"`, fmt.Sprintf("relationship %s names %s, which is neither an element of the document nor imported (dangling reference)", str(e, "spdxId"), ref))
				}
			}
			rt := str(e, "relationshipType")
			if rt != "describes" {
				links++
			}
		case "simplelicensing_LicenseExpression":
			lic.check("licence expression "+str(e, "spdxId"), "licenseExpression", str(e, "simplelicensing_licenseExpression"))
		}
	}
	doc.Packages = len(doc.Components)
	ntiaList(doc, NTIAName, noName, "no name")
	ntiaList(doc, NTIAVersion, noVersion, "no software_packageVersion")
	ntiaList(doc, NTIASupplier, noSupplier, "no suppliedBy or originatedBy")
	if links == 0 && doc.Packages > 0 {
		doc.missing(NTIARelationship)
		doc.problem(ProblemNTIA, 0, "no relationship between elements (NTIA: dependency relationships)")
	}
}

// special3 are the individuals SPDX 3 defines for "no value".
func special3(ref string) bool {
	return strings.HasPrefix(ref, "https://spdx.org/rdf/3") || ref == "NoneElement" || ref == "NoAssertionElement" ||
		strings.HasPrefix(ref, "spdx:") || strings.HasPrefix(ref, "_:")
}
