// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package html writes the org scan's dashboard: one self-contained HTML file
// (no external scripts, styles, fonts or images, so it works offline and
// from a CI artifact) with org-wide figures, a table of repositories × GGI
// goals and checks that sorts on any column, and filters by check, outcome,
// goal, status and name. The table is rendered on the server; the script
// only sorts and hides rows and columns, so without scripts it still reads.
package html

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/ggi"
	"github.com/ospolint/ospolint/internal/org/summary"
)

//go:embed dashboard.tmpl
var page string

// view is what the head and tail of the page render; rows are rendered one
// at a time, so a dashboard of many repositories is written without holding
// all of its rows.
type view struct {
	S       *summary.Summary
	Goals   []goalView
	Checks  []checkView
	Failed  []summary.Repo
	Figures []figureView
}

type goalView struct {
	Goal    string
	Percent string
	Passed  int
	Of      int
}

type checkView struct {
	summary.CheckTotal
	Activities string
}

type figureView struct {
	summary.Figure
	Percent string
}

type rowView struct {
	summary.Repo
	License string
	Goals   []cellView
	Checks  []cellView
}

type cellView struct {
	Key   string // goal or check ID, for filters
	Goal  string // the check's goal
	Text  string
	Class string
	Sort  string // the value the column sorts on
	Title string
}

// Dashboard writes index.html for a summary.
func Dashboard(w io.Writer, s *summary.Summary) error {
	t, err := template.New("dashboard").Funcs(template.FuncMap{"lower": strings.ToLower}).Parse(page)
	if err != nil {
		return fmt.Errorf("dashboard template: %w", err)
	}
	v := newView(s)
	if err := t.ExecuteTemplate(w, "head", v); err != nil {
		return fmt.Errorf("write dashboard: %w", err)
	}
	for _, r := range s.Repos {
		if err := t.ExecuteTemplate(w, "row", v.row(r)); err != nil {
			return fmt.Errorf("write dashboard: %w", err)
		}
	}
	if err := t.ExecuteTemplate(w, "tail", v); err != nil {
		return fmt.Errorf("write dashboard: %w", err)
	}
	return nil
}

func newView(s *summary.Summary) *view {
	v := &view{S: s}
	for _, g := range s.Goals {
		v.Goals = append(v.Goals, goalView{Goal: g.Goal, Passed: g.Passed, Of: g.Applicable, Percent: percent(g.Passed, g.Applicable)})
	}
	for _, c := range s.Checks {
		v.Checks = append(v.Checks, checkView{CheckTotal: c, Activities: strings.Join(c.Activities, ", ")})
	}
	// Check columns grouped by goal, in the handbook's order, then by ID.
	order := map[string]int{}
	for i, g := range ggi.Goals() {
		order[string(g)] = i
	}
	sort.SliceStable(v.Checks, func(i, j int) bool {
		a, b := v.Checks[i], v.Checks[j]
		if order[a.Goal] != order[b.Goal] {
			return order[a.Goal] < order[b.Goal]
		}
		return a.ID < b.ID
	})
	for _, f := range s.Figures {
		v.Figures = append(v.Figures, figureView{Figure: f, Percent: percent(f.Yes, f.Of)})
	}
	for _, r := range s.Repos {
		if r.Status == summary.StatusError {
			v.Failed = append(v.Failed, r)
		}
	}
	return v
}

// row is one repository's cells: maturity per goal, then each check.
func (v *view) row(r summary.Repo) rowView {
	row := rowView{Repo: r, License: "—"}
	if r.License != nil {
		row.License = *r.License
	}
	mat := map[string][2]int{}
	for _, m := range r.Maturity {
		mat[m.Goal] = [2]int{m.Passed, m.Applicable}
	}
	for _, g := range v.Goals {
		m, ok := mat[g.Goal]
		c := cellView{Key: g.Goal, Text: "—", Sort: "-1", Class: "na"}
		if ok && m[1] > 0 {
			c.Text = fmt.Sprintf("%d/%d", m[0], m[1])
			c.Sort = fmt.Sprintf("%.4f", float64(m[0])/float64(m[1]))
			c.Class = "m" + strconv.Itoa(m[0]*4/m[1])
		}
		row.Goals = append(row.Goals, c)
	}
	for _, ch := range v.Checks {
		c := statusCell(ch.ID, r.Checks[ch.ID])
		c.Goal = ch.Goal
		row.Checks = append(row.Checks, c)
	}
	return row
}

func percent(a, b int) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d%%", (a*100+b/2)/b)
}

func statusCell(id string, st checks.Status) cellView {
	switch st {
	case checks.StatusPass:
		return cellView{Key: id, Text: "✓", Class: "pass", Sort: "4", Title: "pass"}
	case checks.StatusFail:
		return cellView{Key: id, Text: "✗", Class: "fail", Sort: "0", Title: "fail"}
	case checks.StatusNotApplicable:
		return cellView{Key: id, Text: "–", Class: "na", Sort: "3", Title: "not applicable"}
	case checks.StatusNotAvailable:
		return cellView{Key: id, Text: "?", Class: "nav", Sort: "2", Title: "not available"}
	case checks.StatusError:
		return cellView{Key: id, Text: "!", Class: "err", Sort: "1", Title: "error"}
	}
	return cellView{Key: id, Text: "", Class: "none", Sort: "-1", Title: "did not run"}
}
