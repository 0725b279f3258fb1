// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/fix"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/scan"
	"github.com/ospolint/ospolint/internal/spdxlist"
)

type fixFlags struct {
	dryRun      bool
	check       bool
	config      string
	license     string
	licenseFrom string // the flag or the configuration key that set license
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

func newFix(stdout, stderr io.Writer) *cobra.Command {
	var f fixFlags
	cmd := &cobra.Command{
		Use:   "fix [flags] [DIR]",
		Short: "Add missing SPDX headers, licence texts and community files (opt-in; --dry-run prints a diff)",
		Long: `Fix what ospolint can repair in a working tree:

- files without licensing or copyright information (the reuse-missing-license and reuse-missing-copyright
  findings) get SPDX-License-Identifier and SPDX-FileCopyrightText lines in their language's comment style,
  after any shebang, XML or PHP opening line, DOCTYPE or Markdown front matter; only the missing tag is added,
  an existing header is never duplicated or removed. Binary files, files without a comment syntax (JSON, plain
  text) and files over 16 MiB get a <file>.license sidecar instead;
- every licence the headers name gets its text in LICENSES/<id>.txt when it has none, from the root licence
  file that holds it, or else from the SPDX License List shipped with ospolint;
- a missing CONTRIBUTING.md, CODE_OF_CONDUCT.md or SECURITY.md is created from a template.

Afterwards reuse lint and ospolint scan --rules reuse pass.

The licence defaults to what the project declares (existing headers, the root manifest's licence field, the
README's licence section), kept with its operators, or else to the licence files' licence; --license must be
a valid SPDX expression of listed identifiers or LicenseRef-s. The copyright holder must be given, on the
command line or in the configuration's fix section (flags win):

  fix:
    copyright: Example Corp
    license: Apache-2.0
    year: 2026
    contact: security@example.com
    project: Example

Running fix twice changes nothing the second time. Excludes and REUSE.toml from the configuration apply.

Changes are all or nothing: each file is written to a temporary file beside it and renamed into place, and when
any write fails the files already replaced get their old content back. fix never follows a symbolic link (a
linked file, or a path through a linked directory, is reported as not fixed) and never rewrites a file with
more than one hard link (it gets a sidecar), so it cannot change anything outside the repository; --dry-run
shows exactly what the run does. --check changes nothing either: it lists what would change and exits 1 when
anything would. docs/fix.md has the details.`,
		Example: `  ospolint fix --dry-run --copyright "Example Corp" .
  ospolint fix --check --copyright "Example Corp" .
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
	fl.BoolVar(&f.check, "check", false, "change nothing; list what would change and exit 1 when anything would (for CI)")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: .ospolint.yml at the root)")
	fl.StringVar(&f.license, "license", "", "SPDX expression for new headers (default: what the project declares, see docs/fix.md)")
	fl.StringVar(&f.copyright, "copyright", "", `copyright holder for new headers, e.g. "Example Corp" (the year is prepended)`)
	fl.IntVar(&f.year, "year", 0, "copyright year (default: this year)")
	fl.StringVar(&f.contact, "contact", "", "e-mail or URL for reports in CODE_OF_CONDUCT.md and SECURITY.md")
	fl.StringVar(&f.project, "project", "", "project name in community files (default: the directory name)")
	fl.BoolVar(&f.noHeaders, "no-headers", false, "do not add SPDX headers, sidecars or licence texts")
	fl.BoolVar(&f.noCommunity, "no-community", false, "do not create community files")
	return cmd
}

func runFix(ctx context.Context, f fixFlags, dir string, stdout, stderr io.Writer) error {
	if f.license != "" {
		f.licenseFrom = "--license"
		if err := fix.ValidateLicense(f.license); err != nil {
			return usageErr("--license: %v", err)
		}
	}
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
	if f.licenseFrom == "fix.license" {
		if err := fix.ValidateLicense(f.license); err != nil {
			return usageErr("fix.license: %v", err)
		}
	}
	plan, err := scan.NewPlan(cfg, fixChecks)
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	res, err := scan.Run(ctx, r, plan, scan.Options{})
	if err != nil {
		return &exitError{code: ExitTarget, err: err}
	}
	tree, err := fix.OpenTree(dir)
	if err != nil {
		return &exitError{code: ExitTarget, err: err}
	}
	defer tree.Close()
	req := fixRequest(res, f)
	req.Text = fix.TextSource(res.Facts.License.Files, func(p string) ([]byte, error) {
		return repo.ReadFile(r.FS, p, license.MaxClassify)
	}, spdxlist.Text)
	lic := f.license
	if lic == "" && (len(req.Headers) > 0 || len(req.Community) > 0) {
		if lic, err = fixLicense(res, tree, stderr); err != nil {
			return &exitError{code: ExitTarget, err: err}
		}
	}
	req.Header, req.Project = fixHeader(f, dir, lic)
	pl, err := tree.Plan(req)
	if err != nil {
		return usageErr("%v", err)
	}
	for _, s := range pl.Skipped {
		fmt.Fprintf(stderr, "ospolint: not fixed: %s\n", s)
	}
	if f.dryRun || f.check {
		// What would change is the run's report: not written, it is exit 3
		// like any report, not a pass of --check.
		err := writeOutput("", stdout, func(w io.Writer) error {
			if f.dryRun {
				return fix.Diff(w, pl.Changes)
			}
			return listChanges(w, "would fix", pl.Changes)
		})
		if err != nil {
			return err
		}
		if f.check && len(pl.Changes) > 0 {
			return &exitError{code: ExitFindings}
		}
		return nil
	}
	if err := tree.Apply(pl.Changes); err != nil {
		return &exitError{code: ExitTarget, err: err}
	}
	return writeOutput("", stdout, func(w io.Writer) error { return listChanges(w, "fixed", pl.Changes) })
}

// listChanges lists the changes, one line each.
func listChanges(w io.Writer, verb string, changes []fix.Change) error {
	for _, c := range changes {
		if _, err := fmt.Fprintf(w, "%s %s: %s\n", verb, c.Path, c.Reason); err != nil {
			return err
		}
	}
	if len(changes) == 0 {
		_, err := fmt.Fprintln(w, "nothing to fix")
		return err
	}
	return nil
}

// fixLicense is the expression new headers and templates get when neither
// the command line nor the configuration gives one: what the project
// declares (see fix.ChooseLicense). "" when nothing says; the plan then
// asks for --license if a header needs one. It says on stderr which it took.
func fixLicense(res *scan.TargetResult, tree *fix.Tree, stderr io.Writer) (string, error) {
	var decls []fix.Declared
	if res.Facts.Reuse != nil {
		if d, ok := fix.HeadersDeclare(res.Facts.Reuse.Expressions); ok {
			decls = append(decls, d)
		}
	}
	more, err := tree.Declarations()
	if err != nil {
		return "", err
	}
	decls = append(decls, more...)
	detected := ""
	if e := res.Facts.License.Expression; e != nil {
		detected = *e
	}
	d, notes, ok := fix.ChooseLicense(detected, decls)
	for _, n := range notes {
		fmt.Fprintf(stderr, "ospolint: %s\n", n)
	}
	if !ok {
		return "", nil // an error only for a file that needs a licence (see fix.Header)
	}
	fmt.Fprintf(stderr, "ospolint: licence for new headers: %s (from %s; --license overrides)\n", d.Expression, d.From)
	return d.Expression, nil
}

// withConfigDefaults fills the flags the command line left empty from the
// configuration's fix section.
func withConfigDefaults(f fixFlags, c config.Fix) fixFlags {
	if f.license == "" && c.License != "" {
		f.license, f.licenseFrom = c.License, "fix.license"
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

func fixHeader(f fixFlags, dir, lic string) (fix.Header, fix.Project) {
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

// fixRequest collects from the findings what fix repairs.
func fixRequest(res *scan.TargetResult, f fixFlags) fix.Request {
	var req fix.Request
	if rf := res.Facts.Reuse; rf != nil && !f.noHeaders {
		req.Licenses, req.Texts = rf.LicensesUsed, rf.LicenseTexts
		req.LicenceFiles = res.Facts.License.Files
	}
	req.Headers = map[string]fix.Tags{}
	for _, fd := range res.Findings {
		switch fd.Check {
		case "reuse-missing-license", "reuse-missing-copyright":
			if !f.noHeaders {
				t := req.Headers[fd.Path]
				t.License = t.License || fd.Check == "reuse-missing-license"
				t.Copyright = t.Copyright || fd.Check == "reuse-missing-copyright"
				req.Headers[fd.Path] = t
			}
		case "contributing", "code-of-conduct", "security-policy":
			if !f.noCommunity {
				req.Community = append(req.Community, fd.Path)
			}
		}
	}
	return req
}
