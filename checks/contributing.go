// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "strings"

func contributing() *Check {
	return &Check{
		ID:         "contributing",
		Title:      "No contributing guide",
		Summary:    "A CONTRIBUTING guide tells people how to propose changes and how they are reviewed.",
		Activities: []string{"GGI-A-25", "GGI-A-21"},
		Level:      Error,
		Needs:      NeedFiles,
		Options: []Option{
			{Name: "min-words", Type: TypeInt, Default: int64(20), Help: "fewest words of text the guide must have"},
		},
		Help: `A contributing guide (CONTRIBUTING.md, or .rst/.txt/.adoc, any case) in the repository root,
in ` + "`docs/`" + ` or in ` + "`.github/`" + ` tells newcomers how to propose a change, how it is reviewed and under which
terms contributions are accepted (DCO sign-off or CLA).

**Why (GGI-A-25, Promote open source development best practices):** the handbook asks every project to document how
to contribute. It is also evidence for GGI-A-21 (Manage legal compliance): the guide is where the inbound licence of
contributions is stated.

**Fix:** add ` + "`CONTRIBUTING.md`" + ` at the root with how to build and test, how to submit a pull request, how reviews
work and the contribution terms. GitHub also shows a guide from the organisation's public ` + "`.github`" + ` repository;
ospolint checks that only when API checks are enabled.`,
		Run: func(p *Pass) error {
			es := findDoc(p.Target.index, communityDirs(), "CONTRIBUTING")
			if len(es) == 0 {
				p.Reportf(expectedPath("CONTRIBUTING.md"), 0, "no contributing guide: add CONTRIBUTING.md at the root, in docs/ or in .github/")
				return nil
			}
			e, ok := pickDoc(p, es, "contributing guide")
			if !ok {
				return nil
			}
			data, ok := readDoc(p, e, "contributing guide")
			if !ok {
				return nil
			}
			if n := countWords(data); int64(n) < p.Options.Int("min-words") {
				p.Reportf(e.Path, 1, "contributing guide is almost empty (%d words; at least %d expected)", n, p.Options.Int("min-words"))
			}
			return nil
		},
	}
}

// countWords counts words with at least one letter, skipping Markdown image
// and badge lines and link targets.
func countWords(data []byte) int {
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[![") || strings.HasPrefix(t, "![") || strings.HasPrefix(t, "<img") {
			continue
		}
		for _, w := range strings.Fields(t) {
			if strings.Contains(w, "://") {
				continue
			}
			if strings.IndexFunc(w, isLetter) >= 0 {
				n++
			}
		}
	}
	return n
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f
}
