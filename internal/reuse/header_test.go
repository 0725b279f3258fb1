// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

// REUSE-IgnoreStart

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// headSize is the head the tests give ParseFile: the lines before it are
// read as the REUSE tool reads a header.
const headSize = 256

// padded puts tail below a head of headSize bytes that holds head.
func padded(head, tail string) string {
	return head + strings.Repeat("#\n", (headSize-len(head))/2+1) + tail
}

// Below the header, only notices and tags in comments count: prose, logs,
// code and licence bodies that mention copyright do not.
func TestParseFileBelowTheHeader(t *testing.T) {
	const head = "# SPDX-License-Identifier: GPL-2.0\n"
	tests := []struct {
		name, tail string
		licence    string // the tag expected below the header, "" for none
		notice     string // the notice expected below the header, "" for none
	}{
		{"Go comment about a field", "\t// 8.8: Copyright Text: copyright notice(s) text\n\t// Copyright Text: NOASSERTION\n", "", ""},
		{"licence body", "2. Grant of Copyright License. Subject to the terms and conditions of\n", "", ""},
		{"Creative Commons definitions", "  c. Copyright and Similar Rights means copyright and/or similar rights\n", "", ""},
		{"boot log", "   [    0.631381] e1000e: Copyright(c) 1999 - 2015 Intel Corporation.\n", "", ""},
		{"template placeholder", "   Copyright [yyyy] [name of copyright owner]\n", "", ""},
		{"GPL how-to placeholder", "    Copyright (C) <year>  <name of author>\n", "", ""},
		{"a heading", "## Copyright\n", "", ""},
		{"string literal", "\tprintf(\"/* SPDX-License-Identifier: GPL-2.0+ */\\n\");\n\tputs(\"Copyright 2020 Nobody\");\n", "", ""},
		{"Perl regular expressions", "\t} elsif ($rawline =~ /(SPDX-License-Identifier: .*)/) {\n\t\t$fixed[$fixlinenr] =~ s/SPDX-License-Identifier: .*/SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)/;\n", "", ""},
		{"a tag in prose", "All new files include the identifier, i.e. \"SPDX-License-Identifier: Apache-2.0 OR GPL-2.0-or-later\".\n", "", ""},
		{"a tag in a sentence", "Each file starts with SPDX-License-Identifier: MIT and a copyright line.\n", "", ""},
		{"a placeholder tag", "   # SPDX-License-Identifier: <SPDX License Expression>\n", "", ""},
		{"Markdown example", "Add a header:\n\n```go\n// SPDX-License-Identifier: MIT\n// Copyright 2020 Example Corp\n```\n", "", ""},
		{"reStructuredText literal block", "list the available settings::\n\n  $> dfu-util -l\n  Copyright 2005-2009 Weston Schmidt and OpenMoko Inc.\n\nAfter the block.\n", "", ""},
		// What does count: comments and plain lines with a year or a holder.
		{"notice after a docstring", "# Copyright The Mbed TLS Contributors\n", "", "Copyright The Mbed TLS Contributors"},
		{"licence at the end of a header-only library", "------\nCopyright (c) 2017 Sean Barrett\nPermission is hereby granted\n", "", "Copyright (c) 2017 Sean Barrett"},
		{"C comment", " * Copyright (C) 2022 Intel Corporation <www.intel.com>\n", "", "Copyright (C) 2022 Intel Corporation <www.intel.com>"},
		{"HTML comment", "<!-- SPDX-FileCopyrightText: 2026 Jane Doe -->\n", "", "SPDX-FileCopyrightText: 2026 Jane Doe"},
		{"reStructuredText comment", ".. Copyright 2020 Example Corp\n", "", "Copyright 2020 Example Corp"},
		{"m4 comment", "dnl Copyright © 2021 Free Software Foundation, Inc.\n", "", "Copyright © 2021 Free Software Foundation, Inc."},
		{"paragraph markup", "<p>© 2024 Example Corp</p>\n", "", "© 2024 Example Corp</p>"},
		{"a licence tag in a comment", "// SPDX-License-Identifier: MIT\n", "MIT", ""},
		{"a malformed tag in a comment is still reported", ".. SPDX-License-Identifier: GPL-2.0+:\n", "GPL-2.0+:", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := padded(head, tt.tail)
			got := ParseFile([]byte(data), headSize)
			headLines := strings.Count(data[:strings.LastIndex(data[:headSize], "\n")+1], "\n")
			var licences, notices []string
			for _, tag := range got.Licenses {
				if tag.Line > headLines {
					licences = append(licences, tag.Value)
				}
			}
			for _, tag := range got.Copyrights {
				notices = append(notices, tag.Value)
			}
			wantLicences, wantNotices := []string(nil), []string(nil)
			if tt.licence != "" {
				wantLicences = []string{tt.licence}
			}
			if tt.notice != "" {
				wantNotices = []string{tt.notice}
			}
			if d := cmp.Diff(wantLicences, licences); d != "" {
				t.Errorf("licences below the header (-want +got):\n%s", d)
			}
			if d := cmp.Diff(wantNotices, notices); d != "" {
				t.Errorf("notices (-want +got):\n%s", d)
			}
			// The header itself is read as before.
			if len(got.Licenses) == 0 || got.Licenses[0] != (Tag{Value: "GPL-2.0", Line: 1}) {
				t.Errorf("header tag lost: %+v", got.Licenses)
			}
		})
	}
}

// In the header, ParseFile reads what ParseHeader and the REUSE tool read,
// prose included: agreeing with `reuse lint` there matters more than taste.
func TestParseFileHeaderAsReuseReadsIt(t *testing.T) {
	head := "// Copyright Text\n2. Grant of Copyright License\n// SPDX-License-Identifier: MIT\n"
	data := padded(head, "// Copyright Text\n")
	got := ParseFile([]byte(data), headSize)
	want := ParseHeader([]byte(data[:headSize]), false)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ParseFile differs from ParseHeader on the header (-head +file):\n%s", d)
	}
	if len(got.Copyrights) != 2 {
		t.Errorf("copyrights %+v, want the two prose lines of the header, as reuse lint takes them", got.Copyrights)
	}
}

// REUSE-IgnoreEnd
