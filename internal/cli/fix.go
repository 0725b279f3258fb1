// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/fix"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
)

type fixFlags struct {
	dryRun      bool
	config      string
	license     string
	copyright   string
	year        int
	contact     string
	project     string
	noHeaders   bool
	noCommunity bool
}

// fixChecks are the checks whose findings fix knows how to repair;
// license-detected runs for the project licence, the default for new headers.
const fixChecks = "license-detected,reuse-missing-license,reuse-missing-copyright,contributing,code-of-conduct,security-policy"

// maxRewrite caps the files fix rewrites in place; larger ones get a sidecar.
const maxRewrite = 16 << 20

func newFix(stdout, stderr io.Writer) *cobra.Command {
	var f fixFlags
	cmd := &cobra.Command{
		Use:   "fix [flags] [DIR]",
		Short: "Add missing SPDX headers and community files (opt-in; --dry-run prints a diff)",
		Long: `Fix what ospolint can repair in a working tree:

- files without licensing or copyright information (the reuse-missing-license and reuse-missing-copyright
  findings) get SPDX-License-Identifier and SPDX-FileCopyrightText lines in their language's comment style,
  after any shebang, XML or PHP opening line, DOCTYPE or Markdown front matter; only the missing tag is added,
  an existing header is never duplicated or removed. Binary files, files without a comment syntax (JSON, plain
  text) and files over 16 MiB get a <file>.license sidecar instead;
- a missing CONTRIBUTING.md, CODE_OF_CONDUCT.md or SECURITY.md is created from a template.

The licence defaults to the detected project licence; the copyright holder must be given, on the command line
or in the configuration's fix section (flags win):

  fix:
    copyright: Example Corp
    license: Apache-2.0
    year: 2026
    contact: security@example.com
    project: Example

Running fix twice changes nothing the second time. Excludes and REUSE.toml from the configuration apply.`,
		Example: `  ospolint fix --dry-run --copyright "Example Corp" .
  ospolint fix --license MIT --copyright "Example Corp" --contact security@example.com .`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return runFix(cmd.Context(), f, dir, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.BoolVarP(&f.dryRun, "dry-run", "n", false, "print the changes as a unified diff and change nothing")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: .ospolint.yml at the root)")
	fl.StringVar(&f.license, "license", "", "SPDX expression for new headers (default: the detected project licence)")
	fl.StringVar(&f.copyright, "copyright", "", `copyright holder for new headers, e.g. "Example Corp" (the year is prepended)`)
	fl.IntVar(&f.year, "year", 0, "copyright year (default: this year)")
	fl.StringVar(&f.contact, "contact", "", "e-mail or URL for reports in CODE_OF_CONDUCT.md and SECURITY.md")
	fl.StringVar(&f.project, "project", "", "project name in community files (default: the directory name)")
	fl.BoolVar(&f.noHeaders, "no-headers", false, "do not add SPDX headers or sidecars")
	fl.BoolVar(&f.noCommunity, "no-community", false, "do not create community files")
	return cmd
}

func runFix(ctx context.Context, f fixFlags, dir string, stdout, stderr io.Writer) error {
	r, err := repo.OpenWorktree(dir)
	if err != nil {
		return &exitError{code: ExitTarget, err: err}
	}
	defer r.Close()
	cfg, err := loadConfig(scanFlags{config: f.config}, r)
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	f = withConfigDefaults(f, cfg.Fix)
	plan, err := scan.NewPlan(cfg, fixChecks)
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	res, err := scan.Run(ctx, r, plan, scan.Options{})
	if err != nil {
		return &exitError{code: ExitTarget, err: err}
	}
	h, prj := fixHeader(f, dir, res)
	changes, skipped, err := planFixes(r.FS, res, f, h, prj)
	if err != nil {
		return usageErr("%v", err)
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "ospolint: not fixed: %s\n", s)
	}
	if f.dryRun {
		return fix.Diff(stdout, changes)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return &exitError{code: ExitTarget, err: err}
	}
	defer root.Close()
	if err := fix.Apply(root, changes); err != nil {
		return &exitError{code: ExitTarget, err: err}
	}
	for _, c := range changes {
		fmt.Fprintf(stdout, "fixed %s: %s\n", c.Path, c.Reason)
	}
	if len(changes) == 0 {
		fmt.Fprintln(stdout, "nothing to fix")
	}
	return nil
}

// withConfigDefaults fills the flags the command line left empty from the
// configuration's fix section.
func withConfigDefaults(f fixFlags, c config.Fix) fixFlags {
	if f.license == "" {
		f.license = c.License
	}
	if f.copyright == "" {
		f.copyright = c.Copyright
	}
	if f.year == 0 {
		f.year = c.Year
	}
	if f.contact == "" {
		f.contact = c.Contact
	}
	if f.project == "" {
		f.project = c.Project
	}
	return f
}

func fixHeader(f fixFlags, dir string, res *scan.TargetResult) (fix.Header, fix.Project) {
	lic := f.license
	if e := res.Facts.License.Expression; lic == "" && e != nil && *e != license.NoAssertion {
		lic = *e
	}
	holder := strings.TrimSpace(f.copyright)
	if holder != "" && !startsWithYear(holder) {
		year := f.year
		if year == 0 {
			year = time.Now().Year()
		}
		holder = strconv.Itoa(year) + " " + holder
	}
	name := f.project
	if name == "" {
		if abs, err := filepath.Abs(dir); err == nil {
			name = filepath.Base(abs)
		}
	}
	return fix.Header{License: lic, Copyright: holder}, fix.Project{Project: name, License: lic, Contact: f.contact}
}

func startsWithYear(s string) bool {
	return len(s) >= 4 && strings.IndexFunc(s[:4], func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// planFixes turns the findings into changes: one per file, so a file missing
// both tags is rewritten once.
func planFixes(fsys fs.FS, res *scan.TargetResult, f fixFlags, h fix.Header, prj fix.Project) ([]fix.Change, []string, error) {
	headers := map[string]bool{}
	var community []string
	for _, fd := range res.Findings {
		switch fd.Check {
		case "reuse-missing-license", "reuse-missing-copyright":
			if !f.noHeaders {
				headers[fd.Path] = true
			}
		case "contributing", "code-of-conduct", "security-policy":
			if f.noCommunity {
				continue
			}
			if _, err := fs.Stat(fsys, fd.Path); err == nil {
				continue // the file exists but its content needs a person
			}
			community = append(community, fd.Path)
		}
	}
	var changes []fix.Change
	var skipped []string
	for _, p := range sortedKeys(headers) {
		c, ok, err := headerChange(fsys, p, h)
		switch {
		case err != nil:
			return nil, nil, err
		case ok:
			changes = append(changes, c)
		}
	}
	for _, p := range community {
		c, err := fix.Community(p, prj, h)
		if err != nil {
			skipped = append(skipped, p+": "+err.Error())
			continue
		}
		changes = append(changes, c)
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	return changes, skipped, nil
}

func headerChange(fsys fs.FS, p string, h fix.Header) (fix.Change, bool, error) {
	sidecar, err := repo.ReadFile(fsys, p+".license", 1<<20)
	if err == nil {
		return fix.Sidecar(p, sidecar, h)
	}
	data, err := repo.ReadFile(fsys, p, maxRewrite)
	if err != nil {
		// Too large or unreadable: describe it beside the file.
		return fix.Sidecar(p, nil, h)
	}
	out, ok, err := fix.AddHeader(p, data, h)
	if err != nil {
		return fix.Change{}, false, fmt.Errorf("%s: %w", p, err)
	}
	if !ok {
		if !fix.Missing(data).Any() {
			return fix.Change{}, false, nil
		}
		return fix.Sidecar(p, nil, h)
	}
	return fix.Change{Path: p, Old: data, New: out, Reason: "SPDX header added"}, true, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
