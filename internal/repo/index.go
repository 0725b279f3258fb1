// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"github.com/ospolint/ospolint/checks/fileset"
)

// Entry is one file of the repository as the walk saw it (see fileset).
type Entry = fileset.Entry

// Index is the list of files a scan sees (see fileset).
type Index = fileset.Index

// NewIndex builds an index from entries (in any order).
func NewIndex(entries []Entry) *Index { return fileset.New(entries, nil) }
