// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package reuse

// REUSE-IgnoreStart

import (
	"bytes"
	"slices"
	"testing"
)

func FuzzParseHeader(f *testing.F) {
	for _, s := range []string{
		"// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2020 X\n",
		"/* Copyright (c) 2020 Y */\n",
		"# REUSE-" + "IgnoreStart\n# SPDX-License-Identifier: MIT\n# REUSE-" + "IgnoreEnd\n",
		"<!-- SPDX-License-Identifier: MIT -->",
		"\xff\xfe\x00© 2020\r\n",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, complete bool) {
		h := ParseHeader(data, complete)
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, tags := range [][]Tag{h.Licenses, h.Copyrights} {
			for _, tag := range tags {
				if tag.Line < 1 || tag.Line > lines {
					t.Fatalf("line %d outside 1..%d", tag.Line, lines)
				}
				if bytes.ContainsRune([]byte(tag.Value), '\n') {
					t.Fatalf("value %q spans lines", tag.Value)
				}
			}
		}
	})
}

// FuzzParseFile: lines stay in range, values on one line, and the tags of
// the header are those ParseHeader reads there.
func FuzzParseFile(f *testing.F) {
	for _, s := range []string{
		"// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2020 X\n\n// Copyright Text\n",
		"x::\n\n  Copyright 2020 Y\n\n```\n# SPDX-License-Identifier: (.*)\n```\n",
		"2. Grant of Copyright License\n<p>© 2024 Z</p>\n",
	} {
		f.Add([]byte(s), 10)
		f.Add([]byte(s), 40)
	}
	f.Fuzz(func(t *testing.T, data []byte, head int) {
		if head < 0 || head > len(data) {
			return
		}
		h := ParseFile(data, head)
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, tags := range [][]Tag{h.Licenses, h.Copyrights} {
			for _, tag := range tags {
				if tag.Line < 1 || tag.Line > lines || bytes.ContainsRune([]byte(tag.Value), '\n') {
					t.Fatalf("tag %+v: line outside 1..%d or value spanning lines", tag, lines)
				}
			}
		}
		if bytes.Contains(data, []byte("REUSE-"+"Ignore")) {
			return // an ignore block cut by the head ends differently
		}
		headLines := bytes.Count(data[:head], []byte{'\n'})
		want := ParseHeader(data[:head], false)
		var got Header
		for _, tag := range h.Licenses {
			if tag.Line <= headLines {
				got.Licenses = append(got.Licenses, tag)
			}
		}
		for _, tag := range h.Copyrights {
			if tag.Line <= headLines {
				got.Copyrights = append(got.Copyrights, tag)
			}
		}
		if !slices.Equal(want.Licenses, got.Licenses) || !slices.Equal(want.Copyrights, got.Copyrights) {
			t.Fatalf("header read differently: ParseHeader %+v, ParseFile %+v", want, got)
		}
	})
}

func FuzzParseExpression(f *testing.F) {
	for _, s := range []string{"MIT", "(GPL-2.0-only OR BSD-2-Clause)", "Apache-2.0 WITH LLVM-exception", "MIT License", "a and (b or c", "LicenseRef-x+", "DocumentRef-a:LicenseRef-b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := ParseExpression(s)
		if e.Invalid == "" && len(e.Keys) == 0 {
			t.Fatalf("valid expression %q names no licence", s)
		}
		for _, k := range e.Keys {
			Classify(k)
		}
	})
}

func FuzzParseTOML(f *testing.F) {
	f.Add([]byte("version = 1\n[[annotations]]\npath = [\"a/**\", \"b\\\\*\"]\nprecedence = \"aggregate\"\nSPDX-License-Identifier = \"MIT\"\n"))
	f.Add([]byte("version = 1\nannotations = [{path = \"x\"}]\n"))
	f.Add([]byte("[[annotations]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		toml, _ := ParseTOML("d/REUSE.toml", data)
		if toml == nil {
			return
		}
		for _, a := range toml.Annotations {
			a.Matches("a/b/c.txt")
		}
	})
}

func FuzzParseDep5(f *testing.F) {
	f.Add([]byte("Format: x\n\nFiles: * src/\\*?\nCopyright: A\n B\nLicense: MIT\n text\n .\n"))
	f.Add([]byte("Format: x\n\nLicense: MIT\n"))
	f.Add([]byte(" x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, errs := ParseDep5(data)
		if d == nil {
			if len(errs) == 0 {
				t.Fatal("nil without an error")
			}
			return
		}
		d.Match("src/a.c")
	})
}

// REUSE-IgnoreEnd

// FuzzMarkerLines: looking for each marker by its rarest byte finds the
// lines a plain search for the whole marker finds, and anchored.index is
// bytes.Index.
func FuzzMarkerLines(f *testing.F) {
	for _, s := range []string{
		"SPDX-License-Identifier: MIT\nCopyright 2020 X\n© Y",
		"XX-SPDX-SPDX-\nSPD\nX-\nCopyrigh\nyCopyrightCopyright",
		"©©\xc2\xc2\xa9\n\xa9",
		"REUSE-" + "IgnoreStart REUSE-IgnoreStar UU",
		"SPDX", "X-", "y", "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want []int
		for _, m := range markers {
			for off := 0; off < len(data); {
				i := bytes.Index(data[off:], []byte(m.s))
				if i < 0 {
					break
				}
				i += off
				want = append(want, bytes.LastIndexByte(data[:i], '\n')+1)
				le := bytes.IndexByte(data[i:], '\n')
				if le < 0 {
					break
				}
				off = i + le + 1
			}
		}
		if got := markerLines(data); !slices.Equal(got, want) {
			t.Fatalf("markerLines(%q) = %v, want %v", data, got, want)
		}
		for _, m := range append([]anchored{ignoreMarker}, markers...) {
			if got, want := m.index(data), bytes.Index(data, []byte(m.s)); got != want {
				t.Fatalf("%q: index of %q = %d, want %d", data, m.s, got, want)
			}
		}
	})
}
