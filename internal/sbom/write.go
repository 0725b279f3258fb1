// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
	"github.com/spdx/tools-golang/spdxlib"
	"github.com/spdx/tools-golang/tagvalue"

	"github.com/ospolint/ospolint/internal/deps"
	"github.com/ospolint/ospolint/internal/licpolicy"
)

// Options describe the document's subject and creation.
type Options struct {
	// Name is the project: the root package and the document name.
	Name string
	// Version is the project's version; NOASSERTION when empty.
	Version string
	// License is the project licence (an SPDX expression), NOASSERTION
	// when empty.
	License string
	// Created is the creation time (SOURCE_DATE_EPOCH for reproducible
	// documents).
	Created time.Time
	// Tool names the creator, e.g. "ospolint-0.1.0".
	Tool string
}

const rootID = "Package-root"

// packages merges the inventory by ecosystem, name and version (one
// package locked by several files is listed once), sorted.
func packages(inv deps.Inventory) []deps.Dependency {
	byKey := map[string]int{}
	var out []deps.Dependency
	for _, d := range inv.Dependencies {
		k := d.Key()
		if i, ok := byKey[k]; ok {
			o := &out[i]
			other := d
			if o.License == deps.NoAssertion && d.License != deps.NoAssertion {
				// The one with a licence, with where it came from and
				// as it was declared.
				*o, other = d, *o
			}
			o.Direct = o.Direct || other.Direct
			o.Dev = o.Dev && other.Dev
			if len(o.Checksums) == 0 {
				o.Checksums = other.Checksums
			}
			continue
		}
		byKey[k] = len(out)
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out
}

var idUnsafe = regexp.MustCompile(`[^A-Za-z0-9.-]+`)

// elementID makes a readable, unique SPDX element id for a package.
func elementID(d deps.Dependency, used map[string]bool) string {
	base := "Package-" + string(d.Ecosystem) + "-" + strings.Trim(idUnsafe.ReplaceAllString(d.Name+"-"+d.Version, "-"), "-")
	id := base
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	used[id] = true
	return id
}

func orNoAssertion(s string) string {
	if strings.TrimSpace(s) == "" {
		return "NOASSERTION"
	}
	return s
}

// SPDXDocument describes the project and its locked dependencies as an
// SPDX 2.3 document: the root package with the project licence, one package
// per dependency with its purl, checksums and licence, DESCRIBES from the
// document and DEPENDS_ON (DEV_DEPENDENCY_OF for development dependencies)
// from the root.
func SPDXDocument(inv deps.Inventory, opt Options) *spdx.Document {
	pk := packages(inv)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", opt.Name, opt.Version, opt.License)
	for _, d := range pk {
		fmt.Fprintf(h, "%s\x00%s\x00", d.PURL, d.License)
	}
	sum := hex.EncodeToString(h.Sum(nil)[:8])
	refs := licenceRefs{}
	root := &spdx.Package{
		PackageName:             opt.Name,
		PackageSPDXIdentifier:   rootID,
		PackageVersion:          orNoAssertion(opt.Version),
		PackageSupplier:         &common.Supplier{Supplier: "NOASSERTION"},
		PackageDownloadLocation: "NOASSERTION",
		PackageLicenseConcluded: "NOASSERTION",
		PackageLicenseDeclared:  refs.use(orNoAssertion(opt.License), opt.License),
		PackageCopyrightText:    "NOASSERTION",
		PrimaryPackagePurpose:   "APPLICATION",
	}
	doc := &spdx.Document{
		SPDXVersion:       spdx.Version,
		DataLicense:       spdx.DataLicense,
		SPDXIdentifier:    "DOCUMENT",
		DocumentName:      opt.Name,
		DocumentNamespace: "https://spdx.org/spdxdocs/" + strings.Trim(idUnsafe.ReplaceAllString(opt.Name, "-"), "-") + "-" + sum,
		CreationInfo: &spdx.CreationInfo{
			Creators: []common.Creator{{CreatorType: "Tool", Creator: opt.Tool}},
			Created:  opt.Created.UTC().Format(time.RFC3339),
		},
		Packages: []*spdx.Package{root},
		Relationships: []*spdx.Relationship{{
			RefA: common.MakeDocElementID("", "DOCUMENT"), RefB: common.MakeDocElementID("", rootID), Relationship: common.TypeRelationshipDescribe,
		}},
	}
	used := map[string]bool{rootID: true}
	for _, d := range pk {
		id := common.ElementID(elementID(d, used))
		p := &spdx.Package{
			PackageName:             d.Name,
			PackageSPDXIdentifier:   id,
			PackageVersion:          orNoAssertion(d.Version),
			PackageSupplier:         &common.Supplier{Supplier: "NOASSERTION"},
			PackageDownloadLocation: "NOASSERTION",
			PackageLicenseConcluded: "NOASSERTION",
			PackageLicenseDeclared:  refs.use(d.License, d.Declared()),
			PackageCopyrightText:    "NOASSERTION",
			PackageComment:          comment(d),
		}
		if d.PURL != "" {
			p.PackageExternalReferences = []*spdx.PackageExternalReference{{
				Category: common.CategoryPackageManager, RefType: "purl", Locator: d.PURL,
			}}
		}
		for _, c := range d.Checksums {
			p.PackageChecksums = append(p.PackageChecksums, common.Checksum{Algorithm: common.ChecksumAlgorithm(c.Algorithm), Value: c.Value})
		}
		doc.Packages = append(doc.Packages, p)
		rel := &spdx.Relationship{RefA: common.MakeDocElementID("", rootID), RefB: common.MakeDocElementID("", string(id)), Relationship: common.TypeRelationshipDependsOn}
		if d.Dev {
			rel = &spdx.Relationship{RefA: common.MakeDocElementID("", string(id)), RefB: common.MakeDocElementID("", rootID), Relationship: "DEV_DEPENDENCY_OF"}
		}
		doc.Relationships = append(doc.Relationships, rel)
	}
	doc.OtherLicenses = refs.others()
	return doc
}

func comment(d deps.Dependency) string {
	var parts []string
	if d.Direct {
		parts = append(parts, "direct dependency")
	} else {
		parts = append(parts, "indirect dependency")
	}
	if d.Dev {
		parts = append(parts, "development only")
	}
	if d.Version == "" {
		// A pom.xml dependency whose version a parent POM manages, an
		// unpinned requirements line: declared there, not locked.
		parts = append(parts, "declared in "+d.Path+" without a pinned version")
	} else {
		parts = append(parts, "locked in "+d.Path)
	}
	if d.LicenseSource != "" && d.License != deps.NoAssertion {
		parts = append(parts, "licence from "+d.LicenseSource)
	}
	if d.Replaces != "" {
		parts = append(parts, "replaces "+d.Replaces)
	}
	if d.Local != "" {
		parts = append(parts, "from the local directory "+d.Local)
	}
	return strings.Join(parts, "; ")
}

// licenceRefs collects the LicenseRef ids a document uses, so each gets the
// extracted-licensing entry SPDX requires.
type licenceRefs map[string]string // id -> the text it stands for

func (r licenceRefs) use(expr, raw string) string {
	if expr == "" {
		return "NOASSERTION"
	}
	e, err := licpolicy.Parse(expr)
	if err != nil {
		return "NOASSERTION"
	}
	for _, t := range e.Terms() {
		if strings.HasPrefix(t.ID, "LicenseRef-") {
			if _, ok := r[t.ID]; !ok {
				r[t.ID] = raw
			}
		}
	}
	return expr
}

func (r licenceRefs) others() []*spdx.OtherLicense {
	ids := make([]string, 0, len(r))
	for id := range r {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []*spdx.OtherLicense
	for _, id := range ids {
		text := r[id]
		if text == "" {
			text = strings.TrimPrefix(id, "LicenseRef-")
		}
		out = append(out, &spdx.OtherLicense{LicenseIdentifier: id, LicenseName: strings.TrimPrefix(id, "LicenseRef-"),
			ExtractedText: "The package declares its licence as: " + text})
	}
	return out
}

// WriteSPDX writes an SPDX document as JSON or, with tagValue, as
// tag-value, after checking its relationships.
func WriteSPDX(w io.Writer, doc *spdx.Document, tagValue bool) error {
	if err := spdxlib.ValidateDocument(doc); err != nil {
		return fmt.Errorf("sbom: %w", err)
	}
	var b bytes.Buffer
	var err error
	if tagValue {
		err = tagvalue.Write(doc, &b)
	} else {
		err = spdxjson.Write(doc, &b, spdxjson.Indent("  "), spdxjson.EscapeHTML(false))
	}
	if err != nil {
		return fmt.Errorf("sbom: %w", err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// CycloneDXBOM describes the project and its dependencies as a CycloneDX
// 1.6 BOM, with the same content as SPDXDocument.
func CycloneDXBOM(inv deps.Inventory, opt Options) *cdx.BOM {
	bom := cdx.NewBOM()
	bom.SpecVersion = cdx.SpecVersion1_6
	bom.JSONSchema = "http://cyclonedx.org/schema/bom-1.6.schema.json"
	rootRef := "root"
	root := &cdx.Component{Type: cdx.ComponentTypeApplication, BOMRef: rootRef, Name: opt.Name, Version: opt.Version}
	if l := cdxLicences(opt.License); l != nil {
		root.Licenses = l
	}
	tool, toolVersion, _ := strings.Cut(opt.Tool, "-")
	bom.Metadata = &cdx.Metadata{
		Timestamp: opt.Created.UTC().Format(time.RFC3339),
		Tools:     &cdx.ToolsChoice{Components: &[]cdx.Component{{Type: cdx.ComponentTypeApplication, Name: tool, Version: toolVersion}}},
		Component: root,
	}
	var comps []cdx.Component
	var refs []string
	seen := map[string]bool{rootRef: true}
	for _, d := range packages(inv) {
		ref := d.PURL
		if ref == "" || seen[ref] {
			ref = fmt.Sprintf("%s-%d", d.Key(), len(comps))
		}
		seen[ref] = true
		c := cdx.Component{Type: cdx.ComponentTypeLibrary, BOMRef: ref, Name: d.Name, Version: d.Version, PackageURL: d.PURL}
		if d.Dev {
			c.Scope = cdx.ScopeOptional
		}
		if l := cdxLicences(d.License); l != nil {
			c.Licenses = l
		}
		var hs []cdx.Hash
		for _, ck := range d.Checksums {
			alg := map[string]cdx.HashAlgorithm{"SHA1": cdx.HashAlgoSHA1, "SHA256": cdx.HashAlgoSHA256, "SHA384": cdx.HashAlgoSHA384, "SHA512": cdx.HashAlgoSHA512}[ck.Algorithm]
			if alg != "" {
				hs = append(hs, cdx.Hash{Algorithm: alg, Value: ck.Value})
			}
		}
		if len(hs) > 0 {
			c.Hashes = &hs
		}
		comps = append(comps, c)
		refs = append(refs, ref)
	}
	bom.Components = &comps
	bom.Dependencies = &[]cdx.Dependency{{Ref: rootRef, Dependencies: &refs}}
	return bom
}

func cdxLicences(expr string) *cdx.Licenses {
	if expr == "" || expr == deps.NoAssertion {
		return nil
	}
	if _, ok := licpolicy.Known(expr); ok {
		return &cdx.Licenses{{License: &cdx.License{ID: expr}}}
	}
	return &cdx.Licenses{{Expression: expr}}
}

// WriteCycloneDX writes a BOM as CycloneDX 1.6 JSON.
func WriteCycloneDX(w io.Writer, bom *cdx.BOM) error {
	enc := cdx.NewBOMEncoder(w, cdx.BOMFileFormatJSON)
	enc.SetPretty(true)
	enc.SetEscapeHTML(false)
	if err := enc.EncodeVersion(bom, cdx.SpecVersion1_6); err != nil {
		return fmt.Errorf("sbom: %w", err)
	}
	return nil
}
