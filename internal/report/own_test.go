// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bytes"
	"testing"

	"github.com/ospolint/ospolint/internal/scan"
)

// Scans leave out ospolint's own reports by their first bytes
// (scan.OwnReport): every writer of a file format must keep that signature,
// and other files must not match it.
func TestOwnReportsAreRecognised(t *testing.T) {
	rep := edgeReport()
	for name, file := range map[string]string{"json": "report.json", "sarif": "ospolint.sarif", "markdown": "summary.md"} {
		w, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := w(&buf, rep); err != nil {
			t.Fatal(err)
		}
		if !scan.OwnReport(file, buf.Bytes()) {
			t.Errorf("a %s report is not recognised as ospolint's:\n%.300s", name, buf.Bytes())
		}
		if scan.OwnReport("notes.txt", buf.Bytes()) {
			t.Errorf("a %s report under a name reports never have is taken for one", name)
		}
	}
	for name, head := range map[string]string{
		"package.json": `{"name": "ospolint", "version": "1.0.0", "tool": {"x": 1}}`,
		"other.sarif":  "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [{\"tool\": {\"driver\": {\"name\": \"CodeQL\"}}}]\n}",
		"README.md":    "# ospolint\n\nA governance scanner.\n",
	} {
		if scan.OwnReport(name, []byte(head)) {
			t.Errorf("%s is taken for an ospolint report", name)
		}
	}
}
