// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"strings"
	"testing"
	"testing/fstest"
)

// REUSE-IgnoreStart

// bootloaderLayout is a repository laid out like u-boot: the community
// files live under doc/ in reStructuredText, review ownership is a
// Linux-style MAINTAINERS file, and there is no file at GitHub's places.
func bootloaderLayout() fstest.MapFS {
	return fstest.MapFS{
		"README": file("Widget boot loader\n\nThis is the boot loader for many boards; see doc/ for how to build, " +
			"configure and install it on your board, and read doc/CONTRIBUTE.rst for how to send changes.\n"),
		"COPYING":     file("GPL text\n"),
		"MAINTAINERS": file("Descriptions of section entries:\n\n\tM: Mail patches to: FullName <address@domain>\n\nWIDGET\nM:\tAda Maintainer <ada@widget.example>\nS:\tMaintained\nF:\tdrivers/widget/\n"),
		"doc/CONTRIBUTE.rst": file(`.. SPDX-License-Identifier: GPL-2.0+

Contributing
============

This page gives newcomers an overview of how changes reach the project, so that they can start quickly;
the rest of the documentation goes into the details.

Contributions
-------------

Changes are welcome. Send patches to the mailing list with git send-email and a Signed-off-by line, and
copy the maintainers that scripts/get_maintainer.pl names for the files you change.
`),
		"doc/develop/security.rst": file(`.. SPDX-License-Identifier: GPL-2.0+:

Handling of security problems
=============================

The project wants to hear about security bugs so that they are fixed and disclosed quickly.

Contact
-------

The first point of contact is an e-mail to ` + "`widget@lists.widget.example`" + ` with the relevant custodians in
copy. The release manager can also be reached at ` + "`release@widget.example`" + `.
`),
		"doc/develop/codingstyle.rst": file("Coding style\n============\n\nFollow the kernel style.\n"),
		"board/acme/MAINTAINERS":      file("ACME BOARD\nM:\tWile <wile@acme.example>\n"),
	}
}

// REUSE-IgnoreEnd

// Community files are found where projects keep them, not only where GitHub
// looks: u-boot's doc/CONTRIBUTE.rst and doc/develop/security.rst pass, and
// its MAINTAINERS file is weaker evidence of review ownership (a note).
func TestCommunityFilesInDocFolders(t *testing.T) {
	files := bootloaderLayout()
	for _, c := range []*Check{contributing(), securityPolicy(), readme()} {
		if got, _ := runCheck(t, c, files, nil); len(got) != 0 {
			t.Errorf("%s: findings %+v, want none", c.ID, got)
		}
	}
	got, _ := runCheck(t, codeownersCheck(), files, nil)
	if len(got) != 1 || !got[0].Advisory || got[0].Path != ".github/CODEOWNERS" || !strings.Contains(got[0].Message, "MAINTAINERS names the maintainers") {
		t.Errorf("codeowners: findings %+v, want one advisory note naming MAINTAINERS", got)
	}
	// u-boot says it has no code of conduct: that stays a finding.
	got, _ = runCheck(t, codeOfConduct(), files, nil)
	matchCommunityFindings(t, got, []wantFinding{{"CODE_OF_CONDUCT.md", 0, "no code of conduct: add CODE_OF_CONDUCT.md at the root, in .github/, docs/, doc/ or Documentation/"}})
}

func TestCommunityFilePlaces(t *testing.T) {
	const guide = "Fork the repository, create a branch, make your change with tests, run the test suite, and open a pull request; a maintainer reviews it within a week."
	const mail = "Report vulnerabilities privately to security@widget.example; we answer within three days."
	tests := []struct {
		name  string
		check *Check
		files fstest.MapFS
		want  []wantFinding
	}{
		{"HACKING at the root", contributing(), fstest.MapFS{"HACKING": file(guide)}, nil},
		{"contribute.md in Documentation", contributing(), fstest.MapFS{"Documentation/contribute.md": file(guide)}, nil},
		{"CONTRIBUTING in a docs sub-folder", contributing(), fstest.MapFS{"docs/dev/CONTRIBUTING.adoc": file(guide)}, nil},
		// moby keeps its guide as docs/contributing/README.md beside other pages.
		{"a folder for the guide", contributing(), fstest.MapFS{"docs/contributing/README.md": file(guide), "docs/contributing/test.md": file("tests")}, nil},
		{"upper-case DOC folder", contributing(), fstest.MapFS{"DOC/Contributing.txt": file(guide)}, nil},
		{
			"two folders below is too deep",
			contributing(), fstest.MapFS{"doc/a/b/CONTRIBUTING.md": file(guide)},
			[]wantFinding{{"CONTRIBUTING.md", 0, "no contributing guide"}},
		},
		{
			"a folder of the code is not a documentation folder",
			contributing(), fstest.MapFS{"lib/CONTRIBUTING.md": file(guide)},
			[]wantFinding{{"CONTRIBUTING.md", 0, "no contributing guide"}},
		},
		{
			"CONTRIBUTORS is a list of people, not a guide",
			contributing(), fstest.MapFS{"CONTRIBUTORS": file(guide)},
			[]wantFinding{{"CONTRIBUTING.md", 0, "no contributing guide"}},
		},
		{"a short pointer beside the guide", contributing(), fstest.MapFS{"CONTRIBUTING.md": file("See docs."), "docs/CONTRIBUTING.md": file(guide)}, nil},
		{
			"a short guide is reported where it is",
			contributing(), fstest.MapFS{"doc/CONTRIBUTE.rst": file("Send patches.")},
			[]wantFinding{{"doc/CONTRIBUTE.rst", 1, "contributing guide is almost empty (2 words"}},
		},
		{"security-bugs in a Documentation folder", securityPolicy(), fstest.MapFS{"Documentation/process/security-bugs.rst": file(mail)}, nil},
		{
			"a page about security features is not a policy",
			securityPolicy(), fstest.MapFS{"docs/security-hardening.md": file("Enable the sandbox and drop privileges.")},
			[]wantFinding{{"SECURITY.md", 0, "no security policy: add SECURITY.md at the root, in .github/, docs/, doc/ or Documentation/"}},
		},
		{
			"an exact name without a channel is judged",
			securityPolicy(), fstest.MapFS{"doc/develop/security.rst": file("Security\n========\n\nTell us about problems.\n")},
			[]wantFinding{{"doc/develop/security.rst", 0, "security.rst has no reporting channel"}},
		},
		{
			// Paths sort docs/ before security.md and Documentation/ before
			// SECURITY.md; precedence puts the root first.
			"when none passes, the root policy is judged before docs/",
			securityPolicy(), fstest.MapFS{"security.md": file("Tell us."), "docs/security.md": file("Tell us too.")},
			[]wantFinding{{"security.md", 0, "security.md has no reporting channel"}},
		},
		{
			"when none passes, docs/ is judged before a sub-folder",
			contributing(), fstest.MapFS{"doc/contributing/README.md": file("Send patches."), "docs/CONTRIBUTING.md": file("Open pull requests.")},
			[]wantFinding{{"docs/CONTRIBUTING.md", 1, "contributing guide is almost empty (3 words"}},
		},
		{"one of two policies with a channel", securityPolicy(), fstest.MapFS{"SECURITY.md": file("See the docs."), "doc/security.md": file(mail)}, nil},
		{"code of conduct with dashes in doc", codeOfConduct(), fstest.MapFS{"doc/code-of-conduct.rst": file("Be kind. Report problems to conduct@widget.example.")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, tt.check, tt.files, nil)
			matchCommunityFindings(t, got, tt.want)
		})
	}
}

// Contacts are read by paragraph: prometheus's SECURITY.md wraps "how to
// report vulnerabilities, can be found here:" before the link, in the
// paragraph below.
func TestContactsReadByParagraph(t *testing.T) {
	tests := []struct {
		name  string
		check *Check
		text  string
		want  []wantFinding
	}{
		{"policy link in the paragraph after", securityPolicy(), `# Reporting a security issue

The Widget security policy, including how to report vulnerabilities, can be
found here:

[https://widget.example/docs/operating/security/](https://widget.example/docs/operating/security/)
`, nil},
		{"report wrapped before the address", securityPolicy(), "Please send a\nreport of any vulnerability to\nthe team at https://widget.example/security-form\n", nil},
		{"private reporting wrapped", securityPolicy(), "We use GitHub private\nvulnerability reporting for this repository.\n", nil},
		{
			"a link two paragraphs down does not count",
			securityPolicy(), "How to report a vulnerability:\n\nWe are a small team.\n\nhttps://widget.example/about\n",
			[]wantFinding{{"", 0, "has no reporting channel"}},
		},
		{"rst heading about reporting", codeOfConduct(), "Reporting\n---------\n\nUse https://widget.example/conduct-form for any incident.\n", nil},
		{
			"a link in a paragraph about something else",
			codeOfConduct(), "Be kind to each other.\n\nOur website is https://widget.example.\n",
			[]wantFinding{{"", 0, "names no contact"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := map[string]string{"security-policy": "SECURITY.md", "code-of-conduct": "CODE_OF_CONDUCT.md"}[tt.check.ID]
			want := tt.want
			for i := range want {
				want[i].Path = name
			}
			got, _ := runCheck(t, tt.check, fstest.MapFS{name: file(tt.text)}, nil)
			matchCommunityFindings(t, got, want)
		})
	}
}

// A code of conduct that adopts a known code by link passes with a note
// that reports go to the adopted code's contact; it is never an error.
func TestConductAdoptedByLink(t *testing.T) {
	tests := []struct {
		name string
		text string
		code string // "" when the check must fail
	}{
		{"CNCF, as prometheus writes it", "# Widget Community Code of Conduct\n\nWidget follows the [CNCF Code of Conduct](https://github.com/cncf/foundation/blob/main/code-of-conduct.md).\n", "the CNCF Code of Conduct"},
		{"Contributor Covenant by URL", "This project has adopted the Contributor Covenant, version 2.1:\nhttps://www.contributor-covenant.org/version/2/1/code_of_conduct/\n", "the Contributor Covenant"},
		{"Apache", "All participants abide by the [ASF code of conduct](https://www.apache.org/foundation/policies/conduct.html).", "the Apache Software Foundation Code of Conduct"},
		{"Linux Foundation", "This project is governed by the [LF Projects code of conduct](https://lfprojects.org/policies/code-of-conduct/).", "the Linux Foundation Code of Conduct"},
		{"Python", "Everyone interacting in the project's spaces is expected to follow the [PSF Code of Conduct](https://policies.python.org/python.org/code-of-conduct/).", "the Python Software Foundation Code of Conduct"},
		{"Rust", "We follow the [Rust Code of Conduct](https://www.rust-lang.org/policies/code-of-conduct).", "the Rust Code of Conduct"},
		{"Mozilla", "This repository is governed by Mozilla's code of conduct and etiquette guidelines. For more details, please read the [Mozilla Community Participation Guidelines](https://www.mozilla.org/about/governance/policies/participation/).", "the Mozilla Community Participation Guidelines"},
		{"the organisation's .github code", "The Widget project follows the [Widget Code of Conduct](https://github.com/widget-org/.github/blob/main/CODE_OF_CONDUCT.md).", "the organisation's code of conduct"},
		{"another code adopted in so many words", "As a community project we abide by a [Code of Conduct](https://github.com/acme/code-of-conduct).", "the code of conduct at https://github.com/acme/code-of-conduct"},
		// Every Kubernetes and kubernetes-sigs repository carries this file.
		{"Kubernetes, as its repositories write it", "# Kubernetes Community Code of Conduct\n\nPlease refer to our [Kubernetes Community Code of Conduct](https://git.k8s.io/community/code-of-conduct.md)\n", "the Kubernetes Community Code of Conduct"},
		{"another code referred to", "Please refer to our [Code of Conduct](https://widget.example/community/code-of-conduct.md).", "the code of conduct at https://widget.example/community/code-of-conduct.md"},
		{"a statement naming an unknown code", "We follow the [Acme Code](https://acme.example/code).", ""},
		{"a covenant copy that only credits it", longCovenantCopy(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, codeOfConduct(), fstest.MapFS{"CODE_OF_CONDUCT.md": file(tt.text)}, nil)
			if tt.code == "" {
				if len(got) != 1 || got[0].Advisory || !strings.Contains(got[0].Message, "names no contact") {
					t.Errorf("findings %+v, want the no-contact failure", got)
				}
				return
			}
			if len(got) != 1 || !got[0].Advisory || !strings.Contains(got[0].Message, "adopts "+tt.code+" by link") {
				t.Errorf("findings %+v, want one advisory note naming %s", got, tt.code)
			}
		})
	}
	// A contact of its own beside the link: no note at all.
	got, _ := runCheck(t, codeOfConduct(), fstest.MapFS{"CODE_OF_CONDUCT.md": file("We follow the [CNCF Code of Conduct](https://github.com/cncf/foundation/blob/main/code-of-conduct.md). Report incidents to conduct@widget.example.")}, nil)
	if len(got) != 0 {
		t.Errorf("findings %+v, want none", got)
	}
}

// A repository without a code of conduct file whose README or contributing
// guide adopts a known code by link gets the same note, at the expected
// path; a mere mention of a code of conduct is still a missing file.
func TestConductAdoptedInReadme(t *testing.T) {
	readmeText := "# Widget\n\nWidget scans repositories.\n\n## Code of conduct\n\nThis project follows the\n[CNCF Code of Conduct](https://github.com/cncf/foundation/blob/main/code-of-conduct.md).\n"
	got, _ := runCheck(t, codeOfConduct(), fstest.MapFS{"README.md": file(readmeText)}, nil)
	if len(got) != 1 || !got[0].Advisory || got[0].Path != "CODE_OF_CONDUCT.md" || !strings.Contains(got[0].Message, "README.md:7 adopts the CNCF Code of Conduct by link") {
		t.Errorf("findings %+v, want one advisory note naming README.md:7", got)
	}
	// moby keeps its governance in project/; it abides by its company's code.
	gov := "# Governance\n\nAs a community project, we abide by a [Code of Conduct](https://github.com/acme/code-of-conduct)\nand define a governance open to anyone.\n"
	got, _ = runCheck(t, codeOfConduct(), fstest.MapFS{"project/GOVERNANCE.md": file(gov)}, nil)
	if len(got) != 1 || !got[0].Advisory || !strings.Contains(got[0].Message, "project/GOVERNANCE.md:3 adopts the code of conduct at https://github.com/acme/code-of-conduct by link") {
		t.Errorf("findings %+v, want one advisory note naming project/GOVERNANCE.md:3", got)
	}
	got, _ = runCheck(t, codeOfConduct(), fstest.MapFS{"CONTRIBUTING.md": file("Be nice: see our code of conduct.\n")}, nil)
	matchCommunityFindings(t, got, []wantFinding{{"CODE_OF_CONDUCT.md", 0, "no code of conduct"}})
}

// longCovenantCopy is a full code of conduct, long enough not to be a
// statement, whose enforcement section lost its contact and whose only link
// credits the Contributor Covenant.
func longCovenantCopy() string {
	return string(conduct("Community leaders will act on reports of unacceptable behaviour.").Data)
}

// A README, contributing guide or code of conduct in a script written
// without spaces is counted per character or syllable run, not per space.
func TestWordsInScriptsWithoutSpaces(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Widget is a small tool", 5},
		{"这是一个用于检查开源项目治理文件的工具", 19},
		{"Go语言", 3},
		{"これはテストです。", 8},
		{"ツールー", 2},
		{"สวัสดีครับ", 3},   // 7 letters besides vowel signs and tone marks
		{"위젯은 작은 도구입니다", 3}, // Korean separates words with spaces
		{"[![build](https://ci.example/badge.svg)](https://ci.example)", 0},
		{"— 2026 …", 0},
	}
	for _, tt := range tests {
		if got := countWords([]byte(tt.text)); got != tt.want {
			t.Errorf("countWords(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	// A Chinese README of about 100 characters is not trivial.
	readmeZH := "# 小部件\n\n小部件是一个用于扫描代码仓库治理文件的命令行工具。它检查许可证、贡献指南、行为准则和安全策略，" +
		"并把结果写成文本、JSON 或 SARIF 格式。安装后在仓库根目录运行扫描命令即可，详细用法请阅读文档目录中的说明。\n"
	if got, _ := runCheck(t, readme(), fstest.MapFS{"README.md": file(readmeZH)}, nil); len(got) != 0 {
		t.Errorf("Chinese README: findings %+v, want none", got)
	}
	got, _ := runCheck(t, readme(), fstest.MapFS{"README.md": file("# 小部件\n\n工具。\n")}, nil)
	matchCommunityFindings(t, got, []wantFinding{{"README.md", 1, "README is trivial (5 words"}})
}

// MAINTAINERS and OWNERS are weaker evidence than CODEOWNERS: a note that
// lets the check pass, and only when the file names someone.
func TestCodeownersFallsBackToMaintainers(t *testing.T) {
	tests := []struct {
		name     string
		files    fstest.MapFS
		advisory string // the file the note names; "" for the warning
	}{
		{"MAINTAINERS.md", fstest.MapFS{"MAINTAINERS.md": file("* Ada (@ada)\n")}, "MAINTAINERS.md"},
		{"Kubernetes OWNERS", fstest.MapFS{"OWNERS": file("approvers:\n- ada\nreviewers:\n- bob\n")}, "OWNERS"},
		{"maintainers in docs", fstest.MapFS{"docs/maintainers.txt": file("Ada <ada@widget.example>\n")}, "docs/maintainers.txt"},
		{"an empty MAINTAINERS", fstest.MapFS{"MAINTAINERS": file("\n")}, ""},
		{"MAINTAINERS of one board only", fstest.MapFS{"board/acme/MAINTAINERS": file("Ada\n")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, codeownersCheck(), tt.files, nil)
			if len(got) != 1 {
				t.Fatalf("findings %+v, want one", got)
			}
			if tt.advisory == "" {
				if got[0].Advisory || !strings.HasPrefix(got[0].Message, "no CODEOWNERS file: add") {
					t.Errorf("finding %+v, want the missing-file warning", got[0])
				}
				return
			}
			if !got[0].Advisory || !strings.Contains(got[0].Message, tt.advisory+" names the maintainers") {
				t.Errorf("finding %+v, want an advisory note naming %s", got[0], tt.advisory)
			}
		})
	}
	// A CODEOWNERS file decides; MAINTAINERS beside it changes nothing.
	if got, _ := runCheck(t, codeownersCheck(), fstest.MapFS{".github/CODEOWNERS": file(validOwners), "MAINTAINERS": file("Ada\n")}, nil); len(got) != 0 {
		t.Errorf("findings %+v, want none", got)
	}
}
