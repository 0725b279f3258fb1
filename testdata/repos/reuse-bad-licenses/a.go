// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: Apache-2.0

package main
