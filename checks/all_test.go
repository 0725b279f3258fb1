// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"strings"
	"testing"
)

func TestRegistryValid(t *testing.T) {
	if err := Validate(All()); err != nil {
		t.Fatal(err)
	}
}

func TestValidateCatchesMistakes(t *testing.T) {
	c := readme()
	dup := readme()
	bad := readme()
	bad.ID = "Bad_ID"
	bad.Activities = []string{"GGI-A-99"}
	bad.Help = ""
	err := Validate([]*Check{c, dup, bad})
	if err == nil {
		t.Fatal("want errors")
	}
	for _, want := range []string{"duplicate ID", "kebab-case", "unknown GGI activity", "help are required"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
