// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: MyLicence

package main
