// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build !linux

package repo

import (
	"io/fs"
	"os"
)

// readDirRaw has no fast path on this system: the walk uses fs.ReadDir.
func readDirRaw(*os.Root, string) ([]fs.DirEntry, bool, error) { return nil, false, nil }
