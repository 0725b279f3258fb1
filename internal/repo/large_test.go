// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// largeBlobSize is 8 times the large-object threshold: a blob go-git must
// stream rather than inflate.
const largeBlobSize = 8 * largeObjectBytes

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

// countingStore records, for one object, how the view fetched it: whole
// objects asked for, whether the store gave one held in memory, and the
// bytes read from their streams.
type countingStore struct {
	storer.EncodedObjectStorer
	watch plumbing.Hash

	mu       sync.Mutex
	fetched  int
	inMemory int
	streamed int64
}

func (s *countingStore) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	obj, err := s.EncodedObjectStorer.EncodedObject(t, h)
	if err != nil || h != s.watch {
		return obj, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fetched++
	if _, ok := obj.(*plumbing.MemoryObject); ok {
		s.inMemory++
	}
	return &countingObject{EncodedObject: obj, s: s}, nil
}

func (s *countingStore) EncodedObjectSize(h plumbing.Hash) (int64, error) {
	return s.EncodedObjectStorer.(objectSizer).EncodedObjectSize(h)
}

type countingObject struct {
	plumbing.EncodedObject
	s *countingStore
}

func (o *countingObject) Reader() (io.ReadCloser, error) {
	r, err := o.EncodedObject.Reader()
	if err != nil {
		return nil, err
	}
	return &countingReader{ReadCloser: r, s: o.s}, nil
}

type countingReader struct {
	io.ReadCloser
	s *countingStore
}

func (r *countingReader) Read(p []byte) (int, error) {
	n, err := r.ReadCloser.Read(p)
	r.s.mu.Lock()
	r.s.streamed += int64(n)
	r.s.mu.Unlock()
	return n, err
}

// TestRevisionLargeBlobStreams reads the head of a large blob through a
// revision view, loose and then packed. The work is bounded by what is
// asked, not by the blob: the walk and Stat take the size from the object
// header without fetching the object, and reading an 8 KiB head fetches it
// once, as a stream (not inflated into memory), of which little more than
// the head is read.
func TestRevisionLargeBlobStreams(t *testing.T) {
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	data := largeContent(largeBlobSize)
	if err := os.WriteFile(filepath.Join(dir, "big.bin"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]fileSpec{"README.md": {content: "# big\n"}})
	commitAll(t, r, "big")
	head := append([]byte(nil), data[:8<<10]...)
	blob := plumbing.ComputeHash(plumbing.BlobObject, data)

	check := func(t *testing.T) {
		t.Helper()
		view := mustOpenRevision(t, dir, "HEAD")
		tfs := view.FS.(*treeFS)
		cs := &countingStore{EncodedObjectStorer: tfs.s, watch: blob}
		tfs.s = cs

		ix, _, err := Walk(context.Background(), view, WalkOptions{})
		if err != nil {
			t.Fatal(err)
		}
		info, err := fs.Stat(view.FS, "big.bin")
		if err != nil {
			t.Fatal(err)
		}
		if e, _ := ix.Lookup("big.bin"); e.Size != largeBlobSize || info.Size() != largeBlobSize {
			t.Errorf("size: walk %d, Stat %d; want %d", e.Size, info.Size(), largeBlobSize)
		}
		if cs.fetched != 0 {
			t.Errorf("the walk and Stat fetched the blob %d times; its size is in the header", cs.fetched)
		}
		got, err := ReadHead(view.FS, "big.bin", len(head))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, head) {
			t.Errorf("head differs from the committed data (%d bytes read)", len(got))
		}
		if cs.fetched != 1 || cs.inMemory != 0 {
			t.Errorf("reading the head fetched the blob %d times, %d of them inflated into memory; want once, streamed", cs.fetched, cs.inMemory)
		}
		if limit := int64(len(head) + 64<<10); cs.streamed > limit {
			t.Errorf("reading an 8 KiB head read %d bytes of the blob's stream (limit %d)", cs.streamed, limit)
		}
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
