// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"fmt"
	"os"
	"testing"
)

// longName makes a chain of a few hundred levels far deeper than PATH_MAX.
const longName = "nnnnnnnnnnnnnnnnnnnnnnnn" // 24 letters

// deepChain writes depth nested directories named name, a file in each,
// opening each level from the one above (a deep enough path is longer than
// one system call may name); it returns the files' paths and contents.
func deepChain(tb testing.TB, dir, name string, depth int) map[string]string {
	tb.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		tb.Fatal(err)
	}
	files := map[string]string{}
	p := ""
	for i := range depth {
		body := fmt.Sprintf("level %d\n", i)
		if err := root.WriteFile("f.txt", []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
		files[join(p, "f.txt")] = body
		if err := root.Mkdir(name, 0o755); err != nil {
			tb.Fatal(err)
		}
		next, err := root.OpenRoot(name)
		if err != nil {
			tb.Fatal(err)
		}
		_ = root.Close()
		root, p = next, join(p, name)
	}
	_ = root.Close()
	return files
}
