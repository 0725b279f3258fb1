// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

var gemSpec = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*) \(([^)]+)\)(?: (.*))?$`)

// parseGemfileLock reads Gemfile.lock: the gems of its GEM, GIT and PATH
// sections (a PATH at "." is the project's own gem), DEPENDENCIES for the
// direct ones, and the sha256 sums of CHECKSUMS (Bundler 2.5+).
func parseGemfileLock(p string, data []byte, _ *readContext) ([]Dependency, error) {
	var out []Dependency
	direct := map[string]bool{}
	sums := map[string]string{}
	section, remote := "", ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		ind := len(line) - len(strings.TrimLeft(line, " "))
		t := strings.TrimSpace(line)
		if ind == 0 {
			if strings.ToUpper(t) != t {
				return nil, atLine(p, n, fmt.Errorf("expected a section name such as GEM or DEPENDENCIES, found %q", clip(t)))
			}
			section, remote = t, ""
			continue
		}
		switch section {
		case "GEM", "GIT", "PATH", "PLUGIN SOURCE":
			if ind == 2 {
				if v, ok := strings.CutPrefix(t, "remote:"); ok {
					remote = strings.TrimSpace(v)
				}
				continue
			}
			if ind != 4 {
				continue // 6: what the gem above depends on
			}
			m := gemSpec.FindStringSubmatch(t)
			if m == nil {
				return nil, atLine(p, n, fmt.Errorf("expected a gem such as `rake (13.0.6)`, found %q", clip(t)))
			}
			if section == "PATH" && (remote == "." || remote == "./") {
				continue
			}
			d := Dependency{Name: m[1], Version: gemVersion(m[2]), Line: n}
			if section == "PATH" {
				d.Local = remote
			}
			out = append(out, d)
		case "DEPENDENCIES":
			if ind == 2 {
				name := strings.TrimSuffix(strings.Fields(t)[0], "!")
				direct[name] = true
			}
		case "CHECKSUMS":
			if m := gemSpec.FindStringSubmatch(t); m != nil {
				for _, s := range strings.Split(m[3], ",") {
					if v, ok := strings.CutPrefix(strings.TrimSpace(s), "sha256="); ok {
						sums[m[1]+" "+gemVersion(m[2])] = v
					}
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, atLine(p, n+1, err)
	}
	if len(out) == 0 && len(direct) == 0 && !bytes.Contains(data, []byte("GEM")) {
		return nil, atLine(p, 1, errors.New("no GEM, GIT, PATH or DEPENDENCIES section: not a Gemfile.lock"))
	}
	for i := range out {
		d := &out[i]
		d.Direct = direct[d.Name]
		if v := sums[d.Name+" "+d.Version]; v != "" {
			if raw, err := hex.DecodeString(v); err == nil && len(raw) == 32 {
				d.Checksums = []Checksum{{Algorithm: "SHA256", Value: strings.ToLower(v)}}
			}
		}
	}
	return dedupe(out), nil
}

// gemVersion drops the platform of a locked version ("1.15.4-x86_64-linux").
func gemVersion(v string) string {
	if i := strings.Index(v, "-"); i > 0 {
		return v[:i]
	}
	return v
}

// dedupe keeps the first of several entries for the same name and version
// (one gem locked for several platforms).
func dedupe(ds []Dependency) []Dependency {
	seen := map[string]bool{}
	out := ds[:0]
	for _, d := range ds {
		k := d.Name + "\x00" + d.Version
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}
