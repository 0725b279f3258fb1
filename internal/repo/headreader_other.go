// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build !linux

package repo

import (
	"errors"
	"os"
)

// openDir fails: without a fast path HeadReader uses ReadHead.
func openDir(*os.Root, string) (*os.File, error) { return nil, errors.ErrUnsupported }

// readHeadAt has no fast path on this system: HeadReader uses ReadHead.
func readHeadAt(*os.File, string, int, []byte, *fastState) ([]byte, bool) { return nil, false }

// statHeadAt has no fast path on this system: the walk stats files and the
// file pass reads their heads.
func statHeadAt(*os.File, string, int, []byte, *fastState) ([]byte, openFile, bool) {
	return nil, openFile{}, false
}

// openFile is not used on this system.
type openFile struct{ size int64 }

func (openFile) close() {}

func (openFile) readAll(int64, []byte) ([]byte, error) { return nil, errors.ErrUnsupported }
