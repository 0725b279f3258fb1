// SPDX-FileCopyrightText: 2026 Example Corp

package main
