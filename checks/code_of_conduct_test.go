// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// wantFinding is what a community-file test expects: the exact path and line,
// and a part of the message.
type wantFinding struct {
	Path string
	Line int
	Msg  string
}

// matchCommunityFindings fails the test unless got and want agree one for one.
func matchCommunityFindings(t *testing.T, got []Finding, want []wantFinding) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = got[i].Path == want[i].Path && got[i].Line == want[i].Line && strings.Contains(got[i].Message, want[i].Msg)
	}
	if !ok {
		var b strings.Builder
		for _, f := range got {
			fmt.Fprintf(&b, "\n  %s:%d: %s", f.Path, f.Line, f.Message)
		}
		t.Errorf("findings:%s\nwant: %+v", b.String(), want)
	}
}

// escapingLink is a symbolic link pointing outside the repository.
func escapingLink() *fstest.MapFile {
	return &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("../../etc/passwd")}
}

// conduct is a code of conduct in the style of the Contributor Covenant, with
// the enforcement paragraph given.
func conduct(enforcement string) *fstest.MapFile {
	return file(`# Contributor Code of Conduct

## Our commitment

We, the maintainers and contributors of Widget, commit to making participation in this project a
harassment-free experience for everyone, whatever their age, body size, visible or invisible disability,
ethnicity, sex characteristics, gender identity and expression, level of experience, education,
nationality, personal appearance, race, religion, or sexual identity and orientation.

## Expected behaviour

- Be kind and patient with others, and assume good intent.
- Give and accept constructive feedback gracefully.
- Focus on what is best for the community as a whole.

## Unacceptable behaviour

- Sexualised language or imagery, and unwelcome advances.
- Insults, trolling, and personal or political attacks.
- Publishing others' private information without their explicit permission.

## Enforcement

` + enforcement + `

Maintainers will review every report promptly and keep the identity of the reporter confidential.

## Attribution

This text draws on the Contributor Covenant, version 2.1, available at
https://www.contributor-covenant.org/version/2/1/code_of_conduct.html.
`)
}

// enforcementLine is the line number of the enforcement paragraph in conduct.
const enforcementLine = 24

func TestCodeOfConduct(t *testing.T) {
	const filled = "Report unacceptable behaviour to the maintainers at conduct@widget-project.org."
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []wantFinding
	}{
		{"root with e-mail", fstest.MapFS{"CODE_OF_CONDUCT.md": conduct(filled)}, nil},
		{"docs lower case", fstest.MapFS{"docs/code_of_conduct.md": conduct(filled)}, nil},
		{".github rst", fstest.MapFS{".github/Code_Of_Conduct.rst": conduct(filled)}, nil},
		{"no extension", fstest.MapFS{"CODE_OF_CONDUCT": conduct(filled)}, nil},
		{"mailto link", fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("Write to [the moderators](mailto:moderators@widget-project.org).")}, nil},
		{"form URL on a reporting line", fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("Report incidents through our form: https://widget-project.org/conduct/report")}, nil},
		{"URL on the line after", fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("To report an incident, use the moderation form:\n\n<https://forms.widget-project.org/conduct>")}, nil},
		{"relative link", fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("Report incidents to [the moderators](MODERATORS.md).")}, nil},
		{
			"anchor link is not a contact",
			fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("Reports are handled as described [below](#attribution).")},
			[]wantFinding{{"CODE_OF_CONDUCT.md", 0, "names no contact"}},
		},
		{"team handle", fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("Contact @widget-org/moderators on the project chat to report an incident.")}, nil},
		{
			"unfilled covenant placeholder",
			fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("Instances of abusive or harassing behaviour may be reported to the maintainers at [INSERT CONTACT METHOD].")},
			[]wantFinding{{"CODE_OF_CONDUCT.md", enforcementLine, "unfilled template placeholder [INSERT CONTACT METHOD]"}},
		},
		{
			"unfilled placeholder beside a filled contact",
			fstest.MapFS{"CODE_OF_CONDUCT.md": conduct(filled + "\nAppeals go to [INSERT EMAIL ADDRESS].")},
			[]wantFinding{{"CODE_OF_CONDUCT.md", enforcementLine + 1, "[INSERT EMAIL ADDRESS]"}},
		},
		{
			"upper-case placeholder",
			fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("Report incidents to [PROJECT CONTACT EMAIL].")},
			[]wantFinding{{"CODE_OF_CONDUCT.md", enforcementLine, "[PROJECT CONTACT EMAIL]"}},
		},
		{
			"bracketed words in lower case are not placeholders",
			fstest.MapFS{"CODE_OF_CONDUCT.md": conduct(filled + "\nWe [contact] reporters within two days.")},
			nil,
		},
		{
			"markdown link is not a placeholder",
			fstest.MapFS{"CODE_OF_CONDUCT.md": conduct(filled + "\nSee [your rights](https://widget-project.org/rights).")},
			nil,
		},
		{
			"no contact: only the attribution link",
			fstest.MapFS{"CODE_OF_CONDUCT.md": conduct("Maintainers decide what happens when someone breaks these rules.")},
			[]wantFinding{{"CODE_OF_CONDUCT.md", 0, "code of conduct names no contact"}},
		},
		{
			"empty",
			fstest.MapFS{"CODE_OF_CONDUCT.md": file("\n\n")},
			[]wantFinding{{"CODE_OF_CONDUCT.md", 0, "code of conduct is empty"}},
		},
		{
			"binary junk",
			fstest.MapFS{"CODE_OF_CONDUCT.md": file("\x00\xff\xfe conduct \x89PNG")},
			[]wantFinding{{"CODE_OF_CONDUCT.md", 0, "names no contact"}},
		},
		{
			"missing",
			fstest.MapFS{"README.md": file("# Widget"), "docs/conduct.md": conduct(filled)},
			[]wantFinding{{"CODE_OF_CONDUCT.md", 0, "no code of conduct"}},
		},
		{
			"in an unsupported directory",
			fstest.MapFS{"community/CODE_OF_CONDUCT.md": conduct(filled)},
			[]wantFinding{{"CODE_OF_CONDUCT.md", 0, "no code of conduct"}},
		},
		{
			"symlink out of the repository",
			fstest.MapFS{"CODE_OF_CONDUCT.md": escapingLink()},
			[]wantFinding{{"CODE_OF_CONDUCT.md", 0, "symbolic link that leaves the repository"}},
		},
		{
			"escaping link ignored when another copy is readable",
			fstest.MapFS{".github/CODE_OF_CONDUCT.md": escapingLink(), "CODE_OF_CONDUCT.md": conduct(filled)},
			nil,
		},
		{
			"symlink inside the repository",
			fstest.MapFS{"CODE_OF_CONDUCT.md": &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("docs/conduct.md")}, "docs/conduct.md": conduct(filled)},
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, codeOfConduct(), tt.files, nil)
			matchCommunityFindings(t, got, tt.want)
		})
	}
}

// TestAdoptedCodeEveryAddress: each known code is found from its address in
// a paragraph that adopts it, whatever the case (the word prefilter of
// adoptedCode must let every one through), and a paragraph naming none of
// conduct, covenant or participation adopts nothing.
func TestAdoptedCodeEveryAddress(t *testing.T) {
	t.Parallel()
	addrs := map[string]string{
		"the CNCF Code of Conduct":                         "https://github.com/cncf/foundation/blob/main/code-of-conduct.md",
		"the Contributor Covenant":                         "https://www.contributor-covenant.org/version/2/1/",
		"the Apache Software Foundation Code of Conduct":   "https://www.apache.org/foundation/policies/conduct.html",
		"the Linux Foundation Code of Conduct":             "https://www.linuxfoundation.org/code-of-conduct/",
		"the Python Software Foundation Code of Conduct":   "https://www.python.org/psf/conduct/",
		"the Rust Code of Conduct":                         "https://www.rust-lang.org/policies/code-of-conduct",
		"the Mozilla Community Participation Guidelines":   "https://www.mozilla.org/about/governance/policies/participation/",
		"the Go Code of Conduct":                           "https://go.dev/conduct",
		"the Microsoft Open Source Code of Conduct":        "https://opensource.microsoft.com/codeofconduct/",
		"Google's Open Source Community Guidelines":        "https://opensource.google/conduct/",
		"the Eclipse Foundation Community Code of Conduct": "https://www.eclipse.org/org/documents/Community_Code_of_Conduct.php",
		"the OpenJS Foundation Code of Conduct":            "https://code-of-conduct.openjsf.org/conduct",
		"the GNOME Code of Conduct":                        "https://conduct.gnome.org/",
		"the Kubernetes Community Code of Conduct":         "https://git.k8s.io/community/code-of-conduct.md",
		"the KDE Community Code of Conduct":                "https://kde.org/code-of-conduct/",
		"the Ubuntu Code of Conduct":                       "https://ubuntu.com/community/ethos/code-of-conduct",
		"the Django Code of Conduct":                       "https://www.djangoproject.com/conduct/",
		"the NumFOCUS Code of Conduct":                     "https://numfocus.org/code-of-conduct",
		"the OpenInfra Foundation Code of Conduct":         "https://openinfra.dev/legal/code-of-conduct",
		"the organisation's code of conduct":               "https://github.com/acme/.github/blob/main/CODE_OF_CONDUCT.md",
	}
	if len(addrs) != len(adoptedCodes()) {
		t.Fatalf("%d addresses for %d codes: add the new code's", len(addrs), len(adoptedCodes()))
	}
	for name, addr := range addrs {
		for _, a := range []string{addr, strings.ToUpper(addr)} {
			got, _, ok := adoptedCode([]string{"This project follows", a}, 500)
			if !ok || got != name {
				t.Errorf("%s: got %q, %v; want %q", a, got, ok, name)
			}
		}
	}
	if got, _, ok := adoptedCode([]string{"We follow https://example.org/rules for behaviour."}, 500); ok {
		t.Errorf("a paragraph naming no code adopted %q", got)
	}
}
