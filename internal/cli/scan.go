// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/ghhost"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/redact"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/report"
	"github.com/ospolint/ospolint/internal/scan"
)

type scanFlags struct {
	config  string
	rules   string
	checks  string
	failOn  string
	formats []string
	output  string
	ref     string
	// githubURL is the GitHub server GITHUB_TOKEN belongs to.
	githubURL string
	pr        prFlags // diff, baseline and file mode (diff.go)
}

func newScan(stdout, stderr io.Writer, getenv Env) *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan [flags] [TARGET...]",
		Short: "Scan repositories (directories, or git URLs) for governance findings",
		Long: `Scan each TARGET (default: the current directory). A TARGET is a directory (read as a working tree,
honouring .gitignore), a directory with --ref REV (that git revision, read without checkout), a bare
repository (read at HEAD, or at --ref), or a git URL (https://, file://) cloned shallowly; GITHUB_TOKEN authenticates https clones from github.com and from the
GitHub server named by --github-url or GITHUB_SERVER_URL, and is sent to no other host.

A target whose configuration is wrong is reported as such and the others are still scanned.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage or configuration
error (after every report is written), 3 a target could not be scanned or a report could not be written.`,
		Example: `  ospolint scan .
  ospolint scan --format sarif=ospolint.sarif --format text .
  ospolint scan --ref HEAD~1 --checks license-file,readme .
  ospolint scan --rules ggi-trust --fail-on warning https://github.com/org/repo`,
		RunE: func(cmd *cobra.Command, args []string) error {
			args, err := f.pr.prepare(args, f.ref)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				args = []string{"."}
			}
			return runScan(cmd.Context(), f, args, stdout, stderr, getenv)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: .ospolint.yml at each target's root)")
	fl.StringVar(&f.rules, "rules", "", "built-in rule set to start from: "+strings.Join(rulesNames(), ", "))
	fl.StringVar(&f.checks, "checks", "", `checks to run: "all", IDs, and "-ID" to drop ("all,-codeowners")`)
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at or above this level: error, warning, note, off")
	fl.StringArrayVarP(&f.formats, "format", "f", nil, "output format text|json|sarif|markdown, optionally FORMAT=FILE; repeatable (default text)")
	fl.StringVarP(&f.output, "output", "o", "", "write the (single) format without =FILE to this file instead of stdout")
	fl.StringVar(&f.ref, "ref", "", "scan this git revision of each target directory instead of its working tree")
	fl.StringVar(&f.githubURL, "github-url", "", "GitHub Enterprise Server that GITHUB_TOKEN belongs to, https://HOST (default $GITHUB_SERVER_URL, else github.com)")
	addPRFlags(cmd, &f.pr)
	return cmd
}

type output struct {
	name  string
	write report.Writer
	file  string
}

func parseOutputs(formats []string, out string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []output
	bare := 0
	for _, spec := range formats {
		for _, s := range strings.Split(spec, ",") {
			name, file, _ := strings.Cut(strings.TrimSpace(s), "=")
			w, err := report.Lookup(name)
			if err != nil {
				return nil, err
			}
			if file == "" {
				bare++
				file = out
			}
			outs = append(outs, output{name: name, write: w, file: file})
		}
	}
	if bare > 1 && out != "" {
		return nil, errors.New("--output names one file but several formats have no =FILE")
	}
	seen := map[string]string{}
	for _, o := range outs {
		if err := checkOutput(o.file); err != nil {
			return nil, err
		}
		key := o.file
		if isStdout(key) {
			continue // several formats may share standard output
		}
		if abs, err := filepath.Abs(key); err == nil {
			key = abs
		}
		if prev, ok := seen[key]; ok {
			return nil, fmt.Errorf("%s and %s are both written to %s", prev, o.name, o.file)
		}
		seen[key] = o.name
	}
	return outs, nil
}

func runScan(ctx context.Context, f scanFlags, targets []string, stdout, stderr io.Writer, getenv Env) error {
	failOn, err := checks.ParseLevel(f.failOn)
	if err != nil {
		return usageErr("--fail-on: %v", err)
	}
	outs, err := parseOutputs(f.formats, f.output)
	if err != nil {
		return usageErr("--format: %v", err)
	}
	known, err := loadBaseline(f.pr.baseline)
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	defer scanGC(getenv)()
	token := getenv("GITHUB_TOKEN")
	// A bad GITHUB_SERVER_URL matters only to clones; a bad flag always.
	github, err := ghhost.Resolve(f.githubURL, getenv("GITHUB_SERVER_URL"))
	if err != nil && (f.githubURL != "" || slices.ContainsFunc(targets, repo.IsURL)) {
		return usageErr("%v", err)
	}
	// The API, for the settings and organisation files of GitHub targets
	// (docs/org-scan.md): asked only with a token. GITHUB_API_URL (set in
	// Actions) names it, unless --github-url names the server.
	apiURL := getenv("GITHUB_API_URL")
	if f.githubURL != "" || apiURL == "" {
		apiURL = github.APIURL()
	}
	forgeFor, err := scanForge(apiURL, stderr, getenv)
	if err != nil {
		return err
	}
	rep := &scan.Report{SchemaVersion: scan.SchemaVersion, Tool: scan.Tool{Name: "ospolint", Version: Version, URI: "https://github.com/ospolint/ospolint"},
		Category: f.pr.sarifCategory}
	ran := map[string]*checks.Check{}
	say := newSayer(stderr, len(targets) > 1)
	var configFailed, targetFailed bool
	for _, target := range targets {
		name := redact.URL(target)
		res, plan, err := scanTarget(ctx, target, f, repo.OpenOptions{Ref: f.ref, Token: token, GitHub: github, TempDir: os.TempDir()}, outs, known, forgeFor)
		if err != nil {
			var ce *config.Error
			isConfig := errors.As(err, &ce)
			flagErr := errors.Is(err, config.ErrConfig) && (!isConfig || strings.HasPrefix(ce.Key, "--"))
			if errors.Is(err, repo.ErrRefWithURL) || flagErr {
				// A flag the command line got wrong: nothing is scanned.
				if len(targets) > 1 {
					err = fmt.Errorf("%s: %w", name, err)
				}
				return &exitError{code: ExitUsage, err: err}
			}
			if ctx.Err() != nil {
				return &exitError{code: ExitTarget, err: err}
			}
			// This target is reported as it failed, and the others are
			// scanned: one broken .ospolint.yml must not hide the rest.
			msg := redact.String(err.Error(), token)
			say.target(name, msg)
			tr := failedTarget(name, msg)
			if isConfig {
				configFailed = true
				tr.ConfigError = &scan.ConfigError{File: ce.File, Line: ce.Line, Key: ce.Key, Message: redact.String(ce.Msg, token)}
			} else {
				targetFailed = true
			}
			rep.Targets = append(rep.Targets, tr)
			continue
		}
		for _, pc := range plan.Checks {
			ran[pc.Check.ID] = pc.Check
		}
		rep.Targets = append(rep.Targets, res)
	}
	for _, c := range checks.All() {
		if rc, ok := ran[c.ID]; ok {
			rep.Checks = append(rep.Checks, rc)
			delete(ran, c.ID)
		}
	}
	rep.Checks = append(rep.Checks, sortedChecks(ran)...)
	if err := writeOutputs(outs, rep, stdout, stderr, say.printed()); err != nil {
		return err
	}
	switch {
	case configFailed:
		return &exitError{code: ExitUsage}
	case targetFailed:
		return &exitError{code: ExitTarget}
	case failing(rep, failOn):
		return &exitError{code: ExitFindings}
	}
	return nil
}

// failedTarget is the result of a target that could not be scanned.
func failedTarget(name, msg string) *scan.TargetResult {
	return &scan.TargetResult{Target: name, Error: msg, Findings: []scan.Finding{}, Checks: []scan.CheckResult{}, Maturity: []scan.GoalMaturity{},
		Facts: scan.Facts{License: scan.LicenseFact{Files: []license.File{}}}}
}

// sayer prints the errors of targets on stderr, each once: a message
// repeated by several targets (one --config for all) is printed for the
// first and referred to for the others.
type sayer struct {
	w     io.Writer
	multi bool
	first map[string]string // message -> the target that had it first
}

func newSayer(w io.Writer, multi bool) *sayer {
	return &sayer{w: w, multi: multi, first: map[string]string{}}
}

func (s *sayer) target(name, msg string) {
	if prev, ok := s.first[msg]; ok {
		fmt.Fprintf(s.w, "ospolint: %s: the same error as %s\n", name, prev)
		return
	}
	s.first[msg] = name
	// The target is named when there are several, unless the message
	// already starts with it ("open DIR: ...").
	if s.multi && !strings.Contains(msg, name) {
		fmt.Fprintf(s.w, "ospolint: %s: %s\n", name, msg)
		return
	}
	fmt.Fprintf(s.w, "ospolint: %s\n", msg)
}

func (s *sayer) printed() bool { return len(s.first) > 0 }

func scanTarget(ctx context.Context, target string, f scanFlags, opt repo.OpenOptions, outs []output, known *scan.Known, forgeFor forgeFunc) (*scan.TargetResult, *scan.Plan, error) {
	r, err := repo.Open(ctx, target, opt)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	base, err := openBase(target, f.pr)
	if err != nil {
		return nil, nil, err
	}
	if base != nil {
		defer base.Close()
	}
	cfg, err := loadConfig(f, configRepo(r, base))
	if err != nil {
		return nil, nil, err
	}
	plan, err := planFor(cfg, f)
	if err != nil {
		return nil, nil, err
	}
	forge, done, err := forgeFor(ctx, target, plan)
	if err != nil {
		return nil, nil, err
	}
	defer done()
	res, err := runMode(ctx, r, base, plan, f.pr, scan.Options{Outputs: outputsIn(r, outs), Known: known, Forge: forge})
	if err != nil {
		return nil, nil, err
	}
	res.Target = redact.URL(target)
	res.Subdir = subdir(r)
	return res, plan, nil
}

// subdir is where a local target lies in its git working tree ("" at the
// top, for a clone, or outside any repository), slash-separated.
func subdir(r *repo.Repo) string {
	if r.Kind == repo.KindClone {
		return ""
	}
	abs, err := filepath.Abs(r.Name)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(repoTop(abs), abs)
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// outputsIn lists the output files of this run that lie inside a local
// target, relative to it: the scan must not judge its own reports.
func outputsIn(r *repo.Repo, outs []output) []string {
	if r.Kind == repo.KindClone {
		return nil
	}
	dir, err := filepath.Abs(r.Name)
	if err != nil {
		return nil
	}
	var in []string
	for _, o := range outs {
		if isStdout(o.file) {
			continue
		}
		abs, err := filepath.Abs(o.file)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(dir, abs); err == nil && filepath.IsLocal(rel) {
			in = append(in, filepath.ToSlash(rel))
		}
	}
	return in
}

// loadConfig reads --config from disk, or the target's own .ospolint.yml
// from its file system (so a revision or a clone brings its own config).
func loadConfig(f scanFlags, r *repo.Repo) (*config.Config, error) {
	if f.config == "" {
		return config.ForRepo(r, f.rules)
	}
	src, name, closer, err := configSource(f.config, r)
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	return config.Load(src, name, f.rules)
}

// configSource says where --config and the files it extends may be read:
// inside the target's repository when the file is in it (a pull request
// controls all of it, links included, so nothing may lead out), otherwise
// in the directory of the file, which whoever runs ospolint chose. name is
// the file's path inside the source.
func configSource(file string, r *repo.Repo) (config.Source, string, io.Closer, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return config.Source{}, "", nil, &config.Error{Key: "--config", Msg: err.Error()}
	}
	root, bound := "", ""
	if r.Kind != repo.KindClone {
		if top := repoTop(r.Name); top != "" {
			if rel, err := filepath.Rel(top, abs); err == nil && filepath.IsLocal(rel) {
				root, bound = top, "the repository ("+top+")"
			}
		}
	}
	if root == "" {
		// Outside the repository the path is the user's: follow its links
		// once, then confine extends to the directory it leads to.
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		root = filepath.Dir(abs)
		bound = "the directory of --config (" + root + ")"
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return config.Source{}, "", nil, &config.Error{Key: "--config", Msg: err.Error()}
	}
	// Names read as the user wrote the path: relative to the working
	// directory when they gave a relative path.
	display := root
	if !filepath.IsAbs(file) {
		if wd, err := os.Getwd(); err == nil {
			if d, err := filepath.Rel(wd, root); err == nil {
				display = d
			}
		}
	}
	src, closer, err := config.OpenDir(root, filepath.ToSlash(display), bound)
	if err != nil {
		return config.Source{}, "", nil, &config.Error{Key: "--config", Msg: err.Error()}
	}
	return src, filepath.ToSlash(rel), closer, nil
}

// repoTop is the top of the git working tree holding dir (where ".git" is,
// as git finds it), or dir itself when it is in none; "" when dir cannot be
// made absolute.
func repoTop(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}

func failing(rep *scan.Report, failOn checks.Level) bool {
	if failOn == checks.Off {
		return false
	}
	for _, t := range rep.Targets {
		for _, f := range t.Findings {
			if f.Waived == nil && f.Severity() >= failOn {
				return true
			}
		}
	}
	return false
}

// writeOutputs writes every output, even after one fails, so one
// unwritable file loses no other report; the first failure decides the
// exit code and each is reported.
//
// When errors were printed on stderr, a text report on standard output
// names the targets that failed without repeating why.
func writeOutputs(outs []output, rep *scan.Report, stdout, stderr io.Writer, errorsShown bool) error {
	var first error
	for _, o := range outs {
		write := o.write
		if o.name == "text" && errorsShown && isStdout(o.file) {
			write = report.TextErrorsShown
		}
		err := writeOutput(o.file, stdout, func(w io.Writer) error { return write(w, rep) })
		if err == nil {
			continue
		}
		if first == nil {
			first = err
		} else {
			fmt.Fprintln(stderr, "ospolint:", err)
		}
	}
	return first
}

// scanGCPercent is the garbage collector's target during a scan, unless
// GOGC is set: a scan makes much short-lived garbage (a parsed header per
// file, a finding per file without one). At 400% rather than Go's default
// 100% the REUSE scan of a tree shaped like u-boot's takes about a tenth
// less time for some 15 MiB more peak RSS (93 MiB; docs/reuse.md#speed).
const scanGCPercent = 400

// scanMemoryLimit bounds what that target lets the heap grow to, unless
// GOMEMLIMIT is set: past it the collector runs more often, so a very large
// repository is scanned in about as much memory as at the default target.
const scanMemoryLimit = 512 << 20

// scanGC sets the collector's target for a scan and returns what restores
// it.
func scanGC(getenv Env) func() {
	restore := func() {}
	if getenv("GOMEMLIMIT") == "" {
		oldLimit := debug.SetMemoryLimit(scanMemoryLimit)
		restore = func() { debug.SetMemoryLimit(oldLimit) }
	}
	if getenv("GOGC") != "" {
		return restore
	}
	old := debug.SetGCPercent(scanGCPercent)
	return func() {
		debug.SetGCPercent(old)
		restore()
	}
}
