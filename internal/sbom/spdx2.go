// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"

	"github.com/ospolint/ospolint/internal/licpolicy"
)

// checkSPDX2 checks a parsed SPDX 2 document: the fields the specification
// requires, the NTIA minimum elements, licence expressions and element
// references.
func checkSPDX2(doc *Document, d *spdx.Document, data []byte) {
	// A YAML or JSON list item left empty ("packages: [null]") is a nil
	// element in the model.
	d.Packages = slices.DeleteFunc(d.Packages, func(p *spdx.Package) bool { return p == nil })
	for _, p := range d.Packages {
		p.Files = slices.DeleteFunc(p.Files, func(f *spdx.File) bool { return f == nil })
	}
	d.Files = slices.DeleteFunc(d.Files, func(f *spdx.File) bool { return f == nil })
	d.OtherLicenses = slices.DeleteFunc(d.OtherLicenses, func(l *spdx.OtherLicense) bool { return l == nil })
	doc.Packages = len(d.Packages)
	// spec records a specification problem at the line of needle.
	spec := func(needle, format string, args ...any) {
		doc.problemAt(ProblemSpec, data, needle, fmt.Sprintf(format, args...))
	}
	if d.DocumentName == "" {
		spec("", "the document has no name (DocumentName)")
	}
	if d.DocumentNamespace == "" {
		spec("", "the document has no namespace (DocumentNamespace), which makes it unique")
	}
	if d.DataLicense != "" && d.DataLicense != "CC0-1.0" {
		spec(d.DataLicense, "data licence %q: SPDX documents are licensed CC0-1.0", d.DataLicense)
	}

	// NTIA: author and timestamp of the SBOM data.
	ci := d.CreationInfo
	if ci == nil || len(ci.Creators) == 0 {
		doc.missing(NTIAAuthor)
		doc.problem(ProblemNTIA, 0, "no creator: the document does not say who or what made it (SPDX requires a Creator; NTIA: author)")
	}
	switch {
	case ci == nil || ci.Created == "":
		doc.missing(NTIATimestamp)
		doc.problem(ProblemNTIA, 0, "no creation time (Created; NTIA: timestamp)")
	case !validTime(ci.Created):
		doc.missing(NTIATimestamp)
		doc.problemAt(ProblemSpec, data, ci.Created, fmt.Sprintf("creation time %q is not of the form 2006-01-02T15:04:05Z", ci.Created))
	}

	ids := map[common.ElementID]bool{"DOCUMENT": true}
	if d.SPDXIdentifier != "" {
		ids[d.SPDXIdentifier] = true
	}
	for _, p := range d.Packages {
		ids[p.PackageSPDXIdentifier] = true
		for _, f := range p.Files {
			ids[f.FileSPDXIdentifier] = true
		}
	}
	for _, f := range d.Files {
		ids[f.FileSPDXIdentifier] = true
	}
	for _, s := range d.Snippets {
		ids[s.SnippetSPDXIdentifier] = true
	}
	docRefs := map[common.DocumentID]bool{}
	for _, r := range d.ExternalDocumentReferences {
		docRefs[r.DocumentRefID] = true
	}
	licRefs := map[string]bool{}
	for _, ol := range d.OtherLicenses {
		licRefs[ol.LicenseIdentifier] = true
	}
	lic := licenceChecker{doc: doc, data: data, refs: licRefs, docRefs: docRefs, seen: map[string]bool{}}

	var noName, noVersion, noSupplier []string
	for _, p := range d.Packages {
		id := string(p.PackageSPDXIdentifier)
		if p.PackageName == "" {
			noName = append(noName, "SPDXRef-"+id)
		}
		if p.PackageVersion == "" {
			noVersion = append(noVersion, label(p.PackageName, id))
		}
		if p.PackageSupplier == nil || p.PackageSupplier.Supplier == "" {
			noSupplier = append(noSupplier, label(p.PackageName, id))
		}
		if p.PackageDownloadLocation == "" {
			spec(p.PackageName, "package %s has no download location (PackageDownloadLocation; NOASSERTION when unknown)", label(p.PackageName, id))
		}
		where := "package " + label(p.PackageName, id)
		lic.check(where, "licenseConcluded", p.PackageLicenseConcluded)
		lic.check(where, "licenseDeclared", p.PackageLicenseDeclared)
		for _, l := range p.PackageLicenseInfoFromFiles {
			lic.check(where, "licenseInfoFromFiles", l)
		}
		for _, f := range p.Files {
			checkFileLicences(&lic, f)
		}
		c := Component{ID: id, Name: p.PackageName, Version: p.PackageVersion, License: p.PackageLicenseDeclared}
		if c.License == "" || c.License == "NOASSERTION" {
			c.License = p.PackageLicenseConcluded
		}
		for _, r := range p.PackageExternalReferences {
			if r != nil && strings.EqualFold(r.RefType, "purl") {
				c.PURL = r.Locator
			}
		}
		doc.Components = append(doc.Components, c)
	}
	ntiaList(doc, NTIAName, noName, "no name")
	ntiaList(doc, NTIAVersion, noVersion, "no version (PackageVersion)")
	ntiaList(doc, NTIASupplier, noSupplier, "no supplier (PackageSupplier; NOASSERTION when unknown)")
	for _, f := range d.Files {
		checkFileLicences(&lic, f)
	}
	for _, s := range d.Snippets {
		where := "snippet SPDXRef-" + string(s.SnippetSPDXIdentifier)
		lic.check(where, "licenseConcluded", s.SnippetLicenseConcluded)
		for _, l := range s.LicenseInfoInSnippet {
			lic.check(where, "licenseInfoInSnippets", l)
		}
		if s.SnippetFromFileSPDXIdentifier != "" && !ids[s.SnippetFromFileSPDXIdentifier] {
			ref := "SPDXRef-" + string(s.SnippetFromFileSPDXIdentifier)
			doc.problemAt(ProblemReference, data, ref, fmt.Sprintf("%s is from file %s, which the document does not have", where, ref))
		}
	}

	// References: every element a relationship or annotation names exists
	// in the document, or in an external document it declares.
	ref := func(e common.DocElementID, what string) {
		if e.SpecialID != "" || e.ElementRefID == "NOASSERTION" || e.ElementRefID == "NONE" {
			return // NONE, NOASSERTION
		}
		s := elementString(e)
		if e.DocumentRefID != "" {
			if !docRefs[e.DocumentRefID] {
				doc.problemAt(ProblemReference, data, "DocumentRef-"+string(e.DocumentRefID),
					fmt.Sprintf("%s names %s, but the document declares no external document DocumentRef-%s", what, s, e.DocumentRefID))
			}
			return
		}
		if !ids[e.ElementRefID] {
			doc.problemAt(ProblemReference, data, s, fmt.Sprintf("%s names %s, which is not an element of the document (dangling reference)", what, s))
		}
	}
	describes, links := 0, 0
	for _, r := range d.Relationships {
		if r == nil {
			continue
		}
		what := fmt.Sprintf("relationship %s %s %s", elementString(r.RefA), r.Relationship, elementString(r.RefB))
		ref(r.RefA, what)
		ref(r.RefB, what)
		switch strings.ToUpper(r.Relationship) {
		case "DESCRIBES", "DESCRIBED_BY":
			describes++
		default:
			links++
		}
	}
	for _, a := range d.Annotations {
		// In JSON and YAML an annotation sits inside its element and names
		// none.
		if a != nil && (a.AnnotationSPDXIdentifier.ElementRefID != "" || a.AnnotationSPDXIdentifier.DocumentRefID != "") {
			ref(a.AnnotationSPDXIdentifier, "annotation by "+a.Annotator.Annotator)
		}
	}
	// NTIA: the relationships between components. A document with one
	// package has none to give beyond DESCRIBES.
	if describes == 0 && len(d.Packages) > 0 {
		doc.missing(NTIARelationship)
		doc.problem(ProblemNTIA, 0, "the document does not say which package it describes (no DESCRIBES relationship or documentDescribes)")
	} else if links == 0 && len(d.Packages) > 1 {
		doc.missing(NTIARelationship)
		doc.problem(ProblemNTIA, 0, fmt.Sprintf("%d packages and no relationship between them (DEPENDS_ON, CONTAINS, ...; NTIA: dependency relationships)", len(d.Packages)))
	}
}

func checkFileLicences(lic *licenceChecker, f *spdx.File) {
	if f == nil {
		return
	}
	where := "file " + f.FileName
	lic.check(where, "licenseConcluded", f.LicenseConcluded)
	for _, l := range f.LicenseInfoInFiles {
		lic.check(where, "licenseInfoInFiles", l)
	}
}

// ntiaList records a per-package NTIA gap with the first few packages.
func ntiaList(doc *Document, element string, pkgs []string, what string) {
	if len(pkgs) == 0 {
		return
	}
	doc.missing(element)
	doc.problem(ProblemNTIA, 0, fmt.Sprintf("%d of %d packages %s (NTIA: %s): %s", len(pkgs), doc.Packages, hasHave(len(pkgs), what), element, firstFew(pkgs)))
}

func hasHave(n int, what string) string {
	if n == 1 {
		return "has " + what
	}
	return "have " + what
}

// firstFew lists up to five items and a count of the rest.
func firstFew(items []string) string {
	sort.Strings(items)
	if len(items) <= 5 {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:5], ", ") + fmt.Sprintf(" and %d more", len(items)-5)
}

func label(name, id string) string {
	if name == "" {
		return "SPDXRef-" + id
	}
	return fmt.Sprintf("%s (SPDXRef-%s)", name, id)
}

func elementString(e common.DocElementID) string {
	if e.SpecialID != "" {
		return e.SpecialID
	}
	s := "SPDXRef-" + string(e.ElementRefID)
	if e.DocumentRefID != "" {
		s = "DocumentRef-" + string(e.DocumentRefID) + ":" + s
	}
	return s
}

func validTime(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil && strings.HasSuffix(s, "Z")
}

// licenceChecker validates the licence expressions of one document.
type licenceChecker struct {
	doc     *Document
	data    []byte
	refs    map[string]bool // LicenseRef ids the document defines
	docRefs map[common.DocumentID]bool
	seen    map[string]bool // expressions already reported
}

func (c *licenceChecker) check(where, field, v string) {
	v = strings.TrimSpace(v)
	if v == "" || v == "NOASSERTION" || v == "NONE" {
		return
	}
	e, err := licpolicy.Parse(v)
	if err != nil {
		if !c.seen[v] {
			c.seen[v] = true
			c.doc.problemAt(ProblemLicense, c.data, v, fmt.Sprintf("%s: %s %q is not a valid SPDX licence expression: %v", where, field, v, err))
		}
		return
	}
	for _, t := range e.Terms() {
		id := t.ID
		if !strings.Contains(id, "LicenseRef-") {
			continue
		}
		if doc, local, ok := strings.Cut(id, ":"); ok {
			if !c.docRefs[common.DocumentID(strings.TrimPrefix(doc, "DocumentRef-"))] && !c.seen[id] {
				c.seen[id] = true
				c.doc.problemAt(ProblemReference, c.data, id, fmt.Sprintf("%s: %s uses %s from an external document the document does not declare", where, field, local))
			}
			continue
		}
		if !c.refs[id] && !c.seen[id] {
			c.seen[id] = true
			c.doc.problemAt(ProblemReference, c.data, id, fmt.Sprintf("%s: %s uses %s, which the document does not define (no extracted licensing info for it)", where, field, id))
		}
	}
}
