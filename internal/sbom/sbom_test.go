// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package sbom

import (
	"bytes"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdxlib"
)

const gomod = `module example.com/widget

go 1.22

require (
	github.com/spf13/cobra v1.10.2
	golang.org/x/sys v0.49.0 // indirect
)
`

func TestFromGoModuleRoundTrip(t *testing.T) {
	doc, err := FromGoModule(fstest.MapFS{"go.mod": {Data: []byte(gomod)}}, Options{License: "MIT", Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Tool: "ospolint-test"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	back, err := json.Read(&b)
	if err != nil {
		t.Fatalf("written SBOM does not parse: %v", err)
	}
	if err := spdxlib.ValidateDocument(back); err != nil {
		t.Fatal(err)
	}
	if len(back.Packages) != 3 || back.Packages[0].PackageLicenseDeclared != "MIT" {
		t.Fatalf("packages = %+v", back.Packages)
	}
	p := back.Packages[1]
	if p.PackageName != "github.com/spf13/cobra" || p.PackageVersion != "v1.10.2" || p.PackageExternalReferences[0].Locator != "pkg:golang/github.com/spf13/cobra@v1.10.2" {
		t.Errorf("cobra package = %+v %+v", p, p.PackageExternalReferences[0])
	}
	if back.CreationInfo.Created != "2026-01-02T03:04:05Z" || back.CreationInfo.Creators[0].Creator != "ospolint-test" {
		t.Errorf("creation info = %+v", back.CreationInfo)
	}
}

func TestFromGoModuleErrors(t *testing.T) {
	if _, err := FromGoModule(fstest.MapFS{}, Options{}); err == nil {
		t.Error("no go.mod: want an error")
	}
	if _, err := FromGoModule(fstest.MapFS{"go.mod": {Data: []byte("go 1.22\n")}}, Options{}); err == nil {
		t.Error("no module line: want an error")
	}
}

func TestPurlEscapes(t *testing.T) {
	if got := purl("example.com/a b", "v1.0.0+incompatible"); got != "pkg:golang/example.com/a%20b@v1.0.0+incompatible" {
		t.Errorf("purl = %q", got)
	}
}
