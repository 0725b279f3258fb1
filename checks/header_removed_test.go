// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import "testing"

func TestCopyrightHolderKept(t *testing.T) {
	for _, tc := range []struct {
		base, head string
		kept       bool
	}{
		// REUSE-IgnoreStart
		{"Copyright 2024 Example Org", "Copyright (c) 2024-2026 Example Org. All rights reserved.", true},
		{"SPDX-FileCopyrightText: 2026 Example Org", "© 2026 Example Org <legal@example.org>", true},
		{"Copyright 2024 Prometheus Team", "Copyright The Prometheus Authors", true},
		{"Copyright 2019 Google Inc.", "Copyright 2019 Google LLC", true},
		{"Copyright 2020 Jane Smith", "Copyright 2020 Jane Smith and contributors", true},
		{"Copyright 2016 The etcd Authors", "Copyright The Prometheus Authors", false},
		{"Copyright 2020 Jane Smith", "Copyright 2020 John Smith", false},
		{"Copyright 2020 Google LLC, Jane Smith", "Copyright 2020 Google LLC", false},
		{"Copyright the authors", "Copyright the authors", true},
		{"Copyright the authors", "Copyright the contributors", false},
		{"Copyright 2024 the authors", "SPDX-FileCopyrightText: 2024-2026 The Authors", true},
		{"Copyright (c) 2020 The Authors <a@example.org>", "Copyright the authors", true},
		{"Copyright 2024 the authors", "Copyright 2024 the contributors", false},
		{"Copyright (c) 2020", "Copyright (c) 2020-2021", true},
		// REUSE-IgnoreEnd
	} {
		if got := heldBy(holderWords(tc.base), [][]string{holderWords(tc.head)}); got != tc.kept {
			t.Errorf("%q then %q: kept = %v, want %v (words %q, %q)", tc.base, tc.head, got, tc.kept, holderWords(tc.base), holderWords(tc.head))
		}
	}
}
