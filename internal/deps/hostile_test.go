// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"fmt"
	"strings"
	"testing"
)

// TestHostilePOMProperties: properties that name each other several times
// over grew a coordinate exponentially (a 1 KB pom.xml asked for tens of
// gigabytes); a coordinate past maxExpanded is left out like any other
// unresolved one, and the others are still read.
func TestHostilePOMProperties(t *testing.T) {
	bomb := strings.Repeat("${x}", 100)
	pom := `<project><properties><x>` + bomb + `</x><v>1.2.3</v></properties><dependencies>
<dependency><groupId>g</groupId><artifactId>bomb</artifactId><version>${x}</version></dependency>
<dependency><groupId>g</groupId><artifactId>ok</artifactId><version>${v}</version></dependency>
</dependencies></project>`
	ds, err := Parse("pom.xml", []byte(pom))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Name != "g:ok" || ds[0].Version != "1.2.3" {
		t.Errorf("dependencies = %+v, want g:ok 1.2.3 only", ds)
	}
	if got := expand("${a}-${b}", map[string]string{"a": "${b}", "b": "2"}); got != "2-2" {
		t.Errorf("expand = %q, want 2-2", got)
	}
}

// TestHostileCargoLock: a Cargo.lock whose workspace crate names many
// crates both bare and with a version made the reader scan every name for
// every package (over two minutes for this 1.9 MB file); it is one look-up
// per package now.
func TestHostileCargoLock(t *testing.T) {
	if testing.Short() {
		t.Skip("a 1.9 MB lockfile")
	}
	const n = 20000
	var b strings.Builder
	b.WriteString("[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n")
	for i := range n {
		fmt.Fprintf(&b, " \"c%d\",\n \"d%d 1.0.0\",\n", i, i)
	}
	b.WriteString("]\n")
	for i := range n {
		fmt.Fprintf(&b, "[[package]]\nname = \"c%d\"\nversion = \"1.0.0\"\nsource = \"registry+x\"\n", i)
	}
	ds, err := Parse("Cargo.lock", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	direct := 0
	for _, d := range ds {
		if d.Direct {
			direct++
		}
	}
	if len(ds) != n || direct != n {
		t.Errorf("%d packages, %d direct; want %d and %d", len(ds), direct, n, n)
	}
}
