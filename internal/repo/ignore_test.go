// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIgnorePatterns(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		path    string
		isDir   bool
		want    bool // matched (ignored, or kept for a negation)
	}{
		{"*.log", "a/b/x.log", false, true},
		{"*.log", "x.logs", false, false},
		{"*.tar.gz", "d/x.tar.gz", false, true},
		{"*.tar.gz", "d/x.gz", false, false},
		{"build/", "build", true, true},
		{"build/", "build", false, false},
		{"build/", "a/build", true, true},
		{"/build", "build", false, true},
		{"/build", "a/build", false, false},
		{"docs/*.html", "docs/x.html", false, true},
		{"docs/*.html", "docs/sub/x.html", false, false},
		{"docs/*.html", "a/docs/x.html", false, false},
		{"**/tmp", "tmp", true, true},
		{"**/tmp", "a/b/tmp", false, true},
		{"foo/**/bar", "foo/bar", false, true},
		{"foo/**/bar", "foo/a/b/bar", false, true},
		{"foo/**/bar", "x/foo/bar", false, false},
		{"logs/**", "logs", true, false},
		{"logs/**", "logs/a/b", false, true},
		{"**", "anything/at/all", false, true},
		{"a?c.txt", "abc.txt", false, true},
		{"a?c.txt", "ac.txt", false, false},
		{"[Tt]humbs.db", "thumbs.db", false, true},
		{"[!x]y.dat", "ay.dat", false, true},
		{"[!x]y.dat", "xy.dat", false, false},
		{"[^x]y.dat", "xy.dat", false, false},
		{`\#hash`, "#hash", false, true},
		{`\!bang`, "!bang", false, true},
		{`trail\ `, "trail ", false, true},
		{"trail   ", "trail", false, true},
		{"[unclosed", "[unclosed", false, false},
		{"a/b/c", "a/b/c", false, true},
		{"a/b/c", "a/b/c/d", false, false},
		{"*/x", "y/x", false, true},
		{"*/x", "z/y/x", false, false},
		{".*", ".hidden", false, true},
		{".*", "a/.hidden", false, true},
		{".*", "visible", false, false},
		{"*~", "x.c~", false, true},
		{"cscope.*", "cscope.out", false, true},
		{"/u-boot*", "u-boot.bin", false, true},
		{"/u-boot*", "a/u-boot.bin", false, false},
		{"*.o.*", "x.o.cmd", false, true},
		{"*.o.*", "x.o", false, false},
		{"/*/x*", "a/xy", false, true},
		{"/*/x*", "a/b/xy", false, false},
		{"/*/**/x", "a/b/c/x", false, true},
	} {
		f := parseIgnore("", []byte(tc.pattern+"\n"))
		base := tc.path[strings.LastIndexByte(tc.path, '/')+1:]
		decided, _ := f.match(tc.path, base, tc.isDir)
		if decided != tc.want {
			t.Errorf("%q against %q (dir %v) = %v, want %v", tc.pattern, tc.path, tc.isDir, decided, tc.want)
		}
	}
	for _, line := range []string{"", "# comment", "   ", "/", "!", "!/"} {
		if f := parseIgnore("", []byte(line)); len(f.pats) != 0 {
			t.Errorf("%q compiled to %d patterns, want none", line, len(f.pats))
		}
	}
}

// TestIgnoreLastMatchWins: within a file the last matching pattern decides,
// whichever lookup finds it; a deeper file overrides a shallower one.
func TestIgnoreLastMatchWins(t *testing.T) {
	root := parseIgnore("", []byte("*.log\n!keep.log\n/tmp/*.log\n!/tmp/ok.log\n"))
	sub := parseIgnore("sub", []byte("!*.log\nlocal.log\n"))
	s := ignoreStack{root, sub}
	for p, want := range map[string]bool{
		"x.log": true, "keep.log": false, "a/keep.log": false, "tmp/keep.log": true, "tmp/ok.log": false,
		"sub/x.log": false, "sub/local.log": true, "sub/deeper/local.log": true, "sub/keep.log": false,
	} {
		stack := s
		if !strings.HasPrefix(p, "sub/") {
			stack = s[:1]
		}
		if got := stack.ignored(p, p[strings.LastIndexByte(p, '/')+1:], false); got != want {
			t.Errorf("ignored(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestIgnoreWildcardCap: wildcard patterns past the cap are dropped, the
// earliest first (the last ones win anyway), and said so.
func TestIgnoreWildcardCap(t *testing.T) {
	var b strings.Builder
	for i := range maxWildcardPatterns + 5 {
		fmt.Fprintf(&b, "*x%d*\n", i)
	}
	b.WriteString("literal.txt\n*.o\n")
	f := parseIgnore("", []byte(b.String()))
	if f.dropped != 5 || len(f.rest) != maxWildcardPatterns {
		t.Fatalf("dropped %d, kept %d wildcards", f.dropped, len(f.rest))
	}
	if !strings.Contains(f.droppedProblem(), "more than 1000") || !strings.Contains(f.droppedProblem(), "the 5 earliest") {
		t.Errorf("problem: %s", f.droppedProblem())
	}
	for p, want := range map[string]bool{"ax0b": false, "ax4b": false, "ax5b": true, "literal.txt": true, "a.o": true} {
		if decided, _ := f.match(p, p, false); decided != want {
			t.Errorf("%q decided %v, want %v", p, decided, want)
		}
	}
}

// TestIgnoreCostBounded: the patterns a path is matched against do not
// grow with the number of patterns of an ignore file (issue 8: files ×
// patterns took 84 s). For each kind of pattern, 20,000 of them (distinct,
// or one repeated) cost a path no more tries than 20 do: at most one per
// literal name, extension or path, and at most maxWildcardPatterns for
// globs, the earliest past that dropped with a problem.
func TestIgnoreCostBounded(t *testing.T) {
	paths := []string{
		"build-7/x.o", "build-7/a/b.o", "src/generated-7.go", "x.ext7", "docs/api/p7.html", "tmp7-x", "x-7.bak",
		"gen/deep/x7.c", "build/x7/y.o", "same", "same/x", "a/b/c/d/e/f", "plain.txt",
	}
	for _, kind := range []struct {
		name, format string
		// most is the most tries a path may cost.
		most int
	}{
		{"name", "generated-%d.go", 1},
		{"ext", "*.ext%d", 1},
		{"path", "/docs/api/p%d.html", 1},
		{"leading directory", "build-%d/*.o", 1},
		{"repeated name", "same", 1},
		{"repeated directory-only name", "same/", 1},
		{"one leading directory", "/build/x%d/*.o", maxWildcardPatterns},
		{"leading literal byte", "tmp%d*", maxWildcardPatterns},
		{"trailing literal byte", "*-%d.bak", maxWildcardPatterns},
		{"depth", "/*/deep/x%d.c", maxWildcardPatterns},
		{"any", "*x%d*", maxWildcardPatterns},
	} {
		tries := func(n int) (map[string]int, int) {
			var b strings.Builder
			for i := range n {
				if strings.Contains(kind.format, "%d") {
					fmt.Fprintf(&b, kind.format+"\n", i)
				} else {
					b.WriteString(kind.format + "\n")
				}
			}
			f := parseIgnore("", []byte(b.String()))
			got := map[string]int{}
			for _, p := range paths {
				base := p[strings.LastIndexByte(p, '/')+1:]
				for _, isDir := range []bool{false, true} {
					_, k := f.lookup(p, base, isDir)
					got[p] = max(got[p], k)
				}
			}
			return got, f.dropped
		}
		few, _ := tries(20)
		many, dropped := tries(20000)
		for _, p := range paths {
			if many[p] > max(few[p], kind.most) {
				t.Errorf("%s: %q is matched against %d patterns of 20,000 (%d of 20; at most %d)", kind.name, p, many[p], few[p], kind.most)
			}
		}
		if kind.most == maxWildcardPatterns && dropped != 20000-maxWildcardPatterns {
			t.Errorf("%s: %d patterns dropped, want %d", kind.name, dropped, 20000-maxWildcardPatterns)
		}
		if kind.most == 1 && dropped != 0 {
			t.Errorf("%s: %d patterns dropped, want none", kind.name, dropped)
		}
	}
}

// TestIgnoreMatchesGit walks a tree of .gitignore files covering the
// pattern syntax and compares what it keeps with what git itself lists as
// untracked and not ignored.
func TestIgnoreMatchesGit(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	files := map[string]fileSpec{
		".gitignore": {content: strings.Join([]string{
			"# comment", "*.log", "!keep.log", "/build/", "docs/*.html", "**/tmp", "foo/**/bar", "*.tar.gz",
			"a?c.txt", "[Tt]humbs.db", "[!x]y.dat", `\#hash`, "out/", "logs/**", "!logs/important/**",
			"deep/**/z", "/anchored.txt", "sub/nested.txt", "node_modules", "*~", "gen/*", "!gen/keep/",
			".*", "!.gitignore", "!.keep-me", "/u-boot*", "*.o.*", "/*/x*", "cscope.*",
		}, "\n") + "\n"},
		"sub/.gitignore":       {content: "!*.log\nlocal.txt\n/onlyhere.txt\n"},
		"sub/x.log":            {},
		"sub/local.txt":        {},
		"sub/a/local.txt":      {},
		"sub/onlyhere.txt":     {},
		"sub/a/onlyhere.txt":   {},
		"sub/nested.txt":       {},
		"x.log":                {},
		"keep.log":             {},
		"a/keep.log":           {},
		"build/out.o":          {},
		"a/build/out.o":        {},
		"docs/x.html":          {},
		"docs/sub/x.html":      {},
		"tmp/t.txt":            {},
		"a/b/tmp":              {},
		"foo/bar":              {},
		"foo/a/b/bar":          {},
		"x/foo/bar":            {},
		"r.tar.gz":             {},
		"r.gz":                 {},
		"abc.txt":              {},
		"ac.txt":               {},
		"thumbs.db":            {},
		"ay.dat":               {},
		"xy.dat":               {},
		"#hash":                {},
		"out/o.txt":            {},
		"a/out":                {},
		"logs/a.txt":           {},
		"logs/important/i.txt": {},
		"deep/z":               {},
		"deep/a/b/z":           {},
		"deep/a/b/y":           {},
		"anchored.txt":         {},
		"a/anchored.txt":       {},
		"node_modules/m.js":    {},
		"a/node_modules":       {},
		"edit.txt~":            {},
		"gen/x.go":             {},
		"gen/keep/k.go":        {},
		"src/main.go":          {},
	}
	writeTree(t, dir, files)
	if out, err := exec.Command("git", "-C", dir, "init", "-q").CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	out, err := exec.Command("git", "-C", dir, "ls-files", "--others", "--exclude-standard", "-z").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	var want []string
	for p := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		want = append(want, filepath.ToSlash(p))
	}
	slices.Sort(want)
	if len(want) > len(files)-20 {
		t.Fatalf("git ignores only %d of %d files: the tree does not exercise the patterns", len(files)-len(want), len(files))
	}
	ix, _ := walkWithin(t, openWorktree(t, dir), WalkOptions{})
	if d := cmp.Diff(want, paths(ix)); d != "" {
		t.Errorf("kept files (-git +ospolint):\n%s", d)
	}
}

func TestLongestLiteral(t *testing.T) {
	for glob, want := range map[string]string{
		"*.o.*": ".o.", "*.bin[_.]*": ".bin", "*.asn1.[ch]": ".asn1.", `\#*#`: "#", "[]x]abc": "abc",
		"[^a]bb*": "bb", "*": "", "a?bc": "bc", `x\*yz`: "x*yz", "[unclosed": "",
	} {
		if got := longestLiteral(glob); got != want {
			t.Errorf("longestLiteral(%q) = %q, want %q", glob, got, want)
		}
	}
}
