// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"bytes"
	"context"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/sbom"
)

func newSBOM(stdout io.Writer) *cobra.Command {
	var output, created string
	cmd := &cobra.Command{
		Use:   "sbom [DIR]",
		Short: "Write an SPDX 2.3 JSON SBOM of a Go module (its go.mod requirements), with the detected project licence",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			when := time.Now()
			if created != "" {
				t, err := time.Parse(time.RFC3339, created)
				if err != nil {
					return usageErr("--created: want an RFC 3339 time such as 2026-01-02T15:04:05Z")
				}
				when = t
			}
			if err := checkOutput(output); err != nil {
				return usageErr("--output: %v", err)
			}
			// The document is made before the output is touched, so a
			// failure leaves an existing file as it was.
			var doc bytes.Buffer
			if err := writeSBOM(cmd.Context(), dir, when, &doc); err != nil {
				return &exitError{code: ExitTarget, err: err}
			}
			return writeOutput(output, stdout, func(w io.Writer) error {
				_, err := doc.WriteTo(w)
				return err
			})
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of stdout")
	cmd.Flags().StringVar(&created, "created", "", "creation time to record (RFC 3339; default now), for reproducible documents")
	return cmd
}

func writeSBOM(ctx context.Context, dir string, created time.Time, w io.Writer) error {
	r, err := repo.OpenWorktree(dir)
	if err != nil {
		return err
	}
	defer r.Close()
	ix, _, err := repo.Walk(ctx, r, repo.WalkOptions{})
	if err != nil {
		return err
	}
	lic := license.DetectProject(ix, func(p string) ([]byte, error) { return repo.ReadFile(r.FS, p, 4<<20) })
	doc, err := sbom.FromGoModule(r.FS, sbom.Options{License: lic.Expression, Created: created, Tool: "ospolint-" + Version})
	if err != nil {
		return err
	}
	return sbom.Write(w, doc)
}
