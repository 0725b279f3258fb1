// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ospolint/ospolint/internal/ghhost"
	"github.com/ospolint/ospolint/internal/redact"
)

// ErrRefWithURL is returned by Open when a revision is asked of a URL: a
// clone reads the default branch only.
var ErrRefWithURL = errors.New("--ref applies to local repositories, not to URLs")

// OpenOptions say how to open a target.
type OpenOptions struct {
	// Ref, when set, reads that git revision of a local repository from the
	// object store instead of the working tree.
	Ref string
	// Token authenticates https clones from GitHub (never printed).
	Token string
	// GitHub is the server Token belongs to: the token goes to it and to
	// github.com, never to another host.
	GitHub ghhost.Host
	// TempDir is where clones are kept while scanned ("" = in memory).
	TempDir string
}

// urlSchemes are the remotes Clone understands.
//
//nolint:gochecknoglobals // immutable table
var urlSchemes = []string{"https://", "http://", "file://", "ssh://", "git://"}

// IsURL reports whether a target names a remote repository rather than a
// local directory. It goes by prefix, not by url.Parse success: a URL that
// does not parse (a space in the host, a stray character in a password) is
// still a URL, and must never be printed as a path.
func IsURL(target string) bool {
	lower := strings.ToLower(target)
	for _, s := range urlSchemes {
		if strings.HasPrefix(lower, s) {
			return true
		}
	}
	// scp-like syntax: git@host:owner/repo.git
	if rest, ok := strings.CutPrefix(target, "git@"); ok {
		host, _, found := strings.Cut(rest, ":")
		return found && host != "" && !strings.ContainsAny(host, `/\`)
	}
	return false
}

// Open opens a target: a URL is cloned shallowly, a directory is read as a
// working tree or, with Ref, as a git revision; a bare repository (or a git
// directory) is read at Ref, or at its HEAD.
func Open(ctx context.Context, target string, opt OpenOptions) (*Repo, error) {
	switch {
	case IsURL(target):
		if opt.Ref != "" {
			return nil, fmt.Errorf("open %s: %w", safeName(target), ErrRefWithURL)
		}
		return Clone(ctx, target, opt)
	case strings.Contains(target, "://") && !exists(target):
		// An unknown scheme is no directory either; its name may carry
		// credentials.
		return nil, fmt.Errorf("open %s: unsupported URL scheme (want https, http, ssh, git or file)", safeName(target))
	case opt.Ref != "":
		return OpenRevision(target, opt.Ref)
	case IsGitDir(target):
		// A bare repository has no working tree: read its HEAD, not its
		// git internals as files.
		return OpenRevision(target, "HEAD")
	default:
		return OpenWorktree(target)
	}
}

// safeName is a URL as it may be printed: without user, password or token.
func safeName(target string) string {
	clean, _ := stripUserinfo(target)
	return redact.URL(clean)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
