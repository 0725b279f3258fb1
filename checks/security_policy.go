// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/ospolint/ospolint/checks/fileset"
)

func securityPolicy() *Check {
	return &Check{
		ID:         "security-policy",
		Title:      "No security policy with a reporting channel",
		Summary:    "A SECURITY policy tells people how to report a vulnerability privately.",
		Activities: []string{"GGI-A-22"},
		Level:      Error,
		Needs:      NeedFiles,
		Help: `A security policy must give a **reporting channel** that is not public. ospolint looks for
` + "`SECURITY`" + ` (any case, with no extension or .md, .rst, .txt, .adoc) at the root, in ` + "`.github/`, `docs/`, `doc/`" + `
or ` + "`Documentation/`" + `, or one folder below those (u-boot's ` + "`doc/develop/security.rst`" + `); in those places a file
whose name only starts with "security" (` + "`security-bugs.rst`" + `) counts too when it gives a channel. It accepts:

- an e-mail address or ` + "`mailto:`" + ` link;
- a link to a private advisory or report form, such as ` + "`https://github.com/OWNER/REPO/security/advisories/new`" + `,
  or any URL or Markdown link in a paragraph about reporting or contacting, or in the paragraph right after one
  ("how to report vulnerabilities can be found here:" and the link below it); links to public issues, pull requests
  or discussions, and the list of published advisories, do not count;
- anywhere in the policy, a link to a security policy kept elsewhere: a page whose address names it
  (` + "`https://www.apache.org/security/`" + `, ` + "`https://commons.apache.org/security.html`" + `, ` + "`.../security-policy`" + `,
  the organisation's ` + "`SECURITY.md`" + `, a host named ` + "`security.`" + `...), as the short policies of the Apache,
  Go or Kubernetes projects point to their foundation's process;
- a mention of GitHub private vulnerability reporting, of opening a (draft) security advisory or of the Security tab;
- a ` + "`Contact:`" + ` line in the style of security.txt (RFC 9116).

A policy without any of these is a finding, and so are unfilled placeholders (` + "`[INSERT EMAIL ADDRESS]`" + `) and the
untouched text of GitHub's SECURITY.md template ("Use this section to tell people..."), each with its line. When
several files qualify, one that passes is enough.

**Why (GGI-A-22, Manage software vulnerabilities):** the handbook does not name SECURITY.md; ospolint cites GGI-A-22
because its text calls for a way to report and manage vulnerabilities, and a published private channel is the
first step: reporters who find no channel open public issues or stay silent.

**Fix:** add ` + "`SECURITY.md`" + ` saying which versions get fixes and how to report, for example "Report
vulnerabilities privately through GitHub (Security tab, *Report a vulnerability*) or to security@your-org.org".
GitHub shows the policy in its Security tab only from the root, ` + "`.github/`" + ` or ` + "`docs/`" + `: a short
` + "`SECURITY.md`" + ` linking to a policy kept elsewhere makes it visible there. Enable private vulnerability reporting
in the repository settings. GitHub also shows a policy from the organisation's public ` + "`.github`" + `
repository;
ospolint counts it (judged like the repository's own, and marked inherited) in ` + "`ospolint org`" + ` and in
` + "`ospolint scan`" + ` of a GitHub repository with a token.`,
		Run: func(p *Pass) error {
			cands, p := communityDocs(p, docSearch{names: []string{"security", "securitypolicy"}, prefix: "security"})
			if !judgeDocs(p, cands, "security policy", true, judgePolicy) {
				p.Report(Finding{Path: expectedPath("SECURITY.md"), Key: "missing", Message: "no security policy: add SECURITY.md " + docPlaces + " saying how to report a vulnerability privately"})
			}
			return nil
		},
	}
}

// judgePolicy reports what keeps a security policy from giving a private
// reporting channel.
func judgePolicy(p *Pass, e fileset.Entry, data []byte) {
	lines := docLines(data)
	holes := reportPlaceholders(p, e.Path, lines, "with a private way to report vulnerabilities (e-mail address or advisory link)")
	for i, l := range lines {
		if strings.Contains(strings.ToLower(l), "use this section to tell people") {
			holes[i] = true
			p.Reportf(e.Path, i+1, "%s still holds GitHub's template text: replace it with your supported versions and how to report a vulnerability", e.Name())
		}
	}
	if len(holes) == 0 && !hasReportingChannel(lines) {
		p.Reportf(e.Path, 0, "%s has no reporting channel: add a security e-mail address or a link to a private advisory form (e.g. .../security/advisories/new), or mention GitHub private vulnerability reporting", e.Name())
	}
}

var (
	privateReporting    = regexp.MustCompile(`(?i)private\s+vulnerability\s+report|(draft|new|open|create)\s+(an?\s+)?(new\s+|draft\s+)?(github\s+)?security\s+advisor|security\s+tab|/security/advisories/new`)
	securityTxtContact  = regexp.MustCompile(`(?i)^\s*contact:\s*(mailto:|https?://|tel:)\S`)
	publicTracker       = regexp.MustCompile(`(?i)(^|/)(issues|pulls?|discussions)(/|$|\?|#)`)
	publishedAdvisories = regexp.MustCompile(`(?i)/security/advisories/?([?#.,;:]|$)`)
	securitySegment     = regexp.MustCompile(`(?i)^(security([-_]?polic(y|ies)|[-_]?process)?|vulnerabilit(y|ies)[-_](reporting|disclosure|policy)|report[-_]?a[-_]?vulnerability|(responsible|coordinated)[-_]disclosure|disclosure[-_]policy)$`)
)

// securityPage reports whether an absolute URL is the address of a security
// policy or reporting process kept elsewhere (a foundation's security page,
// the organisation's SECURITY.md): a short policy that points there gives
// the channel that page gives. The list of published advisories and public
// trackers are not such pages.
func securityPage(raw string) bool {
	raw = strings.TrimRight(raw, ".,;:!?*_")
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || publicTracker.MatchString(u.Path) || publishedAdvisories.MatchString(u.Path) {
		return false
	}
	if strings.HasPrefix(strings.ToLower(u.Hostname()), "security.") {
		return true
	}
	for _, seg := range strings.Split(u.Path, "/") {
		seg = strings.TrimSuffix(seg, path.Ext(seg))
		if securitySegment.MatchString(seg) {
			return true
		}
	}
	return false
}

// hasReportingChannel reports whether a security policy gives a way to
// report privately.
func hasReportingChannel(lines []string) bool {
	for _, l := range lines {
		if securityTxtContact.MatchString(l) {
			return true
		}
	}
	for _, pa := range paragraphs(lines, nil) {
		if privateReporting.MatchString(pa.text) {
			return true
		}
		for _, u := range urlPattern.FindAllString(pa.text, -1) {
			if securityPage(u) {
				return true
			}
		}
	}
	return hasContact(lines, nil, false, func(u string) bool {
		return !publicTracker.MatchString(u) && !publishedAdvisories.MatchString(u)
	})
}
