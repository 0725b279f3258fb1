// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// REUSE-IgnoreStart

// treeOf writes files (name -> content) into a new directory and opens it.
func treeOf(t *testing.T, files map[string]string) (*Tree, string) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	tr, err := OpenTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tr.Close() })
	return tr, dir
}

// listing is every path under dir with its content ("/" for directories,
// "-> target" for links): what "the tree is unchanged" compares.
func listing(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "-> " + target
		case info.IsDir():
			out[rel] = "/"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = info.Mode().Perm().String() + " " + string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestApply(t *testing.T) {
	tr, dir := treeOf(t, map[string]string{"a.go": "package a\n", "b.go": "package b\n"})
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "link.go")); err != nil {
		t.Fatal(err)
	}
	neu, _, _ := AddHeader("a.go", []byte("package a\n"), hdr, Tags{License: true, Copyright: true})
	err := tr.Apply([]Change{
		{Path: "a.go", Old: []byte("package a\n"), New: neu},
		{Path: "NOTICE.license", New: []byte("x\n")},
		{Path: "LICENSES/MIT.txt", New: []byte("MIT\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := listing(t, dir)
	for name, want := range map[string]string{
		"a.go":             "-rw-r----- " + string(neu), // the mode is kept
		"NOTICE.license":   "x\n",
		"LICENSES/MIT.txt": "MIT\n",
	} {
		if !strings.HasSuffix(got[name], want) {
			t.Errorf("%s = %q, want %q", name, got[name], want)
		}
	}
	for name := range got {
		if strings.Contains(name, ".ospolint-") {
			t.Errorf("temporary file left: %s", name)
		}
	}

	for _, tc := range []struct {
		name string
		c    Change
		want string
	}{
		{"stale", Change{Path: "b.go", Old: []byte("package old\n"), New: []byte("x")}, "changed while fixing"},
		{"through a link", Change{Path: "link.go", Old: []byte("x"), New: []byte("y")}, "symbolic link"},
		{"create over a file", Change{Path: "b.go", New: []byte("y")}, "exists"},
		{"create over a link", Change{Path: "link.go", New: []byte("y")}, "symbolic link"},
		{"gone", Change{Path: "c.go", Old: []byte("x"), New: []byte("y")}, "gone"},
	} {
		before := listing(t, dir)
		// A good change first: it must not survive the bad one.
		good := Change{Path: "new/dir/ok.txt", New: []byte("ok\n")}
		err := tr.Apply([]Change{good, tc.c})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
		if d := cmp.Diff(before, listing(t, dir)); d != "" {
			t.Errorf("%s: the tree changed (-before +after):\n%s", tc.name, d)
		}
	}
}

// TestApplyFailsMidway injects a failure at each step of each change: the
// tree must be left exactly as it was, whichever step fails.
func TestApplyFailsMidway(t *testing.T) {
	files := map[string]string{"a.go": "package a\n", "z/b.go": "package b\n"}
	changes := func() []Change {
		return []Change{
			{Path: "a.go", Old: []byte("package a\n"), New: []byte("// header\npackage a\n")},
			{Path: "docs/new/SECURITY.md", New: []byte("# Security\n")},
			{Path: "LICENSES/MIT.txt", New: []byte("MIT\n")},
			{Path: "z/b.go", Old: []byte("package b\n"), New: []byte("// header\npackage b\n")},
		}
	}
	// Record every step a successful run takes.
	var steps []string
	{
		tr, _ := treeOf(t, files)
		tr.fail = func(step, name string) error {
			steps = append(steps, step+" "+name)
			return nil
		}
		if err := tr.Apply(changes()); err != nil {
			t.Fatal(err)
		}
	}
	if len(steps) < 10 {
		t.Fatalf("only %d steps recorded: %v", len(steps), steps)
	}
	for _, failAt := range steps {
		tr, dir := treeOf(t, files)
		before := listing(t, dir)
		injected := errors.New("injected failure")
		tr.fail = func(step, name string) error {
			if step+" "+name == failAt {
				return injected
			}
			return nil
		}
		err := tr.Apply(changes())
		if !errors.Is(err, injected) || !strings.Contains(err.Error(), "nothing was changed") {
			t.Errorf("fail at %q: err = %v", failAt, err)
		}
		if d := cmp.Diff(before, listing(t, dir)); d != "" {
			t.Errorf("fail at %q: the tree changed (-before +after):\n%s", failAt, d)
		}
	}
}

// TestApplyKeepsAnEditMadeWhileStaging edits a file after Apply compared it
// with the plan and staged its new content, before the renames: the edit
// must survive (no rename over it) and the run must say so.
func TestApplyKeepsAnEditMadeWhileStaging(t *testing.T) {
	tr, dir := treeOf(t, map[string]string{"a.go": "package a\n", "b.go": "package b\n"})
	const edited = "package a\n\nfunc Edited() {}\n"
	tr.fail = func(step, name string) error {
		if step+" "+name == "write b.go" {
			// a.go is staged by now; an editor saves it.
			return os.WriteFile(filepath.Join(dir, "a.go"), []byte(edited), 0o640)
		}
		return nil
	}
	err := tr.Apply([]Change{
		{Path: "a.go", Old: []byte("package a\n"), New: []byte("// h\npackage a\n")},
		{Path: "b.go", Old: []byte("package b\n"), New: []byte("// h\npackage b\n")},
	})
	if err == nil || !strings.Contains(err.Error(), "a.go: the file changed while fixing") {
		t.Fatalf("err = %v, want a.go changed while fixing", err)
	}
	want := map[string]string{".": "/", "a.go": "-rw-r----- " + edited, "b.go": "-rw-r----- package b\n"}
	if d := cmp.Diff(want, listing(t, dir)); d != "" {
		t.Errorf("the tree (-want +got):\n%s", d)
	}
}

// TestApplyReadOnlyDirectory fails for real, not by injection: the second
// file's directory does not accept new files, after the first was staged.
func TestApplyReadOnlyDirectory(t *testing.T) {
	tr, dir := treeOf(t, map[string]string{"a.go": "package a\n", "ro/b.go": "package b\n"})
	if err := os.Chmod(filepath.Join(dir, "ro"), 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(dir, "ro"), 0o755) })
	if f, err := os.Create(filepath.Join(dir, "ro", "probe")); err == nil {
		_ = f.Close()
		_ = os.Remove(filepath.Join(dir, "ro", "probe"))
		t.Skip("running with privileges that ignore directory permissions; TestApplyFailsMidway covers this")
	}
	before := listing(t, dir)
	err := tr.Apply([]Change{
		{Path: "a.go", Old: []byte("package a\n"), New: []byte("// h\npackage a\n")},
		{Path: "ro/b.go", Old: []byte("package b\n"), New: []byte("// h\npackage b\n")},
	})
	if err == nil || !strings.Contains(err.Error(), "ro/b.go") {
		t.Fatalf("err = %v, want a failure naming ro/b.go", err)
	}
	if d := cmp.Diff(before, listing(t, dir)); d != "" {
		t.Errorf("the tree changed (-before +after):\n%s", d)
	}
}

func TestInspect(t *testing.T) {
	tr, dir := treeOf(t, map[string]string{"real/a.go": "package a\n", "one.go": "x"})
	for _, l := range []struct{ target, name string }{{"real", "alias"}, {"real/a.go", "b.go"}, {"/nonexistent", "dangling"}} {
		if err := os.Symlink(l.target, filepath.Join(dir, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link(filepath.Join(dir, "one.go"), filepath.Join(dir, "two.go")); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range []string{"real/a.go", "alias/a.go", "b.go", "dangling", "dangling/x", "two.go", "real", "new/x.go", "one.go/x"} {
		st, _, why := tr.Inspect(p)
		got = append(got, p+": "+[]string{"absent", "regular", "blocked"}[st]+" "+why)
	}
	sort.Strings(got)
	want := []string{
		"alias/a.go: blocked the path goes through the symbolic link alias",
		"b.go: blocked a symbolic link; fix the file it points to",
		"dangling/x: blocked the path goes through the symbolic link dangling",
		"dangling: blocked a symbolic link; fix the file it points to",
		"new/x.go: absent ",
		"one.go/x: absent ",
		"real/a.go: regular ",
		"real: blocked not a regular file",
		"two.go: blocked 2 hard links; not rewritten, as that would change the other names too",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// REUSE-IgnoreEnd
