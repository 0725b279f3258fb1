// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"io/fs"
	"time"
)

// rawDirent is a directory entry read by readDirRaw: the name, the type and,
// for a regular file, the size. Info is what the walk needs of fs.FileInfo.
type rawDirent struct {
	name string
	typ  fs.FileMode
	size int64
	err  error
	// unstat marks a regular file listed without its size (see listDir).
	unstat bool
}

func (e *rawDirent) Name() string               { return e.name }
func (e *rawDirent) IsDir() bool                { return e.typ.IsDir() }
func (e *rawDirent) Type() fs.FileMode          { return e.typ }
func (e *rawDirent) Info() (fs.FileInfo, error) { return rawInfo{e}, e.err }

type rawInfo struct{ e *rawDirent }

func (i rawInfo) Name() string       { return i.e.name }
func (i rawInfo) Size() int64        { return i.e.size }
func (i rawInfo) Mode() fs.FileMode  { return i.e.typ }
func (i rawInfo) ModTime() time.Time { return time.Time{} }
func (i rawInfo) IsDir() bool        { return i.e.typ.IsDir() }
func (i rawInfo) Sys() any           { return nil }
