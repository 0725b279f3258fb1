// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"regexp"
	"strings"
)

func sbomPresent() *Check {
	return &Check{
		ID:         "sbom-present",
		Title:      "No SBOM committed or generated in CI",
		Summary:    "An SPDX or CycloneDX SBOM is committed, or a CI job generates one.",
		Activities: []string{"GGI-A-23", "GGI-A-21", "GGI-A-42"},
		Level:      Note,
		Needs:      NeedFiles,
		Help: `Looks for a software bill of materials: a committed SPDX document (` + "`*.spdx`" + `, ` + "`*.spdx.json`" + `,
` + "`*.spdx.yaml`" + `, ` + "`*.spdx.yml`" + `, ` + "`*.spdx.rdf`" + `, ` + "`*.spdx.rdf.xml`" + `, ` + "`*.spdx.xml`" + `, ` + "`*.spdx.jsonld`" + `) or CycloneDX
document (` + "`bom.json`" + `, ` + "`bom.xml`" + `, ` + "`*.cdx.json`" + `, ` + "`*.cdx.xml`" + `), or a CI job that generates one: syft or
anchore/sbom-action, cdxgen, the CycloneDX generators (cyclonedx-gomod, cyclonedx-npm, cyclonedx-py, the Maven and
Gradle plugins), Trivy with an SBOM format, Microsoft's sbom-tool, Kubernetes' bom, GoReleaser's sboms, BuildKit's
SBOM attestation (` + "`docker buildx build --sbom=true`" + ` or ` + "`--attest type=sbom`" + `, ` + "`sbom: true`" + ` on
docker/build-push-action, docker/bake-action or Docker's github-builder workflows),
` + "`ospolint sbom`" + `, or actions/attest-sbom. Documents under examples/, samples/, test/ or fixtures/ directories
show a format rather than describe the project and do not count. A pass says what it found, the documents or the
generator and its CI file (the check's ` + "`note`" + ` in JSON); the JSON report lists the documents under ` + "`facts.sboms`" + `.
A repository without any lockfile and without an SBOM has nothing to describe: not applicable.

**Why (GGI-A-23 Manage software dependencies; GGI-A-21; GGI-A-42):** handbook 1.3 names the SBOM as the way to
know and publish what a product is made of, as the EU Cyber Resilience Act and US Executive Order 14028 ask.

**Fix:** generate one and commit it, or publish it from CI:

` + "```sh" + `
ospolint sbom -o sbom.spdx.json .          # SPDX 2.3 JSON of every lockfile
ospolint sbom -f cyclonedx -o bom.json .   # CycloneDX 1.6
` + "```",
		Run: runSBOMPresent,
	}
}

// sbomGenerators recognise SBOM generation in CI steps.
func sbomGenerators() []licenceScanner {
	re := regexp.MustCompile
	return []licenceScanner{
		{name: "syft", uses: re(`(?i)(anchore/sbom-action|anchore/syft)`), command: re(`(?i)\bsyft\b`)},
		{name: "cdxgen", uses: re(`(?i)cdxgen`), command: re(`(?i)\bcdxgen\b`)},
		{name: "cyclonedx", uses: re(`(?i)cyclonedx`), command: re(`(?i)\bcyclonedx[-_](gomod|npm|py|bom|maven|gradle|node|php|dotnet|rust|cargo)\b|cyclonedx(-maven-plugin|BOM|Bom)|\bcargo[\s-]cyclonedx\b`)},
		{name: "trivy", uses: re(`(?i)(^|/)trivy-action([/@:]|$)`), command: re(`(?i)\btrivy\b.*--format[=\s]+(spdx|spdx-json|cyclonedx)`),
			inputs: func(with map[string]string) bool {
				f := with["format"]
				return f == "spdx" || f == "spdx-json" || f == "cyclonedx"
			}},
		{name: "sbom-tool", uses: re(`(?i)microsoft/sbom`), command: re(`(?i)\bsbom-tool\b`)},
		{name: "bom", command: re(`(?i)\bbom\s+generate\b`)},
		{name: "goreleaser", uses: re(`(?i)goreleaser`)},
		{name: "ospolint", command: re(`(?i)\bospolint\s+sbom\b`)},
		{name: "attest-sbom", uses: re(`(?i)actions/attest-sbom`)},
		{name: "spdx-sbom-generator", command: re(`(?i)spdx-sbom-generator`)},
		// BuildKit's SBOM attestation: docker buildx build --sbom=true or
		// --attest type=sbom, the build-push and bake actions' sbom input,
		// Docker's github-builder reusable workflows with sbom: true.
		{name: "docker buildx (SBOM attestation)", uses: re(`(?i)(^|/)(build-push-action|bake-action)([/@]|$)|docker/github-builder/`),
			command: re(`(?i)\bdocker\s+(buildx\s+)?(build|bake)\b.*(--sbom(=true)?(\s|$)|--attest[=\s]+type=sbom)`),
			inputs: func(with map[string]string) bool {
				return strings.EqualFold(strings.TrimSpace(with["sbom"]), "true") || strings.Contains(with["attests"], "type=sbom")
			}},
	}
}

func runSBOMPresent(p *Pass) error {
	var committed []string
	for _, d := range p.Target.SBOMs() {
		if projectSBOM(d.Path) {
			committed = append(committed, d.Path+" ("+describeDoc(d)+")")
		}
	}
	if len(committed) > 0 {
		p.Note("committed: " + firstFive(committed))
		return nil
	}
	if m, _ := ciRuns(p, sbomGenerators()); m.tool != "" {
		p.Note("generated in CI: " + m.String())
		return nil
	}
	if len(p.Target.Dependencies().Lockfiles) == 0 {
		p.NotApplicable("no lockfile and no SBOM: nothing to describe")
		return nil
	}
	p.Report(Finding{Path: "sbom.spdx.json", Message: "no SBOM: commit one (for example `ospolint sbom -o sbom.spdx.json .`) or generate it in CI (syft, cdxgen, the CycloneDX tools, actions/attest-sbom)"})
	return nil
}

// ciMatch is a tool a CI definition runs.
type ciMatch struct {
	tool string // "" when none was found
	path string // the CI file running it
}

func (m ciMatch) String() string { return m.tool + " in " + m.path }

// ciRuns finds the first of the tools a CI definition runs, and lists the
// CI files read (with the GitLab files they include).
func ciRuns(p *Pass, tools []licenceScanner) (ciMatch, []ciFile) {
	files := ciFiles(p.Target.index)
	seen := map[string]bool{}
	for i := 0; i < len(files); i++ {
		f := files[i]
		seen[f.path] = true
		data, err := p.Target.ReadFile(f.path)
		if err != nil {
			continue
		}
		steps, includes := ciSteps(f, data, p)
		for _, st := range steps {
			for _, s := range tools {
				if s.matches(st) {
					return ciMatch{tool: s.name, path: f.path}, files
				}
			}
		}
		// GitLab local includes hold jobs too.
		for _, inc := range includes {
			if !seen[inc] {
				seen[inc] = true
				files = append(files, ciFile{path: inc, kind: "yaml"})
			}
		}
	}
	return ciMatch{}, files
}
