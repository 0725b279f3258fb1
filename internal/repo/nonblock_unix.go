// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build unix

package repo

import "syscall"

// openNonBlocking makes opening a named pipe return at once (and a
// terminal never become the controlling one).
const openNonBlocking = syscall.O_NONBLOCK | syscall.O_NOCTTY
