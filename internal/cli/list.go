// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/config"
	"github.com/ospolint/ospolint/internal/ggi"
	"github.com/ospolint/ospolint/rules"
)

func rulesNames() []string { return rules.Names() }

func sortedChecks(m map[string]*checks.Check) []*checks.Check {
	out := make([]*checks.Check, 0, len(m))
	for _, c := range m {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// checkInfo is the JSON shape of `ospolint checks --format json`.
type checkInfo struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Summary    string   `json:"summary"`
	Activities []string `json:"activities"`
	Goal       string   `json:"goal"`
	Level      string   `json:"level"`
	Default    bool     `json:"default"`
	Kind       string   `json:"kind"`
	Needs      string   `json:"needs"`
	HelpURI    string   `json:"helpUri"`
	Options    []opt    `json:"options"`
}

type opt struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Default any    `json:"default"`
	Help    string `json:"help"`
}

func newChecks(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List every check and generic rule kind",
		Args:  cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			def, err := config.LoadBuiltin(config.DefaultSet)
			if err != nil {
				return err
			}
			var infos []checkInfo
			for _, c := range checks.All() {
				ci := checkInfo{ID: c.ID, Title: c.Title, Summary: c.Summary, Activities: c.Activities, Goal: string(c.Goal()),
					Level: c.Level.String(), Kind: "check", Needs: string(c.Needs), HelpURI: c.HelpURI(), Options: []opt{}}
				if s, ok := def.Checks[c.ID]; ok && s.Level != checks.Off {
					ci.Default, ci.Level = true, s.Level.String()
				}
				if c.Template {
					ci.Kind = "rule-kind"
				}
				for _, o := range c.Options {
					ci.Options = append(ci.Options, opt{Name: o.Name, Type: string(o.Type), Default: o.Default, Help: o.Help})
				}
				infos = append(infos, ci)
			}
			switch format {
			case "json":
				return writeOutput("", stdout, func(w io.Writer) error {
					enc := json.NewEncoder(w)
					enc.SetIndent("", "  ")
					return enc.Encode(infos)
				})
			case "text", "":
				return writeOutput("", stdout, func(w io.Writer) error {
					tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
					fmt.Fprintln(tw, "ID\tDEFAULT\tGGI\tTITLE")
					for _, ci := range infos {
						lvl := "-"
						if ci.Default {
							lvl = ci.Level
						}
						if ci.Kind == "rule-kind" {
							lvl = "rule kind"
						}
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ci.ID, lvl, strings.Join(ci.Activities, ","), ci.Title)
					}
					return tw.Flush()
				})
			}
			return usageErr("--format: want text or json, got %q", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text or json")
	return cmd
}

func newExplain(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain CHECK-ID",
		Short: "Print a check's help: why it matters, how to fix it, its GGI activities and options",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			c, ok := checks.Lookup(args[0])
			if !ok {
				return usageErr("unknown check %q (run `ospolint checks`)", args[0])
			}
			return writeOutput("", stdout, func(w io.Writer) error {
				_, err := io.WriteString(w, Explain(c))
				return err
			})
		},
	}
}

// Explain renders a check's help as Markdown; docs/checks.md is made of it.
func Explain(c *checks.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n**%s.** %s\n\n", c.ID, c.Title, c.Summary)
	kind := "check"
	if c.Template {
		kind = "generic rule kind (use it in `rules:` of .ospolint.yml)"
	}
	fmt.Fprintf(&b, "- Kind: %s; default level: %s; needs: %s\n", kind, c.Level, c.Needs)
	for _, id := range c.Activities {
		a, _ := ggi.Lookup(id)
		fmt.Fprintf(&b, "- GGI: [%s %s](%s) (goal: %s)\n", a.ID, a.Title, a.URL(), a.Goal)
	}
	if len(c.Options) > 0 {
		b.WriteString("- Options:\n")
		for _, o := range c.Options {
			fmt.Fprintf(&b, "  - `%s` (%s, default `%v`): %s\n", o.Name, o.Type, fmtDefault(o.Default), o.Help)
		}
	}
	b.WriteString("\n")
	b.WriteString(strings.TrimSpace(c.Help))
	b.WriteString("\n")
	return b.String()
}

func fmtDefault(v any) string {
	if s, ok := v.([]string); ok {
		if len(s) == 0 {
			return "[]"
		}
		return "[" + strings.Join(s, ", ") + "]"
	}
	if v == nil {
		return "none"
	}
	return fmt.Sprint(v)
}

func newRules(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "rules [NAME]",
		Short: "List the built-in rule sets, or print one",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				data, err := rules.Read(args[0])
				if err != nil {
					return usageErr("no built-in rule set %q (known: %s)", args[0], strings.Join(rules.Names(), ", "))
				}
				return writeOutput("", stdout, func(w io.Writer) error {
					_, err := w.Write(data)
					return err
				})
			}
			return writeOutput("", stdout, func(w io.Writer) error {
				_, err := io.WriteString(w, strings.Join(rules.Names(), "\n")+"\n")
				return err
			})
		},
	}
}
