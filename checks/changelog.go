// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

func changelog() *Check {
	return &Check{
		ID:         "changelog",
		Title:      "No changelog",
		Summary:    "A changelog (CHANGELOG, CHANGES, HISTORY, NEWS or RELEASES) tells users what changed in each release.",
		Activities: []string{"GGI-A-25"},
		Level:      Note,
		Needs:      NeedFiles,
		Help: `A changelog in the repository root or in ` + "`docs/`" + ` lists, release by release, what was added, changed,
fixed and removed. ospolint accepts ` + "`CHANGELOG`, `CHANGES`, `HISTORY`, `NEWS` and `RELEASES`" + ` in any case, with
no extension or .md/.txt/.rst/.adoc; an empty file does not count. Release notes published only as GitHub Releases are
not visible in the files and need API checks.

**Why (GGI-A-25, Promote open source development best practices):** the handbook does not name changelogs; ospolint
cites GGI-A-25 because release management is one of the practices its text asks teams to promote. Users and downstream
packagers need to know what changed before they upgrade, and a changelog is where security fixes are announced.

**Fix:** add ` + "`CHANGELOG.md`" + ` at the root with an "Unreleased" section on top and one section per release
(https://keepachangelog.com describes a common layout), or generate it from your commit convention at release time.`,
		Run: func(p *Pass) error {
			es := findDoc(p.Target.index, []string{"", "docs"}, "CHANGELOG", "CHANGES", "HISTORY", "NEWS", "RELEASES")
			e, ok := pickDoc(p, es, "changelog")
			if !ok {
				if len(es) == 0 {
					p.Reportf(expectedPath("CHANGELOG.md"), 0, "no changelog: add CHANGELOG.md at the root listing the changes of each release")
				}
				return nil
			}
			data, ok := readDoc(p, e, "changelog")
			if !ok {
				return nil
			}
			if countWords(data) == 0 {
				p.Reportf(e.Path, 0, "changelog is empty: list the changes of each release, newest first")
			}
			return nil
		},
	}
}
