// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package spdxlist

import (
	"strings"
	"testing"

	"github.com/github/go-spdx/v2/spdxexp"
)

func TestList(t *testing.T) {
	t.Parallel()
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	if v := Version(); v != "3.28.0" {
		t.Errorf("Version() = %q, want 3.28.0", v)
	}
	licences, exceptions := 0, 0
	for _, e := range Entries() {
		if e.Exception {
			exceptions++
		} else {
			licences++
		}
		text, ok := Text(e.ID)
		if !ok || len(strings.Fields(text)) < 3 {
			t.Errorf("%s: no text", e.ID)
		}
		if e.Name == "" {
			t.Errorf("%s: no name", e.ID)
		}
		if e.Deprecated {
			continue
		}
		if ok, _ := spdxexp.ActiveLicense(e.ID); !ok && !e.Exception {
			t.Errorf("%s: current in the list but not to go-spdx", e.ID)
		}
		c, ok := Lookup(e.Canonical)
		if !ok || !c.Pattern || c.Deprecated {
			t.Errorf("%s: canonical %q carries no pattern", e.ID, e.Canonical)
		}
		if e.Pattern && len(e.Required) == 0 {
			t.Errorf("%s: pattern requires no word", e.ID)
		}
	}
	// SPDX License List 3.28: 727 licences (32 of them deprecated) and 84
	// exceptions (one deprecated).
	if licences != 727 || exceptions != 84 {
		t.Errorf("%d licences and %d exceptions, want 727 and 84", licences, exceptions)
	}
	if got := len(IDs(false)); got != 727-32 {
		t.Errorf("IDs(false) has %d ids, want %d", got, 727-32)
	}
	if got := len(IDs(true)); got != 84-1 {
		t.Errorf("IDs(true) has %d ids, want %d", got, 84-1)
	}
}

func TestText(t *testing.T) {
	t.Parallel()
	for id, want := range map[string]string{
		"MIT":                     "Permission is hereby granted, free of charge",
		"mit":                     "THE SOFTWARE IS PROVIDED \"AS IS\"",
		"Apache-2.0":              "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION",
		"GCC-exception-3.1":       "GCC RUNTIME LIBRARY EXCEPTION",
		"Classpath-exception-2.0": "Linking this library statically or dynamically",
		"CC-BY-4.0":               "Creative Commons Attribution 4.0 International Public License",
	} {
		text, ok := Text(id)
		if !ok || !strings.Contains(text, want) {
			t.Errorf("Text(%q) = %.60q, %v; want it to contain %q", id, text, ok, want)
		}
		if strings.Contains(text, "\r") || !strings.HasSuffix(text, "\n") {
			t.Errorf("Text(%q): want LF line ends and a final newline", id)
		}
	}
	if _, ok := Text("No-Such-Licence-1.0"); ok {
		t.Error("Text of an unknown id: ok")
	}
}

func TestReplacement(t *testing.T) {
	t.Parallel()
	for id, want := range map[string]string{
		"GPL-2.0-with-GCC-exception":  "GPL-2.0-only WITH GCC-exception-2.0",
		"GPL-2.0-with-GCC-exception+": "GPL-2.0-or-later WITH GCC-exception-2.0",
		"GPL-2.0":                     "GPL-2.0-only",
		"GPL-2.0+":                    "GPL-2.0-or-later",
		"LGPL-2.1+":                   "LGPL-2.1-or-later",
		"eCos-2.0":                    "GPL-2.0-or-later WITH eCos-exception-2.0",
		"Nunit":                       "zlib-acknowledgement",
		"StandardML-NJ":               "SMLNJ",
	} {
		got, ok := Replacement(id)
		if !ok || got != want {
			t.Errorf("Replacement(%q) = %q, %v; want %q", id, got, ok, want)
			continue
		}
		if ok, _ := spdxexp.ValidateLicensesWithOptions([]string{got}, spdxexp.ValidateLicensesOptions{FailDeprecatedLicenses: true}); !ok {
			t.Errorf("Replacement(%q) = %q: not a valid expression of current ids", id, got)
		}
	}
	for _, id := range []string{"MIT", "GPL-3.0-only", "unknown"} {
		if got, ok := Replacement(id); ok {
			t.Errorf("Replacement(%q) = %q, want none", id, got)
		}
	}
	// Every replacement SPDX gives is a valid expression of current ids.
	for _, e := range Entries() {
		if !e.Deprecated || e.ReplacedBy == "" {
			continue
		}
		if e.Exception {
			if r, ok := Lookup(e.ReplacedBy); !ok || !r.Exception || r.Deprecated {
				t.Errorf("%s: replacement %q is not a current exception", e.ID, e.ReplacedBy)
			}
			continue
		}
		if ok, _ := spdxexp.ValidateLicensesWithOptions([]string{e.ReplacedBy}, spdxexp.ValidateLicensesOptions{FailDeprecatedLicenses: true}); !ok {
			t.Errorf("%s: replacement %q is not a valid expression of current ids", e.ID, e.ReplacedBy)
		}
	}
}

func TestSame(t *testing.T) {
	t.Parallel()
	for id, canon := range map[string]string{
		"GPL-2.0-or-later":             "GPL-2.0-only",
		"GPL-2.0-only":                 "GPL-2.0-only",
		"GFDL-1.3-invariants-or-later": "GFDL-1.3-only",
		"MIT":                          "MIT",
	} {
		e, ok := Lookup(id)
		if !ok || e.Canonical != canon {
			t.Errorf("Lookup(%q).Canonical = %q, want %q", id, e.Canonical, canon)
		}
	}
	e, _ := Lookup("GPL-2.0-or-later")
	if len(e.Same) != 1 || e.Same[0] != "GPL-2.0-only" {
		t.Errorf("GPL-2.0-or-later: Same = %v, want [GPL-2.0-only]", e.Same)
	}
}
