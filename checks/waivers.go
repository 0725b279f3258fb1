// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

// The runner applies waivers from the configuration after all checks ran;
// these two checks carry the metadata of the findings it reports about the
// waivers themselves.

func waiverExpired() *Check {
	return &Check{
		ID:         "waiver-expired",
		Title:      "Waiver has expired",
		Summary:    "Every waiver in the configuration is still within its until date.",
		Activities: []string{"GGI-A-19", "GGI-A-24"},
		Level:      Warning,
		Needs:      NeedFiles,
		Runner:     true,
		Help: `A waiver in ` + "`.ospolint.yml`" + ` silences findings of a check on some paths, with a reason and an
optional ` + "`until`" + ` date. Past that date the waiver no longer applies: the findings it covered are reported again,
and this finding points at the waiver so someone decides whether to fix the problem or renew the waiver.

**Why (GGI-A-19, Open source supervision):** exceptions to a policy are part of the policy; they must be reviewed,
not forgotten. GGI-A-24 (Manage key indicators) counts open exceptions.

**Fix:** fix what the waiver covered and remove it, or move its ` + "`until`" + ` date with a new reason.`,
	}
}

func waiverUnmatched() *Check {
	return &Check{
		ID:         "waiver-unmatched",
		Title:      "Waiver matches nothing",
		Summary:    "Every waiver in the configuration silences at least one finding.",
		Activities: []string{"GGI-A-19", "GGI-A-24"},
		Level:      Warning,
		Needs:      NeedFiles,
		Runner:     true,
		Help: `A waiver that silences no finding is stale: the problem was fixed, the path moved, or the check ID is
misspelled. Stale waivers hide future problems on the same paths.

**Why (GGI-A-19, Open source supervision):** a policy's exceptions should describe the repository as it is.

**Fix:** remove the waiver, or correct its ` + "`check`" + ` and ` + "`paths`" + `.`,
	}
}
