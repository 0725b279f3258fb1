// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: Foo-1.0

package main
