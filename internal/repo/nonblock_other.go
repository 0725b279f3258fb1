// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build !unix

package repo

// openNonBlocking is 0 where opens have no such flag: openRegular then
// stats before it opens.
const openNonBlocking = 0
