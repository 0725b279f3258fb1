// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// A community file that is a link leaving the repository is named as such,
// not reported as missing.
func TestEscapingLinkIsNamed(t *testing.T) {
	for _, c := range []*Check{contributing(), readme()} {
		name := map[string]string{"contributing": "CONTRIBUTING.md", "readme": "README.md"}[c.ID]
		files := fstest.MapFS{name: {Data: []byte("../../outside.md"), Mode: fs.ModeSymlink}}
		got, _ := runCheck(t, c, files, nil)
		if len(got) != 1 || !strings.Contains(got[0].Message, "symbolic link") {
			t.Errorf("%s: findings = %+v, want one naming the symbolic link", c.ID, got)
		}
	}
}

// A garbage CODEOWNERS gives at most 100 syntax findings and a summary.
func TestCodeownersFindingsCapped(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 500; i++ {
		b.WriteString("src/ not-an-owner\n")
	}
	got, _ := runCheck(t, codeownersCheck(), fstest.MapFS{".github/CODEOWNERS": {Data: []byte(b.String())}}, nil)
	summary := 0
	for _, f := range got {
		if strings.Contains(f.Message, "more syntax errors") {
			summary++
		}
	}
	if len(got) > maxCodeownersErrors+2 || summary != 1 {
		t.Errorf("%d findings, %d summaries; want at most %d and one summary", len(got), summary, maxCodeownersErrors+2)
	}
}

// Large files are read for each caller and not kept by the target.
func TestLargeReadsNotCached(t *testing.T) {
	big := strings.Repeat("x", maxCached+1)
	c := &Check{ID: "probe", Run: func(p *Pass) error {
		for _, name := range []string{"big.txt", "small.txt"} {
			if _, err := p.Target.ReadFile(name); err != nil {
				return err
			}
		}
		return nil
	}}
	_, p := runCheck(t, c, fstest.MapFS{"big.txt": {Data: []byte(big)}, "small.txt": {Data: []byte("hi")}}, nil)
	if _, ok := p.Target.reads.Load("big.txt"); ok {
		t.Error("a large file was cached")
	}
	if _, ok := p.Target.reads.Load("small.txt"); !ok {
		t.Error("a small file was not cached")
	}
}
