// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// ospolintLines finds the ospolint command lines of a shell script, up to
// "||" or "&&".
func ospolintLines(script string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(script, "\\\n", " "), "\n") {
		i := strings.Index(line, "ospolint org ")
		if i < 0 {
			i = strings.Index(line, "ospolint merge ")
		}
		if i < 0 {
			continue
		}
		cmd := line[i:]
		for _, sep := range []string{"||", "&&"} {
			cmd, _, _ = strings.Cut(cmd, sep)
		}
		out = append(out, cmd)
	}
	return out
}

// words expands the variables of a command line and splits it into words
// (quotes dropped: the examples quote only whole words).
func words(cmd string, vars map[string]string) []string {
	for k, v := range vars {
		cmd = strings.ReplaceAll(cmd, k, v)
	}
	return strings.Fields(strings.ReplaceAll(cmd, `"`, ""))
}

// parses checks that a command line's flags exist and take the values given:
// --help makes the command stop after parsing them.
func parses(t *testing.T, words []string) {
	t.Helper()
	r := run(t, nil, append(words[1:], "--help")...)
	if r.code != 0 {
		t.Errorf("%s: exit %d\n%s", strings.Join(words, " "), r.code, r.stderr)
	}
}

func TestGitHubActionsMatrixExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "examples", "org-scan-matrix.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Env  map[string]string
		Jobs map[string]struct {
			Needs    any
			Strategy struct {
				Matrix struct{ Shard []int }
			}
			Steps []struct {
				Run  string
				Uses string
				With map[string]any
			}
		}
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	shards, err := strconv.Atoi(wf.Env["SHARDS"])
	if err != nil {
		t.Fatal(err)
	}
	scan, merge := wf.Jobs["scan"], wf.Jobs["merge"]
	if got := fmt.Sprint(scan.Strategy.Matrix.Shard); got != fmt.Sprint(seq(shards)) {
		t.Errorf("matrix %s for %d shards", got, shards)
	}
	if merge.Needs != "scan" {
		t.Errorf("merge needs %v", merge.Needs)
	}
	var lines []string
	for _, job := range []string{"scan", "merge"} {
		for _, st := range wf.Jobs[job].Steps {
			lines = append(lines, ospolintLines(st.Run)...)
		}
	}
	if len(lines) != 2 {
		t.Fatalf("ospolint lines: %q", lines)
	}
	for _, k := range seq(shards) {
		w := words(lines[0], map[string]string{"${{ matrix.shard }}": strconv.Itoa(k), "${{ env.SHARDS }}": wf.Env["SHARDS"], "$ORG": wf.Env["ORG"]})
		if got := strings.Join(w, " "); got != fmt.Sprintf("ospolint org --shard %d/%d --out-dir shard-%d acme", k, shards, k) {
			t.Errorf("scan line %q", got)
		}
		parses(t, w)
	}
	merged := words(lines[1], nil)
	if merged[1] != "merge" || merged[len(merged)-1] != "shards/shard-*" {
		t.Errorf("merge line %q", merged)
	}
	parses(t, merged)
	// The artifacts carry the hidden .resume directory, and the merge job
	// downloads what the scan jobs upload.
	if !bytes.Contains(data, []byte("include-hidden-files: true")) || !bytes.Contains(data, []byte("pattern: shard-*")) {
		t.Error("the artifacts do not match")
	}
}

func TestKubernetesIndexedJobExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "examples", "org-scan-indexed-job.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	type container struct {
		Env  []struct{ Name, Value string }
		Args []string
	}
	type doc struct {
		Kind string
		Spec struct {
			CompletionMode string `yaml:"completionMode"`
			Completions    int
			Template       struct {
				Spec struct{ Containers []container }
			}
		}
	}
	var jobs []doc
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var d doc
		if err := dec.Decode(&d); err != nil {
			break
		}
		if d.Kind == "Job" {
			jobs = append(jobs, d)
		}
	}
	if len(jobs) != 2 {
		t.Fatalf("%d jobs", len(jobs))
	}
	scanJob, mergeJob := jobs[0], jobs[1]
	if scanJob.Spec.CompletionMode != "Indexed" || scanJob.Spec.Completions < 2 {
		t.Fatalf("scan job %+v", scanJob.Spec)
	}
	env := map[string]string{}
	for _, e := range scanJob.Spec.Template.Spec.Containers[0].Env {
		env[e.Name] = e.Value
	}
	if n, _ := strconv.Atoi(env["SHARDS"]); n != scanJob.Spec.Completions {
		t.Errorf("SHARDS %s, completions %d", env["SHARDS"], scanJob.Spec.Completions)
	}
	lines := ospolintLines(strings.Join(scanJob.Spec.Template.Spec.Containers[0].Args, "\n"))
	if len(lines) != 1 {
		t.Fatalf("scan lines %q", lines)
	}
	// Each index 0..N-1 gives the shard index+1 of N.
	arith := regexp.MustCompile(`\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)`)
	for i := 0; i < scanJob.Spec.Completions; i++ {
		line := arith.ReplaceAllString(lines[0], strconv.Itoa(i+1))
		w := words(line, map[string]string{"$SHARDS": env["SHARDS"], "$ORG": env["ORG"], "$JOB_COMPLETION_INDEX": strconv.Itoa(i)})
		if got := strings.Join(w, " "); got != fmt.Sprintf("ospolint org --resume --shard %d/%d --out-dir /out/shard-%d acme", i+1, scanJob.Spec.Completions, i) {
			t.Errorf("index %d: %q", i, got)
		}
		parses(t, w)
	}
	merge := ospolintLines(strings.Join(mergeJob.Spec.Template.Spec.Containers[0].Args, "\n"))
	if len(merge) != 1 {
		t.Fatalf("merge lines %q", merge)
	}
	if w := words(merge[0], nil); w[1] != "merge" || w[len(w)-1] != "/out/shard-*" {
		t.Errorf("merge line %q", w)
	} else {
		parses(t, w)
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}
