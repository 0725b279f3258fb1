// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package ggi holds the OW2 / OSPO Alliance Good Governance Initiative
// activities that ospolint maps its checks to.
//
// Activity IDs and titles are quoted from the GGI handbook v1.3, published
// under CC BY 4.0 by the OSPO Alliance (https://ospo-alliance.org/ggi/).
package ggi

import "sort"

// Goal is one of the five GGI goals.
type Goal string

// The GGI goals, in the handbook's order.
const (
	Usage      Goal = "Usage"
	Trust      Goal = "Trust"
	Culture    Goal = "Culture"
	Engagement Goal = "Engagement"
	Strategy   Goal = "Strategy"
)

// Goals lists the goals in the handbook's order.
func Goals() []Goal { return []Goal{Usage, Trust, Culture, Engagement, Strategy} }

// Activity is one GGI activity.
type Activity struct {
	ID    string // GGI-A-21
	Title string // quoted from the handbook
	Goal  Goal
	Slug  string // page name under https://ospo-alliance.org/ggi/activities/
}

// URL is the activity's page in the online handbook.
func (a Activity) URL() string { return "https://ospo-alliance.org/ggi/activities/" + a.Slug }

// activities is the handbook v1.3 table (data, never modified).
var activities = map[string]Activity{ //nolint:gochecknoglobals // immutable table
	"GGI-A-16": {"GGI-A-16", "Setup a strategy for corporate open source governance", Strategy, "setup_a_strategy_for_corporate_open_source_governance"},
	"GGI-A-17": {"GGI-A-17", "Inventory of open source skills and resources", Usage, "inventory_of_open_source_skills_and_resources"},
	"GGI-A-18": {"GGI-A-18", "Open source competency growth", Usage, "open_source_competency_growth"},
	"GGI-A-19": {"GGI-A-19", "Open source supervision", Usage, "open_source_supervision"},
	"GGI-A-20": {"GGI-A-20", "Open source enterprise software", Usage, "open_source_enterprise_software"},
	"GGI-A-21": {"GGI-A-21", "Manage legal compliance", Trust, "manage_legal_compliance"},
	"GGI-A-22": {"GGI-A-22", "Manage software vulnerabilities", Trust, "manage_software_vulnerabilities"},
	"GGI-A-23": {"GGI-A-23", "Manage software dependencies", Trust, "manage_software_dependencies"},
	"GGI-A-24": {"GGI-A-24", "Manage key indicators", Trust, "manage_key_indicators"},
	"GGI-A-25": {"GGI-A-25", "Promote open source development best practices", Culture, "promote_open_source_development_best_practices"},
	"GGI-A-26": {"GGI-A-26", "Contribute to open source projects", Culture, "contribute_to_open_source_projects"},
	"GGI-A-27": {"GGI-A-27", "Belong to the open source community", Culture, "belong_to_the_open_source_community"},
	"GGI-A-28": {"GGI-A-28", "Human Resources perspective", Culture, "human_resources_perspective"},
	"GGI-A-29": {"GGI-A-29", "Engage with open source projects", Engagement, "engage_with_open_source_projects"},
	"GGI-A-30": {"GGI-A-30", "Support open source communities", Engagement, "support_open_source_communities"},
	"GGI-A-31": {"GGI-A-31", "Publicly assert use of open source", Engagement, "publicly_assert_use_of_open_source"},
	"GGI-A-33": {"GGI-A-33", "Engage with open source vendors", Engagement, "engage_with_open_source_vendors"},
	"GGI-A-34": {"GGI-A-34", "C-Level awareness", Strategy, "c-level_awareness"},
	"GGI-A-35": {"GGI-A-35", "Open source and digital sovereignty", Strategy, "open_source_and_digital_sovereignty"},
	"GGI-A-36": {"GGI-A-36", "Open source enabling innovation", Strategy, "open_source_enabling_innovation"},
	"GGI-A-37": {"GGI-A-37", "Open source enabling digital transformation", Strategy, "open_source_enabling_digital_transformation"},
	"GGI-A-39": {"GGI-A-39", "Upstream first", Culture, "upstream_first"},
	"GGI-A-42": {"GGI-A-42", "Manage open source skills and resources", Usage, "manage_open_source_skills_and_resources"},
	"GGI-A-43": {"GGI-A-43", "Open source procurement policy", Engagement, "open_source_procurement_policy"},
	"GGI-A-44": {"GGI-A-44", "Run code reviews", Trust, "run_code_reviews"},
}

// Lookup returns the activity with the given ID ("GGI-A-21").
func Lookup(id string) (Activity, bool) {
	a, ok := activities[id]
	return a, ok
}

// All returns every activity, sorted by ID number.
func All() []Activity {
	out := make([]Activity, 0, len(activities))
	for _, a := range activities {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return num(out[i].ID) < num(out[j].ID) })
	return out
}

func num(id string) int {
	n := 0
	for _, c := range id {
		if c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
		}
	}
	return n
}
