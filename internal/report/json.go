// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"io"

	"github.com/ospolint/ospolint/internal/scan"
)

// JSON writes the versioned JSON report (docs/json-report.md).
func JSON(w io.Writer, r *scan.Report) error {
	return writeIndented(w, r)
}
