// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/ospolint/ospolint/checks/fileset"
)

func codeOfConduct() *Check {
	return &Check{
		ID:         "code-of-conduct",
		Title:      "No code of conduct, or one without a contact",
		Summary:    "A CODE_OF_CONDUCT names who to contact to report unacceptable behaviour.",
		Activities: []string{"GGI-A-25"},
		Level:      Error,
		Needs:      NeedFiles,
		Help: `A code of conduct says how people are expected to behave and what happens when they do not.
ospolint looks for ` + "`CODE_OF_CONDUCT`" + ` (any case, ` + "`-`/`_`" + ` as you like, with no extension or .md, .rst, .txt,
.adoc) at the root, in ` + "`.github/`, `docs/`, `doc/` or `Documentation/`" + `, or one folder below those.

It only works when it says **whom to contact**: ospolint looks for an e-mail address, a ` + "`mailto:`" + ` link, or a
URL, a Markdown link (such as one to a MAINTAINERS file) or an ` + "`@handle`" + ` in a paragraph about reporting or
contacting (or in the paragraph right after it). A code that **adopts a known code by link** and names no contact
of its own ("Prometheus follows the [CNCF Code of Conduct](https://github.com/cncf/foundation/...)") passes with a
note: reports then go to the contact the adopted code names (the CNCF, Contributor Covenant, Apache, Linux
Foundation, Python, Rust, Mozilla, Go, Microsoft, Google, Eclipse, OpenJS, GNOME, KDE, Ubuntu, Django, NumFOCUS,
OpenInfra and Kubernetes codes are known, and so is an organisation's own code in its ` + "`.github`" + ` repository); make sure that
contact acts for your project. The link must be in a sentence that adopts the code ("follows", "adopts", "abides
by", "refer to", ...) or the file must be a short statement: a copy of the Contributor Covenant that credits it ("adapted
from") and lost its contact still fails. Without a code of conduct file, the same adoption stated in the README,
the contributing guide or a GOVERNANCE file (also in a top-level folder, as moby's ` + "`project/GOVERNANCE.md`" + `) gives
the same note. Template placeholders left unfilled, such as the Contributor Covenant's
` + "`[INSERT CONTACT METHOD]`" + ` or ` + "`[INSERT EMAIL ADDRESS]`" + `, are reported with their line; so is an empty file.

**Why (GGI-A-25, Promote open source development best practices):** the handbook lists a code of conduct among the
files every project publishes, so that contributors know the rules and how they are enforced.

**Fix:** add ` + "`CODE_OF_CONDUCT.md`" + ` (the Contributor Covenant, https://www.contributor-covenant.org, is widely
used) and fill in its contact: an address such as ` + "`conduct@your-org.org`" + ` or a link to a reporting form that
reaches the people who handle reports. When you adopt your foundation's or company's code by reference, say whom
to contact for this project too. GitHub also shows a code of conduct from the organisation's public ` + "`.github`" + `
repository;
ospolint counts it (judged like the repository's own, and marked inherited) in ` + "`ospolint org`" + ` and in
` + "`ospolint scan`" + ` of a GitHub repository with a token.`,
		Run: func(p *Pass) error {
			cands, p := communityDocs(p, docSearch{names: []string{"codeofconduct"}})
			if judgeDocs(p, cands, "code of conduct", false, judgeConduct) {
				return nil
			}
			if e, name, line, ok := adoptedElsewhere(p); ok {
				p.Report(Finding{Path: expectedPath("CODE_OF_CONDUCT.md"), Advisory: true, Key: "adopted-elsewhere",
					Message: fmt.Sprintf("no CODE_OF_CONDUCT file, but %s:%d adopts %s by link: reports go to the contact that code names; add CODE_OF_CONDUCT.md saying so, with a contact for this project", e.Path, line, name)})
			} else {
				p.Report(Finding{Path: expectedPath("CODE_OF_CONDUCT.md"), Key: "missing", Message: "no code of conduct: add CODE_OF_CONDUCT.md " + docPlaces + ", with a contact for reports"})
			}
			return nil
		},
	}
}

// judgeConduct reports what keeps a code of conduct from naming a contact.
func judgeConduct(p *Pass, e fileset.Entry, data []byte) {
	words := countWords(data)
	if words == 0 {
		p.Reportf(e.Path, 0, "code of conduct is empty: write it (or adopt the Contributor Covenant) and name a contact for reports")
		return
	}
	lines := docLines(data)
	holes := reportPlaceholders(p, e.Path, lines, "with an e-mail address or link that reaches the people who handle conduct reports")
	if len(holes) > 0 || hasContact(lines, holes, true, nil) {
		return
	}
	if name, line, ok := adoptedCode(lines, words); ok {
		p.Report(Finding{Path: e.Path, Line: line, Advisory: true, Key: "adopted",
			Message: "code of conduct adopts " + name + " by link and names no contact of its own: reports go to the contact that code names; make sure it acts for this project, or add your own"})
		return
	}
	p.Reportf(e.Path, 0, "code of conduct names no contact: add an e-mail address or a link (in a paragraph about reporting) for people to report unacceptable behaviour")
}

// adoptedCodes are codes of conduct that projects adopt by reference,
// recognised by where they are published.
func adoptedCodes() []struct {
	name string
	re   *regexp.Regexp
} {
	return []struct {
		name string
		re   *regexp.Regexp
	}{
		{"the CNCF Code of Conduct", reCNCF},
		{"the Contributor Covenant", reCovenant},
		{"the Apache Software Foundation Code of Conduct", reApache},
		{"the Linux Foundation Code of Conduct", reLF},
		{"the Python Software Foundation Code of Conduct", rePython},
		{"the Rust Code of Conduct", reRust},
		{"the Mozilla Community Participation Guidelines", reMozilla},
		{"the Go Code of Conduct", reGo},
		{"the Microsoft Open Source Code of Conduct", reMicrosoft},
		{"Google's Open Source Community Guidelines", reGoogle},
		{"the Eclipse Foundation Community Code of Conduct", reEclipse},
		{"the OpenJS Foundation Code of Conduct", reOpenJS},
		{"the GNOME Code of Conduct", reGNOME},
		{"the KDE Community Code of Conduct", reKDE},
		{"the Ubuntu Code of Conduct", reUbuntu},
		{"the Django Code of Conduct", reDjango},
		{"the NumFOCUS Code of Conduct", reNumFOCUS},
		{"the OpenInfra Foundation Code of Conduct", reOpenInfra},
		{"the Kubernetes Community Code of Conduct", reKubernetes},
		{"the organisation's code of conduct", reOrgCode},
	}
}

// adoptedElsewhere finds a code of conduct adopted by link in the README,
// the contributing guide or the governance document (which projects also
// keep in a top-level folder of their own: moby's project/GOVERNANCE.md),
// for a repository without a code of conduct file.
func adoptedElsewhere(p *Pass) (fileset.Entry, string, int, bool) {
	var es []fileset.Entry
	for _, c := range findDocs(p.Target, docSearch{names: []string{"readme", "contributing", "contribute", "governance"}}) {
		if !c.Loose {
			es = append(es, c.Entry)
		}
	}
	for _, e := range p.Target.Files() {
		if strings.Count(e.Path, "/") != 1 || slices.ContainsFunc(es, func(x fileset.Entry) bool { return x.Path == e.Path }) {
			continue
		}
		if stem, ok := normDocName(e.Name()); ok && stem == "governance" {
			es = append(es, e)
		}
	}
	for _, e := range es {
		if e.Escapes {
			continue
		}
		data, err := p.Target.ReadFile(e.Path)
		if err != nil {
			continue
		}
		// Always ask for an adopting sentence: these files are long.
		if name, line, ok := adoptedCode(docLines(data), adoptionWords+1); ok {
			return e, name, line, true
		}
	}
	return fileset.Entry{}, "", 0, false
}

// adoptedCode finds a known code adopted by link: the link in a paragraph
// that adopts it, or anywhere in a short statement (at most
// adoptionWords words). It returns the code's name and the paragraph's line.
func adoptedCode(lines []string, words int) (string, int, bool) {
	for _, pa := range paragraphs(lines, nil) {
		// Every code below is published at an address naming its
		// conduct, covenant or participation guidelines, and one adopted
		// in so many words is a "code of conduct": a paragraph with none
		// of those words adopts none (and costs no regexp).
		if !mentionsCode(pa.text) || words > adoptionWords && !adoptVerbs.MatchString(pa.text) {
			continue
		}
		for _, c := range adoptedCodes() {
			if c.re.MatchString(pa.text) {
				return c.name, pa.line, true
			}
		}
		// Another code, adopted in so many words: "we abide by a [Code of
		// Conduct](https://github.com/acme/code-of-conduct)".
		if adoptVerbs.MatchString(pa.text) && conductWords.MatchString(pa.text) {
			for _, u := range urlPattern.FindAllString(pa.text, -1) {
				if conductURL.MatchString(u) {
					return "the code of conduct at " + u, pa.line, true
				}
			}
		}
	}
	return "", 0, false
}

// mentionsCode reports whether s holds "conduct", "covenant" or
// "participation" in any case, as the patterns of adoptedCode need.
func mentionsCode(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "conduct") || strings.Contains(l, "covenant") || strings.Contains(l, "participation")
}

// adoptionWords is the longest code of conduct read as a statement adopting
// another code: prometheus's has 15 words; the shortest full codes have
// several hundred.
const adoptionWords = 120

var (
	adoptVerbs   = regexp.MustCompile(`(?i)\b(follow(s|ed|ing)?|adopt(s|ed|ing)?|abides?|abiding|governed|subscribes?|observes?|complies|comply|applies|apply|bound\s+by|uses|we\s+use|is\s+covered|are\s+covered|expected\s+to\s+(follow|respect|uphold|honou?r)|refers?\s+to|referred\s+to)\b`)
	conductWords = regexp.MustCompile(`(?i)\bcode\s+of\s+conduct\b`)
	conductURL   = regexp.MustCompile(`(?i)conduct`)
	reCNCF       = regexp.MustCompile(`(?i)github\.com/cncf/foundation/\S*code-of-conduct|cncf\.io/conduct`)
	reCovenant   = regexp.MustCompile(`(?i)contributor-covenant\.org`)
	reApache     = regexp.MustCompile(`(?i)apache\.org/foundation/policies/conduct`)
	reLF         = regexp.MustCompile(`(?i)(linuxfoundation\.org|lfprojects\.org)/\S*(code-of-conduct|conduct)`)
	rePython     = regexp.MustCompile(`(?i)python\.org/psf/(codeofconduct|conduct)|policies\.python\.org/python\.org/code-of-conduct`)
	reRust       = regexp.MustCompile(`(?i)rust-lang\.org/(policies/)?(code-of-conduct|conduct)`)
	reMozilla    = regexp.MustCompile(`(?i)mozilla\.org/\S*(participation|code-of-conduct)`)
	reGo         = regexp.MustCompile(`(?i)(go\.dev|golang\.org)/conduct`)
	reMicrosoft  = regexp.MustCompile(`(?i)opensource\.microsoft\.com/codeofconduct`)
	reGoogle     = regexp.MustCompile(`(?i)opensource\.google(\.com)?/conduct`)
	reEclipse    = regexp.MustCompile(`(?i)eclipse\.org/org/documents/community_code_of_conduct`)
	reOpenJS     = regexp.MustCompile(`(?i)openjsf\.org/\S*conduct|github\.com/openjs-foundation/\S*code_of_conduct`)
	reGNOME      = regexp.MustCompile(`(?i)conduct\.gnome\.org|gnome\.org/\S*codeofconduct`)
	reKDE        = regexp.MustCompile(`(?i)kde\.org/code-of-conduct`)
	reUbuntu     = regexp.MustCompile(`(?i)ubuntu\.com/community/(ethos/)?code-of-conduct`)
	reDjango     = regexp.MustCompile(`(?i)djangoproject\.com/conduct`)
	reNumFOCUS   = regexp.MustCompile(`(?i)numfocus\.org/code-of-conduct`)
	reOpenInfra  = regexp.MustCompile(`(?i)(openinfra\.dev|openstack\.org)/legal/\S*code-of-conduct`)
	reKubernetes = regexp.MustCompile(`(?i)git\.k8s\.io/community/code-of-conduct|github\.com/kubernetes/community/\S*code-of-conduct|kubernetes\.io/community/code-of-conduct`)
	reOrgCode    = regexp.MustCompile(`(?i)github\.com/[a-z0-9-]+/\.github/\S*code[-_]of[-_]conduct`)
)

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

// paragraph is a block of text lines, joined by spaces, and the line its
// first line has (1-based).
type paragraph struct {
	line int
	text string
}

// paragraphs groups lines (other than skip) into paragraphs: runs of
// non-blank lines. A Markdown heading and a line above a reStructuredText
// underline are paragraphs of their own, so that a heading about reporting
// leads to the paragraph below it.
func paragraphs(lines []string, skip map[int]bool) []paragraph {
	var out []paragraph
	var b strings.Builder
	start := 0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, paragraph{line: start + 1, text: b.String()})
			b.Reset()
		}
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || skip[i] {
			flush()
			continue
		}
		if isUnderline(t) {
			flush()
			continue
		}
		heading := strings.HasPrefix(t, "#") || i+1 < len(lines) && isUnderline(strings.TrimSpace(lines[i+1]))
		if heading {
			flush()
		}
		if b.Len() == 0 {
			start = i
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		if heading {
			flush()
		}
	}
	flush()
	return out
}

// isUnderline reports whether a trimmed line is a reStructuredText or
// Setext underline (or a Markdown rule): three or more of one punctuation
// character.
func isUnderline(t string) bool {
	if len(t) < 3 || !strings.ContainsRune("=-~^*+#\"'_", rune(t[0])) {
		return false
	}
	return strings.Count(t, t[:1]) == len(t)
}

// hasContact reports whether lines (other than skip) give a way to reach
// someone: an e-mail address or mailto: link anywhere, or, in a paragraph
// about reporting or contacting or the paragraph after one, a URL or
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
	ps := paragraphs(lines, skip)
	for i, pa := range ps {
		if emailPattern.MatchString(pa.text) || strings.Contains(strings.ToLower(pa.text), "mailto:") {
			return true
		}
		if !reportWords.MatchString(pa.text) {
			continue
		}
		if reachable(pa.text) || i+1 < len(ps) && reachable(ps[i+1].text) {
			return true
		}
	}
	return false
}
