// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package scan

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/ospolint/ospolint/internal/repo"
)

// ownHead is how much of a file tells an ospolint report from other files:
// the JSON and SARIF writers name the tool within their first lines.
const ownHead = 512

// ownExts are the names reports are written under; other files are never
// read to ask.
//
//nolint:gochecknoglobals // immutable table
var ownExts = []string{".json", ".sarif", ".md", ".markdown"}

// OwnReport reports whether head, the first bytes of a file named name, is
// a report ospolint writes (JSON, SARIF or Markdown). A report saved into
// the scanned tree (`--output report.json .`) is ospolint's output, not the
// project's: a scan leaves it out, so it raises no finding the next time.
// The report package's tests hold its writers to these signatures.
func OwnReport(name string, head []byte) bool {
	if !slices.Contains(ownExts, strings.ToLower(path.Ext(name))) {
		return false
	}
	head = head[:min(len(head), ownHead)]
	if bytes.HasPrefix(head, []byte("# ospolint report\n")) {
		return true
	}
	if !bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("{")) {
		return false
	}
	tool := bytes.Contains(head, []byte(`"name": "ospolint"`))
	json := bytes.Contains(head, []byte(`"schemaVersion": "`)) && bytes.Contains(head, []byte(`"tool": {`))
	sarif := bytes.Contains(head, []byte(`"$schema": "https://json.schemastore.org/sarif-2.1.0.json"`)) && bytes.Contains(head, []byte(`"driver": {`))
	return tool && (json || sarif)
}

// skipOwn drops from the walk the files this run writes (outputs, relative
// to the target) and earlier ospolint reports.
func skipOwn(fsys fs.FS, outputs []string) func(p string) bool {
	return func(p string) bool {
		if slices.Contains(outputs, p) {
			return true
		}
		if !slices.Contains(ownExts, strings.ToLower(path.Ext(p))) {
			return false
		}
		head, err := repo.ReadHead(fsys, p, ownHead)
		return err == nil && OwnReport(p, head)
	}
}
