// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/spf13/cobra"

	"github.com/ospolint/ospolint/internal/repo"
)

// maxEventPayload caps the event file read: GitHub's payloads are far
// smaller.
const maxEventPayload = 25 << 20

// newAction is the command action.yml runs: it reads the Action's inputs
// (INPUT_*) and the runner's variables (GITHUB_*), picks the base of a pull
// request or merge queue entry from the event payload, fetches it when the
// clone lacks it, and runs one scan writing SARIF, annotations, the text
// report and the job summary.
func newAction(stdout, stderr io.Writer, getenv Env) *cobra.Command {
	return &cobra.Command{
		Use:   "action",
		Short: "Run as the GitHub Action (reads INPUT_* and GITHUB_* variables)",
		Long: `Run the scan the GitHub Action runs (action.yml): inputs come from INPUT_PATH, INPUT_CONFIG, INPUT_RULES,
INPUT_FAIL-ON, INPUT_DIFF (auto, true or false), INPUT_DIFF-BASE, INPUT_BASELINE, INPUT_SARIF-FILE and
INPUT_SARIF-CATEGORY (underscores work as well as dashes); the event from GITHUB_EVENT_NAME and
GITHUB_EVENT_PATH. On pull_request and merge_group events diff mode is on by default, with the base
commit from the event payload. Findings become annotations (workflow commands on stdout) and a job
summary appended to GITHUB_STEP_SUMMARY; the exit code is also written to GITHUB_OUTPUT as exit-code.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAction(cmd.Context(), stdout, stderr, getenv)
		},
	}
}

// actionInput reads an input as the runner exports it: INPUT_ and the
// name upper-cased, dashes kept (INPUT_FAIL-ON); with underscores too, for
// shells that cannot set such a name.
func actionInput(getenv Env, name string) string {
	up := strings.ToUpper(name)
	if v := getenv("INPUT_" + up); v != "" {
		return strings.TrimSpace(v)
	}
	return strings.TrimSpace(getenv("INPUT_" + strings.ReplaceAll(up, "-", "_")))
}

func runAction(ctx context.Context, stdout, stderr io.Writer, getenv Env) error {
	target := actionInput(getenv, "path")
	if target == "" {
		target = "."
	}
	f := scanFlags{
		config: actionInput(getenv, "config"),
		rules:  actionInput(getenv, "rules"),
		failOn: actionInput(getenv, "fail-on"),
	}
	if f.failOn == "" {
		f.failOn = "error"
	}
	f.pr.baseline = actionInput(getenv, "baseline")
	f.pr.sarifCategory = actionInput(getenv, "sarif-category")
	base, err := actionBase(getenv)
	if err != nil {
		return writeExit(getenv, &exitError{code: ExitUsage, err: err})
	}
	if base != "" {
		fmt.Fprintf(stderr, "ospolint: diff mode: reporting what this change brings, compared with %s\n", base)
		ensureBase(ctx, target, base, stderr)
		f.pr.diffBase = base
	}
	sarif := actionInput(getenv, "sarif-file")
	if sarif == "" {
		sarif = "ospolint.sarif"
	}
	f.formats = []string{"sarif=" + sarif, "github", "text"}
	summaryFile := getenv("GITHUB_STEP_SUMMARY")
	var tmp string
	if summaryFile != "" {
		dir, err := os.MkdirTemp("", "ospolint-summary-*")
		if err != nil {
			return writeExit(getenv, &exitError{code: ExitUsage, err: err})
		}
		defer os.RemoveAll(dir)
		tmp = filepath.Join(dir, "summary.md")
		f.formats = append(f.formats, "summary="+tmp)
	}
	err = runScan(ctx, f, []string{target}, stdout, stderr, getenv)
	if tmp != "" {
		if aerr := appendFile(summaryFile, tmp); aerr != nil {
			fmt.Fprintf(stderr, "ospolint: job summary: %v\n", aerr)
		}
	}
	return writeExit(getenv, err)
}

// actionBase is the revision diff mode compares with: the diff-base input,
// or, unless the diff input is false, the base commit of the pull request
// or merge queue entry the workflow runs for.
func actionBase(getenv Env) (string, error) {
	mode := strings.ToLower(actionInput(getenv, "diff"))
	switch mode {
	case "", "auto", "true", "false":
	default:
		return "", fmt.Errorf("input diff: %q is not auto, true or false", mode)
	}
	if b := actionInput(getenv, "diff-base"); b != "" {
		if mode == "false" {
			return "", errors.New("inputs diff: false and diff-base contradict each other")
		}
		return b, nil
	}
	if mode == "false" {
		return "", nil
	}
	event := getenv("GITHUB_EVENT_NAME")
	switch event {
	case "pull_request", "pull_request_target", "merge_group":
	default:
		if mode == "true" {
			return "", fmt.Errorf("input diff: true, but a %q event has no base to compare with: set diff-base", event)
		}
		return "", nil
	}
	base, err := eventBase(getenv("GITHUB_EVENT_PATH"))
	if err != nil {
		return "", fmt.Errorf("event %s: %w", event, err)
	}
	return base, nil
}

// eventBase reads the base commit from an event payload: a pull request's
// base.sha, or a merge queue entry's base_sha.
func eventBase(file string) (string, error) {
	if file == "" {
		return "", errors.New("GITHUB_EVENT_PATH is not set: no payload to read the base commit from")
	}
	dir, name := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	data, err := repo.ReadFile(os.DirFS(dir), name, maxEventPayload)
	if err != nil {
		return "", fmt.Errorf("read the payload: %w", err)
	}
	var p struct {
		PullRequest *struct {
			Base struct {
				SHA string `json:"sha"`
			} `json:"base"`
		} `json:"pull_request"`
		MergeGroup *struct {
			BaseSHA string `json:"base_sha"`
		} `json:"merge_group"`
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	var sha string
	switch {
	case p.PullRequest != nil:
		sha = p.PullRequest.Base.SHA
	case p.MergeGroup != nil:
		sha = p.MergeGroup.BaseSHA
	}
	if !commitHash.MatchString(sha) {
		return "", fmt.Errorf("%s: no base commit (pull_request.base.sha or merge_group.base_sha)", file)
	}
	return sha, nil
}

// ensureBase fetches the base commit when the checkout lacks it, as
// actions/checkout's default shallow clone does: one commit, no tags, from
// origin, with the credentials checkout left in the git configuration. A
// failure is only reported: the scan then names the revision it misses and
// how to fetch it.
func ensureBase(ctx context.Context, dir, base string, stderr io.Writer) {
	if r, err := repo.OpenRevision(dir, base); err == nil {
		_ = r.Close()
		return
	} else if !errors.Is(err, repo.ErrUnknownRevision) && !errors.Is(err, plumbing.ErrObjectNotFound) {
		return
	}
	if !commitHash.MatchString(base) || strings.HasPrefix(base, "-") {
		return
	}
	fmt.Fprintf(stderr, "ospolint: fetching the base commit %s (git fetch --no-tags --depth=1 origin %s)\n", base, base)
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "fetch", "--quiet", "--no-tags", "--no-recurse-submodules", "--depth=1", "origin", base)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(stderr, "ospolint: could not fetch %s: %v\n", base, err)
	}
}

// writeExit records the scan's exit code as the step output exit-code
// (so a later step can tell a scan that ran from one that could not) and
// returns err for the command's own exit.
func writeExit(getenv Env, err error) error {
	code := ExitOK
	var ee *exitError
	switch {
	case errors.As(err, &ee):
		code = ee.code
	case err != nil:
		code = ExitUsage
	}
	if out := getenv("GITHUB_OUTPUT"); out != "" {
		f, oerr := os.OpenFile(out, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644) //nolint:gosec // the runner's output file
		if oerr == nil {
			_, oerr = fmt.Fprintf(f, "exit-code=%d\n", code)
			if cerr := f.Close(); oerr == nil {
				oerr = cerr
			}
		}
		if oerr != nil && err == nil {
			return &exitError{code: ExitUsage, err: fmt.Errorf("GITHUB_OUTPUT: %w", oerr)}
		}
	}
	return err
}

// appendFile appends the content of src to dst (the job summary, which
// earlier steps may have written to).
func appendFile(dst, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644) //nolint:gosec // the runner's summary file
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
