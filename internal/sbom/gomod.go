// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package sbom writes SPDX 2.3 documents describing a repository's Go module
// and its dependencies, with github.com/spdx/tools-golang.
package sbom

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
	"golang.org/x/mod/modfile"

	"github.com/ospolint/ospolint/internal/repo"
)

// Options describe the document's creation.
type Options struct {
	// License is the SPDX expression declared for the root module.
	License string
	// Created is the document's creation time.
	Created time.Time
	// Tool names the creator, e.g. "ospolint-0.1.0".
	Tool string
}

const maxGoMod = 4 << 20

// FromGoModule describes the Go module at the root of fsys: one package for
// the module, one per required module (direct and indirect), each with a purl
// and a DEPENDS_ON relationship.
func FromGoModule(fsys fs.FS, opt Options) (*spdx.Document, error) {
	data, err := repo.ReadFile(fsys, "go.mod", maxGoMod)
	if err != nil {
		return nil, fmt.Errorf("sbom: %w", err)
	}
	mf, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil {
		return nil, fmt.Errorf("sbom: %w", err)
	}
	if mf.Module == nil {
		return nil, errors.New("sbom: go.mod has no module line")
	}
	sum, _ := repo.ReadFile(fsys, "go.sum", maxGoMod)
	h := sha256.Sum256(append(append([]byte{}, data...), sum...))
	modPath := mf.Module.Mod.Path
	license := opt.License
	if license == "" {
		license = "NOASSERTION"
	}
	root := &spdx.Package{
		PackageName:             modPath,
		PackageSPDXIdentifier:   "Package-root",
		PackageDownloadLocation: downloadLocation(modPath),
		PackageLicenseConcluded: "NOASSERTION",
		PackageLicenseDeclared:  license,
		PackageCopyrightText:    "NOASSERTION",
		PrimaryPackagePurpose:   "APPLICATION",
	}
	doc := &spdx.Document{
		SPDXVersion:       spdx.Version,
		DataLicense:       spdx.DataLicense,
		SPDXIdentifier:    "DOCUMENT",
		DocumentName:      modPath,
		DocumentNamespace: "https://spdx.org/spdxdocs/" + strings.ReplaceAll(modPath, "/", "-") + "-" + hex.EncodeToString(h[:8]),
		CreationInfo: &spdx.CreationInfo{
			Creators: []common.Creator{{CreatorType: "Tool", Creator: opt.Tool}},
			Created:  opt.Created.UTC().Format(time.RFC3339),
		},
		Packages: []*spdx.Package{root},
		Relationships: []*spdx.Relationship{{
			RefA: common.MakeDocElementID("", "DOCUMENT"), RefB: common.MakeDocElementID("", "Package-root"), Relationship: common.TypeRelationshipDescribe,
		}},
	}
	reqs := append([]*modfile.Require(nil), mf.Require...)
	sort.Slice(reqs, func(i, j int) bool { return reqs[i].Mod.Path < reqs[j].Mod.Path })
	for i, r := range reqs {
		id := common.ElementID(fmt.Sprintf("Package-%d", i+1))
		comment := "direct dependency"
		if r.Indirect {
			comment = "indirect dependency"
		}
		doc.Packages = append(doc.Packages, &spdx.Package{
			PackageName:             r.Mod.Path,
			PackageSPDXIdentifier:   id,
			PackageVersion:          r.Mod.Version,
			PackageDownloadLocation: downloadLocation(r.Mod.Path),
			PackageLicenseConcluded: "NOASSERTION",
			PackageLicenseDeclared:  "NOASSERTION",
			PackageCopyrightText:    "NOASSERTION",
			PackageComment:          comment,
			PackageSupplier:         &common.Supplier{Supplier: "NOASSERTION"},
			PackageExternalReferences: []*spdx.PackageExternalReference{{
				Category: common.CategoryPackageManager, RefType: "purl", Locator: purl(r.Mod.Path, r.Mod.Version),
			}},
		})
		doc.Relationships = append(doc.Relationships, &spdx.Relationship{
			RefA: common.MakeDocElementID("", "Package-root"), RefB: common.MakeDocElementID("", string(id)), Relationship: common.TypeRelationshipDependsOn,
		})
	}
	return doc, nil
}

func downloadLocation(modPath string) string {
	if strings.Contains(strings.SplitN(modPath, "/", 2)[0], ".") {
		return "https://" + modPath
	}
	return "NOASSERTION"
}

// purl formats a Go package URL: the module path's last element is the name
// and the rest the namespace, each segment escaped as the purl spec asks.
func purl(modPath, version string) string {
	segs := strings.Split(modPath, "/")
	for i, s := range segs {
		segs[i] = escape(s)
	}
	return "pkg:golang/" + strings.Join(segs, "/") + "@" + escape(version)
}

func escape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(".-_~+", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
