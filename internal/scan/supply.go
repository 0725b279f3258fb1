// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"github.com/ospolint/ospolint/checks"
)

// SBOMFact is one SBOM document found in the repository.
type SBOMFact struct {
	Path string `json:"path"`
	// Format is "spdx" or "cyclonedx".
	Format      string `json:"format"`
	SpecVersion string `json:"specVersion"`
	// Parsed is true when the document was read.
	Parsed   bool `json:"parsed"`
	Packages int  `json:"packages"`
	// NTIA lists the NTIA minimum elements the document misses.
	NTIA []string `json:"ntia"`
}

// DependencyFact is one locked dependency (the inventory, GGI-A-17).
type DependencyFact struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	PURL      string `json:"purl"`
	Direct    bool   `json:"direct"`
	// License is an SPDX expression or NOASSERTION; LicenseSource says
	// where it was read (lockfile, manifest, license-file, module-cache,
	// registry-cache, vendor, sbom).
	License       string `json:"license"`
	LicenseSource string `json:"licenseSource,omitempty"`
	Path          string `json:"path"`
	Line          int    `json:"line,omitempty"`
}

// supplyChecks are the checks that read SBOMs and lockfiles: when one
// runs, the facts are computed anyway and go into the report.
func supplyPlanned(p *Plan) bool {
	for _, pc := range p.Checks {
		switch pc.Check.ID {
		case "sbom-present", "sbom-valid", "sbom-fresh", "lockfile":
			return true
		}
	}
	return false
}

func sbomFacts(t *checks.Target, p *Plan) []SBOMFact {
	if !supplyPlanned(p) {
		return nil
	}
	out := []SBOMFact{}
	for _, d := range t.SBOMs() {
		ntia := d.NTIA
		if ntia == nil {
			ntia = []string{}
		}
		out = append(out, SBOMFact{Path: d.Path, Format: d.Format, SpecVersion: d.SpecVersion, Parsed: d.Parsed, Packages: d.Packages, NTIA: ntia})
	}
	return out
}

func dependencyFacts(t *checks.Target, p *Plan) []DependencyFact {
	if !supplyPlanned(p) {
		return nil
	}
	out := []DependencyFact{}
	for _, d := range t.Dependencies().Dependencies {
		out = append(out, DependencyFact{Ecosystem: string(d.Ecosystem), Name: d.Name, Version: d.Version, PURL: d.PURL,
			Direct: d.Direct, License: d.License, LicenseSource: d.LicenseSource, Path: d.Path, Line: d.Line})
	}
	return out
}
