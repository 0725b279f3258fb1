// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

// REUSE-IgnoreStart

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// u-boot names 35 licences without their texts in 29,000 files: one finding
// per missing text, at LICENSES/<id>.txt, with the count and the first
// files, not one per file and licence.
func TestMissingLicensesOnePerText(t *testing.T) {
	files := fstest.MapFS{"LICENSES/MIT.txt": file("MIT text")}
	for i := range 25 {
		files[fmt.Sprintf("drivers/d%02d.c", i)] = file("// SPDX-FileCopyrightText: 2026 Example\n// SPDX-License-Identifier: GPL-2.0+\n")
	}
	for i := range 4 {
		files[fmt.Sprintf("lib/l%d.c", i)] = file("/* SPDX-FileCopyrightText: 2026 Example */\n/* SPDX-License-Identifier: GPL-2.0 OR MIT */\n")
	}
	// Both forms of the licence, apart, in one file: counted once.
	files["lib/l4.c"] = file("/* SPDX-FileCopyrightText: 2026 Example */\n/* SPDX-License-Identifier: GPL-2.0 AND MIT AND GPL-2.0+ */\n")
	files["tools/own.py"] = file("# SPDX-FileCopyrightText: 2026 Example\n# SPDX-License-Identifier: LicenseRef-Vendor AND MIT\n")
	got, _ := runCheck(t, reuseMissingLicenses(), files, nil)
	if len(got) != 2 {
		t.Fatalf("%d findings, want one per missing text (GPL-2.0, LicenseRef-Vendor): %+v", len(got), got)
	}
	gpl, ref := got[0], got[1]
	if gpl.Path != "LICENSES/GPL-2.0.txt" || gpl.Line != 0 || gpl.Key != "GPL-2.0" {
		t.Errorf("finding at %s:%d key %q, want LICENSES/GPL-2.0.txt, key GPL-2.0", gpl.Path, gpl.Line, gpl.Key)
	}
	for _, want := range []string{"licence GPL-2.0 and GPL-2.0+, used by 30 files (drivers/d00.c:2, drivers/d01.c:2, drivers/d02.c:2 and 27 more): add LICENSES/GPL-2.0.txt (reuse download GPL-2.0)"} {
		if !strings.Contains(gpl.Message, want) {
			t.Errorf("message %q lacks %q", gpl.Message, want)
		}
	}
	if n, _ := gpl.Properties["count"].(int); n != 30 {
		t.Errorf("count %v, want 30", gpl.Properties["count"])
	}
	if fs, _ := gpl.Properties["files"].([]map[string]any); len(fs) != missingLicenseExamples || fs[0]["path"] != "drivers/d00.c" || fs[0]["line"] != 2 {
		t.Errorf("files %v, want the first %d with their lines", gpl.Properties["files"], missingLicenseExamples)
	}
	if ref.Path != "LICENSES/LicenseRef-Vendor.txt" || !strings.Contains(ref.Message, "used by 1 file (tools/own.py:2): add LICENSES/LicenseRef-Vendor.txt (write the licence's text)") {
		t.Errorf("finding %+v, want the LicenseRef text asked for at LICENSES/LicenseRef-Vendor.txt", ref)
	}
}

// REUSE-IgnoreEnd
