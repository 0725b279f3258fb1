// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"github.com/ospolint/ospolint/checks/fileset"
	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/repo"
)

// maxRead caps what a check reads of one file through Target.ReadFile.
const maxRead = 4 << 20

// Target is what every check sees of one repository: its files as the
// single walk listed them, their contents through a read-only io/fs.FS, and
// facts computed at most once per scan and shared by the checks. The same
// view serves a working tree, a git revision and a clone.
type Target struct {
	fsys  fs.FS
	index *fileset.Index

	reads   sync.Map // path -> *cached
	license struct {
		once sync.Once
		res  license.Result
	}
	reuse  reuseFacts  // REUSE evaluation, see target_reuse.go
	diff   diffState   // the change under review in diff mode, see diff.go
	supply supplyFacts // SBOMs and the dependency inventory, see sbom_target.go
	forge  *Forge      // API facts, see forge.go
}

type cached struct {
	once sync.Once
	data []byte
	err  error
}

// NewTarget wraps a repository's read-only file system and the index of the
// files a scan sees in it (which may leave some out: .gitignore, excludes).
func NewTarget(fsys fs.FS, ix *fileset.Index) *Target { return &Target{fsys: fsys, index: ix} }

// NewTargetFS lists every file of fsys and wraps it, for checks written and
// tested outside a scan: an fstest.MapFS, an os.DirFS, a zip.Reader. No
// .gitignore or exclude applies; symbolic links are followed only while they
// stay inside fsys.
func NewTargetFS(ctx context.Context, fsys fs.FS) (*Target, error) {
	ix, problems, err := repo.Walk(ctx, &repo.Repo{Name: "fs", Kind: repo.KindWorktree, FS: fsys}, repo.WalkOptions{})
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 && ix.Len() == 0 {
		return nil, fmt.Errorf("list files: %s: %s", problems[0].Path, problems[0].Message)
	}
	return NewTarget(fsys, ix), nil
}

// FS is the repository's read-only file system.
func (t *Target) FS() fs.FS { return t.fsys }

// maxCached is the largest file ReadFile keeps for other checks: the files
// several checks read (licences, community files) are small, and keeping
// every large file a rule searched would hold the repository in memory.
const maxCached = 256 << 10

// ReadFile reads a file (up to 4 MiB). A small file is read once per scan
// however many checks ask; a larger one is read for each caller and not kept.
func (t *Target) ReadFile(p string) ([]byte, error) {
	if e, ok := t.index.Lookup(p); !ok || e.Size > maxCached {
		return repo.ReadFile(t.fsys, p, maxRead)
	}
	v, _ := t.reads.LoadOrStore(p, &cached{})
	c := v.(*cached)
	c.once.Do(func() { c.data, c.err = repo.ReadFile(t.fsys, p, maxRead) })
	return c.data, c.err
}

// Files returns every file of the repository the scan sees, sorted by path.
// The slice must not be modified.
func (t *Target) Files() []fileset.Entry { return t.index.Files() }

// Lookup finds the file with exactly this slash-separated path.
func (t *Target) Lookup(p string) (fileset.Entry, bool) { return t.index.Lookup(p) }

// InDir returns the files directly inside dir ("" is the root), matching
// the directory name case-insensitively, sorted by path.
func (t *Target) InDir(dir string) []fileset.Entry { return t.index.InDir(dir) }

// Under returns every file below dir, recursively.
func (t *Target) Under(dir string) []fileset.Entry { return t.index.Under(dir) }

// IsDir reports whether dir holds at least one file the scan sees.
func (t *Target) IsDir(dir string) bool { return t.index.IsDir(dir) }

// NestedRepos returns the directories below the root that hold a ".git" of
// their own (submodules, nested clones), sorted.
func (t *Target) NestedRepos() []string { return t.index.NestedRepos() }

// ReadHead reads at most n bytes from the start of a regular file.
func (t *Target) ReadHead(p string, n int) ([]byte, error) { return repo.ReadHead(t.fsys, p, n) }

// License is the project licence detected from the licence files, computed
// once per scan.
func (t *Target) License() license.Result {
	t.license.once.Do(func() { t.license.res = license.DetectProject(t.index, t.ReadFile) })
	return t.license.res
}

// File is what Visit receives: an index entry and the first bytes of the file.
type File struct {
	fileset.Entry
	// Head holds at most the check's HeadBytes bytes of the file's start.
	// It is valid only during the Visit call: the file pass reads the next
	// file into the same buffer, so a check that keeps any of it copies it.
	Head []byte
	// Err is set when the file could not be read.
	Err error
}

// Finding is one problem a check reports.
type Finding struct {
	// Path is where the problem is, or where a missing file is expected;
	// relative and slash-separated.
	Path string
	// Line is 1-based, 0 when unknown or irrelevant.
	Line    int
	Message string
	// Key distinguishes findings of one check at one path for fingerprints;
	// it defaults to the message. Keep it free of line numbers.
	Key string
	// Properties carry facts for JSON and SARIF (e.g. licence confidence).
	Properties map[string]any
	// Advisory marks an observation that is not a failure: it is reported
	// at note level whatever the check's level, and the check still passes
	// (a code of conduct that adopts another by link, MAINTAINERS in place
	// of CODEOWNERS, a per-file licence text not identified).
	Advisory bool
}

// Pass is one check's run on one target.
type Pass struct {
	Check   *Check
	Target  *Target
	Options Options

	mu       sync.Mutex
	findings []Finding
	na       string
	note     string

	// parent is set on a pass over the owner's .github repository (see
	// orgFallback in forge.go): its findings land on the parent.
	parent *Pass
	from   string
}

// NewPass prepares a run of c on t with resolved options.
func NewPass(c *Check, t *Target, opts Options) *Pass {
	return &Pass{Check: c, Target: t, Options: opts}
}

// Report records a finding. Safe for concurrent use.
func (p *Pass) Report(f Finding) {
	if p.parent != nil {
		p.parent.Report(inheritedFinding(p.from, f))
		return
	}
	p.mu.Lock()
	p.findings = append(p.findings, f)
	p.mu.Unlock()
}

// grow makes room for n more findings.
func (p *Pass) grow(n int) {
	if p.parent != nil {
		return
	}
	p.mu.Lock()
	p.findings = slices.Grow(p.findings, n)
	p.mu.Unlock()
}

// Reportf records a finding at path and line with a formatted message.
func (p *Pass) Reportf(path string, line int, format string, args ...any) {
	p.Report(Finding{Path: path, Line: line, Message: fmt.Sprintf(format, args...)})
}

// NotApplicable marks the check as not applicable to this target (nothing
// for it to judge), with a reason for the report.
func (p *Pass) NotApplicable(reason string) {
	if p.parent != nil {
		p.parent.NotApplicable(reason)
		return
	}
	p.mu.Lock()
	p.na = reason
	p.mu.Unlock()
}

// Findings returns what was reported.
func (p *Pass) Findings() []Finding {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Finding(nil), p.findings...)
}

// TakeFindings returns what was reported and leaves the pass without it,
// for the runner once the check has finished: no copy.
func (p *Pass) TakeFindings() []Finding {
	p.mu.Lock()
	defer p.mu.Unlock()
	fs := p.findings
	p.findings = nil
	return fs
}

// NotApplicableReason is the reason given to NotApplicable, or "".
func (p *Pass) NotApplicableReason() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.na
}

// Note records a remark on the check's result that is no finding (a file
// inherited from the organisation, where a setting comes from).
func (p *Pass) Note(s string) {
	if p.parent != nil {
		p.parent.Note(s)
		return
	}
	p.mu.Lock()
	p.note = s
	p.mu.Unlock()
}

// NoteText is the remark given to Note, or "".
func (p *Pass) NoteText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.note
}
