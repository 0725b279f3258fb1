// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package fix computes and applies the changes `ospolint fix` makes: SPDX
// headers in each language's comment style, .license sidecars for files that
// cannot hold a comment, the texts of the licences the headers name in
// LICENSES/, and missing community files from templates. Changes are planned
// first (for --dry-run diffs and --check) and applied all or none through a
// Tree, which never follows a link nor leaves the repository.
package fix

import (
	"bytes"
	"errors"
	"path"
	"regexp"
	"strings"
)

// Tags are the REUSE tags a file needs.
type Tags struct {
	License   bool // SPDX-License-Identifier
	Copyright bool // SPDX-FileCopyrightText
}

// Any reports whether any tag is needed.
func (t Tags) Any() bool { return t.License || t.Copyright }

// Header is what goes into a header or sidecar.
type Header struct {
	License   string // SPDX expression, e.g. "Apache-2.0"
	Copyright string // e.g. "2026 Example Corp"
}

// Change is one file written or created.
type Change struct {
	Path   string // relative, slash-separated
	Old    []byte // nil when the file is created
	New    []byte
	Reason string
	// license is the expression whose licence line the change writes ("" for
	// none): its licences need their texts.
	license string
}

var (
	licenseTag   = regexp.MustCompile(`SPDX-License-Identifier:`)
	codingDecl   = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*[-_.a-zA-Z0-9]+`)
	copyrightTag = regexp.MustCompile(`(?i)(SPDX-FileCopyrightText:|SPDX-SnippetCopyrightText:|copyright\s*(\(c\)|©|\d{4})|©\s*\d{4})`)
)

// bom is the UTF-8 byte order mark.
const bom = "\ufeff"

// headScan is how much of a file is searched for existing tags (the REUSE
// tool reads whole files; headers live at the top).
const headScan = 8 << 10

// Missing reports which tags a file's content lacks.
func Missing(data []byte) Tags {
	head := data
	if len(head) > headScan {
		head = head[:headScan]
	}
	return Tags{License: !licenseTag.Match(head), Copyright: !copyrightTag.Match(head)}
}

// IsBinary uses git's heuristic: a NUL byte in the first 8000 bytes.
func IsBinary(data []byte) bool {
	if len(data) > 8000 {
		data = data[:8000]
	}
	return bytes.IndexByte(data, 0) >= 0
}

// AddHeader returns the content with the needed tags added as comment lines
// at the top — after a shebang, an XML or PHP opening line, a DOCTYPE or
// Markdown front matter, which must stay first. The scan says which tags a
// file needs (Missing is the quick reading of a file fix creates). ok is
// false when the format has no comment style or the file is binary (use a
// sidecar), or nothing is needed.
func AddHeader(p string, data []byte, h Header, need Tags) (out []byte, ok bool, err error) {
	if !need.Any() {
		return data, false, nil
	}
	st, has := styleFor(p)
	if !has || IsBinary(data) {
		return nil, false, nil
	}
	if err := h.validate(need); err != nil {
		return nil, false, err
	}
	nl := "\n"
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		nl = "\r\n"
	}
	var block strings.Builder
	for _, l := range h.lines(need) {
		block.WriteString(st.line(l))
		block.WriteString(nl)
	}
	at := insertAt(p, data)
	rest := data[at:]
	if len(bytes.TrimSpace(firstLine(rest))) > 0 {
		block.WriteString(nl)
	}
	out = make([]byte, 0, len(data)+block.Len()+2)
	out = append(out, data[:at]...)
	// A kept first line without a newline (a lone shebang) gets one; a lone
	// byte order mark does not.
	loneBOM := at == len(bom) && bytes.HasPrefix(data, []byte(bom))
	if at > 0 && data[at-1] != '\n' && !loneBOM {
		out = append(out, nl...)
	}
	out = append(out, block.String()...)
	out = append(out, rest...)
	return out, true, nil
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

// insertAt finds the byte offset after the lines that must stay first.
func insertAt(p string, data []byte) int {
	at := 0
	line := func(from int) (string, int) {
		rest := data[from:]
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return string(rest), len(data)
		}
		return string(rest[:i]), from + i + 1
	}
	// A byte order mark stays the first bytes of the file.
	if bytes.HasPrefix(data, []byte(bom)) {
		at = len(bom)
	}
	first, next := line(at)
	trimmed := strings.TrimSpace(first)
	switch {
	case strings.HasPrefix(trimmed, "#!"),
		strings.HasPrefix(trimmed, "<?xml"),
		strings.HasPrefix(trimmed, "<?php"),
		strings.HasPrefix(trimmed, "@charset"), // CSS: must be the very first rule
		isCodingLine(trimmed),
		strings.HasPrefix(strings.ToLower(trimmed), "<!doctype"):
		at = next
		// A Python encoding declaration may follow a shebang (PEP 263:
		// line 1 or 2).
		if second, n := line(at); at < len(data) && isCodingLine(strings.TrimSpace(second)) {
			at = n
		}
	case trimmed == "---" && isMarkdown(p):
		// YAML front matter (Jekyll, Hugo, GitHub issue templates) must
		// open the file: the header goes after its closing line.
		for pos := next; pos < len(data); {
			l, n := line(pos)
			if strings.TrimSpace(l) == "---" {
				return n
			}
			pos = n
		}
	}
	if at > 0 && at < len(data) {
		// An XML declaration may be followed by a DOCTYPE.
		if second, n := line(at); strings.HasPrefix(strings.ToLower(strings.TrimSpace(second)), "<!doctype") {
			at = n
		}
	}
	return at
}

// isCodingLine matches a PEP 263 encoding declaration ("# -*- coding: utf-8 -*-").
func isCodingLine(l string) bool {
	return strings.HasPrefix(l, "#") && codingDecl.MatchString(l)
}

func isMarkdown(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".md" || ext == ".markdown"
}

func (h Header) validate(need Tags) error {
	if need.License && strings.TrimSpace(h.License) == "" {
		return errors.New("no licence to write: pass --license SPDX-ID (or give the project a detected licence)")
	}
	if need.Copyright && strings.TrimSpace(h.Copyright) == "" {
		return errors.New("no copyright holder to write: pass --copyright \"HOLDER\" or set fix.copyright in .ospolint.yml")
	}
	return nil
}

func (h Header) lines(need Tags) []string {
	var out []string
	if need.License {
		out = append(out, "SPDX-License-Identifier: "+h.License)
	}
	if need.Copyright {
		out = append(out, "SPDX-FileCopyrightText: "+h.Copyright)
	}
	return out
}

// Sidecar returns the change that gives a file a "<file>.license" sidecar
// with the needed tags; existing holds the sidecar's current content (nil
// when it does not exist). A new sidecar gets both tags: REUSE reads a file's
// sidecar instead of the file.
func Sidecar(p string, existing []byte, h Header, need Tags) (Change, bool, error) {
	if existing == nil {
		need = Tags{License: true, Copyright: true}
	}
	if !need.Any() {
		return Change{}, false, nil
	}
	if err := h.validate(need); err != nil {
		return Change{}, false, err
	}
	var b strings.Builder
	b.Write(existing)
	if len(existing) > 0 && !bytes.HasSuffix(existing, []byte("\n")) {
		b.WriteString("\n")
	}
	for _, l := range h.lines(need) {
		b.WriteString(l + "\n")
	}
	return Change{Path: p + ".license", Old: existing, New: []byte(b.String()), Reason: "licensing info for " + p, license: h.written(need)}, true, nil
}

// written is the expression a header with the needed tags names.
func (h Header) written(need Tags) string {
	if need.License {
		return h.License
	}
	return ""
}
