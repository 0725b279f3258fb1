// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
)

// rdfDoc is jsonDoc in RDF/XML as spdx/tools-java writes it: the described
// package nested in the document's relationship, the dependency nested in
// the package's, licences as resources.
const rdfDoc = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF
    xmlns:spdx="http://spdx.org/rdf/terms#"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <spdx:SpdxDocument rdf:about="https://example.com/spdx/app-1#SPDXRef-DOCUMENT">
    <spdx:specVersion>SPDX-2.3</spdx:specVersion>
    <spdx:name>app</spdx:name>
    <spdx:dataLicense rdf:resource="http://spdx.org/licenses/CC0-1.0"/>
    <spdx:creationInfo>
      <spdx:CreationInfo>
        <spdx:creator>Tool: example-1.0</spdx:creator>
        <spdx:created>2026-01-02T03:04:05Z</spdx:created>
      </spdx:CreationInfo>
    </spdx:creationInfo>
    <spdx:relationship>
      <spdx:Relationship>
        <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_describes"/>
        <spdx:relatedSpdxElement>
          <spdx:Package rdf:about="https://example.com/spdx/app-1#SPDXRef-app">
            <spdx:name>app</spdx:name>
            <spdx:versionInfo>1.0.0</spdx:versionInfo>
            <spdx:supplier>Organization: Example</spdx:supplier>
            <spdx:downloadLocation rdf:resource="http://spdx.org/rdf/terms#noassertion"/>
            <spdx:filesAnalyzed rdf:datatype="http://www.w3.org/2001/XMLSchema#boolean">false</spdx:filesAnalyzed>
            <spdx:licenseDeclared rdf:resource="http://spdx.org/licenses/MIT"/>
            <spdx:relationship>
              <spdx:Relationship>
                <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_dependsOn"/>
                <spdx:relatedSpdxElement>
                  <spdx:Package rdf:about="https://example.com/spdx/app-1#SPDXRef-lib">
                    <spdx:name>lib</spdx:name>
                    <spdx:versionInfo>2.0.0</spdx:versionInfo>
                    <spdx:supplier>NOASSERTION</spdx:supplier>
                    <spdx:downloadLocation>NOASSERTION</spdx:downloadLocation>
                    <spdx:filesAnalyzed rdf:datatype="http://www.w3.org/2001/XMLSchema#boolean">false</spdx:filesAnalyzed>
                    <spdx:licenseDeclared rdf:resource="http://spdx.org/licenses/Apache-2.0"/>
                    <spdx:externalRef>
                      <spdx:ExternalRef>
                        <spdx:referenceCategory rdf:resource="http://spdx.org/rdf/terms#referenceCategory_packageManager"/>
                        <spdx:referenceType rdf:resource="http://spdx.org/rdf/references/purl"/>
                        <spdx:referenceLocator>pkg:npm/lib@2.0.0</spdx:referenceLocator>
                      </spdx:ExternalRef>
                    </spdx:externalRef>
                  </spdx:Package>
                </spdx:relatedSpdxElement>
              </spdx:Relationship>
            </spdx:relationship>
          </spdx:Package>
        </spdx:relatedSpdxElement>
      </spdx:Relationship>
    </spdx:relationship>
  </spdx:SpdxDocument>
</rdf:RDF>
`

// TestReadRDFAsJSON: the RDF form of a document reads into the model the
// JSON form reads into, and gets the same verdict.
func TestReadRDFAsJSON(t *testing.T) {
	got, issues, _, err := readRDF([]byte(rdfDoc))
	if err != nil || len(issues) > 0 {
		t.Fatalf("readRDF: %v %v", err, issues)
	}
	want, err := spdxjson.Read(strings.NewReader(jsonDoc))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreUnexported(spdx.Package{})); diff != "" {
		t.Errorf("RDF and JSON read differently (-json +rdf):\n%s", diff)
	}
	d := Read("app.spdx.rdf", []byte(rdfDoc))
	j := Read("app.spdx.json", []byte(jsonDoc))
	j.Path, j.Encoding = d.Path, d.Encoding
	if diff := cmp.Diff(j, d, cmpopts.IgnoreUnexported(Document{})); diff != "" {
		t.Errorf("verdicts differ (-json +rdf):\n%s", diff)
	}
}

// rdfRich is an SPDX 2.2 document in the less common forms RDF/XML allows:
// the SPDX vocabulary as the default namespace and under another prefix,
// rdf:Description with rdf:type,
// rdf:parseType="Resource", a checksum shared by rdf:nodeID, rdf:ID under
// xml:base, property attributes, an attribute value after a line break,
// comments; licences as sets, operators and extracted texts; a file, an
// external document and an element of it.
const rdfRich = `<?xml version="1.0"?>
<!-- written for ospolint's tests -->
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
     xmlns="http://spdx.org/rdf/terms#"
     xmlns:s="http://spdx.org/rdf/terms#"
     xmlns:rs="http://www.w3.org/2000/01/rdf-schema#"
     xmlns:doap="http://usefulinc.com/ns/doap#"
     xml:base="https://example.org/spdx/tool-2">
  <rdf:Description rdf:about="https://example.org/spdx/tool-2#SPDXRef-DOCUMENT" s:name="tool">
    <rdf:type rdf:resource="http://spdx.org/rdf/terms#SpdxDocument"/>
    <specVersion rdf:datatype=
        "http://www.w3.org/2001/XMLSchema#string">SPDX-2.2</specVersion>
    <dataLicense>
      <ListedLicense rdf:about="http://spdx.org/licenses/CC0-1.0"><licenseId>CC0-1.0</licenseId></ListedLicense>
    </dataLicense>
    <creationInfo rdf:parseType="Resource">
      <created>2025-06-30T12:00:00Z</created>
      <creator>Person: Ada Lovelace (ada@example.org)</creator>
      <creator>Tool: writer-3</creator>
      <licenseListVersion>3.26</licenseListVersion>
    </creationInfo>
    <externalDocumentRef>
      <ExternalDocumentRef rdf:about="https://example.org/spdx/tool-2#DocumentRef-base">
        <externalDocumentId>DocumentRef-base</externalDocumentId>
        <spdxDocument rdf:resource="https://example.org/spdx/base-7"/>
        <checksum rdf:nodeID="sum1"/>
      </ExternalDocumentRef>
    </externalDocumentRef>
    <describesPackage rdf:resource="#SPDXRef-tool"/>
    <hasExtractedLicensingInfo>
      <ExtractedLicensingInfo rdf:about="https://example.org/spdx/tool-2#LicenseRef-house">
        <licenseId>LicenseRef-house</licenseId>
        <extractedText>Use it &amp; share it.</extractedText>
        <name>House licence</name>
      </ExtractedLicensingInfo>
    </hasExtractedLicensingInfo>
  </rdf:Description>
  <Checksum rdf:nodeID="sum1">
    <algorithm rdf:resource="http://spdx.org/rdf/terms#checksumAlgorithm_sha256"/>
    <checksumValue>aa11</checksumValue>
  </Checksum>
  <Package rdf:ID="SPDXRef-tool">
    <name>tool</name>
    <versionInfo>2.0</versionInfo>
    <supplier>Person: Ada Lovelace</supplier>
    <downloadLocation>https://example.org/tool-2.0.tar.gz</downloadLocation>
    <doap:homepage>https://example.org/tool</doap:homepage>
    <copyrightText rdf:resource="http://spdx.org/rdf/terms#none"/>
    <checksum rdf:nodeID="sum1"/>
    <licenseConcluded>
      <ConjunctiveLicenseSet>
        <member>
          <DisjunctiveLicenseSet>
            <member rdf:resource="http://spdx.org/licenses/MIT"/>
            <member rdf:resource="https://example.org/spdx/tool-2#LicenseRef-house"/>
          </DisjunctiveLicenseSet>
        </member>
        <member>
          <WithExceptionOperator>
            <member rdf:resource="http://spdx.org/licenses/GPL-2.0-only"/>
            <licenseException>
              <LicenseException rdf:about="http://spdx.org/licenses/Classpath-exception-2.0">
                <licenseExceptionId>Classpath-exception-2.0</licenseExceptionId>
              </LicenseException>
            </licenseException>
          </WithExceptionOperator>
        </member>
      </ConjunctiveLicenseSet>
    </licenseConcluded>
    <licenseDeclared>
      <OrLaterOperator><member rdf:resource="http://spdx.org/licenses/LGPL-2.1-only"/></OrLaterOperator>
    </licenseDeclared>
    <licenseInfoFromFiles rdf:resource="http://spdx.org/licenses/MIT"/>
    <externalRef>
      <ExternalRef>
        <referenceCategory rdf:resource="http://spdx.org/rdf/terms#referenceCategory_security"/>
        <referenceType>
          <ReferenceType rdf:about="http://spdx.org/rdf/references/cpe23Type"/>
        </referenceType>
        <referenceLocator>cpe:2.3:a:example:tool:2.0:*:*:*:*:*:*:*</referenceLocator>
      </ExternalRef>
    </externalRef>
    <hasFile>
      <File rdf:about="https://example.org/spdx/tool-2#SPDXRef-main">
        <fileName>./main.c</fileName>
        <fileType rdf:resource="http://spdx.org/rdf/terms#fileType_source"/>
        <licenseConcluded rdf:resource="http://spdx.org/rdf/terms#noassertion"/>
        <licenseInfoInFile rdf:resource="http://spdx.org/licenses/MIT"/>
        <copyrightText>Copyright 2025 Ada Lovelace</copyrightText>
        <checksum>
          <Checksum s:checksumValue="bb22">
            <algorithm rdf:resource="http://spdx.org/rdf/terms#checksumAlgorithm_sha1"/>
          </Checksum>
        </checksum>
      </File>
    </hasFile>
    <relationship>
      <Relationship>
        <relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_buildToolOf"/>
        <relatedSpdxElement rdf:resource="https://example.org/spdx/base-7#SPDXRef-base"/>
        <rs:comment>built with it</rs:comment>
      </Relationship>
    </relationship>
  </Package>
</rdf:RDF>
`

func TestReadRDFForms(t *testing.T) {
	got, issues, vline, err := readRDF([]byte(rdfRich))
	if err != nil || len(issues) > 0 {
		t.Fatalf("readRDF: %v %v", err, issues)
	}
	if vline != 11 {
		t.Errorf("specVersion at line %d, want 11", vline)
	}
	sum := common.Checksum{Algorithm: common.SHA256, Value: "aa11"}
	main := &spdx.File{FileName: "./main.c", FileSPDXIdentifier: "main", FileTypes: []string{"SOURCE"},
		Checksums: []common.Checksum{{Algorithm: common.SHA1, Value: "bb22"}}, LicenseConcluded: "NOASSERTION",
		LicenseInfoInFiles: []string{"MIT"}, FileCopyrightText: "Copyright 2025 Ada Lovelace"}
	want := &spdx.Document{
		SPDXVersion: "SPDX-2.2", DataLicense: "CC0-1.0", SPDXIdentifier: "DOCUMENT", DocumentName: "tool",
		DocumentNamespace:          "https://example.org/spdx/tool-2",
		ExternalDocumentReferences: []spdx.ExternalDocumentRef{{DocumentRefID: "base", URI: "https://example.org/spdx/base-7", Checksum: sum}},
		CreationInfo: &spdx.CreationInfo{LicenseListVersion: "3.26", Created: "2025-06-30T12:00:00Z", Creators: []common.Creator{
			{Creator: "Ada Lovelace (ada@example.org)", CreatorType: "Person"}, {Creator: "writer-3", CreatorType: "Tool"}}},
		Packages: []*spdx.Package{{
			PackageName: "tool", PackageSPDXIdentifier: "tool", PackageVersion: "2.0",
			PackageSupplier:         &common.Supplier{Supplier: "Ada Lovelace", SupplierType: "Person"},
			PackageDownloadLocation: "https://example.org/tool-2.0.tar.gz", FilesAnalyzed: true,
			PackageChecksums: []common.Checksum{sum}, PackageHomePage: "https://example.org/tool",
			PackageLicenseConcluded:     "(MIT OR LicenseRef-house) AND GPL-2.0-only WITH Classpath-exception-2.0",
			PackageLicenseDeclared:      "LGPL-2.1-only+",
			PackageLicenseInfoFromFiles: []string{"MIT"},
			PackageCopyrightText:        "NONE",
			PackageExternalReferences: []*spdx.PackageExternalReference{{Category: "SECURITY", RefType: "cpe23Type",
				Locator: "cpe:2.3:a:example:tool:2.0:*:*:*:*:*:*:*"}},
			Files: []*spdx.File{main},
		}},
		OtherLicenses: []*spdx.OtherLicense{{LicenseIdentifier: "LicenseRef-house", ExtractedText: "Use it & share it.", LicenseName: "House licence"}},
		Relationships: []*spdx.Relationship{
			{RefA: common.DocElementID{ElementRefID: "tool"}, RefB: common.DocElementID{ElementRefID: "main"}, Relationship: "CONTAINS"},
			{RefA: common.DocElementID{ElementRefID: "DOCUMENT"}, RefB: common.DocElementID{ElementRefID: "tool"}, Relationship: "DESCRIBES"},
			{RefA: common.DocElementID{ElementRefID: "tool"}, RefB: common.DocElementID{DocumentRefID: "base", ElementRefID: "base"},
				Relationship: "BUILD_TOOL_OF", RelationshipComment: "built with it"},
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreUnexported(spdx.Package{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	d := Read("tool.spdx.rdf.xml", []byte(rdfRich))
	if !d.Parsed || d.SpecVersion != "SPDX-2.2" || len(d.Problems) > 0 || len(d.NTIA) > 0 {
		t.Errorf("verdict: %+v", d)
	}
}

// TestReadRDFMutations: each broken copy of an RDF document gives its own
// finding, with its line.
func TestReadRDFMutations(t *testing.T) {
	cases := []struct {
		name, data, kind string
		line             int
		msg              string
	}{
		{"truncated", rdfDoc[:1500], ProblemParse, lineAt([]byte(rdfDoc), 1500), "unexpected end of file"},
		{"unclosed element", strings.Replace(rdfDoc, "</spdx:name>", "", 1), ProblemParse, 9, "holds both text and the element <dataLicense> (is its closing tag missing?)"},
		{"entity", strings.Replace(rdfDoc, "<spdx:name>app", "<spdx:name>&ext;", 1), ProblemParse, 8, "invalid XML"},
		{"not SPDX", strings.ReplaceAll(rdfDoc, "spdx:SpdxDocument", "spdx:Other"), ProblemParse, 1, "no spdx:SpdxDocument"},
		{"two roots", rdfDoc + "<rdf:RDF/>", ProblemParse, 55, "second root element"},
		{"text in a node", strings.Replace(rdfDoc, "<spdx:name>app</spdx:name>", "app", 1), ProblemParse, 8, "text directly inside the node element <SpdxDocument>"},
		{"no version", strings.Replace(rdfDoc, "<spdx:specVersion>SPDX-2.3</spdx:specVersion>", "", 1), ProblemParse, 1, "no SPDX version"},
		{"wrong version", strings.Replace(rdfDoc, "SPDX-2.3", "SPDX-2.9", 1), ProblemVersion, 7, `unknown SPDX version "SPDX-2.9"`},
		{"dangling resource", strings.Replace(rdfDoc, `<spdx:licenseDeclared rdf:resource="http://spdx.org/licenses/MIT"/>`,
			`<spdx:relationship><spdx:Relationship><spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_contains"/>
<spdx:relatedSpdxElement rdf:resource="https://example.com/spdx/app-1#SPDXRef-gone"/></spdx:Relationship></spdx:relationship>`, 1),
			ProblemReference, 27, "SPDXRef-gone"},
		{"undefined LicenseRef", strings.Replace(rdfDoc, "http://spdx.org/licenses/MIT", "https://example.com/spdx/app-1#LicenseRef-own", 1),
			ProblemReference, 26, "LicenseRef-own, which the document does not define"},
		{"no creator", strings.Replace(rdfDoc, "<spdx:creator>Tool: example-1.0</spdx:creator>", "", 1), ProblemNTIA, 0, "no creator"},
		{"package without identifier", strings.Replace(rdfDoc, `<spdx:Package rdf:about="https://example.com/spdx/app-1#SPDXRef-lib">`, `<spdx:Package>`, 1),
			ProblemSpec, 31, "the package at line 31 has no SPDX identifier"},
		{"deep", strings.Replace(rdfDoc, "<spdx:name>app</spdx:name>", strings.Repeat("<spdx:x><spdx:X>", 200)+strings.Repeat("</spdx:X></spdx:x>", 200), 1),
			ProblemParse, 8, "nested more than 256 deep"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wantProblem(t, Read("app.spdx.rdf", []byte(tc.data)), tc.kind, tc.msg, tc.line)
		})
	}
}

// TestReadRDFSharedLicenceSets: licence sets that name the same set twice
// double the expression at each level; forty levels would be a terabyte.
// Each set is written once and the expression is capped.
func TestReadRDFSharedLicenceSets(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, `<spdx:ConjunctiveLicenseSet rdf:nodeID="s%d"><spdx:member rdf:nodeID="s%d"/><spdx:member rdf:nodeID="s%d"/></spdx:ConjunctiveLicenseSet>`+"\n", i, i+1, i+1)
	}
	b.WriteString(`<spdx:ConjunctiveLicenseSet rdf:nodeID="s40"><spdx:member rdf:resource="http://spdx.org/licenses/MIT"/><spdx:member rdf:resource="http://spdx.org/licenses/0BSD"/></spdx:ConjunctiveLicenseSet>` + "\n")
	b.WriteString(`<spdx:ConjunctiveLicenseSet rdf:nodeID="loop"><spdx:member rdf:nodeID="loop"/></spdx:ConjunctiveLicenseSet>` + "\n")
	data := strings.Replace(rdfDoc, `<spdx:licenseDeclared rdf:resource="http://spdx.org/licenses/MIT"/>`,
		`<spdx:licenseDeclared rdf:nodeID="s0"/><spdx:licenseConcluded rdf:nodeID="loop"/>`, 1)
	data = strings.Replace(data, "</rdf:RDF>", b.String()+"</rdf:RDF>", 1)
	got, issues, _, err := readRDF([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	app := got.Packages[0]
	if app.PackageLicenseDeclared != "NOASSERTION" || app.PackageLicenseConcluded != "NOASSERTION" {
		t.Errorf("declared %.80q, concluded %.80q", app.PackageLicenseDeclared, app.PackageLicenseConcluded)
	}
	msgs := fmt.Sprint(issues)
	for _, want := range []string{"more than 65536 bytes", "contains itself"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("no issue saying %q: %s", want, msgs)
		}
	}
}

// TestReadRDFPlainForms: a document in the forms without rdf:RDF (a single
// node element as the root) and with the version as a property attribute.
func TestReadRDFPlainForms(t *testing.T) {
	doc := `<s:SpdxDocument xmlns:s="http://spdx.org/rdf/terms#" xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    about="https://example.com/d#SPDXRef-DOCUMENT" s:specVersion="SPDX-2.1" s:name="d">
  <s:dataLicense resource="http://spdx.org/licenses/CC0-1.0"/>
  <s:creationInfo s:created="2020-01-01T00:00:00Z" s:creator="Tool: t"/>
</s:SpdxDocument>`
	d := Read("d.spdx.rdf", []byte(doc))
	if !d.Parsed || d.SpecVersion != "SPDX-2.1" || len(d.Problems) > 0 {
		t.Errorf("%+v", d)
	}
}

// TestReadRDFEncoding: an encoding other than UTF-8 is refused with
// its line, not misread.
func TestReadRDFEncoding(t *testing.T) {
	data := bytes.Replace([]byte(rdfDoc), []byte(`encoding="UTF-8"`), []byte(`encoding="ISO-8859-1"`), 1)
	d := Read("app.spdx.rdf", data)
	if d.Parsed || len(d.Problems) != 1 || d.Problems[0].Line != 1 || !strings.Contains(d.Problems[0].Message, "ISO-8859-1") {
		t.Errorf("%+v", d.Problems)
	}
}

// TestParseRDFXMLGraph: the statements of the rarer property forms.
func TestParseRDFXMLGraph(t *testing.T) {
	doc := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="https://example.com/v#">
  <e:Thing rdf:about="https://example.com/a">
    <e:note rdf:parseType="Literal">see <b>this</b> <!-- not this --> too</e:note>
    <e:parts rdf:parseType="Collection">
      <e:Part rdf:about="https://example.com/p1"/>
      <e:Part rdf:nodeID="p2"/>
    </e:parts>
    <e:owner e:name="Ada" xml:lang="en"/>
    <e:title xml:lang="en">A</e:title>
  </e:Thing>
</rdf:RDF>`
	g, err := parseRDFXML([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	a := g.nodes["https://example.com/a"]
	if a == nil {
		t.Fatal("no subject https://example.com/a")
	}
	type stmt struct{ Pred, Obj string }
	var got []stmt
	for _, s := range a.props {
		o := s.obj.value
		if s.obj.literal {
			o = "'" + o + "'"
		}
		got = append(got, stmt{strings.TrimPrefix(s.pred, "https://example.com/v#"), o})
	}
	want := []stmt{{"note", "'see this  too'"}, {"parts", "https://example.com/p1"}, {"parts", "_:np2"}, {"owner", "_:b1"}, {"title", "'A'"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if owner := g.nodes["_:b1"]; owner == nil || len(owner.props) != 1 || owner.props[0].obj.value != "Ada" {
		t.Errorf("owner node: %+v", owner)
	}
	if p2 := g.nodes["_:np2"]; p2 == nil || len(p2.types) != 1 || p2.types[0] != "https://example.com/v#Part" {
		t.Errorf("p2: %+v", p2)
	}
}

func FuzzReadRDF(f *testing.F) {
	for _, s := range []string{rdfDoc, rdfRich} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		d, _, _, err := readRDF([]byte(data))
		if (d == nil) == (err == nil) {
			t.Fatalf("document %v and error %v", d != nil, err)
		}
	})
}
