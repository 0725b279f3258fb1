// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package licpolicy

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: "mit", want: "MIT"},
		{in: " Apache-2.0 ", want: "Apache-2.0"},
		{in: "MIT OR Apache-2.0", want: "MIT OR Apache-2.0"},
		{in: "(MIT OR Apache-2.0) AND BSD-3-Clause", want: "(MIT OR Apache-2.0) AND BSD-3-Clause"},
		{in: "((MIT))", want: "MIT"},
		{in: "MIT AND (ISC AND Zlib)", want: "MIT AND ISC AND Zlib"},
		{in: "GPL-2.0+", want: "GPL-2.0-or-later"},
		{in: "gpl-3.0-only", want: "GPL-3.0-only"},
		{in: "GPL-3.0", want: "GPL-3.0"}, // deprecated but on the list
		{in: "Apache-2.0+", want: "Apache-2.0+"},
		{in: "gpl-2.0-or-later WITH classpath-exception-2.0", want: "GPL-2.0-or-later WITH Classpath-exception-2.0"},
		{in: "LicenseRef-Acme-1.0 OR MIT", want: "LicenseRef-Acme-1.0 OR MIT"},
		{in: "DocumentRef-spdx:LicenseRef-x", want: "DocumentRef-spdx:LicenseRef-x"},
		{in: "mit or apache-2.0", want: "MIT OR Apache-2.0", err: `operator "or" must be upper case`},
		{in: "MIT/Apache-2.0", want: "MIT OR Apache-2.0", err: `"/" is not an SPDX operator`},
		{in: "MIT License", err: `"License" follows a licence without AND, OR or WITH`},
		{in: "Apache 2.0", err: `unknown licence id "Apache"`},
		{in: "BSD", err: `unknown licence id "BSD"`},
		{in: "", err: "empty"},
		{in: "MIT AND", err: "ends too early"},
		{in: "(MIT", err: "missing closing parenthesis"},
		{in: "MIT)", err: `unexpected ")"`},
		{in: "MIT WITH", err: "WITH needs an exception"},
		{in: "MIT WITH Nonsense-exception", err: "unknown licence exception"},
		{in: "MIT;", err: "unexpected character"},
		{in: strings.Repeat("(", 100) + "MIT" + strings.Repeat(")", 100), err: "nested too deeply"},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		if tt.err == "" && err != nil {
			t.Errorf("Normalize(%q): %v", tt.in, err)
			continue
		}
		if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("Normalize(%q) error = %v, want %q", tt.in, err, tt.err)
		}
		if got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseAnyKeepsUnknownIDs(t *testing.T) {
	e, err := ParseAny("Anti996 AND MIT")
	if err != nil {
		t.Fatal(err)
	}
	ts := e.Terms()
	if len(ts) != 2 || !ts[0].Unknown || ts[1].Unknown {
		t.Errorf("terms = %+v", ts)
	}
	if _, err := Parse("Anti996 AND MIT"); err == nil {
		t.Error("Parse accepted an id that is not on the SPDX list")
	}
	if e, err := ParseAny("noassertion"); err != nil || e.String() != "NOASSERTION" {
		t.Errorf("ParseAny(noassertion) = %v, %v", e, err)
	}
}

func TestDNF(t *testing.T) {
	tests := map[string][]string{
		"MIT":                                {"MIT"},
		"MIT OR Apache-2.0":                  {"MIT", "Apache-2.0"},
		"MIT AND (ISC OR Apache-2.0)":        {"ISC+MIT", "Apache-2.0+MIT"},
		"(MIT OR ISC) AND (Zlib OR BSL-1.0)": {"MIT+Zlib", "BSL-1.0+MIT", "ISC+Zlib", "BSL-1.0+ISC"},
		"MIT OR MIT":                         {"MIT"},
	}
	for in, want := range tests {
		e, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		d, err := e.DNF()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, set := range d {
			var ids []string
			for _, x := range set {
				ids = append(ids, x.String())
			}
			got = append(got, strings.Join(ids, "+"))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("DNF(%s) (-want +got):\n%s", in, diff)
		}
	}
	big := strings.Repeat("(MIT OR ISC) AND ", 20) + "Zlib"
	e, err := Parse(big)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.DNF(); err == nil {
		t.Error("DNF of 2^20 alternatives did not fail")
	}
}

func TestAgree(t *testing.T) {
	tests := []struct {
		declared, detected string
		want               bool
	}{
		{"MIT", "MIT", true},
		{"mit", "MIT", true},
		{"MIT", "Apache-2.0", false},
		{"MIT", "Apache-2.0 AND MIT", false},
		{"MIT AND Apache-2.0", "Apache-2.0 AND MIT", true},
		// Dual licence files are detected as AND: the ids decide.
		{"MIT OR Apache-2.0", "Apache-2.0 AND MIT", true},
		{"MIT OR Apache-2.0", "MIT", false},
		{"MIT OR Apache-2.0", "Apache-2.0 OR MIT", true},
		{"MIT OR Apache-2.0", "MIT AND Apache-2.0 OR ISC", false},
		// A licence text does not say "only" or "or later".
		{"GPL-3.0-only", "GPL-3.0", true},
		{"GPL-3.0-or-later", "GPL-3.0", true},
		{"GPL-2.0+", "GPL-2.0", true},
		{"GPL-3.0-only", "GPL-3.0-or-later", false},
		{"GPL-3.0-only", "GPL-2.0", false},
		{"LGPL-2.1-or-later", "LGPL-2.1", true},
		{"GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0", true},
		{"GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only WITH GCC-exception-3.1", false},
		{"BSD-3-Clause", "BSD-2-Clause", false},
	}
	for _, tt := range tests {
		d, err := Parse(tt.declared)
		if err != nil {
			t.Fatal(err)
		}
		x, err := ParseAny(tt.detected)
		if err != nil {
			t.Fatal(err)
		}
		if got := Agree(d, x); got != tt.want {
			t.Errorf("Agree(%q, %q) = %v, want %v", tt.declared, tt.detected, got, tt.want)
		}
	}
}

func TestWithoutVariants(t *testing.T) {
	e, err := Parse("(GPL-2.0-or-later OR LGPL-3.0-only) AND Apache-2.0+ AND MIT")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.WithoutVariants().String(), "(GPL-2.0 OR LGPL-3.0) AND Apache-2.0 AND MIT"; got != want {
		t.Errorf("WithoutVariants = %q, want %q", got, want)
	}
	d, _ := Parse("GPL-3.0-or-later")
	x, _ := ParseAny("GPL-3.0-only")
	if Agree(d, x) || !Agree(d, x.WithoutVariants()) {
		t.Error("a detected -only must agree with a declared -or-later only without variants")
	}
}

func TestBuiltinTable(t *testing.T) {
	ids := BuiltinIDs()
	if len(ids) < 150 {
		t.Errorf("built-in table has %d ids, want at least 150", len(ids))
	}
	seen := map[string]Category{}
	for c, list := range builtin() {
		for _, id := range list {
			if prev, ok := seen[id]; ok {
				t.Errorf("%s listed twice (%s and %s)", id, prev, c)
			}
			seen[id] = c
			canon, ok := Known(id)
			if !ok {
				t.Errorf("%s (%s) is not on the SPDX licence list", id, c)
			} else if canon != id {
				t.Errorf("%s is spelt %s on the SPDX list", id, canon)
			}
		}
	}
	for _, x := range linkingExceptions() {
		if _, ok := exception(x); !ok {
			t.Errorf("exception %s is not on the SPDX list", x)
		}
	}
}

func TestCategory(t *testing.T) {
	tab := NewTable(map[string]Category{"LicenseRef-Acme-Open": Permissive, "MPL-2.0": StrongCopyleft})
	tests := map[string]Category{
		"MIT":              Permissive,
		"CC0-1.0":          PublicDomain,
		"GPL-3.0-or-later": StrongCopyleft,
		"GPL-2.0":          StrongCopyleft,
		"AGPL-3.0-only":    NetworkCopyleft,
		"LGPL-2.1-only":    WeakCopyleft,
		"GPL-2.0-only WITH Classpath-exception-2.0": WeakCopyleft,
		"GPL-2.0-only WITH Bison-exception-2.2":     WeakCopyleft,
		"CC-BY-NC-SA-4.0":                           NonCommercial,
		"BUSL-1.1":                                  SourceAvailable,
		"LicenseRef-Internal":                       Proprietary,
		"LicenseRef-Acme-Open":                      Permissive, // override
		"MPL-2.0":                                   StrongCopyleft,
		"NOASSERTION":                               Unknown,
		"Glide":                                     Unknown, // on the SPDX list, not in the table
	}
	for in, want := range tests {
		e, err := ParseAny(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := tab.Category(e.Terms()[0]); got != want {
			t.Errorf("Category(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestPolicy(t *testing.T) {
	tests := []struct {
		name              string
		allow, deny, cats []string
		expr              string
		want              []string
	}{
		{name: "allowed id", allow: []string{"MIT"}, expr: "MIT"},
		{name: "allowed category", allow: []string{"permissive"}, expr: "Apache-2.0 AND MIT"},
		{name: "not allowed", allow: []string{"permissive"}, expr: "GPL-3.0-only",
			want: []string{"GPL-3.0-only (strong-copyleft) is not in the allow list"}},
		{name: "deny wins", allow: []string{"permissive", "GPL-3.0-only"}, deny: []string{"strong-copyleft"}, expr: "GPL-3.0-only",
			want: []string{"GPL-3.0-only is strong-copyleft, which the policy denies"}},
		{name: "deny by id", deny: []string{"AGPL-3.0-only"}, expr: "agpl-3.0-only",
			want: []string{`AGPL-3.0-only (network-copyleft) is denied by "AGPL-3.0-only"`}},
		{name: "deny only, other ids pass", deny: []string{"network-copyleft"}, expr: "GPL-2.0-or-later"},
		{name: "or needs one branch", allow: []string{"permissive"}, expr: "GPL-2.0-only OR MIT"},
		{name: "and needs all", allow: []string{"permissive"}, expr: "GPL-2.0-only AND MIT",
			want: []string{"GPL-2.0-only (strong-copyleft) is not in the allow list"}},
		{name: "no branch", deny: []string{"strong-copyleft", "network-copyleft"}, expr: "GPL-2.0-only OR AGPL-3.0-only",
			want: []string{"GPL-2.0-only is strong-copyleft, which the policy denies", "AGPL-3.0-only is network-copyleft, which the policy denies"}},
		{name: "pattern", deny: []string{"CC-BY-NC-*"}, expr: "CC-BY-NC-4.0",
			want: []string{`CC-BY-NC-4.0 (non-commercial) is denied by "CC-BY-NC-*"`}},
		{name: "bare GNU id covers variants", deny: []string{"GPL-3.0"}, expr: "GPL-3.0-or-later",
			want: []string{`GPL-3.0-or-later (strong-copyleft) is denied by "GPL-3.0"`}},
		{name: "variant does not cover the other", deny: []string{"GPL-3.0-only"}, expr: "GPL-3.0-or-later"},
		{name: "unknown not allowed", allow: []string{"permissive"}, expr: "NOASSERTION",
			want: []string{"NOASSERTION (unknown) is not in the allow list"}},
		{name: "override", allow: []string{"permissive"}, cats: []string{"LicenseRef-Acme=permissive"}, expr: "LicenseRef-Acme"},
		{name: "exception allowed by id with it", allow: []string{"GPL-2.0-only WITH Classpath-exception-2.0"}, expr: "GPL-2.0-only",
			want: []string{"GPL-2.0-only (strong-copyleft) is not in the allow list"}},
		{name: "linking exception is weak", allow: []string{"weak-copyleft", "permissive"}, expr: "GPL-2.0-only WITH Classpath-exception-2.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := NewPolicy(tt.allow, tt.deny, tt.cats)
			if err != nil {
				t.Fatal(err)
			}
			e, err := ParseAny(tt.expr)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range p.Evaluate(e) {
				got = append(got, v.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewPolicyErrors(t *testing.T) {
	_, err := NewPolicy([]string{"permisive", "MIT"}, []string{"GPL-3.0 OR MIT", "[x*"}, []string{"MIT", "MIT=nice", "Bogus-1=permissive"})
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{`allow: "permisive" is neither a category`, "deny: \"GPL-3.0 OR MIT\"", "bad licence pattern", `"MIT": write ID=category`, `unknown category "nice"`, `unknown licence id "Bogus-1"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	p, err := NewPolicy(nil, nil, []string{"DocumentRef-a:LicenseRef-b: permissive", "UNLICENSED=unknown"})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty() {
		t.Error("policy without allow or deny is not empty")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"MIT", "MIT OR Apache-2.0", "(GPL-2.0+ WITH Classpath-exception-2.0) AND LicenseRef-x", "mit/isc", "((", "a AND b OR c", ""} {
		f.Add(s)
	}
	p, err := NewPolicy([]string{"permissive"}, []string{"GPL-*"}, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, strict := range []bool{true, false} {
			e, err := parse(s, strict)
			if err != nil {
				continue
			}
			again, err := parse(e.String(), strict)
			if err != nil {
				t.Fatalf("canonical form %q of %q does not parse: %v", e.String(), s, err)
			}
			if again.String() != e.String() {
				t.Fatalf("canonical form not stable: %q -> %q", e.String(), again.String())
			}
			_, _ = e.DNF()
			_ = p.Evaluate(e)
			_ = Agree(e, e)
		}
	})
}
