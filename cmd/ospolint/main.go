// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Command ospolint scans repositories for open source governance evidence.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/ospolint/ospolint/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal cancels the scan; once it has, restore the default
	// handling so a second signal ends a scan that is stuck.
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
