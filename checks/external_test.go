// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOutsideTheModule builds and runs example_test.go's check in a
// module of its own that requires ospolint, as a project writing its own
// checks would: Go refuses imports of ospolint's internal packages there, so
// this fails when the public check API leaks an internal type that a check
// must name.
func TestCheckOutsideTheModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a second module")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	mod := "module example.com/mychecks\n\ngo 1.26.0\n\nrequire github.com/ospolint/ospolint v0.0.0\n\nreplace github.com/ospolint/ospolint => " + root + "\n"
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "/internal/") {
		t.Fatal("example_test.go imports an internal package: it must use the public API only")
	}
	for name, data := range map[string][]byte{"go.mod": []byte(mod), "go.sum": sum, "notice_test.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(gobin, "test", "-count=1", "-run", "TestExternalCheck|TestEvaluateRejectsUnknownOption", ".")
	cmd.Dir = dir
	// Offline: every module comes from the cache the outer build filled.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the example check does not build and pass in a module of its own:\n%s", out)
	}
}
