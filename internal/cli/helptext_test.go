// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package cli_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ospolint/ospolint/checks"
	"github.com/ospolint/ospolint/internal/cli"
	"github.com/ospolint/ospolint/internal/licpolicy"
	"github.com/ospolint/ospolint/rules"
)

// catalogue lists the check IDs the product brief fixes, with those not
// built yet. Help texts may name them only once they are registered: a
// text pointing at a check that does not exist sends users looking for it.
var catalogue = []string{
	"license-file", "license-detected", "license-policy", "license-consistent", "readme", "contributing",
	"code-of-conduct", "security-policy", "codeowners", "sbom-present", "sbom-valid", "sbom-fresh", "lockfile",
	"dependency-update-tool", "vulnerability-scanning", "license-scanning", "review-required",
	"private-vulnerability-reporting", "header-removed", "license-changed", "new-dependency",
}

// helpTexts are what users read: every check's explain text and every
// command's help.
func helpTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	for _, c := range checks.All() {
		texts["explain "+c.ID] = cli.Explain(c)
	}
	root := run(t, nil, "--help")
	root.want(t, cli.ExitOK)
	texts["ospolint --help"] = root.stdout
	_, cmds, _ := strings.Cut(root.stdout, "Available Commands:")
	cmds, _, _ = strings.Cut(cmds, "\n\n")
	for _, line := range strings.Split(strings.TrimSpace(cmds), "\n") {
		name := strings.Fields(line)[0]
		if name == "help" || name == "completion" {
			continue
		}
		r := run(t, nil, name, "--help")
		r.want(t, cli.ExitOK)
		texts["ospolint "+name+" --help"] = r.stdout
	}
	if len(texts) < len(checks.All())+3 {
		t.Fatalf("only %d help texts found", len(texts))
	}
	return texts
}

func TestHelpTextsNameOnlyRealChecks(t *testing.T) {
	// What a backticked kebab-case word may be besides a check: an option
	// name, a licence category, a built-in rule set.
	other := map[string]bool{}
	for _, c := range checks.All() {
		for _, o := range c.Options {
			other[o.Name] = true
		}
	}
	for _, cat := range licpolicy.Categories() {
		other[string(cat)] = true
	}
	for _, n := range rules.Names() {
		other[n] = true
	}
	registered := func(id string) bool {
		c, ok := checks.Lookup(id)
		return ok && c != nil
	}
	apiChecks := slices.ContainsFunc(checks.All(), func(c *checks.Check) bool { return c.Needs == checks.NeedAPI })

	// A family of checks shares its first word (reuse-*, license-*): a
	// backticked word of a family reads as a check ID. Other backticked
	// words name other things (an input of a GitHub action, a file).
	families := map[string]int{}
	for _, c := range checks.All() {
		if first, _, ok := strings.Cut(c.ID, "-"); ok {
			families[first]++
		}
	}
	looksLikeCheck := func(id string) bool {
		first, _, _ := strings.Cut(id, "-")
		return families[first] > 1 || slices.Contains(catalogue, id)
	}

	backticked := regexp.MustCompile("`([a-z0-9]+(?:-[a-z0-9]+)+)`")
	for where, text := range helpTexts(t) {
		for _, m := range backticked.FindAllStringSubmatch(text, -1) {
			if id := m[1]; looksLikeCheck(id) && !registered(id) && !other[id] {
				t.Errorf("%s names `%s`, which looks like a check ID and is none", where, id)
			}
		}
		for _, id := range catalogue {
			if strings.Contains(id, "-") && containsWord(text, id) && !registered(id) {
				t.Errorf("%s names %s, a check that does not exist yet", where, id)
			}
		}
		if !apiChecks && strings.Contains(text, "API check") {
			t.Errorf("%s mentions API checks, and no check reads the API yet", where)
		}
	}
}

// containsWord reports whether id appears in text not as part of a longer
// kebab-case word.
func containsWord(text, id string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], id)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(id)
		if !wordByte(text, start-1) && !wordByte(text, end) {
			return true
		}
		i = start + 1
	}
}

func wordByte(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}
