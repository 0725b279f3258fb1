// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ospolint/ospolint/internal/reuse"
)

// missingLicenseExamples is how many of the files using a licence without
// its text a finding lists in its properties; its message names the first
// missingLicenseNamed.
const (
	missingLicenseExamples = 10
	missingLicenseNamed    = 3
)

func reuseMissingLicenses() *Check {
	return reuseCheck(reuseKind{
		id:      "reuse-missing-licenses",
		title:   "Licence used without its text in LICENSES/",
		summary: "Every licence and exception named in the licensing information has its text in LICENSES/.",
		help: `REUSE wants the text of every licence a file is under in the ` + "`LICENSES/`" + ` directory at the root, named after its
SPDX identifier: ` + "`LICENSES/Apache-2.0.txt`" + `, ` + "`LICENSES/Classpath-exception-2.0.txt`" + `, ` + "`LICENSES/LicenseRef-Proprietary.txt`" + `.
A licence written with "+" (` + "`GPL-2.0+`" + `) is satisfied by the text without it.

There is one finding per missing text, at the path where the text is expected (` + "`LICENSES/<id>.txt`" + `): it says how
many files use the licence and names the first three; ` + "`properties.count`" + ` and ` + "`properties.files`" + ` (the first
ten, with the line of their tag) carry the same in JSON and SARIF. ` + "`reuse lint`" + ` lists every file;
one finding per file and licence made 40,000 findings on u-boot for 35 missing texts.

**Fix:** ` + "`reuse download <identifier>`" + ` (or ` + "`reuse download --all`" + `) fetches the texts of SPDX licences; write the text
of a LicenseRef- licence yourself.`,
		issues: func(r *reuse.Result) []reuse.Issue { return r.MissingLicenses },
		report: reportMissingLicenses,
	})
}

// reportMissingLicenses reports one finding per missing licence text, at
// LICENSES/<id>.txt, with the number of files that use the licence and the
// first of them.
func reportMissingLicenses(p *Pass, issues []reuse.Issue) {
	type group struct {
		ids   []string // as written: GPL-2.0 and GPL-2.0+ share a text
		files []map[string]any
		n     int    // files
		last  string // the last file counted
	}
	groups := map[string]*group{}
	for _, is := range issues {
		text := strings.TrimSuffix(is.Key, "+")
		g := groups[text]
		if g == nil {
			g = &group{}
			groups[text] = g
		}
		if !slices.Contains(g.ids, is.Key) {
			g.ids = append(g.ids, is.Key)
		}
		// The uses come in the files' order (reuse.Result): a file that
		// names the licence twice (GPL-2.0 and GPL-2.0+) counts once.
		if g.n > 0 && g.last == is.Path {
			continue
		}
		g.n, g.last = g.n+1, is.Path
		if len(g.files) < missingLicenseExamples {
			ref := map[string]any{"path": is.Path}
			if is.Line > 0 {
				ref["line"] = is.Line
			}
			if is.Source != nil {
				ref["source"], ref["sourceLine"] = is.Source.Path, is.Source.Line
			}
			g.files = append(g.files, ref)
		}
	}
	texts := make([]string, 0, len(groups))
	for t := range groups {
		texts = append(texts, t)
	}
	slices.Sort(texts)
	for _, text := range texts {
		g := groups[text]
		slices.Sort(g.ids)
		n := g.n
		examples := make([]string, 0, missingLicenseNamed)
		for _, f := range g.files[:min(len(g.files), missingLicenseNamed)] {
			e := f["path"].(string)
			if l, ok := f["line"].(int); ok {
				e += fmt.Sprintf(":%d", l)
			}
			examples = append(examples, e)
		}
		more := ""
		if n > len(examples) {
			more = fmt.Sprintf(" and %d more", n-len(examples))
		}
		how := "reuse download " + text
		if strings.HasPrefix(text, "LicenseRef-") {
			how = "write the licence's text"
		}
		files := "file"
		if n != 1 {
			files = "files"
		}
		path := "LICENSES/" + text + ".txt"
		p.Report(Finding{
			Path: path,
			Key:  text,
			Message: fmt.Sprintf("no text in LICENSES/ for licence %s, used by %d %s (%s%s): add %s (%s)",
				strings.Join(g.ids, " and "), n, files, strings.Join(examples, ", "), more, path, how),
			Properties: map[string]any{"licenses": g.ids, "count": n, "files": g.files},
		})
	}
}
