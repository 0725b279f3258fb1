// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ospolint/ospolint/bench/treegen"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

// tierChild names the licence a child process of
// TestCommonScanStaysInFirstTier scans a tree under.
const tierChild = "OSPOLINT_TIER_CHILD"

// TestCommonScanStaysInFirstTier: a scan, with the default and the REUSE
// rule sets, of a generated tree whose licence is MIT or Apache-2.0 never
// loads the SPDX pool nor compiles one of its patterns (the
// issue's target; bench/licid.sh times the same scan against reading the
// files). Each scan runs in a child process, whose licence state no other
// test has touched. OSPOLINT_BENCH_FILES sets the tree's size (default
// 2,000; the bench script uses 20,000).
func TestCommonScanStaysInFirstTier(t *testing.T) {
	if id := os.Getenv(tierChild); id != "" {
		scanUnder(t, id)
		return
	}
	if testing.Short() {
		t.Skip("-short: no child scans")
	}
	for _, id := range []string{"MIT", "Apache-2.0"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCommonScanStaysInFirstTier$", "-test.v")
		cmd.Env = append(os.Environ(), tierChild+"="+id)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS") {
			t.Errorf("%s: the child scan failed (%v):\n%s", id, err, out)
			continue
		}
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "SPDX pool loaded") {
				t.Log(id + ": " + strings.TrimSpace(l))
			}
		}
	}
}

// scanUnder generates a tree, puts the licence id's usual text in its
// LICENSE, scans it and fails when the scan used the SPDX pool.
func scanUnder(t *testing.T, id string) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("OSPOLINT_BENCH_FILES")); err == nil && v > 0 {
		n = v
	}
	dir := filepath.Join(t.TempDir(), "tree")
	if _, err := treegen.Generate(dir, n, 1); err != nil {
		t.Fatal(err)
	}
	if id != "MIT" {
		// The text as projects ship it (Debian's copy of apache.org's).
		text, err := os.ReadFile(filepath.Join("testdata", "corpus", "deb-"+id))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "LICENSE"), text, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, set := range []string{config.DefaultSet, "reuse"} {
		cfg, err := config.LoadBuiltin(set)
		if err != nil {
			t.Fatal(err)
		}
		r, err := repo.OpenWorktree(dir)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := scan.NewPlan(cfg, "")
		if err != nil {
			t.Fatal(err)
		}
		res, err := scan.Run(context.Background(), r, plan, scan.Options{})
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if e := res.Facts.License.Expression; set == config.DefaultSet && (e == nil || *e != id) {
			t.Fatalf("%s scan: project licence %v, want %s", set, e, id)
		}
	}
	pooled, builtin := license.CompiledPatterns()
	t.Logf("%d files under %s: SPDX pool loaded: %v, pool patterns compiled: %d (licensecheck's: %d)", n, id, license.PoolLoaded(), pooled, builtin)
	if license.PoolLoaded() || pooled > 0 {
		t.Errorf("a scan of a tree under %s used the SPDX pool", id)
	}
}
