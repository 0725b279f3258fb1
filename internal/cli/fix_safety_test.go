// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// REUSE-IgnoreStart

// snapshot records every path of a tree with its content (files) or target
// (links), so a test can tell whether a run changed anything.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out[rel] = "link -> " + target
		case info.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(b)
		case info.IsDir():
			out[rel+"/"] = ""
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFixSymlinkedCommunityFile: a CONTRIBUTING.md that is a link leading out
// of the repository made fix create some files and then exit 3. The plan now
// leaves the link alone (and says so), the dry run shows exactly what the run
// does, and the run succeeds.
func TestFixSymlinkedCommunityFile(t *testing.T) {
	dir := fixFixture(t)
	outside := filepath.Join(t.TempDir(), "CONTRIBUTING.md")
	if err := os.Symlink(outside, filepath.Join(dir, "CONTRIBUTING.md")); err != nil {
		t.Fatal(err)
	}
	args := []string{"fix", "--copyright", "Example Corp", "--year", "2026", "--contact", "oss@example.com", dir}
	code, diff, errOut := run(t, append([]string{"fix", "--dry-run"}, args[1:]...)...)
	if code != ExitOK {
		t.Fatalf("dry run: exit %d: %s", code, errOut)
	}
	if strings.Contains(diff, "b/CONTRIBUTING.md") {
		t.Errorf("the dry run plans to write through the link:\n%s", diff)
	}
	if !strings.Contains(errOut, "not fixed: CONTRIBUTING.md") || !strings.Contains(errOut, "symbolic link") {
		t.Errorf("the dry run does not say the link is left alone: %q", errOut)
	}
	code, out, errOut := run(t, args...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	if _, err := os.Lstat(outside); !os.IsNotExist(err) {
		t.Errorf("fix created the link's target outside the repository (%v)", err)
	}
	for _, want := range []string{"SECURITY.md", "CODE_OF_CONDUCT.md", "main.go"} {
		if !strings.Contains(out, "fixed "+want) || !strings.Contains(diff, "b/"+want) {
			t.Errorf("%s: not fixed as the dry run said:\n%s", want, out)
		}
	}
}

// TestFixHardLink: a file inside the tree hard-linked to one outside it was
// rewritten in place, changing the outside file. A file with more than one
// link is never written: it gets a sidecar, and the dry run says the same.
func TestFixHardLink(t *testing.T) {
	dir := fixFixture(t)
	outside := filepath.Join(t.TempDir(), "shared.go")
	if err := os.WriteFile(outside, []byte("package shared\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(outside, filepath.Join(dir, "shared.go")); err != nil {
		t.Skipf("hard links not supported here: %v", err)
	}
	args := []string{"fix", "--no-community", "--copyright", "Example Corp", "--year", "2026", dir}
	code, diff, errOut := run(t, append([]string{"fix", "--dry-run"}, args[1:]...)...)
	if code != ExitOK {
		t.Fatalf("dry run: exit %d: %s", code, errOut)
	}
	if strings.Contains(diff, "b/shared.go\n") || !strings.Contains(diff, "b/shared.go.license") {
		t.Errorf("dry run: want a sidecar for the hard-linked file, not a rewrite:\n%s", diff)
	}
	if code, out, errOut := run(t, args...); code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	if b, _ := os.ReadFile(outside); string(b) != "package shared\n" {
		t.Errorf("the file outside the repository changed: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "shared.go.license")); !strings.Contains(string(b), "SPDX-License-Identifier: MIT") {
		t.Errorf("shared.go.license = %q", b)
	}
}

// TestFixSidecarLink: a sidecar that is a link to another file inside the
// tree was read through the link when planning and refused when writing,
// after other files had been written.
func TestFixSidecarLink(t *testing.T) {
	dir := fixFixture(t)
	if err := os.WriteFile(filepath.Join(dir, "other.license"), []byte("SPDX-FileCopyrightText: 2020 Y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("other.license", filepath.Join(dir, "logo.png.license")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	args := []string{"fix", "--no-community", "--copyright", "Example Corp", "--year", "2026", dir}
	code, diff, errOut := run(t, append([]string{"fix", "--dry-run"}, args[1:]...)...)
	if code != ExitOK || strings.Contains(diff, "logo.png.license") || !strings.Contains(errOut, "not fixed: logo.png.license") {
		t.Errorf("dry run: exit %d, want the linked sidecar left alone and reported:\n%s%s", code, diff, errOut)
	}
	code, out, errOut := run(t, args...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	after := snapshot(t, dir)
	if after["other.license"] != before["other.license"] || after["logo.png.license"] != before["logo.png.license"] {
		t.Errorf("the link or its target changed: %q %q", after["other.license"], after["logo.png.license"])
	}
}

// REUSE-IgnoreEnd
