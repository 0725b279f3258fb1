// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

// The fixture repositories testdata/repos/reuse-*/ each hold an expected.txt
// listing the findings of the reuse-* checks, one "check path[:line]" a
// line. expected.txt is not part of the repository: the tests copy the
// fixture without it.

func reuseFixtures(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "repos", "reuse-*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no reuse fixtures: %v", err)
	}
	return dirs
}

// copyFixture copies a fixture into a temporary directory (outside any git
// repository, so neither tool sees this project's .gitignore), keeping
// symlinks, and adds a file the fixture's .gitignore ignores.
func copyFixture(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == "." || rel == "expected.txt" {
			return nil
		}
		out := filepath.Join(dst, rel)
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, out)
		case info.IsDir():
			return os.MkdirAll(out, 0o755)
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(out, data, 0o644)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, ".gitignore")); err == nil {
		// No header: it would be reported if the ignore rules were not applied.
		if err := os.WriteFile(filepath.Join(dst, "debug.log"), []byte("log line\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func reuseIDs() string {
	var ids []string
	for _, c := range checks.All() {
		if strings.HasPrefix(c.ID, "reuse-") {
			ids = append(ids, c.ID)
		}
	}
	return strings.Join(ids, ",")
}

// scanReuse runs the reuse rule set's reuse-* checks through the real runner.
func scanReuse(t testing.TB, dir string) []scan.Finding {
	t.Helper()
	cfg, err := config.LoadBuiltin("reuse")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := scan.NewPlan(cfg, reuseIDs())
	if err != nil {
		t.Fatal(err)
	}
	r, err := repo.OpenWorktree(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	res, err := scan.Run(context.Background(), r, plan, scan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Checks {
		if c.Status == checks.StatusError {
			t.Fatalf("%s: %s", c.ID, c.Reason)
		}
	}
	return res.Findings
}

func findingLines(fs []scan.Finding) []string {
	out := []string{}
	for _, f := range fs {
		s := f.Check + " " + f.Path
		if f.Line > 0 {
			s += ":" + strconv.Itoa(f.Line)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func readExpected(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

func TestReuseFixtures(t *testing.T) {
	for _, dir := range reuseFixtures(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := findingLines(scanReuse(t, copyFixture(t, dir)))
			if d := cmp.Diff(readExpected(t, dir), got); d != "" {
				t.Errorf("findings differ from expected.txt (-want +got):\n%s", d)
			}
		})
	}
}

// reuseTool describes the reuse binary on PATH, or skips the test. With
// OSPOLINT_REQUIRE_REUSE=1 (.ci/run sets it) a tool that cannot run fails
// the test instead: CI must not pass without comparing with `reuse lint`.
func reuseTool(t *testing.T) (major int) {
	t.Helper()
	cannot := t.Skipf
	if os.Getenv("OSPOLINT_REQUIRE_REUSE") == "1" {
		cannot = t.Fatalf
	}
	if _, err := exec.LookPath("reuse"); err != nil {
		cannot("reuse is not on PATH (Debian: apt-get install reuse; OSPOLINT_REQUIRE_REUSE=1 makes this a failure)")
	}
	out, err := exec.Command("reuse", "--version").Output()
	if err != nil {
		cannot("reuse --version: %v", err)
	}
	m := regexp.MustCompile(`(\d+)\.\d+`).FindSubmatch(out)
	if m == nil {
		cannot("unknown reuse version %q", out)
	}
	major, _ = strconv.Atoi(string(m[1]))
	return major
}

// reuseLint runs `reuse lint` in dir and returns the files it names as
// non-compliant. It reads the --lines output of REUSE tool 4 and later and
// the sectioned report of older versions, where licences named by
// identifier (deprecated, unused) are mapped to their texts in LICENSES/.
func reuseLint(t testing.TB, dir string, major int) []string {
	t.Helper()
	if _, err := exec.LookPath("git"); err == nil {
		// Make the copy a git repository so reuse applies .gitignore.
		if out, err := exec.Command("git", "-C", dir, "init", "-q").CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
	}
	args := []string{"--root", ".", "lint"}
	if major >= 4 {
		args = append(args, "--lines")
	}
	cmd := exec.Command("reuse", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != 1) {
		t.Fatalf("reuse lint: %v\n%s", err, stderr.String())
	}
	set := map[string]bool{}
	if major >= 4 {
		line := regexp.MustCompile(`^(.+?)(?::\d+)?: `)
		for _, l := range strings.Split(stdout.String(), "\n") {
			if m := line.FindStringSubmatch(l); m != nil {
				set[filepath.ToSlash(m[1])] = true
			}
		}
		return sortedKeys(set)
	}
	licenseText := func(id string) {
		matches, _ := filepath.Glob(filepath.Join(dir, "LICENSES", id+"*"))
		for _, m := range matches {
			rel, _ := filepath.Rel(dir, m)
			rel = filepath.ToSlash(rel)
			if base := filepath.Base(m); base == id || strings.TrimSuffix(base, filepath.Ext(base)) == id {
				set[rel] = true
			}
		}
	}
	section := ""
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		l := sc.Text()
		if s, ok := strings.CutPrefix(l, "# "); ok {
			section = s
			continue
		}
		item, ok := strings.CutPrefix(l, "* ")
		if !ok {
			continue
		}
		switch section {
		case "DEPRECATED LICENSES", "UNUSED LICENSES":
			licenseText(item)
		case "SUMMARY":
		default:
			set[filepath.ToSlash(item)] = true
		}
	}
	return sortedKeys(set)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// nonCompliant is the set of files ospolint names, in reuse lint's terms:
// findings about REUSE.toml and dep5 themselves are left out (reuse lint
// names the files they cover, or stops).
func nonCompliant(fs []scan.Finding) []string {
	set := map[string]bool{}
	for _, f := range fs {
		if f.Check == "reuse-invalid-config" || filepath.Base(f.Path) == "REUSE.toml" || f.Path == ".reuse/dep5" {
			continue
		}
		if f.Check == "reuse-missing-licenses" {
			// One finding per missing text names the files using it (all
			// of them on fixtures this small); reuse lint lists the files.
			files, _ := f.Properties["files"].([]map[string]any)
			for _, ref := range files {
				set[ref["path"].(string)] = true
			}
			continue
		}
		set[f.Path] = true
	}
	return sortedKeys(set)
}

// usesTOML reports whether a fixture relies on REUSE.toml, which the REUSE
// tool reads from version 3 on.
func usesTOML(dir string) bool {
	found := false
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Name() == "REUSE.toml" {
			found = true
		}
		return nil
	})
	return found
}

// TestReuseAgreesWithReuseLint runs `reuse lint` and ospolint on every
// fixture and compares the sets of non-compliant files. docs/reuse.md
// explains the differences this test tolerates.
func TestReuseAgreesWithReuseLint(t *testing.T) {
	major := reuseTool(t)
	for _, dir := range reuseFixtures(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if major < 3 && usesTOML(dir) {
				t.Skipf("reuse %d predates REUSE.toml (REUSE Specification 3.2)", major)
			}
			root := copyFixture(t, dir)
			ours := nonCompliant(scanReuse(t, root))
			theirs := reuseLint(t, root, major)
			if d := cmp.Diff(theirs, ours); d != "" {
				t.Errorf("non-compliant files differ (-reuse lint +ospolint):\n%s", d)
			}
		})
	}
}

// REUSE-IgnoreStart

// genTree writes a repository of n source files: most with full headers,
// some without licence, copyright or both, some with an invalid expression,
// and a directory of data files covered by .reuse/dep5. It returns the files
// that must be reported.
func genTree(t testing.TB, dir string, n int) []string {
	t.Helper()
	write := func(p, s string) {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("LICENSES/Apache-2.0.txt", "Apache License, Version 2.0 (fixture; full text at https://spdx.org/licenses/Apache-2.0.html)\n")
	write("LICENSES/CC0-1.0.txt", "CC0 1.0 Universal (fixture; full text at https://spdx.org/licenses/CC0-1.0.html)\n")
	write(".reuse/dep5", "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: data/*\nCopyright: 2026 Example Corp\nLicense: CC0-1.0\n")
	var bad []string
	body := strings.Repeat("func f() int { return 42 }\n", 20)
	for i := range n {
		p := fmt.Sprintf("pkg%03d/file%05d.go", i%97, i)
		cp, lic := "// SPDX-FileCopyrightText: 2026 Example Corp\n", "// SPDX-License-Identifier: Apache-2.0\n"
		switch i % 50 {
		case 1:
			cp = ""
		case 2:
			lic = ""
		case 3:
			cp, lic = "", ""
		case 4:
			lic = "// SPDX-License-Identifier: Apache 2.0\n"
		case 5:
			p = fmt.Sprintf("data/blob%05d.bin", i)
			cp, lic = "", ""
		}
		if cp == "" || lic == "" || i%50 == 4 {
			if i%50 != 5 {
				bad = append(bad, p)
			}
		}
		write(p, cp+lic+"\npackage p\n\n"+body)
	}
	sort.Strings(bad)
	return bad
}

// REUSE-IgnoreEnd

func TestReuseAgreesWithReuseLintOnGeneratedTree(t *testing.T) {
	major := reuseTool(t)
	n := 3000
	if testing.Short() {
		n = 300
	}
	root := t.TempDir()
	want := genTree(t, root, n)
	start := time.Now()
	ours := nonCompliant(scanReuse(t, root))
	oursTime := time.Since(start)
	if d := cmp.Diff(want, ours); d != "" {
		t.Errorf("ospolint: non-compliant files differ from the generated ones (-want +got):\n%s", d)
	}
	start = time.Now()
	theirs := reuseLint(t, root, major)
	t.Logf("%d files: ospolint %v, reuse lint %v", n, oursTime, time.Since(start))
	if d := cmp.Diff(theirs, ours); d != "" {
		t.Errorf("non-compliant files differ (-reuse lint +ospolint):\n%s", d)
	}
}

// BenchmarkReuseScan measures the reuse-* checks through the runner on a
// generated tree (bench/reuse.sh compares the same with reuse lint).
func BenchmarkReuseScan(b *testing.B) {
	root := b.TempDir()
	genTree(b, root, 20000)
	b.ResetTimer()
	for range b.N {
		scanReuse(b, root)
	}
}
