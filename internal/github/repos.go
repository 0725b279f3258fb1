// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package github

import (
	"context"
	"fmt"
	"net/http"
	"time"

	gh "github.com/google/go-github/v62/github"
)

// Repo is what the listing says of one repository.
type Repo struct {
	Owner         string
	Name          string
	FullName      string
	CloneURL      string
	HTMLURL       string
	DefaultBranch string
	Visibility    string // public, private or internal
	Fork          bool
	Archived      bool
	// Disabled repositories (by GitHub: billing, a violation) cannot be
	// cloned.
	Disabled bool
	Topics   []string
	Language string
	PushedAt time.Time
	// Admin is the token's admin right on the repository, which some
	// settings need; false when the API did not say.
	Admin bool
}

func fromGitHub(r *gh.Repository) Repo {
	out := Repo{
		Owner:         r.GetOwner().GetLogin(),
		Name:          r.GetName(),
		FullName:      r.GetFullName(),
		CloneURL:      r.GetCloneURL(),
		HTMLURL:       r.GetHTMLURL(),
		DefaultBranch: r.GetDefaultBranch(),
		Visibility:    r.GetVisibility(),
		Fork:          r.GetFork(),
		Archived:      r.GetArchived(),
		Disabled:      r.GetDisabled(),
		Topics:        append([]string{}, r.Topics...),
		Language:      r.GetLanguage(),
		PushedAt:      r.GetPushedAt().UTC(),
		Admin:         r.Permissions["admin"],
	}
	if out.Visibility == "" {
		out.Visibility = "public"
		if r.GetPrivate() {
			out.Visibility = "private"
		}
	}
	if out.FullName == "" {
		out.FullName = out.Owner + "/" + out.Name
	}
	return out
}

// ListOrgRepos lists every repository of an organisation, 100 a page,
// calling page for each page as it arrives (so the caller can start work and
// grow a progress bar). An owner that is a user, not an organisation, is
// listed through the users endpoint. Already-delivered pages stay delivered
// when a later page fails; the error says which page.
func (c *Client) ListOrgRepos(ctx context.Context, owner string, page func([]Repo) error) error {
	if !ValidName(owner) {
		return fmt.Errorf("list %q: not a GitHub organisation or user name", owner)
	}
	opt := &gh.RepositoryListByOrgOptions{Type: "all", Sort: "full_name", ListOptions: gh.ListOptions{PerPage: c.perPage}}
	first := true
	for {
		rs, resp, err := c.gh.Repositories.ListByOrg(ctx, owner, opt)
		if err != nil && first && resp != nil && resp.StatusCode == http.StatusNotFound {
			return c.listUserRepos(ctx, owner, page)
		}
		if err != nil {
			return c.apiErr(fmt.Sprintf("list the repositories of %s (page %d)", owner, max(opt.Page, 1)), resp, err)
		}
		first = false
		if err := page(convert(rs)); err != nil {
			return err
		}
		if resp.NextPage == 0 {
			return nil
		}
		if err := nextPage(owner, opt.Page, resp.NextPage); err != nil {
			return err
		}
		opt.Page = resp.NextPage
	}
}

// nextPage refuses a "next" link that does not move forward: a server that
// kept pointing back would keep the listing going for ever.
func nextPage(owner string, page, next int) error {
	if next <= max(page, 1) {
		return fmt.Errorf("list the repositories of %s: page %d links to page %d as the next one: the listing stops here", owner, max(page, 1), next)
	}
	return nil
}

func (c *Client) listUserRepos(ctx context.Context, owner string, page func([]Repo) error) error {
	opt := &gh.RepositoryListByUserOptions{Type: "owner", Sort: "full_name", ListOptions: gh.ListOptions{PerPage: c.perPage}}
	for {
		rs, resp, err := c.gh.Repositories.ListByUser(ctx, owner, opt)
		if err != nil {
			return c.apiErr(fmt.Sprintf("list the repositories of %s (page %d)", owner, max(opt.Page, 1)), resp, err)
		}
		if err := page(convert(rs)); err != nil {
			return err
		}
		if resp.NextPage == 0 {
			return nil
		}
		if err := nextPage(owner, opt.Page, resp.NextPage); err != nil {
			return err
		}
		opt.Page = resp.NextPage
	}
}

func convert(rs []*gh.Repository) []Repo {
	out := make([]Repo, 0, len(rs))
	for _, r := range rs {
		if r != nil {
			out = append(out, fromGitHub(r))
		}
	}
	return out
}

// GetRepo reads one repository.
func (c *Client) GetRepo(ctx context.Context, owner, name string) (Repo, error) {
	r, resp, err := c.gh.Repositories.Get(ctx, owner, name)
	if err != nil {
		return Repo{}, c.apiErr("read "+owner+"/"+name, resp, err)
	}
	return fromGitHub(r), nil
}
