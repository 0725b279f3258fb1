// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"strings"
	"testing"
)

func TestRewriteRDF(t *testing.T) {
	in := `<spdx:License rdf:about="x">
  <spdx:isDeprecatedLicenseId rdf:datatype=
      "http://www.w3.org/2001/XMLSchema#boolean">false</spdx:isDeprecatedLicenseId>
  <spdx:crossRef><spdx:CrossRef><spdx:url>u</spdx:url></spdx:CrossRef></spdx:crossRef>
  <spdx:licenseId>MIT</spdx:licenseId>
  <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_specificationFor"/>
  <spdx:filesAnalyzed rdf:datatype="http://www.w3.org/2001/XMLSchema#boolean"
    >false</spdx:filesAnalyzed>
  <spdx:checksum>
    <spdx:Checksum>
      <spdx:algorithm rdf:resource="http://spdx.org/rdf/terms#checksumAlgorithm_blake2b384"/>
      <spdx:checksumValue>aa</spdx:checksumValue>
    </spdx:Checksum>
  </spdx:checksum>
</spdx:License>`
	out := string(rewriteRDF([]byte(in)))
	for _, gone := range []string{"isDeprecatedLicenseId", "crossRef", "blake2b384", "\"\n    >", "specificationFor"} {
		if strings.Contains(out, gone) {
			t.Errorf("%q left in:\n%s", gone, out)
		}
	}
	for _, kept := range []string{"<spdx:licenseId>MIT</spdx:licenseId>", `boolean">false</spdx:filesAnalyzed>`, "relationshipType_other"} {
		if !strings.Contains(out, kept) {
			t.Errorf("%q lost:\n%s", kept, out)
		}
	}
}

func TestRelocateSnippets(t *testing.T) {
	in := "SPDXVersion: SPDX-2.3\nFileName: ./a.c\nSPDXID: SPDXRef-File\n\nPackageName: p\nSPDXID: SPDXRef-p\n\nSnippetSPDXID: SPDXRef-Snippet\nSnippetFromFileSPDXID: SPDXRef-File\n"
	want := "SPDXVersion: SPDX-2.3\nFileName: ./a.c\nSPDXID: SPDXRef-File\n\nSnippetSPDXID: SPDXRef-Snippet\nSnippetFromFileSPDXID: SPDXRef-File\nPackageName: p\nSPDXID: SPDXRef-p\n\n"
	if got := string(relocateSnippets([]byte(in))); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
