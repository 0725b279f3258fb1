// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package repo

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func testIndex() *Index {
	// Deliberately unsorted: NewIndex sorts.
	return NewIndex([]Entry{
		{Path: "docs/guide.md", Size: 3},
		{Path: "LICENSE", Size: 11357},
		{Path: "Docs/Other.md"},
		{Path: "docs2/x.md"},
		{Path: "docsx"},
		{Path: ".github/workflows/ci.yml"},
		{Path: ".github/CODEOWNERS"},
		{Path: "docs/api/v1/spec.yaml"},
		{Path: "COPYING", Symlink: true},
		{Path: "escape", Symlink: true, Escapes: true},
	})
}

func entryPaths(es []Entry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Path)
	}
	return out
}

func TestIndexInDir(t *testing.T) {
	ix := testIndex()
	for _, tc := range []struct {
		dir  string
		want []string
	}{
		{"", []string{"COPYING", "LICENSE", "docsx", "escape"}},
		{"docs", []string{"Docs/Other.md", "docs/guide.md"}},
		{"DOCS", []string{"Docs/Other.md", "docs/guide.md"}},
		{".GitHub", []string{".github/CODEOWNERS"}},
		{".github/workflows", []string{".github/workflows/ci.yml"}},
		{"docs/api", []string{}},
		{"nope", []string{}},
	} {
		if d := cmp.Diff(tc.want, entryPaths(ix.InDir(tc.dir))); d != "" {
			t.Errorf("InDir(%q) (-want +got):\n%s", tc.dir, d)
		}
	}
}

func TestIndexUnder(t *testing.T) {
	ix := testIndex()
	for _, tc := range []struct {
		dir  string
		want []string
	}{
		{"docs", []string{"docs/api/v1/spec.yaml", "docs/guide.md"}},
		{"Docs", []string{"Docs/Other.md"}},
		{".github", []string{".github/CODEOWNERS", ".github/workflows/ci.yml"}},
		{"docs/api", []string{"docs/api/v1/spec.yaml"}},
		{"doc", []string{}},
		{"LICENSE", []string{}},
	} {
		if d := cmp.Diff(tc.want, entryPaths(ix.Under(tc.dir))); d != "" {
			t.Errorf("Under(%q) (-want +got):\n%s", tc.dir, d)
		}
	}
}

func TestIndexLookupAndIsDir(t *testing.T) {
	ix := testIndex()
	if ix.Len() != 10 {
		t.Errorf("Len = %d", ix.Len())
	}
	e, ok := ix.Lookup("LICENSE")
	if !ok || e.Size != 11357 || e.Name() != "LICENSE" || e.Dir() != "" {
		t.Errorf("Lookup(LICENSE) = %+v, %v", e, ok)
	}
	e, ok = ix.Lookup("docs/api/v1/spec.yaml")
	if !ok || e.Name() != "spec.yaml" || e.Dir() != "docs/api/v1" {
		t.Errorf("Lookup(spec.yaml) = %+v, %v", e, ok)
	}
	if e, ok := ix.Lookup("escape"); !ok || !e.Escapes || !e.Symlink {
		t.Errorf("Lookup(escape) = %+v, %v", e, ok)
	}
	for _, p := range []string{"license", "docs", "docs/", "./LICENSE"} {
		if _, ok := ix.Lookup(p); ok {
			t.Errorf("Lookup(%q) found an entry; lookups are exact", p)
		}
	}
	for dir, want := range map[string]bool{
		"": true, "docs": true, "docs/api": true, "docs/api/v1": true, ".github/workflows": true,
		"Docs": true, "DOCS": false, "LICENSE": false, "docs/api/v2": false, "nope": false,
	} {
		if got := ix.IsDir(dir); got != want {
			t.Errorf("IsDir(%q) = %v, want %v", dir, got, want)
		}
	}
	files := ix.Files()
	for i := 1; i < len(files); i++ {
		if files[i-1].Path >= files[i].Path {
			t.Errorf("Files not sorted: %q before %q", files[i-1].Path, files[i].Path)
		}
	}
}
