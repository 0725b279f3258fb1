// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package github

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	gh "github.com/google/go-github/v62/github"

	"github.com/ospolint/ospolint/checks"
)

// Want says which settings to read: each costs API requests, so only those
// of checks that run are asked for.
type Want struct {
	ReviewRequired                bool
	PrivateVulnerabilityReporting bool
	VulnerabilityAlerts           bool
}

// Any reports whether any setting is wanted.
func (w Want) Any() bool {
	return w.ReviewRequired || w.PrivateVulnerabilityReporting || w.VulnerabilityAlerts
}

// Settings are the repository settings the API checks judge.
type Settings struct {
	ReviewRequired                checks.Setting
	PrivateVulnerabilityReporting checks.Setting
	VulnerabilityAlerts           checks.Setting
}

// Settings reads the wanted settings of r, in at most three requests for
// the default rule set: the rules of the default branch; when no ruleset
// requires a review, the branch (read access: is it protected?) or, for a
// token with admin rights, its classic protection; private vulnerability
// reporting. Dependabot alerts add one request for admin tokens. What the
// token may not read, or what fails after retries, is Unknown with the
// reason; never an error.
func (c *Client) Settings(ctx context.Context, r Repo, w Want) Settings {
	unknown := func(why string) checks.Setting { return checks.Setting{State: checks.SettingUnknown, Detail: why} }
	var s Settings
	if !c.HasToken() {
		none := unknown("no token: set GITHUB_TOKEN or GH_TOKEN to read repository settings")
		return Settings{none, none, none}
	}
	if w.ReviewRequired {
		s.ReviewRequired = c.reviewRequired(ctx, r)
	}
	if w.PrivateVulnerabilityReporting {
		s.PrivateVulnerabilityReporting = c.privateReporting(ctx, r)
	}
	if w.VulnerabilityAlerts {
		s.VulnerabilityAlerts = c.vulnerabilityAlerts(ctx, r)
	}
	return s
}

func unknownFrom(err error) checks.Setting {
	why := err.Error()
	switch {
	case IsNotFound(err):
		why += " (no such setting, or the token may not read it)"
	case IsForbidden(err):
		why += " (the token may not read it)"
	}
	return checks.Setting{State: checks.SettingUnknown, Detail: why}
}

// pullRequestParams is the part of a ruleset's pull_request rule that says
// how many approvals it takes.
type pullRequestParams struct {
	RequiredApprovingReviewCount int `json:"required_approving_review_count"`
}

func (c *Client) reviewRequired(ctx context.Context, r Repo) checks.Setting {
	b := r.DefaultBranch
	if b == "" {
		return checks.Setting{State: checks.SettingNotApplicable, Detail: "the repository is empty"}
	}
	rules, resp, err := c.gh.Repositories.GetRulesForBranch(ctx, r.Owner, r.Name, b)
	rulesErr := error(nil)
	if err != nil {
		rulesErr = c.apiErr("read the rules of branch "+b, resp, err)
	}
	for _, rule := range rules {
		if rule.Type != "pull_request" || rule.Parameters == nil {
			continue
		}
		var p pullRequestParams
		if json.Unmarshal(*rule.Parameters, &p) == nil && p.RequiredApprovingReviewCount > 0 {
			return checks.Setting{State: checks.SettingOn, Detail: fmt.Sprintf("ruleset %d (%s) requires %s on %s", rule.RulesetID, rule.RulesetSource, approvals(p.RequiredApprovingReviewCount), b)}
		}
	}
	noRule := "no ruleset requires an approving review on " + b
	if r.Admin {
		p, resp, err := c.gh.Repositories.GetBranchProtection(ctx, r.Owner, r.Name, b)
		switch {
		case err == nil:
			if rv := p.GetRequiredPullRequestReviews(); rv != nil && rv.RequiredApprovingReviewCount > 0 {
				return checks.Setting{State: checks.SettingOn, Detail: "branch protection requires " + approvals(rv.RequiredApprovingReviewCount) + " on " + b}
			}
			if rulesErr == nil {
				return checks.Setting{State: checks.SettingOff, Detail: noRule + ", and its branch protection requires none"}
			}
		case errors.Is(err, gh.ErrBranchNotProtected):
			if rulesErr == nil {
				return checks.Setting{State: checks.SettingOff, Detail: noRule + ", and the branch is not protected"}
			}
		default:
			if rulesErr == nil {
				return unknownFrom(c.apiErr("read the protection of branch "+b, resp, err))
			}
		}
		return unknownFrom(rulesErr)
	}
	if rulesErr != nil {
		return unknownFrom(rulesErr)
	}
	br, resp, err := c.gh.Repositories.GetBranch(ctx, r.Owner, r.Name, b, 1)
	switch {
	case err != nil:
		return unknownFrom(c.apiErr("read branch "+b, resp, err))
	case br.GetProtected():
		return checks.Setting{State: checks.SettingUnknown, Detail: noRule + "; the branch is protected, and whether its protection requires reviews is readable with admin rights only"}
	}
	return checks.Setting{State: checks.SettingOff, Detail: noRule + ", and the branch is not protected"}
}

func approvals(n int) string {
	if n == 1 {
		return "1 approving review"
	}
	return fmt.Sprintf("%d approving reviews", n)
}

func (c *Client) privateReporting(ctx context.Context, r Repo) checks.Setting {
	if r.Visibility != "public" {
		return checks.Setting{State: checks.SettingNotApplicable, Detail: "GitHub offers private vulnerability reporting on public repositories only"}
	}
	on, resp, err := c.gh.Repositories.IsPrivateReportingEnabled(ctx, r.Owner, r.Name)
	if err != nil {
		return unknownFrom(c.apiErr("read private vulnerability reporting", resp, err))
	}
	if on {
		return checks.Setting{State: checks.SettingOn, Detail: "private vulnerability reporting is enabled"}
	}
	return checks.Setting{State: checks.SettingOff, Detail: "private vulnerability reporting is disabled"}
}

func (c *Client) vulnerabilityAlerts(ctx context.Context, r Repo) checks.Setting {
	if !r.Admin {
		return checks.Setting{State: checks.SettingUnknown, Detail: "GitHub tells whether Dependabot alerts are on only to tokens with admin rights on the repository"}
	}
	// go-github reads 204 as on and 404 as off; with admin rights a 404
	// means off indeed.
	on, resp, err := c.gh.Repositories.GetVulnerabilityAlerts(ctx, r.Owner, r.Name)
	if err != nil {
		return unknownFrom(c.apiErr("read Dependabot alerts", resp, err))
	}
	if on {
		return checks.Setting{State: checks.SettingOn, Detail: "Dependabot alerts are enabled"}
	}
	return checks.Setting{State: checks.SettingOff, Detail: "Dependabot alerts are disabled"}
}

// CommunityRepo finds the owner's public .github repository, whose
// community files GitHub shows in repositories without their own. ok is
// false when there is none (or it is not public: GitHub then ignores it).
func (c *Client) CommunityRepo(ctx context.Context, owner string) (Repo, bool, error) {
	r, err := c.GetRepo(ctx, owner, ".github")
	switch {
	case IsNotFound(err):
		return Repo{}, false, nil
	case err != nil:
		return Repo{}, false, err
	}
	return r, r.Visibility == "public", nil
}
