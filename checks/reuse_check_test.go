// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

// REUSE-IgnoreStart

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/internal/repo"
)

func reuseChecks() []*Check {
	var out []*Check
	for _, c := range All() {
		if strings.HasPrefix(c.ID, "reuse-") {
			out = append(out, c)
		}
	}
	return out
}

func TestReuseChecks(t *testing.T) {
	const cp = "// SPDX-FileCopyrightText: 2026 Example\n"
	repoFiles := fstest.MapFS{
		"LICENSES/MIT.txt":       file("MIT License text"),
		"LICENSES/Unused.txt":    file("text"),
		"LICENSES/GPL-2.0":       file("text"),
		"main.go":                file(cp + "// SPDX-License-Identifier: MIT\npackage main\n"),
		"nolicense.go":           file(cp + "package main\n"),
		"nocopyright.go":         file("// SPDX-License-Identifier: MIT\npackage main\n"),
		"gpl.c":                  file(cp + "// SPDX-License-Identifier: GPL-2.0 OR Apache-2.0\n"),
		"bad.go":                 file(cp + "// SPDX-License-Identifier: MIT License\n"),
		"img.png":                file("\x89PNG"),
		"img.png.license":        file("SPDX-FileCopyrightText: 2026 Example\nSPDX-License-Identifier: Foo\n"),
		"REUSE.toml":             file("version = 1\n[[annotations]]\npath = \"x\"\nprecedence = \"first\"\n"),
		"LICENSE":                file("not covered"),
		"empty.txt":              file(""),
		"testdata/a.txt":         file("not excluded here: runCheck has no configured excludes"),
		"testdata/a.txt.license": file(cp + "// SPDX-License-Identifier: MIT\n"),
	}
	want := map[string][]string{
		"reuse-missing-license":            {"nolicense.go"},
		"reuse-missing-copyright":          {"nocopyright.go"},
		"reuse-missing-licenses":           {"LICENSES/Apache-2.0.txt"},
		"reuse-unused-licenses":            {"LICENSES/Unused.txt"},
		"reuse-bad-licenses":               {"LICENSES/Unused.txt", "img.png"},
		"reuse-deprecated-licenses":        {"LICENSES/GPL-2.0"},
		"reuse-licenses-without-extension": {"LICENSES/GPL-2.0"},
		"reuse-invalid-expression":         {"bad.go:2"},
		"reuse-read-error":                 {},
		"reuse-invalid-config":             {"REUSE.toml:2"},
	}
	for _, c := range reuseChecks() {
		t.Run(c.ID, func(t *testing.T) {
			fs, _ := runCheck(t, c, repoFiles, nil)
			got := []string{}
			for _, f := range fs {
				s := f.Path
				if f.Line > 0 {
					s += ":" + itoa(f.Line)
				}
				got = append(got, s)
				if f.Message == "" || f.Message[0] < 'a' || f.Message[0] > 'z' {
					t.Errorf("message %q", f.Message)
				}
			}
			w, ok := want[c.ID]
			if !ok {
				t.Fatalf("no expectation for %s", c.ID)
			}
			if d := cmp.Diff(w, got); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// TestReuseSkipsNestedRepositories: a directory with a .git of its own (a
// submodule checkout, a nested clone) is a separate project, as for the
// REUSE tool; the walk records it although it leaves .git out of the index.
func TestReuseSkipsNestedRepositories(t *testing.T) {
	files := fstest.MapFS{
		"LICENSES/MIT.txt":   file("MIT License text"),
		"main.go":            file("// SPDX-FileCopyrightText: 2026 Example\n// SPDX-License-Identifier: MIT\npackage main\n"),
		"lib/.git":           file("gitdir: ../.git/modules/lib\n"),
		"lib/plain.go":       file("package lib\n"),
		"lib/deeper/x.go":    file("package deeper\n"),
		"vendored/.git/HEAD": file("ref: refs/heads/main\n"),
		"vendored/y.go":      file("package vendored\n"),
		"own/z.go":           file("package own\n"),
	}
	fs, _ := runCheck(t, reuseMissingLicense(), files, nil)
	if got := brief(fs); len(got) != 1 || !strings.HasPrefix(got[0], "own/z.go") {
		t.Errorf("findings %q, want only own/z.go (lib/ and vendored/ are repositories of their own)", got)
	}
}

func TestReuseSidecarFindingHasSource(t *testing.T) {
	c, _ := Lookup("reuse-bad-licenses")
	fs, _ := runCheck(t, c, fstest.MapFS{
		"img.png":         file("\x89PNG"),
		"img.png.license": file("SPDX-FileCopyrightText: X\n\nSPDX-License-Identifier: Foo\n"),
	}, nil)
	if len(fs) != 1 || fs[0].Properties["source"] != "img.png.license" || fs[0].Properties["sourceLine"] != 3 {
		t.Fatalf("findings = %+v", fs)
	}
}

func TestReuseNotApplicable(t *testing.T) {
	c, _ := Lookup("reuse-missing-license")
	fs, p := runCheck(t, c, fstest.MapFS{"LICENSE": file("MIT"), "empty": file("")}, nil)
	if len(fs) != 0 || p.NotApplicableReason() == "" {
		t.Fatalf("findings %v, reason %q", fs, p.NotApplicableReason())
	}
}

// countingFS counts opens per path and fails those in fail.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	opens map[string]int
	fail  map[string]bool
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opens[name]++
	c.mu.Unlock()
	if c.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("permission denied")}
	}
	return c.FS.Open(name)
}

// TestReuseSinglePass runs every reuse-* check the way the runner does and
// checks each file is opened once, by the file pass, whatever the number of
// checks; only REUSE.toml and files whose head lacks information are read
// again afterwards.
func TestReuseSinglePass(t *testing.T) {
	const hdr = "// SPDX-FileCopyrightText: 2026 Example\n// SPDX-License-Identifier: MIT\n"
	files := fstest.MapFS{
		"LICENSES/MIT.txt": file("text"),
		"REUSE.toml":       file("version = 1\n[[annotations]]\npath = \"gen/**\"\nSPDX-FileCopyrightText = \"X\"\nSPDX-License-Identifier = \"MIT\"\n"),
		"a.go":             file(hdr + "package a\n"),
		"b.go":             file(hdr + "package b\n"),
		"gen/data.bin":     file("\x00\x01"),
		"long.go":          file(strings.Repeat("// filler\n", 1000) + hdr),
		"locked.go":        file(hdr),
	}
	afterPass, later, tgt, passes := reuseOpens(t, files)
	wantPass := map[string]int{".": 1, "LICENSES": 1, "gen": 1, "a.go": 1, "b.go": 1, "gen/data.bin": 1, "long.go": 1, "locked.go": 1}
	if d := cmp.Diff(wantPass, afterPass); d != "" {
		t.Errorf("opens during the pass (-want +got):\n%s", d)
	}
	// With a REUSE.toml, which might supply what long.go's head lacks,
	// the evaluation decides whether to read it whole.
	if d := cmp.Diff(map[string]int{"REUSE.toml": 1, "long.go": 1}, later); d != "" {
		t.Errorf("opens after the pass (-want +got):\n%s", d)
	}
	res := tgt.Reuse()
	if len(res.ReadErrors) != 1 || res.ReadErrors[0].Path != "locked.go" || len(res.MissingLicense) != 0 {
		t.Errorf("read errors %+v, missing %+v", res.ReadErrors, res.MissingLicense)
	}
	for _, p := range passes {
		if p.Check.ID == "reuse-read-error" && len(p.Findings()) != 1 {
			t.Errorf("reuse-read-error: %+v", p.Findings())
		}
	}
}

// TestReuseWholeReadInPass: without REUSE.toml or .reuse/dep5, a file
// whose head lacks information is read whole during the file pass, once,
// and the evaluation uses that reading: its header below the first 4 KiB
// counts, and nothing is opened after the pass.
func TestReuseWholeReadInPass(t *testing.T) {
	const hdr = "// SPDX-FileCopyrightText: 2026 Example\n// SPDX-License-Identifier: MIT\n"
	files := fstest.MapFS{
		"LICENSES/MIT.txt": file("text"),
		"a.go":             file(hdr + "package a\n"),
		"long.go":          file("// SPDX-License-Identifier: MIT\n" + strings.Repeat("// filler\n", 1000) + "// SPDX-FileCopyrightText: 2026 Example\n"),
		"bare.go":          file(strings.Repeat("// filler\n", 1000)),
		"blob.bin":         file("\x00" + strings.Repeat("x", 5000)),
	}
	afterPass, later, tgt, _ := reuseOpens(t, files)
	wantPass := map[string]int{".": 1, "LICENSES": 1, "a.go": 1, "long.go": 2, "bare.go": 2, "blob.bin": 1}
	if d := cmp.Diff(wantPass, afterPass); d != "" {
		t.Errorf("opens during the pass (-want +got):\n%s", d)
	}
	if len(later) != 0 {
		t.Errorf("opens after the pass: %v", later)
	}
	res := tgt.Reuse()
	var missing []string
	for _, is := range append(res.MissingLicense, res.MissingCopyright...) {
		missing = append(missing, is.Key+" "+is.Path)
	}
	want := []string{"license bare.go", "license blob.bin", "copyright bare.go", "copyright blob.bin"}
	if d := cmp.Diff(want, missing); d != "" {
		t.Errorf("missing (-want +got):\n%s", d)
	}
}

// reuseOpens runs every reuse-* check over files the way the runner does,
// and returns how often each path was opened during the file pass and
// after it (by the checks' Run), the target and the passes.
func reuseOpens(t *testing.T, files fstest.MapFS) (afterPass, later map[string]int, tgt *Target, passes []*Pass) {
	t.Helper()
	cfs := &countingFS{FS: files, opens: map[string]int{}, fail: map[string]bool{"locked.go": true}}
	r := &repo.Repo{Name: "t", Kind: repo.KindWorktree, FS: cfs}
	ix, _, err := repo.Walk(context.Background(), r, repo.WalkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tgt = NewTarget(r.FS, ix)
	for _, c := range reuseChecks() {
		passes = append(passes, NewPass(c, tgt, Options{}))
	}
	for _, e := range ix.Files() {
		head, want := 0, false
		for _, p := range passes {
			if p.Check.Want(p, e.Path) {
				want, head = true, max(head, p.Check.HeadBytes)
			}
		}
		if !want {
			continue
		}
		f := File{Entry: e}
		f.Head, f.Err = repo.ReadHead(cfs, e.Path, head)
		for _, p := range passes {
			p.Check.Visit(p, f)
		}
	}
	afterPass = map[string]int{}
	for k, v := range cfs.opens {
		afterPass[k] = v
	}
	for _, p := range passes {
		if err := p.Check.Run(p); err != nil {
			t.Fatal(err)
		}
	}
	later = map[string]int{}
	for k, v := range cfs.opens {
		if v > afterPass[k] {
			later[k] = v - afterPass[k]
		}
	}
	return afterPass, later, tgt, passes
}

// REUSE-IgnoreEnd

// TestReuseHeadsSurvivesAPanic: a reading that fails in the walk (here the
// whole read) is not recorded and does not end the walk; the evaluation
// reads the file again, where a failure is the check's error.
func TestReuseHeadsSurvivesAPanic(t *testing.T) {
	h := NewReuseHeads([]*Check{reuseMissingLicense()}, fstest.MapFS{})
	if h == nil {
		t.Fatal("no collector for a reuse-* check")
	}
	long := strings.Repeat("int x;\n", 1000) // no header, longer than the head
	h.Head(repo.Entry{Path: "a.c", Size: int64(len(long))}, []byte(long[:reuseHeadBytes]), brokenWhole{})
	h.Head(repo.Entry{Path: "b.c", Size: 3}, []byte("x;\n"), nil)
	var got []string
	for _, chunk := range h.read {
		for _, w := range chunk {
			got = append(got, w.path)
		}
	}
	if len(got) != 1 || got[0] != "b.c" {
		t.Errorf("recorded %v, want only b.c", got)
	}
}

// brokenWhole is a Whole whose read panics.
type brokenWhole struct{}

func (brokenWhole) ReadAll(int64, []byte) ([]byte, error) { panic("whole read broke") }
