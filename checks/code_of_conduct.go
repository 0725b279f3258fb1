// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"regexp"
	"strings"
)

func codeOfConduct() *Check {
	return &Check{
		ID:         "code-of-conduct",
		Title:      "No code of conduct, or one without a contact",
		Summary:    "A CODE_OF_CONDUCT names who to contact to report unacceptable behaviour.",
		Activities: []string{"GGI-A-25"},
		Level:      Error,
		Needs:      NeedFiles,
		Help: `A code of conduct (` + "`CODE_OF_CONDUCT.md`" + `, any case, or .rst/.txt/.adoc) in the repository root, in
` + "`docs/`" + ` or in ` + "`.github/`" + ` says how people are expected to behave and what happens when they do not.
It only works when it says **whom to contact**: ospolint looks for an e-mail address, a ` + "`mailto:`" + ` link, or a
URL, a Markdown link (such as one to a MAINTAINERS file) or an ` + "`@handle`" + ` on a line about reporting or
contacting (or on the line right after it). Template
placeholders left unfilled, such as the Contributor Covenant's ` + "`[INSERT CONTACT METHOD]`" + ` or
` + "`[INSERT EMAIL ADDRESS]`" + `, are reported with their line; so is an empty file.

**Why (GGI-A-25, Promote open source development best practices):** the handbook lists a code of conduct among the
files every project publishes, so that contributors know the rules and how they are enforced.

**Fix:** add ` + "`CODE_OF_CONDUCT.md`" + ` (the Contributor Covenant, https://www.contributor-covenant.org, is widely
used) and fill in its contact: an address such as ` + "`conduct@your-org.org`" + ` or a link to a reporting form that
reaches the people who handle reports. When you adopt your foundation's or company's code by reference, still say
whom to contact. GitHub also shows a code of conduct from the organisation's public ` + "`.github`" + ` repository;
ospolint checks that only when API checks are enabled.`,
		Run: func(p *Pass) error {
			es := findDoc(p.Target.index, communityDirs(), "CODE_OF_CONDUCT")
			e, ok := pickDoc(p, es, "code of conduct")
			if !ok {
				if len(es) == 0 {
					p.Reportf(expectedPath("CODE_OF_CONDUCT.md"), 0, "no code of conduct: add CODE_OF_CONDUCT.md at the root, in docs/ or in .github/, with a contact for reports")
				}
				return nil
			}
			data, ok := readDoc(p, e, "code of conduct")
			if !ok {
				return nil
			}
			if countWords(data) == 0 {
				p.Reportf(e.Path, 0, "code of conduct is empty: write it (or adopt the Contributor Covenant) and name a contact for reports")
				return nil
			}
			lines := docLines(data)
			holes := reportPlaceholders(p, e.Path, lines, "with an e-mail address or link that reaches the people who handle conduct reports")
			if len(holes) == 0 && !hasContact(lines, holes, true, nil) {
				p.Reportf(e.Path, 0, "code of conduct names no contact: add an e-mail address or a link (on a line about reporting) for people to report unacceptable behaviour")
			}
			return nil
		},
	}
}

// The patterns below decide what counts as a contact in community files.
var (
	emailPattern       = regexp.MustCompile(`(?i)(^|[^a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}`)
	urlPattern         = regexp.MustCompile(`(?i)\bhttps?://[^\s<>()\[\]"'` + "`" + `]+`)
	linkTargetPattern  = regexp.MustCompile(`\]\(\s*<?([^)\s>#][^)\s>]*)`)
	handlePattern      = regexp.MustCompile(`(^|[\s(>])@[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?`)
	reportWords        = regexp.MustCompile(`(?i)\b(report|contact|reach|e-?mail|complain|incident|moderat)`)
	placeholderPattern = regexp.MustCompile(`(?i)\[\s*(?:insert|enter|your)\s[^\]\n]{0,80}\]|<\s*(?:insert|enter|your)\s[^>\n]{0,80}>|(?-i:\[[A-Z _-]*(?:EMAIL|E-MAIL|CONTACT)[A-Z _-]*\])`)
)

// docLines splits a text file into lines without their line endings.
func docLines(data []byte) []string {
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// reportPlaceholders reports every unfilled template placeholder with its
// line, telling the reader what to replace it with, and returns the indexes
// of the lines holding one.
func reportPlaceholders(p *Pass, path string, lines []string, with string) map[int]bool {
	holes := map[int]bool{}
	for i, l := range lines {
		for _, loc := range placeholderPattern.FindAllStringIndex(l, -1) {
			// "[your fork](url)" is a Markdown link, not a placeholder.
			if loc[1] < len(l) && (l[loc[1]] == '(' || l[loc[1]] == '[') {
				continue
			}
			holes[i] = true
			p.Reportf(path, i+1, "unfilled template placeholder %s: replace it %s", l[loc[0]:loc[1]], with)
		}
	}
	return holes
}

// hasContact reports whether lines (other than skip) give a way to reach
// someone: an e-mail address or mailto: link anywhere, or, on a line about
// reporting or contacting or the next non-blank line after one, a URL or
// Markdown link target (accepted by okURL when set) or, with handles, an
// @handle.
func hasContact(lines []string, skip map[int]bool, handles bool, okURL func(string) bool) bool {
	reachable := func(l string) bool {
		for _, u := range urlPattern.FindAllString(l, -1) {
			if okURL == nil || okURL(u) {
				return true
			}
		}
		// A relative Markdown link ("e-mail [the maintainers](MAINTAINERS.md)")
		// leads to the contact too.
		for _, m := range linkTargetPattern.FindAllStringSubmatch(l, -1) {
			if okURL == nil || okURL(m[1]) {
				return true
			}
		}
		return handles && handlePattern.MatchString(l)
	}
	for i, l := range lines {
		if skip[i] {
			continue
		}
		if emailPattern.MatchString(l) || strings.Contains(strings.ToLower(l), "mailto:") {
			return true
		}
		if !reportWords.MatchString(l) {
			continue
		}
		if reachable(l) {
			return true
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "" {
				continue
			}
			if !skip[j] && reachable(lines[j]) {
				return true
			}
			break
		}
	}
	return false
}
