// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build unix

package org

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ospolint/ospolint/internal/github"
	"github.com/ospolint/ospolint/internal/scan"
)

// The test binary doubles as a separate org-scan process (when
// OSPOLINT_ORG_CHILD is set), so a test can kill a scan for real, and a
// benchmark can read the peak memory of a whole scan.
func TestMain(m *testing.M) {
	if os.Getenv("OSPOLINT_ORG_CHILD") != "" {
		os.Exit(childMain())
	}
	os.Exit(m.Run())
}

type childStats struct {
	Seconds     float64 `json:"seconds"`
	Repos       int     `json:"repos"`
	Requests    int64   `json:"requests"`
	NotModified int64   `json:"notModified"`
}

func childMain() int {
	ep, err := github.ParseEndpoint(os.Getenv("OSPOLINT_ORG_URL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	jobs, _ := strconv.Atoi(os.Getenv("OSPOLINT_ORG_JOBS"))
	c := github.New(github.Options{Endpoint: ep, Token: os.Getenv("GITHUB_TOKEN"), CacheDir: os.Getenv("OSPOLINT_ORG_CACHE")})
	start := time.Now()
	s, err := Run(context.Background(), Options{Org: "acme", Client: c, Jobs: jobs, OutDir: os.Getenv("OSPOLINT_ORG_OUT"),
		Resume: os.Getenv("OSPOLINT_ORG_RESUME") != "", PlanFor: defaultPlan, Tool: scan.Tool{Name: "ospolint", Version: "test"}})
	if s == nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	_ = json.NewEncoder(os.Stdout).Encode(childStats{Seconds: time.Since(start).Seconds(), Repos: s.Totals.Repos,
		Requests: c.Stats().Requests.Load(), NotModified: c.Stats().NotModified.Load()})
	if err != nil {
		return 3
	}
	return 0
}

// child prepares a separate scan process of the fixture's organisation.
func child(t testing.TB, apiURL, out, cache string, jobs int, resume bool) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "OSPOLINT_ORG_CHILD=1", "OSPOLINT_ORG_URL="+apiURL, "OSPOLINT_ORG_OUT="+out,
		"OSPOLINT_ORG_CACHE="+cache, "OSPOLINT_ORG_JOBS="+strconv.Itoa(jobs), "GITHUB_TOKEN="+token)
	if resume {
		cmd.Env = append(cmd.Env, "OSPOLINT_ORG_RESUME=1")
	}
	return cmd
}

func runChild(t testing.TB, cmd *exec.Cmd) (childStats, int64) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var st childStats
	if jerr := json.Unmarshal(stdout.Bytes(), &st); jerr != nil {
		t.Fatalf("child: %v %v\n%s", err, jerr, stderr.String())
	}

	return st, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024
}

func TestKilledScanResumesToTheSameSummary(t *testing.T) {
	f := newFixture(t, 30)
	whole := t.TempDir()
	_, _ = Run(context.Background(), f.options(t, whole, io.Discard))

	out := t.TempDir()
	cmd := child(t, f.srv.APIURL(), out, "", 2, false)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it, without warning, once a third of the repositories are done.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		done, _ := filepath.Glob(filepath.Join(out, resumeDir, "*.json"))
		if len(done) >= 10 {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("only %d repositories done in time", len(done))
		}
		time.Sleep(5 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	if _, err := os.Stat(filepath.Join(out, "summary.json")); err == nil {
		t.Fatal("the killed scan finished before the kill; the test proves nothing")
	}
	opt := f.options(t, out, io.Discard)
	opt.Resume = true
	_, _ = Run(context.Background(), opt)
	for _, name := range []string{"summary.json", "inventory.csv", "index.html"} {
		if !bytes.Equal(readFile(t, filepath.Join(whole, name)), readFile(t, filepath.Join(out, name))) {
			t.Errorf("%s after a kill and --resume differs from an uninterrupted run's", name)
		}
	}
	// The kill left no half-written report behind under a final name:
	// every report parses.
	reports, _ := filepath.Glob(filepath.Join(out, reposDir, "*.json"))
	for _, r := range reports {
		var v any
		if err := json.Unmarshal(readFile(t, r), &v); err != nil {
			t.Errorf("%s: %v", r, err)
		}
	}
}
