// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build !unix

package fix

import (
	"io/fs"
	"os"
)

// noFollow: no such open flag here; Inspect's Lstat stands alone.
const noFollow = 0

// links: the link count is not exposed here; os.Root still keeps writes
// inside the tree and renames never write through a link.
func links(fs.FileInfo) uint64 { return 1 }

// keepOwner: ownership is not carried over here.
func keepOwner(*os.File, fs.FileInfo) {}
