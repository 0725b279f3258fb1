// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package html

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/org/summary"
	"github.com/ospolint/ospolint/internal/scan"
)

// sample is an organisation of n repositories with varied outcomes: every
// third has no security policy, every fourth fails, one has a hostile name
// and error text.
func sample(n int) *summary.Summary {
	var repos []summary.Repo
	mit := "MIT"
	for i := 0; i < n; i++ {
		r := summary.Repo{
			Name: fmt.Sprintf("svc%02d", i), FullName: fmt.Sprintf("acme/svc%02d", i), URL: fmt.Sprintf("https://github.com/acme/svc%02d", i),
			Status: summary.StatusOK, Visibility: "public", Language: "Go", License: &mit,
			Reports: summary.Reports{JSON: fmt.Sprintf("repos/svc%02d.json", i), SARIF: fmt.Sprintf("repos/svc%02d.sarif", i)},
			Checks: map[string]checks.Status{
				"license-file":    checks.StatusPass,
				"security-policy": checks.StatusPass,
				"review-required": checks.StatusNotAvailable,
				"contributing":    checks.StatusPass,
			},
			Maturity: []scan.GoalMaturity{{Goal: "Trust", Passed: 2, Applicable: 2}, {Goal: "Culture", Passed: 1, Applicable: 1}},
		}
		if i%3 == 0 {
			r.Checks["security-policy"] = checks.StatusFail
			r.Findings.Error = 1 + i%5
			r.Maturity[0].Passed = 1
		}
		if i%4 == 1 {
			r.Checks["contributing"] = checks.StatusFail
			r.Findings.Warning = 2
			r.Maturity[1].Passed = 0
		}
		repos = append(repos, r)
	}
	repos = append(repos, summary.Repo{Name: "broken", FullName: "acme/broken", Status: summary.StatusError,
		Error: `clone failed: <script>alert("x")</script>`, URL: "https://github.com/acme/broken"})
	return summary.Build(scan.Tool{Name: "ospolint", Version: "test"}, "acme", "github.com", nil, repos)
}

func TestDashboardIsSelfContainedAndEscaped(t *testing.T) {
	var buf bytes.Buffer
	if err := Dashboard(&buf, sample(12)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	// No external assets: nothing is loaded from anywhere.
	for _, re := range []string{`<script[^>]+src=`, `<link[^>]+href=`, `<img`, `url\(`, `@import`} {
		if regexp.MustCompile(re).MatchString(page) {
			t.Errorf("the dashboard loads something from outside (%s)", re)
		}
	}
	if strings.Contains(page, `<script>alert`) {
		t.Error("an error message is not escaped")
	}
	for _, want := range []string{`data-figure="security-policy"`, `67%`, `8 of 12 judged`, `data-check="review-required"`, `<b>broken</b>`, `13 of 13 repositories`} {
		if !strings.Contains(page, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	if n := strings.Count(page, "<tr data-name="); n != 13 {
		t.Errorf("%d repository rows, want 13", n)
	}
}

func TestDashboardOfNothing(t *testing.T) {
	var buf bytes.Buffer
	s := summary.Build(scan.Tool{Name: "ospolint", Version: "test"}, "acme", "github.com", []string{"list the repositories of acme (page 1): 401 Bad credentials"}, nil)
	if err := Dashboard(&buf, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"0 of 0 repositories", "Problems of the run", "401 Bad credentials", "</html>"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("dashboard of an empty run lacks %q", want)
		}
	}
}
