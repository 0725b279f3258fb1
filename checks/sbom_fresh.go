// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/ospolint/ospolint/internal/deps"
	"github.com/ospolint/ospolint/internal/sbom"
)

func sbomFresh() *Check {
	return &Check{
		ID:         "sbom-fresh",
		Title:      "SBOM that does not cover the locked dependencies",
		Summary:    "The committed SBOMs list every dependency the lockfiles lock, at the locked version.",
		Activities: []string{"GGI-A-23"},
		Level:      Warning,
		Needs:      NeedFiles,
		Help: `Compares the packages of the committed SBOMs (all of them together) with the dependencies the repository's
lockfiles lock (the inventory in ` + "`facts.dependencies`" + `): a dependency is covered when a package has its purl, or
its name and version. A locked dependency the SBOMs miss is **missing**; one they list at another version is
**stale**. The finding names the first few of each with the counts. Dependencies without a locked version
(an unpinned requirements.txt line, a local replacement) are not compared. An SBOM covers the lockfiles of its
directory and below; documents under examples/, samples/, test/ or fixtures/ are not the project's. Not applicable
without both an SBOM and a lockfile.

**Why (GGI-A-23 Manage software dependencies):** an SBOM that no longer matches the lockfiles tells its readers
about software the product does not ship, and hides what it does.

**Fix:** regenerate the SBOM when the lockfiles change, for example in CI:
` + "`ospolint sbom -o sbom.spdx.json .`" + `, and check it is current in the same job.`,
		Run: runSBOMFresh,
	}
}

func runSBOMFresh(p *Pass) error {
	// The project's SBOMs, and the lockfiles in their directories and
	// below: an SBOM in web/ describes web/, not the Go module at the root.
	var docs []*sbom.Document
	var dirs []string
	for _, d := range p.Target.SBOMs() {
		if d.Parsed && projectSBOM(d.Path) {
			docs = append(docs, d)
			dir := path.Dir(d.Path)
			if dir == "." {
				dir = ""
			}
			dirs = append(dirs, dir)
		}
	}
	var inv deps.Inventory
	for _, dep := range p.Target.Dependencies().Dependencies {
		for _, dir := range dirs {
			if dir == "" || strings.HasPrefix(dep.Path, dir+"/") {
				inv.Dependencies = append(inv.Dependencies, dep)
				break
			}
		}
	}
	if len(docs) == 0 || len(inv.Dependencies) == 0 {
		p.NotApplicable("needs a readable SBOM and a lockfile")
		return nil
	}
	purls := map[string]bool{}
	versions := map[string][]string{} // normalised name -> versions listed
	for _, d := range docs {
		for _, c := range d.Components {
			if c.PURL != "" {
				purls[strings.ToLower(c.PURL)] = true
			}
			n := strings.ToLower(c.Name)
			versions[n] = append(versions[n], normVersion(c.Version))
		}
	}
	var missing, stale []string
	seen := map[string]bool{}
	for _, d := range inv.Dependencies {
		if d.Version == "" || seen[d.Key()] {
			continue
		}
		seen[d.Key()] = true
		if purls[strings.ToLower(d.PURL)] {
			continue
		}
		listed := versions[strings.ToLower(d.Name)]
		if len(listed) == 0 && d.Ecosystem == deps.PyPI {
			listed = versions[deps.NormalizePyPI(d.Name)]
		}
		switch {
		case slices.Contains(listed, normVersion(d.Version)):
		case len(listed) == 0:
			missing = append(missing, d.Name+"@"+d.Version)
		default:
			stale = append(stale, fmt.Sprintf("%s@%s (SBOM: %s)", d.Name, d.Version, strings.Join(listed, ", ")))
		}
	}
	if len(missing)+len(stale) == 0 {
		return nil
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, fmt.Sprintf("%d locked %s missing: %s", len(missing), plural(len(missing), "dependency is", "dependencies are"), firstFive(missing)))
	}
	if len(stale) > 0 {
		parts = append(parts, fmt.Sprintf("%d listed at another version: %s", len(stale), firstFive(stale)))
	}
	p.Report(Finding{Path: docs[0].Path, Key: "fresh",
		Message:    fmt.Sprintf("the SBOM does not match the lockfiles: %s; regenerate it (ospolint sbom -o %s .)", strings.Join(parts, "; "), docs[0].Path),
		Properties: map[string]any{"missing": len(missing), "stale": len(stale)}})
	return nil
}

// normVersion compares Go's "v1.2.3" with "1.2.3".
func normVersion(v string) string { return strings.TrimPrefix(strings.TrimSpace(v), "v") }

func firstFive(items []string) string {
	sort.Strings(items)
	if len(items) <= 5 {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:5], ", ") + fmt.Sprintf(" and %d more", len(items)-5)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
