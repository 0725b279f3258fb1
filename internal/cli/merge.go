// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ospolint/ospolint/internal/org"
)

func newMerge(stdout io.Writer) *cobra.Command {
	var outDir string
	cmd := &cobra.Command{
		Use:   "merge --out-dir DIR SHARD_DIR...",
		Short: "Combine the output directories of ospolint org --shard runs into one report",
		Long: `Read the summary.json of each SHARD_DIR (written by ospolint org --shard K/N), and write into --out-dir
the summary, inventory and dashboard a single run over the whole organisation would have written, with the
per-repository reports copied beside them. See docs/org-scan.md for a GitHub Actions matrix and a Kubernetes
Indexed Job that split an organisation this way.

Exit codes: 0 every repository scanned, 2 usage error (a directory without a summary, shards of different
organisations), 3 some repository failed in its shard, or the merged report could not be written.`,
		Example: `  ospolint merge --out-dir report shard-1 shard-2 shard-3 shard-4`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMerge(cmd.Context(), outDir, args, stdout)
		},
	}
	cmd.Flags().StringVar(&outDir, "out-dir", "ospolint-org", "directory for the merged report")
	return cmd
}

func runMerge(_ context.Context, outDir string, dirs []string, stdout io.Writer) error {
	s, err := org.Merge(outDir, dirs)
	var we *org.WriteError
	switch {
	case errors.As(err, &we):
		// The shards were read; the merged report could not be written.
		return &exitError{code: ExitTarget, err: err}
	case err != nil:
		return &exitError{code: ExitUsage, err: err}
	}
	fmt.Fprintf(stdout, "%s: %d repositories from %d directories, %d ok, %d error, %d skipped; reports in %s\n",
		s.Org, s.Totals.Repos, len(dirs), s.Totals.OK, s.Totals.Error, s.Totals.Skipped, filepath.Join(outDir, "index.html"))
	if s.Totals.Error > 0 || len(s.Errors) > 0 {
		return &exitError{code: ExitTarget}
	}
	return nil
}
