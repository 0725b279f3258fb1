// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

var (
	jsonLicenseKey  = regexp.MustCompile(`"license"\s*:`)
	jsonLicensesKey = regexp.MustCompile(`"licenses"\s*:`)
	seeLicenseIn    = regexp.MustCompile(`(?i)^see licen[cs]e in\s+(.+)$`)
)

// decodeJSON reads a JSON object, turning syntax errors into errors with a
// line.
func decodeJSON(data []byte) (map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&obj); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, atLine(lineOfOffset(data, se.Offset), fmt.Errorf("invalid JSON: %w", err))
		case errors.As(err, &te):
			return nil, atLine(1, errors.New("invalid manifest: the top level must be a JSON object"))
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			return nil, atLine(lineOfOffset(data, int64(len(data))), errors.New("invalid JSON: unexpected end of file"))
		}
		return nil, atLine(lineOfOffset(data, dec.InputOffset()), fmt.Errorf("invalid JSON: %w", err))
	}
	if obj == nil {
		return nil, atLine(1, errors.New("invalid manifest: the top level must be a JSON object"))
	}
	return obj, nil
}

// jsonString decodes raw as a string.
func jsonString(raw json.RawMessage) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// parsePackageJSON reads "license" (an SPDX expression, "UNLICENSED" or
// "SEE LICENSE IN <file>") and the deprecated forms {"type": ...} and
// "licenses": [...].
func parsePackageJSON(data []byte) ([]Field, error) {
	obj, err := decodeJSON(data)
	if err != nil {
		return nil, err
	}
	var out []Field
	if raw, ok := obj["license"]; ok {
		line := findLine(data, 1, jsonLicenseKey)
		if s, ok := jsonString(raw); ok {
			out = append(out, npmLicense("license", s, line))
		} else {
			var legacy struct {
				Type string `json:"type"`
			}
			if json.Unmarshal(raw, &legacy) == nil && legacy.Type != "" {
				f := npmLicense("license", legacy.Type, line)
				if f.Problem == "" {
					f.Problem = fmt.Sprintf(`the object form of "license" is deprecated; write "license": %q`, strings.Join(f.Candidates, " OR "))
				}
				out = append(out, f)
			} else if string(raw) != "null" {
				out = append(out, Field{Name: "license", Line: line, Value: string(raw), SPDX: true,
					Problem: `"license" must be a string holding an SPDX expression, such as "MIT"`})
			}
		}
	}
	if raw, ok := obj["licenses"]; ok {
		line := findLine(data, 1, jsonLicensesKey)
		if f, ok := legacyList("licenses", raw, line, true); ok {
			f.Problem = joinProblems(f.Problem, fmt.Sprintf(`"licenses" is deprecated; write "license": %q`, strings.Join(f.Candidates, " OR ")))
			if len(f.Candidates) == 0 {
				f.Problem = `"licenses" is deprecated and its entries are not SPDX ids; write "license" with an SPDX expression`
			}
			out = append(out, f)
		}
	}
	return out, nil
}

func joinProblems(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// npmLicense reads an npm licence string.
func npmLicense(name, s string, line int) Field {
	v := strings.TrimSpace(s)
	if strings.EqualFold(v, "UNLICENSED") {
		return Field{Name: name, Line: line, Value: s, SPDX: true, Candidates: []string{"UNLICENSED"}}
	}
	if m := seeLicenseIn.FindStringSubmatch(v); m != nil {
		return Field{Name: name, Line: line, Value: s, SPDX: true, File: strings.TrimSpace(m[1])}
	}
	return spdxField(name, s, line)
}

// legacyList reads an array of strings or {"type": ...} objects, meaning a
// choice of licences (OR).
func legacyList(name string, raw json.RawMessage, line int, npm bool) (Field, bool) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || len(items) == 0 {
		return Field{}, false
	}
	var vals []string
	for _, it := range items {
		if s, ok := jsonString(it); ok {
			vals = append(vals, s)
			continue
		}
		var obj struct {
			Type string `json:"type"`
		}
		if json.Unmarshal(it, &obj) == nil && obj.Type != "" {
			vals = append(vals, obj.Type)
		}
	}
	if len(vals) == 0 {
		return Field{}, false
	}
	return listField(name, vals, line, npm), true
}

// listField reads a list of SPDX values offered as a choice.
func listField(name string, vals []string, line int, npm bool) Field {
	f := Field{Name: name, Line: line, Value: strings.Join(vals, ", "), SPDX: true}
	var parts [][]string
	var probs []string
	for _, v := range vals {
		var one Field
		switch {
		case npm:
			one = npmLicense(name, v, line)
		case strings.EqualFold(strings.TrimSpace(v), "proprietary"):
			one = Field{Candidates: []string{"proprietary"}}
		default:
			one = spdxField(name, v, line)
		}
		if one.Problem != "" {
			probs = append(probs, one.Problem)
		}
		if one.File != "" {
			f.File = one.File
			continue
		}
		parts = append(parts, one.Candidates)
	}
	f.Candidates = combineOr(parts)
	f.Problem = strings.Join(probs, "; ")
	return f
}

// parseComposer reads "license": an SPDX expression, "proprietary", or an
// array meaning a choice (Composer documents it as disjunctive).
func parseComposer(data []byte) ([]Field, error) {
	obj, err := decodeJSON(data)
	if err != nil {
		return nil, err
	}
	raw, ok := obj["license"]
	if !ok {
		return nil, nil
	}
	line := findLine(data, 1, jsonLicenseKey)
	if s, ok := jsonString(raw); ok {
		if strings.EqualFold(strings.TrimSpace(s), "proprietary") {
			return []Field{{Name: "license", Line: line, Value: s, SPDX: true, Candidates: []string{"proprietary"}}}, nil
		}
		return []Field{spdxField("license", s, line)}, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		if len(list) == 0 {
			return nil, nil
		}
		return []Field{listField("license", list, line, false)}, nil
	}
	if string(raw) == "null" {
		return nil, nil
	}
	return []Field{{Name: "license", Line: line, Value: string(raw), SPDX: true,
		Problem: `"license" must be a string or an array of strings holding SPDX ids`}}, nil
}
