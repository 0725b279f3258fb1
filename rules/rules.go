// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package rules embeds the built-in rule sets. The YAML files beside this one
// are data only: they select checks and set their levels and options, in the
// same format as a user's .ospolint.yml.
package rules

import (
	"embed"
	"sort"
	"strings"
)

//go:embed *.yml
var files embed.FS

// Read returns the YAML of the built-in rule set name.
func Read(name string) ([]byte, error) { return files.ReadFile(name + ".yml") }

// Names lists the built-in rule sets.
func Names() []string {
	des, _ := files.ReadDir(".")
	var out []string
	for _, de := range des {
		out = append(out, strings.TrimSuffix(de.Name(), ".yml"))
	}
	sort.Strings(out)
	return out
}
