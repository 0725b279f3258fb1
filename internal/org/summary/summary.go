// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package summary is the org scan's one report: per repository its status,
// findings by level, maturity by GGI goal and check outcomes, and org-wide
// figures. It is built from per-repository entries only, so one run, a
// resumed run and merged shards give the same summary (docs/org-scan.md).
package summary

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/ggi"
	"github.com/ospolint/ospolint/internal/scan"
)

// SchemaVersion of summary.json: the minor grows with additions, the major
// with changes that break readers.
const SchemaVersion = "1.0"

// Repository statuses.
const (
	StatusOK      = "ok"      // scanned
	StatusError   = "error"   // could not be listed, cloned or scanned; Error says why
	StatusSkipped = "skipped" // nothing to scan (empty, or disabled by GitHub); Error says why
)

// Summary is summary.json.
type Summary struct {
	SchemaVersion string    `json:"schemaVersion"`
	Tool          scan.Tool `json:"tool"`
	// Org is the organisation (or user) and Host its GitHub web host.
	Org  string `json:"org"`
	Host string `json:"host"`
	// Errors are problems of the run itself, not of one repository: a
	// listing page that failed after retries.
	Errors  []string     `json:"errors"`
	Totals  Totals       `json:"totals"`
	Goals   []GoalTotal  `json:"goals"`
	Checks  []CheckTotal `json:"checks"`
	Figures []Figure     `json:"figures"`
	Repos   []Repo       `json:"repos"`
}

// Totals count repositories and findings.
type Totals struct {
	Repos    int    `json:"repos"`
	OK       int    `json:"ok"`
	Error    int    `json:"error"`
	Skipped  int    `json:"skipped"`
	Findings Levels `json:"findings"`
}

// Levels count findings by level (waived findings left out).
type Levels struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Note    int `json:"note"`
}

// Figure is one org-wide indicator (GGI-A-24): how many of the repositories
// where a check could judge pass it.
type Figure struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Check string `json:"check"`
	Yes   int    `json:"yes"`
	// Of is how many repositories the check could judge (pass or fail);
	// 0 when it never ran or was never available.
	Of int `json:"of"`
}

// GoalTotal is a GGI goal's maturity summed over the scanned repositories.
type GoalTotal struct {
	Goal       string `json:"goal"`
	Passed     int    `json:"passed"`
	Applicable int    `json:"applicable"`
}

// CheckTotal is one check's outcomes across repositories.
type CheckTotal struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Goal          string   `json:"goal"`
	Activities    []string `json:"activities"`
	Pass          int      `json:"pass"`
	Fail          int      `json:"fail"`
	NotApplicable int      `json:"notApplicable"`
	NotAvailable  int      `json:"notAvailable"`
	Error         int      `json:"error"`
}

// Repo is one repository's entry.
type Repo struct {
	Name     string `json:"name"`
	FullName string `json:"fullName"`
	URL      string `json:"url"`
	Status   string `json:"status"`
	Error    string `json:"error,omitempty"`
	// Inventory facts from the API (GGI-A-17).
	Visibility    string   `json:"visibility"`
	Language      string   `json:"language"`
	Archived      bool     `json:"archived"`
	Fork          bool     `json:"fork"`
	Topics        []string `json:"topics"`
	PushedAt      string   `json:"pushedAt"`
	DefaultBranch string   `json:"defaultBranch"`
	// Revision is the commit scanned.
	Revision string `json:"revision,omitempty"`
	// License is the SPDX expression detected in the repository's files,
	// null when none.
	License  *string             `json:"license"`
	Findings Levels              `json:"findings"`
	Maturity []scan.GoalMaturity `json:"maturity"`
	// Checks maps each check that ran to its status.
	Checks map[string]checks.Status `json:"checks"`
	// Reports are the per-repository reports, relative to the output
	// directory ("" when not written).
	Reports Reports `json:"reports"`
}

// Reports name one repository's report files.
type Reports struct {
	JSON  string `json:"json"`
	SARIF string `json:"sarif"`
}

// FromResult fills the scan-derived fields of e from a target's result.
func (e *Repo) FromResult(res *scan.TargetResult) {
	e.Revision = res.Revision
	e.License = res.Facts.License.Expression
	e.Maturity = res.Maturity
	e.Checks = make(map[string]checks.Status, len(res.Checks))
	for _, c := range res.Checks {
		e.Checks[c.ID] = c.Status
	}
	e.Findings = Levels{}
	for _, f := range res.Findings {
		if f.Waived != nil {
			continue
		}
		switch f.Level {
		case "error":
			e.Findings.Error++
		case "warning":
			e.Findings.Warning++
		case "note":
			e.Findings.Note++
		}
	}
}

// figures are the org-wide indicators the dashboard leads with.
func figures() []Figure {
	return []Figure{
		{ID: "license", Label: "have a licence", Check: "license-file"},
		{ID: "security-policy", Label: "have a security policy", Check: "security-policy"},
		{ID: "sbom", Label: "have an SBOM", Check: "sbom-present"},
		{ID: "reviews", Label: "require reviews", Check: "review-required"},
	}
}

// Build makes the summary from the entries, in any order: they are sorted by
// name, and totals, goals, checks and figures computed from them alone.
func Build(tool scan.Tool, org, host string, errs []string, repos []Repo) *Summary {
	s := &Summary{SchemaVersion: SchemaVersion, Tool: tool, Org: org, Host: host, Errors: append([]string{}, errs...), Repos: repos}
	sort.Strings(s.Errors)
	sort.Slice(repos, func(i, j int) bool { return strings.ToLower(repos[i].Name) < strings.ToLower(repos[j].Name) })
	goals := map[string]*GoalTotal{}
	byCheck := map[string]*CheckTotal{}
	for i := range repos {
		r := &repos[i]
		normalise(r)
		s.Totals.Repos++
		switch r.Status {
		case StatusOK:
			s.Totals.OK++
		case StatusSkipped:
			s.Totals.Skipped++
		default:
			s.Totals.Error++
		}
		s.Totals.Findings.Error += r.Findings.Error
		s.Totals.Findings.Warning += r.Findings.Warning
		s.Totals.Findings.Note += r.Findings.Note
		for _, m := range r.Maturity {
			g := goals[m.Goal]
			if g == nil {
				g = &GoalTotal{Goal: m.Goal}
				goals[m.Goal] = g
			}
			g.Passed += m.Passed
			g.Applicable += m.Applicable
		}
		for id, st := range r.Checks {
			ct := byCheck[id]
			if ct == nil {
				ct = newCheckTotal(id)
				byCheck[id] = ct
			}
			switch st {
			case checks.StatusPass:
				ct.Pass++
			case checks.StatusFail:
				ct.Fail++
			case checks.StatusNotApplicable:
				ct.NotApplicable++
			case checks.StatusNotAvailable:
				ct.NotAvailable++
			default:
				ct.Error++
			}
		}
	}
	s.Goals = []GoalTotal{}
	for _, g := range ggi.Goals() {
		if gt := goals[string(g)]; gt != nil {
			s.Goals = append(s.Goals, *gt)
		}
	}
	s.Checks = []CheckTotal{}
	for _, ct := range byCheck {
		s.Checks = append(s.Checks, *ct)
	}
	sort.Slice(s.Checks, func(i, j int) bool { return s.Checks[i].ID < s.Checks[j].ID })
	for _, f := range figures() {
		if ct := byCheck[f.Check]; ct != nil {
			f.Yes, f.Of = ct.Pass, ct.Pass+ct.Fail
		}
		s.Figures = append(s.Figures, f)
	}
	return s
}

func normalise(r *Repo) {
	if r.Topics == nil {
		r.Topics = []string{}
	}
	if r.Maturity == nil {
		r.Maturity = []scan.GoalMaturity{}
	}
	if r.Checks == nil {
		r.Checks = map[string]checks.Status{}
	}
}

func newCheckTotal(id string) *CheckTotal {
	ct := &CheckTotal{ID: id, Title: id, Activities: []string{}}
	if c, ok := checks.Lookup(id); ok {
		ct.Title, ct.Goal, ct.Activities = c.Title, string(c.Goal()), c.Activities
	}
	return ct
}

// Write writes summary.json (indented, stable). The repositories are
// encoded one at a time, so a large organisation's summary is never held
// encoded in memory whole.
func Write(w io.Writer, s *Summary) error {
	field := func(name string, v any, last bool) error {
		data, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return err
		}
		sep := ",\n"
		if last {
			sep = "\n"
		}
		_, err = fmt.Fprintf(w, "  %q: %s%s", name, data, sep)
		return err
	}
	if _, err := io.WriteString(w, "{\n"); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    any
	}{{"schemaVersion", s.SchemaVersion}, {"tool", s.Tool}, {"org", s.Org}, {"host", s.Host}, {"errors", s.Errors},
		{"totals", s.Totals}, {"goals", s.Goals}, {"checks", s.Checks}, {"figures", s.Figures}} {
		if err := field(f.name, f.v, false); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, `  "repos": [`); err != nil {
		return err
	}
	for i, r := range s.Repos {
		data, err := json.MarshalIndent(r, "    ", "  ")
		if err != nil {
			return err
		}
		sep := ","
		if i == 0 {
			sep = ""
		}
		if _, err := fmt.Fprintf(w, "%s\n    %s", sep, data); err != nil {
			return err
		}
	}
	end := "]\n}\n"
	if len(s.Repos) > 0 {
		end = "\n  ]\n}\n"
	}
	_, err := io.WriteString(w, end)
	return err
}

// Read reads a summary.json, refusing another major schema version.
func Read(r io.Reader) (*Summary, error) {
	var s Summary
	dec := json.NewDecoder(io.LimitReader(r, 1<<30))
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("not an ospolint org summary: %w", err)
	}
	major, _, _ := strings.Cut(s.SchemaVersion, ".")
	want, _, _ := strings.Cut(SchemaVersion, ".")
	if major != want {
		return nil, fmt.Errorf("summary schema %q, want %s.x", s.SchemaVersion, want)
	}
	return &s, nil
}

// Merge combines summaries of shards of one organisation into one, as a
// single run would have made it. A repository found in several keeps the
// entry that is not an error, else the first.
func Merge(parts []*Summary) (*Summary, error) {
	if len(parts) == 0 {
		return nil, errors.New("nothing to merge")
	}
	first := parts[0]
	byName := map[string]Repo{}
	var errs []string
	for _, p := range parts {
		if p.Org != first.Org || p.Host != first.Host {
			return nil, fmt.Errorf("cannot merge summaries of %s/%s and %s/%s", first.Host, first.Org, p.Host, p.Org)
		}
		errs = append(errs, p.Errors...)
		for _, r := range p.Repos {
			key := strings.ToLower(r.Name)
			if old, ok := byName[key]; ok && old.Status != StatusError {
				continue
			}
			byName[key] = r
		}
	}
	repos := make([]Repo, 0, len(byName))
	for _, r := range byName {
		repos = append(repos, r)
	}
	return Build(first.Tool, first.Org, first.Host, dedupe(errs), repos), nil
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// WriteInventory writes the inventory CSV (GGI-A-17): one row per
// repository with its visibility, licence, language, archive flag and last
// push.
func WriteInventory(w io.Writer, s *Summary) error {
	cw := csv.NewWriter(w)
	rows := [][]string{{"repository", "url", "status", "visibility", "license", "language", "topics", "archived", "fork", "default_branch", "last_push", "errors", "warnings", "notes"}}
	for _, r := range s.Repos {
		lic := ""
		if r.License != nil {
			lic = *r.License
		}
		rows = append(rows, []string{r.FullName, r.URL, r.Status, r.Visibility, lic, r.Language, strings.Join(r.Topics, " "),
			strconv.FormatBool(r.Archived), strconv.FormatBool(r.Fork), r.DefaultBranch, r.PushedAt,
			strconv.Itoa(r.Findings.Error), strconv.Itoa(r.Findings.Warning), strconv.Itoa(r.Findings.Note)})
	}
	for _, row := range rows {
		for i, cell := range row {
			row[i] = csvSafe(cell)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write inventory: %w", err)
	}
	return nil
}

// csvSafe keeps a spreadsheet from reading a cell as a formula: repository
// names and topics come from the API, and "=HYPERLINK(...)" is a known trick.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
