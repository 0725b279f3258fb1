// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/github"
	"github.com/ospolint/ospolint/internal/org"
	"github.com/ospolint/ospolint/internal/org/summary"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

type orgFlags struct {
	scan            scanFlags
	githubURL       string
	outDir          string
	jobs            int
	includeArchived bool
	includeForks    bool
	match           string
	topics          []string
	visibility      string
	resume          bool
	shard           string
	cacheDir        string
	noCache         bool
}

func newOrg(stdout, stderr io.Writer, getenv Env) *cobra.Command {
	var f orgFlags
	cmd := &cobra.Command{
		Use:   "org [flags] ORG",
		Short: "Scan every repository of a GitHub organisation into one report",
		Long: `List the repositories of a GitHub organisation (or user), clone each shallowly into a temporary
directory, scan it, and write to --out-dir: one JSON and one SARIF report per repository, summary.json,
inventory.csv and an index.html dashboard. The token comes from GITHUB_TOKEN or GH_TOKEN and goes only to the
API and to clone URLs on its own host. Rate limits are waited out, transient faults retried, and API answers
cached on disk (ETags) so a repeated scan costs little of the rate limit. A repository that cannot be cloned
or scanned is reported with its error; the others go on. See docs/org-scan.md.

Exit codes: 0 every repository scanned, 2 usage or configuration error, 3 some repository (or part of the
listing) failed — after writing everything.`,
		Example: `  GITHUB_TOKEN=... ospolint org --out-dir report acme
  ospolint org --jobs 4 --match '^svc-' --topic production --out-dir report acme
  ospolint org --shard 2/4 --out-dir shard-2 acme && ospolint merge --out-dir report shard-*
  ospolint org --github-url https://ghe.example.com --resume --out-dir report platform`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runOrg(cmd.Context(), f, args[0], stdout, stderr, getenv)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.githubURL, "github-url", "", "GitHub API or GitHub Enterprise Server URL (default $GITHUB_API_URL, else https://api.github.com/)")
	fl.StringVar(&f.outDir, "out-dir", "ospolint-org", "directory for the reports")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "repositories cloned and scanned at once (default: the number of CPUs)")
	fl.BoolVar(&f.includeArchived, "include-archived", false, "scan archived repositories too")
	fl.BoolVar(&f.includeForks, "include-forks", false, "scan forks too")
	fl.StringVar(&f.match, "match", "", "scan only repositories whose name matches this regular expression")
	fl.StringArrayVar(&f.topics, "topic", nil, "scan only repositories with this topic (repeatable: all must be present)")
	fl.StringVar(&f.visibility, "visibility", "all", "scan only public, private or internal repositories")
	fl.BoolVar(&f.resume, "resume", false, "skip repositories a previous run into --out-dir finished")
	fl.StringVar(&f.shard, "shard", "", "scan only part K of N of the repositories (K/N, 1-based), for ospolint merge")
	fl.StringVar(&f.cacheDir, "cache-dir", "", "directory of the API answer cache (default: the user cache directory)")
	fl.BoolVar(&f.noCache, "no-cache", false, "do not cache API answers")
	fl.StringVarP(&f.scan.config, "config", "c", "", "configuration file for every repository (default: each repository's own .ospolint.yml)")
	fl.StringVar(&f.scan.rules, "rules", "", "built-in rule set to start from")
	fl.StringVar(&f.scan.checks, "checks", "", `checks to run: "all", IDs, and "-ID" to drop`)
	return cmd
}

func runOrg(ctx context.Context, f orgFlags, owner string, stdout, stderr io.Writer, getenv Env) error {
	if !github.ValidName(owner) {
		return usageErr("%q is not a GitHub organisation or user name", owner)
	}
	// The workers' warnings, the API client's waits and the progress lines
	// share standard error: one lock for all of them.
	errOut := &lockedWriter{w: stderr}
	client, err := newGitHubClient(f.githubURL, f.cacheDir, f.noCache, errOut, getenv)
	if err != nil {
		return err
	}
	opt := org.Options{Org: owner, Client: client, Jobs: f.jobs, OutDir: f.outDir, Resume: f.resume,
		Tool: toolInfo(), Logf: logTo(errOut)}
	opt.Filter = org.Filter{IncludeArchived: f.includeArchived, IncludeForks: f.includeForks, Topics: f.topics}
	if f.match != "" {
		if opt.Filter.Match, err = regexp.Compile(f.match); err != nil {
			return usageErr("--match: %v", err)
		}
	}
	if opt.Filter.Visibility, err = org.ParseVisibility(f.visibility); err != nil {
		return usageErr("%v", err)
	}
	if opt.Shard, err = org.ParseShard(f.shard); err != nil {
		return usageErr("%v", err)
	}
	if f.jobs < 0 {
		return usageErr("--jobs %d: want a positive number", f.jobs)
	}
	// A broken --config or --rules is a usage error before anything is
	// listed; a repository's own broken .ospolint.yml fails that repository.
	if f.scan.config != "" || f.scan.rules != "" || f.scan.checks != "" {
		if _, err := orgPlan(f.scan, &repo.Repo{FS: noFiles{}}); err != nil {
			return &exitError{code: ExitUsage, err: err}
		}
	}
	opt.PlanFor = func(r *repo.Repo) (*scan.Plan, error) { return orgPlan(f.scan, r) }
	prog := newProgress(stderr, errOut, getenv)
	opt.Progress = prog
	start := time.Now()
	s, err := org.Run(ctx, opt)
	prog.finish()
	if s != nil {
		st := client.Stats()
		req, nm := st.Requests.Load(), st.NotModified.Load()
		fmt.Fprintf(stdout, "%s: %d repositories, %d ok, %d error, %d skipped, %d findings (%d errors) in %s; API: %d requests, %d answered 304 from the cache; reports in %s\n",
			owner, s.Totals.Repos, s.Totals.OK, s.Totals.Error, s.Totals.Skipped,
			s.Totals.Findings.Error+s.Totals.Findings.Warning+s.Totals.Findings.Note, s.Totals.Findings.Error,
			time.Since(start).Round(100*time.Millisecond), req, nm, filepath.Join(f.outDir, "index.html"))
	}
	if err != nil {
		return &exitError{code: ExitTarget, err: errors.New(client.Redact(err.Error()))}
	}
	return nil
}

// noFiles is a repository without files, to try the flags' configuration.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func toolInfo() scan.Tool {
	return scan.Tool{Name: "ospolint", Version: Version, URI: "https://github.com/ospolint/ospolint"}
}

// orgPlan resolves the checks for one repository as scan does: --config, or
// the repository's own .ospolint.yml, on the --rules set.
func orgPlan(f scanFlags, r *repo.Repo) (*scan.Plan, error) {
	cfg, err := loadConfig(f, r)
	if err != nil {
		return nil, err
	}
	return planFor(cfg, f)
}

// forgeFunc gives a single scan's target its API facts (nil when it is no
// GitHub repository or there is no token) and a function to call after the
// scan.
type forgeFunc func(ctx context.Context, target string, plan *scan.Plan) (*checks.Forge, func(), error)

// scanForge is the API facts of scan's targets, from the API at apiURL.
func scanForge(apiURL string, stderr io.Writer, getenv Env) (forgeFunc, error) {
	client, err := newGitHubClient(apiURL, "", false, stderr, getenv)
	if err != nil {
		return nil, err
	}
	logf := logTo(stderr)
	return func(ctx context.Context, target string, plan *scan.Plan) (*checks.Forge, func(), error) {
		return org.ScanForge(ctx, client, target, plan, logf)
	}, nil
}

// gitHubToken is GITHUB_TOKEN, else GH_TOKEN (the GitHub CLI's).
func gitHubToken(getenv Env) string {
	if t := getenv("GITHUB_TOKEN"); t != "" {
		return t
	}
	return getenv("GH_TOKEN")
}

// newGitHubClient builds the API client of org and scan, with the token of
// the environment and the on-disk answer cache.
func newGitHubClient(rawURL, cacheDir string, noCache bool, stderr io.Writer, getenv Env) (*github.Client, error) {
	if rawURL == "" {
		rawURL = getenv("GITHUB_API_URL")
	}
	ep, err := github.ParseEndpoint(rawURL)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	if !noCache && cacheDir == "" {
		base := getenv("XDG_CACHE_HOME")
		if base == "" {
			base, _ = os.UserCacheDir()
		}
		if base != "" {
			cacheDir = filepath.Join(base, "ospolint", "github")
		}
	}
	if noCache {
		cacheDir = ""
	}
	return github.New(github.Options{Endpoint: ep, Token: gitHubToken(getenv), CacheDir: cacheDir, Logf: logTo(stderr)}), nil
}

// logTo prints one line per message; calls come from many workers.
func logTo(w io.Writer) func(format string, args ...any) {
	var mu sync.Mutex
	return func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, "ospolint: "+format+"\n", args...)
	}
}

// lockedWriter serialises writes to one stream from several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// progress is a bar on a terminal, one line per repository elsewhere (CI
// logs, files, GitHub Actions).
type progress struct {
	mu          sync.Mutex
	w           io.Writer
	bar         *progressbar.ProgressBar
	total, done int
}

// newProgress writes to w; stderr, the stream under it, says whether it is
// a terminal.
func newProgress(stderr, w io.Writer, getenv Env) *progress {
	p := &progress{w: w}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && getenv("GITHUB_ACTIONS") != "true" && getenv("CI") == "" {
		p.bar = progressbar.NewOptions(0, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("scanning"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish(),
			progressbar.OptionSetPredictTime(true), progressbar.OptionFullWidth())
	}
	return p
}

func (p *progress) Grow(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total += n
	if p.bar != nil {
		p.bar.ChangeMax(p.total)
	}
}

func (p *progress) Done(e summary.Repo, resumed bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if p.bar != nil {
		p.bar.Describe(e.Name)
		_ = p.bar.Add(1)
		if e.Status == summary.StatusError {
			// Errors stay on screen above the bar.
			_ = p.bar.Clear()
			fmt.Fprintf(p.w, "%s: error: %s\n", e.FullName, e.Error)
		}
		return
	}
	detail := fmt.Sprintf("%d errors, %d warnings, %d notes", e.Findings.Error, e.Findings.Warning, e.Findings.Note)
	if e.Status != summary.StatusOK {
		detail = e.Error
	}
	if resumed {
		detail += " (from the previous run)"
	}
	fmt.Fprintf(p.w, "[%d/%d] %s: %s: %s\n", p.done, p.total, e.FullName, e.Status, detail)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
