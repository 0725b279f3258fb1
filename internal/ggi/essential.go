// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package ggi

import "slices"

// essential names, per activity, the checks a repository must pass before
// the maturity summary counts it as evidence for the activity: the things
// the handbook's text asks every project to show, not the refinements. A
// check that passes alone (an issue template, a changelog) never makes an
// activity evidenced while its essentials fail.
//
// Only checks that exist are named (a test holds this table to the
// registry and to each check's own activities). An activity without an
// entry, or whose essential checks all stay out of a run (turned off, not
// applicable, not available), is evidenced when every check of it that was
// judged passes.
//
//nolint:gochecknoglobals // immutable table
var essential = map[string][]string{
	// Legal compliance: a licence ships with the code and is identified.
	"GGI-A-21": {"license-file", "license-detected"},
	// Vulnerabilities: a way to report them privately.
	"GGI-A-22": {"security-policy"},
	// Best practices: README, CONTRIBUTING, code of conduct and a licence
	// in every project (the handbook's list).
	"GGI-A-25": {"readme", "contributing", "code-of-conduct", "license-file"},
	// Dependencies: what the project uses is locked, and listed in an SBOM
	// that reads (the handbook names SBOMs since 1.3); a stale SBOM or a
	// missing update tool is a refinement.
	"GGI-A-23": {"lockfile", "sbom-present", "sbom-valid"},
	// Supervision: the licence policy holds.
	"GGI-A-19": {"license-policy"},
	// Code reviews: someone owns the review of each path, and the default
	// branch requires an approving review (judged only with a token).
	"GGI-A-44": {"codeowners", "review-required"},
}

// Essential returns the essential checks of an activity (nil when it has
// none listed).
func Essential(activity string) []string {
	return slices.Clone(essential[activity])
}

// EssentialActivities lists the activities with essential checks, sorted.
func EssentialActivities() []string {
	out := make([]string, 0, len(essential))
	for a := range essential {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}
