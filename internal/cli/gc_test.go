// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"runtime/debug"
	"testing"
)

// TestScanGC: a scan collects at scanGCPercent within scanMemoryLimit and
// restores both; GOGC and GOMEMLIMIT, when set, are the user's.
func TestScanGC(t *testing.T) {
	current := func() (int, int64) {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p, debug.SetMemoryLimit(-1)
	}
	p0, l0 := current()
	for _, tt := range []struct {
		env     map[string]string
		percent int
		limit   int64
	}{
		{nil, scanGCPercent, scanMemoryLimit},
		{map[string]string{"GOGC": "150"}, p0, scanMemoryLimit},
		{map[string]string{"GOMEMLIMIT": "1GiB"}, scanGCPercent, l0},
		{map[string]string{"GOGC": "150", "GOMEMLIMIT": "1GiB"}, p0, l0},
	} {
		restore := scanGC(func(k string) string { return tt.env[k] })
		if p, l := current(); p != tt.percent || l != tt.limit {
			t.Errorf("%v: collecting at %d%% within %d, want %d%% within %d", tt.env, p, l, tt.percent, tt.limit)
		}
		restore()
		if p, l := current(); p != p0 || l != l0 {
			t.Errorf("%v: not restored: %d%% within %d", tt.env, p, l)
		}
	}
}
