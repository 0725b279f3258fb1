// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import "testing"

// TestPathsBetweenTextsAreNotTerms: a LICENSE that says which files each
// text covers names paths ("Files other than internal/golang/*", as
// sigs.k8s.io/json's does; "Files: s2/cmd/internal/readahead/*", as
// klauspost/compress's does); a word of such a path ("internal") is a
// directory's name, not an extra term. A restriction written as words
// still is.
func TestPathsBetweenTextsAreNotTerms(t *testing.T) {
	t.Parallel()
	apache, bsd, mit := listText(t, "Apache-2.0"), listText(t, "BSD-3-Clause"), listText(t, "MIT")
	for _, c := range []struct{ name, text, want string }{
		{"a glob before each text",
			"Files other than internal/golang/* licensed under:\n\n" + apache + "\n\ninternal/golang/* licensed under:\n\n" + bsd,
			"Apache-2.0 AND BSD-3-Clause"},
		{"a Debian-style Files: line",
			apache + "\n\n------------------\n\nFiles: s2/cmd/internal/readahead/*\n\n" + mit + "\n\n---------------------\nFiles: snappy/internal/\n\n" + bsd,
			"Apache-2.0 AND BSD-3-Clause AND MIT"},
		{"a path to a Go file",
			"internal/golang/encode.go is under:\n\n" + bsd + "\n\nEverything else:\n\n" + apache,
			"Apache-2.0 AND BSD-3-Clause"},
		{"an internal-use restriction in words",
			"For internal use only.\n\n" + mit,
			NoAssertion},
	} {
		if got := classifyOne("LICENSE", []byte(c.text)); got.Expression != c.want {
			t.Errorf("%s: got %s (%s), want %s", c.name, got.Expression, got.Note, c.want)
		}
	}
}
