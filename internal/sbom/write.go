// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"fmt"
	"io"

	"github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdxlib"
)

// Write validates the document's relationships and writes it as SPDX JSON.
func Write(w io.Writer, doc *spdx.Document) error {
	if err := spdxlib.ValidateDocument(doc); err != nil {
		return fmt.Errorf("sbom: %w", err)
	}
	var b bytes.Buffer
	if err := json.Write(doc, &b, json.Indent("  "), json.EscapeHTML(false)); err != nil {
		return fmt.Errorf("sbom: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}
