// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "github.com/ospolint/ospolint/checks/fileset"

func changelog() *Check {
	return &Check{
		ID:         "changelog",
		Title:      "No changelog",
		Summary:    "A changelog (CHANGELOG, CHANGES, NEWS, HISTORY, RELEASE-NOTES or RELEASES) tells users what changed in each release.",
		Activities: []string{"GGI-A-25"},
		Level:      Note,
		Needs:      NeedFiles,
		Help: `A changelog lists, release by release, what was added, changed, fixed and removed. ospolint accepts
` + "`CHANGELOG`, `CHANGES`, `NEWS`, `HISTORY`, `RELEASE-NOTES` and `RELEASES`" + ` in any case (` + "`-`/`_`" + ` as you like:
` + "`RELEASE_NOTES`, `ReleaseNotes`" + `), with no extension or .md, .rst, .txt, .adoc, at the root, in ` + "`.github/`" + `,
` + "`docs/`, `doc/` or `Documentation/`" + `, or one folder below those; an empty file does not count. Release notes
published only as GitHub Releases are not in the files, so this check does not see them.

**Why (GGI-A-25, Promote open source development best practices):** the handbook does not name changelogs; ospolint
cites GGI-A-25 because release management is one of the practices its text asks teams to promote. Users and downstream
packagers need to know what changed before they upgrade, and a changelog is where security fixes are announced.

**Fix:** add ` + "`CHANGELOG.md`" + ` at the root with an "Unreleased" section on top and one section per release
(https://keepachangelog.com describes a common layout), or generate it from your commit convention at release time.`,
		Run: func(p *Pass) error {
			cands := findDocs(p.Target, docSearch{names: []string{"changelog", "changes", "news", "history", "releasenotes", "releases"}})
			found := judgeDocs(p, cands, "changelog", false, func(p *Pass, e fileset.Entry, data []byte) {
				if countWords(data) == 0 {
					p.Reportf(e.Path, 0, "changelog is empty: list the changes of each release, newest first")
				}
			})
			if !found {
				p.Reportf(expectedPath("CHANGELOG.md"), 0, "no changelog: add CHANGELOG.md at the root listing the changes of each release")
			}
			return nil
		},
	}
}
