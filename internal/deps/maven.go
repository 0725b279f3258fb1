// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

var mavenProp = regexp.MustCompile(`\$\{([^}]+)\}`)

// parsePOM reads the dependencies a Maven pom.xml declares: direct by
// definition, dev when their scope is test. The version is the one written
// (literal or from the POM's own properties), else the one the POM's own
// dependencyManagement gives. A version managed by a parent POM or a BOM
// (Apache Commons' commons-parent), a property defined there, or a range is
// not known from this file: the dependency is listed with no version, as an
// unpinned requirements.txt line is, rather than left out of the
// inventory. A coordinate whose properties expand past maxExpanded is left
// out.
func parsePOM(p string, data []byte, _ *readContext) ([]Dependency, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	type dep struct {
		group, artifact, version, scope string
		line                            int
	}
	var (
		stack   []string
		deps    []dep
		managed []dep
		cur     *dep
		text    strings.Builder
	)
	props := map[string]string{}
	ls := newLines(data)
	dependency := []string{"project", "dependencies", "dependency"}
	management := []string{"project", "dependencyManagement", "dependencies", "dependency"}
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, atLine(p, line, fmt.Errorf("invalid XML: %w", err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			text.Reset()
			if slices.Equal(stack, dependency) || slices.Equal(stack, management) {
				cur = &dep{line: ls.at(off)}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			v := strings.TrimSpace(text.String())
			text.Reset()
			switch {
			case cur != nil && (len(stack) == 4 && slices.Equal(stack[:3], dependency) || len(stack) == 5 && slices.Equal(stack[:4], management)):
				switch stack[len(stack)-1] {
				case "groupId":
					cur.group = v
				case "artifactId":
					cur.artifact = v
				case "version":
					cur.version = v
				case "scope":
					cur.scope = v
				}
			case cur != nil && slices.Equal(stack, dependency):
				deps = append(deps, *cur)
				cur = nil
			case cur != nil && slices.Equal(stack, management):
				managed = append(managed, *cur)
				cur = nil
			case len(stack) == 3 && slices.Equal(stack[:2], []string{"project", "properties"}):
				props[stack[2]] = v
			case len(stack) == 2 && stack[0] == "project":
				props["project."+stack[1]] = v
			case len(stack) == 3 && slices.Equal(stack[:2], []string{"project", "parent"}):
				props["project.parent."+stack[2]] = v
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if props["project.version"] == "" {
		props["project.version"] = props["project.parent.version"]
	}
	if props["project.groupId"] == "" {
		props["project.groupId"] = props["project.parent.groupId"]
	}
	versions := map[string]string{}
	for _, m := range managed {
		g, a, v := expand(m.group, props), expand(m.artifact, props), expand(m.version, props)
		if g != "" && a != "" && pinned(v) {
			versions[g+":"+a] = v
		}
	}
	var out []Dependency
	for _, d := range deps {
		g, a := expand(d.group, props), expand(d.artifact, props)
		if g == "" || a == "" || strings.Contains(g+a, "${") {
			continue
		}
		v := expand(d.version, props)
		if d.version != "" && v == "" {
			continue // past maxExpanded
		}
		if d.version == "" {
			v = versions[g+":"+a]
		}
		if !pinned(v) {
			v = ""
		}
		out = append(out, Dependency{Name: g + ":" + a, Version: v, Line: d.line, Direct: true, Dev: d.scope == "test"})
	}
	return out, nil
}

// pinned reports whether a Maven version is one exact version: not empty,
// not a range, with no property left unresolved.
func pinned(v string) bool {
	return v != "" && !strings.Contains(v, "${") && !strings.ContainsAny(v, "[]()")
}

// maxExpanded caps a coordinate with its properties substituted: a
// version or id is short, and properties that name each other several
// times over would otherwise grow without bound ("${a}${a}" five levels
// deep).
const maxExpanded = 1 << 10

// expand substitutes ${name} properties, a few levels deep; "" when the
// result would exceed maxExpanded.
func expand(s string, props map[string]string) string {
	for range 5 {
		if !strings.Contains(s, "${") {
			return s
		}
		var b strings.Builder
		last := 0
		for _, m := range mavenProp.FindAllStringSubmatchIndex(s, -1) {
			v, ok := props[s[m[2]:m[3]]]
			if !ok {
				v = s[m[0]:m[1]]
			}
			if b.Len()+m[0]-last+len(v) > maxExpanded {
				return ""
			}
			b.WriteString(s[last:m[0]])
			b.WriteString(v)
			last = m[1]
		}
		if b.Len()+len(s)-last > maxExpanded {
			return ""
		}
		b.WriteString(s[last:])
		s = b.String()
	}
	return s
}
