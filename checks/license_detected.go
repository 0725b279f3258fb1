// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/licpolicy"
)

func licenseDetected() *Check {
	return &Check{
		ID:         "license-detected",
		Title:      "Licence text not identified",
		Summary:    "Every licence file is identified as a known licence, reported as an SPDX expression.",
		Activities: []string{"GGI-A-21"},
		Level:      Warning,
		Needs:      NeedFiles,
		Help: `ospolint classifies every licence file (licensecheck, then the SPDX License List) and reports the project
licence as an SPDX expression (` + "`facts.license`" + ` in JSON) with a confidence: the share of the text covered by
the matched licence. Several licence files give ` + "`A AND B`" + `. A text that is modified, truncated or unknown
gives ` + "`NOASSERTION`" + ` and a finding here: ospolint never claims the base licence for a changed text.
Each licence file in the JSON report carries the licences matched in it with their byte ranges; the SARIF run
carries the same under ` + "`properties.licenseFiles`" + `.

**The project licence is the root licence.** A licence file at the root (` + "`LICENSE`, `COPYING`, ..." + `) decides the
project's expression. The texts in a licences folder (REUSE's ` + "`LICENSES/`" + `, u-boot's ` + "`Licenses/`" + `) are the
licences of individual files: they are listed, and one that is not identified is a note, not a warning. Only when
the root has no licence file do they make the project's expression, each by what it is identified as or, in
` + "`LICENSES/`" + `, by the identifier its file name gives. A file there that holds no licence text (a README, a note
on exceptions, a file that only names licences) never counts.

**A licence pointer is not a licence text.** A licence file holding only the licence's name (` + "`MIT`" + `,
"Licensed under the MIT License.", an SPDX tag) or only its notice ("Licensed under the Apache License, Version
2.0 ...", the GPL's "This program is free software ...") is reported with the licence it names, at the confidence
of a statement (70%) for a name, and with a warning: GGI-A-21 wants the licence text itself to ship with the code.
No warning when other licence files hold the texts it names (ripgrep's ` + "`COPYING`" + ` saying "dual-licensed under the
Unlicense and MIT licenses" beside ` + "`LICENSE-MIT`" + ` and ` + "`UNLICENSE`" + `); the statement then says how they combine.

Markdown or HTML formatting, CRLF line ends, a byte-order mark and copyright lines above the text do not change the
result. ospolint knows every licence of the SPDX License List (shipped with it, no network needed). For a text it does
not identify, the finding names the closest licence on the list, the share of their words in common and the first
place where they differ (` + "`properties.closest`" + `), so you see at once whether the file is a modified licence or
another one. A text that differs from a licence only by a few articles or demonstratives ("the" for "this", an
article more) is a near miss: it is reported as that licence, with a note listing the words; a changed pronoun,
preposition, number or negation is not. A GNU licence text (GPL, LGPL, AGPL) names no variant by itself: ospolint
reports ` + "`-only`" + ` unless
the README, the licence file itself or a package manifest says "or (at your option) any later version" (or gives a
` + "`-or-later`" + ` id), then ` + "`-or-later`" + `; the file's ` + "`note`" + ` says which evidence decided.

**Why (GGI-A-21, Manage legal compliance):** an unidentified licence cannot be checked against a policy, cannot go
into an SBOM, and usually means custom terms that a lawyer must read.

**Fix:** use the unmodified text of a licence from the SPDX list (https://spdx.org/licenses/). Keep extra terms
(exceptions, notices) in separate files (` + "`NOTICE`" + `, a REUSE ` + "`LICENSES/`" + ` entry with a
` + "`LicenseRef-`" + ` id) so the main text stays recognisable.`,
		Run: func(p *Pass) error {
			res := p.Target.License()
			if len(res.Files) == 0 {
				p.NotApplicable("no licence file")
				return nil
			}
			root := rootLicence(res.Files)
			for _, f := range res.Files {
				props := map[string]any{"expression": f.Expression, "confidence": round2(f.Confidence)}
				if len(f.Matches) > 0 {
					// The licences seen in the text, with their byte ranges.
					props["matches"] = f.Matches
				}
				if f.Note != "" {
					props["note"] = f.Note
				}
				if f.Closest != nil {
					props["closest"] = f.Closest
				}
				if license.InLicenceFolder(f.Path) {
					reportFolderText(p, f, root, props)
					continue
				}
				switch {
				case f.Error != "":
					p.Report(Finding{Path: f.Path, Message: fmt.Sprintf("licence file not classified: %s", f.Error), Key: "unreadable", Properties: props})
				case f.Expression == license.NoAssertion && len(f.Matches) > 0:
					p.Report(Finding{Path: f.Path, Line: 1, Key: "modified", Message: resembles(f) + closest(f) + "; reported as NOASSERTION", Properties: props})
				case f.Expression == license.NoAssertion:
					p.Report(Finding{Path: f.Path, Line: 1, Key: "unknown", Message: "licence text not identified as any known licence" + closest(f) + "; reported as NOASSERTION", Properties: props})
				case license.TextMissing(f):
					missing := textsMissing(f, res.Files)
					if len(missing) == 0 {
						continue // the texts it names are in the other licence files
					}
					msg := fmt.Sprintf("%s names %s but does not hold its text: ship the full licence text with the code (https://spdx.org/licenses/ has it), keeping this line above it if you like", f.Path, f.Expression)
					if len(missing) < len(licenceTerms(f.Expression)) {
						msg = fmt.Sprintf("%s names %s but no licence file holds the text of %s: add it beside the others (https://spdx.org/licenses/ has it)", f.Path, f.Expression, strings.Join(missing, " and "))
					}
					p.Report(Finding{Path: f.Path, Line: 1, Key: "pointer", Properties: props, Message: msg})
				}
			}
			return nil
		},
	}
}

// licenceTerms are the licences an expression names, without their
// "only"/"or later" variants (a licence text says neither).
func licenceTerms(expr string) []licpolicy.Term {
	e, err := licpolicy.ParseAny(expr)
	if err != nil {
		return nil
	}
	return e.WithoutVariants().Terms()
}

// textsMissing lists the licences a licence file names without holding
// their text (see license.TextMissing) that no other licence file holds
// either. A statement such as "This project is dual-licensed under the
// Unlicense and MIT licenses" in COPYING, beside LICENSE-MIT and UNLICENSE,
// ships every text it names.
func textsMissing(f license.File, files []license.File) []string {
	named := licenceTerms(f.Expression)
	if len(named) == 0 {
		return []string{f.Expression}
	}
	var held []licpolicy.Term
	for _, g := range files {
		if g.Path == f.Path || g.Error != "" || g.Expression == license.NoAssertion || license.TextMissing(g) {
			continue
		}
		held = append(held, licenceTerms(g.Expression)...)
	}
	var missing []string
	for _, t := range named {
		if !licpolicy.Covers([]licpolicy.Term{t}, held) {
			missing = append(missing, t.String())
		}
	}
	return missing
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// rootLicence names the root licence files that decide the project's
// licence, for messages about the per-file texts of a licences folder; ""
// when the folder decides.
func rootLicence(files []license.File) string {
	var names []string
	for _, f := range files {
		if !license.InLicenceFolder(f.Path) {
			names = append(names, f.Path)
		}
	}
	return strings.Join(names, " and ")
}

// reportFolderText reports, as advisory notes, what is wrong with one text
// of a licences folder: these texts are the licences of individual files,
// not the project's. Files that hold no licence text (a README, a note on
// exceptions) are not reported.
func reportFolderText(p *Pass, f license.File, root string, props map[string]any) {
	if license.NotLicenceText(f) {
		return
	}
	decides := "the licence of the files that name it"
	if root != "" {
		decides += "; the project licence is " + root + "'s"
	}
	var msg, key string
	switch {
	case f.Error != "":
		msg, key = fmt.Sprintf("licence text not classified: %s (%s)", f.Error, decides), "unreadable"
	case f.Expression == license.NoAssertion && len(f.Matches) > 0:
		msg, key = fmt.Sprintf("%s%s (%s)", resembles(f), closest(f), decides), "modified"
	case f.Expression == license.NoAssertion:
		msg, key = fmt.Sprintf("licence text not identified as any licence on the SPDX list%s (%s); name it with a LicenseRef- identifier if it is a custom licence", closest(f), decides), "unknown"
	case license.TextMissing(f):
		msg, key = fmt.Sprintf("%s names %s but does not hold its text: put the full licence text here", f.Path, f.Expression), "pointer"
	default:
		return
	}
	p.Report(Finding{Path: f.Path, Line: 1, Key: key, Advisory: true, Message: msg, Properties: props})
}

// closest names the licence of the SPDX list a text not identified is
// nearest to and where they first differ, "" when none is near.
func closest(f license.File) string {
	if f.Closest == nil {
		return ""
	}
	return "; " + f.Closest.Describe()
}

// resembles says which licences a text not identified holds in part.
func resembles(f license.File) string {
	var ids []string
	for _, m := range f.Matches {
		if !slices.Contains(ids, m.ID) {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) == 1 {
		return fmt.Sprintf("licence text resembles %s but only %.0f%% of it matches: modified or extra terms", ids[0], f.Confidence*100)
	}
	return fmt.Sprintf("licence file holds %s, which cover only %.0f%% of it: the rest is a licence ospolint does not identify, or changed or extra terms",
		strings.Join(ids, " and "), f.Confidence*100)
}
