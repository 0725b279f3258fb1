// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sync"
	"sync/atomic"

	"github.com/ospolint/ospolint/internal/repo"
	"github.com/ospolint/ospolint/internal/reuse"
)

// reuseHeadBytes is how much of each file the file pass hands the REUSE
// checks. The REUSE tool reads whole files; a file whose first 4 KiB lack a
// licence or copyright line is read again whole (see reuse.Input.Full), so
// only non-compliant files cost more than their head.
const reuseHeadBytes = 4 << 10

// reuseFacts is the REUSE evaluation shared by every reuse-* check (and
// license-policy): the licensing information of each file's head, recorded
// during the runner's single file pass by the one check elected to visit,
// then evaluated once, after the pass, by the first check that asks.
type reuseFacts struct {
	layoutOnce sync.Once
	layout     *reuse.Layout
	// texts[i] is the head of the file in layout slot i, valid once done[i]
	// is set: a slice rather than a map, as the visitor sees every covered
	// file; for a file the walk read, it points into ReuseHeads' chunks.
	texts []*reuse.Text
	done  []atomic.Bool
	// full[i], when set, is the whole text of the file in slot i, read
	// by the file pass because its head lacked information (see
	// reuseVisit); valid once done[i] is set.
	full []*reuse.Text
	// visitor is the one reuse-* check that asks for and visits files on
	// behalf of all: the first to ask. The others want no file, so the file
	// pass looks each path up once, not once per reuse-* check.
	visitor atomic.Pointer[Check]
	once    sync.Once
	res     *reuse.Result
	// fullBufs are the buffers whole files are read into by the
	// evaluation (*[]byte, each up to maxCached bytes).
	fullBufs sync.Pool
	// walked holds the heads the walk read (see ReuseHeads); nil without.
	walked *ReuseHeads
}

// ReuseHeads collects the REUSE reading of the file heads a walk hands
// over (repo.WalkOptions.Head): the walk reads them while it holds their
// directory open, and the file pass then opens only the files it did not
// reach. On u-boot's working tree that is every file but the links, and
// the reading is spread over the walk's workers instead of following it.
//
// A longer file whose head lacks a licence or a copyright notice is read
// whole there too, through the same open file, as reuseVisit does in the
// file pass: unless a REUSE.toml or .reuse/dep5 could supply what it lacks.
// One at the root is looked for before the walk; a REUSE.toml further down
// stops the whole reads from when the walk meets it. Those made before are
// work the evaluation may not need, never a different result: it uses a
// whole text only where the head and the annotations lack information.
type ReuseHeads struct {
	mu sync.Mutex
	// read holds what the walk read, in chunks of walkedChunk: appending
	// never copies what is there (a slice of u-boot's 38,500 grew by
	// copying 7 MB under the lock).
	read      [][]walkedText
	annotated atomic.Bool
	bufs      sync.Pool // *[]byte for whole reads
}

// maxPooled is the largest buffer a whole read keeps for the next one:
// 1% of the files of a tree shaped like u-boot's are over 256 KiB, and
// reading each into a new buffer made a fifth of the scan's allocations.
// A walker holds one at a time.
const maxPooled = 1 << 20

// walkedChunk is how many walkedTexts a chunk of ReuseHeads.read holds.
const walkedChunk = 1024

// walkedText is what the walk read of one file.
type walkedText struct {
	path string
	head reuse.Text
	full *reuse.Text // nil unless read whole
}

// NewReuseHeads returns a collector for a scan of fsys running the checks
// cs, or nil when none of them reads REUSE information from every file.
func NewReuseHeads(cs []*Check, fsys fs.FS) *ReuseHeads {
	for _, c := range cs {
		if c.reuseText {
			h := &ReuseHeads{}
			for _, p := range []string{reuse.TOMLName, reuse.Dep5Path} {
				if _, err := fs.Stat(fsys, p); !errors.Is(err, fs.ErrNotExist) {
					h.annotated.Store(true)
				}
			}
			return h
		}
	}
	return nil
}

// HeadBytes is how much of each file Head wants.
func (h *ReuseHeads) HeadBytes() int { return reuseHeadBytes }

// Head records the licensing information of the start of one file, and of
// the whole file when the start lacks some (a repo.WalkOptions.Head). Safe
// for concurrent use; head is not kept.
func (h *ReuseHeads) Head(e repo.Entry, head []byte, whole repo.Whole) {
	defer func() {
		// A reading that fails is not recorded: the evaluation reads the
		// file again, and the check that runs it reports the failure as
		// its error, as the file pass would have.
		_ = recover()
	}()
	if path.Base(e.Path) == reuse.TOMLName {
		h.annotated.Store(true)
	}
	ht := headText(head, e.Size, nil)
	var full *reuse.Text
	if !h.annotated.Load() && ht.Partial && !ht.Binary && (len(ht.Header.Licenses) == 0 || len(ht.Header.Copyrights) == 0) {
		bp, _ := h.bufs.Get().(*[]byte)
		if bp == nil {
			bp = new([]byte)
		}
		data, err := whole.ReadAll(maxRead, *bp)
		t := reuse.Text{Err: err}
		if err == nil {
			t = reuse.Text{Header: reuse.ParseFile(data, reuseHeadBytes)}
			if cap(data) <= maxPooled {
				*bp = data[:0]
			}
		}
		h.bufs.Put(bp)
		full = &t
	}
	h.record(walkedText{path: e.Path, head: ht, full: full})
}

func (h *ReuseHeads) record(w walkedText) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if n := len(h.read); n == 0 || len(h.read[n-1]) == walkedChunk {
		h.read = append(h.read, make([]walkedText, 0, walkedChunk))
	}
	last := &h.read[len(h.read)-1]
	*last = append(*last, w)
}

// ReadsWalkedHeads reports whether c is served by ReuseHeads: the file
// pass need not visit the files the walk read for it (Entry.HeadRead).
func (c *Check) ReadsWalkedHeads() bool { return c.reuseText }

// SetReuseHeads gives the target the heads its walk read.
func (t *Target) SetReuseHeads(h *ReuseHeads) { t.reuse.walked = h }

func (t *Target) reuseLayout() *reuse.Layout {
	t.reuse.layoutOnce.Do(func() {
		t.reuse.layout = reuse.NewLayout(t.index)
		t.reuse.texts = make([]*reuse.Text, t.reuse.layout.Slots())
		t.reuse.done = make([]atomic.Bool, t.reuse.layout.Slots())
		t.reuse.full = make([]*reuse.Text, t.reuse.layout.Slots())
		if h := t.reuse.walked; h != nil {
			var wg sync.WaitGroup
			for _, chunk := range h.read {
				wg.Go(func() {
					for k := range chunk {
						if i, ok := t.reuse.layout.Slot(chunk[k].path); ok {
							// The slots point into the chunks, which stay.
							t.reuse.texts[i], t.reuse.full[i] = &chunk[k].head, chunk[k].full
							t.reuse.done[i].Store(true)
						}
					}
				})
			}
			wg.Wait()
		}
	})
	return t.reuse.layout
}

// reuseWant selects the files whose text holds licensing information:
// covered files without a sidecar, and sidecars. Only the first reuse-*
// check to ask (c) gets them; its visits serve every reuse-* check.
func (t *Target) reuseWant(c *Check, path string) bool {
	if v := t.reuse.visitor.Load(); v != c && (v != nil || !t.reuse.visitor.CompareAndSwap(nil, c)) {
		return false
	}
	i, ok := t.reuseLayout().Slot(path)
	// A file the walk read is recorded already.
	return ok && !t.reuse.done[i].Load()
}

// reuseVisit records the licensing information in a file's head, for the
// check reuseWant elected; a file already recorded is left as it is.
//
// A longer file whose head lacks a licence or a copyright notice is read
// whole right away, in the file pass, when no REUSE.toml or .reuse/dep5
// could supply what it lacks: the evaluation would read it whole anyway
// (reuse.Input.Full), later and in a phase of its own. On a tree shaped
// like u-boot's (5,600 such files, 128 MB) that takes about 3% off the
// REUSE scan. With annotations the evaluation decides, as it reads fewer.
func (t *Target) reuseVisit(f File) {
	l := t.reuseLayout()
	i, ok := l.Slot(f.Path)
	if !ok || t.reuse.done[i].Load() {
		return
	}
	ht := headText(f.Head, f.Size, f.Err)
	t.reuse.texts[i] = &ht
	if !l.Annotated() && ht.Err == nil && ht.Partial && !ht.Binary && (len(ht.Header.Licenses) == 0 || len(ht.Header.Copyrights) == 0) {
		full := t.readFull(f.Path)
		t.reuse.full[i] = &full
	}
	t.reuse.done[i].Store(true)
}

func headText(head []byte, size int64, err error) reuse.Text {
	if err != nil {
		return reuse.Text{Err: err}
	}
	partial := int64(len(head)) < size
	return reuse.Text{
		Header:  reuse.ParseHeader(head, !partial),
		Partial: partial,
		Binary:  bytes.IndexByte(head, 0) >= 0,
	}
}

// Reuse is the REUSE Specification 3.3 evaluation of the repository,
// computed once per scan. After a file pass with a reuse-* check it reads
// only REUSE.toml, .reuse/dep5 and files whose head lacked information;
// called without one, it reads the heads itself.
func (t *Target) Reuse() *reuse.Result {
	t.reuse.once.Do(func() {
		t.reuse.res = reuse.Evaluate(reuse.Input{
			Index:    t.index,
			Layout:   t.reuseLayout(),
			ReadFile: t.ReadFile,
			Text: func(p string) reuse.Text {
				if i, ok := t.reuseLayout().Slot(p); ok && t.reuse.done[i].Load() {
					return *t.reuse.texts[i]
				}
				e, _ := t.index.Lookup(p)
				head, err := repo.ReadHead(t.fsys, p, reuseHeadBytes)
				return headText(head, e.Size, err)
			},
			Full: func(p string) reuse.Text {
				if i, ok := t.reuseLayout().Slot(p); ok && t.reuse.done[i].Load() && t.reuse.full[i] != nil {
					return *t.reuse.full[i]
				}
				return t.readFull(p)
			},
		})
	})
	return t.reuse.res
}

// readFull reads and parses a whole file for the REUSE evaluation. The
// bytes are parsed and dropped (the header holds strings): one buffer per
// worker serves every file.
func (t *Target) readFull(p string) reuse.Text {
	bp, _ := t.reuse.fullBufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	defer t.reuse.fullBufs.Put(bp)
	data, err := repo.ReadFileBuf(t.fsys, p, maxRead, *bp)
	if err != nil {
		return reuse.Text{Err: err}
	}
	if cap(data) <= maxCached {
		*bp = data[:0]
	}
	return reuse.Text{Header: reuse.ParseFile(data, reuseHeadBytes)}
}
