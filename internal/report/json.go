// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strconv"
	"sync"

	"github.com/ospolint/ospolint/internal/scan"
)

// JSON writes the versioned JSON report (docs/json-report.md).
//
// The findings are most of a report (26,000 of them on a tree shaped like
// u-boot's, 14 MB) and are written by appendFindings, without reflection;
// the rest goes through encoding/json with each target's findings left
// null, and the findings are put in their place. The bytes are those
// writeIndented writes for the whole report (TestJSONMatchesEncodingJSON,
// FuzzFindingJSON).
func JSON(w io.Writer, r *scan.Report) error {
	shell := *r
	if r.Targets != nil {
		shell.Targets = make([]*scan.TargetResult, len(r.Targets))
	}
	for i, t := range r.Targets {
		c := *t
		c.Findings = nil
		shell.Targets[i] = &c
	}
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&shell); err != nil {
		return err
	}
	rest := indentCompact(bytes.TrimSuffix(compact.Bytes(), []byte("\n")))
	// The report is written piece by piece, the findings in the chunks
	// they were encoded in: joining them first cost a copy of 14 MB.
	bw := bufio.NewWriterSize(w, 64<<10)
	// The key of a target's findings, at its indentation: a key of the
	// target object, not of anything nested in it, nor text in a string.
	const key = "\n      \"findings\": "
	for _, t := range r.Targets {
		i := bytes.Index(rest, []byte(key+"null"))
		if i < 0 {
			return errors.New("json report: a target's findings are not where they belong")
		}
		if _, err := bw.Write(rest[:i+len(key)]); err != nil {
			return err
		}
		if err := writeFindings(bw, t.Findings); err != nil {
			return err
		}
		rest = rest[i+len(key)+len("null"):]
	}
	if _, err := bw.Write(rest); err != nil {
		return err
	}
	return bw.Flush()
}

// findingDepth is the nesting of a target's findings array in the report
// (report, targets, target).
const findingDepth = 3

// writeFindings writes fs as encoding/json with SetIndent("", "  ") and HTML
// escaping off writes a target's findings array at findingDepth. Runs of
// findingChunk findings are encoded side by side, a round of them at a
// time, into buffers reused from round to round, and written in order: the
// 26,000 findings of a tree shaped like u-boot's (14 MB) never sit in
// memory at once.
func writeFindings(w io.Writer, fs []scan.Finding) error {
	if fs == nil {
		_, err := io.WriteString(w, "null")
		return err
	}
	if len(fs) == 0 {
		_, err := io.WriteString(w, "[]")
		return err
	}
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	chunks := (len(fs) + findingChunk - 1) / findingChunk
	bufs := make([][]byte, min(runtime.GOMAXPROCS(0), chunks))
	errs := make([]error, len(bufs))
	for first := 0; first < chunks; first += len(bufs) {
		round := min(len(bufs), chunks-first)
		var wg sync.WaitGroup
		for k := range round {
			lo := (first + k) * findingChunk
			hi := min(lo+findingChunk, len(fs))
			wg.Go(func() {
				bufs[k], errs[k] = appendFindingRun(bufs[k][:0], fs[lo:hi], lo == 0)
			})
		}
		wg.Wait()
		for k := range round {
			if errs[k] != nil {
				return errs[k]
			}
			if _, err := w.Write(bufs[k]); err != nil {
				return err
			}
		}
	}
	_, err := w.Write(append(indentLine(nil, findingDepth), ']'))
	return err
}

// findingChunk is how many findings a goroutine encodes at a time.
const findingChunk = 1024

// appendFindingRun appends the elements fs of a findings array, the first
// after a comma unless first is set.
func appendFindingRun(dst []byte, fs []scan.Finding, first bool) ([]byte, error) {
	var err error
	for i := range fs {
		if i > 0 || !first {
			dst = append(dst, ',')
		}
		dst = indentLine(dst, findingDepth+1)
		if dst, err = appendFinding(dst, &fs[i], findingDepth+1); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// appendFinding appends one finding, an object at depth, its fields in the
// order and with the omitempty rules of scan.Finding's json tags.
func appendFinding(dst []byte, f *scan.Finding, depth int) ([]byte, error) {
	in := depth + 1
	dst = append(dst, '{')
	dst = appendKey(dst, "check", in, true)
	dst = appendString(dst, f.Check)
	dst = appendKey(dst, "level", in, false)
	dst = appendString(dst, f.Level)
	dst = appendKey(dst, "message", in, false)
	dst = appendString(dst, f.Message)
	dst = appendKey(dst, "path", in, false)
	dst = appendString(dst, f.Path)
	if f.Line != 0 {
		dst = appendKey(dst, "line", in, false)
		dst = strconv.AppendInt(dst, int64(f.Line), 10)
	}
	dst = appendKey(dst, "ggi", in, false)
	dst = append(dst, '{')
	dst = appendKey(dst, "activities", in+1, true)
	dst = appendStrings(dst, f.GGI.Activities, in+1)
	dst = appendKey(dst, "goal", in+1, false)
	dst = appendString(dst, f.GGI.Goal)
	dst = indentLine(dst, in)
	dst = append(dst, '}')
	dst = appendKey(dst, "fingerprint", in, false)
	dst = appendString(dst, f.Fingerprint)
	if w := f.Waived; w != nil {
		dst = appendKey(dst, "waived", in, false)
		dst = append(dst, '{')
		dst = appendKey(dst, "reason", in+1, true)
		dst = appendString(dst, w.Reason)
		if w.Until != "" {
			dst = appendKey(dst, "until", in+1, false)
			dst = appendString(dst, w.Until)
		}
		dst = appendKey(dst, "file", in+1, false)
		dst = appendString(dst, w.File)
		dst = appendKey(dst, "line", in+1, false)
		dst = strconv.AppendInt(dst, int64(w.Line), 10)
		dst = indentLine(dst, in)
		dst = append(dst, '}')
	}
	if len(f.Properties) > 0 {
		// Values of any type: encoding/json writes them, and sorts the keys.
		b, err := compactJSON(f.Properties)
		if err != nil {
			return nil, err
		}
		dst = appendKey(dst, "properties", in, false)
		dst = appendIndented(dst, b, in)
	}
	if f.Advisory {
		dst = appendKey(dst, "advisory", in, false)
		dst = append(dst, "true"...)
	}
	dst = indentLine(dst, depth)
	return append(dst, '}'), nil
}

// appendKey appends an object's key on a line of its own at depth, after a
// comma unless it is the object's first.
func appendKey(dst []byte, key string, depth int, first bool) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = indentLine(dst, depth)
	dst = appendString(dst, key)
	return append(dst, ':', ' ')
}

func indentLine(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}

// appendStrings appends a list of strings whose elements are at depth+1.
func appendStrings(dst []byte, ss []string, depth int) []byte {
	if ss == nil {
		return append(dst, "null"...)
	}
	if len(ss) == 0 {
		return append(dst, "[]"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = indentLine(dst, depth+1)
		dst = appendString(dst, s)
	}
	dst = indentLine(dst, depth)
	return append(dst, ']')
}

// appendString appends s quoted as encoding/json quotes it with HTML
// escaping off. Printable ASCII without quotes or backslashes, nearly every
// string of a report, is copied as it is; anything else is left to
// encoding/json (control characters, invalid UTF-8, U+2028 and U+2029 are
// escaped).
func appendString(dst []byte, s string) []byte {
	if !plainASCII(s) {
		b, _ := compactJSON(s) // a string always encodes
		return append(dst, b...)
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// plainASCII reports whether s holds only printable ASCII other than '"'
// and '\\', which JSON quotes as they are: eight bytes at a time, as a
// report's messages and paths are long.
func plainASCII(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		q, b := x^(ones*'"'), x^(ones*'\\')
		// With no high bit set in x (checked first), a byte of x below
		// 0x20, or a byte of q or b that is zero, sets the high bit of its
		// byte in special and not in x; the XORed bytes keep x's high bits.
		special := (x - ones*0x20) | (q - ones) | (b - ones)
		if x&highs != 0 || special&^x&highs != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// compactJSON is v as encoding/json writes it with HTML escaping off,
// without the final newline.
func compactJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
