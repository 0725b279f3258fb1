// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package checks holds the check contract, the one registry of built-in checks
// (all.go) and the checks themselves, one per file with its help beside it.
package checks

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ospolint/ospolint/internal/ggi"
)

// Level is how much a finding matters. The zero value is Off.
type Level int

// Levels, lowest first.
const (
	Off Level = iota
	Note
	Warning
	Error
)

// String returns the name used in config files and reports.
func (l Level) String() string {
	switch l {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	default:
		return "off"
	}
}

// ParseLevel reads "error", "warning", "note" or "off".
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "note", "info":
		return Note, nil
	case "off", "none", "disabled":
		return Off, nil
	}
	return Off, fmt.Errorf("unknown level %q (want error, warning, note or off)", s)
}

// MarshalText writes the level's name.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Status is the outcome of one check on one target.
type Status string

// Outcomes richer than pass/fail: a check that cannot run says why.
const (
	StatusPass          Status = "pass"
	StatusFail          Status = "fail"
	StatusNotApplicable Status = "not-applicable"
	StatusNotAvailable  Status = "not-available"
	StatusError         Status = "error"
)

// Need says what a check reads.
type Need string

// What checks need.
const (
	NeedFiles Need = "files" // the repository's files
	NeedAPI   Need = "api"   // the forge's API (token)
	NeedDiff  Need = "diff"  // a change between two revisions
)

// ErrNotAvailable is returned (wrapped) by Run when the check cannot be
// evaluated on this target: no token, no history. It becomes the status
// not-available, never a failure.
var ErrNotAvailable = errors.New("not available")

// Check is an immutable description of one check. Values are built by the
// registry (all.go) and never modified afterwards.
type Check struct {
	// ID is stable forever (kebab-case): tests, rule sets and SARIF alerts
	// rely on it.
	ID string
	// Title names the problem the check finds ("No contributing guide").
	Title string
	// Summary says in one sentence what a passing repository has.
	Summary string
	// Activities are the GGI activities the check gives evidence for; the
	// first one decides the goal.
	Activities []string
	// Level is the default level when a rule set enables the check.
	Level Level
	// Needs says what the check reads.
	Needs Need
	// Options the check accepts, with defaults.
	Options []Option
	// Help is Markdown: why it matters, how to fix, what the GGI says. It is
	// the single source for `ospolint explain`, docs/checks.md and SARIF.
	Help string
	// Template marks a generic rule kind: it runs only when a rule in the
	// configuration instantiates it under an ID of the user's choosing.
	Template bool
	// Runner marks a check whose findings the runner itself produces (config
	// waivers); it has no Run.
	Runner bool

	// Visit, when set, is called during the file pass for every file Want
	// accepts, with at most HeadBytes bytes of its start; the pass reads each
	// file once for all checks. Visit may be called concurrently, and must
	// not keep f.Head past its return (see File).
	Visit     func(p *Pass, f File)
	Want      func(p *Pass, path string) bool
	HeadBytes int
	// reuseText marks a check that reads the REUSE information of every
	// file (see ReuseHeads).
	reuseText bool

	// Validate, when set, checks resolved option values beyond their types
	// (a regular expression compiles, a required list is not empty).
	Validate func(o Options) error

	// Run evaluates the check after the file pass. Findings go through
	// p.Report; a returned error means the check could not be evaluated.
	Run func(p *Pass) error
}

// Goal is the GGI goal of the check's first activity.
func (c *Check) Goal() ggi.Goal {
	if len(c.Activities) == 0 {
		return ""
	}
	a, _ := ggi.Lookup(c.Activities[0])
	return a.Goal
}

// HelpURI is the handbook page of the check's first activity.
func (c *Check) HelpURI() string {
	if len(c.Activities) == 0 {
		return ""
	}
	a, _ := ggi.Lookup(c.Activities[0])
	return a.URL()
}

// Instantiate makes a user rule from a generic kind: a copy with a new ID,
// title and, when given, GGI activities.
func (c *Check) Instantiate(id, title string, activities []string) *Check {
	n := *c
	n.ID = id
	n.Template = false
	if title != "" {
		n.Title = title
	}
	if len(activities) > 0 {
		n.Activities = activities
	}
	return &n
}

// Option describes one option of a check.
type Option struct {
	Name    string
	Type    OptionType
	Default any // string, int64, bool or []string, matching Type
	Help    string
}

// OptionType is the type of an option's value.
type OptionType string

// Option types.
const (
	TypeString  OptionType = "string"
	TypeInt     OptionType = "int"
	TypeBool    OptionType = "bool"
	TypeStrings OptionType = "strings"
	TypeSize    OptionType = "size" // bytes, written 1048576, "512KiB" or "10MB"
)
