// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"errors"
	"fmt"
	"regexp"
	"sort"

	"github.com/ospolint/ospolint/internal/ggi"
)

// All returns every built-in check and generic rule kind, sorted by ID. This
// is the one registry: a check exists when it is listed here.
func All() []*Check {
	cs := []*Check{
		// Legal compliance (GGI-A-21).
		licenseFile(),
		licenseDetected(),
		// Licence policy, consistency and scanning (GGI-A-21, A-19).
		licenseConsistent(),
		licensePolicy(),
		licenseScanning(),

		// REUSE 3.3 (GGI-A-21, A-25).
		reuseMissingLicense(),
		reuseMissingCopyright(),
		reuseMissingLicenses(),
		reuseUnusedLicenses(),
		reuseBadLicenses(),
		reuseDeprecatedLicenses(),
		reuseLicensesWithoutExtension(),
		reuseInvalidExpression(),
		reuseReadError(),
		reuseInvalidConfig(),

		// Supply chain: SBOMs and dependencies (GGI-A-23, A-17).
		sbomPresent(),
		sbomValid(),
		sbomFresh(),
		lockfile(),
		dependencyUpdateTool(),
		vulnerabilityScanning(),

		// Community files (GGI-A-25) and review (GGI-A-44).
		readme(),
		contributing(),
		codeOfConduct(),
		securityPolicy(),
		codeownersCheck(),
		changelog(),
		issueTemplates(),
		prTemplate(),

		// Repository settings read through the forge's API (GGI-A-44, A-22).
		reviewRequired(),
		privateVulnerabilityReporting(),
		dependabotAlerts(),

		// Generic rule kinds (Template: instantiated by rules in the config).
		kindFileExists(),
		kindFileAbsent(),
		kindFileContains(),
		kindFileNotContains(),
		kindFileHeader(),
		kindMaxFileSize(),
		kindNoBinaries(),

		// Change checks (diff mode: scan --diff-base).
		headerRemoved(),
		licenseChanged(),
		newDependency(),

		// Config waivers (produced by the runner).
		waiverExpired(),
		waiverUnmatched(),
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	return cs
}

// Lookup finds a check or generic kind by ID.
func Lookup(id string) (*Check, bool) {
	for _, c := range All() {
		if c.ID == id {
			return c, true
		}
	}
	return nil, false
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether id is kebab-case.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Validate checks the registry's invariants: unique kebab-case IDs, known
// GGI activities, a title, summary and help, a Run (or Visit) unless the
// runner produces the findings, and option defaults of the declared type.
func Validate(cs []*Check) error {
	var errs []error
	seen := map[string]bool{}
	for _, c := range cs {
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("check %q: %s", c.ID, fmt.Sprintf(format, args...)))
		}
		if !ValidID(c.ID) {
			bad("ID is not kebab-case")
		}
		if seen[c.ID] {
			bad("duplicate ID")
		}
		seen[c.ID] = true
		if c.Title == "" || c.Summary == "" || c.Help == "" {
			bad("title, summary and help are required")
		}
		if len(c.Activities) == 0 {
			bad("no GGI activity")
		}
		for _, a := range c.Activities {
			if _, ok := ggi.Lookup(a); !ok {
				bad("unknown GGI activity %q", a)
			}
		}
		if c.Level == Off {
			bad("default level must not be off")
		}
		if c.Runner != (c.Run == nil && c.Visit == nil) {
			bad("a check has Run or Visit exactly when the runner does not produce its findings")
		}
		if (c.Visit == nil) != (c.Want == nil) || (c.Visit != nil && c.HeadBytes < 0) {
			bad("Visit and Want go together")
		}
		for _, o := range c.Options {
			if o.Help == "" {
				bad("option %s has no help", o.Name)
			}
			if _, err := ConvertOption(o.Type, o.Default); err != nil {
				bad("option %s default: %v", o.Name, err)
			}
		}
	}
	return errors.Join(errs...)
}
