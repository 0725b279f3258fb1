// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"fmt"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// maxIgnoreFile caps a .gitignore read to judge a new file.
const maxIgnoreFile = 1 << 20

// rule is one ignore pattern and where it is written.
type rule struct {
	pattern gitignore.Pattern
	where   string // ".gitignore:11: .*"
}

// ignores answers whether git (and so ospolint's walk and the REUSE tool)
// would ignore a file fix creates: a sidecar or text it cannot see is no
// fix, and `git add` would leave it out. Rules are read once per directory.
type ignores struct {
	t     *Tree
	byDir map[string][]rule // the rules of one directory's .gitignore
}

func newIgnores(t *Tree) *ignores { return &ignores{t: t, byDir: map[string][]rule{}} }

// rules reads the ignore file at name (slash path) for paths under domain.
func (ig *ignores) rules(name string, domain []string) []rule {
	if rs, ok := ig.byDir[name]; ok {
		return rs
	}
	var rs []rule
	if data, err := ig.t.ReadFile(name, maxIgnoreFile); err == nil {
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
				continue
			}
			rs = append(rs, rule{gitignore.ParsePattern(line, domain), fmt.Sprintf("%s:%d: %s", name, i+1, line)})
		}
	}
	ig.byDir[name] = rs
	return rs
}

// ignored says whether a new file at p would be ignored, and by which rule.
func (ig *ignores) ignored(p string) (string, bool) {
	parts := strings.Split(p, "/")
	rs := ig.rules(".git/info/exclude", nil)
	for i := range parts {
		dir := strings.Join(parts[:i], "/")
		rs = append(rs[:len(rs):len(rs)], ig.rules(path.Join(dir, ".gitignore"), parts[:i])...)
	}
	// The last rule that matches decides, as in git.
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i].pattern.Match(parts, false) {
		case gitignore.Exclude:
			return rs[i].where, true
		case gitignore.Include:
			return "", false
		}
	}
	return "", false
}
