// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package spdxlist

// The data is regenerated from the SPDX License List XML sources of the
// pinned release (git runs here only, never at build or test time). Point
// -src at a local clone to work offline.
//go:generate go run ./gen -src https://github.com/spdx/license-list-XML.git -ref v3.28.0 -out data.zip
