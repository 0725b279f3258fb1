// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// target walks an in-memory repository into a Target.
func target(t *testing.T, files fstest.MapFS) *Target {
	t.Helper()
	tg, err := NewTargetFS(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// runForge runs c on files with the given forge facts and returns the
// findings, the pass and Run's error.
func runForge(t *testing.T, c *Check, files fstest.MapFS, f *Forge) ([]Finding, *Pass, error) {
	t.Helper()
	opts, err := ResolveOptions(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	tg := target(t, files)
	tg.SetForge(f)
	p := NewPass(c, tg, opts)
	err = c.Run(p)
	return p.Findings(), p, err
}

func TestSettingChecks(t *testing.T) {
	base := func(s Setting) *Forge {
		return &Forge{Host: "github.com", Repo: "acme/svc", DefaultBranch: "main", ReviewRequired: s, PrivateVulnerabilityReporting: s, VulnerabilityAlerts: s}
	}
	for _, c := range []*Check{reviewRequired(), privateVulnerabilityReporting(), dependabotAlerts()} {
		t.Run(c.ID, func(t *testing.T) {
			// No forge: not available, never a finding.
			fs, _, err := runForge(t, c, fstest.MapFS{}, nil)
			if !errors.Is(err, ErrNotAvailable) || len(fs) != 0 || !strings.Contains(err.Error(), "GITHUB_TOKEN") {
				t.Errorf("no forge: %v, %v", fs, err)
			}
			// Unknown (no permission): not available with the reason.
			fs, _, err = runForge(t, c, fstest.MapFS{}, base(Setting{State: SettingUnknown, Detail: "needs admin rights"}))
			if !errors.Is(err, ErrNotAvailable) || len(fs) != 0 || !strings.Contains(err.Error(), "needs admin rights") {
				t.Errorf("unknown: %v, %v", fs, err)
			}
			// On: pass with the detail as a note.
			fs, p, err := runForge(t, c, fstest.MapFS{}, base(Setting{State: SettingOn, Detail: "ruleset 7"}))
			if err != nil || len(fs) != 0 || p.NoteText() != "ruleset 7" {
				t.Errorf("on: %v, %v, note %q", fs, err, p.NoteText())
			}
			// Off: one finding naming the repository.
			fs, _, err = runForge(t, c, fstest.MapFS{}, base(Setting{State: SettingOff, Detail: "no ruleset"}))
			if err != nil || len(fs) != 1 || !strings.Contains(fs[0].Message, "acme/svc") {
				t.Errorf("off: %v, %v", fs, err)
			}
			// Not applicable (a private repository for PVR).
			fs, p, err = runForge(t, c, fstest.MapFS{}, base(Setting{State: SettingNotApplicable, Detail: "private"}))
			if err != nil || len(fs) != 0 || p.NotApplicableReason() != "private" {
				t.Errorf("not applicable: %v, %v, %q", fs, err, p.NotApplicableReason())
			}
		})
	}
}

func TestCommunityFilesInheritedFromOrg(t *testing.T) {
	org := target(t, fstest.MapFS{
		"CODE_OF_CONDUCT.md":                    file("# Code of conduct\n\nReport unacceptable behaviour to conduct@acme.example.\n"),
		".github/SECURITY.md":                   file("# Security\n\nThis policy covers every acme project.\n"),
		"docs/CONTRIBUTING.md":                  file("# Contributing\n\nFork the repository, make a branch, write tests, and open a pull request that explains the change; a maintainer reviews it within a week.\n"),
		".github/ISSUE_TEMPLATE/bug_report.md":  file("---\nname: Bug\n---\nWhat happened? What did you expect?\n"),
		".github/pull_request_template.md":      file("## Summary\n\n## Testing\n"),
		"LICENSE":                               file("MIT License\n"),
		"profile/README.md":                     file("# acme\n"),
		".github/ISSUE_TEMPLATE/config.yml":     file("blank_issues_enabled: false\n"),
		".github/workflows/ci.yml":              file("on: push\n"),
		"SUPPORT.md":                            file("Ask on the forum.\n"),
		".github/PULL_REQUEST_TEMPLATE/ignored": file("x\n"),
	})
	forge := &Forge{Host: "github.com", Repo: "acme/svc", Inherited: org, InheritedFrom: "acme/.github"}
	own := fstest.MapFS{"README.md": file("# svc\n")}

	cases := []struct {
		check    *Check
		findings []string // substrings, one per finding
	}{
		{codeOfConduct(), nil},
		{contributing(), nil},
		// The inherited policy is judged like an own one: it lacks a channel,
		// and the finding says where it comes from.
		{securityPolicy(), []string{"acme/.github (inherited): SECURITY.md has no reporting channel"}},
		{issueTemplates(), nil},
		{prTemplate(), nil},
	}
	for _, tc := range cases {
		t.Run(tc.check.ID, func(t *testing.T) {
			fs, p, err := runForge(t, tc.check, own, forge)
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != len(tc.findings) {
				t.Fatalf("findings %v, want %d", fs, len(tc.findings))
			}
			for i, want := range tc.findings {
				if !strings.Contains(fs[i].Message, want) || fs[i].Properties["inheritedFrom"] != "acme/.github" {
					t.Errorf("finding %+v, want %q marked inherited", fs[i], want)
				}
			}
			if !strings.Contains(p.NoteText(), "inherited from acme/.github") {
				t.Errorf("note %q does not say the file is inherited", p.NoteText())
			}
			// Without the forge the same repository fails.
			if fs, _, _ := runForge(t, tc.check, own, nil); len(fs) == 0 {
				t.Errorf("without the organisation's files the check passes")
			}
		})
	}

	// A repository's own file wins, and nothing is marked inherited.
	fs, p, err := runForge(t, contributing(), fstest.MapFS{"CONTRIBUTING.md": file("tiny")}, forge)
	if err != nil || len(fs) != 1 || strings.Contains(fs[0].Message, "inherited") || p.NoteText() != "" {
		t.Errorf("own file: %v, %v, note %q", fs, err, p.NoteText())
	}
	// A licence is never inherited.
	fs, _, err = runForge(t, licenseFile(), own, forge)
	if err != nil || len(fs) != 1 {
		t.Errorf("license-file with an organisation LICENSE: %v, %v; want the missing licence reported", fs, err)
	}
}
