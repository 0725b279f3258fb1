// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"errors"
	"os"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// readHeadAt reads the first want bytes of the file base in dir into buf,
// which holds at least want bytes, with the three system calls a read
// needs: openat without following a link, without blocking (a pipe swapped
// in after the walk cannot stall the scan) and without taking a terminal as
// controlling tty, one read, close. want comes from the size the walk
// measured, so there is no fstat and no second read to see the end.
//
// The calls are raw: they do not tell the scheduler they may block. For
// these calls on cached files the runtime's bookkeeping around a system
// call (handing the processor over, the monitor thread waking every 20 µs
// to take it back) costs more than the call itself. The read asks the
// kernel not to wait (RWF_NOWAIT): data that is not in the page cache is
// read with an ordinary, scheduler-aware call instead, so a cold disk or a
// slow network file system never holds a processor.
//
// ok is false when fewer than want bytes come back or on any error: the
// file is not what the walk saw (gone, a link, a directory or a pipe now,
// shorter); the caller then takes the general path, which stats the file
// and words the error.
//
// plain is set, for the reader's later calls, once the file system turns
// RWF_NOWAIT down.
func readHeadAt(dir *os.File, base string, want int, buf []byte, plain *bool) (b []byte, ok bool) {
	name, err := unix.BytePtrFromString(base)
	if err != nil {
		return nil, false
	}
	var fd int
	for {
		r, _, errno := unix.RawSyscall6(unix.SYS_OPENAT, dir.Fd(), uintptr(unsafe.Pointer(name)),
			uintptr(unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_NOCTTY), 0, 0, 0)
		runtime.KeepAlive(dir)
		if errno == unix.EINTR {
			continue
		}
		if errno != 0 {
			return nil, false
		}
		fd = int(r)
		break
	}
	defer func() { _, _, _ = unix.RawSyscall(unix.SYS_CLOSE, uintptr(fd), 0, 0) }()
	buf = buf[:want]
	m := 0
	if !*plain {
		var errno unix.Errno
		m, errno = readCached(fd, buf)
		switch errno {
		case unix.EOPNOTSUPP, unix.ENOSYS, unix.EINVAL:
			// A kernel or file system without RWF_NOWAIT.
			*plain = true
		}
	}
	if m < want {
		// Not (all) cached: an ordinary read, which lets another
		// goroutine have the processor while the disk answers.
		var err error
		for m, err = unix.Pread(fd, buf, 0); errors.Is(err, unix.EINTR); m, err = unix.Pread(fd, buf, 0) {
		}
		if err != nil || m < want {
			return nil, false
		}
	}
	return buf, true
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
