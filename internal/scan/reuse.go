// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"strings"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/reuse"
)

// reuseFact is the REUSE summary for the JSON report, when a reuse-* check
// ran (the evaluation is then already done and shared).
func reuseFact(t *checks.Target, p *Plan) *reuse.Facts {
	for _, pc := range p.Checks {
		if strings.HasPrefix(pc.Check.ID, "reuse-") {
			f := t.Reuse().Facts
			return &f
		}
	}
	return nil
}
