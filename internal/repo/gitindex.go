// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// errIndexFormat is wrapped by indexPaths for an index it cannot read.
var errIndexFormat = errors.New("not a git index it can read")

// gitlinkMode is the mode of a submodule entry.
const gitlinkMode = 0o160000

// indexPaths calls fn with the path and mode of every entry of a git index
// file (versions 2 to 4), in order. It reads only what the walk needs —
// names and modes — straight from the bytes: go-git's decoder reads every
// field of every entry through reflection, a tenth of a second on a
// 38,000-file index, for each scan of the working tree. The trailing
// checksum is not verified: a damaged index only changes which ignored
// files are kept.
func indexPaths(data []byte, fn func(name string, mode uint32)) error {
	if len(data) < 12 || string(data[:4]) != "DIRC" {
		return fmt.Errorf("%w: no DIRC header", errIndexFormat)
	}
	version := binary.BigEndian.Uint32(data[4:8])
	if version < 2 || version > 4 {
		return fmt.Errorf("%w: version %d", errIndexFormat, version)
	}
	count := binary.BigEndian.Uint32(data[8:12])
	// Entry: ctime 8, mtime 8, dev 4, ino 4, mode 4, uid 4, gid 4, size 4,
	// SHA-1 object name 20, flags 2 (SHA-256 repositories, with longer
	// names, are not read: go-git v5 reads SHA-1 ones only).
	const modeAt, fixed = 24, 62
	off := 12
	var prev []byte
	for i := uint32(0); i < count; i++ {
		if off+fixed > len(data) {
			return fmt.Errorf("%w: entry %d runs past the end", errIndexFormat, i)
		}
		e := data[off:]
		mode := binary.BigEndian.Uint32(e[modeAt:])
		flags := binary.BigEndian.Uint16(e[fixed-2:])
		head := fixed
		if flags&0x4000 != 0 {
			if version < 3 {
				return fmt.Errorf("%w: extended flags in a version 2 index", errIndexFormat)
			}
			head += 2
		}
		if off+head > len(data) {
			return fmt.Errorf("%w: entry %d runs past the end", errIndexFormat, i)
		}
		rest := data[off+head:]
		var name []byte
		if version == 4 {
			// A varint of bytes to drop from the previous name, then the
			// rest of this one, NUL-terminated.
			d, n := offsetVarint(rest)
			if n == 0 || d > uint64(len(prev)) {
				return fmt.Errorf("%w: bad name prefix in entry %d", errIndexFormat, i)
			}
			drop := int(d) //nolint:gosec // at most len(prev), checked above
			end := bytes.IndexByte(rest[n:], 0)
			if end < 0 {
				return fmt.Errorf("%w: unterminated name in entry %d", errIndexFormat, i)
			}
			keep := len(prev) - drop
			name = make([]byte, 0, keep+end)
			name = append(name, prev[:keep]...)
			name = append(name, rest[n:n+end]...)
			off += head + n + end + 1
		} else {
			end := bytes.IndexByte(rest, 0)
			if end < 0 {
				return fmt.Errorf("%w: unterminated name in entry %d", errIndexFormat, i)
			}
			name = rest[:end]
			// Entries are padded with 1 to 8 NULs to a multiple of 8.
			off += (head + end + 8) &^ 7
		}
		prev = name
		fn(string(name), mode)
	}
	return nil
}

// offsetVarint decodes git's offset varint (each continuation adds one
// before shifting); n is 0 when it does not end in p.
func offsetVarint(p []byte) (v uint64, n int) {
	for i, c := range p {
		if i >= 9 {
			return 0, 0
		}
		if i == 0 {
			v = uint64(c & 0x7f)
		} else {
			v = ((v + 1) << 7) | uint64(c&0x7f)
		}
		if c&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}
