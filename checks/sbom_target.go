// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"os"
	"strings"
	"sync"

	"github.com/ospolint/ospolint/internal/deps"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/sbom"
)

// supplyFacts are the supply-chain facts of a target, each computed at
// most once per scan and shared by the sbom-*, lockfile and licence-policy
// checks and the JSON facts.
type supplyFacts struct {
	sbomsOnce sync.Once
	sboms     []*sbom.Document
	depsOnce  sync.Once
	inv       deps.Inventory
}

// SBOMs reads every SBOM file of the repository (named as SPDX or
// CycloneDX documents are, see sbom.Detect), sorted by path.
func (t *Target) SBOMs() []*sbom.Document {
	t.supply.sbomsOnce.Do(func() {
		for _, e := range t.Files() {
			if _, ok := sbom.Detect(e.Path); !ok || deps.IsDependencyPath(e.Path) { // Detect first: it is cheaper
				continue
			}
			var doc *sbom.Document
			if e.Escapes {
				doc = &sbom.Document{Path: e.Path, NTIA: []string{}, Problems: []sbom.Problem{{Kind: sbom.ProblemParse,
					Message: "symbolic link that leaves the repository or dangles; not followed"}}}
			} else if data, err := readAll(t, e.Path); err != nil {
				doc = &sbom.Document{Path: e.Path, NTIA: []string{}, Problems: []sbom.Problem{{Kind: sbom.ProblemParse, Message: "cannot read: " + err.Error()}}}
			} else {
				doc = sbom.Read(e.Path, data)
			}
			if doc.Format == "" {
				doc.Format, _ = sbom.Detect(e.Path)
			}
			t.supply.sboms = append(t.supply.sboms, doc)
		}
	})
	return t.supply.sboms
}

// Dependencies is the dependency inventory of the repository's lockfiles,
// with the licences declared on disk: lockfile fields, installed packages,
// vendored trees and, when they are populated, the Go module cache and
// Cargo's registry cache.
func (t *Target) Dependencies() deps.Inventory {
	t.supply.depsOnce.Do(func() {
		var files []string
		for _, e := range t.Files() {
			if deps.Format(e.Path) != "" && !e.Escapes {
				files = append(files, e.Path)
			}
		}
		if len(files) == 0 {
			return
		}
		t.supply.inv, _ = deps.Read(t.fsys, files, deps.Options{Licenses: true, GoModCache: deps.ModCache(), CargoRegistry: deps.CargoRegistry(os.Getenv)})
		fillFromSBOMs(t.supply.inv.Dependencies, t.SBOMs())
	})
	return t.supply.inv
}

// fillFromSBOMs takes a dependency's licence from a committed SBOM of the
// project that declares one for the same package, when nothing else on
// disk does; an example document (projectSBOM) describes no dependency of
// the project.
func fillFromSBOMs(ds []deps.Dependency, docs []*sbom.Document) {
	byPURL := map[string]string{}
	for _, d := range docs {
		if !projectSBOM(d.Path) {
			continue
		}
		for _, c := range d.Components {
			if c.PURL != "" && c.License != "" && c.License != "NOASSERTION" && c.License != "NONE" {
				byPURL[c.PURL] = c.License
			}
		}
	}
	for i := range ds {
		if ds[i].License != deps.NoAssertion {
			continue
		}
		if l, ok := byPURL[ds[i].PURL]; ok {
			ds[i].License, ds[i].LicenseSource = l, deps.SourceSBOM
		}
	}
}

// readAll reads a whole SBOM (they can be larger than the 4 MiB of
// ReadFile).
func readAll(t *Target, p string) ([]byte, error) {
	return repo.ReadFile(t.fsys, p, sbom.MaxSize)
}

// projectSBOM reports whether an SBOM describes the project rather than
// serving as an example or test data: one under examples/, samples/,
// test/, fixtures/ (and the like) shows a format, not the project.
func projectSBOM(p string) bool {
	for {
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return true
		}
		switch strings.ToLower(p[:i]) {
		case "example", "examples", "sample", "samples", "sample-docs", "test", "tests", "testdata", "fixtures",
			"__fixtures__", "spec", "specs":
			return false
		}
		p = p[i+1:]
	}
}
