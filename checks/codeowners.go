// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"path"

	"github.com/ospolint/ospolint/checks/fileset"
	"github.com/ospolint/ospolint/internal/codeowners"
)

// maxCodeownersErrors caps the syntax errors reported for one file.
const maxCodeownersErrors = 100

func codeownersCheck() *Check {
	return &Check{
		ID:         "codeowners",
		Title:      "No CODEOWNERS file, or an invalid one",
		Summary:    "A valid CODEOWNERS file names who reviews changes to each part of the repository.",
		Activities: []string{"GGI-A-44"},
		Level:      Warning,
		Needs:      NeedFiles,
		Help: `A ` + "`CODEOWNERS`" + ` file assigns reviewers to paths: GitHub requests a review from the owners of every file a
pull request changes, and branch protection can require their approval. GitHub reads the first of
` + "`.github/CODEOWNERS`, `CODEOWNERS` and `docs/CODEOWNERS`" + `, with exactly that name (no extension); ospolint
checks the same file and reports:

- a file GitHub will not read: another name or case (` + "`codeowners`, `CODEOWNERS.md`" + `), a copy shadowed by one
  of higher precedence, a symbolic link leaving the repository, or a file of 3 MB or more;
- every line GitHub skips, with its line number: an owner that is not ` + "`@user`, `@org/team`" + ` or an e-mail
  address, ` + "`!`" + ` negation, ` + "`[ ]`" + ` character ranges and GitLab ` + "`[Section]`" + ` headers (GitHub's
  CODEOWNERS supports neither); a backslash escape such as ` + "`\\#`" + ` or ` + "`\\ `" + ` is accepted;
- a file in which no rule names an owner.

Whether each owner exists and has write access needs the API and is not checked here.

Without a CODEOWNERS file, a ` + "`MAINTAINERS`" + ` or ` + "`OWNERS`" + ` file (any case and extension ospolint reads for
community files, at the root, in ` + "`.github/`, `docs/`, `doc/` or `Documentation/`" + `) that names someone is
weaker evidence of review ownership: the Linux-style MAINTAINERS file that ` + "`get_maintainer.pl`" + ` reads, moby's
list of reviewers, Kubernetes' OWNERS for Prow. The check then passes with a note, not a warning: reviewers are
known, but GitHub does not request their reviews or let branch protection require them.

**Why (GGI-A-44, Run code reviews):** the handbook asks for code review as a standard step of development. It does
not name CODEOWNERS; ospolint cites GGI-A-44 because owners make sure every change reaches a reviewer who knows
that code.

**Fix:** add ` + "`.github/CODEOWNERS`" + ` with a default rule such as ` + "`* @your-org/maintainers`" + ` and more
specific rules below it (the last matching rule wins); fix each reported line.`,
		Run: func(p *Pass) error {
			ix := p.Target.index
			var found []fileset.Entry
			for _, dir := range communityDirs() {
				if e, ok := ix.Lookup(path.Join(dir, "CODEOWNERS")); ok {
					found = append(found, e)
				}
			}
			if len(found) == 0 {
				if near := findDoc(ix, communityDirs(), "CODEOWNERS"); len(near) > 0 {
					p.Reportf(near[0].Path, 0, "GitHub ignores %s: it reads only .github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS, in exactly that case and with no extension; rename it to .github/CODEOWNERS", near[0].Path)
					return nil
				}
				if m, ok := ownersFile(p); ok {
					p.Report(Finding{Path: ".github/CODEOWNERS", Advisory: true, Key: "maintainers-file",
						Message: "no CODEOWNERS file; " + m.Path + " names the maintainers, but GitHub requests no review from it: add .github/CODEOWNERS (e.g. \"* @your-org/maintainers\") to have reviewers requested automatically"})
					return nil
				}
				p.Reportf(".github/CODEOWNERS", 0, "no CODEOWNERS file: add .github/CODEOWNERS assigning reviewers, e.g. \"* @your-org/maintainers\"")
				return nil
			}
			e := found[0]
			for _, other := range found[1:] {
				p.Report(Finding{Path: other.Path, Message: "GitHub ignores " + other.Path + " because " + e.Path + " takes precedence: merge the two and delete this one", Key: "shadowed"})
			}
			if e.Escapes {
				p.Reportf(e.Path, 0, "%s is a symbolic link that leaves the repository or dangles; GitHub does not follow it: commit the file itself", e.Path)
				return nil
			}
			if e.Size >= codeowners.MaxSize {
				p.Reportf(e.Path, 0, "%s is %d bytes; GitHub ignores a CODEOWNERS file of 3 MB or more: use wildcard patterns and team owners to shrink it", e.Path, e.Size)
				return nil
			}
			data, ok := readDoc(p, e, "CODEOWNERS")
			if !ok {
				return nil
			}
			if len(data) >= codeowners.MaxSize {
				p.Reportf(e.Path, 0, "%s is %d bytes; GitHub ignores a CODEOWNERS file of 3 MB or more: use wildcard patterns and team owners to shrink it", e.Path, len(data))
				return nil
			}
			f, errs := codeowners.Parse(data)
			if len(errs) > maxCodeownersErrors {
				p.Report(Finding{Path: e.Path, Line: errs[maxCodeownersErrors].Line, Key: "more-errors",
					Message: fmt.Sprintf("%d more syntax errors in %s not listed; fix the ones above first", len(errs)-maxCodeownersErrors, e.Path)})
				errs = errs[:maxCodeownersErrors]
			}
			for _, pe := range errs {
				p.Report(Finding{
					Path:       e.Path,
					Line:       pe.Line,
					Message:    pe.Msg,
					Properties: map[string]any{"column": pe.Column},
				})
			}
			if !f.HasOwners() {
				p.Report(Finding{Path: e.Path, Message: "no rule in " + e.Path + " names a valid owner, so no review is ever requested: add a rule such as \"* @your-org/maintainers\"", Key: "no-owners"})
			}
			return nil
		},
	}
}

// ownersFile finds a MAINTAINERS or OWNERS file that names someone: weaker
// evidence of review ownership than CODEOWNERS.
func ownersFile(p *Pass) (fileset.Entry, bool) {
	for _, c := range findDocs(p.Target, docSearch{names: []string{"maintainers", "owners"}}) {
		if c.Escapes || c.Loose {
			continue
		}
		if data, err := p.Target.ReadFile(c.Path); err == nil && countWords(data) > 0 {
			return c.Entry, true
		}
	}
	return fileset.Entry{}, false
}
