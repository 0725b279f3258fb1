// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// readDirRaw lists a directory of a working tree with getdents64 and one
// fstatat per regular file, relative to the open directory. os.Root's
// ReadDir stats every entry through the generic file layer, which costs the
// walk more than the system calls; this is the same information (name, type,
// size of regular files) for a fraction of it. ok is false when the
// directory cannot be opened or read; the caller then uses fs.ReadDir, which
// words the error. Something else in place of the directory (a pipe swapped
// in after its parent was listed) is refused at once with err: opening it
// as fs.ReadDir does would wait for a writer.
func readDirRaw(root *os.Root, dir string) (des []fs.DirEntry, ok bool, err error) {
	f, err := openDir(root, dir)
	if errors.Is(err, syscall.ENOTDIR) {
		return nil, true, err
	}
	if err != nil {
		return nil, false, nil
	}
	defer f.Close()
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, false, nil
	}
	ok = true
	err = rc.Control(func(fd uintptr) {
		buf := make([]byte, 32<<10)
		for {
			n, err := syscall.ReadDirent(int(fd), buf)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				ok = false
				return
			}
			if n <= 0 {
				return
			}
			des = parseDirents(int(fd), buf[:n], des)
		}
	})
	if err != nil || !ok {
		return nil, false, nil
	}
	return des, true, nil
}

// Offsets in struct linux_dirent64: d_ino u64, d_off s64, d_reclen u16,
// d_type u8, d_name.
const (
	direntReclen = 16
	direntType   = 18
	direntName   = 19
)

func parseDirents(dfd int, buf []byte, des []fs.DirEntry) []fs.DirEntry {
	for len(buf) >= direntName {
		reclen := int(binary.NativeEndian.Uint16(buf[direntReclen:]))
		if reclen < direntName || reclen > len(buf) {
			break
		}
		rec := buf[:reclen]
		buf = buf[reclen:]
		name := rec[direntName:]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if len(name) == 0 || string(name) == "." || string(name) == ".." {
			continue
		}
		e := &rawDirent{name: string(name)}
		vanished := false
		switch dt := rec[direntType]; dt {
		case syscall.DT_REG, syscall.DT_UNKNOWN:
			// The size of a regular file is needed; some file systems do
			// not fill d_type.
			vanished = e.stat(dfd)
		default:
			e.typ = direntMode(dt)
		}
		if vanished {
			// Deleted since the listing, as os.ReadDir skips it.
			continue
		}
		des = append(des, e)
	}
	return des
}

// stat fills the type and size from fstatat without following a link. It
// reports whether the entry no longer exists.
func (e *rawDirent) stat(dfd int) (vanished bool) {
	var st unix.Stat_t
	for {
		err := unix.Fstatat(dfd, e.name, &st, unix.AT_SYMLINK_NOFOLLOW)
		if err == unix.EINTR {
			continue
		}
		if err == unix.ENOENT {
			return true
		}
		if err != nil {
			e.err = &fs.PathError{Op: "lstat", Path: e.name, Err: err}
			return false
		}
		break
	}
	e.size = st.Size
	// The file type bits of st_mode are the d_type value shifted left by 12.
	e.typ = direntMode(uint8((st.Mode & syscall.S_IFMT) >> 12))
	return false
}

// direntMode is the fs.FileMode type of a d_type value (DT_REG is 0).
func direntMode(dt uint8) fs.FileMode {
	switch dt {
	case syscall.DT_REG:
		return 0
	case syscall.DT_DIR:
		return fs.ModeDir
	case syscall.DT_LNK:
		return fs.ModeSymlink
	case syscall.DT_FIFO:
		return fs.ModeNamedPipe
	case syscall.DT_SOCK:
		return fs.ModeSocket
	case syscall.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice
	default:
		return fs.ModeDevice
	}
}
