// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

func listText(t *testing.T, id string) string {
	t.Helper()
	text, ok := spdxlist.Text(id)
	if !ok {
		t.Fatalf("%s: no text", id)
	}
	return text
}

// TestTracedForms covers the causes traced in the issue, one case each:
// the GNU appendix and the Creative Commons notices in Markdown, the CC0
// sentence that CC-BY-4.0's older legal code lacks, titles holding flag
// words, the LGPL-3.0 with the GPL-3.0 in one file.
func TestTracedForms(t *testing.T) {
	t.Parallel()
	gpl := listText(t, "GPL-3.0-only")
	// gnu.org's Markdown: headings on the closing line and the appendix,
	// the sample notices indented, angle brackets as entities.
	gplMD := regexp.MustCompile(`(?m)^(TERMS AND CONDITIONS|END OF TERMS AND CONDITIONS|How to Apply These Terms to Your New Programs|Preamble)$`).
		ReplaceAllString(gpl, "### $1")
	gplMD = strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(gplMD)
	gplMD = regexp.MustCompile(`(?m)^(This program|You should|<|&lt;)`).ReplaceAllString(gplMD, "    $1")
	ccby := listText(t, "CC-BY-4.0")
	const cc0 = "The text of the Creative Commons public licenses is dedicated to the public domain under the CC0 Public Domain Dedication. "
	trailer := strings.Index(ccby, "Creative Commons is not a party")
	lgpl := listText(t, "LGPL-3.0-only")
	for _, c := range []struct {
		name, file, text, want string
	}{
		{"GPL-3.0 in gnu.org Markdown", "LICENSE.md", gplMD, "GPL-3.0-only"},
		{"GPL-3.0 in Markdown, a restriction in the appendix", "LICENSE.md",
			strings.Replace(gplMD, "Also add information on how to contact you", "You may not use this program commercially. Also add information on how to contact you", 1), NoAssertion},
		{"CC-BY-4.0 without the CC0 sentence (reuse download)", "LICENSES/CC-BY-4.0.txt", strings.Replace(ccby, cc0, "", 1), "CC-BY-4.0"},
		{"CC-BY-4.0 with the CC0 sentence", "LICENSE", ccby, "CC-BY-4.0"},
		{"CC-BY-4.0 with its closing notice in bold", "LICENSE.md", ccby[:trailer] + "**" + strings.TrimSpace(ccby[trailer:]) + "**\n", "CC-BY-4.0"},
		{"CC-BY-4.0, a restriction in the closing notice", "LICENSE",
			strings.Replace(ccby, "Creative Commons may be contacted", "The licensed material may not be used for commercial purposes. Creative Commons may be contacted", 1), NoAssertion},
		{"CC-BY-NC-SA-4.0 under its own title", "LICENSE", listText(t, "CC-BY-NC-SA-4.0"), "CC-BY-NC-SA-4.0"},
		{"CC-BY-SA-3.0-IGO under its own title", "LICENSE", listText(t, "CC-BY-SA-3.0-IGO"), "CC-BY-SA-3.0-IGO"},
		{"NLOD-2.0 under its own title", "LICENSE", listText(t, "NLOD-2.0"), "NLOD-2.0"},
		{"LGPL-3.0 with the GPL-3.0 appended", "COPYING.LESSER", lgpl + "\n\n" + gpl, "LGPL-3.0-only"},
	} {
		got := classifyOne(c.file, []byte(c.text))
		if got.Expression != c.want {
			t.Errorf("%s: got %s (%s), want %s", c.name, got.Expression, got.Note, c.want)
		}
	}
}
