// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: MIT License

package main
