// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ospolint/ospolint/internal/deps"
)

func lockfile() *Check {
	return &Check{
		ID:         "lockfile",
		Title:      "Dependency manifest without a lockfile",
		Summary:    "Every dependency manifest has its lockfile committed, so the dependencies used are known exactly.",
		Activities: []string{"GGI-A-23", "GGI-A-17"},
		Level:      Warning,
		Needs:      NeedFiles,
		Help: `Pairs each dependency manifest with the lockfile that pins what it declares, in its directory or a parent
(workspaces lock at their root):

| manifest | lockfile |
|---|---|
| ` + "`go.mod`" + ` with requirements | ` + "`go.sum`" + ` |
| ` + "`package.json`" + ` with dependencies | ` + "`package-lock.json`" + `, ` + "`npm-shrinkwrap.json`" + `, ` + "`yarn.lock`" + `, ` + "`pnpm-lock.yaml`" + `, ` + "`bun.lock`" + ` |
| ` + "`Cargo.toml`" + ` | ` + "`Cargo.lock`" + ` |
| ` + "`pyproject.toml`" + ` with dependencies | ` + "`poetry.lock`" + `, ` + "`uv.lock`" + `, ` + "`pdm.lock`" + `, ` + "`Pipfile.lock`" + `, a pinned ` + "`requirements*.txt`" + ` |
| ` + "`Pipfile`" + ` | ` + "`Pipfile.lock`" + ` |
| ` + "`requirements.in`" + ` | ` + "`requirements.txt`" + ` |
| ` + "`Gemfile`" + ` | ` + "`Gemfile.lock`" + ` |
| ` + "`composer.json`" + ` with requirements | ` + "`composer.lock`" + ` |

Manifests in dependency and fixture directories (node_modules, vendor, testdata, ...) are not the project's.
A lockfile that cannot be read is reported too, with its line. Not applicable without manifests.
The locked dependencies are the project's inventory of the open source it uses: ` + "`facts.dependencies`" + ` in JSON.

**Why (GGI-A-23 Manage software dependencies; GGI-A-17 Inventory):** without a lockfile, each install may take
other versions than the ones reviewed, and nobody can say which open source the product is made of.

**Fix:** run the package manager's install (` + "`npm install`" + `, ` + "`cargo generate-lockfile`" + `, ` + "`uv lock`" + `,
` + "`bundle lock`" + `, ` + "`composer update --lock`" + `, ` + "`go mod tidy`" + `) and commit the lockfile.`,
		Run: runLockfile,
	}
}

// lockPair is a manifest and the lockfiles that can pin it.
type lockPair struct {
	manifest string
	locks    []string
	// declares reports whether the manifest declares dependencies at all.
	declares func(data []byte) bool
}

func lockPairs() []lockPair {
	always := func([]byte) bool { return true }
	return []lockPair{
		{"go.mod", []string{"go.sum"}, func(b []byte) bool { return strings.Contains(string(b), "require") }},
		{"package.json", []string{"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"}, jsonDeclares("dependencies", "devDependencies", "optionalDependencies")},
		{"Cargo.toml", []string{"Cargo.lock"}, always},
		{"pyproject.toml", []string{"poetry.lock", "uv.lock", "pdm.lock", "Pipfile.lock"}, pyprojectDeclares},
		{"Pipfile", []string{"Pipfile.lock"}, always},
		{"requirements.in", []string{"requirements.txt"}, always},
		{"Gemfile", []string{"Gemfile.lock", "gems.locked"}, always},
		{"composer.json", []string{"composer.lock"}, jsonDeclares("require", "require-dev")},
	}
}

func jsonDeclares(keys ...string) func([]byte) bool {
	return func(data []byte) bool {
		var m map[string]json.RawMessage
		if json.Unmarshal(data, &m) != nil {
			return false
		}
		for _, k := range keys {
			var deps map[string]json.RawMessage
			if json.Unmarshal(m[k], &deps) == nil {
				for n := range deps {
					if n != "php" && !strings.HasPrefix(n, "ext-") {
						return true
					}
				}
			}
		}
		return false
	}
}

func pyprojectDeclares(data []byte) bool {
	var pp struct {
		Project struct {
			Dependencies []string `toml:"dependencies"`
		} `toml:"project"`
		Tool struct {
			Poetry struct {
				Dependencies map[string]any `toml:"dependencies"`
			} `toml:"poetry"`
		} `toml:"tool"`
	}
	if _, err := toml.Decode(string(data), &pp); err != nil {
		return false
	}
	n := len(pp.Project.Dependencies)
	for k := range pp.Tool.Poetry.Dependencies {
		if k != "python" {
			n++
		}
	}
	return n > 0
}

func runLockfile(p *Pass) error {
	judged := 0
	pairs := lockPairs()
	pinned := pinnedRequirements(p)
	for _, e := range p.Target.Files() {
		name := path.Base(e.Path)
		for _, lp := range pairs {
			if name != lp.manifest || e.Escapes || deps.IsDependencyPath(e.Path) {
				continue
			}
			data, err := p.Target.ReadFile(e.Path)
			if err != nil || !lp.declares(data) {
				continue
			}
			judged++
			locks := lp.locks
			if name == "pyproject.toml" {
				if inOrAbove(pinned, e.Dir()) {
					continue
				}
				locks = append(locks[:len(locks):len(locks)], "a pinned requirements*.txt")
			}
			if !hasLock(p, e.Dir(), lp.locks) {
				p.Report(Finding{Path: e.Path, Line: 1, Key: "no-lock",
					Message: fmt.Sprintf("%s declares dependencies but no lockfile pins them (%s, here or in a parent directory); generate and commit one",
						e.Path, strings.Join(locks, ", "))})
			}
		}
	}
	for _, lf := range p.Target.Dependencies().Lockfiles {
		judged++
		if lf.Err != nil {
			// The finding has the path and line: the message says the rest.
			why := lf.Err
			var le *deps.LineError
			if errors.As(why, &le) && le.Path == lf.Path {
				why = le.Err
			}
			p.Report(Finding{Path: lf.Path, Line: lf.ErrLine, Key: "unreadable",
				Message: fmt.Sprintf("lockfile cannot be read: %v", why)})
		}
	}
	if judged == 0 {
		p.NotApplicable("no dependency manifest")
	}
	return nil
}

// pinnedRequirements lists the directories holding a requirements file
// (requirements.txt, requirements-dev.txt, requirements/base.txt) that pins
// at least one package with "==": how pip-tools and many projects lock
// what pyproject.toml declares. A requirements/ folder counts for the
// directory above it.
func pinnedRequirements(p *Pass) map[string]bool {
	dirs := map[string]bool{}
	for _, d := range p.Target.Dependencies().Dependencies {
		if d.Version == "" || deps.Format(d.Path) != "requirements.txt" {
			continue
		}
		dir := path.Dir(d.Path)
		if path.Base(dir) == "requirements" {
			dir = path.Dir(dir)
		}
		if dir == "." {
			dir = ""
		}
		dirs[dir] = true
	}
	return dirs
}

// inOrAbove reports whether dir or one of its parents is in dirs.
func inOrAbove(dirs map[string]bool, dir string) bool {
	return upward(dir, func(d string) bool { return dirs[d] })
}

// hasLock looks for one of the lockfiles in dir or a parent directory.
func hasLock(p *Pass, dir string, locks []string) bool {
	return upward(dir, func(d string) bool {
		for _, l := range locks {
			if _, ok := p.Target.Lookup(path.Join(d, l)); ok {
				return true
			}
		}
		return false
	})
}

// upward reports whether found holds for dir or one of its parents, up to
// the root ("").
func upward(dir string, found func(string) bool) bool {
	for {
		if found(dir) {
			return true
		}
		if dir == "" {
			return false
		}
		dir = path.Dir(dir)
		if dir == "." {
			dir = ""
		}
	}
}
