// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Command gentree writes a deterministic synthetic repository for scan
// benchmarks (see package treegen): N files in nested directories, with a
// LICENSE, README and manifests at the root.
//
//	go run ./bench/gentree -n 100000 -out /tmp/tree
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/ospolint/ospolint/bench/treegen"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gentree:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gentree", flag.ContinueOnError)
	n := fs.Int("n", 100000, "number of files to write")
	out := fs.String("out", "", "directory to create (must not exist)")
	seed := fs.Uint64("seed", 1, "seed: the same seed and n give the same tree")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	st, err := treegen.Generate(*out, *n, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gentree: %d files, %d directories, %.1f MiB in %s\n", st.Files, st.Dirs, float64(st.Bytes)/(1<<20), *out)
	return nil
}
