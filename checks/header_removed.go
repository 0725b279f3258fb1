// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/ospolint/ospolint/internal/reuse"
)

func headerRemoved() *Check {
	return &Check{
		ID:         "header-removed",
		Title:      "Licence or copyright notice removed from a file",
		Summary:    "The change keeps the SPDX-License-Identifier and copyright notices of every file it modifies.",
		Activities: []string{"GGI-A-21", "GGI-A-44"},
		Level:      Error,
		Needs:      NeedDiff,
		Help: `In diff mode (` + "`ospolint scan --diff-base REV`" + `, the GitHub Action on pull requests) this check compares
the licensing information of every file the change modifies with the base revision: each
` + "`SPDX-License-Identifier`" + ` expression and each copyright notice (` + "`SPDX-FileCopyrightText`" + `, ` + "`Copyright`" + `, ` + "`©`" + `)
the file had must still be there. The information is read the REUSE way, so moving a header into a
` + "`.license`" + ` sidecar or a ` + "`REUSE.toml`" + ` annotation is no removal, and deleting a file's sidecar while keeping
the file is one. Copyright notices are compared by holder, so updating the years (` + "`2024`" + ` to ` + "`2024-2026`" + `),
switching to ` + "`SPDX-FileCopyrightText:`" + ` or naming the same holder differently ("Prometheus Team", "The Prometheus
Authors") is no removal either; replacing one holder by another ("The etcd Authors" by "The Prometheus
Authors") is. Outside diff mode the check is not available.

**Why (GGI-A-21, Manage legal compliance; GGI-A-44, Run code reviews):** most open source licences require that
copyright and licence notices be kept (MIT, BSD, Apache-2.0 section 4); removing someone's notice is a legal
problem that a reviewer should see before the change is merged, not after.

**Fix:** restore the removed line, or, if the licence of the file really changes, have the copyright holders agree
and state the new licence explicitly, then waive the finding with a reason.`,
		Run: func(p *Pass) error {
			if err := needsBase(p); err != nil {
				return err
			}
			base, head := p.Target.Base(), p.Target
			cands := removalCandidates(base, head)
			before, after := base.reuseOf(cands), head.reuseOf(cands)
			for _, path := range cands {
				b, ok := before[path]
				if !ok {
					continue
				}
				reportRemoved(p, b, after[path])
			}
			return nil
		},
	}
}

// removalCandidates are the files whose licensing information may have been
// removed: those modified, and those whose .license sidecar was modified or
// deleted while they stayed.
func removalCandidates(base, head *Target) []string {
	set := map[string]bool{}
	for _, c := range head.Changes() {
		if c.Kind == Modified {
			set[c.Path] = true
		}
		if covered, ok := strings.CutSuffix(c.Path, reuse.SidecarSuffix); ok && c.Kind != Added {
			_, inBase := base.Lookup(covered)
			_, inHead := head.Lookup(covered)
			if inBase && inHead {
				set[covered] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// reportRemoved reports each licence expression and copyright holder of
// the base's file b that its head version a no longer has.
func reportRemoved(p *Pass, b, a reuse.File) {
	now := map[string]bool{}
	var nowList []string
	for _, st := range a.Licenses {
		v := strings.Join(strings.Fields(st.Value), " ")
		if !now[v] {
			now[v] = true
			nowList = append(nowList, v)
		}
	}
	reported := map[string]bool{}
	for _, st := range b.Licenses {
		v := strings.Join(strings.Fields(st.Value), " ")
		if now[v] || reported["l"+v] {
			continue
		}
		reported["l"+v] = true
		state := "it has no licence now"
		if len(nowList) > 0 {
			state = "it now says " + strings.Join(nowList, ", ")
		}
		p.Report(Finding{
			Path: b.Path, Line: lineIn(b.Path, st), Key: "license " + v,
			Message: fmt.Sprintf("SPDX-License-Identifier %s of %s was removed%s (%s): restore it, or state the licence in %s%s or REUSE.toml",
				v, b.Path, writtenIn(b.Path, st), state, b.Path, reuse.SidecarSuffix),
			Properties: map[string]any{"removed": v},
		})
	}
	var holders [][]string
	for _, st := range a.Copyrights {
		holders = append(holders, holderWords(st.Value))
	}
	for _, st := range b.Copyrights {
		words := holderWords(st.Value)
		k := strings.Join(words, " ")
		if heldBy(words, holders) || reported["c"+k] {
			continue
		}
		reported["c"+k] = true
		p.Report(Finding{
			Path: b.Path, Line: lineIn(b.Path, st), Key: "copyright " + k,
			Message: fmt.Sprintf("copyright notice %q of %s was removed%s: restore it; licences such as MIT, BSD and Apache-2.0 require notices to be kept",
				st.Value, b.Path, writtenIn(b.Path, st)),
			Properties: map[string]any{"removed": st.Value},
		})
	}
}

// lineIn is the statement's line when it was written in the file itself
// (headers stay at the top, so the base's line points near the change).
func lineIn(file string, st reuse.Statement) int {
	if st.Path == file {
		return st.Line
	}
	return 0
}

// from says where a removed statement was written, when not in the file.
func writtenIn(file string, st reuse.Statement) string {
	if st.Path == file {
		return ""
	}
	return " (it was in " + st.Path + ")"
}

// holderWords reduces a copyright notice to the words that name its
// holder, sorted: lower case, without the SPDX tag, the word Copyright, (c)
// or ©, years and year ranges, e-mail and web addresses, "All rights
// reserved", and the words that name no one in particular ("the",
// "authors", "team", "inc", ...). So "Copyright 2024 Prometheus Team"
// and "Copyright The Prometheus Authors" have the same holder, and
// "The etcd Authors" another.
func holderWords(v string) []string {
	s := strings.ToLower(strings.TrimSpace(v))
	for _, tag := range []string{"spdx-filecopyrighttext:", "spdx-snippetcopyrighttext:"} {
		s = strings.TrimPrefix(s, tag)
	}
	s = strings.ReplaceAll(s, "all rights reserved", "")
	seen := map[string]bool{}
	var keep, generic []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;()<>[]\"'", r)
	}) {
		w = strings.Trim(w, ".:!")
		switch {
		case w == "", w == "c", w == "©", w == "copyright", seen[w]:
		case strings.Trim(w, "0123456789-–/") == "":
		case strings.Contains(w, "@"), strings.Contains(w, "://"), strings.HasPrefix(w, "www."):
		case genericHolderWord(w):
			seen[w] = true
			generic = append(generic, w)
		default:
			seen[w] = true
			keep = append(keep, w)
		}
	}
	if len(keep) == 0 {
		// A notice of generic words only ("Copyright 2024 the authors"):
		// those words, still without years and tags, name the holder. A
		// notice without any ("Copyright 2020") names none, and any notice
		// of the head keeps it.
		keep = generic
	}
	sort.Strings(keep)
	return keep
}

// genericHolderWord reports words of copyright notices that name no
// holder in particular.
func genericHolderWord(w string) bool {
	switch w {
	case "copyright", "the", "and", "or", "of", "by", "for", "its", "all", "other", "others", "original",
		"author", "authors", "contributor", "contributors", "developer", "developers", "team", "project",
		"inc", "llc", "ltd", "gmbh", "corp", "corporation", "co", "company", "foundation", "org", "et", "al":
		return true
	}
	return false
}

// heldBy reports whether one of the head's notices names every word of a
// base notice's holder: the holder is still there, maybe with others. A
// base notice that names no holder is kept by any notice.
func heldBy(words []string, holders [][]string) bool {
	for _, h := range holders {
		all := true
		for _, w := range words {
			if !slices.Contains(h, w) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}
