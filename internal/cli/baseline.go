// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

// maxBaseline caps the baseline report read: a report of a whole
// organisation stays well below it.
const maxBaseline = 256 << 20

// sarifFingerprintKey is the partialFingerprints key ospolint's SARIF
// writes (internal/report).
const sarifFingerprintKey = "ospolintFingerprint/v1"

// loadBaseline reads the fingerprints of a previous ospolint report, JSON
// or SARIF, as the findings a baseline scan does not report again. The
// fingerprints of every target of the report count.
func loadBaseline(file string) (*scan.Known, error) {
	if file == "" {
		return nil, nil
	}
	dir, name := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	data, err := repo.ReadFile(os.DirFS(dir), name, maxBaseline)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("--baseline %s: %w", file, err)
	}
	fps, err := baselineFingerprints(data)
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", file, err)
	}
	return scan.NewKnown(file, fps), nil
}

// baselineDoc is what both report formats are read as: a JSON report has
// targets, a SARIF log has runs.
type baselineDoc struct {
	SchemaVersion *string `json:"schemaVersion"`
	Targets       []struct {
		Findings []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
	} `json:"targets"`
	Version *string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name string `json:"name"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func baselineFingerprints(data []byte) ([]string, error) {
	var doc baselineDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("line %d: not JSON: %w", lineAt(data, se.Offset), err)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("line %d: not an ospolint JSON or SARIF report: %s has the wrong type", lineAt(data, te.Offset), te.Field)
		}
		return nil, fmt.Errorf("not an ospolint JSON or SARIF report: %w", err)
	}
	var fps []string
	switch {
	case doc.SchemaVersion != nil:
		for _, t := range doc.Targets {
			for _, f := range t.Findings {
				if f.Fingerprint != "" {
					fps = append(fps, f.Fingerprint)
				}
			}
		}
	case doc.Version != nil && doc.Runs != nil:
		for _, run := range doc.Runs {
			if run.Tool.Driver.Name != "ospolint" {
				return nil, fmt.Errorf("a SARIF run of %q, not of ospolint: its fingerprints mean nothing here", run.Tool.Driver.Name)
			}
			for _, r := range run.Results {
				if fp := r.PartialFingerprints[sarifFingerprintKey]; fp != "" {
					fps = append(fps, fp)
				}
			}
		}
	default:
		return nil, errors.New("not an ospolint JSON report (no schemaVersion) or SARIF log (no version and runs)")
	}
	return fps, nil
}

// lineAt is the 1-based line of a byte offset.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}
