// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// xmlArrays are the SPDX 2 JSON properties that are lists: the XML format
// (the JSON schema written as XML, as the SPDX Java tools do) repeats the
// element, once per item, and a single item must still become a list.
func xmlArrays() map[string]bool {
	m := map[string]bool{}
	for _, k := range strings.Fields(`creators externalDocumentRefs hasExtractedLicensingInfos seeAlsos annotations
		documentDescribes packages files snippets relationships checksums externalRefs licenseInfoFromFiles
		attributionTexts hasFiles fileTypes licenseInfoInFiles fileContributors artifactOfs fileDependencies ranges
		licenseInfoInSnippets packageVerificationCodeExcludedFiles crossRefs revieweds`) {
		m[k] = true
	}
	return m
}

// xmlNode is one element of the XML tree.
type xmlNode struct {
	name string
	text strings.Builder
	kids []*xmlNode
}

// maxXMLDepth bounds the tree: SPDX documents are a few levels deep.
const maxXMLDepth = 64

// xmlToJSON turns an SPDX 2 XML document into the JSON the SPDX JSON
// reader reads: elements become properties, repeated or list elements
// become arrays, and the few boolean and number properties get their type.
func xmlToJSON(data []byte) ([]byte, int, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var root *xmlNode
	var stack []*xmlNode
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, line, fmt.Errorf("invalid XML: %w (is the file truncated?)", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: t.Name.Local}
			if len(stack) == 0 {
				if root != nil {
					line, _ := dec.InputPos()
					return nil, line, errors.New("invalid XML: a second root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
			if len(stack) > maxXMLDepth {
				line, _ := dec.InputPos()
				return nil, line, errors.New("XML nested too deeply for an SPDX document")
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if root == nil {
		return nil, 1, errors.New("no XML element: not an SPDX XML document")
	}
	out, err := json.Marshal(xmlValue(root, xmlArrays()))
	if err != nil {
		return nil, 0, err
	}
	return out, 0, nil
}

func xmlValue(n *xmlNode, arrays map[string]bool) any {
	if len(n.kids) == 0 {
		s := n.text.String()
		switch n.name {
		case "filesAnalyzed":
			if b, err := strconv.ParseBool(strings.TrimSpace(s)); err == nil {
				return b
			}
		case "offset", "lineNumber":
			if i, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				return i
			}
		}
		return s
	}
	obj := map[string]any{}
	for _, k := range n.kids {
		v := xmlValue(k, arrays)
		prev, seen := obj[k.name]
		switch {
		case arrays[k.name] && !seen:
			obj[k.name] = []any{v}
		case seen:
			if l, ok := prev.([]any); ok {
				obj[k.name] = append(l, v)
			} else {
				obj[k.name] = []any{prev, v}
			}
		default:
			obj[k.name] = v
		}
	}
	return obj
}

// validTimeOffset accepts any RFC 3339 date-time (CycloneDX allows
// offsets).
func validTimeOffset(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}
