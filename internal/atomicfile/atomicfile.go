// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package atomicfile writes a file whole or not at all: the content goes to a
// temporary file beside it, which is then renamed over it, so a reader (or a
// resumed run) never sees half a file and a failed write leaves the previous
// one as it was. The scan's reports, the org scan's output directory and the
// API answer cache all write this way.
package atomicfile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write writes what fill produces to name, through a temporary file in the
// same directory (TempPattern) renamed into place with the mode perm. A
// symbolic link at name is replaced, not written through. On any failure
// the temporary file is removed and name is left as it was. The error is
// fill's own, or the cause ("permission denied", "no space left on
// device") without the temporary file's name, which means nothing to a
// user: the caller names the file.
func Write(name string, perm fs.FileMode, fill func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), TempPattern(filepath.Base(name)))
	if err != nil {
		return Pathless(err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := fill(bw); err != nil {
		_ = tmp.Close()
		return err
	}
	err = bw.Flush()
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// CreateTemp makes the file private (0600).
		err = os.Chmod(tmp.Name(), perm)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	return Pathless(err)
}

// TempPattern is the os.CreateTemp pattern of Write's temporary files for a
// file named base (".summary.json.tmp-*"): a run killed while writing leaves
// such a file, which the next run may remove knowing whose it is.
func TempPattern(base string) string {
	return "." + base + ".tmp-*"
}

// Pathless drops the path of an *fs.PathError or *os.LinkError, for a
// message that names the file already.
func Pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
