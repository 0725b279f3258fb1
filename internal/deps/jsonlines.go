// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// lines converts byte offsets into 1-based line numbers.
type lines []int // offsets of line starts

func newLines(data []byte) lines {
	ls := lines{0}
	for i, c := range data {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

func (ls lines) at(off int64) int {
	return sort.Search(len(ls), func(i int) bool { return int64(ls[i]) > off })
}

// jsonDoc streams a JSON document, giving the line of each object member so
// a finding can point at the package in the lockfile.
type jsonDoc struct {
	path  string
	data  []byte
	dec   *json.Decoder
	lines lines
}

func newJSONDoc(p string, data []byte) *jsonDoc {
	return &jsonDoc{path: p, data: data, dec: json.NewDecoder(bytes.NewReader(data)), lines: newLines(data)}
}

// fail turns a decoding error into one naming the line.
func (d *jsonDoc) fail(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return atLine(d.path, d.lines.at(se.Offset), fmt.Errorf("invalid JSON: %w", err))
	case errors.As(err, &te):
		return atLine(d.path, d.lines.at(te.Offset), fmt.Errorf("unexpected JSON value: %s where %s was expected", te.Value, te.Type))
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return atLine(d.path, d.lines.at(int64(len(d.data))), errors.New("invalid JSON: unexpected end of file"))
	}
	return atLine(d.path, d.lines.at(d.dec.InputOffset()), err)
}

// object reads the members of the object at the decoder's position: fn is
// called with each key and its line and must consume the value (decode it
// or call skip). A value that is not an object is an error.
func (d *jsonDoc) object(fn func(key string, line int) error) error {
	tok, err := d.dec.Token()
	if err != nil {
		return d.fail(err)
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		return atLine(d.path, d.lines.at(d.dec.InputOffset()), fmt.Errorf("expected a JSON object, found %v", tok))
	}
	for d.dec.More() {
		tok, err := d.dec.Token()
		if err != nil {
			return d.fail(err)
		}
		key, _ := tok.(string)
		line := d.lines.at(d.dec.InputOffset())
		if err := fn(key, line); err != nil {
			return err
		}
	}
	if _, err := d.dec.Token(); err != nil {
		return d.fail(err)
	}
	return nil
}

// array reads the elements of the array at the decoder's position.
func (d *jsonDoc) array(fn func(line int) error) error {
	tok, err := d.dec.Token()
	if err != nil {
		return d.fail(err)
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '[' {
		return atLine(d.path, d.lines.at(d.dec.InputOffset()), fmt.Errorf("expected a JSON array, found %v", tok))
	}
	for d.dec.More() {
		// The element starts after the separator the decoder has not read
		// yet: find its first byte for the line.
		off := d.dec.InputOffset()
		for off < int64(len(d.data)) && (d.data[off] == ',' || d.data[off] == ' ' || d.data[off] == '\n' || d.data[off] == '\r' || d.data[off] == '\t') {
			off++
		}
		if err := fn(d.lines.at(off)); err != nil {
			return err
		}
	}
	if _, err := d.dec.Token(); err != nil {
		return d.fail(err)
	}
	return nil
}

// decode reads the next value into v.
func (d *jsonDoc) decode(v any) error {
	start := d.dec.InputOffset()
	if err := d.dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			// The offset counts from the start of this value.
			return atLine(d.path, d.lines.at(start+te.Offset), fmt.Errorf("unexpected JSON value: %s where %s was expected", te.Value, te.Type))
		}
		return d.fail(err)
	}
	return nil
}

// skip reads and drops the next value.
func (d *jsonDoc) skip() error {
	var raw json.RawMessage
	return d.decode(&raw)
}
