// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/ospolint/ospolint/internal/license"
	"github.com/ospolint/ospolint/internal/manifest"
	"github.com/ospolint/ospolint/internal/repo"
)

// resolveLicenses fills in the licence of each dependency the lockfile did
// not declare, from what is on disk, first found wins: the installed
// package's manifest (node_modules/NAME/package.json,
// vendor/VENDOR/NAME/composer.json, the crate's Cargo.toml in Cargo's
// registry cache), then, with opt.Licenses, the licence files of the
// installed or vendored package (node_modules, vendor/ for Go and Composer,
// the crate in the registry cache, third_party/NAME) and of the Go module
// in the module cache.
func resolveLicenses(fsys fs.FS, ds []Dependency, opt Options) {
	cache := map[string]licenceFound{} // by directory
	for i := range ds {
		d := &ds[i]
		if d.License != NoAssertion && d.License != "" {
			continue
		}
		base := path.Dir(d.Path)
		if base == "." {
			base = ""
		}
		for _, c := range candidates(d, base, opt) {
			key := c.source + "\x00" + c.dir + "\x00" + c.manifest
			f, ok := cache[key]
			if !ok {
				f = c.find(fsys, opt)
				cache[key] = f
			}
			if f.version != "" && d.Version != "" && f.version != d.Version {
				// Another version is installed there (yarn and pnpm hoist one).
				continue
			}
			if f.expr != "" {
				d.License, d.LicenseSource, d.LicensePath, d.declared = f.expr, c.source, f.path, f.raw
				break
			}
		}
	}
}

// candidate is one place a dependency's licence may be written.
type candidate struct {
	source string
	dir    string // in fsys, or in the module cache for SourceModCache
	// manifest is the manifest file to read in dir ("" for licence files).
	manifest string
}

type licenceFound struct {
	expr, path, raw string
	// version is the installed package's version, when its manifest says.
	version string
}

func candidates(d *Dependency, base string, opt Options) []candidate {
	var out []candidate
	switch d.Ecosystem {
	case NPM:
		if d.dir != "" {
			dir := path.Join(base, d.dir)
			out = append(out, candidate{source: SourceManifest, dir: dir, manifest: "package.json"})
			if opt.Licenses {
				out = append(out, candidate{source: SourceLicense, dir: dir})
			}
		}
	case Composer:
		dir := path.Join(base, "vendor", d.Name)
		out = append(out, candidate{source: SourceManifest, dir: dir, manifest: "composer.json"})
		if opt.Licenses {
			out = append(out, candidate{source: SourceLicense, dir: dir})
		}
	case Cargo:
		if opt.CargoRegistry != "" && d.Local == "" && crateWord.MatchString(d.Name) && crateWord.MatchString(d.Version) {
			dir := d.Name + "-" + d.Version
			out = append(out, candidate{source: SourceRegistryCache, dir: dir, manifest: "Cargo.toml"})
			if opt.Licenses {
				out = append(out, candidate{source: SourceRegistryCache, dir: dir})
			}
		}
	case Go:
		if opt.Licenses {
			if d.Local != "" {
				if l := path.Clean(path.Join(base, d.Local)); fs.ValidPath(l) {
					out = append(out, candidate{source: SourceLicense, dir: l})
				}
			} else {
				out = append(out, candidate{source: SourceVendorTree, dir: path.Join(base, "vendor", d.Name)})
			}
			if opt.GoModCache != "" && d.Version != "" {
				if rel, err := goModuleDir(d.Name, d.Version); err == nil {
					out = append(out, candidate{source: SourceModCache, dir: rel})
				}
			}
		}
	}
	if opt.Licenses && d.Name != "" {
		last := d.Name[strings.LastIndexAny(d.Name, "/:")+1:]
		for _, tp := range []string{"third_party", "third-party"} {
			out = append(out, candidate{source: SourceVendorTree, dir: path.Join(base, tp, last)})
		}
	}
	// Only paths inside the repository (fs.ValidPath) are read there.
	kept := out[:0]
	for _, c := range out {
		if c.source == SourceModCache || fs.ValidPath(c.dir) {
			kept = append(kept, c)
		}
	}
	return kept
}

// crateWord is what a crate name or version may be: a hostile Cargo.lock
// cannot name a directory outside the registry cache.
var crateWord = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.+-]*$`)

func (c candidate) find(fsys fs.FS, opt Options) licenceFound {
	switch c.source {
	case SourceModCache:
		root := filepath.Join(opt.GoModCache, filepath.FromSlash(c.dir))
		return licenceFiles(os.DirFS(root), ".").under(c.dir)
	case SourceRegistryCache:
		// One directory per registry (index.crates.io-HASH, ...).
		regs, _ := os.ReadDir(opt.CargoRegistry)
		for _, r := range regs {
			cache := os.DirFS(filepath.Join(opt.CargoRegistry, r.Name()))
			if st, err := fs.Stat(cache, c.dir); err == nil && st.IsDir() {
				return c.read(cache).under(r.Name())
			}
		}
		return licenceFound{}
	}
	return c.read(fsys)
}

// under puts a path found in a cache below the cache's directory dir.
func (f licenceFound) under(dir string) licenceFound {
	if f.expr != "" {
		f.path = path.Join(dir, f.path)
	}
	return f
}

// read reads the candidate's manifest, or identifies its licence files.
func (c candidate) read(fsys fs.FS) licenceFound {
	if c.manifest != "" {
		p := path.Join(c.dir, c.manifest)
		data, err := repo.ReadFile(fsys, p, maxManifestSize)
		if err != nil {
			return licenceFound{}
		}
		var meta struct {
			Version string `json:"version"`
		}
		_ = json.Unmarshal(data, &meta)
		for _, f := range manifest.Parse(p, data).Fields {
			if f.Value == "" {
				continue
			}
			if e := normalizeLicense(f.Value); e != "" && e != NoAssertion {
				return licenceFound{expr: e, path: p, raw: f.Value, version: meta.Version}
			}
		}
		return licenceFound{}
	}
	return licenceFiles(fsys, c.dir)
}

// maxLicenceFile caps what is read of one licence file.
const maxLicenceFile = 256 << 10

// licenceFiles identifies the licence files at the top of dir with
// ospolint's licence detector, as it does for a repository.
func licenceFiles(fsys fs.FS, dir string) licenceFound {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return licenceFound{}
	}
	var files []repo.Entry
	for _, e := range ents {
		if !e.Type().IsRegular() || !license.IsLicenseName(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		files = append(files, repo.Entry{Path: e.Name(), Size: info.Size()})
	}
	if len(files) == 0 {
		return licenceFound{}
	}
	res := license.DetectProject(repo.NewIndex(files), func(p string) ([]byte, error) {
		return repo.ReadFile(fsys, path.Join(dir, p), maxLicenceFile)
	})
	if res.Expression == "" || res.Expression == license.NoAssertion {
		return licenceFound{}
	}
	where := files[0].Path
	if len(res.Files) > 0 {
		where = res.Files[0].Path
	}
	return licenceFound{expr: res.Expression, path: path.Join(dir, where)}
}

// CargoRegistry returns where Cargo unpacks the crates it downloads,
// $CARGO_HOME/registry/src (by default $HOME/.cargo/registry/src), or ""
// when it does not exist. getenv reads the environment (os.Getenv, or a
// command's own).
func CargoRegistry(getenv func(string) string) string {
	home := getenv("CARGO_HOME")
	if home == "" {
		h := getenv("HOME")
		if h == "" {
			h = getenv("USERPROFILE") // Windows
		}
		if h == "" {
			return ""
		}
		home = filepath.Join(h, ".cargo")
	}
	d := filepath.Join(home, "registry", "src")
	// The directory comes from the environment, not from the repository.
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// ModCache returns the machine's Go module cache: $GOMODCACHE, else what
// `go env GOMODCACHE` says (a local command, no network), else
// $GOPATH/pkg/mod or ~/go/pkg/mod. It returns "" when none exists.
func ModCache() string { return modCache() }

// modCache asks the machine once per process: an organisation scan reads
// many Go modules.
var modCache = sync.OnceValue(findModCache) //nolint:gochecknoglobals // a machine fact, computed once

func findModCache() string {
	try := func(d string) string {
		if d == "" {
			return ""
		}
		// The directory comes from the environment or the go command, not
		// from the repository.
		if st, err := os.Stat(d); err == nil && st.IsDir() { //nolint:gosec // see above
			return d
		}
		return ""
	}
	if d := try(os.Getenv("GOMODCACHE")); d != "" {
		return d
	}
	if goBin, err := exec.LookPath("go"); err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, goBin, "env", "GOMODCACHE")
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOTOOLCHAIN=local")
		if out, err := cmd.Output(); err == nil {
			if d := try(strings.TrimSpace(string(out))); d != "" {
				return d
			}
		}
	}
	if gp := os.Getenv("GOPATH"); gp != "" {
		return try(filepath.Join(filepath.SplitList(gp)[0], "pkg", "mod"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		return try(filepath.Join(home, "go", "pkg", "mod"))
	}
	return ""
}
