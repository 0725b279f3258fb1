// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"errors"
	"fmt"
)

var errEscapes = errors.New("symlink points outside the repository; not followed")

func internalError(path string, v any) error {
	return fmt.Errorf("internal error on %s: %v", path, v)
}
