// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: MIT OR

package main
