// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package license

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ospolint/ospolint/internal/spdxlist"
)

// TestCommonLicencesStayInFirstTier: the common licences, in their usual
// forms, are identified by the small matcher alone; the candidate sets and
// the SPDX pool are not touched.
func TestCommonLicencesStayInFirstTier(t *testing.T) {
	t.Parallel()
	for file, want := range map[string]string{
		"deb-Apache-2.0":      "Apache-2.0",
		"go-testify-LICENSE":  "MIT",
		"go-cmp-LICENSE":      "BSD-3-Clause",
		"go-color-LICENSE.md": "MIT",
		"deb-MPL-2.0":         "MPL-2.0",
	} {
		b, err := os.ReadFile(filepath.Join("testdata", "corpus", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range []struct{ name, file string }{{"plain", file}, {"crlf", file}} {
			text := b
			if form.name == "crlf" {
				text = []byte(strings.ReplaceAll(string(lf(b)), "\n", "\r\n"))
			}
			c := classify(form.file, text, fullOrFast)
			got, _ := c.resolve(c.ev)
			if got != want || c.pooled {
				t.Errorf("%s (%s): got %s, second tier used: %v; want %s from the small matcher", file, form.name, got, c.pooled, want)
			}
		}
	}
}

// BenchmarkPoolIdentify measures what identifying a licence that needs
// the SPDX pool costs (prefilter, reading and compiling the candidates'
// patterns, matching), each iteration from a cold candidate cache, against
// the small matcher identifying the MIT text in the same run. The issue's
// target: at most 50 ms and 20 MB more than the small matcher.
func BenchmarkPoolIdentify(b *testing.B) {
	mit, err := os.ReadFile(filepath.Join("testdata", "corpus", "go-testify-LICENSE"))
	if err != nil {
		b.Fatal(err)
	}
	pooled := map[string][]byte{}
	for _, id := range []string{"CC-BY-NC-SA-4.0", "EUPL-1.2", "OFL-1.1", "Sleepycat", "CERN-OHL-P-2.0", "ECL-2.0"} {
		text, ok := spdxlist.Text(id)
		if !ok {
			b.Fatalf("%s: no text", id)
		}
		pooled[id] = []byte(text)
	}
	Classify(mit) // compile the small matcher, load the pool's index
	Classify(pooled["OFL-1.1"])
	var fast, slow time.Duration
	var ms runtime.MemStats
	var heap uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		Classify(mit)
		fast += time.Since(start)
		for id, text := range pooled {
			progMu.Lock()
			clear(progs)
			progMu.Unlock()
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			start = time.Now()
			c := Classify(text)
			slow += time.Since(start)
			runtime.ReadMemStats(&ms)
			heap = max(heap, ms.TotalAlloc-before)
			if c.Expression == NoAssertion {
				b.Fatalf("%s: not identified (%s)", id, c.Note)
			}
		}
	}
	n := float64(b.N * len(pooled))
	b.ReportMetric(float64(fast.Milliseconds())/float64(b.N), "small-ms/text")
	b.ReportMetric(float64(slow.Milliseconds())/n, "pool-ms/text")
	b.ReportMetric(float64(heap)/(1<<20), "pool-max-alloc-MB")
	b.ReportMetric((float64(slow)/n)/max(float64(fast)/float64(b.N), 1), "pool/small")
}
