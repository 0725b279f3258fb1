// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestLicensePolicy(t *testing.T) {
	mit := licenceText(t, "lic-consistent/LICENSE")
	apache := licenceText(t, "lic-dual/LICENSE-APACHE")
	tests := []struct {
		name  string
		files fstest.MapFS
		opts  map[string]any
		want  []string
		na    string
	}{
		{
			name:  "no policy",
			files: fstest.MapFS{"LICENSE": mit},
			na:    "no licence policy configured",
		},
		{
			name:  "allowed by category",
			files: fstest.MapFS{"LICENSE": mit, "package.json": file(`{"license": "MIT"}`)},
			opts:  map[string]any{"allow": []any{"permissive"}},
		},
		{
			name: "manifest licence refused, project licence fine",
			files: fstest.MapFS{
				"LICENSE":      mit,
				"package.json": file("{\n  \"name\": \"x\",\n  \"license\": \"AGPL-3.0-or-later\"\n}"),
			},
			opts: map[string]any{"allow": []any{"permissive", "weak-copyleft"}, "deny": []any{"network-copyleft"}},
			want: []string{"package.json:3: package.json declares licence AGPL-3.0-or-later, which the licence policy refuses: AGPL-3.0-or-later is network-copyleft, which the policy denies; relicense or change the policy"},
		},
		{
			name:  "deny wins over allow by id",
			files: fstest.MapFS{"LICENSE-APACHE": apache, "LICENSE-MIT": mit},
			opts:  map[string]any{"allow": []any{"permissive"}, "deny": []any{"apache-2.0"}},
			want:  []string{`LICENSE-APACHE:1: licence file LICENSE-APACHE holds Apache-2.0, which the licence policy refuses: Apache-2.0 (permissive) is denied by "apache-2.0"; relicense, remove the text or change the policy`},
		},
		{
			name:  "not in allow list",
			files: fstest.MapFS{"COPYING": apache},
			opts:  map[string]any{"allow": []any{"MIT", "BSD-*"}},
			want:  []string{"COPYING:1: licence file COPYING holds Apache-2.0, which the licence policy refuses: Apache-2.0 (permissive) is not in the allow list; relicense, remove the text or change the policy"},
		},
		{
			name:  "unidentified licence text is unknown",
			files: fstest.MapFS{"LICENSE": file("All rights reserved. Do not copy this software without written consent of Acme.\n")},
			opts:  map[string]any{"allow": []any{"permissive"}},
			want:  []string{"LICENSE:1: licence file LICENSE holds NOASSERTION, which the licence policy refuses: NOASSERTION (unknown) is not in the allow list; relicense, remove the text or change the policy"},
		},
		{
			name: "dual licence files judged one by one",
			files: fstest.MapFS{
				"LICENSE-MIT":    mit,
				"LICENSE-APACHE": apache,
				"Cargo.toml":     file("[package]\nlicense = \"MIT AND Apache-2.0\"\n"),
			},
			opts: map[string]any{"allow": []any{"MIT"}},
			want: []string{
				"Cargo.toml:2: Cargo.toml declares licence MIT AND Apache-2.0, which the licence policy refuses: Apache-2.0 (permissive) is not in the allow list; relicense or change the policy",
				"LICENSE-APACHE:1: licence file LICENSE-APACHE holds Apache-2.0, which the licence policy refuses: Apache-2.0 (permissive) is not in the allow list; relicense, remove the text or change the policy",
			},
		},
		{
			name: "dual licence stated as a choice in the root manifest",
			files: fstest.MapFS{
				"LICENSE-MIT":    mit,
				"LICENSE-APACHE": apache,
				"Cargo.toml":     file("[package]\nlicense = \"MIT OR Apache-2.0\"\n"),
			},
			opts: map[string]any{"allow": []any{"MIT"}},
		},
		{
			name:  "OR needs one allowed branch",
			files: fstest.MapFS{"Cargo.toml": file("[package]\nlicense = \"GPL-3.0-only OR MIT\"\n")},
			opts:  map[string]any{"allow": []any{"permissive"}},
		},
		{
			name:  "AND needs every licence",
			files: fstest.MapFS{"Cargo.toml": file("[package]\nlicense = \"GPL-3.0-only AND MIT\"\n")},
			opts:  map[string]any{"allow": []any{"permissive"}},
			want:  []string{"Cargo.toml:2: Cargo.toml declares licence GPL-3.0-only AND MIT, which the licence policy refuses: GPL-3.0-only (strong-copyleft) is not in the allow list; relicense or change the policy"},
		},
		{
			name:  "proprietary manifest",
			files: fstest.MapFS{"composer.json": file(`{"license": "proprietary"}`)},
			opts:  map[string]any{"deny": []any{"proprietary"}},
			want:  []string{"composer.json:1: composer.json declares licence proprietary (no open source licence), which the licence policy refuses: proprietary is proprietary, which the policy denies; relicense or change the policy"},
		},
		{
			name:  "category override",
			files: fstest.MapFS{"package.json": file(`{"license": "LicenseRef-Acme-Open"}`)},
			opts:  map[string]any{"allow": []any{"permissive"}, "categories": []any{"LicenseRef-Acme-Open=permissive"}},
		},
		{
			name:  "ambiguous name passes when one reading does",
			files: fstest.MapFS{"setup.cfg": file("[metadata]\nlicense = GPL\n")},
			opts:  map[string]any{"deny": []any{"GPL-3.0"}},
		},
		{
			name: "per-file licences from headers and REUSE.toml",
			files: fstest.MapFS{
				"LICENSE":      mit,
				"src/ok.go":    file("// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2026 Ada\npackage src\n"),
				"src/gpl.go":   file("// Copyright 2026 Ada\n// SPDX-License-Identifier: GPL-3.0-only\npackage src\n"),
				"src/either.c": file("/* SPDX-License-Identifier: GPL-2.0-only OR MIT */\n"),
				"src/bad.go":   file("// SPDX-License-Identifier: MIT OR\npackage src\n"),
				"src/twice.c":  file("// SPDX-License-Identifier: GPL-3.0-only\nint a;\n// SPDX-License-Identifier: GPL-3.0-only\n"),
				"REUSE.toml": file("version = 1\n\n[[annotations]]\npath = \"gen/**\"\nprecedence = \"override\"\n" +
					"SPDX-FileCopyrightText = \"2026 Ada\"\nSPDX-License-Identifier = \"AGPL-3.0-or-later\"\n\n" +
					"[[annotations]]\npath = \"more/**\"\nprecedence = \"override\"\n" +
					"SPDX-FileCopyrightText = \"2026 Ada\"\nSPDX-License-Identifier = \"AGPL-3.0-or-later\"\n"),
				"gen/a.go":  file("package gen\n"),
				"gen/b.go":  file("// SPDX-License-Identifier: MIT\npackage gen\n"),
				"more/c.go": file("package more\n"),
			},
			opts: map[string]any{"allow": []any{"permissive"}},
			want: []string{
				"REUSE.toml:3: REUSE.toml licenses 3 files as AGPL-3.0-or-later, which the licence policy refuses: AGPL-3.0-or-later (network-copyleft) is not in the allow list; relicense or remove them, or change the policy",
				"src/gpl.go:2: src/gpl.go is licensed GPL-3.0-only (its SPDX-License-Identifier), which the licence policy refuses: GPL-3.0-only (strong-copyleft) is not in the allow list; relicense or remove the file, or change the policy",
				"src/twice.c:1: src/twice.c is licensed GPL-3.0-only (its SPDX-License-Identifier), which the licence policy refuses: GPL-3.0-only (strong-copyleft) is not in the allow list; relicense or remove the file, or change the policy",
			},
		},
		{
			name:  "per-file licences are not read without a policy",
			files: fstest.MapFS{"src/gpl.go": file("// SPDX-License-Identifier: GPL-3.0-only\n")},
			na:    "no licence policy configured",
		},
		{
			name:  "nothing to judge",
			files: fstest.MapFS{"README.md": file("# x\n")},
			opts:  map[string]any{"deny": []any{"strong-copyleft"}},
			na:    "no licence file or declared licence to judge",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, p := runCheck(t, licensePolicy(), tt.files, tt.opts)
			if diff := cmp.Diff(tt.want, brief(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if got := p.NotApplicableReason(); got != tt.na {
				t.Errorf("not applicable = %q, want %q", got, tt.na)
			}
		})
	}
}

func TestLicensePolicyValidate(t *testing.T) {
	c := licensePolicy()
	err := c.ValidateOptions(map[string]any{"allow": []any{"permisive"}, "categories": []any{"MIT=cheap"}})
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{`"permisive" is neither a category`, `unknown category "cheap"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if err := c.ValidateOptions(map[string]any{"allow": []any{"permissive", "MPL-2.0"}, "deny": []any{"CC-BY-NC-*"}}); err != nil {
		t.Errorf("valid options refused: %v", err)
	}
}
