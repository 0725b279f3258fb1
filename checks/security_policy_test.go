// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"
)

// policy is a SECURITY.md as projects write it, with the reporting paragraph
// given (it starts on line 12).
func policy(reporting string) *fstest.MapFile {
	return file(`# Security Policy

## Supported versions

| Version | Supported |
|---------|-----------|
| 2.x     | yes       |
| 1.x     | no        |

## Reporting a vulnerability

` + reporting + `

We acknowledge reports within three working days and publish a GitHub security advisory once a fix
is released. Please do not disclose the problem publicly before then.
`)
}

func TestSecurityPolicy(t *testing.T) {
	const mail = "Please e-mail security@widget-project.org with a description and steps to reproduce."
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []wantFinding
	}{
		{"root with e-mail", fstest.MapFS{"SECURITY.md": policy(mail)}, nil},
		{".github", fstest.MapFS{".github/SECURITY.md": policy(mail)}, nil},
		{"docs lower case rst", fstest.MapFS{"docs/security.rst": policy(mail)}, nil},
		{"mixed case txt", fstest.MapFS{"Security.txt": policy(mail)}, nil},
		{"advisory form URL", fstest.MapFS{"SECURITY.md": policy("Open https://github.com/widget/widget/security/advisories/new and describe the problem.")}, nil},
		{"private vulnerability reporting", fstest.MapFS{"SECURITY.md": policy("We use GitHub private vulnerability reporting: open the Security tab of this repository and click *Report a vulnerability*.")}, nil},
		{"draft advisory", fstest.MapFS{"SECURITY.md": policy("Maintainers prefer that you create a draft security advisory on this repository.")}, nil},
		{"security.txt contact", fstest.MapFS{"SECURITY.md": policy("Contact: tel:+1-201-555-0123\nExpires: 2027-01-01T00:00:00Z")}, nil},
		{"bug bounty URL on a reporting line", fstest.MapFS{"SECURITY.md": policy("Report vulnerabilities through our bug bounty programme at https://hackerone.com/widget.")}, nil},
		{"relative link to the maintainers", fstest.MapFS{"SECURITY.md": policy("Do not open a public issue; instead send an email to the [maintainers](/MAINTAINERS) with the subject prefix \"widget SECURITY:\".")}, nil},
		// A short policy pointing to the foundation's process, as Apache
		// Commons, Go and Kubernetes projects keep theirs.
		{"link to a security page elsewhere", fstest.MapFS{"SECURITY.md": file("<!-- licence header -->\nThe Widget security page is [https://widget.example.org/security.html](https://widget.example.org/security.html).\n")}, nil},
		{"link to the foundation's security process", fstest.MapFS{"SECURITY.md": file("# Security\n\nWidget follows the process at https://www.example.org/security/.\n")}, nil},
		{"link to the organisation's policy", fstest.MapFS{".github/SECURITY.md": file("See https://github.com/widget/.github/blob/main/SECURITY.md.\n")}, nil},
		{"security host", fstest.MapFS{"SECURITY.md": file("See https://security.example.org for our policy.\n")}, nil},
		{
			"a link to an article on vulnerabilities is not a channel",
			fstest.MapFS{"SECURITY.md": file("# Security\n\nWe guard against https://owasp.example.org/www-community/vulnerabilities/xss and https://example.org/docs/security-model.\n")},
			[]wantFinding{{"SECURITY.md", 0, "SECURITY.md has no reporting channel"}},
		},
		{
			"published advisories are not a channel",
			fstest.MapFS{"SECURITY.md": policy("Reports and fixes are listed at https://github.com/widget/widget/security/advisories.")},
			[]wantFinding{{"SECURITY.md", 0, "SECURITY.md has no reporting channel"}},
		},
		{
			"relative link to public issues",
			fstest.MapFS{"SECURITY.md": policy("Report problems in [the issue tracker](../../issues).")},
			[]wantFinding{{"SECURITY.md", 0, "SECURITY.md has no reporting channel"}},
		},
		{
			"public issue tracker is not private",
			fstest.MapFS{"SECURITY.md": policy("Please report vulnerabilities at https://github.com/widget/widget/issues/new.")},
			[]wantFinding{{"SECURITY.md", 0, "SECURITY.md has no reporting channel"}},
		},
		{
			"no channel",
			fstest.MapFS{"SECURITY.md": policy("Please report vulnerabilities responsibly and give us time to fix them.")},
			[]wantFinding{{"SECURITY.md", 0, "SECURITY.md has no reporting channel"}},
		},
		{
			"no channel in docs",
			fstest.MapFS{"docs/security.md": policy("Tell the maintainers.")},
			[]wantFinding{{"docs/security.md", 0, "security.md has no reporting channel"}},
		},
		{
			"unfilled placeholder",
			fstest.MapFS{"SECURITY.md": policy("Send reports to [INSERT EMAIL ADDRESS].")},
			[]wantFinding{{"SECURITY.md", 12, "unfilled template placeholder [INSERT EMAIL ADDRESS]"}},
		},
		{
			"GitHub template left as is",
			fstest.MapFS{".github/SECURITY.md": file(`# Security Policy

## Supported Versions

Use this section to tell people about which versions of your project are
currently being supported with security updates.

## Reporting a Vulnerability

Use this section to tell people how to report a vulnerability.
`)},
			[]wantFinding{
				{".github/SECURITY.md", 5, "still holds GitHub's template text"},
				{".github/SECURITY.md", 10, "still holds GitHub's template text"},
			},
		},
		{
			"empty",
			fstest.MapFS{"SECURITY.md": file("")},
			[]wantFinding{{"SECURITY.md", 0, "has no reporting channel"}},
		},
		{
			"missing",
			fstest.MapFS{"README.md": file("# Widget"), "docs/vulnerabilities.md": policy(mail)},
			[]wantFinding{{"SECURITY.md", 0, "no security policy"}},
		},
		{
			"symlink out of the repository",
			fstest.MapFS{".github/SECURITY.md": escapingLink()},
			[]wantFinding{{".github/SECURITY.md", 0, "symbolic link that leaves the repository"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, securityPolicy(), tt.files, nil)
			matchCommunityFindings(t, got, tt.want)
		})
	}
}
