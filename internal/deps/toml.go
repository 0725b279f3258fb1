// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// decodeTOML decodes a TOML lockfile, naming the line of a syntax error.
func decodeTOML(p string, data []byte, v any) error {
	if _, err := toml.Decode(string(data), v); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return atLine(p, pe.Position.Line, fmt.Errorf("invalid TOML: %s", pe.Message))
		}
		return atLine(p, 0, fmt.Errorf("invalid TOML: %w", err))
	}
	return nil
}

// tableLines returns the line of each "[[name]]" header, in order: the n-th
// header is the n-th element of the decoded array.
func tableLines(data []byte, name string) []int {
	var out []int
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	n := 0
	header := "[[" + name + "]]"
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == header {
			out = append(out, n)
		}
	}
	return out
}

func lineAt(ls []int, i int) int {
	if i < len(ls) {
		return ls[i]
	}
	return 0
}
