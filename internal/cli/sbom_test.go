// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestOwnSBOMIsCurrent: the committed sbom.spdx.json describes the current
// go.mod (regenerate with `go run ./cmd/ospolint sbom --package-version 0.1.0 -o sbom.spdx.json`).
func TestOwnSBOMIsCurrent(t *testing.T) {
	root := filepath.Join("..", "..")
	committed, err := os.ReadFile(filepath.Join(root, "sbom.spdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		CreationInfo struct {
			Created string `json:"created"`
		} `json:"creationInfo"`
	}
	if err := json.Unmarshal(committed, &meta); err != nil {
		t.Fatal(err)
	}
	created, err := time.Parse(time.RFC3339, meta.CreationInfo.Created)
	if err != nil {
		t.Fatal(err)
	}
	var fresh bytes.Buffer
	if err := writeSBOM(context.Background(), root, sbomOptions{format: "spdx", created: created, version: Version}, &fresh); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(committed), fresh.String()); d != "" {
		t.Errorf("sbom.spdx.json is stale; run: go run ./cmd/ospolint sbom --package-version 0.1.0 -o sbom.spdx.json\n%s", d)
	}
}

// TestOwnSBOMMatchesGoList: the modules of ospolint's SBOM are exactly
// those the go command lists for the build and the tests of every package,
// on Linux, macOS and Windows together (go-winio and mousetrap are Windows
// only), and their licences come from the module cache where it holds them.
// Test-only modules (go-cmp, jsonschema: in go.sum, not in the binary) are
// listed on purpose: go.mod and go.sum do not say which modules only tests
// load, and telling would take the go command and a full module cache,
// making the document depend on the machine that writes it (docs/sbom.md,
// "Which Go modules").
func TestOwnSBOMMatchesGoList(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root := filepath.Join("..", "..")
	build, want := map[string]bool{}, map[string]bool{}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		for _, test := range []bool{false, true} {
			args := []string{"list", "-deps"}
			if test {
				args = append(args, "-test")
			}
			cmd := exec.Command(goBin, append(args, "-f", "{{with .Module}}{{if not .Main}}{{.Path}}{{end}}{{end}}", "./...")...)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GOOS="+goos, "GOFLAGS=-mod=readonly", "GOPROXY=off")
			out, err := cmd.Output()
			if err != nil {
				t.Skipf("go list (GOOS=%s): %v", goos, err)
			}
			for _, l := range strings.Fields(string(out)) {
				want[l] = true
				if !test {
					build[l] = true
				}
			}
		}
	}
	var doc struct {
		Packages []struct {
			Name            string `json:"name"`
			LicenseDeclared string `json:"licenseDeclared"`
		} `json:"packages"`
	}
	data, err := os.ReadFile(filepath.Join(root, "sbom.spdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	unknown := 0
	for _, p := range doc.Packages[1:] {
		got[p.Name] = true
		if p.LicenseDeclared == "NOASSERTION" {
			unknown++
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("modules of sbom.spdx.json (-go list -deps -test +SBOM):\n%s", d)
	}
	var testOnly []string
	for m := range want {
		if !build[m] {
			testOnly = append(testOnly, m)
			if !got[m] {
				t.Errorf("the SBOM leaves out %s, which only tests load: docs/sbom.md says test-only modules are listed", m)
			}
		}
	}
	sort.Strings(testOnly)
	t.Logf("%d modules, %d of them only for tests: %s", len(got), len(testOnly), strings.Join(testOnly, ", "))
	if unknown > 0 {
		t.Logf("%d of %d modules without a licence (not in this machine's module cache)", unknown, len(got))
	}
}
