// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"strings"
	"testing"
)

// A small SPDX 2.3 document in each encoding (written for these tests).
const tvDoc = `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: app
DocumentNamespace: https://example.com/spdx/app-1
Creator: Tool: example-1.0
Created: 2026-01-02T03:04:05Z

PackageName: app
SPDXID: SPDXRef-app
PackageVersion: 1.0.0
PackageSupplier: Organization: Example
PackageDownloadLocation: NOASSERTION
FilesAnalyzed: false
PackageLicenseConcluded: NOASSERTION
PackageLicenseDeclared: MIT
PackageCopyrightText: NOASSERTION

PackageName: lib
SPDXID: SPDXRef-lib
PackageVersion: 2.0.0
PackageSupplier: NOASSERTION
PackageDownloadLocation: NOASSERTION
FilesAnalyzed: false
PackageLicenseConcluded: NOASSERTION
PackageLicenseDeclared: Apache-2.0 OR LicenseRef-Own
PackageCopyrightText: NOASSERTION
ExternalRef: PACKAGE-MANAGER purl pkg:npm/lib@2.0.0

LicenseID: LicenseRef-Own
ExtractedText: <text>Own terms</text>
LicenseName: Own

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app
Relationship: SPDXRef-app DEPENDS_ON SPDXRef-lib
`

const jsonDoc = `{
  "spdxVersion": "SPDX-2.3",
  "dataLicense": "CC0-1.0",
  "SPDXID": "SPDXRef-DOCUMENT",
  "name": "app",
  "documentNamespace": "https://example.com/spdx/app-1",
  "creationInfo": {"creators": ["Tool: example-1.0"], "created": "2026-01-02T03:04:05Z"},
  "packages": [
    {"name": "app", "SPDXID": "SPDXRef-app", "versionInfo": "1.0.0", "supplier": "Organization: Example",
     "downloadLocation": "NOASSERTION", "filesAnalyzed": false, "licenseDeclared": "MIT"},
    {"name": "lib", "SPDXID": "SPDXRef-lib", "versionInfo": "2.0.0", "supplier": "NOASSERTION",
     "downloadLocation": "NOASSERTION", "filesAnalyzed": false, "licenseDeclared": "Apache-2.0",
     "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/lib@2.0.0"}]}
  ],
  "relationships": [
    {"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": "SPDXRef-app"},
    {"spdxElementId": "SPDXRef-app", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-lib"}
  ]
}
`

const yamlDoc = `spdxVersion: SPDX-2.2
dataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
name: app
documentNamespace: https://example.com/spdx/app-1
creationInfo:
  creators:
    - "Tool: example-1.0"
  created: "2026-01-02T03:04:05Z"
packages:
  - name: app
    SPDXID: SPDXRef-app
    versionInfo: 1.0.0
    supplier: "Organization: Example"
    downloadLocation: NOASSERTION
    filesAnalyzed: false
relationships:
  - spdxElementId: SPDXRef-DOCUMENT
    relationshipType: DESCRIBES
    relatedSpdxElement: SPDXRef-app
`

const xmlDoc = `<?xml version='1.0' encoding='UTF-8'?>
<Document>
  <SPDXID>SPDXRef-DOCUMENT</SPDXID>
  <spdxVersion>SPDX-2.3</spdxVersion>
  <creationInfo>
    <created>2026-01-02T03:04:05Z</created>
    <creators>Tool: example-1.0</creators>
  </creationInfo>
  <name>app</name>
  <dataLicense>CC0-1.0</dataLicense>
  <documentNamespace>https://example.com/spdx/app-1</documentNamespace>
  <documentDescribes>SPDXRef-app</documentDescribes>
  <packages>
    <SPDXID>SPDXRef-app</SPDXID>
    <name>app</name>
    <versionInfo>1.0.0</versionInfo>
    <supplier>Organization: Example</supplier>
    <downloadLocation>NOASSERTION</downloadLocation>
    <filesAnalyzed>false</filesAnalyzed>
    <checksums><algorithm>SHA1</algorithm><checksumValue>d6a770ba38583ed4bb4525bd96e50461655d2759</checksumValue></checksums>
  </packages>
</Document>
`

const cdxDoc = `{
  "bomFormat": "CycloneDX",
  "specVersion": "1.6",
  "version": 1,
  "metadata": {"timestamp": "2026-01-02T03:04:05Z", "tools": {"components": [{"type": "application", "name": "example"}]},
    "component": {"type": "application", "bom-ref": "app", "name": "app", "version": "1.0.0"}},
  "components": [
    {"type": "library", "bom-ref": "pkg:npm/lib@2.0.0", "name": "lib", "version": "2.0.0", "purl": "pkg:npm/lib@2.0.0",
     "supplier": {"name": "Example"}, "licenses": [{"license": {"id": "MIT"}}]}
  ],
  "dependencies": [{"ref": "app", "dependsOn": ["pkg:npm/lib@2.0.0"]}]
}
`

const spdx3Doc = `{
  "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
  "@graph": [
    {"type": "CreationInfo", "@id": "_:ci", "createdBy": ["https://example.com/tool"], "specVersion": "3.0.1", "created": "2026-01-02T03:04:05Z"},
    {"type": "Tool", "spdxId": "https://example.com/tool", "name": "example", "creationInfo": "_:ci"},
    {"type": "software_Package", "spdxId": "https://example.com/app", "name": "app", "software_packageVersion": "1.0.0",
     "suppliedBy": "https://example.com/tool", "creationInfo": "_:ci"},
    {"type": "software_Package", "spdxId": "https://example.com/lib", "name": "lib", "software_packageVersion": "2.0.0",
     "suppliedBy": "https://example.com/tool", "creationInfo": "_:ci"},
    {"type": "Relationship", "spdxId": "https://example.com/rel1", "from": "https://example.com/app", "relationshipType": "dependsOn",
     "to": ["https://example.com/lib"], "creationInfo": "_:ci"}
  ]
}
`

func TestReadValidDocuments(t *testing.T) {
	cases := []struct {
		path, data, format, enc, version string
		packages                         int
	}{
		{"app.spdx", tvDoc, SPDX, EncTagValue, "SPDX-2.3", 2},
		{"app.spdx.json", jsonDoc, SPDX, EncJSON, "SPDX-2.3", 2},
		{"app.spdx.yaml", yamlDoc, SPDX, EncYAML, "SPDX-2.2", 1},
		{"app.spdx.xml", xmlDoc, SPDX, EncXML, "SPDX-2.3", 1},
		{"bom.json", cdxDoc, CycloneDX, EncJSON, "1.6", 1},
		{"app.spdx.json", spdx3Doc, SPDX, EncJSONLD, "3.0.1", 2},
	}
	for _, tc := range cases {
		d := Read(tc.path, []byte(tc.data))
		if !d.Parsed || d.Format != tc.format || d.Encoding != tc.enc || d.SpecVersion != tc.version || d.Packages != tc.packages {
			t.Errorf("%s (%s): %+v", tc.path, tc.enc, d)
		}
		if len(d.Problems) > 0 || len(d.NTIA) > 0 {
			t.Errorf("%s (%s): problems %+v, NTIA gaps %v", tc.path, tc.enc, d.Problems, d.NTIA)
		}
	}
}

// TestReadMutations: each broken copy gives its own finding, with a line
// where one can be told.
func TestReadMutations(t *testing.T) {
	cases := []struct {
		name, path, data string
		kind             string
		line             int
		msg              string
	}{
		{"truncated JSON", "app.spdx.json", jsonDoc[:400], ProblemParse, 10, "truncated"},
		{"truncated CycloneDX", "bom.json", cdxDoc[:200], ProblemParse, 6, "truncated"},
		{"wrong version", "app.spdx", strings.Replace(tvDoc, "SPDX-2.3", "SPDX-2.9", 1), ProblemVersion, 1, `unknown SPDX version "SPDX-2.9"`},
		{"wrong version JSON", "app.spdx.json", strings.Replace(jsonDoc, "SPDX-2.3", "SPDX-1.2", 1), ProblemVersion, 2, "SPDX-1.2"},
		{"dangling reference", "app.spdx", strings.Replace(tvDoc, "DEPENDS_ON SPDXRef-lib", "DEPENDS_ON SPDXRef-gone", 1), ProblemReference, 35, "SPDXRef-gone"},
		{"dangling CycloneDX dependency", "bom.json", strings.Replace(cdxDoc, `"dependsOn": ["pkg:npm/lib@2.0.0"]`, `"dependsOn": ["pkg:npm/gone@1"]`, 1), ProblemReference, 11, "pkg:npm/gone@1"},
		{"bad licence expression", "app.spdx.json", strings.Replace(jsonDoc, `"licenseDeclared": "Apache-2.0"`, `"licenseDeclared": "Apache 2.0 or"`, 1), ProblemLicense, 12, "not a valid SPDX licence expression"},
		{"undefined LicenseRef", "app.spdx", strings.Replace(tvDoc, "LicenseID: LicenseRef-Own", "LicenseID: LicenseRef-Other", 1), ProblemReference, 26, "LicenseRef-Own"},
		{"no creator", "app.spdx.json", strings.Replace(jsonDoc, `"creators": ["Tool: example-1.0"], `, "", 1), ProblemNTIA, 0, "no creator"},
		{"no creator tag-value", "app.spdx", strings.Replace(tvDoc, "Creator: Tool: example-1.0\n", "", 1), ProblemNTIA, 0, "no creator"},
		{"no timestamp", "bom.json", strings.Replace(cdxDoc, `"timestamp": "2026-01-02T03:04:05Z", `, "", 1), ProblemNTIA, 0, "timestamp"},
		{"no version", "app.spdx.json", strings.Replace(jsonDoc, `"versionInfo": "2.0.0", `, "", 1), ProblemNTIA, 0, "1 of 2 packages has no version"},
		{"no relationships", "bom.json", strings.Replace(cdxDoc, `"dependencies": [{"ref": "app", "dependsOn": ["pkg:npm/lib@2.0.0"]}]`, `"dependencies": []`, 1), ProblemNTIA, 0, "dependency relationships"},
		{"SPDX 3 dangling", "app.spdx.json", strings.Replace(spdx3Doc, `"to": ["https://example.com/lib"]`, `"to": ["https://example.com/gone"]`, 1), ProblemReference, 11, "https://example.com/gone"},
		{"bad XML", "app.spdx.xml", strings.Replace(xmlDoc, "</packages>", "", 1), ProblemParse, 22, "invalid XML"},
		{"bad YAML", "app.spdx.yaml", strings.Replace(yamlDoc, "  - name: app", "  - name: app\n   bad: [", 1), ProblemParse, 11, "yaml"},
		{"empty", "app.spdx", "", ProblemParse, 1, "empty"},
		{"binary", "bom.json", "\x00\x01", ProblemParse, 1, "binary"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wantProblem(t, Read(tc.path, []byte(tc.data)), tc.kind, tc.msg, tc.line)
		})
	}
}

// wantProblem fails unless d has a problem of kind whose message contains
// msg, at line.
func wantProblem(t *testing.T, d *Document, kind, msg string, line int) {
	t.Helper()
	for _, p := range d.Problems {
		if p.Kind == kind && strings.Contains(p.Message, msg) {
			if p.Line != line {
				t.Errorf("line %d, want %d (%s)", p.Line, line, p.Message)
			}
			return
		}
	}
	t.Errorf("no %s problem containing %q in %+v", kind, msg, d.Problems)
}

func TestDetect(t *testing.T) {
	yes := map[string]string{"sbom.spdx.json": SPDX, "a/b.spdx": SPDX, "x.spdx.yml": SPDX, "x.spdx.rdf.xml": SPDX,
		"bom.json": CycloneDX, "BOM.xml": CycloneDX, "app.cdx.json": CycloneDX, "x.spdx.jsonld": SPDX}
	for p, want := range yes {
		if got, ok := Detect(p); !ok || got != want {
			t.Errorf("Detect(%q) = %q, %v", p, got, ok)
		}
	}
	for _, p := range []string{".spdx", "spdx.json", "bom.yaml", "package.json", "x.json"} {
		if _, ok := Detect(p); ok {
			t.Errorf("Detect(%q): want false", p)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{tvDoc, jsonDoc, yamlDoc, xmlDoc, cdxDoc, spdx3Doc, rdfDoc, rdfRich} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		for _, p := range []string{"a.spdx", "a.spdx.json", "a.spdx.yaml", "a.spdx.xml", "a.spdx.rdf", "bom.json", "bom.xml"} {
			d := &Document{Path: p, NTIA: []string{}}
			d.Format, _ = Detect(p)
			read(d, []byte(data))
			if !d.Parsed && len(d.Problems) == 0 {
				t.Fatalf("%s: not parsed and no problem", p)
			}
		}
	})
}
