// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package manifest

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	gemLicense    = regexp.MustCompile(`(?m)^[ \t]*\w+\.(licenses?)[ \t]*=[ \t]*(.*)$`)
	quoted        = regexp.MustCompile(`"([^"\\]*)"|'([^'\\]*)'`)
	percentW      = regexp.MustCompile(`^%[wW]\s*[\[({<](.*?)[\])}>]`)
	rConstraint   = regexp.MustCompile(`^(.+?)\s*\(\s*(>=|==|>|<=|<)?\s*([0-9][0-9.\-]*)\s*\)$`)
	rFile         = regexp.MustCompile(`(?i)\s*\+\s*file\s+(\S+)\s*$`)
	yamlLine      = regexp.MustCompile(`line (\d+)`)
	xmlLicenses   = regexp.MustCompile(`<licenses\b`)
	xmlName       = regexp.MustCompile(`<name\b`)
	xmlLicense    = regexp.MustCompile(`<license\b`)
	xmlLicenseURL = regexp.MustCompile(`<licenseUrl\b`)
	setupKey      = regexp.MustCompile(`^license\s*[=:]`)
)

// parseSetupCfg reads [metadata] license, a free-text name or an SPDX
// expression.
func parseSetupCfg(data []byte) []Field {
	section := ""
	var out []Field
	lines := strings.Split(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		raw := strings.TrimRight(lines[i], "\r")
		t := strings.TrimSpace(raw)
		switch {
		case t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, ";"):
			continue
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			section = strings.ToLower(strings.TrimSpace(t[1 : len(t)-1]))
			continue
		}
		if section != "metadata" || raw[0] == ' ' || raw[0] == '\t' || !setupKey.MatchString(t) {
			continue
		}
		v := strings.TrimSpace(t[strings.IndexAny(t, "=:")+1:])
		// A value may continue on indented lines.
		for v == "" && i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ") && strings.TrimSpace(lines[i+1]) != "" {
			i++
			v = strings.TrimSpace(lines[i])
		}
		if v != "" {
			out = append(out, textField("metadata.license", v, i+1))
		}
	}
	return out
}

// xmlDecoder reads XML declared in Latin-1 or ASCII as well as UTF-8.
func xmlDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(charset string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
			b, err := io.ReadAll(in)
			if err != nil {
				return nil, err
			}
			r := make([]rune, len(b))
			for i, c := range b {
				r[i] = rune(c)
			}
			return strings.NewReader(string(r)), nil
		case "us-ascii", "ascii", "utf8":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", charset)
	}
	return d
}

func xmlErr(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return atLine(se.Line, fmt.Errorf("invalid XML: %s", se.Msg))
	}
	return fmt.Errorf("invalid XML: %w", err)
}

// parsePOM reads <project><licenses><license><name> (and <url> when the
// name is unknown). Several licences mean a choice, as Maven documents.
func parsePOM(data []byte) ([]Field, error) {
	var doc struct {
		XMLName  xml.Name
		Licenses []struct {
			Name string `xml:"name"`
			URL  string `xml:"url"`
		} `xml:"licenses>license"`
	}
	if err := xmlDecoder(data).Decode(&doc); err != nil {
		return nil, xmlErr(err)
	}
	if doc.XMLName.Local != "project" {
		return nil, atLine(1, fmt.Errorf("not a Maven POM: the root element is <%s>, not <project>", doc.XMLName.Local))
	}
	if len(doc.Licenses) == 0 {
		return nil, nil
	}
	line := 0
	if loc := xmlLicenses.FindIndex(data); loc != nil {
		line = lineOfOffset(data, int64(loc[0]))
		if n := xmlName.FindIndex(data[loc[1]:]); n != nil {
			line = lineOfOffset(data, int64(loc[1]+n[0]))
		}
	}
	var vals []string
	var parts [][]string
	unknown := false
	for _, l := range doc.Licenses {
		name := strings.TrimSpace(l.Name)
		ids := fromText(name)
		if ids == nil {
			ids = fromURL(l.URL)
		}
		vals = append(vals, orText(name, strings.TrimSpace(l.URL)))
		if ids == nil {
			unknown = true
		}
		parts = append(parts, ids)
	}
	f := Field{Name: "licenses/license/name", Line: line, Value: strings.Join(vals, ", ")}
	if !unknown {
		f.Candidates = combineOr(parts)
	}
	return []Field{f}, nil
}

func orText(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// parseNuspec reads <metadata><license type="expression|file"> and, when it
// is absent, the deprecated <licenseUrl>.
func parseNuspec(data []byte) ([]Field, error) {
	var doc struct {
		XMLName  xml.Name
		Metadata struct {
			License *struct {
				Type  string `xml:"type,attr"`
				Value string `xml:",chardata"`
			} `xml:"license"`
			LicenseURL string `xml:"licenseUrl"`
		} `xml:"metadata"`
	}
	if err := xmlDecoder(data).Decode(&doc); err != nil {
		return nil, xmlErr(err)
	}
	md := doc.Metadata
	if l := md.License; l != nil {
		line := findLine(data, 1, xmlLicense)
		v := strings.TrimSpace(l.Value)
		switch strings.ToLower(strings.TrimSpace(l.Type)) {
		case "file":
			return []Field{{Name: "metadata/license", Line: line, Value: v, File: v}}, nil
		case "expression", "":
			return []Field{spdxField("metadata/license", v, line)}, nil
		}
		return []Field{{Name: "metadata/license", Line: line, Value: v, SPDX: true,
			Problem: fmt.Sprintf(`license type %q is neither "expression" nor "file"`, l.Type)}}, nil
	}
	u := strings.TrimSpace(md.LicenseURL)
	if u == "" || strings.Contains(u, "aka.ms/deprecateLicenseUrl") {
		return nil, nil
	}
	return []Field{{Name: "metadata/licenseUrl", Line: findLine(data, 1, xmlLicenseURL), Value: u, Candidates: fromURL(u)}}, nil
}

// parseGemspec finds spec.license = "..." and spec.licenses = [...] with
// regular expressions: the file is Ruby and is never run. Values built by
// code (constants, method calls) are skipped.
func parseGemspec(data []byte) []Field {
	var out []Field
	for _, m := range gemLicense.FindAllSubmatchIndex(data, -1) {
		name := "spec." + string(data[m[2]:m[3]])
		line := lineOfOffset(data, int64(m[0]))
		val := strings.TrimSpace(string(data[m[4]:m[5]]))
		// An array may continue over the next lines.
		if strings.HasPrefix(val, "[") && !strings.Contains(val, "]") {
			rest := data[m[5]:]
			if end := bytes.IndexByte(rest, ']'); end >= 0 && end < 2000 {
				val += string(rest[:end+1])
			}
		}
		vals, ok := rubyStrings(val)
		if !ok || len(vals) == 0 {
			continue
		}
		if len(vals) == 1 {
			out = append(out, spdxField(name, vals[0], line))
		} else {
			out = append(out, listField(name, vals, line, false))
		}
	}
	return out
}

// rubyStrings reads a Ruby string literal, an array of them or a %w[] list.
func rubyStrings(v string) ([]string, bool) {
	if i := strings.Index(v, " #"); i >= 0 && !strings.ContainsAny(v[i:], `"'`) {
		v = strings.TrimSpace(v[:i])
	}
	if m := percentW.FindStringSubmatch(v); m != nil {
		return strings.Fields(m[1]), true
	}
	if !strings.HasPrefix(v, "[") && !strings.HasPrefix(v, `"`) && !strings.HasPrefix(v, "'") {
		return nil, false
	}
	var out []string
	for _, q := range quoted.FindAllStringSubmatch(v, 50) {
		out = append(out, q[1]+q[2])
	}
	return out, len(out) > 0
}

// parseDescription reads the License field of an R package DESCRIPTION
// file (Debian control format); a file without a Package field is not one.
func parseDescription(data []byte) []Field {
	fields := map[string]string{}
	lines := map[string]int{}
	last := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), maxManifest)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimRight(sc.Text(), "\r")
		if l == "" {
			continue
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" {
			fields[last] += " " + strings.TrimSpace(l)
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok || strings.ContainsAny(k, " \t") {
			last = ""
			continue
		}
		last = k
		fields[k] = strings.TrimSpace(v)
		lines[k] = n
	}
	lic, ok := fields["License"]
	if _, pkg := fields["Package"]; !pkg || !ok || lic == "" {
		return nil
	}
	f := Field{Name: "License", Line: lines["License"], Value: lic}
	f.Candidates, f.File = fromR(lic)
	return []Field{f}
}

// fromR reads R's licence syntax: alternatives joined by "|", version
// constraints "GPL (>= 2)", and "+ file LICENSE" for the file that names the
// copyright holder (MIT, BSD) or adds terms.
func fromR(v string) ([]string, string) {
	var parts [][]string
	file := ""
	for _, alt := range strings.Split(v, "|") {
		a := strings.TrimSpace(alt)
		if m := rFile.FindStringSubmatch(a); m != nil {
			file = m[1]
			a = strings.TrimSpace(a[:len(a)-len(m[0])])
		}
		if strings.HasPrefix(strings.ToLower(a), "file ") {
			return nil, strings.TrimSpace(a[5:])
		}
		ids := rName(a)
		if ids == nil {
			return nil, file
		}
		parts = append(parts, ids)
	}
	return combineOr(parts), file
}

func rName(a string) []string {
	switch a {
	case "GPL-2", "GPL-3", "LGPL-2", "LGPL-3", "AGPL-3":
		return []string{a + ".0-only"}
	case "LGPL-2.1":
		return []string{"LGPL-2.1-only"}
	case "GPL":
		return []string{"GPL-2.0", "GPL-3.0"}
	case "LGPL":
		return []string{"LGPL-2.1", "LGPL-3.0", "LGPL-2.0"}
	case "BSD_2_clause":
		return []string{"BSD-2-Clause"}
	case "BSD_3_clause":
		return []string{"BSD-3-Clause"}
	case "CC0":
		return []string{"CC0-1.0"}
	case "Apache License", "Apache License 2.0":
		return []string{"Apache-2.0"}
	case "Unlimited":
		return nil
	}
	if m := rConstraint.FindStringSubmatch(a); m != nil {
		base, op, ver := strings.TrimSpace(m[1]), m[2], m[3]
		if !strings.Contains(ver, ".") {
			ver += ".0"
		}
		gnu := map[string]string{"GPL": "GPL-", "LGPL": "LGPL-", "AGPL": "AGPL-"}
		if p, ok := gnu[base]; ok {
			if op == ">=" || op == ">" {
				return []string{p + ver + "-or-later"}
			}
			return []string{p + ver + "-only"}
		}
		other := map[string]string{"Apache License": "Apache-", "Artistic License": "Artistic-", "MPL": "MPL-", "EUPL": "EUPL-"}
		if p, ok := other[base]; ok {
			if canon, err := normalizeID(p + ver); err == nil {
				return []string{canon}
			}
		}
	}
	return fromText(a)
}

func normalizeID(s string) (string, error) {
	ids := fromText(s)
	if len(ids) != 1 {
		return "", fmt.Errorf("unknown licence %q", s)
	}
	return ids[0], nil
}

// parseChart reads the licence annotations of a Helm chart:
// artifacthub.io/license and licenses (used by Bitnami and others).
func parseChart(data []byte) ([]Field, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, atLine(line, fmt.Errorf("invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: ")))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		if root.Kind == 0 {
			return nil, nil
		}
		return nil, atLine(root.Line, errors.New("invalid Chart.yaml: the top level must be a mapping"))
	}
	ann := mapValue(root, "annotations")
	if ann == nil || ann.Kind != yaml.MappingNode {
		return nil, nil
	}
	var out []Field
	for _, key := range []string{"artifacthub.io/license", "licenses"} {
		v := mapValue(ann, key)
		if v == nil {
			continue
		}
		if v.Kind != yaml.ScalarNode {
			out = append(out, Field{Name: "annotations." + key, Line: v.Line, SPDX: true,
				Problem: "the annotation must be a string holding an SPDX expression"})
			continue
		}
		out = append(out, spdxField("annotations."+key, v.Value, v.Line))
	}
	return out, nil
}

// mapValue returns the value node of key in a mapping node.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
