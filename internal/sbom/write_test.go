// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"strings"
	"testing"
	"time"

	"github.com/ospolint/ospolint/internal/deps"
)

// TestSPDXDocumentMergesLockfiles: a package two lockfiles lock is one
// package; when only the second says its licence, the package takes the
// licence with where it came from and the text it was declared as (the
// extracted-licensing entry of a LicenseRef), not the bare expression.
func TestSPDXDocumentMergesLockfiles(t *testing.T) {
	var inv deps.Inventory
	for _, lf := range []struct{ path, lock string }{
		{"a/package-lock.json", `{"lockfileVersion": 3, "packages": {"node_modules/x": {"version": "1.0.0", "dev": true}}}`},
		{"b/package-lock.json", `{"lockfileVersion": 3, "packages": {"": {"dependencies": {"x": "1"}},
  "node_modules/x": {"version": "1.0.0", "license": "Proprietary", "integrity": "sha1-qUWH5Iq5dW3yR3JyYi5URAmsp2s="}}}`},
	} {
		ds, err := deps.Parse(lf.path, []byte(lf.lock))
		if err != nil {
			t.Fatal(err)
		}
		inv.Dependencies = append(inv.Dependencies, ds...)
	}
	doc := SPDXDocument(inv, Options{Name: "app", Created: time.Unix(0, 0), Tool: "ospolint-test"})
	if len(doc.Packages) != 2 {
		t.Fatalf("%d packages, want the root and x", len(doc.Packages))
	}
	x := doc.Packages[1]
	if x.PackageLicenseDeclared != "LicenseRef-Proprietary" || len(x.PackageChecksums) != 1 {
		t.Errorf("x: licence %q, checksums %v", x.PackageLicenseDeclared, x.PackageChecksums)
	}
	for _, want := range []string{"direct dependency", "locked in b/package-lock.json", "licence from lockfile"} {
		if !strings.Contains(x.PackageComment, want) {
			t.Errorf("comment %q lacks %q", x.PackageComment, want)
		}
	}
	if strings.Contains(x.PackageComment, "development only") {
		t.Errorf("comment %q: one lockfile needs x beyond development", x.PackageComment)
	}
	if len(doc.OtherLicenses) != 1 || doc.OtherLicenses[0].ExtractedText != "The package declares its licence as: Proprietary" {
		t.Errorf("extracted licences: %+v", doc.OtherLicenses)
	}
}

// TestSPDXCommentUnpinned: a dependency declared without a version (a
// pom.xml whose parent POM manages it) is not "locked in" its manifest.
func TestSPDXCommentUnpinned(t *testing.T) {
	ds, err := deps.Parse("pom.xml", []byte(`<project><dependencies>
<dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
</dependencies></project>`))
	if err != nil || len(ds) != 1 {
		t.Fatalf("dependencies %+v, error %v; want junit-jupiter", ds, err)
	}
	doc := SPDXDocument(deps.Inventory{Dependencies: ds}, Options{Name: "app", Created: time.Unix(0, 0), Tool: "ospolint-test"})
	x := doc.Packages[1]
	if x.PackageVersion != "NOASSERTION" && x.PackageVersion != "" {
		t.Errorf("version %q, want none", x.PackageVersion)
	}
	if want := "declared in pom.xml without a pinned version"; !strings.Contains(x.PackageComment, want) || strings.Contains(x.PackageComment, "locked") {
		t.Errorf("comment %q, want %q", x.PackageComment, want)
	}
}
