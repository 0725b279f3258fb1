// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: LicenseRef-Internal

package main
