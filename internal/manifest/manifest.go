// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package manifest reads the licence fields of package manifests
// (package.json, Cargo.toml, pyproject.toml, setup.cfg, pom.xml,
// composer.json, *.gemspec, *.nuspec, R DESCRIPTION, Helm Chart.yaml) and
// reads them as SPDX expressions.
package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/ospolint/ospolint/internal/licpolicy"
	"github.com/ospolint/ospolint/internal/repo"
)

// Kind names a manifest format.
type Kind string

// Manifest formats.
const (
	NPM          Kind = "package.json"
	Cargo        Kind = "Cargo.toml"
	PyProject    Kind = "pyproject.toml"
	SetupCfg     Kind = "setup.cfg"
	Maven        Kind = "pom.xml"
	Composer     Kind = "composer.json"
	Gemspec      Kind = "gemspec"
	NuGet        Kind = "nuspec"
	RDescription Kind = "DESCRIPTION"
	Helm         Kind = "Chart.yaml"
)

// Field is one licence statement of a manifest.
type Field struct {
	// Name is the field as the format spells it ("license",
	// "project.license", "classifiers", "licenses/license/name").
	Name string
	Line int
	// Value is the text as written (list items joined with ", ").
	Value string
	// SPDX is true when the format defines the field as an SPDX expression,
	// so a value that is not one is a mistake in the manifest.
	SPDX bool
	// Candidates are the SPDX expressions the value means: one when it is
	// clear, several for an ambiguous name ("BSD License"), none when it
	// cannot be read. Proprietary markers are kept as the single words
	// UNLICENSED or proprietary.
	Candidates []string
	// Problem says why the value is not a valid SPDX expression, with a
	// correction when one is known (SPDX fields only).
	Problem string
	// File is a licence file the field points to instead of naming a
	// licence, relative to the manifest's directory.
	File string
}

// Manifest is a parsed manifest: its licence fields, or why it could not be
// read.
type Manifest struct {
	Path   string
	Kind   Kind
	Fields []Field
	// Err is set when the manifest cannot be parsed; ErrLine is where, 0
	// when unknown.
	Err     error
	ErrLine int
}

// Dir is the manifest's directory, "" at the root.
func (m Manifest) Dir() string {
	d := path.Dir(m.Path)
	if d == "." {
		return ""
	}
	return d
}

// Detect reports whether a file name is a manifest this package reads.
func Detect(p string) (Kind, bool) {
	name := path.Base(p)
	switch name {
	case "package.json":
		return NPM, true
	case "Cargo.toml":
		return Cargo, true
	case "pyproject.toml":
		return PyProject, true
	case "setup.cfg":
		return SetupCfg, true
	case "pom.xml":
		return Maven, true
	case "composer.json":
		return Composer, true
	case "DESCRIPTION":
		return RDescription, true
	case "Chart.yaml":
		return Helm, true
	}
	switch {
	case strings.HasSuffix(name, ".gemspec") && len(name) > len(".gemspec"):
		return Gemspec, true
	case strings.HasSuffix(strings.ToLower(name), ".nuspec") && len(name) > len(".nuspec"):
		return NuGet, true
	}
	return "", false
}

// skipDir reports whether a directory holds other projects' code (installed
// or vendored dependencies, fixtures) whose manifests are not this
// project's declarations.
func skipDir(name string) bool {
	switch strings.ToLower(name) {
	case "node_modules", "bower_components", "jspm_packages", "vendor", "third_party", "third-party",
		"thirdparty", "external", "site-packages", "__pypackages__", ".venv", "venv", ".tox", ".nox",
		"testdata", "fixtures", "__fixtures__", ".git", ".hg", ".svn":
		return true
	}
	return false
}

// Find lists the manifests of the index: at the root and in package
// directories at any depth (monorepos), skipping dependency and fixture
// directories. Paths excluded by the configuration are not in the index.
func Find(ix *repo.Index) []repo.Entry {
	var out []repo.Entry
	for _, e := range ix.Files() {
		if _, ok := Detect(e.Path); !ok {
			continue
		}
		skip := false
		for _, seg := range strings.Split(e.Dir(), "/") {
			if seg != "" && skipDir(seg) {
				skip = true
				break
			}
		}
		if !skip {
			out = append(out, e)
		}
	}
	return out
}

// maxManifest caps what Parse reads; manifests are small.
const maxManifest = 1 << 20

// Parse reads the licence fields of one manifest. It never panics: a
// manifest that cannot be read is returned with Err set.
func Parse(p string, data []byte) (m Manifest) {
	defer func() {
		// A parser bug must not stop a scan; report it as unreadable.
		if v := recover(); v != nil {
			kind, _ := Detect(p)
			m = Manifest{Path: p, Kind: kind, Err: fmt.Errorf("manifest: internal error reading %s: %v", p, v)}
		}
	}()
	return parse(p, data)
}

// parse is Parse without the safety net, so fuzzing sees panics.
func parse(p string, data []byte) Manifest {
	kind, _ := Detect(p)
	m := Manifest{Path: p, Kind: kind}
	if len(data) > maxManifest {
		m.Err = fmt.Errorf("larger than %d bytes", maxManifest)
		return m
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, 0) >= 0 {
		m.Err = errors.New("binary content (NUL bytes)")
		return m
	}
	var err error
	switch kind {
	case NPM:
		m.Fields, err = parsePackageJSON(data)
	case Composer:
		m.Fields, err = parseComposer(data)
	case Cargo:
		m.Fields, err = parseCargo(data)
	case PyProject:
		m.Fields, err = parsePyProject(data)
	case SetupCfg:
		m.Fields = parseSetupCfg(data)
	case Maven:
		m.Fields, err = parsePOM(data)
	case NuGet:
		m.Fields, err = parseNuspec(data)
	case Gemspec:
		m.Fields = parseGemspec(data)
	case RDescription:
		m.Fields = parseDescription(data)
	case Helm:
		m.Fields, err = parseChart(data)
	default:
		err = fmt.Errorf("not a known manifest: %s", p)
	}
	if err != nil {
		m.Err = err
		var le *lineError
		if errors.As(err, &le) {
			m.ErrLine = le.line
		}
	}
	return m
}

// lineError carries the line of a syntax error.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }

func atLine(line int, err error) error {
	if line <= 0 {
		return err
	}
	return &lineError{line: line, err: err}
}

// lineOfOffset converts a byte offset into a 1-based line number.
func lineOfOffset(data []byte, off int64) int {
	if off < 0 {
		return 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// findLine returns the 1-based line of the first match of re at or after
// line from (1-based), or 0.
func findLine(data []byte, from int, re *regexp.Regexp) int {
	lines := bytes.Split(data, []byte("\n"))
	if from < 1 {
		from = 1
	}
	for i := from - 1; i < len(lines); i++ {
		if re.Match(lines[i]) {
			return i + 1
		}
	}
	return 0
}

// findText returns the line of the first line containing s at or after
// from, or 0.
func findText(data []byte, from int, s string) int {
	if s == "" {
		return 0
	}
	return findLine(data, from, regexp.MustCompile(regexp.QuoteMeta(s)))
}

// spdxField reads a value the format defines as an SPDX expression.
func spdxField(name, value string, line int) Field {
	f := Field{Name: name, Line: line, Value: value, SPDX: true}
	v := strings.TrimSpace(value)
	if v == "" {
		f.Problem = "the licence field is empty; write an SPDX expression such as MIT or Apache-2.0"
		return f
	}
	canon, err := licpolicy.Normalize(v)
	switch {
	case err == nil:
		f.Candidates = []string{canon}
	case canon != "":
		// Readable but not valid as written (lower-case operators, "/").
		f.Candidates = []string{canon}
		f.Problem = fmt.Sprintf("%q is not a valid SPDX expression: %v", v, err)
	default:
		f.Problem = fmt.Sprintf("%q is not a valid SPDX expression: %v", v, err)
		if alts := fromName(v); len(alts) == 1 {
			f.Candidates = alts
			f.Problem += fmt.Sprintf(" (write %q)", alts[0])
		} else if len(alts) > 1 {
			f.Candidates = alts
			f.Problem += fmt.Sprintf(" (ambiguous: write one of %s)", strings.Join(alts, ", "))
		} else {
			f.Problem += " (see https://spdx.org/licenses/)"
		}
	}
	return f
}

// textField reads a free-text licence name: known names and SPDX
// expressions are understood, anything else is left unread.
func textField(name, value string, line int) Field {
	return Field{Name: name, Line: line, Value: value, Candidates: fromText(value)}
}

// fromText reads a free-text licence name.
func fromText(v string) []string {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	if alts := fromName(v); len(alts) > 0 {
		return alts
	}
	if canon, err := licpolicy.Normalize(v); err == nil || canon != "" {
		return []string{canon}
	}
	return nil
}

// combineOr joins the candidates of several statements that offer a choice
// (several licence classifiers, pom <license> entries, composer arrays),
// capping the combinations of ambiguous names.
func combineOr(parts [][]string) []string {
	const most = 16
	group := func(s string) string {
		if strings.Contains(s, " ") {
			return "(" + s + ")"
		}
		return s
	}
	var out []string
	for i, p := range parts {
		if len(p) == 0 {
			return nil
		}
		if i == 0 {
			out = append(out, p...)
			continue
		}
		var next []string
		for _, a := range out {
			for _, b := range p {
				if len(next) < most {
					next = append(next, group(a)+" OR "+group(b))
				}
			}
		}
		out = next
	}
	if len(out) > most {
		out = out[:most]
	}
	return out
}
