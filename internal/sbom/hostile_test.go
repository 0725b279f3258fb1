// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"fmt"
	"strings"
	"testing"
)

// TestReadCapsProblems: a document with a problem per element kept them
// all, each a finding, and looked each one's line up from the start of the
// document (16 s for 50,000 dangling references in 0.9 MB). Twenty of a
// kind are kept, then one problem counts the rest.
func TestReadCapsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"bomFormat": "CycloneDX", "specVersion": "1.6", "metadata": {"timestamp": "2026-01-02T03:04:05Z"},
"components": [], "dependencies": [`)
	for i := range 100 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"ref": "r%d"}`, i)
	}
	b.WriteString("]}")
	d := Read("bom.json", []byte(b.String()))
	var refs []Problem
	for _, p := range d.Problems {
		if p.Kind == ProblemReference {
			refs = append(refs, p)
		}
	}
	if len(refs) != maxProblems+1 {
		t.Fatalf("%d reference problems, want %d and a count: %+v", len(refs), maxProblems+1, refs)
	}
	if refs[0].Line != 2 || !strings.Contains(refs[0].Message, `"r0"`) {
		t.Errorf("first problem = %+v, want r0 at line 2", refs[0])
	}
	if last := refs[maxProblems]; last.Message != "and 80 more reference problems of this document, not listed" || last.Line != 0 {
		t.Errorf("last problem = %+v", last)
	}
}

// TestRelocateSnippetsLarge: the rewrite copied the whole output once per
// section (out.String()), quadratic in the document (82 s for a 2 MB
// tag-value document of 50,000 files); it is one pass now.
func TestRelocateSnippetsLarge(t *testing.T) {
	var in strings.Builder
	in.WriteString("SPDXVersion: SPDX-2.3\nSnippetSPDXID: SPDXRef-s\nSnippetFromFileSPDXID: SPDXRef-f49999\n")
	for i := range 50000 {
		fmt.Fprintf(&in, "FileName: f%d\nSPDXID: SPDXRef-f%d\n", i, i)
	}
	out := string(relocateSnippets([]byte(in.String())))
	if len(out) != in.Len() || !strings.HasSuffix(out, "SPDXID: SPDXRef-f49999\nSnippetSPDXID: SPDXRef-s\nSnippetFromFileSPDXID: SPDXRef-f49999\n") {
		t.Errorf("the snippet is not moved after its file: ...%s", out[max(0, len(out)-200):])
	}
}
