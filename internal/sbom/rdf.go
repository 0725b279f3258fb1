// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
)

// The SPDX 2 RDF vocabulary (SPDX 2.3 specification, annex on RDF), read
// into the tools-golang SPDX 2.3 model the other encodings are read into.
// spdx/tools-golang's own RDF reader is not used: its RDF parser
// (spdx/gordf) writes one error variable from a goroutine per XML block
// without synchronisation, a data race on every document.

const (
	spdxNS = "http://spdx.org/rdf/terms#"
	rdfsNS = "http://www.w3.org/2000/01/rdf-schema#"
	doapNS = "http://usefulinc.com/ns/doap#"
	// spdxRefNS is where the SPDX vocabulary of external reference types
	// lives ("http://spdx.org/rdf/references/purl").
	spdxRefNS = "http://spdx.org/rdf/references/"
	// rdfMaxLicenceDepth bounds the nesting of licence sets followed.
	rdfMaxLicenceDepth = 64
	// rdfMaxLicenceLen bounds a licence expression: licence sets can share
	// members, and a chain of sets naming the same set twice doubles the
	// expression at each step.
	rdfMaxLicenceLen = 64 << 10
)

// rdfIssue is something wrong in a document that was read, at a line.
type rdfIssue struct {
	line int
	msg  string
}

// rdfReader maps the graph of an SPDX 2 RDF document onto the model.
type rdfReader struct {
	g      *rdfGraph
	doc    *spdx.Document
	docNS  string                 // the document namespace
	extDoc map[string]string      // external document URI -> DocumentRef id
	rels   map[string]bool        // relationships already read
	lics   map[string]licenceExpr // licence expressions of nodes already written
	busy   map[string]bool        // licence nodes being written
	issues []rdfIssue
}

// readRDF reads an SPDX 2 RDF/XML document. Errors are about the document
// as a whole (not XML, no SpdxDocument); issues are about a part of it.
func readRDF(data []byte) (*spdx.Document, []rdfIssue, int, error) {
	g, err := parseRDFXML(data)
	if err != nil {
		return nil, nil, 0, err
	}
	r := &rdfReader{g: g, extDoc: map[string]string{}, rels: map[string]bool{}, lics: map[string]licenceExpr{}, busy: map[string]bool{}}
	dn, err := r.documentNode()
	if err != nil {
		return nil, nil, 0, err
	}
	r.readDocument(dn)
	vline := 0
	for _, s := range dn.props {
		if s.pred == spdxNS+"specVersion" {
			vline = s.line
			break
		}
	}
	return r.doc, r.issues, vline, nil
}

func (r *rdfReader) issue(line int, format string, args ...any) {
	if len(r.issues) < maxProblems {
		r.issues = append(r.issues, rdfIssue{line: line, msg: fmt.Sprintf(format, args...)})
	}
}

func (n *rdfNode) is(typ string) bool {
	for _, t := range n.types {
		if t == spdxNS+typ {
			return true
		}
	}
	return false
}

// all are the objects of a property.
func (n *rdfNode) all(pred string) []rdfTerm {
	var out []rdfTerm
	for _, s := range n.props {
		if s.pred == pred {
			out = append(out, s.obj)
		}
	}
	return out
}

// first is the first object of a property.
func (n *rdfNode) first(pred string) (rdfTerm, bool) {
	for _, s := range n.props {
		if s.pred == pred {
			return s.obj, true
		}
	}
	return rdfTerm{}, false
}

// str is the value of a property, trimmed: a literal's text or an IRI;
// "" when absent.
func (n *rdfNode) str(pred string) string {
	t, _ := n.first(pred)
	return strings.TrimSpace(t.value)
}

// text is like str for free text, kept as written.
func (n *rdfNode) text(pred string) string {
	t, _ := n.first(pred)
	return t.value
}

func (n *rdfNode) texts(pred string) []string {
	var out []string
	for _, o := range n.all(pred) {
		out = append(out, strings.TrimSpace(o.value))
	}
	return out
}

// documentNode finds the SpdxDocument: the one node of that type with
// properties (an external document is named, not described).
func (r *rdfReader) documentNode() (*rdfNode, error) {
	var found *rdfNode
	for _, n := range r.g.order {
		if !n.is("SpdxDocument") || len(n.props) == 0 {
			continue
		}
		if found != nil {
			return nil, &rdfError{line: n.line, msg: fmt.Sprintf("two SPDX documents in one file (%s at line %d and %s)", found.id, found.line, n.id)}
		}
		found = n
	}
	if found == nil {
		return nil, &rdfError{line: 1, msg: "no spdx:SpdxDocument: not an SPDX 2 RDF document"}
	}
	return found, nil
}

// fragment splits an IRI at its last '#'.
func fragment(iri string) (ns, frag string) {
	i := strings.LastIndexByte(iri, '#')
	if i < 0 {
		return "", iri
	}
	return iri[:i], iri[i+1:]
}

// lastPart is what follows the last '#' or, without one, the last '/'.
func lastPart(iri string) string {
	if i := strings.LastIndexByte(iri, '#'); i >= 0 {
		return iri[i+1:]
	}
	return iri[strings.LastIndexByte(iri, '/')+1:]
}

// special is NOASSERTION or NONE when a term says so (spdx:noassertion,
// spdx:none, or the words themselves), "" otherwise.
func special(t rdfTerm) string {
	v := strings.TrimSpace(t.value)
	if !t.literal {
		v = lastPart(v)
	}
	switch strings.ToUpper(v) {
	case "NOASSERTION":
		return "NOASSERTION"
	case "NONE":
		return "NONE"
	}
	return ""
}

// elementID is the SPDX identifier of an element of this document: the
// fragment of its IRI without "SPDXRef-".
func (r *rdfReader) elementID(n *rdfNode, what string) common.ElementID {
	_, frag := fragment(n.id)
	id, ok := strings.CutPrefix(frag, "SPDXRef-")
	if !ok || id == "" || isBlank(n.id) {
		r.issue(n.line, "the %s at line %d has no SPDX identifier: its rdf:about must end in #SPDXRef-...", what, n.line)
		return ""
	}
	return common.ElementID(id)
}

// ref is the reference a relationship or annotation makes to an element:
// of this document, of an external document it declares (by that
// document's namespace), or NOASSERTION / NONE.
func (r *rdfReader) ref(t rdfTerm, line int) common.DocElementID {
	if s := special(t); s != "" {
		return common.DocElementID{SpecialID: s}
	}
	ns, frag := fragment(strings.TrimSpace(t.value))
	if t.literal {
		ns = ""
	}
	if docRef, ok := r.extDoc[ns]; ok && ns != r.docNS {
		return common.DocElementID{DocumentRefID: common.DocumentID(docRef), ElementRefID: common.ElementID(strings.TrimPrefix(frag, "SPDXRef-"))}
	}
	if d, e, ok := strings.Cut(frag, ":"); ok && strings.HasPrefix(d, "DocumentRef-") {
		return common.DocElementID{DocumentRefID: common.DocumentID(strings.TrimPrefix(d, "DocumentRef-")), ElementRefID: common.ElementID(strings.TrimPrefix(e, "SPDXRef-"))}
	}
	id, ok := strings.CutPrefix(frag, "SPDXRef-")
	if !ok || t.blank() {
		r.issue(line, "line %d names the element %q, which is not an SPDX element IRI (...#SPDXRef-...)", line, t.value)
		return common.DocElementID{ElementRefID: common.ElementID(frag)}
	}
	return common.DocElementID{ElementRefID: common.ElementID(id)}
}

// lookup is the node a term names, nil for a literal.
func (r *rdfReader) lookup(t rdfTerm) *rdfNode {
	if t.literal {
		return nil
	}
	return r.g.nodes[t.value]
}

func (r *rdfReader) readDocument(dn *rdfNode) {
	ns, frag := fragment(dn.id)
	if isBlank(dn.id) {
		ns, frag = "", ""
	}
	r.docNS = ns
	d := &spdx.Document{
		SPDXVersion:       dn.str(spdxNS + "specVersion"),
		DocumentName:      dn.str(spdxNS + "name"),
		DocumentNamespace: ns,
		SPDXIdentifier:    common.ElementID(strings.TrimPrefix(frag, "SPDXRef-")),
		DocumentComment:   dn.text(rdfsNS + "comment"),
		CreationInfo:      &spdx.CreationInfo{},
	}
	r.doc = d
	for _, t := range dn.all(spdxNS + "dataLicense") {
		d.DataLicense = r.licence(t)
	}
	for _, t := range dn.all(spdxNS + "externalDocumentRef") {
		if n := r.lookup(t); n != nil {
			ref := spdx.ExternalDocumentRef{
				DocumentRefID: common.DocumentID(strings.TrimPrefix(n.str(spdxNS+"externalDocumentId"), "DocumentRef-")),
				URI:           n.str(spdxNS + "spdxDocument"),
				Checksum:      r.checksum(n),
			}
			if ref.DocumentRefID == "" {
				// tools-java names the reference by its IRI alone.
				_, f := fragment(n.id)
				ref.DocumentRefID = common.DocumentID(strings.TrimPrefix(f, "DocumentRef-"))
			}
			d.ExternalDocumentReferences = append(d.ExternalDocumentReferences, ref)
			r.extDoc[ref.URI] = string(ref.DocumentRefID)
		}
	}
	for _, t := range dn.all(spdxNS + "creationInfo") {
		if n := r.lookup(t); n != nil {
			ci := d.CreationInfo
			ci.Created = n.str(spdxNS + "created")
			ci.LicenseListVersion = n.str(spdxNS + "licenseListVersion")
			ci.CreatorComment = n.text(rdfsNS + "comment")
			for _, c := range n.texts(spdxNS + "creator") {
				who, name := agent(c)
				ci.Creators = append(ci.Creators, common.Creator{Creator: name, CreatorType: who})
			}
		}
	}
	for _, t := range dn.all(spdxNS + "reviewed") {
		if n := r.lookup(t); n != nil {
			who, name := agent(n.str(spdxNS + "reviewer"))
			d.Reviews = append(d.Reviews, &spdx.Review{Reviewer: name, ReviewerType: who,
				ReviewDate: n.str(spdxNS + "reviewDate"), ReviewComment: n.text(rdfsNS + "comment")})
		}
	}

	// Every element the file describes belongs to the document, wherever
	// it is nested (tools-java nests packages inside relationships).
	inPackage := map[*rdfNode]bool{}
	var pkgs []*rdfNode
	for _, n := range r.g.order {
		if n.is("Package") {
			pkgs = append(pkgs, n)
			for _, t := range n.all(spdxNS + "hasFile") {
				if f := r.lookup(t); f != nil {
					inPackage[f] = true
				}
			}
		}
	}
	for _, n := range pkgs {
		d.Packages = append(d.Packages, r.pkg(n))
	}
	for _, n := range r.g.order {
		switch {
		case n.is("File") && !inPackage[n]:
			d.Files = append(d.Files, r.file(n))
		case n.is("Snippet"):
			d.Snippets = append(d.Snippets, r.snippet(n))
		case n.is("ExtractedLicensingInfo"):
			d.OtherLicenses = append(d.OtherLicenses, &spdx.OtherLicense{
				LicenseIdentifier:      r.licenceID(n),
				ExtractedText:          n.text(spdxNS + "extractedText"),
				LicenseName:            n.str(spdxNS + "name"),
				LicenseCrossReferences: n.texts(rdfsNS + "seeAlso"),
				LicenseComment:         n.text(rdfsNS + "comment"),
			})
		}
	}
	// documentDescribes, as the JSON reader does.
	self := common.DocElementID{ElementRefID: d.SPDXIdentifier}
	for _, t := range dn.all(spdxNS + "describesPackage") {
		r.addRelationship(self, "DESCRIBES", r.ref(t, dn.line), "")
	}
	for _, n := range r.g.order {
		r.relationships(n)
		r.annotations(n)
	}
}

// agent splits "Person: Jane Doe" into its kind and name.
func agent(s string) (string, string) {
	kind, name, ok := strings.Cut(s, ":")
	if !ok {
		return "", strings.TrimSpace(s)
	}
	return strings.TrimSpace(kind), strings.TrimSpace(name)
}

// enumValue turns "relationshipType_dependsOn" into "DEPENDS_ON" (sep "_")
// or "referenceCategory_packageManager" into "PACKAGE-MANAGER" (sep "-").
func enumValue(iri, prefix, sep string) string {
	v := lastPart(strings.TrimSpace(iri))
	if i := strings.LastIndex(v, prefix); i >= 0 {
		v = v[i+len(prefix):]
	}
	var b strings.Builder
	for i, c := range v {
		if unicode.IsUpper(c) && i > 0 {
			b.WriteString(sep)
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}

// checksumAlgorithm maps the RDF names (checksumAlgorithm_sha3_256) to the
// model's (SHA3-256).
func checksumAlgorithm(iri string) common.ChecksumAlgorithm {
	v := strings.ToUpper(enumValue(iri, "checksumAlgorithm_", ""))
	switch {
	case strings.HasPrefix(v, "SHA3_"):
		return common.ChecksumAlgorithm("SHA3-" + v[5:])
	case strings.HasPrefix(v, "BLAKE2B") && len(v) > 7:
		return common.ChecksumAlgorithm("BLAKE2b-" + strings.TrimLeft(v[7:], "_-"))
	}
	return common.ChecksumAlgorithm(v)
}

// checksum is the first checksum of a node.
func (r *rdfReader) checksum(n *rdfNode) common.Checksum {
	if cs := r.checksums(n); len(cs) > 0 {
		return cs[0]
	}
	return common.Checksum{}
}

func (r *rdfReader) checksums(n *rdfNode) []common.Checksum {
	var out []common.Checksum
	for _, t := range n.all(spdxNS + "checksum") {
		if c := r.lookup(t); c != nil {
			out = append(out, common.Checksum{Algorithm: checksumAlgorithm(c.str(spdxNS + "algorithm")), Value: c.str(spdxNS + "checksumValue")})
		}
	}
	return out
}

// value is a property that may be a literal or spdx:noassertion /
// spdx:none (download location, copyright text).
func value(n *rdfNode, pred string) string {
	t, ok := n.first(pred)
	switch {
	case !ok:
		return ""
	case special(t) != "":
		return special(t)
	case t.literal:
		return t.value
	}
	return strings.TrimSpace(t.value)
}

func (r *rdfReader) pkg(n *rdfNode) *spdx.Package {
	p := &spdx.Package{
		PackageSPDXIdentifier:   r.elementID(n, "package"),
		PackageName:             n.str(spdxNS + "name"),
		PackageVersion:          n.str(spdxNS + "versionInfo"),
		PackageFileName:         n.str(spdxNS + "packageFileName"),
		PackageDownloadLocation: value(n, spdxNS+"downloadLocation"),
		FilesAnalyzed:           true,
		PackageChecksums:        r.checksums(n),
		PackageHomePage:         value(n, doapNS+"homepage"),
		PackageSourceInfo:       n.text(spdxNS + "sourceInfo"),
		PackageLicenseComments:  n.text(spdxNS + "licenseComments"),
		PackageCopyrightText:    value(n, spdxNS+"copyrightText"),
		PackageSummary:          n.text(spdxNS + "summary"),
		PackageDescription:      n.text(spdxNS + "description"),
		PackageComment:          n.text(rdfsNS + "comment"),
		PackageAttributionTexts: n.texts(spdxNS + "attributionText"),
		ReleaseDate:             n.str(spdxNS + "releaseDate"),
		BuiltDate:               n.str(spdxNS + "builtDate"),
		ValidUntilDate:          n.str(spdxNS + "validUntilDate"),
		PackageLicenseConcluded: r.licenceOf(n, "licenseConcluded"),
		PackageLicenseDeclared:  r.licenceOf(n, "licenseDeclared"),
	}
	if s := n.str(spdxNS + "supplier"); s != "" {
		who, name := agent(s)
		if strings.EqualFold(s, "NOASSERTION") {
			who, name = "", "NOASSERTION"
		}
		p.PackageSupplier = &common.Supplier{Supplier: name, SupplierType: who}
	}
	if s := n.str(spdxNS + "originator"); s != "" {
		who, name := agent(s)
		if strings.EqualFold(s, "NOASSERTION") {
			who, name = "", "NOASSERTION"
		}
		p.PackageOriginator = &common.Originator{Originator: name, OriginatorType: who}
	}
	if fa := n.str(spdxNS + "filesAnalyzed"); fa != "" {
		p.IsFilesAnalyzedTagPresent = true
		p.FilesAnalyzed = !strings.EqualFold(fa, "false")
	}
	if v := n.str(spdxNS + "primaryPackagePurpose"); v != "" {
		p.PrimaryPackagePurpose = enumValue(v, "urpose_", "-")
	}
	for _, t := range n.all(spdxNS + "packageVerificationCode") {
		if c := r.lookup(t); c != nil {
			p.PackageVerificationCode = &common.PackageVerificationCode{
				Value:         c.str(spdxNS + "packageVerificationCodeValue"),
				ExcludedFiles: c.texts(spdxNS + "packageVerificationCodeExcludedFile"),
			}
		}
	}
	for _, t := range n.all(spdxNS + "licenseInfoFromFiles") {
		p.PackageLicenseInfoFromFiles = append(p.PackageLicenseInfoFromFiles, r.licence(t))
	}
	for _, t := range n.all(spdxNS + "externalRef") {
		if e := r.lookup(t); e != nil {
			typ := e.str(spdxNS + "referenceType")
			if rest, ok := strings.CutPrefix(typ, spdxRefNS); ok {
				typ = rest
			}
			p.PackageExternalReferences = append(p.PackageExternalReferences, &spdx.PackageExternalReference{
				Category:           enumValue(e.str(spdxNS+"referenceCategory"), "referenceCategory_", "-"),
				RefType:            typ,
				Locator:            e.str(spdxNS + "referenceLocator"),
				ExternalRefComment: e.text(rdfsNS + "comment"),
			})
		}
	}
	for _, t := range n.all(spdxNS + "hasFile") {
		if f := r.lookup(t); f != nil && f.is("File") {
			file := r.file(f)
			p.Files = append(p.Files, file)
			// hasFile is a CONTAINS relationship, as the JSON reader reads it.
			r.addRelationship(common.DocElementID{ElementRefID: p.PackageSPDXIdentifier}, "CONTAINS",
				common.DocElementID{ElementRefID: file.FileSPDXIdentifier}, "")
		}
	}
	return p
}

func (r *rdfReader) file(n *rdfNode) *spdx.File {
	f := &spdx.File{
		FileSPDXIdentifier:   r.elementID(n, "file"),
		FileName:             n.str(spdxNS + "fileName"),
		Checksums:            r.checksums(n),
		LicenseConcluded:     r.licenceOf(n, "licenseConcluded"),
		LicenseComments:      n.text(spdxNS + "licenseComments"),
		FileCopyrightText:    value(n, spdxNS+"copyrightText"),
		FileComment:          n.text(rdfsNS + "comment"),
		FileNotice:           n.text(spdxNS + "noticeText"),
		FileContributors:     n.texts(spdxNS + "fileContributor"),
		FileAttributionTexts: n.texts(spdxNS + "attributionText"),
	}
	for _, t := range n.all(spdxNS + "fileType") {
		f.FileTypes = append(f.FileTypes, enumValue(t.value, "fileType_", "_"))
	}
	for _, t := range n.all(spdxNS + "licenseInfoInFile") {
		f.LicenseInfoInFiles = append(f.LicenseInfoInFiles, r.licence(t))
	}
	return f
}

func (r *rdfReader) snippet(n *rdfNode) spdx.Snippet {
	s := spdx.Snippet{
		SnippetSPDXIdentifier:   r.elementID(n, "snippet"),
		SnippetName:             n.str(spdxNS + "name"),
		SnippetLicenseConcluded: r.licenceOf(n, "licenseConcluded"),
		SnippetLicenseComments:  n.text(spdxNS + "licenseComments"),
		SnippetCopyrightText:    value(n, spdxNS+"copyrightText"),
		SnippetComment:          n.text(rdfsNS + "comment"),
		SnippetAttributionTexts: n.texts(spdxNS + "attributionText"),
	}
	for _, t := range n.all(spdxNS + "snippetFromFile") {
		s.SnippetFromFileSPDXIdentifier = r.ref(t, n.line).ElementRefID
	}
	for _, t := range n.all(spdxNS + "licenseInfoInSnippet") {
		s.LicenseInfoInSnippet = append(s.LicenseInfoInSnippet, r.licence(t))
	}
	return s
}

// relationships reads the spdx:relationship properties of a node.
func (r *rdfReader) relationships(n *rdfNode) {
	for _, s := range n.props {
		if s.pred != spdxNS+"relationship" {
			continue
		}
		rel := r.lookup(s.obj)
		if rel == nil {
			r.issue(s.line, "line %d: a relationship that says nothing (no relationshipType, no relatedSpdxElement)", s.line)
			continue
		}
		typ := rel.str(spdxNS + "relationshipType")
		related := rel.all(spdxNS + "relatedSpdxElement")
		if typ == "" || len(related) == 0 {
			r.issue(s.line, "line %d: a relationship of %s without relationshipType or relatedSpdxElement", s.line, n.id)
			continue
		}
		r.addRelationship(r.ref(rdfTerm{value: n.id}, s.line), enumValue(typ, "relationshipType_", "_"),
			r.ref(related[0], s.line), rel.text(rdfsNS+"comment"))
	}
}

func (r *rdfReader) addRelationship(a common.DocElementID, typ string, b common.DocElementID, comment string) {
	key := elementString(a) + " " + typ + " " + elementString(b)
	if r.rels[key] {
		return
	}
	r.rels[key] = true
	r.doc.Relationships = append(r.doc.Relationships, &spdx.Relationship{RefA: a, RefB: b, Relationship: typ, RelationshipComment: comment})
}

// annotations reads the spdx:annotation properties of a node.
func (r *rdfReader) annotations(n *rdfNode) {
	for _, s := range n.props {
		if s.pred != spdxNS+"annotation" {
			continue
		}
		a := r.lookup(s.obj)
		if a == nil {
			continue
		}
		who, name := agent(a.str(spdxNS + "annotator"))
		r.doc.Annotations = append(r.doc.Annotations, &spdx.Annotation{
			Annotator:                common.Annotator{Annotator: name, AnnotatorType: who},
			AnnotationDate:           a.str(spdxNS + "annotationDate"),
			AnnotationType:           enumValue(a.str(spdxNS+"annotationType"), "annotationType_", "_"),
			AnnotationSPDXIdentifier: r.ref(rdfTerm{value: n.id}, s.line),
			AnnotationComment:        a.text(rdfsNS + "comment"),
		})
	}
}

// licenceOf is the licence expression of a property, "" when absent.
func (r *rdfReader) licenceOf(n *rdfNode, prop string) string {
	if t, ok := n.first(spdxNS + prop); ok {
		return r.licence(t)
	}
	return ""
}

// licenceID is the identifier of a licence node: its licenseId, or the
// last part of its IRI (http://spdx.org/licenses/MIT, ...#LicenseRef-1).
func (r *rdfReader) licenceID(n *rdfNode) string {
	if id := n.str(spdxNS + "licenseId"); id != "" {
		return id
	}
	if isBlank(n.id) || n.id == "" {
		r.issue(n.line, "the licence at line %d has no licenseId", n.line)
		return "NOASSERTION"
	}
	return lastPart(n.id)
}

// licence writes the licence expression a term stands for: a licence, a
// licence set, an operator on licences, NOASSERTION or NONE. What cannot
// be written (an empty set, a set containing itself) is NOASSERTION, with
// an issue.
func (r *rdfReader) licence(t rdfTerm) string {
	if e, ok := r.expr(t, 0); ok {
		return e
	}
	return "NOASSERTION"
}

// licenceExpr is the expression of a licence node, once written.
type licenceExpr struct {
	e  string
	ok bool
}

func (r *rdfReader) expr(t rdfTerm, depth int) (string, bool) {
	if s := special(t); s != "" {
		return s, true
	}
	if t.literal {
		return strings.TrimSpace(t.value), true
	}
	n := r.g.nodes[t.value]
	if n == nil || len(n.types) == 0 && len(n.props) == 0 {
		// A licence named by IRI only.
		return lastPart(strings.TrimSpace(t.value)), true
	}
	if x, done := r.lics[n.id]; done {
		return x.e, x.ok
	}
	if r.busy[n.id] || depth > rdfMaxLicenceDepth {
		r.issue(n.line, "the licence at line %d contains itself or is nested more than %d deep", n.line, rdfMaxLicenceDepth)
		return "", false
	}
	r.busy[n.id] = true
	e, ok := r.licenceNode(n, depth)
	delete(r.busy, n.id)
	if ok && len(e) > rdfMaxLicenceLen {
		r.issue(n.line, "the licence at line %d makes an expression of more than %d bytes", n.line, rdfMaxLicenceLen)
		e, ok = "", false
	}
	r.lics[n.id] = licenceExpr{e, ok}
	return e, ok
}

// licenceNode writes the expression of a licence node.
func (r *rdfReader) licenceNode(n *rdfNode, depth int) (string, bool) {
	ms := n.all(spdxNS + "member")
	var parts []string
	for _, m := range ms {
		e, ok := r.expr(m, depth+1)
		if !ok {
			return "", false
		}
		if strings.Contains(e, " ") && !strings.Contains(e, " WITH ") {
			e = "(" + e + ")"
		}
		parts = append(parts, e)
	}
	set, op := n.is("ConjunctiveLicenseSet") || n.is("DisjunctiveLicenseSet"), n.is("OrLaterOperator") || n.is("WithExceptionOperator")
	switch {
	case set && len(parts) == 0:
		r.issue(n.line, "the licence set at line %d has no member", n.line)
		return "", false
	case op && len(parts) != 1:
		r.issue(n.line, "the licence operator at line %d has %d members, not one", n.line, len(parts))
		return "", false
	case n.is("ConjunctiveLicenseSet"):
		return strings.Join(parts, " AND "), true
	case n.is("DisjunctiveLicenseSet"):
		return strings.Join(parts, " OR "), true
	case n.is("OrLaterOperator"):
		return parts[0] + "+", true
	case n.is("WithExceptionOperator"):
		exc := ""
		for _, e := range n.all(spdxNS + "licenseException") {
			if en := r.lookup(e); en != nil && en.str(spdxNS+"licenseExceptionId") != "" {
				exc = en.str(spdxNS + "licenseExceptionId")
			} else if !isBlank(e.value) {
				exc = lastPart(e.value)
			}
		}
		if exc == "" {
			r.issue(n.line, "the licence exception operator at line %d names no exception", n.line)
			return "", false
		}
		return parts[0] + " WITH " + exc, true
	case n.is("SpdxNoAssertionLicense"):
		return "NOASSERTION", true
	case n.is("SpdxNoneLicense"):
		return "NONE", true
	}
	return r.licenceID(n), true
}
