// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/tagvalue"
	spdxyaml "github.com/spdx/tools-golang/yaml"
)

// MaxSize is the largest document Read accepts.
const MaxSize = 64 << 20

// Read reads and checks one SBOM. It never panics and always returns a
// document: what could not be read is in its Problems.
func Read(p string, data []byte) (doc *Document) {
	format, _ := Detect(p)
	doc = &Document{Path: p, Format: format, NTIA: []string{}}
	defer func() {
		if v := recover(); v != nil {
			doc.Parsed = false
			doc.problem(ProblemParse, 0, fmt.Sprintf("internal error reading the document: %v", v))
		}
	}()
	read(doc, data)
	doc.summarize()
	return doc
}

// read is Read without the safety net, so fuzzing sees panics.
func read(doc *Document, data []byte) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		doc.problem(ProblemParse, 1, "empty file")
		return
	case bytes.IndexByte(data, 0) >= 0:
		doc.problem(ProblemParse, 1, "binary content (NUL bytes), not an SBOM")
		return
	}
	enc := sniff(doc.Path, data)
	doc.Encoding = enc
	if doc.Format == CycloneDX || (doc.Format == "" && isCycloneDX(data)) {
		doc.Format = CycloneDX
		readCycloneDX(doc, data)
		return
	}
	doc.Format = SPDX
	if enc == EncJSON || enc == EncJSONLD {
		if line, err := jsonSyntax(data); err != nil {
			doc.problem(ProblemParse, line, err.Error())
			return
		}
		if isSPDX3(data) {
			doc.Encoding = EncJSONLD
			readSPDX3(doc, data)
			return
		}
	}
	readSPDX2(doc, data)
}

// sniff decides the encoding from the name and the first bytes.
func sniff(p string, data []byte) string {
	n := strings.ToLower(p)
	head := bytes.TrimSpace(data[:min(len(data), 4096)])
	switch {
	case strings.HasSuffix(n, ".json") || strings.HasSuffix(n, ".jsonld"):
		return EncJSON
	case strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml"):
		return EncYAML
	case strings.HasSuffix(n, ".rdf"):
		return EncRDF
	case strings.HasSuffix(n, ".xml"):
		if bytes.Contains(head, []byte("<rdf:RDF")) || bytes.Contains(head, []byte("www.w3.org/1999/02/22-rdf-syntax-ns")) {
			return EncRDF
		}
		return EncXML
	case bytes.HasPrefix(head, []byte("{")):
		return EncJSON
	case bytes.HasPrefix(head, []byte("<")):
		if bytes.Contains(head, []byte("rdf:RDF")) {
			return EncRDF
		}
		return EncXML
	}
	return EncTagValue
}

func isCycloneDX(data []byte) bool {
	head := data[:min(len(data), 4096)]
	return bytes.Contains(head, []byte(`"bomFormat"`)) || bytes.Contains(head, []byte("cyclonedx.org/schema/bom"))
}

func isSPDX3(data []byte) bool {
	head := data[:min(len(data), 4096)]
	return bytes.Contains(head, []byte(`"@context"`)) || bytes.Contains(head, []byte(`"@graph"`))
}

// jsonSyntax checks that data is one JSON value, giving the line of the
// first error.
func jsonSyntax(data []byte) (int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	err := dec.Decode(&v)
	if err == nil {
		if _, err2 := dec.Token(); !errors.Is(err2, io.EOF) {
			return lineAt(data, dec.InputOffset()), errors.New("invalid JSON: data after the end of the document")
		}
		return 0, nil
	}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return lineAt(data, se.Offset), fmt.Errorf("invalid JSON: %w (is the file truncated?)", err)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return lineAt(data, int64(len(data))), errors.New("invalid JSON: unexpected end of file (is the file truncated?)")
	}
	return lineAt(data, dec.InputOffset()), fmt.Errorf("invalid JSON: %w", err)
}

// lineAt converts a byte offset into a 1-based line.
func lineAt(data []byte, off int64) int {
	if off < 0 {
		return 0
	}
	off = min(off, int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// lineOf is the line of the first occurrence of s, 0 when absent.
func lineOf(data []byte, s string) int {
	if s == "" {
		return 0
	}
	i := bytes.Index(data, []byte(s))
	if i < 0 {
		return 0
	}
	return lineAt(data, int64(i))
}

var (
	spdxVersionRE = regexp.MustCompile(`(?i)spdxVersion["']?\s*[:=>]\s*["']?(SPDX-[0-9A-Za-z.]+)`)
	yamlLineRE    = regexp.MustCompile(`line (\d+)`)
	quotedRE      = regexp.MustCompile(`"([^"]{2,})"|'([^']{2,})'`)
)

// knownSPDX are the SPDX 2 versions read.
func knownSPDX(v string) bool { return v == "SPDX-2.1" || v == "SPDX-2.2" || v == "SPDX-2.3" }

// readSPDX2 reads an SPDX 2 document with spdx/tools-golang (which
// converts 2.1 and 2.2 to the 2.3 model), or RDF/XML with readRDF, and
// checks it.
func readSPDX2(doc *Document, data []byte) {
	if doc.Encoding == EncRDF {
		readSPDX2RDF(doc, data)
		return
	}
	var version string
	var vline int
	if m := spdxVersionRE.FindSubmatchIndex(data); m != nil {
		version, vline = string(data[m[2]:m[3]]), lineAt(data, int64(m[2]))
	}
	if !spdx2Version(doc, version, vline) {
		return
	}
	var (
		d   *spdx.Document
		err error
	)
	switch doc.Encoding {
	case EncJSON:
		d, err = spdxjson.Read(bytes.NewReader(data))
	case EncYAML:
		d, err = spdxyaml.Read(bytes.NewReader(data))
	case EncXML:
		var js []byte
		var line int
		js, line, err = xmlToJSON(data)
		if err != nil {
			doc.problem(ProblemParse, line, err.Error())
			return
		}
		d, err = spdxjson.Read(bytes.NewReader(js))
	default:
		d, err = tagvalue.Read(bytes.NewReader(data))
		if err != nil && strings.Contains(err.Error(), "SnippetSPDXID") {
			if d2, err2 := tagvalue.Read(bytes.NewReader(relocateSnippets(data))); err2 == nil {
				d, err = d2, nil
			}
		}
	}
	if err != nil {
		doc.problem(ProblemParse, errorLine(doc.Encoding, data, err), fmt.Sprintf("cannot read the %s document: %v", doc.Encoding, err))
		return
	}
	if d == nil {
		doc.problem(ProblemParse, 1, "empty document")
		return
	}
	doc.Parsed = true
	checkSPDX2(doc, d, data)
}

// readSPDX2RDF reads and checks an SPDX 2 RDF/XML document; its version is
// the one its SpdxDocument states, whatever the prefix of the vocabulary.
func readSPDX2RDF(doc *Document, data []byte) {
	d, issues, vline, err := readRDF(data)
	if err != nil {
		doc.problem(ProblemParse, rdfErrorLine(err), fmt.Sprintf("cannot read the rdf document: %v", err))
		return
	}
	if !spdx2Version(doc, d.SPDXVersion, vline) {
		return
	}
	doc.Parsed = true
	for _, is := range issues {
		doc.problem(ProblemSpec, is.line, is.msg)
	}
	checkSPDX2(doc, d, data)
}

// spdx2Version records the version a document declares and reports
// whether it is one this reader reads.
func spdx2Version(doc *Document, version string, vline int) bool {
	doc.SpecVersion = version
	switch {
	case version == "":
		doc.problem(ProblemParse, 1, "no SPDX version (SPDXVersion / spdxVersion / spdx:specVersion): not an SPDX 2 document")
		return false
	case strings.HasPrefix(version, "SPDX-3"):
		doc.problem(ProblemVersion, vline, fmt.Sprintf("%s declared in an SPDX 2 layout; SPDX 3 documents are JSON-LD", version))
		return false
	case !knownSPDX(version):
		doc.problem(ProblemVersion, vline, fmt.Sprintf("unknown SPDX version %q: SPDX-2.1, SPDX-2.2 and SPDX-2.3 are read", version))
		return false
	}
	return true
}

// errorLine finds the line of a reader error where the message tells it.
func errorLine(enc string, data []byte, err error) int {
	msg := err.Error()
	if enc == EncYAML || enc == EncTagValue {
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			if n, e := strconv.Atoi(m[1]); e == nil {
				return n
			}
		}
	}
	// Tag-value errors quote the offending tag or value.
	for _, q := range quotedRE.FindAllStringSubmatch(msg, -1) {
		s := q[1] + q[2]
		if l := lineOf(data, s); l > 0 {
			return l
		}
	}
	return 0
}
