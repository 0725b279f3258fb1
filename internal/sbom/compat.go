// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"regexp"
	"strings"
)

// Valid documents that spdx/tools-golang v0.5.7 refuses for reasons of its
// own, rewritten into an equivalent form it reads. Each rewrite is tried
// only after the library refused the document as written.

// rdfAttrSpace matches an XML attribute whose value starts after white
// space ('rdf:datatype=\n "..."'), which XML allows and the gordf tokenizer
// does not (the SPDX specification's RDF examples have it).
var (
	rdfAttrSpace = regexp.MustCompile(`(\s[A-Za-z_][\w:.-]*)=\s+(["'])`)
	// rdfTagEnd matches white space between the last attribute and the end
	// of the tag, which gordf refuses too.
	rdfTagEnd = regexp.MustCompile(`(=\s*"[^"<>]*")\s+(/?>)`)
)

// rdfListOnly are the properties of a licence that describe the SPDX
// licence list itself (HTML texts, templates, cross references, OSI and FSF
// flags); the library's RDF reader refuses a licence that carries them, as
// the specification's RDF examples do. They say nothing about the package.
const rdfListOnly = `licenseTextHtml|standardLicenseHeaderHtml|standardLicenseTemplate|standardLicenseHeaderTemplate|` +
	`isFsfLibre|isOsiApproved|isDeprecatedLicenseId|exceptionTextHtml|crossRef|licenseExceptionTemplate|deprecatedVersion|obsoletedBy`

var (
	rdfListProps = regexp.MustCompile(`(?s)<spdx:(?:` + rdfListOnly + `)\b[^>]*?(?:/>|>.*?</spdx:(?:` + rdfListOnly + `)>)`)
	// rdfNewChecksums are checksum algorithms SPDX 2.3 added (BLAKE2b,
	// BLAKE3, SHA3, ADLER32) that the library's RDF reader does not know.
	// rdfNewRelationships are relationship types SPDX 2.3 added that the
	// library's RDF reader does not know; read as "other", their ends are
	// still checked.
	rdfNewRelationships = regexp.MustCompile(`relationshipType_(?:specificationFor|requirementDescriptionFor)\b`)
	rdfNewChecksums     = regexp.MustCompile(`(?s)<spdx:checksum>\s*<spdx:Checksum>\s*<spdx:algorithm rdf:resource="[^"]*checksumAlgorithm_(?:blake|sha3|adler)[^"]*"\s*/>.*?</spdx:checksum>`)
)

// rewriteRDF makes an RDF/XML document readable by the library: attribute
// values and tag ends without white space, no licence-list properties, no checksums of
// algorithms it does not know (their values are not checked).
func rewriteRDF(data []byte) []byte {
	data = rdfAttrSpace.ReplaceAll(data, []byte("$1=$2"))
	data = rdfTagEnd.ReplaceAll(data, []byte("$1$2"))
	data = rdfListProps.ReplaceAll(data, nil)
	data = rdfNewRelationships.ReplaceAll(data, []byte("relationshipType_other"))
	return rdfNewChecksums.ReplaceAll(data, nil)
}

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
