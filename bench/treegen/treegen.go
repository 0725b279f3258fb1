// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

// Package treegen writes deterministic synthetic repositories for scan
// benchmarks: governance files at the root (LICENSE, README, CONTRIBUTING,
// manifests, a workflow), then nested directories of source, text, data
// and binary files of mixed sizes.
package treegen

import (
	"bufio"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Stats describe a generated tree.
type Stats struct {
	Files, Dirs int
	Bytes       int64
}

// Generate writes n files below root (which must not exist yet). The same
// seed and n always give the same tree.
func Generate(root string, n int, seed uint64) (Stats, error) {
	if _, err := os.Stat(root); err == nil {
		return Stats{}, fmt.Errorf("treegen: %s exists; give a new directory", root)
	}
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0x05901)), root: root, left: n}
	g.pool = makePool(g.rng, 1<<20)
	if err := g.rootFiles(); err != nil {
		return Stats{}, fmt.Errorf("treegen: %w", err)
	}
	for i := 0; g.left > 0; i++ {
		if err := g.dir(filepath.Join(g.root, topName(i)), 0); err != nil {
			return Stats{}, fmt.Errorf("treegen: %w", err)
		}
	}
	return Stats{Files: g.files, Dirs: g.dirs, Bytes: g.bytes}, nil
}

type gen struct {
	rng   *rand.Rand
	root  string
	pool  []byte // text the file bodies are cut from
	left  int    // files still to write
	files int
	dirs  int
	bytes int64
}

// rootFiles writes what a real project has at its root, so the scan does
// its full work (licence detection, README and manifest reads).
func (g *gen) rootFiles() error {
	if err := os.MkdirAll(filepath.Join(g.root, ".github", "workflows"), 0o755); err != nil {
		return err
	}
	files := map[string]string{
		"LICENSE":                  mitText,
		"README.md":                "# synthetic\n\nA generated tree for ospolint benchmarks.\n\n## License\n\nMIT, see LICENSE.\n",
		"CONTRIBUTING.md":          "# Contributing\n\nOpen an issue first, then a pull request with tests.\n",
		"SECURITY.md":              "# Security\n\nReport vulnerabilities to security@example.org; we answer within 3 days.\n",
		"CODE_OF_CONDUCT.md":       "# Code of conduct\n\nBe kind. Report problems to conduct@example.org.\n",
		"go.mod":                   "module example.org/synthetic\n\ngo 1.22\n",
		"package.json":             "{\n  \"name\": \"synthetic\",\n  \"version\": \"1.0.0\",\n  \"license\": \"MIT\"\n}\n",
		".gitignore":               "*.log\n/build/\n",
		".github/workflows/ci.yml": "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if g.left == 0 {
			break
		}
		if err := g.write(filepath.Join(g.root, filepath.FromSlash(name)), []byte(files[name])); err != nil {
			return err
		}
	}
	return nil
}

// dir writes one directory: 5 to 40 files and, above depth 6, up to 6
// subdirectories.
func (g *gen) dir(path string, depth int) error {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return err
	}
	g.dirs++
	nf := 5 + g.rng.IntN(36)
	for i := 0; i < nf && g.left > 0; i++ {
		if err := g.file(path, i); err != nil {
			return err
		}
	}
	if depth >= 6 {
		return nil
	}
	nd := g.rng.IntN(7)
	if depth == 0 {
		nd += 3
	}
	for i := 0; i < nd && g.left > 0; i++ {
		if err := g.dir(filepath.Join(path, fmt.Sprintf("%s%d", dirWords[g.rng.IntN(len(dirWords))], i)), depth+1); err != nil {
			return err
		}
	}
	return nil
}

var (
	dirWords = []string{"pkg", "internal", "src", "lib", "cmd", "docs", "test", "util", "api", "web", "core", "data"}
	exts     = []string{".go", ".go", ".go", ".js", ".ts", ".py", ".c", ".h", ".md", ".json", ".yaml", ".txt", ".png", ".bin"}
)

func topName(i int) string { return fmt.Sprintf("module%03d", i) }

// file writes one file: sizes are mostly small (70% under 2 KiB), some
// medium, a few large (0.5% up to 512 KiB); .png and .bin are binary.
func (g *gen) file(dir string, i int) error {
	ext := exts[g.rng.IntN(len(exts))]
	name := filepath.Join(dir, fmt.Sprintf("file%02d%s", i, ext))
	var size int
	switch p := g.rng.IntN(1000); {
	case p < 700:
		size = 100 + g.rng.IntN(1948)
	case p < 950:
		size = 2048 + g.rng.IntN(6144)
	case p < 995:
		size = 8192 + g.rng.IntN(57344)
	default:
		size = 65536 + g.rng.IntN(458752)
	}
	var body []byte
	if ext == ".png" || ext == ".bin" {
		body = make([]byte, size)
		for j := range body {
			body[j] = byte(g.rng.Uint32())
		}
		copy(body, "\x89PNG\r\n\x1a\n\x00\x00")
	} else {
		header := ""
		if ext != ".md" && ext != ".json" && ext != ".txt" && g.rng.IntN(4) > 0 {
			header = "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2024 Example Authors\n\n"
		}
		off := g.rng.IntN(len(g.pool) - size)
		body = append([]byte(header), g.pool[off:off+size]...)
	}
	return g.write(name, body)
}

func (g *gen) write(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if _, err := w.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	g.files++
	g.left--
	g.bytes += int64(len(data))
	return f.Close()
}

// makePool builds source-like text: lines of words, braces and comments.
func makePool(rng *rand.Rand, n int) []byte {
	words := strings.Fields("func return if else for range var const type struct map string int error nil true false " +
		"value index count buffer result config option reader writer handler request response context client server")
	var b strings.Builder
	for b.Len() < n {
		indent := strings.Repeat("\t", rng.IntN(4))
		switch rng.IntN(10) {
		case 0:
			b.WriteString(indent + "// " + words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))] + " is computed here\n")
		case 1:
			b.WriteString(indent + "}\n")
		default:
			b.WriteString(indent)
			for k := 3 + rng.IntN(8); k > 0; k-- {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteByte(' ')
			}
			b.WriteString("{\n")
		}
	}
	return []byte(b.String())
}

// mitText is the MIT licence (https://spdx.org/licenses/MIT.html), so the
// tree has a licence the scan identifies.
const mitText = `MIT License

Copyright (c) 2024 Example Authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`
