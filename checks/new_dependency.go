// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"path"

	"github.com/ospolint/ospolint/internal/deps"
)

func newDependency() *Check {
	return &Check{
		ID:         "new-dependency",
		Title:      "New direct dependency",
		Summary:    "The change adds no direct dependency, or each one it adds has been reviewed.",
		Activities: []string{"GGI-A-19", "GGI-A-23"},
		Level:      Note,
		Needs:      NeedDiff,
		Help: `In diff mode (` + "`ospolint scan --diff-base REV`" + `, the GitHub Action on pull requests) this check notes every
direct dependency the change adds: a package the project itself declares in ` + "`go.mod`" + `, ` + "`package.json`" + ` (with its
lockfile), ` + "`Cargo.lock`" + `, ` + "`pyproject.toml`" + ` with ` + "`poetry.lock`" + ` or ` + "`uv.lock`" + `, ` + "`Pipfile`" + `, ` + "`requirements.txt`" + `,
` + "`Gemfile.lock`" + `, ` + "`composer.json`" + ` or ` + "`pom.xml`" + ` that the base revision did not lock at all. A new version of a dependency
already declared is not new, nor is one the base locked as another package's dependency: it brings no new code. The note gives the licence the lockfile or the installed package declares; when nothing
in the repository declares one it says so. Dependencies that only come in through others are left to the SBOM and
` + "`license-policy`" + `. Outside diff mode the check is not available.

**Why (GGI-A-19, Open source supervision; GGI-A-23, Manage software dependencies):** every new dependency brings
code, a licence and a maintenance burden into the product. The GGI asks that the components in use be known and
their licences checked against the organisation's policy before they are adopted, not found in an audit later.

**Fix:** nothing to fix when the dependency is wanted: check its licence against the policy (and its maintenance and
security record), then merge. To have licences enforced automatically, configure ` + "`license-policy`" + `.`,
		Run: func(p *Pass) error {
			if err := needsBase(p); err != nil {
				return err
			}
			base, head := p.Target.Base(), p.Target
			files := changedLockfiles(head)
			if len(files) == 0 {
				return nil
			}
			// Only what the repository itself declares: no licence files are
			// identified and the module cache is not read, so the finding
			// says what the project's own files say.
			opt := deps.Options{}
			now, _ := deps.Read(head.FS(), files, opt)
			// The base's lockfiles in the same directories, whatever their
			// format: a project moving from package-lock.json to
			// pnpm-lock.yaml adds no dependency by it.
			was, _ := deps.Read(base.FS(), lockfilesIn(base, files), opt)
			// A package the base locked already, even as another's
			// dependency, brings no new code: lockfile formats also disagree
			// on whether a workspace member's dependencies are direct.
			locked := map[string]bool{}
			for _, d := range was.Dependencies {
				locked[depKey(d)] = true
			}
			reported := map[string]bool{}
			for _, d := range now.Dependencies {
				k := depKey(d)
				if !d.Direct || locked[k] || reported[k] {
					continue
				}
				reported[k] = true
				reportDependency(p, d)
			}
			return nil
		},
	}
}

// depKey identifies a dependency of one manifest across versions.
func depKey(d deps.Dependency) string {
	return path.Dir(d.Path) + "\x00" + string(d.Ecosystem) + "\x00" + d.Name
}

// manifestNames are the files beside a lockfile that say which of its
// dependencies are direct.
func manifestNames() map[string]bool {
	return map[string]bool{"package.json": true, "pyproject.toml": true, "Pipfile": true, "composer.json": true,
		"Cargo.toml": true, "Gemfile": true, "gems.rb": true}
}

// changedLockfiles lists the head's lockfiles the change touches, or whose
// directory holds a manifest the change touches.
func changedLockfiles(head *Target) []string {
	dirs := map[string]bool{}
	touched := map[string]bool{}
	names := manifestNames()
	for _, c := range head.Changes() {
		touched[c.Path] = true
		if names[path.Base(c.Path)] {
			dirs[path.Dir(c.Path)] = true
		}
	}
	var out []string
	for _, p := range lockfiles(head) {
		if touched[p] || dirs[path.Dir(p)] {
			out = append(out, p)
		}
	}
	return out
}

// lockfilesIn lists t's lockfiles in the directories of paths.
func lockfilesIn(t *Target, paths []string) []string {
	dirs := map[string]bool{}
	for _, p := range paths {
		dirs[path.Dir(p)] = true
	}
	var out []string
	for _, p := range lockfiles(t) {
		if dirs[path.Dir(p)] {
			out = append(out, p)
		}
	}
	return out
}

// lockfiles lists the lockfiles of t that deps reads (not those of
// vendored code or fixtures).
func lockfiles(t *Target) []string {
	var all []string
	for _, e := range t.Files() {
		if deps.Format(e.Path) != "" {
			all = append(all, e.Path)
		}
	}
	return deps.Lockfiles(all, nil)
}

func reportDependency(p *Pass, d deps.Dependency) {
	name := d.Name
	if d.Version != "" {
		name += " " + d.Version
	}
	kind := "direct dependency"
	if d.Dev {
		kind = "direct development dependency"
	}
	licence := "with no licence declared in the repository (lockfile, installed package)"
	if d.License != "" && d.License != deps.NoAssertion {
		licence = "under " + d.License
		if d.LicenseSource != "" {
			licence += " (from the " + sourceName(d.LicenseSource) + ")"
		}
	}
	msg := fmt.Sprintf("new %s %s (%s) in %s, %s", kind, name, d.Ecosystem, d.Path, licence)
	msg += ": review it and its licence against the project's policy"
	props := map[string]any{"ecosystem": string(d.Ecosystem), "name": d.Name, "license": d.License}
	if d.Version != "" {
		props["version"] = d.Version
	}
	if d.PURL != "" {
		props["purl"] = d.PURL
	}
	p.Report(Finding{Path: d.Path, Line: d.Line, Key: "dependency " + string(d.Ecosystem) + " " + d.Name, Message: msg, Properties: props})
}

func sourceName(s string) string {
	switch s {
	case deps.SourceLockfile:
		return "lockfile"
	case deps.SourceManifest:
		return "installed package's manifest"
	case deps.SourceSBOM:
		return "SBOM"
	case deps.SourceLicense, deps.SourceVendorTree:
		return "package's licence file"
	}
	return s
}
