// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// maxExpanded caps the nodes that aliases may add to a document, as the
// YAML library's own guard does when it decodes into values: a few aliases
// of aliases (the "billion laughs") would otherwise expand to billions of
// nodes. Real configurations reuse a level or a list a handful of times.
const maxExpanded = 100_000

// maxDepth caps the nesting of a document, so a deeply nested one cannot
// exhaust the stack.
const maxDepth = 200

// expander replaces aliases by copies of what they name and applies merge
// keys (`<<: *defaults`), so the rest of the loader sees plain values
// wherever the user wrote an alias. Copies keep the lines where the values
// were written.
type expander struct {
	file  string
	added int
}

func (e *expander) node(n *yaml.Node, depth int, viaAlias bool) (*yaml.Node, error) {
	if depth > maxDepth {
		return nil, &Error{File: e.file, Line: n.Line, Msg: fmt.Sprintf("nested more than %d levels deep", maxDepth)}
	}
	if viaAlias {
		if e.added++; e.added > maxExpanded {
			return nil, &Error{File: e.file, Line: n.Line, Msg: fmt.Sprintf("aliases expand to more than %d values", maxExpanded)}
		}
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, &Error{File: e.file, Line: n.Line, Msg: "unknown anchor " + n.Value}
		}
		return e.node(n.Alias, depth+1, true)
	case yaml.DocumentNode, yaml.SequenceNode:
		out := *n
		out.Content = make([]*yaml.Node, 0, len(n.Content))
		for _, c := range n.Content {
			x, err := e.node(c, depth+1, viaAlias)
			if err != nil {
				return nil, err
			}
			out.Content = append(out.Content, x)
		}
		return &out, nil
	case yaml.MappingNode:
		return e.mapping(n, depth, viaAlias)
	}
	out := *n
	return &out, nil
}

// mapping copies a mapping, applying merge keys: keys written in the
// mapping win over merged ones, and earlier merged mappings over later
// ones, as the YAML merge key type says.
func (e *expander) mapping(n *yaml.Node, depth int, viaAlias bool) (*yaml.Node, error) {
	out := *n
	out.Content = make([]*yaml.Node, 0, len(n.Content))
	var merged []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			m, err := e.node(v, depth+1, viaAlias)
			if err != nil {
				return nil, err
			}
			switch m.Kind {
			case yaml.MappingNode:
				merged = append(merged, m)
			case yaml.SequenceNode:
				for _, item := range m.Content {
					if item.Kind != yaml.MappingNode {
						return nil, &Error{File: e.file, Line: item.Line, Key: "<<", Msg: "a merge key takes a mapping or a list of mappings"}
					}
					merged = append(merged, item)
				}
			default:
				return nil, &Error{File: e.file, Line: v.Line, Key: "<<", Msg: "a merge key takes a mapping or a list of mappings"}
			}
			continue
		}
		kx, err := e.node(k, depth+1, viaAlias)
		if err != nil {
			return nil, err
		}
		vx, err := e.node(v, depth+1, viaAlias)
		if err != nil {
			return nil, err
		}
		out.Content = append(out.Content, kx, vx)
	}
	if len(merged) == 0 {
		return &out, nil
	}
	have := map[string]bool{}
	for i := 0; i+1 < len(out.Content); i += 2 {
		have[out.Content[i].Value] = true
	}
	for _, m := range merged {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if k := m.Content[i]; !have[k.Value] {
				have[k.Value] = true
				out.Content = append(out.Content, k, m.Content[i+1])
			}
		}
	}
	return &out, nil
}
