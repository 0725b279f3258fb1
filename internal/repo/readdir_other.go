// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build !linux

package repo

import (
	"errors"
	"io/fs"
	"os"
)

// listDir has no fast path on this system: the walk uses fs.ReadDir.
func listDir(*os.File, bool) ([]fs.DirEntry, bool) { return nil, false }

// openSubdir is not available: the walk opens directories from the root.
func openSubdir(*os.File, string) (*os.File, error) { return nil, errors.ErrUnsupported }

// readAt is not available: reads go through the FS.
func readAt(*os.File, string, int64, []byte) ([]byte, bool, error) { return nil, false, nil }

// restat has nothing to do: listDir lists nothing here.
func restat(*os.File, fs.DirEntry) bool { return false }
