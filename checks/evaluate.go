// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"errors"
	"fmt"
)

// ErrLinkEscapes is File.Err for a symbolic link that leaves the repository
// or dangles: it is listed, never followed.
var ErrLinkEscapes = errors.New("symlink points outside the repository; not followed")

// Evaluate runs c on t the way a scan does — Visit for every file Want
// accepts, with at most HeadBytes of its start, then Run — with the user's
// option values over the check's defaults. It is how a check is tested,
// inside ospolint or out (see docs/writing-checks.md). The pass holds the
// findings and any not-applicable reason. The error is an invalid option, or
// what Run returned: a wrapped ErrNotAvailable when the check could not be
// evaluated on this target.
//
// Unlike a scan, Evaluate visits files one at a time and gives every head
// the same buffer, overwritten after each Visit: a check that keeps f.Head
// past Visit (which a scan does not allow) sees garbage here too.
func Evaluate(c *Check, t *Target, user map[string]any) (*Pass, error) {
	opts, err := ResolveOptions(c, user)
	if err != nil {
		return nil, err
	}
	if c.Validate != nil {
		if err := c.Validate(opts); err != nil {
			return nil, fmt.Errorf("options of %s: %w", c.ID, err)
		}
	}
	p := NewPass(c, t, opts)
	if c.Visit != nil {
		var buf []byte
		for _, e := range t.Files() {
			if !c.Want(p, e.Path) {
				continue
			}
			f := File{Entry: e}
			switch {
			case e.Escapes:
				f.Err = ErrLinkEscapes
			case c.HeadBytes > 0:
				head, err := t.ReadHead(e.Path, c.HeadBytes)
				buf = append(buf[:0], head...)
				f.Head, f.Err = buf, err
			}
			c.Visit(p, f)
			for i := range buf {
				buf[i] = '#'
			}
		}
	}
	if c.Run != nil {
		if err := c.Run(p); err != nil {
			return p, err
		}
	}
	return p, nil
}
