// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ospolint/ospolint/internal/deps"
)

// packageLock5000 is a package-lock.json (v3) of 5,000 packages, each with
// a licence and an integrity hash, a tenth of them nested.
func packageLock5000() []byte {
	var b strings.Builder
	b.WriteString(`{"name": "big", "lockfileVersion": 3, "requires": true, "packages": {"": {"name": "big", "dependencies": {`)
	for i := range 100 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"pkg-%d": "^1.0.0"`, i)
	}
	b.WriteString("}}")
	lic := []string{"MIT", "ISC", "Apache-2.0", "BSD-3-Clause", "(MIT OR Apache-2.0)"}
	for i := range 5000 {
		key := fmt.Sprintf("node_modules/pkg-%d", i)
		if i%10 == 9 {
			key = fmt.Sprintf("node_modules/pkg-%d/node_modules/pkg-%d", i-1, i)
		}
		sum := sha512.Sum512([]byte(key))
		fmt.Fprintf(&b, ",\n    %q: {\"version\": \"1.%d.0\", \"resolved\": \"https://registry.npmjs.org/pkg-%d/-/pkg-%d-1.%d.0.tgz\", \"integrity\": \"sha512-%s\", \"license\": %q}",
			key, i%50, i, i, i%50, base64.StdEncoding.EncodeToString(sum[:]), lic[i%len(lic)])
	}
	b.WriteString("\n  }\n}\n")
	return []byte(b.String())
}

// BenchmarkPackageLock5000 reads a 5,000-package package-lock.json and
// writes its SPDX 2.3 JSON SBOM (target: under 0.5 s; on a loaded shared
// machine read cpu-s, the CPU time, as well as the wall time). The baseline, timed
// in the same run, decodes the same lockfile into generic JSON values and
// encodes them again: the least any reader and writer of these bytes does.
//
//	go test ./internal/sbom -run '^$' -bench PackageLock5000 -benchtime 5x
func BenchmarkPackageLock5000(b *testing.B) {
	lock := packageLock5000()
	opt := Options{Name: "big", Version: "1.0.0", License: "MIT", Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Tool: "ospolint-bench"}
	run := func() int {
		ds, err := deps.Parse("package-lock.json", lock)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteSPDX(io.Discard, SPDXDocument(deps.Inventory{Dependencies: ds}, opt), false); err != nil {
			b.Fatal(err)
		}
		return len(ds)
	}
	baseline := func() {
		var v any
		if err := json.Unmarshal(lock, &v); err != nil {
			b.Fatal(err)
		}
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			b.Fatal(err)
		}
	}
	if n := run(); n != 5000 {
		b.Fatalf("%d packages, want 5000", n)
	}
	var took, base, cpu time.Duration
	b.ResetTimer()
	for b.Loop() {
		start, c0 := time.Now(), cpuTime()
		run()
		took += time.Since(start)
		cpu += cpuTime() - c0
		b.StopTimer()
		start = time.Now()
		baseline()
		base += time.Since(start)
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(took.Seconds()/float64(b.N), "s/lock+sbom")
	// CPU seconds include the garbage collector's work on the second core.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/lock+sbom")
	b.ReportMetric(took.Seconds()/float64(b.N)/0.5, "budget-ratio")
	if base > 0 {
		b.ReportMetric(float64(took)/float64(base), "ratio")
	}
}
