// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"context"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/go-git/go-git/v5"
)

// largeBlobSize is big enough that inflating the blob would dwarf
// everything else a revision view allocates to read its head (still 8 times
// the large-object threshold under the race detector).
func largeBlobSize() int {
	if raceEnabled {
		return 8 << 20
	}
	return 64 << 20
}

// largeContent is generated data that compresses quickly: a random 8 KiB
// block repeated, with the offset written at the start of every block so no
// two blocks are equal.
func largeContent(size int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	block := make([]byte, 8<<10)
	for i := range block {
		block[i] = byte(rng.UintN(256))
	}
	data := make([]byte, 0, size)
	for len(data) < size {
		n := len(data)
		data = append(data, block...)
		copy(data[n:], []byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
	}
	return data[:size]
}

// allocated returns the bytes f allocated on the heap (every goroutine
// counts, so the test must not run in parallel).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestRevisionLargeBlobStreams reads the head of a 64 MiB blob through a
// revision view, loose and then packed: the view must stream it, and sizes
// must come from object headers, so nothing near the blob's size is
// allocated.
func TestRevisionLargeBlobStreams(t *testing.T) {
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	largeBlob := largeBlobSize()
	data := largeContent(largeBlob)
	if err := os.WriteFile(filepath.Join(dir, "big.bin"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{"README.md": {content: "# big\n"}})
	commitAll(t, r, "big")
	head := append([]byte(nil), data[:8<<10]...)

	check := func(t *testing.T) {
		t.Helper()
		var (
			got      []byte
			size     int64
			walkSize int64
			err      error
		)
		n := allocated(func() {
			view, oerr := OpenRevision(dir, "HEAD")
			if oerr != nil {
				err = oerr
				return
			}
			defer view.Close()
			ix, _, werr := Walk(context.Background(), view, WalkOptions{})
			if werr != nil {
				err = werr
				return
			}
			e, _ := ix.Lookup("big.bin")
			walkSize = e.Size
			info, serr := fs.Stat(view.FS, "big.bin")
			if serr != nil {
				err = serr
				return
			}
			size = info.Size()
			got, err = ReadHead(view.FS, "big.bin", len(head))
		})
		if err != nil {
			t.Fatal(err)
		}
		if size != int64(largeBlob) || walkSize != int64(largeBlob) {
			t.Errorf("size: Stat %d, walk %d; want %d", size, walkSize, largeBlob)
		}
		if !bytes.Equal(got, head) {
			t.Errorf("head differs from the committed data (%d bytes read)", len(got))
		}
		if limit := uint64(largeBlob / 8); n > limit {
			t.Errorf("reading an 8 KiB head of a %d MiB blob allocated %d MiB (limit %d MiB)", largeBlob>>20, n>>20, limit>>20)
		}
		t.Logf("allocated %d KiB", n>>10)
	}
	t.Run("loose", check)
	// No delta search: the pack only has to hold the blob whole.
	cfg, err := r.Config()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Pack.Window = 0
	if err := r.Storer.SetConfig(cfg); err != nil {
		t.Fatal(err)
	}
	if err := r.RepackObjects(&git.RepackConfig{}); err != nil {
		t.Fatal(err)
	}
	if loose, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "??", "*")); len(loose) != 0 {
		t.Fatalf("repack left %d loose objects", len(loose))
	}
	t.Run("packed", check)
}
