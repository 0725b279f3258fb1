// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ospolint/ospolint/internal/atomicfile"
)

// Every file a command writes for the user (scan reports, SBOMs) goes
// through writeOutput, which picks the way by what the path is:
//
//   - "" or "-" or /dev/stdout: the command's standard output;
//   - a regular file, or nothing yet: written to a temporary file beside it
//     and renamed into place, so a reader never sees half a report and a
//     failed write leaves the previous one whole;
//   - a device (/dev/stderr, /dev/null, a terminal), a named pipe, a socket
//     or a symbolic link: written through, in place, never replaced by a
//     regular file. A link is not resolved for a rename: /dev/stdout leads
//     through /proc/self/fd to whatever the descriptor holds, perhaps the
//     very file the shell redirected to, and must be written, not replaced;
//     and a link the user made stays a link to the file they chose;
//   - a directory: a usage error, found before the scan (checkOutput).
//
// A failure to write is exit 3 (ExitTarget) with the path and the cause:
// the scan ran, its report is what could not be delivered.

// checkOutput finds, before any work is done, the output paths that can
// never be written: a directory, or a file in a directory that does not
// exist.
func checkOutput(name string) error {
	if isStdout(name) {
		return nil
	}
	if info, err := os.Stat(name); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a directory", name)
	}
	dir := filepath.Dir(name)
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("cannot write %s: directory %s: %w", name, dir, errors.Unwrap(err))
	}
	if !info.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a directory", name, dir)
	}
	return nil
}

func isStdout(name string) bool {
	return name == "" || name == "-" || name == "/dev/stdout"
}

// writeOutput writes what write produces to name (see above), or to stdout.
func writeOutput(name string, stdout io.Writer, write func(io.Writer) error) error {
	var err error
	if isStdout(name) {
		err = write(stdout)
		name = "standard output"
	} else {
		err = writeFile(name, write)
	}
	if err != nil {
		return &exitError{code: ExitTarget, err: fmt.Errorf("write %s: %w", name, atomicfile.Pathless(err))}
	}
	return nil
}

func writeFile(name string, write func(io.Writer) error) error {
	info, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return atomicfile.Write(name, 0o644, write)
	case err != nil:
		return err
	case info.Mode().IsRegular():
		return atomicfile.Write(name, info.Mode().Perm(), write)
	case info.IsDir():
		return errors.New("is a directory")
	}
	return writeDirect(name, write)
}

func writeDirect(name string, write func(io.Writer) error) error {
	// O_CREATE for a link that leads nowhere yet; O_TRUNC for a link to a
	// longer file (devices and pipes ignore it).
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644) //nolint:gosec // a report is meant to be read by others
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
