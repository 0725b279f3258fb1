// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build !linux

package repo

import "os"

// readHeadAt has no fast path on this system: HeadReader uses ReadHead.
func readHeadAt(*os.File, string, int, []byte, *bool) ([]byte, bool) { return nil, false }
