// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// listDir lists the open directory f with getdents64 and one fstatat per
// regular file, relative to it. os.Root's ReadDir stats every entry through
// the generic file layer, which costs the walk more than the system calls;
// this is the same information (name, type, size of regular files) for a
// fraction of it. ok is false when the directory cannot be read; the
// caller then uses fs.ReadDir, which words the error.
//
// statRegular false leaves regular files unstatted (rawDirent.unstat) for
// a caller that opens them anyway (WalkOptions.Head).
func listDir(f *os.File, statRegular bool) (des []fs.DirEntry, ok bool) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, false
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
			des = parseDirents(int(fd), buf[:n], des, statRegular)
		}
	})
	if err != nil || !ok {
		return nil, false
	}
	return des, true
}

// openSubdir opens the directory name inside the open directory parent:
// one openat, without following a link (a link swapped in fails, and the
// walk takes the general path, which words it) and refusing anything but a
// directory at once (a pipe would block the open).
func openSubdir(parent *os.File, name string) (*os.File, error) {
	for {
		fd, err := unix.Openat(int(parent.Fd()), name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "openat", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}

// readAt reads the regular file base of the open directory dir from its
// start, at most max bytes, into buf's storage when it is large enough:
// one openat without following a link or blocking on a pipe, one fstat
// for the size, reads, close. ok is false when the file is not plainly
// readable that way (gone, a link, not a regular file): the caller takes
// the general path, which words the error.
func readAt(dir *os.File, base string, max int64, buf []byte) (data []byte, ok bool, err error) {
	var fd int
	for {
		fd, err = unix.Openat(int(dir.Fd()), base, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC|unix.O_NONBLOCK|unix.O_NOCTTY, 0)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	if err != nil {
		return nil, false, nil
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, false, nil
	}
	data, err = openFile{fd: fd, size: st.Size}.readAll(max, buf)
	return data, true, err
}

// Offsets in struct linux_dirent64: d_ino u64, d_off s64, d_reclen u16,
// d_type u8, d_name.
const (
	direntReclen = 16
	direntType   = 18
	direntName   = 19
)

func parseDirents(dfd int, buf []byte, des []fs.DirEntry, statRegular bool) []fs.DirEntry {
	// The entries of one read, and their names, are allocated in one
	// piece each: a walk lists every file of the tree.
	n, size := 0, 0
	for rest := buf; len(rest) >= direntName; {
		reclen := int(binary.NativeEndian.Uint16(rest[direntReclen:]))
		if reclen < direntName || reclen > len(rest) {
			break
		}
		n++
		size += reclen - direntName
		rest = rest[reclen:]
	}
	block := make([]rawDirent, 0, n)
	var names strings.Builder
	names.Grow(size)
	type span struct {
		at, end int
		dt      uint8
	}
	spans := make([]span, 0, n)
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
		at := names.Len()
		names.Write(name)
		spans = append(spans, span{at, names.Len(), rec[direntType]})
		block = append(block, rawDirent{})
	}
	all := names.String()
	for i := range block {
		e := &block[i]
		e.name = all[spans[i].at:spans[i].end]
		vanished := false
		switch dt := spans[i].dt; {
		case dt == syscall.DT_REG && !statRegular:
			e.unstat = true
		case dt == syscall.DT_REG || dt == syscall.DT_UNKNOWN:
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
	e.size, e.unstat = st.Size, false
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

// restat stats a regular file the listing left unstatted (see listDir) by
// name in the open directory dir. It reports whether the entry is gone or
// no longer a regular file; an error is kept for Info, as the listing
// would have.
func restat(dir *os.File, de fs.DirEntry) (gone bool) {
	rd, ok := de.(*rawDirent)
	if !ok || !rd.unstat {
		return false
	}
	return rd.stat(int(dir.Fd())) || !rd.typ.IsRegular()
}
