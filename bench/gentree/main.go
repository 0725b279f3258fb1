// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Command gentree writes a deterministic synthetic repository for scan
// benchmarks (see package treegen): N files in nested directories, with a
// LICENSE, README and manifests at the root, or a tree shaped like u-boot.
//
//	go run ./bench/gentree -n 100000 -out /tmp/tree
//	go run ./bench/gentree -shape uboot -out /tmp/uboot
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
	n := fs.Int("n", 0, "number of files to write (default 100000, or 38500 for -shape uboot)")
	shape := fs.String("shape", "default", "default (nested source tree, headers in most files) or uboot (shaped like u-boot)")
	out := fs.String("out", "", "directory to create (must not exist)")
	seed := fs.Uint64("seed", 1, "seed: the same seed and n give the same tree")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	var st treegen.Stats
	var err error
	switch *shape {
	case "default":
		if *n == 0 {
			*n = 100000
		}
		st, err = treegen.Generate(*out, *n, *seed)
	case "uboot":
		if *n == 0 {
			*n = treegen.UBootFiles
		}
		st, err = treegen.UBoot(*out, *n, *seed)
	default:
		return fmt.Errorf("unknown -shape %q (default or uboot)", *shape)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gentree: %d files, %d directories, %.1f MiB in %s\n", st.Files, st.Dirs, float64(st.Bytes)/(1<<20), *out)
	return nil
}
