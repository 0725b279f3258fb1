// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/spf13/cobra"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

// prFlags are the scan flags for pull requests and commits: diff mode,
// baseline mode and the pre-commit hook's file mode.
type prFlags struct {
	diffBase      string
	baseline      string
	files         bool
	sarifCategory string
	// paths are the files given with --files, relative to the target.
	paths []string
}

func addPRFlags(cmd *cobra.Command, f *prFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.diffBase, "diff-base", "", "report only findings new since this git revision (a pull request's base), and run the change checks")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not in this earlier ospolint report (JSON or SARIF)")
	fl.BoolVar(&f.files, "files", false, "check only the files given as arguments (the pre-commit hook): their REUSE licensing and copyright, and the configuration's file rules")
	fl.StringVar(&f.sarifCategory, "sarif-category", "", `SARIF automationDetails category (default "ospolint/"), so several uploads of one commit coexist`)
}

// prepare checks the flags' combinations and, in file mode, turns the
// arguments into the target (the top of the git repository holding the
// current directory, or the current directory) and its paths.
func (f *prFlags) prepare(args []string, ref string) ([]string, error) {
	if f.files && (f.diffBase != "" || ref != "") {
		return nil, usageErr("--files checks files on disk: it does not combine with --diff-base or --ref")
	}
	if f.diffBase != "" && ref != "" {
		// Both name revisions of one repository: allowed, the head is --ref.
		return args, nil
	}
	if !f.files {
		return args, nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, usageErr("--files: %v", err)
	}
	top := repo.TopLevel(cwd)
	f.paths = make([]string, 0, len(args))
	for _, a := range args {
		abs := a
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, a)
		}
		rel, err := filepath.Rel(top, abs)
		if err != nil || !filepath.IsLocal(rel) {
			return nil, usageErr("--files: %s is outside the repository %s", a, top)
		}
		f.paths = append(f.paths, filepath.ToSlash(rel))
	}
	return []string{top}, nil
}

// openBase opens the base revision of diff mode, nil otherwise. A base the
// clone does not hold is named with the command that fetches it.
func openBase(target string, f prFlags) (*repo.Repo, error) {
	if f.diffBase == "" {
		return nil, nil
	}
	if repo.IsURL(target) {
		return nil, fmt.Errorf("open %s: --diff-base applies to local repositories, not to URLs", target)
	}
	base, err := repo.OpenRevision(target, f.diffBase)
	// A commit hash the store lacks reads as an object not found: the
	// clone is shallow, not broken.
	if errors.Is(err, repo.ErrUnknownRevision) || errors.Is(err, plumbing.ErrObjectNotFound) && commitHash.MatchString(f.diffBase) {
		return nil, fmt.Errorf("%w\nthe base revision %q is not in this clone (a shallow clone holds only the commits it fetched): fetch it with\n  git fetch --no-tags --depth=1 origin %s\nor, in GitHub Actions, check out with fetch-depth: 0", err, f.diffBase, fetchable(f.diffBase))
	}
	return base, err
}

// commitHash matches an abbreviated or full commit hash (SHA-1 or SHA-256).
var commitHash = regexp.MustCompile(`^[0-9a-fA-F]{7,64}$`)

// fetchable is what to pass to git fetch for a revision: a commit hash as
// it is, a remote-tracking name ("origin/main") as its branch.
func fetchable(rev string) string {
	if commitHash.MatchString(rev) {
		return rev
	}
	if b, ok := strings.CutPrefix(rev, "origin/"); ok {
		return b
	}
	return rev
}

// configRepo is the repository whose .ospolint.yml decides: the base
// revision in diff mode, because on a pull request the head is the
// contributor's and must not switch off the checks that judge it.
func configRepo(head, base *repo.Repo) *repo.Repo {
	if base != nil {
		return base
	}
	return head
}

// runMode scans a target as the flags ask: a change against its base, the
// given files, or the whole repository.
func runMode(ctx context.Context, r, base *repo.Repo, plan *scan.Plan, f prFlags, opt scan.Options) (*scan.TargetResult, error) {
	if base != nil {
		return scan.RunDiff(ctx, base, r, plan, opt)
	}
	if f.files {
		opt.Paths = f.paths
	}
	return scan.Run(ctx, r, plan, opt)
}

// planFor resolves the configuration into the checks to run: in file mode
// the file checks, in diff mode the change checks too, unless --checks names
// others.
func planFor(cfg *config.Config, f scanFlags) (*scan.Plan, error) {
	if f.pr.diffBase != "" && f.checks == "" {
		return diffPlan(cfg)
	}
	if !f.pr.files || f.checks != "" {
		return scan.NewPlan(cfg, f.checks)
	}
	sel := filesSelection(cfg)
	plan, err := scan.NewPlan(cfg, sel)
	if err == nil && sel == "" {
		// The configuration turns every file check off.
		plan.Checks = nil
	}
	return plan, err
}

// diffPlan is the configuration's plan plus the change checks
// (header-removed, license-changed, new-dependency) at their default levels,
// whatever the rule set, unless the configuration sets their levels itself
// (off included).
func diffPlan(cfg *config.Config) (*scan.Plan, error) {
	plan, err := scan.NewPlan(cfg, "")
	if err != nil {
		return nil, err
	}
	for _, c := range checks.All() {
		if _, set := cfg.Checks[c.ID]; set || c.Needs != checks.NeedDiff {
			continue
		}
		opts, err := checks.ResolveOptions(c, nil)
		if err != nil {
			return nil, err
		}
		plan.Checks = append(plan.Checks, scan.Planned{Check: c, Level: c.Level, Options: opts})
	}
	sort.Slice(plan.Checks, func(i, j int) bool { return plan.Checks[i].Check.ID < plan.Checks[j].Check.ID })
	return plan, nil
}

// fileChecks are the checks the pre-commit hook runs on each file whatever
// the rule set: the file carries its licensing and copyright information
// the REUSE way, readable and valid.
//
//nolint:gochecknoglobals // immutable list
var fileChecks = []string{"reuse-missing-license", "reuse-missing-copyright", "reuse-invalid-expression", "reuse-bad-licenses"}

// filesSelection is the --checks selection of file mode: the REUSE file
// checks (unless the configuration turns one off) and the configuration's
// own rules that judge files one by one. A rule that asks for a file to
// exist judges the repository, not the files given.
func filesSelection(cfg *config.Config) string {
	var ids []string
	for _, id := range fileChecks {
		if s, ok := cfg.Checks[id]; ok && s.Level == checks.Off {
			continue
		}
		ids = append(ids, id)
	}
	for _, r := range cfg.Rules {
		if r.Kind == "file-exists" {
			continue
		}
		if s, ok := cfg.Checks[r.ID]; ok && s.Level == checks.Off {
			continue
		}
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ",")
}
