// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

func readme() *Check {
	return &Check{
		ID:         "readme",
		Title:      "No README, or a trivial one",
		Summary:    "The repository has a README that says what the project is and how to use it.",
		Activities: []string{"GGI-A-25", "GGI-A-21"},
		Level:      Error,
		Needs:      NeedFiles,
		Options: []Option{
			{Name: "min-words", Type: TypeInt, Default: int64(30), Help: "fewest words of text (badges and links aside) the README must have"},
		},
		Help: `The README (README, README.md, .rst, .txt, .adoc, any case) at the root, in ` + "`.github/`" + ` or in
` + "`docs/`" + ` is the first thing users and contributors read. A README holding only a title or badges counts as
missing: it must have at least ` + "`min-words`" + ` words of text.

Words are counted as word processors count them, so that scripts written without spaces are judged fairly: each
Han, Hiragana or Katakana character is a word (a Chinese README of 100 characters has about 100 words; most Chinese
and Japanese words are one or two characters), a run of Thai, Lao, Khmer or Myanmar letters counts one word per
three letters (vowel signs and tone marks aside), and text in other scripts, Korean included, counts the runs of
letters between spaces. Image and badge lines and link targets do not count.

**Why (GGI-A-25, Promote open source development best practices):** the handbook lists the README among the files
every project has. For GGI-A-21 (Manage legal compliance) the README is where users look for the licence statement.

**Fix:** say what the project does, how to install and use it, how to get help and under which licence it is
published.`,
		Run: func(p *Pass) error {
			es := findDoc(p.Target.index, []string{"", ".github", "docs"}, "README")
			if len(es) == 0 {
				p.Reportf("README.md", 0, "no README: add README.md at the repository root")
				return nil
			}
			e, ok := pickDoc(p, es, "README")
			if !ok {
				return nil
			}
			data, ok := readDoc(p, e, "README")
			if !ok {
				return nil
			}
			if n := countWords(data); int64(n) < p.Options.Int("min-words") {
				p.Reportf(e.Path, 1, "README is trivial (%d words; at least %d expected): say what the project is and how to use it", n, p.Options.Int("min-words"))
			}
			return nil
		},
	}
}
