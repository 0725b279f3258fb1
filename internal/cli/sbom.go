// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/mod/modfile"

	"github.com/ospolint/ospolint/internal/deps"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/sbom"
)

// sbomOptions are the flags of `ospolint sbom`.
type sbomOptions struct {
	format  string
	created time.Time
	version string
	// cargoRegistry is Cargo's crate cache, from the command's
	// environment ("" for none).
	cargoRegistry string
}

func newSBOM(stdout io.Writer, getenv Env) *cobra.Command {
	var output, created, format, version string
	cmd := &cobra.Command{
		Use:   "sbom [DIR]",
		Short: "Write an SBOM of the dependencies the repository locks (Go, npm, yarn, pnpm, Cargo, Python, Ruby, PHP, Maven): SPDX 2.3 JSON, SPDX tag-value or CycloneDX 1.6 JSON",
		Long: `Reads every lockfile of the repository (go.mod with go.sum, package-lock.json, yarn.lock,
pnpm-lock.yaml, Cargo.lock, poetry.lock, uv.lock, Pipfile.lock, requirements*.txt, Gemfile.lock,
composer.lock, pom.xml) and writes one SBOM: the project as the root package with its detected licence,
every locked package with its purl, version, checksums where the lockfile has them and its licence where
something on disk declares it (lockfile fields, node_modules, vendor/, the Go module cache, Cargo's registry
cache under CARGO_HOME), and DEPENDS_ON relationships from the root. Nothing is fetched from the network.

The creation time is --created, else SOURCE_DATE_EPOCH (seconds since 1970), else now: set one of them for
reproducible documents.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			opt := sbomOptions{version: version, cargoRegistry: deps.CargoRegistry(getenv)}
			switch format {
			case "spdx", "spdx-json", "spdx-tv", "cyclonedx", "cyclonedx-json":
				opt.format = format
			default:
				return usageErr("--format: want spdx (SPDX 2.3 JSON), spdx-tv (tag-value) or cyclonedx (CycloneDX 1.6 JSON), not %q", format)
			}
			when, err := creationTime(created, getenv("SOURCE_DATE_EPOCH"))
			if err != nil {
				return usageErr("%v", err)
			}
			opt.created = when
			if err := checkOutput(output); err != nil {
				return usageErr("--output: %v", err)
			}
			var buf bytes.Buffer
			if err := writeSBOM(cmd.Context(), dir, opt, &buf); err != nil {
				return &exitError{code: ExitTarget, err: err}
			}
			// The one way commands write files (output.go): a regular file
			// is replaced whole, a device, pipe or link written through, a
			// failed write is exit 3.
			return writeOutput(output, stdout, func(w io.Writer) error {
				_, err := w.Write(buf.Bytes())
				return err
			})
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of stdout")
	cmd.Flags().StringVarP(&format, "format", "f", "spdx", "spdx (SPDX 2.3 JSON), spdx-tv (SPDX 2.3 tag-value) or cyclonedx (CycloneDX 1.6 JSON)")
	cmd.Flags().StringVar(&created, "created", "", "creation time to record (RFC 3339); default SOURCE_DATE_EPOCH, else now")
	cmd.Flags().StringVar(&version, "package-version", "", "version of the project to record on the root package (default NOASSERTION)")
	return cmd
}

// creationTime reads --created, else SOURCE_DATE_EPOCH, else now.
func creationTime(flag, epoch string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse(time.RFC3339, flag)
		if err != nil {
			return time.Time{}, errors.New("--created: want an RFC 3339 time such as 2026-01-02T15:04:05Z")
		}
		return t, nil
	}
	if epoch != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(epoch), 10, 64)
		if err != nil || n < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want seconds since 1970-01-01", epoch)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC().Truncate(time.Second), nil
}

// errNoLockfile is the answer for a repository without a lockfile this
// version reads.
var errNoLockfile = errors.New("no supported lockfile (go.mod, package-lock.json, yarn.lock, pnpm-lock.yaml, Cargo.lock, poetry.lock, uv.lock, Pipfile.lock, requirements*.txt, Gemfile.lock, composer.lock, pom.xml): nothing to describe")

func writeSBOM(ctx context.Context, dir string, opt sbomOptions, w io.Writer) error {
	r, err := repo.OpenWorktree(dir)
	if err != nil {
		return err
	}
	defer r.Close()
	ix, _, err := repo.Walk(ctx, r, repo.WalkOptions{})
	if err != nil {
		return err
	}
	var files []string
	for _, e := range ix.Files() {
		files = append(files, e.Path)
	}
	if len(deps.Lockfiles(files, nil)) == 0 {
		return fmt.Errorf("%s: %w", dir, errNoLockfile)
	}
	inv, err := deps.Read(r.FS, files, deps.Options{Licenses: true, GoModCache: deps.ModCache(), CargoRegistry: opt.cargoRegistry})
	if err != nil {
		return fmt.Errorf("sbom: %w", err)
	}
	lic := license.DetectProject(ix, func(p string) ([]byte, error) { return repo.ReadFile(r.FS, p, 4<<20) })
	o := sbom.Options{Name: projectName(r, dir), Version: opt.version, License: lic.Expression, Created: opt.created, Tool: "ospolint-" + Version}
	if o.License == license.NoAssertion {
		o.License = ""
	}
	if strings.HasPrefix(opt.format, "cyclonedx") {
		return sbom.WriteCycloneDX(w, sbom.CycloneDXBOM(inv, o))
	}
	return sbom.WriteSPDX(w, sbom.SPDXDocument(inv, o), opt.format == "spdx-tv")
}

// projectName is the Go module path at the root, else the directory name.
func projectName(r *repo.Repo, dir string) string {
	if data, err := repo.ReadFile(r.FS, "go.mod", 4<<20); err == nil {
		if p := modfile.ModulePath(data); p != "" {
			return p
		}
	}
	if abs, err := filepath.Abs(dir); err == nil {
		return filepath.Base(abs)
	}
	return filepath.Base(dir)
}
