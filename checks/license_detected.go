// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"

	"github.com/ospolint/ospolint/internal/license"
)

func licenseDetected() *Check {
	return &Check{
		ID:         "license-detected",
		Title:      "Licence text not identified",
		Summary:    "Every licence file is identified as a known licence, reported as an SPDX expression.",
		Activities: []string{"GGI-A-21"},
		Level:      Warning,
		Needs:      NeedFiles,
		Help: `ospolint classifies every licence file with github.com/google/licensecheck and reports the project
licence as an SPDX expression (` + "`facts.license`" + ` in JSON) with a confidence: the share of the text covered by
the matched licence. Several licence files give ` + "`A AND B`" + `. A text that is modified, truncated or unknown
gives ` + "`NOASSERTION`" + ` and a finding here: ospolint never claims the base licence for a changed text.
Each licence file in the JSON report carries the licences matched in it with their byte ranges; the SARIF run
carries the same under ` + "`properties.licenseFiles`" + `.

Markdown or HTML formatting, CRLF line ends, a byte-order mark and copyright lines above the text do not change the
result. A GNU licence text (GPL, LGPL, AGPL) names no variant by itself: ospolint reports ` + "`-only`" + ` unless
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
			for _, f := range res.Files {
				props := map[string]any{"expression": f.Expression, "confidence": round2(f.Confidence)}
				if len(f.Matches) > 0 {
					// The licences seen in the text, with their byte ranges.
					props["matches"] = f.Matches
				}
				if f.Note != "" {
					props["note"] = f.Note
				}
				switch {
				case f.Error != "":
					p.Report(Finding{Path: f.Path, Message: fmt.Sprintf("licence file not classified: %s", f.Error), Key: "unreadable", Properties: props})
				case f.Expression == license.NoAssertion && len(f.Matches) > 0:
					p.Report(Finding{Path: f.Path, Line: 1, Key: "modified",
						Message:    fmt.Sprintf("licence text resembles %s but only %.0f%% of it matches: modified or extra terms; reported as NOASSERTION", f.Matches[0].ID, f.Confidence*100),
						Properties: props})
				case f.Expression == license.NoAssertion:
					p.Report(Finding{Path: f.Path, Line: 1, Key: "unknown", Message: "licence text not identified as any known licence; reported as NOASSERTION", Properties: props})
				}
			}
			return nil
		},
	}
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
