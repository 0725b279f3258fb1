// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import "testing"

func TestRelocateSnippets(t *testing.T) {
	in := "SPDXVersion: SPDX-2.3\nFileName: ./a.c\nSPDXID: SPDXRef-File\n\nPackageName: p\nSPDXID: SPDXRef-p\n\nSnippetSPDXID: SPDXRef-Snippet\nSnippetFromFileSPDXID: SPDXRef-File\n"
	want := "SPDXVersion: SPDX-2.3\nFileName: ./a.c\nSPDXID: SPDXRef-File\n\nSnippetSPDXID: SPDXRef-Snippet\nSnippetFromFileSPDXID: SPDXRef-File\nPackageName: p\nSPDXID: SPDXRef-p\n\n"
	if got := string(relocateSnippets([]byte(in))); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
