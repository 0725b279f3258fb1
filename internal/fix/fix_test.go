// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The test data below holds SPDX tags inside strings.
// REUSE-IgnoreStart

var hdr = Header{License: "Apache-2.0", Copyright: "2026 Example Corp"}

func TestAddHeader(t *testing.T) {
	for _, tc := range []struct {
		name, path, in, want string
		ok                   bool
	}{
		{"go", "main.go", "package main\n", "// SPDX-License-Identifier: Apache-2.0\n// SPDX-FileCopyrightText: 2026 Example Corp\n\npackage main\n", true},
		{"shebang stays first", "run.sh", "#!/bin/sh\necho hi\n", "#!/bin/sh\n# SPDX-License-Identifier: Apache-2.0\n# SPDX-FileCopyrightText: 2026 Example Corp\n\necho hi\n", true},
		{"xml declaration stays first", "a.xml", "<?xml version=\"1.0\"?>\n<a/>\n", "<?xml version=\"1.0\"?>\n<!-- SPDX-License-Identifier: Apache-2.0 -->\n<!-- SPDX-FileCopyrightText: 2026 Example Corp -->\n\n<a/>\n", true},
		{"html doctype stays first", "i.html", "<!DOCTYPE html>\n<html></html>\n", "<!DOCTYPE html>\n<!-- SPDX-License-Identifier: Apache-2.0 -->\n<!-- SPDX-FileCopyrightText: 2026 Example Corp -->\n\n<html></html>\n", true},
		{"markdown front matter stays first", ".github/ISSUE_TEMPLATE/bug.md", "---\nname: Bug\n---\nText\n", "---\nname: Bug\n---\n<!-- SPDX-License-Identifier: Apache-2.0 -->\n<!-- SPDX-FileCopyrightText: 2026 Example Corp -->\n\nText\n", true},
		{"crlf kept", "a.py", "import os\r\n", "# SPDX-License-Identifier: Apache-2.0\r\n# SPDX-FileCopyrightText: 2026 Example Corp\r\n\r\nimport os\r\n", true},
		{"css block comments", "s.css", "a{}\n", "/* SPDX-License-Identifier: Apache-2.0 */\n/* SPDX-FileCopyrightText: 2026 Example Corp */\n\na{}\n", true},
		{"only the missing tag", "a.go", "// Copyright 2020 Someone\npackage a\n", "// SPDX-License-Identifier: Apache-2.0\n\n// Copyright 2020 Someone\npackage a\n", true},
		{"complete header untouched", "a.go", "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2020 X\npackage a\n", "", false},
		{"no comment style", "data.json", "{}\n", "", false},
		{"binary", "a.go", "\x00\x01", "", false},
		{"empty file", "a.go", "", "// SPDX-License-Identifier: Apache-2.0\n// SPDX-FileCopyrightText: 2026 Example Corp\n", true},
		{"makefile", "Makefile", "all:\n", "# SPDX-License-Identifier: Apache-2.0\n# SPDX-FileCopyrightText: 2026 Example Corp\n\nall:\n", true},
		{"byte order mark stays first", "a.go", "\ufeffpackage a\n", "\ufeff// SPDX-License-Identifier: Apache-2.0\n// SPDX-FileCopyrightText: 2026 Example Corp\n\npackage a\n", true},
		{"python coding line stays first", "a.py", "# -*- coding: latin-1 -*-\nx = 1\n", "# -*- coding: latin-1 -*-\n# SPDX-License-Identifier: Apache-2.0\n# SPDX-FileCopyrightText: 2026 Example Corp\n\nx = 1\n", true},
		{"shebang then coding line", "a.py", "#!/usr/bin/env python\n# coding=utf-8\nx = 1\n", "#!/usr/bin/env python\n# coding=utf-8\n# SPDX-License-Identifier: Apache-2.0\n# SPDX-FileCopyrightText: 2026 Example Corp\n\nx = 1\n", true},
		{"css charset stays first", "s.css", "@charset \"utf-8\";\na{}\n", "@charset \"utf-8\";\n/* SPDX-License-Identifier: Apache-2.0 */\n/* SPDX-FileCopyrightText: 2026 Example Corp */\n\na{}\n", true},
		{"assembly takes block comments", "arch/arm/lib/div64.S", "/* SPDX-License-Identifier: GPL-2.0 */\n", "/* SPDX-FileCopyrightText: 2026 Example Corp */\n\n/* SPDX-License-Identifier: GPL-2.0 */\n", true},
		{"C header takes block comments", "a.h", "#pragma once\n", "/* SPDX-License-Identifier: Apache-2.0 */\n/* SPDX-FileCopyrightText: 2026 Example Corp */\n\n#pragma once\n", true},
		{"device tree", "arch/arm/dts/board.dts", "/dts-v1/;\n", "// SPDX-License-Identifier: Apache-2.0\n// SPDX-FileCopyrightText: 2026 Example Corp\n\n/dts-v1/;\n", true},
		{"Kconfig", "drivers/Kconfig", "menu \"x\"\n", "# SPDX-License-Identifier: Apache-2.0\n# SPDX-FileCopyrightText: 2026 Example Corp\n\nmenu \"x\"\n", true},
		{"defconfig", "configs/sandbox_defconfig", "CONFIG_X=y\n", "# SPDX-License-Identifier: Apache-2.0\n# SPDX-FileCopyrightText: 2026 Example Corp\n\nCONFIG_X=y\n", true},
		{"no trailing newline after shebang", "x.sh", "#!/bin/sh", "#!/bin/sh\n# SPDX-License-Identifier: Apache-2.0\n# SPDX-FileCopyrightText: 2026 Example Corp\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := AddHeader(tc.path, []byte(tc.in), hdr, Missing([]byte(tc.in)))
			if err != nil {
				t.Fatal(err)
			}
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			if d := cmp.Diff(tc.want, string(got)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			again, changed, err := AddHeader(tc.path, got, hdr, Missing(got))
			if err != nil || changed || !bytes.Equal(again, got) {
				t.Errorf("second run changed the file (changed=%v err=%v)", changed, err)
			}
		})
	}
}

func TestAddHeaderNeedsValues(t *testing.T) {
	if _, _, err := AddHeader("a.go", []byte("package a\n"), Header{Copyright: "2026 X"}, Tags{License: true}); err == nil || !strings.Contains(err.Error(), "--license") {
		t.Errorf("err = %v, want a hint about --license", err)
	}
}

func TestSidecar(t *testing.T) {
	c, ok, err := Sidecar("img/logo.png", nil, hdr, Tags{Copyright: true})
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if c.Path != "img/logo.png.license" || string(c.New) != "SPDX-License-Identifier: Apache-2.0\nSPDX-FileCopyrightText: 2026 Example Corp\n" {
		t.Errorf("sidecar = %q %q", c.Path, c.New)
	}
	c, ok, err = Sidecar("img/logo.png", []byte("SPDX-FileCopyrightText: 2019 Y"), hdr, Tags{License: true})
	if err != nil || !ok || string(c.New) != "SPDX-FileCopyrightText: 2019 Y\nSPDX-License-Identifier: Apache-2.0\n" {
		t.Errorf("partial sidecar = %q ok=%v err=%v", c.New, ok, err)
	}
	if _, ok, _ := Sidecar("img/logo.png", c.New, hdr, Tags{}); ok {
		t.Error("complete sidecar changed again")
	}
}

func TestDiff(t *testing.T) {
	old := []byte("a\nb\nc\nd\ne\nf\n")
	neu := []byte("X\na\nb\nc\nd\ne\nf\n")
	var b bytes.Buffer
	if err := Diff(&b, []Change{{Path: "f.go", Old: old, New: neu}, {Path: "NEW.md", New: []byte("hello\n")}}); err != nil {
		t.Fatal(err)
	}
	want := "--- a/f.go\n+++ b/f.go\n@@ -1,3 +1,4 @@\n+X\n a\n b\n c\n--- /dev/null\n+++ b/NEW.md\n@@ -0,0 +1 @@\n+hello\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestDiffApplies checks the diff with patch(1) when it is installed.
func TestDiffAppliesWithPatch(t *testing.T) {
	patch, err := execLookPath("patch")
	if err != nil {
		t.Skip("patch not installed")
	}
	dir := t.TempDir()
	old := []byte("#!/bin/sh\necho 1\necho 2\necho 3\necho 4\n")
	neu, _, err := AddHeader("run.sh", old, hdr, Tags{License: true, Copyright: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "run.sh"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	var d bytes.Buffer
	if err := Diff(&d, []Change{{Path: "run.sh", Old: old, New: neu}}); err != nil {
		t.Fatal(err)
	}
	if out, err := runIn(dir, d.Bytes(), patch, "-p1"); err != nil {
		t.Fatalf("patch: %v\n%s\n%s", err, out, d.String())
	}
	got, _ := os.ReadFile(filepath.Join(dir, "run.sh"))
	if !bytes.Equal(got, neu) {
		t.Errorf("patched file differs:\n%s", got)
	}
}

func TestCommunity(t *testing.T) {
	c, err := Community("SECURITY.md", Project{Project: "widget", Contact: "security@example.com"}, hdr)
	if err != nil {
		t.Fatal(err)
	}
	s := string(c.New)
	if !strings.HasPrefix(s, "<!-- SPDX-License-Identifier: Apache-2.0 -->\n") || !strings.Contains(s, "security@example.com") || c.Old != nil {
		t.Errorf("SECURITY.md = %q", s)
	}
	if _, err := Community("SECURITY.md", Project{Project: "widget"}, hdr); err == nil || !strings.Contains(err.Error(), "--contact") {
		t.Errorf("no contact: err = %v", err)
	}
	c, err = Community("docs/CONTRIBUTING.md", Project{Project: "widget"}, hdr)
	if err != nil || !strings.Contains(string(c.New), "licensed under Apache-2.0") {
		t.Errorf("CONTRIBUTING.md: %v %q", err, c.New)
	}
}

// REUSE-IgnoreEnd
