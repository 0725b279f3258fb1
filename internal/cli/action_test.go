// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionYML is the part of action.yml the runner reads to run a composite
// action.
type actionYML struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name             string            `yaml:"name"`
			ID               string            `yaml:"id"`
			Uses             string            `yaml:"uses"`
			Run              string            `yaml:"run"`
			Shell            string            `yaml:"shell"`
			Env              map[string]string `yaml:"env"`
			WorkingDirectory string            `yaml:"working-directory"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

// actionRun is what one run of the Action left behind.
type actionRun struct {
	stdout, stderr string
	code           int // the scan step's exit code
	summary        string
	outputs        string // what the steps wrote to GITHUB_OUTPUT
	sarif          []byte
}

// actionTemp is the RUNNER_TEMP of all the Action's tests: one build.
var actionTemp struct {
	once sync.Once
	dir  string
}

// runAction runs the steps of action.yml as the GitHub runner runs a
// composite action: ${{ inputs.* }} and ${{ github.action_path }} replaced,
// each run step in bash -eo pipefail with its env, in the workspace unless
// it names a working directory, with the runner's GITHUB_* variables (event
// payload, step summary and output files) and RUNNER_TEMP. Steps that use
// other actions (actions/setup-go) are the runner's own business and are
// skipped: Go is installed here.
func runAction(t *testing.T, workspace, event string, payload any, inputs map[string]string) actionRun {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionYML
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("action.yml runs using %q, want composite", a.Runs.Using)
	}
	values := map[string]string{}
	for name, in := range a.Inputs {
		values[name] = in.Default
	}
	for name, v := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
		values[name] = v
	}
	expr := regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			e := expr.FindStringSubmatch(m)[1]
			if name, ok := strings.CutPrefix(e, "inputs."); ok {
				if v, ok := values[name]; ok {
					return v
				}
			}
			if e == "github.action_path" {
				return root
			}
			t.Fatalf("action.yml: expression %q is not one this test evaluates", m)
			return ""
		})
	}

	// The runner's RUNNER_TEMP outlives a job's steps; one build serves all
	// the tests here.
	actionTemp.once.Do(func() { actionTemp.dir, err = os.MkdirTemp("", "ospolint-runner-*") })
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	eventFile := filepath.Join(tmp, "event.json")
	body, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(eventFile, body, 0o644); err != nil {
		t.Fatal(err)
	}
	summary := filepath.Join(tmp, "step_summary")
	// An earlier step of the job wrote to the summary: it must stay.
	if err := os.WriteFile(summary, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	output := filepath.Join(tmp, "output")
	env := append(os.Environ(),
		"GITHUB_ACTIONS=true", "CI=true",
		"GITHUB_WORKSPACE="+workspace, "GITHUB_EVENT_NAME="+event, "GITHUB_EVENT_PATH="+eventFile,
		"GITHUB_STEP_SUMMARY="+summary, "GITHUB_OUTPUT="+output, "GITHUB_ACTION_PATH="+root,
		"RUNNER_TEMP="+actionTemp.dir,
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_TERMINAL_PROMPT=0")

	res := actionRun{code: -1}
	for i, st := range a.Runs.Steps {
		if st.Uses != "" {
			continue
		}
		if st.Shell != "bash" {
			t.Fatalf("step %d (%s): shell %q, want bash", i, st.Name, st.Shell)
		}
		script := filepath.Join(tmp, "step.sh")
		if err := os.WriteFile(script, []byte(eval(st.Run)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		if st.WorkingDirectory != "" {
			cmd.Dir = eval(st.WorkingDirectory)
		}
		cmd.Env = append([]string(nil), env...)
		for k, v := range st.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v))
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("step %s: %v", st.Name, err)
		}
		if st.ID != "scan" {
			if code != 0 {
				t.Fatalf("step %s failed (%d):\n%s%s", st.Name, code, stdout.String(), stderr.String())
			}
			continue
		}
		res.stdout, res.stderr, res.code = stdout.String(), stderr.String(), code
	}
	if res.code < 0 {
		t.Fatal("action.yml has no step with id scan")
	}
	res.summary = readOr(t, summary)
	res.outputs = readOr(t, output)
	sarif := values["sarif-file"]
	if !filepath.IsAbs(sarif) {
		sarif = filepath.Join(workspace, sarif)
	}
	res.sarif, _ = os.ReadFile(sarif)
	return res
}

func readOr(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(data)
}

func sarifCategory(t *testing.T, data []byte) string {
	t.Helper()
	var log struct {
		Runs []struct {
			AutomationDetails struct {
				ID string `json:"id"`
			} `json:"automationDetails"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF report: %v (%d runs)\n%s", err, len(log.Runs), data)
	}
	return log.Runs[0].AutomationDetails.ID
}

// TestActionOnPullRequest runs the Action on a pull request whose base
// commit the shallow checkout lacks, as actions/checkout leaves it.
func TestActionOnPullRequest(t *testing.T) {
	needGit(t)
	g, base, head := changeFixture(t, "")
	ws := filepath.Join(t.TempDir(), "workspace")
	gitCmd(t, t.TempDir(), "clone", "--quiet", "--depth=1", "--no-tags", "file://"+g.dir, ws)
	payload := map[string]any{"pull_request": map[string]any{
		"number": 7, "base": map[string]any{"sha": base, "ref": "main"}, "head": map[string]any{"sha": head},
	}}
	res := runAction(t, ws, "pull_request", payload, nil)
	if res.code != 1 {
		t.Fatalf("scan step exit %d, want 1 (findings)\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stderr, "fetching the base commit "+base) {
		t.Errorf("the base was not fetched:\n%s", res.stderr)
	}
	wantAnnotations := []string{
		"::error file=src/a.go,line=2,title=header-removed%3A Licence or copyright notice removed from a file::" +
			"SPDX-License-Identifier MIT of src/a.go was removed (it has no licence now): restore it, or state the licence in src/a.go.license or REUSE.toml (GGI-A-21, GGI-A-44)",
		"::notice file=LICENSE,title=license-changed%3A Licence changed::licence file LICENSE changed (MIT before, ISC now)",
		"::notice file=go.mod,line=5,title=new-dependency%3A New direct dependency::new direct dependency github.com/google/uuid v1.6.0 (golang) in go.mod, with no licence declared",
	}
	var annotations []string
	for _, line := range strings.Split(res.stdout, "\n") {
		if strings.HasPrefix(line, "::") {
			annotations = append(annotations, line)
		}
	}
	if len(annotations) != len(wantAnnotations) {
		t.Errorf("%d annotations, want %d (only what the change brings):\n%s", len(annotations), len(wantAnnotations), strings.Join(annotations, "\n"))
	}
	for _, want := range wantAnnotations {
		found := false
		for _, a := range annotations {
			found = found || strings.HasPrefix(a, want)
		}
		if !found {
			t.Errorf("no annotation starting %q in:\n%s", want, strings.Join(annotations, "\n"))
		}
	}
	for _, want := range []string{
		"earlier step\n## ospolint: 3 new findings (1 error, 2 notes)\n",
		"Compared with the base revision `" + base[:12] + "` (6 files changed):",
		"### Trust\n",
		"| **error** | `src/a.go:2` | SPDX-License-Identifier MIT of src/a.go was removed",
		"**How to fix**",
		"- `header-removed` ([GGI-A-21](https://ospo-alliance.org/ggi/activities/manage_legal_compliance) [GGI-A-44](https://ospo-alliance.org/ggi/activities/run_code_reviews)): restore the removed line",
		"Maturity per GGI goal",
	} {
		if !strings.Contains(res.summary, want) {
			t.Errorf("job summary lacks %q:\n%s", want, res.summary)
		}
	}
	if strings.Contains(res.summary, "contributing") || strings.Contains(res.stdout, "title=contributing") {
		t.Errorf("the base's missing CONTRIBUTING is reported again:\n%s", res.summary)
	}
	if !strings.Contains(res.outputs, "exit-code=1\n") {
		t.Errorf("GITHUB_OUTPUT = %q, want exit-code=1", res.outputs)
	}
	if c := sarifCategory(t, res.sarif); c != "ospolint/" {
		t.Errorf("SARIF category %q, want ospolint/", c)
	}
}

func TestActionOnMergeQueueAndPush(t *testing.T) {
	g, base, head := changeFixture(t, "")
	t.Run("merge_group", func(t *testing.T) {
		payload := map[string]any{"merge_group": map[string]any{"base_sha": base, "head_sha": head, "base_ref": "refs/heads/main"}}
		res := runAction(t, g.dir, "merge_group", payload, map[string]string{"sarif-category": "ospolint-pr", "fail-on": "off"})
		if res.code != 0 {
			t.Fatalf("exit %d with fail-on off:\n%s%s", res.code, res.stdout, res.stderr)
		}
		if !strings.Contains(res.summary, "## ospolint: 3 new findings") {
			t.Errorf("summary:\n%s", res.summary)
		}
		if c := sarifCategory(t, res.sarif); c != "ospolint-pr/" {
			t.Errorf("SARIF category %q, want ospolint-pr/", c)
		}
	})
	t.Run("push scans the whole tree", func(t *testing.T) {
		res := runAction(t, g.dir, "push", map[string]any{"after": head}, nil)
		if res.code != 1 || !strings.Contains(res.stdout, "::error file=CONTRIBUTING.md,title=contributing%3A") {
			t.Errorf("exit %d, annotations:\n%s", res.code, res.stdout)
		}
		if !strings.Contains(res.summary, "## ospolint: ") || strings.Contains(res.summary, "new finding") {
			t.Errorf("summary of a full scan:\n%s", res.summary)
		}
	})
	t.Run("diff true without a base", func(t *testing.T) {
		res := runAction(t, g.dir, "push", map[string]any{}, map[string]string{"diff": "true"})
		if res.code != 2 || !strings.Contains(res.stderr, "set diff-base") || !strings.Contains(res.outputs, "exit-code=2") {
			t.Errorf("exit %d, stderr %q, outputs %q", res.code, res.stderr, res.outputs)
		}
	})
	t.Run("diff-base input", func(t *testing.T) {
		res := runAction(t, g.dir, "workflow_dispatch", map[string]any{}, map[string]string{"diff-base": base, "path": "."})
		if res.code != 1 || !strings.Contains(res.stdout, "title=header-removed") || strings.Contains(res.stdout, "title=contributing") {
			t.Errorf("exit %d, annotations:\n%s", res.code, res.stdout)
		}
	})
}

// TestMain removes the RUNNER_TEMP the Action's tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	if actionTemp.dir != "" {
		_ = os.RemoveAll(actionTemp.dir)
	}
	os.Exit(code)
}
