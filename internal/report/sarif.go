// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"fmt"
	"io"
	"path"
	"strings"
	"unicode"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/scan"
)

// SARIF constants. The schema URI is the one GitHub documents; the
// fingerprint key is versioned so a change of the hash can be told apart.
const (
	sarifSchema      = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion     = "2.1.0"
	srcRoot          = "%SRCROOT%"
	fingerprintKey   = "ospolintFingerprint/v1"
	categoryPrefix   = "ospolint/"
	maxTags          = 20
	maxDescription   = 1024
	defaultPrecision = "high"
)

// The types below are the part of SARIF 2.1.0 that ospolint writes, with
// omitempty so the output holds nothing GitHub would ignore. Field order is
// the output order, which keeps the document deterministic.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	AutomationDetails  *sarifAutomation            `json:"automationDetails,omitempty"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
	VersionControl     []sarifVersionControl       `json:"versionControlProvenance,omitempty"`
	// Results is [] rather than null when empty: GitHub requires it.
	Results    []sarifResult  `json:"results"`
	Properties map[string]any `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID string `json:"id"`
	// Name is omitted when it would only differ from the ID in case: the
	// spec (3.49.7) and the multitool's SARIF1001 want them different.
	Name                 string          `json:"name,omitempty"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags      []string `json:"tags,omitempty"`
	Precision string   `json:"precision,omitempty"`
	Severity  string   `json:"problem.severity,omitempty"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level          string            `json:"level"`
	Message        sarifText         `json:"message"`
	Locations      []sarifLocation   `json:"locations,omitempty"`
	AssociatedRule *sarifRuleRef     `json:"associatedRule,omitempty"`
	Properties     map[string]string `json:"properties,omitempty"`
}

type sarifRuleRef struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type sarifArtifactLoc struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifVersionControl struct {
	RepositoryURI string           `json:"repositoryUri"`
	RevisionID    string           `json:"revisionId,omitempty"`
	MappedTo      sarifArtifactLoc `json:"mappedTo"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level,omitempty"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status"`
	Justification string         `json:"justification"`
	Location      *sarifLocation `json:"location,omitempty"`
}

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning: one run per
// target, each with its own automationDetails category, because GitHub
// rejects several runs of one tool and category in one upload.
func SARIF(w io.Writer, r *scan.Report) error {
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{}}
	cats := categories(r.Targets)
	if c := strings.Trim(r.Category, "/ "); c != "" {
		// --sarif-category replaces "ospolint", so several uploads for one
		// commit (other rule sets, other paths) keep their own alerts.
		for i := range cats {
			cats[i] = c + "/" + strings.TrimPrefix(cats[i], categoryPrefix)
		}
	}
	for i, t := range r.Targets {
		log.Runs = append(log.Runs, sarifRunOf(r, t, cats[i]))
	}
	if err := writeIndented(w, log); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	return nil
}

func sarifRunOf(r *scan.Report, t *scan.TargetResult, category string) sarifRun {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            r.Tool.Name,
			SemanticVersion: r.Tool.Version,
			InformationURI:  r.Tool.URI,
		}},
		AutomationDetails: &sarifAutomation{ID: category},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{
			// The absolute root is unknown to the report (and differs between
			// machines); uploaders resolve %SRCROOT% to the checkout.
			srcRoot: {Description: &sarifText{Text: "The root of the scanned repository (the top of its git working tree)."}},
		},
		Results: []sarifResult{},
	}
	if run.Tool.Driver.Name == "" {
		run.Tool.Driver.Name = "ospolint"
	}
	rules, index := sarifRules(r, t)
	inv := sarifInvocation{ExecutionSuccessful: t.Error == ""}
	if t.Error != "" {
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level:   "error",
			Message: sarifText{Text: sentence(failureText(t))},
		})
	}
	for _, c := range t.Checks {
		if c.Status != checks.StatusError && c.Status != checks.StatusNotAvailable {
			continue
		}
		level := "warning"
		if c.Status == checks.StatusNotAvailable {
			level = "note"
		}
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level:          level,
			Message:        sarifText{Text: sentence(fmt.Sprintf("check %s was not evaluated (%s): %s", c.ID, c.Status, c.Reason))},
			AssociatedRule: &sarifRuleRef{ID: c.ID, Index: index[c.ID]},
		})
	}
	for _, p := range t.Problems {
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level:     "warning",
			Message:   sarifText{Text: sentence("skipped " + p.Path + ": " + p.Message)},
			Locations: []sarifLocation{sarifLocationOf(t.Subdir, p.Path, 0)},
		})
	}
	run.Invocations = []sarifInvocation{inv}
	if t.Kind == "clone" && t.Revision != "" && strings.Contains(t.Target, "://") {
		run.VersionControl = []sarifVersionControl{{
			RepositoryURI: t.Target, RevisionID: t.Revision,
			// The repository root is %SRCROOT% (SARIF2007).
			MappedTo: sarifArtifactLoc{URIBaseID: srcRoot},
		}}
	}

	// In diff and baseline mode the findings already known are written too,
	// as unchanged: code scanning compares analyses itself, and a result
	// left out would close its alert as fixed.
	for k, fs := range [][]scan.Finding{t.Findings, t.Known} {
		for _, f := range fs {
			i, ok := index[f.Check]
			if !ok {
				// A finding of a check the report does not list still needs a
				// rule: ruleIndex must point into rules.
				rules = append(rules, fallbackRule(f.Check, f.Level))
				i = len(rules) - 1
				index[f.Check] = i
			}
			res := sarifResultOf(t.Subdir, f, i)
			if t.Since != nil {
				res.BaselineState = [...]string{"new", "unchanged"}[k]
			}
			run.Results = append(run.Results, res)
		}
	}
	run.Tool.Driver.Rules = rules
	if run.Tool.Driver.Rules == nil {
		run.Tool.Driver.Rules = []sarifRule{}
	}
	run.Properties = runProperties(t)
	return run
}

// sarifResultOf is a finding of a target in the directory subdir of its
// repository. The fingerprint stays the finding's own, computed from its
// path in the target, so it is the same on every run of the same command.
func sarifResultOf(subdir string, f scan.Finding, ruleIndex int) sarifResult {
	res := sarifResult{
		RuleID:              f.Check,
		RuleIndex:           ruleIndex,
		Level:               sarifLevel(f.Level),
		Message:             sarifText{Text: sentence(f.Message)},
		Locations:           []sarifLocation{sarifLocationOf(subdir, f.Path, f.Line)},
		PartialFingerprints: map[string]string{fingerprintKey: f.Fingerprint},
	}
	props := map[string]any{}
	for k, v := range f.Properties {
		props[k] = v
	}
	ggiProps := map[string]any{"activities": nonNil(f.GGI.Activities)}
	if f.GGI.Goal != "" {
		ggiProps["goal"] = f.GGI.Goal
	}
	props["ggi"] = ggiProps
	res.Properties = props
	if f.Waived != nil {
		s := sarifSuppression{Kind: "external", Status: "accepted", Justification: f.Waived.Reason}
		if f.Waived.Until != "" {
			s.Justification += " (until " + f.Waived.Until + ")"
		}
		if f.Waived.File != "" {
			loc := sarifLocationOf(subdir, f.Waived.File, f.Waived.Line)
			s.Location = &loc
		}
		res.Suppressions = []sarifSuppression{s}
	}
	return res
}

// sarifRules lists one rule per check that ran on the target, in the
// report's order, and indexes them by ID for ruleIndex.
func sarifRules(r *scan.Report, t *scan.TargetResult) ([]sarifRule, map[string]int) {
	ran := map[string]scan.CheckResult{}
	for _, c := range t.Checks {
		ran[c.ID] = c
	}
	var rules []sarifRule
	index := map[string]int{}
	for _, c := range r.Checks {
		cr, ok := ran[c.ID]
		if !ok {
			continue
		}
		if _, dup := index[c.ID]; dup {
			continue
		}
		index[c.ID] = len(rules)
		rules = append(rules, sarifRuleOf(c, cr.Level))
	}
	for _, cr := range t.Checks {
		if _, ok := index[cr.ID]; !ok {
			index[cr.ID] = len(rules)
			rules = append(rules, fallbackRule(cr.ID, cr.Level))
		}
	}
	return rules, index
}

func sarifRuleOf(c *checks.Check, configured string) sarifRule {
	level := sarifLevel(configured)
	if level == "" {
		level = sarifLevel(c.Level.String())
	}
	if level == "" {
		level = "warning"
	}
	title, summary, help := c.Title, c.Summary, c.Help
	if title == "" {
		title = c.ID
	}
	if summary == "" {
		summary = title
	}
	if help == "" {
		help = summary
	}
	return sarifRule{
		ID:                   c.ID,
		Name:                 friendlyName(c.ID),
		ShortDescription:     sarifText{Text: clip(title, maxDescription)},
		FullDescription:      sarifText{Text: clip(summary, maxDescription)},
		Help:                 sarifHelp{Text: help, Markdown: help},
		HelpURI:              c.HelpURI(),
		DefaultConfiguration: sarifRuleConfig{Level: level},
		Properties: sarifRuleProps{
			Tags:      ruleTags(c),
			Precision: defaultPrecision,
			Severity:  problemSeverity(level),
		},
	}
}

func fallbackRule(id, level string) sarifRule {
	l := sarifLevel(level)
	if l == "" {
		l = "warning"
	}
	return sarifRule{
		ID:                   id,
		Name:                 friendlyName(id),
		ShortDescription:     sarifText{Text: id},
		FullDescription:      sarifText{Text: id},
		Help:                 sarifHelp{Text: id},
		DefaultConfiguration: sarifRuleConfig{Level: l},
		Properties:           sarifRuleProps{Tags: []string{"ggi"}, Precision: defaultPrecision, Severity: problemSeverity(l)},
	}
}

// ruleTags are the filters GitHub offers: the GGI activities and the goal.
func ruleTags(c *checks.Check) []string {
	tags := []string{"ggi"}
	seen := map[string]bool{"ggi": true}
	add := func(s string) {
		if s != "" && !seen[s] && len(tags) < maxTags {
			seen[s] = true
			tags = append(tags, s)
		}
	}
	for _, a := range c.Activities {
		add(a)
	}
	if g := c.Goal(); g != "" {
		add("ggi-goal:" + strings.ToLower(string(g)))
	}
	return tags
}

func runProperties(t *scan.TargetResult) map[string]any {
	props := map[string]any{
		"target": t.Target,
		"files":  t.Files,
	}
	if t.Subdir != "" {
		props["subdir"] = t.Subdir
	}
	if t.Kind != "" {
		props["kind"] = t.Kind
	}
	if t.Error != "" {
		return props
	}
	if t.Facts.License.Expression != nil {
		props["license"] = *t.Facts.License.Expression
		props["licenseConfidence"] = t.Facts.License.Confidence
	}
	if len(t.Facts.License.Files) > 0 {
		// The licence files with the licences matched in each and their byte
		// ranges, as in the JSON report's facts.license.files.
		props["licenseFiles"] = t.Facts.License.Files
	}
	props["maturity"] = nonNilMaturity(t.Maturity)
	return props
}

func nonNilMaturity(m []scan.GoalMaturity) []scan.GoalMaturity {
	if m == nil {
		return []scan.GoalMaturity{}
	}
	return m
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sarifLocationOf points at the file p of a target in the directory subdir
// of its repository, relative to %SRCROOT%, the repository root: code
// scanning resolves URIs against the root of the checkout, so a target
// below it (the Action's path input, a monorepo package) must not have its
// alerts land on same-named files at the top. Line 0 (unknown, or a file
// that is missing) becomes line 1: GitHub shows no alert without a region.
func sarifLocationOf(subdir, p string, line int) sarifLocation {
	if line < 1 {
		line = 1
	}
	if subdir != "" {
		p = path.Join(subdir, p)
	}
	return sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifactLoc{URI: relativeURI(p), URIBaseID: srcRoot},
		Region:           &sarifRegion{StartLine: line},
	}}
}

// relativeURI percent-encodes a slash-separated relative path as a relative
// URI reference: every byte but the unreserved characters and "/" is
// escaped, so a ':' in the first segment cannot read as a scheme and "%"
// or "#" in a file name survive a round trip.
func relativeURI(p string) string {
	p = strings.TrimLeft(strings.ReplaceAll(p, "\\", "/"), "/")
	if p == "" {
		p = "."
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// categories gives every target a distinct automationDetails.id: "ospolint/"
// for a single target, "ospolint/NAME/" for several.
func categories(ts []*scan.TargetResult) []string {
	out := make([]string, len(ts))
	if len(ts) == 1 {
		out[0] = categoryPrefix
		return out
	}
	seen := map[string]bool{}
	for i, t := range ts {
		name := categoryName(t.Target)
		if name == "" {
			name = fmt.Sprintf("target-%d", i+1)
		}
		c := categoryPrefix + name + "/"
		for n := 2; seen[c]; n++ {
			c = fmt.Sprintf("%s%s-%d/", categoryPrefix, name, n)
		}
		seen[c] = true
		out[i] = c
	}
	return out
}

// categoryName makes a target name readable in a category: no scheme, no
// credentials, no ".git", no control characters.
func categoryName(target string) string {
	s := target
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.LastIndex(s, "@"); i >= 0 && !strings.Contains(s[:i], "/") {
		s = s[i+1:]
	}
	s = strings.TrimSuffix(strings.TrimRight(s, "/"), ".git")
	s = strings.TrimPrefix(s, "./")
	return strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) || r == '\\' {
			return '-'
		}
		return r
	}, s)
}

func sarifLevel(l string) string {
	switch l {
	case "error", "warning", "note":
		return l
	}
	return ""
}

func problemSeverity(level string) string {
	if level == "note" {
		return "recommendation"
	}
	return level
}

func friendlyName(id string) string {
	n := camelCase(id)
	if strings.EqualFold(n, id) {
		return ""
	}
	return n
}

// camelCase turns a kebab-case ID into the rule's friendly name
// ("license-file" -> "LicenseFile").
func camelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }) {
		rs := []rune(part)
		b.WriteString(strings.ToUpper(string(rs[0])))
		b.WriteString(string(rs[1:]))
	}
	return b.String()
}

// sentence ends a message with a period: SARIF consumers (and the
// multitool's SARIF2001) expect complete sentences, and GitHub takes the
// first sentence as the alert's title.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "."
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func failureText(t *scan.TargetResult) string {
	if t.ConfigError != nil {
		return "the target was not scanned, its configuration is wrong: " + t.Error
	}
	return "the target could not be scanned: " + t.Error
}
