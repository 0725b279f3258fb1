// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package org

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/go-git/go-git/v5"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/github"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

// community is the owner's public .github repository, cloned once and shared
// read-only by every repository's scan.
type community struct {
	target *checks.Target
	name   string
	repo   *repo.Repo
}

func (c *community) Close() {
	if c != nil {
		_ = c.repo.Close()
	}
}

// openCommunity clones and indexes the owner's .github repository; nil when
// the owner has no public one.
func openCommunity(ctx context.Context, c *github.Client, owner, tmp string) (*community, error) {
	r, ok, err := c.CommunityRepo(ctx, owner)
	if err != nil || !ok {
		return nil, err
	}
	rp, err := repo.Clone(ctx, r.CloneURL, repo.OpenOptions{Token: c.CloneToken(r.CloneURL), GitHub: c.Endpoint().GitHub(), TempDir: tmp})
	if errors.Is(err, repo.ErrNoCommits) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the organisation's .github repository: %w", err)
	}
	t, err := checks.NewTargetFS(ctx, rp.FS)
	if err != nil {
		_ = rp.Close()
		return nil, fmt.Errorf("the organisation's .github repository: %w", err)
	}
	return &community{target: t, name: r.FullName, repo: rp}, nil
}

// wanted are the settings the plan's checks read.
func wanted(p *scan.Plan) github.Want {
	var w github.Want
	for _, pc := range p.Checks {
		switch pc.Check.ID {
		case "review-required":
			w.ReviewRequired = true
		case "private-vulnerability-reporting":
			w.PrivateVulnerabilityReporting = true
		case "dependabot-alerts":
			w.VulnerabilityAlerts = true
		}
	}
	return w
}

// inherits reports whether the plan has a check that counts files from the
// organisation's .github repository.
func inherits(p *scan.Plan) bool {
	for _, pc := range p.Checks {
		switch pc.Check.ID {
		case "contributing", "code-of-conduct", "security-policy", "issue-templates", "pr-template":
			return true
		}
	}
	return false
}

// forgeFacts reads the settings the plan needs and joins them with the
// organisation's community files.
func forgeFacts(ctx context.Context, c *github.Client, r github.Repo, p *scan.Plan, com *community) *checks.Forge {
	s := c.Settings(ctx, r, wanted(p))
	f := &checks.Forge{
		Host: c.Endpoint().Host, Repo: r.FullName, DefaultBranch: r.DefaultBranch,
		ReviewRequired: s.ReviewRequired, PrivateVulnerabilityReporting: s.PrivateVulnerabilityReporting, VulnerabilityAlerts: s.VulnerabilityAlerts,
	}
	if com != nil {
		f.Inherited, f.InheritedFrom = com.target, com.name
	}
	return f
}

// ScanForge gives a single scan the API facts the org scan has: when the
// target is a GitHub repository (a URL on the client's host, or a local
// clone whose origin is one) and a token is set, its settings and its
// owner's .github repository. It returns nil facts for anything else, and a
// close function to call after the scan. API problems become unknown
// settings, and a .github repository that cannot be cloned a warning to
// logf: the scan goes on with the repository's own files.
func ScanForge(ctx context.Context, c *github.Client, target string, p *scan.Plan, logf func(format string, args ...any)) (*checks.Forge, func(), error) {
	nothing := func() {}
	if c == nil || !c.HasToken() || !wanted(p).Any() && !inherits(p) {
		return nil, nothing, nil
	}
	owner, name, ok := c.Endpoint().RepoOf(target)
	if !ok && !repo.IsURL(target) {
		owner, name, ok = c.Endpoint().RepoOf(originURL(target))
	}
	if !ok {
		return nil, nothing, nil
	}
	r, err := c.GetRepo(ctx, owner, name)
	if err != nil {
		unknown := checks.Setting{State: checks.SettingUnknown, Detail: err.Error()}
		return &checks.Forge{Host: c.Endpoint().Host, Repo: owner + "/" + name, ReviewRequired: unknown, PrivateVulnerabilityReporting: unknown, VulnerabilityAlerts: unknown}, nothing, nil
	}
	tmp, err := os.MkdirTemp("", "ospolint-community-*")
	if err != nil {
		return nil, nothing, fmt.Errorf("temporary directory: %w", err)
	}
	com, err := openCommunity(ctx, c, r.Owner, tmp)
	if err != nil && logf != nil {
		logf("%s: community files are not inherited: %s", r.Owner, c.Redact(err.Error()))
	}
	done := func() {
		com.Close()
		_ = os.RemoveAll(tmp)
	}
	return forgeFacts(ctx, c, r, p, com), done, nil
}

// originURL is the URL of the "origin" remote of the repository holding dir,
// "" when there is none.
func originURL(dir string) string {
	g, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return ""
	}
	rem, err := g.Remote("origin")
	if err != nil || len(rem.Config().URLs) == 0 {
		return ""
	}
	return rem.Config().URLs[0]
}
