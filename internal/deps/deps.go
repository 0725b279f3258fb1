// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package deps reads the dependencies a repository locks or declares —
// go.mod with go.sum, package-lock.json, yarn.lock, pnpm-lock.yaml,
// Cargo.lock, poetry.lock, uv.lock, Pipfile.lock, requirements.txt,
// Gemfile.lock, composer.lock and Maven pom.xml — into one inventory with
// package URLs and, where something on disk says so, licences. It never
// touches the network: licences come from the lockfiles, installed packages
// (node_modules, vendor), the Go module cache when it is populated, and
// vendored trees.
package deps

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/ospolint/ospolint/internal/repo"
)

// Ecosystem is a package ecosystem, spelled as the purl type.
type Ecosystem string

// Ecosystems read.
const (
	Go       Ecosystem = "golang"
	NPM      Ecosystem = "npm"
	Cargo    Ecosystem = "cargo"
	PyPI     Ecosystem = "pypi"
	Gem      Ecosystem = "gem"
	Composer Ecosystem = "composer"
	Maven    Ecosystem = "maven"
)

// NoAssertion is the licence of a dependency nothing on disk declares.
const NoAssertion = "NOASSERTION"

// Where a dependency's licence came from.
const (
	SourceLockfile      = "lockfile"       // the lockfile's own field (npm, composer)
	SourceManifest      = "manifest"       // the installed package's manifest (node_modules/*/package.json, vendor/*/composer.json)
	SourceLicense       = "license-file"   // licence files of the installed or vendored package, identified by ospolint
	SourceModCache      = "module-cache"   // licence files in the Go module cache, identified by ospolint
	SourceRegistryCache = "registry-cache" // Cargo's unpacked crate: its Cargo.toml licence field, else its licence files
	SourceSBOM          = "sbom"           // a committed SBOM declares it
	SourceVendorTree    = "vendor"         // licence files under vendor/ or third_party/
)

// Checksum is a digest of the package archive, as the lockfile records it.
type Checksum struct {
	// Algorithm is the SPDX name: SHA1, SHA256, SHA512.
	Algorithm string `json:"algorithm"`
	// Value is lower-case hex.
	Value string `json:"value"`
}

// Dependency is one package a lockfile locks (or a manifest pins).
type Dependency struct {
	Ecosystem Ecosystem `json:"ecosystem"`
	Name      string    `json:"name"`
	// Version is the locked version; "" when the file pins none (an
	// unpinned requirements.txt line, a local replacement).
	Version string `json:"version"`
	PURL    string `json:"purl"`
	// Direct is true for what the project itself declares, false for what
	// its dependencies bring.
	Direct bool `json:"direct"`
	// Dev marks development-only dependencies (devDependencies, test
	// scope, dev groups).
	Dev bool `json:"dev,omitempty"`
	// License is an SPDX expression, or NOASSERTION.
	License string `json:"license"`
	// LicenseSource says where License came from ("" with NOASSERTION).
	LicenseSource string `json:"licenseSource,omitempty"`
	// LicensePath is the file License was read from, when it is not the
	// lockfile (relative to the repository, or to the module cache or the
	// Cargo registry cache).
	LicensePath string `json:"licensePath,omitempty"`
	// Path is the lockfile (or manifest) and Line where the package is
	// written, 1-based (0 when unknown).
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
	// Checksums are the digests the lockfile records for the package
	// archive (npm integrity, Cargo checksum, ...).
	Checksums []Checksum `json:"checksums,omitempty"`
	// Replaces is, for a Go module replaced in go.mod, the module path as
	// required; Name and Version are then the replacement's.
	Replaces string `json:"replaces,omitempty"`
	// Local is a directory the dependency comes from instead of a registry
	// (a Go replace with a path, an npm file: link).
	Local string `json:"local,omitempty"`

	// dir is where the package is installed in the repository
	// (node_modules/a/node_modules/b, vendor/github.com/x/y), "" when it is
	// not.
	dir string
	// viaInput marks a requirements line pip-compile says a requirements
	// input names (direct even when other packages also need it).
	viaInput bool
	// declared is the raw licence text the lockfile holds, before
	// normalisation (kept for messages).
	declared string
}

// Declared is the licence as written where it was read, before it was
// turned into an SPDX expression ("" when nothing declared one).
func (d Dependency) Declared() string { return d.declared }

// Key identifies a package across files: ecosystem, name and version.
func (d Dependency) Key() string { return string(d.Ecosystem) + "\x00" + d.Name + "\x00" + d.Version }

// Lockfile is one file read, with what it gave or why it could not be read.
type Lockfile struct {
	Path      string    `json:"path"`
	Format    string    `json:"format"`
	Ecosystem Ecosystem `json:"ecosystem"`
	// Packages is how many dependencies the file gave.
	Packages int `json:"packages"`
	// Err says why the file could not be read; ErrLine is where, 0 when
	// unknown.
	Err     error `json:"-"`
	ErrLine int   `json:"-"`
}

// Inventory is every dependency of the repository.
type Inventory struct {
	// Dependencies are sorted by ecosystem, name, version and path.
	Dependencies []Dependency
	// Lockfiles are the files read, sorted by path.
	Lockfiles []Lockfile
}

// Options tune Read.
type Options struct {
	// GoModCache is the Go module cache to read licences from ("" skips
	// it). ModCache finds the machine's.
	GoModCache string
	// CargoRegistry is where Cargo unpacks crates, one directory per
	// registry ("" skips it). CargoRegistry() finds the machine's.
	CargoRegistry string
	// Licenses, when set, identifies licence files of installed, vendored
	// and cached packages (a licensecheck run per file); without it only
	// declared licences (lockfile fields, package manifests) are read.
	Licenses bool
	// Skip reports directories whose files are not the project's own
	// declarations; default: IsDependencyDir on every segment.
	Skip func(dir string) bool
}

// format is one file format this package reads.
type format struct {
	name      string
	ecosystem Ecosystem
	// match reports whether a file (base name, and the whole path) is in
	// this format.
	match func(base, p string) bool
	parse func(p string, data []byte, ctx *readContext) ([]Dependency, error)
	// manifest, when set, names the file declaring the direct
	// dependencies, in the same directory.
	manifest string
}

func exact(name string) func(string, string) bool {
	return func(base, _ string) bool { return base == name }
}

func formats() []format {
	return []format{
		{name: "go.mod", ecosystem: Go, match: exact("go.mod"), parse: parseGoMod},
		{name: "package-lock.json", ecosystem: NPM, match: func(b, _ string) bool {
			return b == "package-lock.json" || b == "npm-shrinkwrap.json"
		}, parse: parsePackageLock, manifest: "package.json"},
		{name: "yarn.lock", ecosystem: NPM, match: exact("yarn.lock"), parse: parseYarnLock, manifest: "package.json"},
		{name: "pnpm-lock.yaml", ecosystem: NPM, match: exact("pnpm-lock.yaml"), parse: parsePnpmLock},
		{name: "Cargo.lock", ecosystem: Cargo, match: exact("Cargo.lock"), parse: parseCargoLock},
		{name: "poetry.lock", ecosystem: PyPI, match: exact("poetry.lock"), parse: parsePoetryLock, manifest: "pyproject.toml"},
		{name: "uv.lock", ecosystem: PyPI, match: exact("uv.lock"), parse: parseUVLock},
		{name: "Pipfile.lock", ecosystem: PyPI, match: exact("Pipfile.lock"), parse: parsePipfileLock, manifest: "Pipfile"},
		{name: "requirements.txt", ecosystem: PyPI, match: isRequirements, parse: parseRequirements},
		{name: "Gemfile.lock", ecosystem: Gem, match: func(b, _ string) bool {
			return b == "Gemfile.lock" || b == "gems.locked"
		}, parse: parseGemfileLock},
		{name: "composer.lock", ecosystem: Composer, match: exact("composer.lock"), parse: parseComposerLock, manifest: "composer.json"},
		{name: "pom.xml", ecosystem: Maven, match: exact("pom.xml"), parse: parsePOM},
	}
}

// isRequirements matches requirements.txt, requirements-dev.txt,
// requirements/base.txt and the like, but not requirements.in (the input
// pip-compile reads, without pins).
func isRequirements(base, p string) bool {
	if !strings.HasSuffix(base, ".txt") {
		return false
	}
	if strings.HasPrefix(base, "requirements") {
		return true
	}
	dir := path.Base(path.Dir(p))
	return dir == "requirements"
}

// Format names the lockfile format of a path ("go.mod",
// "package-lock.json", ...), or "" when this package does not read it.
func Format(p string) string {
	if f, ok := lookupFormat(p); ok {
		return f.name
	}
	return ""
}

// candidateName is a cheap first test on a path, so a walk of a large tree
// without lockfiles builds no format table per file (a tree of text files
// included).
func candidateName(base, p string) bool {
	switch base {
	case "go.mod", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "poetry.lock",
		"uv.lock", "Pipfile.lock", "Gemfile.lock", "gems.locked", "composer.lock", "pom.xml":
		return true
	}
	return isRequirements(base, p)
}

func lookupFormat(p string) (format, bool) {
	base := path.Base(p)
	if !candidateName(base, p) {
		return format{}, false
	}
	for _, f := range formats() {
		if f.match(base, p) {
			return f, true
		}
	}
	return format{}, false
}

// IsDependencyDir reports whether a directory name holds other projects'
// code (installed or vendored dependencies, fixtures), whose lockfiles are
// not the project's.
func IsDependencyDir(name string) bool {
	if len(name) < 3 || len(name) > 16 {
		return false
	}
	switch strings.ToLower(name) {
	case "node_modules", "bower_components", "jspm_packages", "vendor", "third_party", "third-party",
		"site-packages", "__pypackages__", ".venv", "venv", ".tox", ".nox", "testdata", "fixtures",
		"__fixtures__", ".git", ".yarn", ".pnpm-store", "target":
		return true
	}
	return false
}

func defaultSkip(dir string) bool {
	for _, seg := range strings.Split(dir, "/") {
		if seg != "" && seg != "." && IsDependencyDir(seg) {
			return true
		}
	}
	return false
}

// IsDependencyPath reports whether a path lies in a dependency directory
// (IsDependencyDir on any of its directories).
func IsDependencyPath(p string) bool {
	// Segment by segment without allocating: this runs once per file of
	// the repository.
	for {
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return false
		}
		if IsDependencyDir(p[:i]) {
			return true
		}
		p = p[i+1:]
	}
}

// Lockfiles returns the paths among files that Read reads, sorted.
func Lockfiles(files []string, skip func(dir string) bool) []string {
	if skip == nil {
		skip = defaultSkip
	}
	var out []string
	for _, p := range files {
		if _, ok := lookupFormat(p); !ok {
			continue
		}
		if d := path.Dir(p); d != "." && skip(d) {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// maxLockfile caps what Read reads of one file: big lockfiles of large
// monorepos stay well below it.
const maxLockfile = 64 << 20

// readContext carries what parsers may read besides their own file: the
// manifest beside it, for the direct dependencies.
type readContext struct {
	fsys fs.FS
	dir  string // the lockfile's directory, "" at the root
}

// sibling reads a file in the lockfile's directory, nil when absent.
func (c *readContext) sibling(name string) []byte {
	if c == nil || c.fsys == nil {
		return nil
	}
	data, err := repo.ReadFile(c.fsys, path.Join(c.dir, name), maxManifestSize)
	if err != nil {
		return nil
	}
	return data
}

const maxManifestSize = 4 << 20

// Read parses every lockfile among files (slash-separated paths of fsys;
// other paths are ignored) and fills in licences from what is on disk. A file
// that cannot be read is listed in Lockfiles with its error; the returned
// error joins those errors and the inventory holds everything that could be
// read.
func Read(fsys fs.FS, files []string, opt Options) (Inventory, error) {
	var inv Inventory
	var errs []error
	for _, p := range Lockfiles(files, opt.Skip) {
		f, _ := lookupFormat(p)
		lf := Lockfile{Path: p, Format: f.name, Ecosystem: f.ecosystem}
		data, err := repo.ReadFile(fsys, p, maxLockfile)
		var ds []Dependency
		if err == nil {
			dir := path.Dir(p)
			if dir == "." {
				dir = ""
			}
			ds, err = parseSafe(p, data, &readContext{fsys: fsys, dir: dir})
		}
		if err != nil {
			lf.Err = err
			var le *LineError
			if errors.As(err, &le) {
				lf.ErrLine = le.Line
			}
			errs = append(errs, err)
		}
		lf.Packages = len(ds)
		inv.Lockfiles = append(inv.Lockfiles, lf)
		inv.Dependencies = append(inv.Dependencies, ds...)
	}
	resolveLicenses(fsys, inv.Dependencies, opt)
	sortDependencies(inv.Dependencies)
	return inv, errors.Join(errs...)
}

// Parse reads one lockfile's bytes, without the files beside it: a
// lockfile that does not say which dependencies are direct (yarn.lock,
// poetry.lock, Pipfile.lock, composer.lock) has them all marked indirect.
// Licences are the lockfile's own fields only.
func Parse(p string, data []byte) ([]Dependency, error) { return parseSafe(p, data, nil) }

// parseSafe reads one lockfile. ctx may be nil; with it, the manifest beside
// the lockfile decides which dependencies are direct.
func parseSafe(p string, data []byte, ctx *readContext) (ds []Dependency, err error) {
	f, ok := lookupFormat(p)
	if !ok {
		return nil, fmt.Errorf("%s: not a lockfile this version reads", p)
	}
	defer func() {
		// A parser bug must not stop a scan: report the file as unreadable.
		if v := recover(); v != nil {
			ds, err = nil, fmt.Errorf("%s: internal error: %v", p, v)
		}
	}()
	ds, err = parseFormat(f, p, data, ctx)
	return ds, err
}

// parseFormat is Parse without the safety net, so fuzzing sees panics.
func parseFormat(f format, p string, data []byte, ctx *readContext) ([]Dependency, error) {
	data = trimBOM(data)
	if isBinary(data) {
		return nil, &LineError{Path: p, Err: errors.New("binary content (NUL bytes), not a lockfile")}
	}
	ds, err := f.parse(p, data, ctx)
	if err != nil {
		var le *LineError
		if !errors.As(err, &le) {
			err = &LineError{Path: p, Err: err}
		}
		return nil, err
	}
	// An entry without a name cannot be a package (a truncated or
	// hand-edited file); it is left out rather than listed nameless.
	kept := ds[:0]
	for _, d := range ds {
		if d.Name != "" {
			kept = append(kept, d)
		}
	}
	ds = kept
	for i := range ds {
		d := &ds[i]
		d.Ecosystem = f.ecosystem
		d.Path = p
		if d.License == "" {
			d.License = NoAssertion
		}
		if d.PURL == "" {
			d.PURL = PURL(d.Ecosystem, d.Name, d.Version)
		}
	}
	return ds, nil
}

// LineError is a problem in a file at a line (0 when unknown).
type LineError struct {
	Path string
	Line int
	Err  error
}

func (e *LineError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

func atLine(p string, line int, err error) error { return &LineError{Path: p, Line: line, Err: err} }

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		return b[3:]
	}
	return b
}

func isBinary(b []byte) bool {
	n := len(b)
	if n > 8000 {
		n = 8000
	}
	for _, c := range b[:n] {
		if c == 0 {
			return true
		}
	}
	return false
}

func sortDependencies(ds []Dependency) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Ecosystem != b.Ecosystem {
			return a.Ecosystem < b.Ecosystem
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.Version != b.Version {
			return a.Version < b.Version
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
}

// Direct returns the direct dependencies of the inventory.
func (inv Inventory) Direct() []Dependency {
	var out []Dependency
	for _, d := range inv.Dependencies {
		if d.Direct {
			out = append(out, d)
		}
	}
	return out
}
