// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// referenceIndent is what encoding/json writes with SetIndent("", "  ").
func referenceIndent(t testing.TB, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteIndentedMatchesEncodingJSON(t *testing.T) {
	values := []any{
		nil, 1.5, "plain", []any{}, map[string]any{},
		map[string]any{"empty": []string{}, "obj": map[string]any{}, "n": nil, "b": true, "neg": -3e-9},
		[]any{[]any{[]any{}}, map[string]any{"a": []any{1, 2, map[string]any{}}}},
		map[string]any{
			`quote"in key`:  `a "quoted" word`,
			"backslashes":   `C:\path\to\` + "\\",
			"ends in slash": "\\",
			"controls":      "tab\tnewline\ncr\r\x00\x1f",
			"brackets":      "[{,:}]",
			"unicode":       "é ✓ \u2028 \u2029 😀",
			"html":          "<a href='x'>&</a>",
		},
	}
	for _, v := range values {
		var got bytes.Buffer
		if err := writeIndented(&got, v); err != nil {
			t.Fatal(err)
		}
		if want := referenceIndent(t, v); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("writeIndented(%#v):\n%s\nwant:\n%s", v, got.Bytes(), want)
		}
	}
}

func FuzzIndentCompact(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":[1,{"b":"c\\\"]"}],"d":{}}`, `["\\",[],"x"]`, `"s"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		var got bytes.Buffer
		if err := writeIndented(&got, v); err != nil {
			t.Fatal(err)
		}
		if want := referenceIndent(t, v); !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("input %q:\n%s\nwant:\n%s", s, got.Bytes(), want)
		}
	})
}
