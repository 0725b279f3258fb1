// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"net/url"
	"strings"
)

// OpenOptions say how to open a target.
type OpenOptions struct {
	// Ref, when set, reads that git revision of a local repository from the
	// object store instead of the working tree.
	Ref string
	// Token authenticates https clones (never printed).
	Token string
	// TempDir is where clones are kept while scanned ("" = in memory).
	TempDir string
}

// IsURL reports whether a target names a remote repository rather than a
// local directory.
func IsURL(target string) bool {
	if strings.HasPrefix(target, "git@") {
		return true
	}
	u, err := url.Parse(target)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http" || u.Scheme == "file" || u.Scheme == "ssh")
}

// Open opens a target: a URL is cloned shallowly, a directory is read as a
// working tree or, with Ref, as a git revision.
func Open(ctx context.Context, target string, opt OpenOptions) (*Repo, error) {
	switch {
	case IsURL(target):
		return Clone(ctx, target, opt)
	case opt.Ref != "":
		return OpenRevision(target, opt.Ref)
	default:
		return OpenWorktree(target)
	}
}
