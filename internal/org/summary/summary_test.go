// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package summary

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/scan"
)

func entries() []Repo {
	mit := "MIT"
	return []Repo{
		{Name: "web", FullName: "acme/web", Status: StatusOK, License: &mit, Findings: Levels{Error: 2, Note: 1},
			Checks:   map[string]checks.Status{"license-file": checks.StatusPass, "security-policy": checks.StatusFail, "review-required": checks.StatusNotAvailable},
			Maturity: []scan.GoalMaturity{{Goal: "Trust", Passed: 1, Applicable: 2}}},
		{Name: "API", FullName: "acme/API", Status: StatusOK, Findings: Levels{Warning: 1},
			Checks:   map[string]checks.Status{"license-file": checks.StatusFail, "security-policy": checks.StatusPass, "review-required": checks.StatusPass},
			Maturity: []scan.GoalMaturity{{Goal: "Trust", Passed: 2, Applicable: 3}, {Goal: "Culture", Passed: 0, Applicable: 1}}},
		{Name: "broken", FullName: "acme/broken", Status: StatusError, Error: "clone: not found"},
		{Name: "empty", FullName: "acme/empty", Status: StatusSkipped, Error: "empty repository"},
	}
}

func TestBuildAndWrite(t *testing.T) {
	s := Build(scan.Tool{Name: "ospolint", Version: "t"}, "acme", "github.com", nil, entries())
	var names []string
	for _, r := range s.Repos {
		names = append(names, r.Name)
	}
	if got := strings.Join(names, ","); got != "API,broken,empty,web" {
		t.Errorf("order %s", got)
	}
	if s.Totals != (Totals{Repos: 4, OK: 2, Error: 1, Skipped: 1, Findings: Levels{Error: 2, Warning: 1, Note: 1}}) {
		t.Errorf("totals %+v", s.Totals)
	}
	if diff := cmp.Diff([]GoalTotal{{"Trust", 3, 5}, {"Culture", 0, 1}}, s.Goals); diff != "" {
		t.Error(diff)
	}
	want := map[string][2]int{"license": {1, 2}, "security-policy": {1, 2}, "sbom": {0, 0}, "reviews": {1, 1}}
	for _, f := range s.Figures {
		if w := want[f.ID]; f.Yes != w[0] || f.Of != w[1] {
			t.Errorf("figure %s: %d of %d, want %v", f.ID, f.Yes, f.Of, w)
		}
	}
	// The streamed summary is valid JSON that reads back the same, and it
	// encodes as encoding/json would.
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, back); diff != "" {
		t.Errorf("round trip (-wrote +read):\n%s", diff)
	}
	std, _ := json.MarshalIndent(s, "", "  ")
	if !bytes.Equal(append(std, '\n'), buf.Bytes()) {
		t.Errorf("streamed summary differs from encoding/json's:\n%s\nvs\n%s", buf.String(), std)
	}
	// Empty organisation.
	buf.Reset()
	if err := Write(&buf, Build(scan.Tool{}, "acme", "github.com", []string{"listing failed"}, nil)); err != nil || !json.Valid(buf.Bytes()) {
		t.Errorf("empty: %v\n%s", err, buf.String())
	}
}

func TestMergeAndRead(t *testing.T) {
	all := entries()
	a := Build(scan.Tool{}, "acme", "github.com", nil, []Repo{all[0], all[2]})
	b := Build(scan.Tool{}, "acme", "github.com", nil, []Repo{all[1], all[3]})
	m, err := Merge([]*Summary{a, b})
	if err != nil {
		t.Fatal(err)
	}
	one := Build(scan.Tool{}, "acme", "github.com", nil, entries())
	if diff := cmp.Diff(one, m); diff != "" {
		t.Errorf("merge differs from one build:\n%s", diff)
	}
	if _, err := Read(strings.NewReader(`{"schemaVersion":"2.0"}`)); err == nil {
		t.Error("another major version read")
	}
	if _, err := Read(strings.NewReader(`<html>`)); err == nil {
		t.Error("not JSON read")
	}
}

func TestInventoryDefusesFormulas(t *testing.T) {
	s := Build(scan.Tool{}, "acme", "github.com", nil, []Repo{{Name: "x", FullName: "acme/x", Status: StatusOK, Topics: []string{"=HYPERLINK(\"http://evil\")"}}})
	var buf bytes.Buffer
	if err := WriteInventory(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"'=HYPERLINK(""http://evil"")"`) {
		t.Errorf("inventory:\n%s", buf.String())
	}
}
