// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
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
