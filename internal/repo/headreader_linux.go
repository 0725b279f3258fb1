// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"os"
	"syscall"
)

// readHeadAt reads at most n bytes of the regular file base in dir with raw
// system calls: openat without following a link, without blocking (a pipe
// swapped in after the walk cannot stall the scan) and without taking a
// terminal as controlling tty, fstat, read, close. The read is bounded by the
// size fstat gives, as the walk measured it.
// ok is false for anything but a plainly readable regular file; the caller
// then takes the general path, which follows links inside the tree and words
// the error.
func readHeadAt(dir *os.File, base string, n int) (b []byte, ok bool) {
	rc, err := dir.SyscallConn()
	if err != nil {
		return nil, false
	}
	var fd int
	var openErr error
	err = rc.Control(func(dfd uintptr) {
		fd, openErr = openat(int(dfd), base)
	})
	if err != nil || openErr != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, false
	}
	// The size fstat gives bounds the read, so a short file takes one read
	// call, not a second one to see the end.
	size := n
	if st.Size < int64(n) {
		size = int(st.Size)
	}
	buf := make([]byte, size)
	m := 0
	for m < len(buf) {
		k, err := syscall.Read(fd, buf[m:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if k == 0 {
			break
		}
		m += k
	}
	return buf[:m], true
}

func openat(dfd int, base string) (int, error) {
	for {
		fd, err := syscall.Openat(dfd, base, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
