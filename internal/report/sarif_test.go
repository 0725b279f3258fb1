// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/scan"
)

var sarifSchemaOnce struct {
	sync.Once
	sch *jsonschema.Schema
	err error
}

// sarifValidator compiles the SARIF 2.1.0 schema shipped in testdata (see
// testdata/README.md for its source).
func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sarifSchemaOnce.Do(func() {
		f, err := os.Open(filepath.Join(packageDir, "testdata", "sarif-2.1.0-rtm.5.json"))
		if err != nil {
			sarifSchemaOnce.err = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			sarifSchemaOnce.err = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("sarif-2.1.0.json", doc); err != nil {
			sarifSchemaOnce.err = err
			return
		}
		sarifSchemaOnce.sch, sarifSchemaOnce.err = c.Compile("sarif-2.1.0.json")
	})
	if sarifSchemaOnce.err != nil {
		t.Fatalf("sarif schema: %v", sarifSchemaOnce.err)
	}
	return sarifSchemaOnce.sch
}

func sarifSchemaErr(t *testing.T, doc []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return sarifValidator(t).Validate(inst)
}

func validateSARIF(t *testing.T, doc []byte) {
	t.Helper()
	if err := sarifSchemaErr(t, doc); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			t.Fatalf("SARIF does not match the 2.1.0 schema:\n%v", ve.DetailedOutput())
		}
		t.Fatalf("SARIF does not match the 2.1.0 schema: %v", err)
	}
}

func writeSARIF(t *testing.T, r *scan.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := SARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	return buf.Bytes()
}

func decodeSARIF(t *testing.T, doc []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(doc, &log); err != nil {
		t.Fatal(err)
	}
	return log
}

// The schema check must be able to fail: each broken variant of a valid
// document is rejected.
func TestSARIFSchemaRejectsBrokenDocuments(t *testing.T) {
	rep, _ := scanFixtures(t, "demo")
	valid := writeSARIF(t, rep)
	for _, tc := range []struct {
		name   string
		mutate func(m map[string]any)
	}{
		{"no version", func(m map[string]any) { delete(m, "version") }},
		{"wrong version", func(m map[string]any) { m["version"] = "2.0.0" }},
		{"unknown top-level key", func(m map[string]any) { m["extra"] = true }},
		{"runs not an array", func(m map[string]any) { m["runs"] = map[string]any{} }},
		{"no tool", func(m map[string]any) { delete(run0(m), "tool") }},
		{"bad level", func(m map[string]any) { result0(m)["level"] = "fatal" }},
		{"negative rule index", func(m map[string]any) { result0(m)["ruleIndex"] = -5 }},
		{"message without text", func(m map[string]any) { result0(m)["message"] = map[string]any{} }},
		{"line zero", func(m map[string]any) {
			loc := result0(m)["locations"].([]any)[0].(map[string]any)
			loc["physicalLocation"].(map[string]any)["region"] = map[string]any{"startLine": 0}
		}},
		{"bad suppression kind", func(m map[string]any) {
			for _, r := range run0(m)["results"].([]any) {
				if s, ok := r.(map[string]any)["suppressions"]; ok {
					s.([]any)[0].(map[string]any)["kind"] = "waiver"
				}
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(valid, &m); err != nil {
				t.Fatal(err)
			}
			tc.mutate(m)
			doc, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if err := sarifSchemaErr(t, doc); err == nil {
				t.Errorf("broken document (%s) passed validation", tc.name)
			}
		})
	}
}

func run0(m map[string]any) map[string]any { return m["runs"].([]any)[0].(map[string]any) }

func result0(m map[string]any) map[string]any {
	return run0(m)["results"].([]any)[0].(map[string]any)
}

// Fingerprints identify an alert across runs: the same repository scanned
// twice, from different directories, gives the same ones.
func TestSARIFFingerprintsStable(t *testing.T) {
	fps := func() []string {
		rep, _ := scanFixtures(t, "demo", "legacy", "bare")
		var out []string
		for _, run := range decodeSARIF(t, writeSARIF(t, rep)).Runs {
			// Alerts are told apart within a category, so fingerprints
			// must be unique within a run.
			seen := map[string]bool{}
			for _, r := range run.Results {
				fp := r.PartialFingerprints[fingerprintKey]
				if fp == "" || seen[fp] {
					t.Errorf("%s: fingerprint %q missing or repeated in %s", r.RuleID, fp, run.AutomationDetails.ID)
				}
				seen[fp] = true
				out = append(out, run.AutomationDetails.ID+" "+r.RuleID+" "+fp)
			}
		}
		return out
	}
	first, second := fps(), fps()
	if len(first) < 4 {
		t.Fatalf("expected several results, got %v", first)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("fingerprints changed between runs (-first +second):\n%s", diff)
	}
}

func TestSARIFResults(t *testing.T) {
	rep, _ := scanFixtures(t, "demo")
	log := decodeSARIF(t, writeSARIF(t, rep))
	if len(log.Runs) != 1 {
		t.Fatalf("one target gives one run, got %d", len(log.Runs))
	}
	run := log.Runs[0]
	if run.AutomationDetails == nil || run.AutomationDetails.ID != "ospolint/" {
		t.Errorf("automationDetails = %+v, want id ospolint/", run.AutomationDetails)
	}
	byRule := map[string]sarifResult{}
	for _, r := range run.Results {
		byRule[r.RuleID] = r
		if got := run.Tool.Driver.Rules[r.RuleIndex].ID; got != r.RuleID {
			t.Errorf("result %s has ruleIndex %d pointing at %s", r.RuleID, r.RuleIndex, got)
		}
		if len(r.Locations) != 1 {
			t.Errorf("result %s has %d locations, want 1", r.RuleID, len(r.Locations))
		}
	}
	// A missing file points at the path where it is expected, line 1.
	c, ok := byRule["contributing"]
	if !ok {
		t.Fatalf("no contributing result in %v", run.Results)
	}
	want := sarifPhysical{
		ArtifactLocation: sarifArtifactLoc{URI: "CONTRIBUTING.md", URIBaseID: "%SRCROOT%"},
		Region:           &sarifRegion{StartLine: 1},
	}
	if diff := cmp.Diff(want, c.Locations[0].PhysicalLocation); diff != "" {
		t.Errorf("contributing location (-want +got):\n%s", diff)
	}
	if c.Level != "error" || c.Suppressions != nil {
		t.Errorf("contributing: level %q, suppressions %v", c.Level, c.Suppressions)
	}
	// The waived README finding is reported with an external suppression.
	rd, ok := byRule["readme"]
	if !ok {
		t.Fatal("no readme result")
	}
	wantSup := []sarifSuppression{{Kind: "external", Status: "accepted",
		Justification: "the README is generated at release time (until 2099-12-31)",
		Location:      &sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactLoc{URI: ".ospolint.yml", URIBaseID: "%SRCROOT%"}, Region: &sarifRegion{StartLine: 3}}}}}
	if diff := cmp.Diff(wantSup, rd.Suppressions); diff != "" {
		t.Errorf("readme suppressions (-want +got):\n%s", diff)
	}
	// Every check that ran is a rule, with GGI tags.
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if r.Help.Text == "" || r.Help.Markdown == "" || r.HelpURI == "" || r.FullDescription.Text == "" {
			t.Errorf("rule %s lacks help or description", r.ID)
		}
		if len(r.Properties.Tags) < 3 || r.Properties.Tags[0] != "ggi" {
			t.Errorf("rule %s tags = %v", r.ID, r.Properties.Tags)
		}
	}
	if diff := cmp.Diff([]string{"contributing", "license-detected", "license-file", "readme", "waiver-expired", "waiver-unmatched"}, ids); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
}

func TestSARIFEmptyAndFailedTargets(t *testing.T) {
	for _, tc := range []struct {
		name string
		rep  *scan.Report
		want string
	}{
		{"no targets", &scan.Report{Tool: scan.Tool{Name: "ospolint", Version: "1.0.0"}}, `"runs": []`},
		{"clean target", &scan.Report{Tool: scan.Tool{Name: "ospolint"}, Targets: []*scan.TargetResult{{Target: "."}}}, `"results": []`},
		{"failed target", &scan.Report{Tool: scan.Tool{Name: "ospolint"}, Targets: []*scan.TargetResult{{Target: "gone", Error: "open gone: no such file or directory"}}}, `"executionSuccessful": false`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := writeSARIF(t, tc.rep)
			if !bytes.Contains(out, []byte(tc.want)) {
				t.Errorf("output lacks %s:\n%s", tc.want, out)
			}
			if bytes.Contains(out, []byte("null")) {
				t.Errorf("output holds null:\n%s", out)
			}
		})
	}
}

func TestSARIFCheckErrorsBecomeNotifications(t *testing.T) {
	c := &checks.Check{ID: "codeowners", Title: "No CODEOWNERS", Summary: "s", Help: "h", Activities: []string{"GGI-A-44"}, Level: checks.Warning}
	rep := &scan.Report{Tool: scan.Tool{Name: "ospolint"}, Checks: []*checks.Check{c}, Targets: []*scan.TargetResult{{
		Target: ".",
		Checks: []scan.CheckResult{{ID: "codeowners", Status: checks.StatusError, Level: "warning", Reason: "internal error: boom"}},
	}}}
	run := decodeSARIF(t, writeSARIF(t, rep)).Runs[0]
	want := []sarifNotification{{Level: "warning", Message: sarifText{Text: "check codeowners was not evaluated (error): internal error: boom."},
		AssociatedRule: &sarifRuleRef{ID: "codeowners", Index: 0}}}
	if diff := cmp.Diff(want, run.Invocations[0].Notifications); diff != "" {
		t.Errorf("notifications (-want +got):\n%s", diff)
	}
	if !run.Invocations[0].ExecutionSuccessful {
		t.Error("a failing check does not fail the execution")
	}
}

func TestCategories(t *testing.T) {
	tr := func(names ...string) []*scan.TargetResult {
		var out []*scan.TargetResult
		for _, n := range names {
			out = append(out, &scan.TargetResult{Target: n})
		}
		return out
	}
	for _, tc := range []struct {
		targets []string
		want    []string
	}{
		{[]string{"https://github.com/acme/app"}, []string{"ospolint/"}},
		{[]string{"./a", "b/", "https://x:tok@github.com/acme/app.git"}, []string{"ospolint/a/", "ospolint/b/", "ospolint/github.com/acme/app/"}},
		{[]string{"a", "a/", ""}, []string{"ospolint/a/", "ospolint/a-2/", "ospolint/target-3/"}},
		{[]string{"x\ny", "z"}, []string{"ospolint/x-y/", "ospolint/z/"}},
	} {
		if diff := cmp.Diff(tc.want, categories(tr(tc.targets...))); diff != "" {
			t.Errorf("categories(%q) (-want +got):\n%s", tc.targets, diff)
		}
	}
}

func TestRelativeURI(t *testing.T) {
	for in, want := range map[string]string{
		"CONTRIBUTING.md":    "CONTRIBUTING.md",
		".github/CODEOWNERS": ".github/CODEOWNERS",
		"docs/my file.md":    "docs/my%20file.md",
		"a:b/c":              "a%3Ab/c",
		"100%/x#y?z":         "100%25/x%23y%3Fz",
		"/abs/path":          "abs/path",
		`dir\file`:           "dir/file",
		"licences/ĽICENSE":   "licences/%C4%BDICENSE",
		"":                   ".",
	} {
		if got := relativeURI(in); got != want {
			t.Errorf("relativeURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{
		"license-file":    "LicenseFile",
		"readme":          "Readme",
		"reuse-3-headers": "Reuse3Headers",
		"sbom-spdx-valid": "SbomSpdxValid",
	} {
		if got := camelCase(in); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// A target below the top of its repository (the Action's path input, a
// monorepo package) gets URIs relative to the repository root, where code
// scanning resolves them; its fingerprints stay those of its findings.
func TestSARIFSubdirectoryTarget(t *testing.T) {
	rep, _ := scanFixtures(t, "demo")
	rep.Targets[0].Subdir = "services/api"
	doc := decodeSARIF(t, writeSARIF(t, rep))
	run := doc.Runs[0]
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	byFP := map[string]scan.Finding{}
	for _, f := range rep.Targets[0].Findings {
		byFP[f.Fingerprint] = f
	}
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation.ArtifactLocation
		f, ok := byFP[r.PartialFingerprints[fingerprintKey]]
		if !ok {
			t.Errorf("%s: fingerprint %q is not a finding's", r.RuleID, r.PartialFingerprints[fingerprintKey])
			continue
		}
		if want := relativeURI("services/api/" + f.Path); loc.URI != want || loc.URIBaseID != srcRoot {
			t.Errorf("%s at %s: artifact %s relative to %s, want %s relative to %s", r.RuleID, f.Path, loc.URI, loc.URIBaseID, want, srcRoot)
		}
	}
	if run.Properties["subdir"] != "services/api" {
		t.Errorf("run properties lack the subdir: %v", run.Properties)
	}
	if _, ok := run.OriginalURIBaseIDs[srcRoot]; !ok {
		t.Errorf("originalUriBaseIds lacks %s", srcRoot)
	}
}
