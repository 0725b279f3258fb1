// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/reuse"
)

// SchemaVersion is the version of the JSON report (docs/json-report.md).
// Bump the minor for additions, the major for changes that break readers.
const SchemaVersion = "1.1"

// Report is the result of one run over one or more targets.
type Report struct {
	SchemaVersion string          `json:"schemaVersion"`
	Tool          Tool            `json:"tool"`
	Targets       []*TargetResult `json:"targets"`
	// Checks are the checks that ran (built-in and user rules), sorted by
	// ID, for reporters that list rules (SARIF).
	Checks []*checks.Check `json:"-"`
	// Category, when set, is the SARIF automationDetails category
	// (--sarif-category), so several uploads for one commit coexist.
	Category string `json:"-"`
}

// Tool names the scanner.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	URI     string `json:"informationUri"`
}

// TargetResult is what one repository gave.
type TargetResult struct {
	Target   string `json:"target"`
	Kind     string `json:"kind"`
	Revision string `json:"revision,omitempty"`
	// Subdir is the target's directory relative to the top of its git
	// working tree, slash-separated, when the target is below it
	// ("services/api"); paths in the result stay relative to the target,
	// and SARIF prefixes them with Subdir.
	Subdir string `json:"subdir,omitempty"`
	// Error is set when the target could not be scanned at all.
	Error string `json:"error,omitempty"`
	// ConfigError is set, beside Error, when the target's configuration is
	// wrong: where, so a reader can point at it.
	ConfigError *ConfigError   `json:"configError,omitempty"`
	Files       int            `json:"files"`
	Findings    []Finding      `json:"findings"`
	Checks      []CheckResult  `json:"checks"`
	Facts       Facts          `json:"facts"`
	Maturity    []GoalMaturity `json:"maturity"`
	// Problems are files or directories the walk could not read.
	Problems []repo.Problem `json:"problems,omitempty"`
	// Since, in diff and baseline mode, says what Findings are new against.
	Since *Since `json:"since,omitempty"`
	// Known are the findings the base revision or the baseline has too: not
	// reported, but written to SARIF as unchanged, so that code scanning,
	// which compares analyses itself, keeps their alerts open.
	Known []Finding `json:"-"`
}

// Since describes the comparison behind a diff-mode or baseline scan.
type Since struct {
	// Base is the commit of the base revision (diff mode).
	Base string `json:"base,omitempty"`
	// Baseline is the report file given with --baseline.
	Baseline string `json:"baseline,omitempty"`
	// ChangedFiles counts the files the change adds, modifies or deletes
	// (diff mode).
	ChangedFiles *int `json:"changedFiles,omitempty"`
	// Known counts the findings not reported because they were known.
	Known int `json:"known"`
}

// ConfigError is a configuration mistake at a place in a file.
type ConfigError struct {
	// File is the configuration file, as the messages name it (relative to
	// the target for its own .ospolint.yml); empty for a command-line flag.
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Key     string `json:"key,omitempty"`
	Message string `json:"message"`
}

// Finding is one reported problem.
type Finding struct {
	Check   string `json:"check"`
	Level   string `json:"level"`
	Message string `json:"message"`
	// Path is relative and slash-separated: where the problem is, or where a
	// missing file is expected.
	Path        string         `json:"path"`
	Line        int            `json:"line,omitempty"`
	GGI         GGIRef         `json:"ggi"`
	Fingerprint string         `json:"fingerprint"`
	Waived      *Waived        `json:"waived,omitempty"`
	Properties  map[string]any `json:"properties,omitempty"`
	// Advisory findings are observations at note level that do not fail
	// their check (see checks.Finding).
	Advisory bool `json:"advisory,omitempty"`

	level checks.Level
}

// Severity is the finding's level as a value.
func (f Finding) Severity() checks.Level { return f.level }

// GGIRef is the GGI evidence a finding is about.
type GGIRef struct {
	Activities []string `json:"activities"`
	Goal       string   `json:"goal"`
}

// Waived says which waiver silenced a finding.
type Waived struct {
	Reason string `json:"reason"`
	Until  string `json:"until,omitempty"`
	File   string `json:"file"`
	Line   int    `json:"line"`
}

// CheckResult is the outcome of one check.
type CheckResult struct {
	ID       string        `json:"id"`
	Status   checks.Status `json:"status"`
	Level    string        `json:"level"`
	Findings int           `json:"findings"`
	// Reason explains not-applicable, not-available and error outcomes.
	Reason string `json:"reason,omitempty"`
	// Note is a remark on a pass or fail that is no finding: a community
	// file inherited from the organisation's .github repository, where an
	// API setting comes from.
	Note string `json:"note,omitempty"`
}

// Facts are what the scan learned about the repository.
type Facts struct {
	License LicenseFact `json:"license"`
	// Reuse is the REUSE summary, present when a reuse-* check ran.
	Reuse *reuse.Facts `json:"reuse,omitempty"`
	// SBOMs are the SBOM documents found, present when an sbom-* or the
	// lockfile check ran.
	SBOMs []SBOMFact `json:"sboms,omitempty"`
	// Dependencies are the locked dependencies (the inventory), present
	// when an sbom-* or the lockfile check ran.
	Dependencies []DependencyFact `json:"dependencies,omitempty"`
}

// LicenseFact is the project licence.
type LicenseFact struct {
	// Expression is the SPDX expression, null when there is no licence file.
	Expression *string `json:"expression"`
	Confidence float64 `json:"confidence"`
	// Source says where the expression comes from: "file" (licence files),
	// "readme" or "manifest" (weaker signals, used only without licence files).
	Source string         `json:"source,omitempty"`
	Files  []license.File `json:"files"`
	// Signals are the weaker evidence: README licence sections and package
	// manifest licence fields.
	Signals []license.File `json:"signals,omitempty"`
}

// GoalMaturity summarises one GGI goal: checks passed out of those that
// could be judged, and the activities with evidence.
type GoalMaturity struct {
	Goal       string `json:"goal"`
	Passed     int    `json:"passed"`
	Applicable int    `json:"applicable"`
	// Activities have evidence: their essential checks (ggi.Essential)
	// passed, or, for an activity without essential checks in the run,
	// every check of it that was judged.
	Activities []string `json:"activities"`
	// Missing are activities with checks judged but no evidence.
	Missing []string `json:"missing"`
	// Gaps say, for each missing activity, which checks stand in the way.
	Gaps []ActivityGap `json:"gaps"`
}

// ActivityGap is an activity without evidence and the checks it lacks.
type ActivityGap struct {
	Activity string `json:"activity"`
	// Failing are the essential checks (or, without any in the run, the
	// checks) of the activity that failed or could not be evaluated.
	Failing []string `json:"failing"`
}
