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
	if got := URL("./dir"); got != "./dir" {
		t.Errorf("URL changed a path: %q", got)
	}
}
