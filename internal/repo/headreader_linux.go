// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"errors"
	"os"
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// localFS are the file systems whose open, cached read and close answer
// from memory, without a round trip to a server or a user-space daemon
// (NFS, SMB, FUSE, 9p, Ceph are not among them).
var localFS = map[uint32]bool{ //nolint:gochecknoglobals // immutable table
	unix.EXT4_SUPER_MAGIC: true, unix.XFS_SUPER_MAGIC: true, unix.BTRFS_SUPER_MAGIC: true,
	unix.TMPFS_MAGIC: true, unix.RAMFS_MAGIC: true, unix.OVERLAYFS_SUPER_MAGIC: true,
	unix.F2FS_SUPER_MAGIC: true, unix.BCACHEFS_SUPER_MAGIC: true,
	0x2fc12fc1: true, // ZFS
}

// fsMagic is the file system's magic number: 32 bits, in a field that is
// signed and wider on some architectures.
func fsMagic(st *unix.Statfs_t) uint32 {
	return uint32(st.Type) //nolint:gosec // truncation is the point
}

// openDir opens a directory of the tree for the fast paths (the listing and
// HeadReader). O_DIRECTORY
// refuses anything else at once: a pipe swapped in for the directory would
// otherwise block the open until a writer came.
func openDir(root *os.Root, dir string) (*os.File, error) {
	return root.OpenFile(dir, os.O_RDONLY|syscall.O_DIRECTORY, 0)
}

// readHeadAt reads the first want bytes of the file base in dir into buf,
// which holds at least want bytes: openat without following a link, without
// blocking (a pipe swapped in after the walk cannot stall the scan) and
// without taking a terminal as controlling tty, one read, close. want comes
// from the size the walk measured, so there is no fstat and no second read
// to see the end.
//
// On a local file system the three calls are raw: they do not tell the
// scheduler they may block. For cached files the runtime's bookkeeping
// around a system call (handing the processor over, the monitor thread
// waking every 20 µs to take it back) costs more than the call itself. The
// read asks the kernel not to wait (RWF_NOWAIT); data that is not in the
// page cache is read with an ordinary, scheduler-aware pread, so a cold disk
// holds a processor at most for an inode look-up the walk has usually just
// made. Elsewhere (network and FUSE file systems, whose every call may wait
// on a server) all calls are ordinary ones.
//
// ok is false when fewer than want bytes come back or on any error: the
// file is not what the walk saw (gone, a link, a directory or a pipe now,
// shorter); the caller then takes the general path, which stats the file
// and words the error. A device node swapped in after the walk, which takes
// root, would be read like a file as far as the walk's size: no more than
// what whoever swapped it could have written into the file.
func readHeadAt(dir *os.File, base string, want int, buf []byte, s *fastState) (b []byte, ok bool) {
	fd, raw, ok := s.open(dir, base)
	if !ok {
		return nil, false
	}
	defer closeFD(fd, raw)
	buf = buf[:want]
	if !s.readStart(fd, raw, buf) {
		return nil, false
	}
	return buf, true
}

// open opens the file base of dir as readHeadAt describes, learning on the
// first call whether dir is on a local file system (raw calls).
func (s *fastState) open(dir *os.File, base string) (fd int, raw, ok bool) {
	if s.fs == fsUnknown {
		s.fs = fsOther
		var st unix.Statfs_t
		if unix.Fstatfs(int(dir.Fd()), &st) == nil && localFS[fsMagic(&st)] {
			s.fs = fsLocal
		}
	}
	raw = s.fs == fsLocal
	fd, ok = openAt(dir, base, raw)
	return fd, raw, ok
}

// readStart fills buf from the start of the open file fd: from the page
// cache without waiting when it can, with an ordinary read otherwise. It
// reports whether all of buf was read.
func (s *fastState) readStart(fd int, raw bool, buf []byte) bool {
	m := 0
	refused := false
	if len(buf) > 0 && raw && !s.plain {
		var errno unix.Errno
		m, errno = readCached(fd, buf)
		refused = errno == unix.EOPNOTSUPP || errno == unix.ENOSYS
	}
	if m < len(buf) {
		// Not (all) cached: an ordinary read, which lets another
		// goroutine have the processor while the disk answers.
		var err error
		for m, err = unix.Pread(fd, buf, 0); errors.Is(err, unix.EINTR); m, err = unix.Pread(fd, buf, 0) {
		}
		if err != nil || m < len(buf) {
			return false
		}
		if refused {
			// A file that reads but not without waiting: a kernel or
			// file system without RWF_NOWAIT (tmpfs), not a directory
			// where the walk saw a file.
			s.plain = true
		}
	}
	return true
}

const openFlags = unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_NOCTTY

func openAt(dir *os.File, base string, raw bool) (int, bool) {
	if !raw {
		for {
			fd, err := unix.Openat(int(dir.Fd()), base, openFlags, 0)
			if !errors.Is(err, unix.EINTR) {
				return fd, err == nil
			}
		}
	}
	name, err := unix.BytePtrFromString(base)
	if err != nil {
		return 0, false
	}
	for {
		fd, _, errno := unix.RawSyscall6(unix.SYS_OPENAT, dir.Fd(), uintptr(unsafe.Pointer(name)), openFlags, 0, 0, 0)
		runtime.KeepAlive(dir)
		if errno != unix.EINTR {
			return int(fd), errno == 0
		}
	}
}

func closeFD(fd int, raw bool) {
	if raw {
		_, _, _ = unix.RawSyscall(unix.SYS_CLOSE, uintptr(fd), 0, 0)
		return
	}
	_ = unix.Close(fd)
}

// readCached reads the start of the file fd into p as far as the page cache
// holds it, with preadv2(RWF_NOWAIT) as a raw system call.
func readCached(fd int, p []byte) (int, unix.Errno) {
	iov := unix.Iovec{Base: &p[0]}
	iov.SetLen(len(p))
	n, _, errno := unix.RawSyscall6(unix.SYS_PREADV2, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1, 0, 0, unix.RWF_NOWAIT)
	runtime.KeepAlive(p)
	if errno != 0 {
		return 0, errno
	}
	return int(n), 0
}

// statHeadAt opens the regular file base in dir, reads its size and its
// first bytes, at most n, into buf (which holds n): openat as readHeadAt,
// read, and fstat on the open file for a file longer than n. The caller
// reads on through the open file if it needs to (openFile.readAll), then
// closes it. The walk calls it in place of the fstatat it otherwise makes
// for the size, when a check wants every file's start (WalkOptions.Head):
// one look-up of the name instead of two, while the directory is open. ok
// is false when the file is not plainly readable that way (gone, a link,
// not a regular file now, unreadable, shorter than its size), and nothing
// is left open; the caller then stats it by name, which words the error,
// and leaves its head to the file pass.
func statHeadAt(dir *os.File, base string, n int, buf []byte, s *fastState) (head []byte, of openFile, ok bool) {
	fd, raw, ok := s.open(dir, base)
	if !ok {
		return nil, openFile{}, false
	}
	of = openFile{fd: fd, raw: raw}
	read := false // buf[:n] holds the file's first n bytes
	if raw && !s.plain && n <= os.Getpagesize() {
		// Read first: a file shorter than what is asked for lies within the
		// first page, which the cache holds whole or not at all, so a
		// shorter read is its end and its size; no fstat. That is 70% of
		// u-boot's files. A pipe or a directory swapped in fails to read
		// at an offset and goes the general way below.
		m, errno := readCached(fd, buf[:n])
		switch {
		case errno == 0 && m < n:
			of.size = int64(m)
			return buf[:m], of, true
		case errno == 0:
			read = true
		case errno == unix.EOPNOTSUPP || errno == unix.ENOSYS:
			s.plain = true
		}
	}
	var st unix.Stat_t
	var err error
	if raw {
		if _, _, errno := unix.RawSyscall(unix.SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(&st)), 0); errno != 0 {
			err = errno
		}
	} else {
		err = unix.Fstat(fd, &st)
	}
	if err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		of.close()
		return nil, openFile{}, false
	}
	of.size = st.Size
	want := int(min(st.Size, int64(n)))
	if read && want == n {
		return buf[:n], of, true
	}
	buf = buf[:want]
	if !s.readStart(fd, raw, buf) {
		of.close()
		return nil, openFile{}, false
	}
	return buf, of, true
}

// openFile is a regular file statHeadAt left open.
type openFile struct {
	fd   int
	raw  bool
	size int64
}

func (of openFile) close() { closeFD(of.fd, of.raw) }

// readAll reads the file from its start, at most max bytes, into buf's
// storage when it is large enough: one more byte than its size, to see the
// end (or that it grew).
func (of openFile) readAll(max int64, buf []byte) ([]byte, error) {
	want := min(of.size+1, max)
	if int64(cap(buf)) < want {
		buf = make([]byte, 0, want)
	}
	buf = buf[:0]
	for int64(len(buf)) < max {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		end := min(int64(cap(buf)), max)
		n, err := unix.Pread(of.fd, buf[len(buf):end], int64(len(buf)))
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	return buf, nil
}
