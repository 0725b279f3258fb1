// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package cli is the command line: flags, configuration loading, output
// selection and exit codes. cmd/ospolint only wires it to the process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitUsage    = 2 // usage or configuration error
	ExitTarget   = 3 // a target could not be scanned, or an output not written
)

// Version of ospolint.
const Version = "0.1.0"

// Env is the process environment the CLI may read (GITHUB_TOKEN).
type Env func(key string) string

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// Run runs the command line and returns the exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv Env) int {
	root := newRoot(stdout, stderr, getenv) //nolint:contextcheck // cobra passes ctx to commands through ExecuteContext
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "ospolint:", ee.err)
		}
		return ee.code
	}
	// Errors of cobra's own (an unknown command or flag, a wrong number of
	// arguments) are usage errors; the commands give other codes through
	// exitError.
	fmt.Fprintln(stderr, "ospolint:", err)
	return ExitUsage
}

func newRoot(stdout, stderr io.Writer, getenv Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "ospolint",
		Short: "Repository governance scanner for OSPOs, mapped to the OW2 Good Governance Initiative",
		Long: `ospolint scans repositories for the governance evidence the OW2 / OSPO Alliance Good Governance
Initiative (GGI) asks for: licences, community files, security policy, code review, and reports findings
as text, JSON, SARIF or Markdown.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: ExitUsage, err: err}
	})
	root.AddCommand(
		newScan(stdout, stderr, getenv),
		newChecks(stdout),
		newExplain(stdout),
		newRules(stdout),
		newSBOM(stdout, getenv),
		newFix(stdout, stderr),
		newAction(stdout, stderr, getenv),
		newOrg(stdout, stderr, getenv),
		newMerge(stdout),
		&cobra.Command{
			Use:   "version",
			Short: "Print the version",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				_, err := fmt.Fprintln(cmd.OutOrStdout(), "ospolint", Version)
				return err
			},
		},
	)
	return root
}

func usageErr(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}
