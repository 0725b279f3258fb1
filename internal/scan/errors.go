// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import "fmt"

func internalError(path string, v any) error {
	return fmt.Errorf("internal error on %s: %v", path, v)
}
