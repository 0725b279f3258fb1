// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build unix

package fix

import (
	"io/fs"
	"os"
	"syscall"
)

// noFollow makes an open fail on a symbolic link in place of the file.
const noFollow = syscall.O_NOFOLLOW

// links is the number of hard links to a file.
func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink) //nolint:unconvert // Nlink is uint32 on some platforms
	}
	return 1
}

// keepOwner gives a staged file the owner of the file it replaces, where
// allowed (only root may give a file away; otherwise it stays the fixer's,
// as with any editor that saves by renaming).
func keepOwner(f *os.File, old fs.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}
