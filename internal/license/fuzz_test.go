// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/github/go-spdx/v2/spdxexp"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// FuzzClassify feeds arbitrary bytes, seeded with licence texts and their
// damaged variants, to Classify: it must not panic, its confidence stays in
// [0, 1], and what it reports is NOASSERTION, empty or a valid SPDX
// expression. Its seeds run with the tests; fuzzing it is slow (licensecheck
// compiles its licence set once per worker, and coverage instrumentation
// makes that take minutes), so give -fuzztime several minutes. Without
// instrumentation the slowest of 400 damaged corpus texts took 0.18 s and a
// megabyte of repeated GPL text 0.36 s.
func FuzzClassify(f *testing.F) {
	for _, name := range []string{"deb-Apache-2.0", "go-cmp-LICENSE", "spdx-0BSD", "valgrind-license.gpl.html", "real-MIT-extra-terms"} {
		data, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	// The closest-licence comparison and the near miss: MIT for students,
	// MIT with one more article; a preamble on a copyright line.
	if mit, ok := spdxlist.Text("MIT"); ok {
		f.Add([]byte(strings.Replace(mit, "any person", "any student", 1)))
		f.Add([]byte(strings.Replace(mit, "to permit persons", "to permit the persons", 1)))
		f.Add([]byte("Copyright (c) 2020 Acme Inc. Licensed to Acme customers.\n\n" + mit))
	}
	f.Add([]byte("\xef\xbb\xbfMIT License\r\n\r\nCopyright (c) 2026 A\r\n"))
	f.Add([]byte{0, 1, 2, 0xff, 0xfe})
	f.Fuzz(func(t *testing.T, data []byte) {
		c := Classify(data)
		if c.Confidence < 0 || c.Confidence > 1 {
			t.Fatalf("confidence %v out of [0, 1]", c.Confidence)
		}
		if cl := c.Closest; cl != nil && (cl.Share < 0 || cl.Share > 1 || cl.Line < 0 || c.Expression != NoAssertion) {
			t.Fatalf("closest %+v for a text reported as %s", cl, c.Expression)
		}
		if c.Expression == "" || c.Expression == NoAssertion {
			return
		}
		if _, err := spdxexp.ExtractLicenses(c.Expression); err != nil {
			t.Fatalf("expression %q is not valid SPDX: %v", c.Expression, err)
		}
	})
}
