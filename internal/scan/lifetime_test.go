// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"context"
	"io/fs"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
)

// visiting is a check that visits every file with Want and Visit.
func visiting(id string, want func(string) bool, visit func(checks.File)) *checks.Check {
	c := custom(id, nil)
	c.HeadBytes = 16
	c.Want = func(_ *checks.Pass, p string) bool { return want(p) }
	c.Visit = func(_ *checks.Pass, f checks.File) { visit(f) }
	return c
}

// TestVisitPanics: a check whose Want or Visit panics gets an error status
// naming the file, is not called again, and the other checks still see
// every file.
func TestVisitPanics(t *testing.T) {
	files := fstest.MapFS{}
	for i := range 300 {
		files[strings.Repeat("d/", i%5)+"f"+string(rune('a'+i%26))+string(rune('a'+i/26))+".txt"] = &fstest.MapFile{Data: []byte("x")}
	}
	var wantCalls, visitCalls, seen atomic.Int32
	plan := &Plan{Config: &config.Config{}, Checks: []Planned{
		{Check: visiting("bad-want", func(string) bool {
			wantCalls.Add(1)
			panic("want exploded")
		}, func(checks.File) {}), Level: checks.Error},
		{Check: visiting("bad-visit", func(string) bool { return true }, func(checks.File) {
			visitCalls.Add(1)
			panic("visit exploded")
		}), Level: checks.Error},
		{Check: visiting("counts", func(string) bool { return true }, func(checks.File) { seen.Add(1) }), Level: checks.Error},
	}}
	res, err := Run(context.Background(), memRepo(files), plan, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Checks {
		switch c.ID {
		case "bad-want", "bad-visit":
			if c.Status != checks.StatusError || !strings.Contains(c.Reason, "internal error on ") || !strings.Contains(c.Reason, "exploded") {
				t.Errorf("%s: %s %q, want an internal error naming the file", c.ID, c.Status, c.Reason)
			}
		case "counts":
			if c.Status != checks.StatusPass {
				t.Errorf("counts: %s %q", c.Status, c.Reason)
			}
		}
	}
	if n := seen.Load(); n != int32(len(files)) {
		t.Errorf("the healthy check saw %d of %d files", n, len(files))
	}
	// Each worker may be inside the call when another panics, no more.
	if w, v := wantCalls.Load(), visitCalls.Load(); w > 8 || v > 8 {
		t.Errorf("a check that panicked was called again: Want %d times, Visit %d times", w, v)
	}
}

// prefetchFS slows down and counts the look into LICENSES/, a directory
// the tree does not have: only the licence warm-up looks there (the walk
// lists what exists), as its last step. It has Open only, so every read
// goes through it.
type prefetchFS struct {
	files           fstest.MapFS
	begun, finished atomic.Int32
}

func (s *prefetchFS) Open(name string) (fs.File, error) {
	if name == "LICENSES" {
		s.begun.Add(1)
		defer s.finished.Add(1)
		time.Sleep(300 * time.Millisecond)
	}
	return s.files.Open(name)
}

// TestRunWaitsForPrefetch: the licence warm-up reads the repository, so Run
// must not return (and let the caller close it) while it still runs.
func TestRunWaitsForPrefetch(t *testing.T) {
	fsys := &prefetchFS{files: fstest.MapFS{
		"LICENSE":   {Data: []byte("Licensed under the Frobnicate Public License, a text no matcher knows.\n")},
		"README.md": {Data: []byte("# r\n")},
	}}
	r := memRepo(nil)
	r.FS = fsys
	// A check whose ID makes the plan need licence data, and which holds
	// the scan until the warm-up is inside its slow look into LICENSES/:
	// without it a quick scan can end before the warm-up gets there, and the
	// test would prove nothing.
	wait := func(*checks.Pass) error {
		for deadline := time.Now().Add(10 * time.Second); fsys.begun.Load() == 0 && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		return nil
	}
	plan := &Plan{Config: &config.Config{}, Checks: []Planned{{Check: custom("license-noop", wait), Level: checks.Error}}}
	if _, err := Run(context.Background(), r, plan, Options{}); err != nil {
		t.Fatal(err)
	}
	if b, f := fsys.begun.Load(), fsys.finished.Load(); b != 1 || f != 1 {
		t.Errorf("Run returned with the warm-up's look into LICENSES/ begun %d times, finished %d: the warm-up outlived the scan", b, f)
	}
}
