// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

//go:build race

package repo

// raceEnabled lets slow setups shrink under the race detector, which makes
// go-git's hashing and compression many times slower.
const raceEnabled = true
