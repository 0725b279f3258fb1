// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: mit

package main
