// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package redact

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tok := "ghp_abcdefghijklmnop"
	for _, in := range []string{
		"clone https://x-access-token:" + tok + "@github.com/o/r: failed",
		"auth failed with " + tok,
		`"https://user:` + tok + `@example.com/a"`,
	} {
		out := String(in, tok)
		if strings.Contains(out, tok) {
			t.Errorf("token left in %q", out)
		}
	}
	if got := URL("https://u:p@h/x"); got != "https://h/x" {
		t.Errorf("URL = %q", got)
	}
	for in, want := range map[string]string{
		"https://alice:sekrit99@127.0.0.1:1/o/%zz":         "https://127.0.0.1:1/o/%zz",
		"https://host/o/r.git?access_token=sekrit99&x=1":   "https://host/o/r.git?access_token=***&x=1",
		"clone https://u:sekrit99@h/x failed (https://h/)": "clone https://h/x failed (https://h/)",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
		if strings.Contains(URL(in), "sekrit99") {
			t.Errorf("URL(%q) kept the secret", in)
		}
	}
	if got := URL("./dir"); got != "./dir" {
		t.Errorf("URL changed a path: %q", got)
	}
}
