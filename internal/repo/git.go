// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/http"
	"github.com/go-git/go-git/v5/storage"
	"github.com/go-git/go-git/v5/storage/memory"

	"github.com/ospolint/ospolint/internal/ghhost"
	"github.com/ospolint/ospolint/internal/redact"
)

// Errors the CLI can tell apart when a git view cannot be opened.
var (
	ErrNotGitRepo      = errors.New("not a git repository")
	ErrUnknownRevision = errors.New("unknown revision")
	ErrNoCommits       = errors.New("repository has no commits yet")
)

// OpenRevision reads a revision of the repository at dir (or a parent of it)
// from its object store, without a checkout: the working tree, the index and
// untracked files play no part. The store is opened with a large-object
// threshold, so big blobs are streamed rather than inflated into memory.
func OpenRevision(dir, ref string) (*Repo, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, withoutPath(err))
	}
	layout, found, err := findGit(dir, true)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w: %w", dir, ErrNotGitRepo, err)
	}
	if !found {
		return nil, fmt.Errorf("open %s: %w", dir, ErrNotGitRepo)
	}
	st, err := layout.storage()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	r, err := git.Open(st, nil)
	if err != nil {
		_ = st.Close()
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, fmt.Errorf("open %s: %w", dir, ErrNotGitRepo)
		}
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	if ref == "" {
		ref = "HEAD"
	}
	h, err := r.ResolveRevision(plumbing.Revision(ref))
	if err != nil {
		err = revisionErr(r, ref, err)
		_ = st.Close()
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	// A directory below the top of the repository is scanned as that
	// subtree of the revision, as its working tree would be.
	sub := "."
	if abs, err := filepath.Abs(dir); err == nil && layout.top != "" {
		if rel, err := filepath.Rel(layout.top, abs); err == nil && rel != "." && filepath.IsLocal(rel) {
			sub = filepath.ToSlash(rel)
		}
	}
	view, err := commitView(r, *h, sub)
	if err != nil {
		_ = st.Close()
		return nil, fmt.Errorf("open %s at %s: %w", dir, ref, err)
	}
	view.Name = dir
	view.Kind = KindRevision
	view.closer = st.Close
	return view, nil
}

// revisionErr says why ref did not resolve. go-git answers "reference not
// found" for a name it cannot find and for a commit it cannot read alike;
// the latter is a broken store, not a typo, and gets the store's own error.
// A commit a shallow clone does not hold is neither: it is named as such.
func revisionErr(r *git.Repository, ref string, err error) error {
	shallow := shallowCommits(r)
	switch {
	case errors.Is(err, io.EOF):
		// HEAD~3 of a history two commits deep.
		return fmt.Errorf("%w %q: no such ancestor", ErrUnknownRevision, ref)
	case !errors.Is(err, plumbing.ErrReferenceNotFound):
		if err := pastShallowEnd(r, ref, shallow); err != nil {
			return err
		}
		// Walking to a parent (HEAD~2) met an unreadable commit.
		return fmt.Errorf("%w: resolve %q: %w", ErrObjectUnreadable, ref, err)
	}
	name, _, _ := strings.Cut(ref, "~")
	name, _, _ = strings.Cut(name, "^")
	name, _, _ = strings.Cut(name, "@")
	for _, h := range refHashes(r, name) {
		obj, oerr := r.Storer.EncodedObject(plumbing.AnyObject, h)
		if oerr == nil {
			_, oerr = object.DecodeObject(r.Storer, obj)
		}
		if errors.Is(oerr, plumbing.ErrObjectNotFound) && plumbing.IsHash(name) && h == plumbing.NewHash(name) {
			// A hash given that the store does not hold: a commit this
			// clone never fetched, not a broken store.
			break
		}
		if oerr != nil {
			return fmt.Errorf("%w: read object %s (%s): %w", ErrObjectUnreadable, h, name, oerr)
		}
	}
	if !hasCommits(r) {
		return ErrNoCommits
	}
	if len(shallow) > 0 {
		return fmt.Errorf("%w %q: not in this clone, which is shallow: %s", ErrUnknownRevision, ref, unshallowHint)
	}
	return fmt.Errorf("%w %q", ErrUnknownRevision, ref)
}

// unshallowHint says how to fetch what a shallow clone lacks.
const unshallowHint = "fetch more history with git fetch --deepen=N, or all of it with git fetch --unshallow"

// shallowCommits is the set of commits where a shallow clone's history
// stops (their parents were not fetched); empty for a full clone.
func shallowCommits(r *git.Repository) map[plumbing.Hash]bool {
	hashes, err := r.Storer.Shallow()
	if err != nil || len(hashes) == 0 {
		return nil
	}
	set := make(map[plumbing.Hash]bool, len(hashes))
	for _, h := range hashes {
		set[h] = true
	}
	return set
}

// pastShallowEnd judges a ref (NAME followed by ~N and ^N steps) that met
// a missing commit in a shallow clone: an error when the walk goes from a
// commit where the clone's history stops to a parent, which the clone does
// not hold by design, or to a parent the commit does not have; nil when it
// cannot tell (the missing commit is then a broken store's).
func pastShallowEnd(r *git.Repository, ref string, shallow map[plumbing.Hash]bool) error {
	i := strings.IndexAny(ref, "~^")
	if len(shallow) == 0 || i <= 0 {
		return nil
	}
	h, err := r.ResolveRevision(plumbing.Revision(ref[:i]))
	if err != nil {
		return nil
	}
	commit, err := r.CommitObject(*h)
	if err != nil {
		return nil
	}
	for rest := ref[i:]; rest != ""; {
		op := rest[0]
		j := 1
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		n := 1
		if j > 1 {
			if n, err = strconv.Atoi(rest[1:j]); err != nil {
				return nil
			}
		}
		if op != '~' && op != '^' {
			// Syntax other than ~N and ^N: not judged here.
			return nil
		}
		rest = rest[j:]
		steps, parent := n, 1
		if op == '^' {
			steps, parent = min(n, 1), n
		}
		for range steps {
			switch {
			case parent > len(commit.ParentHashes):
				return fmt.Errorf("%w %q: no such ancestor", ErrUnknownRevision, ref)
			case shallow[commit.Hash]:
				return fmt.Errorf("%w %q: not in this clone, whose history stops at commit %s (it is shallow): %s",
					ErrUnknownRevision, ref, commit.Hash.String()[:12], unshallowHint)
			}
			if commit, err = r.CommitObject(commit.ParentHashes[parent-1]); err != nil {
				return nil
			}
		}
	}
	return nil
}

// refHashes lists what a name points to, trying the places git does
// (refs/NAME, tags, branches, remotes) and a full hash.
func refHashes(r *git.Repository, name string) []plumbing.Hash {
	if name == "" {
		return nil
	}
	var out []plumbing.Hash
	if plumbing.IsHash(name) {
		out = append(out, plumbing.NewHash(name))
	}
	for _, full := range []string{name, "refs/" + name, "refs/tags/" + name, "refs/heads/" + name, "refs/remotes/" + name, "refs/remotes/" + name + "/HEAD"} {
		if ref, err := r.Reference(plumbing.ReferenceName(full), true); err == nil && !ref.Hash().IsZero() {
			out = append(out, ref.Hash())
			break
		}
	}
	return out
}

// hasCommits reports whether any branch, tag or remote ref exists; HEAD may
// name an unborn branch while others hold commits.
func hasCommits(r *git.Repository) bool {
	if _, err := r.Head(); err == nil {
		return true
	}
	refs, err := r.References()
	if err != nil {
		return false
	}
	defer refs.Close()
	found := false
	_ = refs.ForEach(func(ref *plumbing.Reference) error {
		if ref.Type() == plumbing.HashReference && !ref.Hash().IsZero() {
			found = true
			return storer.ErrStop
		}
		return nil
	})
	return found
}

// commitView is the tree of commit h, or its subtree sub ("." for all).
func commitView(r *git.Repository, h plumbing.Hash, sub string) (*Repo, error) {
	c, err := r.CommitObject(h)
	if err != nil {
		return nil, fmt.Errorf("read commit %s: %w", h, err)
	}
	root := c.TreeHash
	if sub != "." {
		tree, err := c.Tree()
		if err != nil {
			return nil, fmt.Errorf("read the tree of %s: %w", h, err)
		}
		st, err := tree.Tree(sub)
		if err != nil {
			return nil, fmt.Errorf("%s is not a directory in commit %s", sub, h.String()[:12])
		}
		root = st.Hash
	}
	return &Repo{
		Kind:     KindRevision,
		Revision: c.Hash.String(),
		FS:       newTreeFS(r.Storer, root, c.Committer.When),
		Ignore:   false,
	}, nil
}

// Clone clones a remote repository shallowly (one commit of the default
// branch, no tags, no submodules, no checkout) into memory or, when
// opt.TempDir is set, into a temporary directory that Close removes.
func Clone(ctx context.Context, rawURL string, opt OpenOptions) (*Repo, error) {
	clean, userinfo := stripUserinfo(rawURL)
	name := redact.URL(clean)
	hidden := secrets(userinfo, opt.Token)
	co := cloneOptions(rawURL, opt.Token, opt.GitHub)

	var (
		st      storage.Storer
		cleanup = func() error { return nil }
	)
	if opt.TempDir == "" {
		st = memory.NewStorage()
	} else {
		tmp, err := os.MkdirTemp(opt.TempDir, "ospolint-clone-*")
		if err != nil {
			return nil, fmt.Errorf("clone %s: %w", name, err)
		}
		fst := diskStorage(osfs.New(tmp))
		st = fst
		cleanup = func() error {
			cerr := fst.Close()
			if err := os.RemoveAll(tmp); err != nil {
				return fmt.Errorf("remove clone: %w", err)
			}
			return cerr
		}
	}

	r, err := git.CloneContext(ctx, st, nil, co)
	if err != nil {
		_ = cleanup()
		return nil, cloneErr(ctx, name, err, hidden)
	}
	head, err := r.Head()
	if err != nil {
		_ = cleanup()
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil, fmt.Errorf("clone %s: %w", name, ErrNoCommits)
		}
		return nil, cloneErr(ctx, name, err, hidden)
	}
	view, err := commitView(r, head.Hash(), ".")
	if err != nil {
		_ = cleanup()
		return nil, cloneErr(ctx, name, err, hidden)
	}
	view.Name = name
	view.Kind = KindClone
	view.closer = cleanup
	return view, nil
}

func cloneOptions(rawURL, token string, github ghhost.Host) *git.CloneOptions {
	co := &git.CloneOptions{
		URL:               rawURL,
		Depth:             1,
		SingleBranch:      true,
		NoCheckout:        true,
		Tags:              git.NoTags,
		RecurseSubmodules: git.NoRecurseSubmodules,
	}
	// The token goes only to GitHub over https (github.com or the server
	// the user named), never to another forge, over plain http or to a
	// local path, and always as auth rather than in the URL. go-git drops
	// it when a redirect leaves the host.
	if token != "" && github.Allows(rawURL) {
		co.Auth = &http.BasicAuth{Username: "x-access-token", Password: token}
	}
	return co
}

// stripUserinfo removes "user:password@" from a URL by hand, so even a URL
// that url.Parse rejects (and redact.URL then returns unchanged) loses its
// credentials.
func stripUserinfo(raw string) (clean, userinfo string) {
	i := strings.Index(raw, "://")
	if i < 0 {
		return raw, ""
	}
	rest := raw[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return raw, ""
	}
	return raw[:i+3] + rest[at+1:], rest[:at]
}

// secrets lists what must never be printed: the token and whatever
// credentials the URL carries (a bare user part may itself be a token).
func secrets(userinfo, token string) []string {
	out := []string{token}
	if userinfo == "" {
		return out
	}
	if _, pass, ok := strings.Cut(userinfo, ":"); ok {
		out = append(out, pass, userinfo)
		if p, err := url.PathUnescape(pass); err == nil {
			out = append(out, p)
		}
		return out
	}
	return append(out, userinfo)
}

// cloneError carries a redacted message; it unwraps only to a sentinel with a
// fixed text, so no chain of errors can bring the token back.
type cloneError struct {
	msg  string
	kind error
}

func (e *cloneError) Error() string { return e.msg }
func (e *cloneError) Unwrap() error { return e.kind }

//nolint:gochecknoglobals // immutable list of go-git sentinels worth keeping in the chain
var cloneKinds = []error{
	transport.ErrRepositoryNotFound,
	transport.ErrEmptyRemoteRepository,
	transport.ErrAuthenticationRequired,
	transport.ErrAuthorizationFailed,
	transport.ErrInvalidAuthMethod,
}

func cloneErr(ctx context.Context, name string, err error, secrets []string) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("clone %s: %w", name, cerr)
	}
	if errors.Is(err, transport.ErrEmptyRemoteRepository) {
		return fmt.Errorf("clone %s: %w", name, ErrNoCommits)
	}
	e := &cloneError{msg: "clone " + name + ": " + strings.TrimSpace(redact.String(err.Error(), secrets...))}
	for _, k := range cloneKinds {
		if errors.Is(err, k) {
			e.kind = k
			break
		}
	}
	return e
}
