// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// An RDF/XML reader: the graph of an RDF/XML document (W3C RDF 1.1 XML
// Syntax) as subjects with their statements, read in one pass on one
// goroutine. It reads what SPDX 2 tools write: node elements named by
// their type or rdf:Description, with rdf:about, rdf:ID, rdf:nodeID or
// none (a blank node); property elements holding a literal (typed or not),
// a nested node element, rdf:resource or rdf:nodeID; property attributes;
// rdf:parseType Resource, Literal and Collection (whose members become
// objects of the property, not an rdf:List). Namespaces are resolved by
// encoding/xml, so any prefix works; encoding/xml expands no entity a
// document declares (an unknown entity is an error). Reification (rdf:ID on
// a property element) makes no statement.

const (
	rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xmlNS = "http://www.w3.org/XML/1998/namespace"
	// rdfMaxDepth bounds the nesting of elements: SPDX tools nest
	// relationships inside packages inside relationships, about twenty
	// levels in the specification's examples.
	rdfMaxDepth = 256
	// rdfMaxElements bounds the elements read: the 64 MiB size cap allows
	// some six million empty elements, each a statement kept in memory.
	rdfMaxElements = 1 << 20
)

// rdfTerm is the object of a statement: an IRI, a blank node ("_:" and
// its label) or a literal.
type rdfTerm struct {
	literal bool
	value   string
}

func (t rdfTerm) blank() bool { return !t.literal && isBlank(t.value) }

// isBlank reports whether a subject is a blank node.
func isBlank(id string) bool { return strings.HasPrefix(id, "_:") }

// rdfStmt is one statement about a subject.
type rdfStmt struct {
	pred string
	obj  rdfTerm
	line int
}

// rdfNode is a subject and what the document says of it.
type rdfNode struct {
	id    string
	types []string
	props []rdfStmt
	line  int // where it is first described; 0 when only referred to
}

// rdfGraph is the graph of a document.
type rdfGraph struct {
	nodes  map[string]*rdfNode
	order  []*rdfNode // in the order the document first describes them
	blanks int
	elems  int
	dec    *xml.Decoder
	line   int // where the last token read starts
}

// rdfError is an error in an RDF/XML document, at a line.
type rdfError struct {
	line int
	msg  string
}

func (e *rdfError) Error() string { return e.msg }

// rdfErrorLine is the line of an RDF reader error, 0 when it has none.
func rdfErrorLine(err error) int {
	var re *rdfError
	if errors.As(err, &re) {
		return re.line
	}
	return 0
}

// parseRDFXML reads the graph of an RDF/XML document.
func parseRDFXML(data []byte) (*rdfGraph, error) {
	g := &rdfGraph{nodes: map[string]*rdfNode{}, dec: xml.NewDecoder(bytes.NewReader(data))}
	g.dec.Strict = true
	root, err := g.next()
	for err == nil {
		if se, ok := root.(xml.StartElement); ok {
			if err = g.root(se); err == nil {
				err = g.trailer()
			}
			break
		}
		if cd, ok := root.(xml.CharData); ok && len(bytes.TrimSpace(cd)) > 0 {
			return nil, g.textErrorf(cd, "invalid XML: text before the root element")
		}
		root, err = g.next()
	}
	if errors.Is(err, io.EOF) {
		return nil, g.errorf("invalid RDF/XML: no root element")
	}
	if err != nil {
		return nil, err
	}
	return g, nil
}

// next is the next token, with syntax errors at their line. White space
// is a token of its own, so a token starts where the previous one ended.
func (g *rdfGraph) next() (xml.Token, error) {
	g.line, _ = g.dec.InputPos()
	tok, err := g.dec.Token()
	if err == nil || errors.Is(err, io.EOF) {
		if se, ok := tok.(xml.StartElement); ok {
			unqualified(se.Attr)
		}
		return tok, err
	}
	line, _ := g.dec.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
		if se.Msg == "unexpected EOF" {
			return nil, &rdfError{line: line, msg: "invalid XML: unexpected end of file (is the file truncated?)"}
		}
	}
	return nil, &rdfError{line: line, msg: fmt.Sprintf("invalid XML: %v", err)}
}

// unqualified puts in the RDF namespace the RDF attributes written without
// a prefix, which RDF/XML still reads for compatibility (RDF 1.1 XML
// Syntax, section 6.1.4). Other attributes without a namespace mean
// nothing in RDF and are left without one.
func unqualified(attrs []xml.Attr) {
	for i, a := range attrs {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "about", "ID", "nodeID", "resource", "parseType", "datatype", "type":
			attrs[i].Name.Space = rdfNS
		}
	}
}

// textErrorf is an error at the first character of text that is not
// white space.
func (g *rdfGraph) textErrorf(text []byte, format string, args ...any) error {
	lead := len(text) - len(bytes.TrimLeft(text, " \t\r\n"))
	return &rdfError{line: g.line + bytes.Count(text[:lead], []byte("\n")), msg: fmt.Sprintf(format, args...)}
}

// errorf is an error at the token last read.
func (g *rdfGraph) errorf(format string, args ...any) error {
	return &rdfError{line: g.line, msg: fmt.Sprintf(format, args...)}
}

// root reads the root element: rdf:RDF holding node elements, or a single
// node element.
func (g *rdfGraph) root(se xml.StartElement) error {
	base := g.base("", se)
	if se.Name.Space != rdfNS || se.Name.Local != "RDF" {
		_, err := g.nodeElement(se, base, 1)
		return err
	}
	return g.children(se, "invalid RDF/XML: text directly inside rdf:RDF", func(t xml.StartElement) error {
		_, err := g.nodeElement(t, base, 2)
		return err
	})
}

// children reads the content of an element that holds elements only, each
// read by elem, up to its end; text other than white space is an error.
func (g *rdfGraph) children(se xml.StartElement, textError string, elem func(xml.StartElement) error) error {
	for {
		tok, err := g.next()
		if err != nil {
			return g.eof(err, se)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := elem(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return g.textErrorf(t, "%s", textError)
			}
		}
	}
}

// trailer checks that nothing but comments and white space follows the root.
func (g *rdfGraph) trailer() error {
	for {
		tok, err := g.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return g.errorf("invalid XML: a second root element <%s> after the end of the document", t.Name.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return g.textErrorf(t, "invalid XML: text after the end of the document")
			}
		}
	}
}

// eof turns an end of file inside an element into an error naming it.
func (g *rdfGraph) eof(err error, se xml.StartElement) error {
	if errors.Is(err, io.EOF) {
		return g.errorf("invalid XML: unexpected end of file inside <%s> (is the file truncated?)", se.Name.Local)
	}
	return err
}

// enter counts an element and checks its depth.
func (g *rdfGraph) enter(depth int) error {
	g.elems++
	if g.elems > rdfMaxElements {
		return g.errorf("invalid RDF/XML: more than %d elements", rdfMaxElements)
	}
	if depth > rdfMaxDepth {
		return g.errorf("invalid RDF/XML: elements nested more than %d deep", rdfMaxDepth)
	}
	return nil
}

// base is the base IRI in scope of an element (xml:base).
func (g *rdfGraph) base(parent string, se xml.StartElement) string {
	for _, a := range se.Attr {
		if a.Name.Space == xmlNS && a.Name.Local == "base" {
			return resolveIRI(parent, a.Value)
		}
	}
	return parent
}

// resolveIRI resolves a reference against a base; without a base, or when
// either does not parse, the reference stays as written.
func resolveIRI(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// node is the node of a subject, made when first named.
func (g *rdfGraph) node(id string) *rdfNode {
	n := g.nodes[id]
	if n == nil {
		n = &rdfNode{id: id}
		g.nodes[id] = n
	}
	return n
}

func (g *rdfGraph) newBlank() string {
	g.blanks++
	return "_:b" + strconv.Itoa(g.blanks)
}

// subject is the subject a node element names.
func (g *rdfGraph) subject(se xml.StartElement, base string) string {
	for _, a := range se.Attr {
		if a.Name.Space != rdfNS {
			continue
		}
		switch a.Name.Local {
		case "about":
			return resolveIRI(base, a.Value)
		case "ID":
			return resolveIRI(base, "#"+strings.TrimSpace(a.Value))
		case "nodeID":
			return "_:n" + strings.TrimSpace(a.Value)
		}
	}
	return g.newBlank()
}

// isSyntaxAttr reports whether an attribute is RDF or XML syntax, or in
// no namespace, rather than a property attribute.
func isSyntaxAttr(a xml.Attr) bool {
	switch a.Name.Space {
	case xmlNS, "xmlns", "":
		return true
	case rdfNS:
		switch a.Name.Local {
		case "about", "ID", "nodeID", "resource", "parseType", "datatype", "bagID", "aboutEach", "aboutEachPrefix":
			return true
		}
	}
	return false
}

// nodeElement reads a node element and returns its subject.
func (g *rdfGraph) nodeElement(se xml.StartElement, base string, depth int) (rdfTerm, error) {
	if err := g.enter(depth); err != nil {
		return rdfTerm{}, err
	}
	base = g.base(base, se)
	line := g.line
	n := g.node(g.subject(se, base))
	if n.line == 0 {
		n.line = line
		g.order = append(g.order, n)
	}
	if se.Name.Space != rdfNS || se.Name.Local != "Description" {
		n.addType(se.Name.Space + se.Name.Local)
	}
	g.propertyAttrs(n, se, line)
	return rdfTerm{value: n.id}, g.properties(n, se, base, depth)
}

// propertyAttrs adds the statements of an element's property attributes.
func (g *rdfGraph) propertyAttrs(n *rdfNode, se xml.StartElement, line int) {
	for _, a := range se.Attr {
		if isSyntaxAttr(a) {
			continue
		}
		if a.Name.Space == rdfNS && a.Name.Local == "type" {
			n.addType(resolveIRI("", a.Value))
			continue
		}
		n.props = append(n.props, rdfStmt{pred: a.Name.Space + a.Name.Local, obj: rdfTerm{literal: true, value: a.Value}, line: line})
	}
}

// properties reads the property elements of a node until its end.
func (g *rdfGraph) properties(n *rdfNode, se xml.StartElement, base string, depth int) error {
	return g.children(se, fmt.Sprintf("invalid RDF/XML: text directly inside the node element <%s>, where properties are expected", se.Name.Local),
		func(t xml.StartElement) error { return g.propertyElement(n, t, base, depth+1) })
}

func (n *rdfNode) addType(t string) {
	for _, have := range n.types {
		if have == t {
			return
		}
	}
	n.types = append(n.types, t)
}

// propertyElement reads one property element of n.
func (g *rdfGraph) propertyElement(n *rdfNode, se xml.StartElement, base string, depth int) error {
	if err := g.enter(depth); err != nil {
		return err
	}
	base = g.base(base, se)
	line := g.line
	pred := se.Name.Space + se.Name.Local
	var resource, nodeID, parseType string
	hasResource, hasNodeID, propAttrs := false, false, false
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == rdfNS && a.Name.Local == "resource":
			resource, hasResource = resolveIRI(base, a.Value), true
		case a.Name.Space == rdfNS && a.Name.Local == "nodeID":
			nodeID, hasNodeID = "_:n"+strings.TrimSpace(a.Value), true
		case a.Name.Space == rdfNS && a.Name.Local == "parseType":
			parseType = a.Value
		case !isSyntaxAttr(a):
			propAttrs = true
		}
	}
	add := func(obj rdfTerm) {
		if pred == rdfNS+"type" && !obj.literal {
			n.addType(obj.value)
			return
		}
		n.props = append(n.props, rdfStmt{pred: pred, obj: obj, line: line})
	}
	switch {
	case hasResource || hasNodeID:
		id := resource
		if hasNodeID {
			id = nodeID
		}
		if propAttrs {
			g.propertyAttrs(g.node(id), se, line)
		}
		add(rdfTerm{value: id})
		return g.empty(se)
	case parseType == "Resource":
		obj := g.node(g.newBlank())
		obj.line = line
		add(rdfTerm{value: obj.id})
		return g.properties(obj, se, base, depth)
	case parseType == "Literal":
		text, err := g.text(se, depth)
		add(rdfTerm{literal: true, value: text})
		return err
	case parseType == "Collection":
		return g.collection(se, base, depth, add)
	case propAttrs:
		obj := g.node(g.newBlank())
		obj.line = line
		g.propertyAttrs(obj, se, line)
		add(rdfTerm{value: obj.id})
		return g.empty(se)
	}
	var text strings.Builder
	var obj *rdfTerm
	for {
		tok, err := g.next()
		if err != nil {
			return g.eof(err, se)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if obj != nil {
				return g.errorf("invalid RDF/XML: <%s> holds two node elements, <%s> the second", se.Name.Local, t.Name.Local)
			}
			if len(strings.TrimSpace(text.String())) > 0 {
				return g.errorf("invalid RDF/XML: <%s> holds both text and the element <%s> (is its closing tag missing?)", se.Name.Local, t.Name.Local)
			}
			o, err := g.nodeElement(t, base, depth+1)
			if err != nil {
				return err
			}
			obj = &o
			text.Reset()
		case xml.CharData:
			if obj != nil {
				if len(bytes.TrimSpace(t)) > 0 {
					return g.textErrorf(t, "invalid RDF/XML: <%s> holds both a node element and text", se.Name.Local)
				}
				continue
			}
			text.Write(t)
		case xml.EndElement:
			if obj != nil {
				add(*obj)
			} else {
				add(rdfTerm{literal: true, value: text.String()})
			}
			return nil
		}
	}
}

// empty reads the end of a property element whose value its attributes
// give (rdf:resource, rdf:nodeID, property attributes).
func (g *rdfGraph) empty(se xml.StartElement) error {
	return g.children(se, fmt.Sprintf("invalid RDF/XML: <%s> has its value in its attributes and holds text too", se.Name.Local),
		func(t xml.StartElement) error {
			return g.errorf("invalid RDF/XML: <%s> has its value in its attributes and holds <%s> too", se.Name.Local, t.Name.Local)
		})
}

// text is the text of an rdf:parseType="Literal" element and its children.
func (g *rdfGraph) text(se xml.StartElement, depth int) (string, error) {
	var b strings.Builder
	level := 0
	for {
		tok, err := g.next()
		if err != nil {
			return b.String(), g.eof(err, se)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			level++
			if err := g.enter(depth + level); err != nil {
				return b.String(), err
			}
		case xml.EndElement:
			if level == 0 {
				return b.String(), nil
			}
			level--
		case xml.CharData:
			b.Write(t)
		}
	}
}

// collection reads the node elements of an rdf:parseType="Collection"
// property element, each an object of the property.
func (g *rdfGraph) collection(se xml.StartElement, base string, depth int, add func(rdfTerm)) error {
	return g.children(se, fmt.Sprintf("invalid RDF/XML: text inside the collection <%s>", se.Name.Local), func(t xml.StartElement) error {
		o, err := g.nodeElement(t, base, depth+1)
		if err == nil {
			add(o)
		}
		return err
	})
}
