// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Options are resolved option values of one check, keyed by option name.
type Options map[string]any

// ResolveOptions merges user values over the defaults of c, converting and
// validating each value. Unknown names are an error naming the option.
func ResolveOptions(c *Check, user map[string]any) (Options, error) {
	out := make(Options, len(c.Options))
	for _, o := range c.Options {
		out[o.Name] = o.Default
	}
	for name, raw := range user {
		o, ok := c.option(name)
		if !ok {
			return nil, fmt.Errorf("check %s has no option %q%s", c.ID, name, c.optionList())
		}
		v, err := ConvertOption(o.Type, raw)
		if err != nil {
			return nil, fmt.Errorf("option %s of %s: %w", name, c.ID, err)
		}
		out[name] = v
	}
	return out, nil
}

// ValidateOptions resolves user values and runs the check's own validation.
func (c *Check) ValidateOptions(user map[string]any) error {
	o, err := ResolveOptions(c, user)
	if err != nil {
		return err
	}
	if c.Validate != nil {
		return c.Validate(o)
	}
	return nil
}

func (c *Check) option(name string) (Option, bool) {
	for _, o := range c.Options {
		if o.Name == name {
			return o, true
		}
	}
	return Option{}, false
}

func (c *Check) optionList() string {
	if len(c.Options) == 0 {
		return " (it takes none)"
	}
	names := make([]string, len(c.Options))
	for i, o := range c.Options {
		names[i] = o.Name
	}
	return " (known: " + strings.Join(names, ", ") + ")"
}

// ConvertOption turns a decoded YAML/JSON value into the Go type of t.
func ConvertOption(t OptionType, raw any) (any, error) {
	switch t {
	case TypeString:
		s, ok := raw.(string)
		if !ok {
			return nil, fmt.Errorf("want a string, got %v", raw)
		}
		return s, nil
	case TypeBool:
		b, ok := raw.(bool)
		if !ok {
			return nil, fmt.Errorf("want true or false, got %v", raw)
		}
		return b, nil
	case TypeInt:
		return toInt(raw)
	case TypeSize:
		if s, ok := raw.(string); ok {
			return ParseSize(s)
		}
		return toInt(raw)
	case TypeStrings:
		switch v := raw.(type) {
		case string:
			return []string{v}, nil
		case []string:
			return v, nil
		case []any:
			out := make([]string, 0, len(v))
			for _, e := range v {
				s, ok := e.(string)
				if !ok {
					return nil, fmt.Errorf("want a list of strings, got %v", e)
				}
				out = append(out, s)
			}
			return out, nil
		}
		return nil, fmt.Errorf("want a list of strings, got %v", raw)
	}
	return nil, fmt.Errorf("unknown option type %q", t)
}

func toInt(raw any) (int64, error) {
	switch v := raw.(type) {
	case int:
		return int64(v), nil
	case int64:
		return v, nil
	case uint64:
		if v > math.MaxInt64 {
			return 0, fmt.Errorf("%d is too large", v)
		}
		return int64(v), nil
	case float64:
		if v != math.Trunc(v) {
			return 0, fmt.Errorf("want a whole number, got %v", v)
		}
		return int64(v), nil
	}
	return 0, fmt.Errorf("want a number, got %v", raw)
}

// ParseSize reads a byte size: "1048576", "512KiB", "10MB", "1 GiB".
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("bad size %q (write e.g. 1048576, 512KiB or 10MB)", s)
	}
	mult := map[string]float64{
		"": 1, "b": 1,
		"k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9,
		"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
	}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("bad size unit %q in %q (use B, KB, MB, GB, KiB, MiB or GiB)", unit, s)
	}
	v := f * mult
	if v > math.MaxInt64/2 {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	return int64(v), nil
}

// String returns a string option.
func (o Options) String(name string) string { s, _ := o[name].(string); return s }

// Int returns an int or size option.
func (o Options) Int(name string) int64 { n, _ := o[name].(int64); return n }

// Bool returns a bool option.
func (o Options) Bool(name string) bool { b, _ := o[name].(bool); return b }

// Strings returns a list option.
func (o Options) Strings(name string) []string { s, _ := o[name].([]string); return s }
