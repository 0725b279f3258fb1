// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"strings"
)

// A valid document that spdx/tools-golang v0.5.7 refuses for a reason of
// its own, rewritten into an equivalent form it reads. The rewrite is tried
// only after the library refused the document as written.

// tagSectionStart reports whether a tag-value line starts a package, file,
// snippet or licence section.
func tagSectionStart(l string) bool {
	for _, t := range []string{"PackageName:", "FileName:", "SnippetSPDXID:", "LicenseID:"} {
		if strings.HasPrefix(l, t) {
			return true
		}
	}
	return false
}

// relocateSnippets moves each tag-value snippet section right after the
// file it is from (SnippetFromFileSPDXID). The specification lets a snippet
// stand anywhere after its file; the library's reader accepts one only
// inside a file section, and refuses the SPDX specification's own
// examples, where a snippet follows a package.
func relocateSnippets(data []byte) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	type block struct {
		lines   []string
		snippet bool
		from    string // the file a snippet is from
		fileID  string // the SPDXID of a file section
	}
	var blocks []*block
	cur := &block{}
	for _, l := range lines {
		if tagSectionStart(l) {
			blocks = append(blocks, cur)
			cur = &block{snippet: strings.HasPrefix(l, "SnippetSPDXID:")}
		}
		cur.lines = append(cur.lines, l)
		t := strings.TrimSpace(l)
		if v, ok := strings.CutPrefix(t, "SnippetFromFileSPDXID:"); ok && cur.snippet {
			cur.from = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(t, "SPDXID:"); ok && len(cur.lines) > 0 && strings.HasPrefix(cur.lines[0], "FileName:") {
			cur.fileID = strings.TrimSpace(v)
		}
	}
	blocks = append(blocks, cur)
	after := map[string][]*block{}
	var kept []*block
	files := map[string]bool{}
	for _, b := range blocks {
		if b.fileID != "" {
			files[b.fileID] = true
		}
	}
	for _, b := range blocks {
		if b.snippet && files[b.from] {
			after[b.from] = append(after[b.from], b)
			continue
		}
		kept = append(kept, b)
	}
	var out bytes.Buffer
	for _, b := range kept {
		for _, l := range b.lines {
			out.WriteString(l)
		}
		endLine(&out)
		for _, s := range after[b.fileID] {
			for _, l := range s.lines {
				out.WriteString(l)
			}
			endLine(&out)
		}
	}
	return out.Bytes()
}

// endLine ends the buffer with a newline, without copying it (out.String()
// per section made the rewrite quadratic).
func endLine(out *bytes.Buffer) {
	if !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
		out.WriteByte('\n')
	}
}
