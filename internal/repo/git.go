// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"context"
	"errors"
)

// OpenRevision reads a revision of the repository at dir from its object store.
func OpenRevision(dir, ref string) (*Repo, error) {
	return nil, errors.New("reading git revisions is not implemented yet")
}

// Clone clones a remote repository shallowly.
func Clone(ctx context.Context, url string, opt OpenOptions) (*Repo, error) {
	return nil, errors.New("cloning is not implemented yet")
}
