// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"path"
	"strings"

	"github.com/ospolint/ospolint/checks/fileset"
)

func issueTemplates() *Check {
	return &Check{
		ID:         "issue-templates",
		Title:      "No issue templates",
		Summary:    "Issue templates ask reporters for the details maintainers need.",
		Activities: []string{"GGI-A-25"},
		Level:      Note,
		Needs:      NeedFiles,
		Help: `Issue templates make new issues arrive with the version, the steps to reproduce and the expected result.
ospolint accepts at least one template (` + "`.md`" + `, or an issue form in ` + "`.yml`/`.yaml`" + `) in
` + "`.github/ISSUE_TEMPLATE/`" + ` — ` + "`config.yml`" + ` alone, which only configures the template chooser, does not
count — or a single legacy ` + "`ISSUE_TEMPLATE`" + ` / ` + "`ISSUE_TEMPLATE.md`" + ` in the root, ` + "`docs/`" + ` or
` + "`.github/`" + `. Empty templates and symbolic links leaving the repository do not count.

**Why (GGI-A-25, Promote open source development best practices):** the handbook does not name issue templates;
ospolint cites GGI-A-25 because its text asks for collaborative patterns that let third-party developers contribute,
and a template is how a project tells outsiders what a useful report contains.

**Fix:** add ` + "`.github/ISSUE_TEMPLATE/bug_report.yml`" + ` (an issue form) or ` + "`bug_report.md`" + `, and a
feature request template; point security reports to SECURITY.md with a ` + "`contact_links`" + ` entry in
` + "`config.yml`" + `. GitHub also uses templates from the organisation's public ` + "`.github`" + ` repository;
ospolint counts them (judged like the repository's own, and marked inherited) in ` + "`ospolint org`" + ` and in
` + "`ospolint scan`" + ` of a GitHub repository with a token.`,
		Run: func(p *Pass) error {
			p = orgFallback(p, hasIssueTemplates)
			ix := p.Target.index
			var forms []fileset.Entry
			var config *fileset.Entry
			for _, e := range ix.InDir(".github/ISSUE_TEMPLATE") {
				ext := strings.ToLower(path.Ext(e.Name()))
				if ext != ".md" && ext != ".yml" && ext != ".yaml" {
					continue
				}
				if strings.EqualFold(strings.TrimSuffix(e.Name(), path.Ext(e.Name())), "config") && ext != ".md" {
					config = &e
					continue
				}
				forms = append(forms, e)
			}
			legacy := markdownOrBare(findDoc(ix, communityDirs(), "ISSUE_TEMPLATE"))
			if anyFilled(p, append(forms, legacy...), "issue template") {
				return nil
			}
			if len(forms)+len(legacy) > 0 {
				return nil // each unusable template was reported
			}
			if config != nil {
				p.Reportf(config.Path, 0, "%s has no issue template beside it: add at least one template (.md or .yml issue form) to .github/ISSUE_TEMPLATE/", config.Name())
				return nil
			}
			p.Reportf(".github/ISSUE_TEMPLATE", 0, "no issue templates: add .github/ISSUE_TEMPLATE/ with at least one template, e.g. bug_report.yml")
			return nil
		},
	}
}

// markdownOrBare keeps the entries with no extension or .md: the only forms
// GitHub reads for single-file templates.
// hasIssueTemplates reports whether t has anything GitHub takes for issue
// templates: then the organisation's are not used.
func hasIssueTemplates(t *Target) bool {
	return len(t.InDir(".github/ISSUE_TEMPLATE")) > 0 || len(findDoc(t.index, communityDirs(), "ISSUE_TEMPLATE")) > 0
}

func markdownOrBare(es []fileset.Entry) []fileset.Entry {
	var out []fileset.Entry
	for _, e := range es {
		if ext := strings.ToLower(path.Ext(e.Name())); ext == "" || ext == ".md" {
			out = append(out, e)
		}
	}
	return out
}

// anyFilled reports whether one of es is readable and holds some text. When
// none does, it reports each one: a symbolic link leaving the repository, a
// file that cannot be read, or an empty one.
func anyFilled(p *Pass, es []fileset.Entry, what string) bool {
	type bad struct {
		path, msg string
	}
	var bads []bad
	for _, e := range es {
		if e.Escapes {
			bads = append(bads, bad{e.Path, e.Path + " is a symbolic link that leaves the repository or dangles; put the " + what + " itself in the repository"})
			continue
		}
		data, err := p.Target.ReadFile(e.Path)
		switch {
		case err != nil:
			bads = append(bads, bad{e.Path, what + " cannot be read: " + err.Error()})
		case countWords(data) == 0:
			bads = append(bads, bad{e.Path, what + " is empty: write the questions contributors should answer"})
		default:
			return true
		}
	}
	for _, b := range bads {
		p.Reportf(b.path, 0, "%s", b.msg)
	}
	return false
}
