// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package manifest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

var tomlLicenseKey = regexp.MustCompile(`^\s*["']?license["']?\s*=`)

func decodeTOML(data []byte) (map[string]any, error) {
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, atLine(pe.Position.Line, fmt.Errorf("invalid TOML: %s", pe.Message))
		}
		return nil, fmt.Errorf("invalid TOML: %w", err)
	}
	return doc, nil
}

// table returns doc[a][b]... as a table, nil when absent or not a table.
func table(doc map[string]any, keys ...string) map[string]any {
	cur := doc
	for _, k := range keys {
		next, ok := cur[k].(map[string]any)
		if !ok {
			return nil
		}
		cur = next
	}
	return cur
}

// keyLine finds the line of key inside the section [header] (any of the
// headers given), falling back to the first line defining key.
func keyLine(data []byte, key *regexp.Regexp, headers ...string) int {
	for _, h := range headers {
		re := regexp.MustCompile(`^\s*\[\s*` + regexp.QuoteMeta(h) + `\s*\]\s*(#.*)?$`)
		if start := findLine(data, 1, re); start > 0 {
			if l := findLine(data, start+1, key); l > 0 {
				return l
			}
		}
	}
	return findLine(data, 1, key)
}

// parseCargo reads [package] (and [workspace.package]) license and
// license-file. "license.workspace = true" inherits the workspace's value,
// which is read from the workspace's own Cargo.toml.
func parseCargo(data []byte) ([]Field, error) {
	doc, err := decodeTOML(data)
	if err != nil {
		return nil, err
	}
	fileKey := regexp.MustCompile(`^\s*["']?license-file["']?\s*=`)
	var out []Field
	for _, sec := range []struct {
		keys   []string
		prefix string
	}{{[]string{"package"}, "package."}, {[]string{"workspace", "package"}, "workspace.package."}} {
		t := table(doc, sec.keys...)
		if t == nil {
			continue
		}
		header := strings.Join(sec.keys, ".")
		if s, ok := t["license"].(string); ok {
			out = append(out, spdxField(sec.prefix+"license", s, keyLine(data, tomlLicenseKey, header)))
		}
		if s, ok := t["license-file"].(string); ok && strings.TrimSpace(s) != "" {
			out = append(out, Field{Name: sec.prefix + "license-file", Line: keyLine(data, fileKey, header), Value: s, File: strings.TrimSpace(s)})
		}
	}
	return out, nil
}

// parsePyProject reads PEP 621 project.license (a string is a PEP 639
// SPDX expression; a table has text or file), the licence classifiers and
// Poetry's tool.poetry.license.
func parsePyProject(data []byte) ([]Field, error) {
	doc, err := decodeTOML(data)
	if err != nil {
		return nil, err
	}
	var out []Field
	if proj := table(doc, "project"); proj != nil {
		line := keyLine(data, tomlLicenseKey, "project")
		switch v := proj["license"].(type) {
		case string:
			out = append(out, spdxField("project.license", v, line))
		case map[string]any:
			if s, ok := v["text"].(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, textField("project.license.text", s, line))
			}
			if s, ok := v["file"].(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, Field{Name: "project.license.file", Line: line, Value: s, File: strings.TrimSpace(s)})
			}
		}
		if cs, ok := proj["classifiers"].([]any); ok {
			if f, ok := classifierField("project.classifiers", cs, data); ok {
				out = append(out, f)
			}
		}
	}
	if poetry := table(doc, "tool", "poetry"); poetry != nil {
		if s, ok := poetry["license"].(string); ok {
			out = append(out, spdxField("tool.poetry.license", s, keyLine(data, tomlLicenseKey, "tool.poetry")))
		}
	}
	return out, nil
}

// classifierField reads the licence classifiers of a list, several meaning
// a choice.
func classifierField(name string, cs []any, data []byte) (Field, bool) {
	var vals []string
	var parts [][]string
	line := 0
	unknown := false
	for _, c := range cs {
		s, ok := c.(string)
		if !ok {
			continue
		}
		ids, isLicense, known := fromClassifier(s)
		if !isLicense {
			continue
		}
		vals = append(vals, s)
		if line == 0 {
			line = findText(data, 1, s)
		}
		switch {
		case !known:
			unknown = true
		case ids != nil:
			parts = append(parts, ids)
		}
	}
	if len(vals) == 0 {
		return Field{}, false
	}
	f := Field{Name: name, Line: line, Value: strings.Join(vals, ", ")}
	if !unknown {
		f.Candidates = combineOr(parts)
	}
	return f, true
}
