// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ospolint/ospolint/checks"
)

// noticeFile is a check as a project outside ospolint would write it: it
// imports only the public packages checks and checks/fileset. Apache-2.0
// projects that ship a NOTICE must keep it at the root (section 4(d)).
func noticeFile() *checks.Check {
	return &checks.Check{
		ID:         "notice-at-root",
		Title:      "NOTICE file not at the root",
		Summary:    "A NOTICE file, when there is one, sits at the repository root.",
		Activities: []string{"GGI-A-21"},
		Level:      checks.Warning,
		Needs:      checks.NeedFiles,
		Options: []checks.Option{{
			Name: "names", Type: checks.TypeStrings, Default: []string{"NOTICE", "NOTICE.txt", "NOTICE.md"},
			Help: "file names that count as a NOTICE",
		}},
		Help: "Downstream users look for the NOTICE of an Apache-2.0 project at its root.",
		// Visit sees every file Want accepts, with its first HeadBytes.
		Want: func(p *checks.Pass, path string) bool {
			return strings.Contains(path, "/") && isNotice(p, path)
		},
		HeadBytes: 64,
		Visit: func(p *checks.Pass, f checks.File) {
			if f.Err == nil && len(f.Head) > 0 {
				p.Reportf(f.Path, 1, "%s is a NOTICE below the root: move it to the root", f.Path)
			}
		},
		Run: func(p *checks.Pass) error {
			for _, e := range p.Target.InDir("") {
				if isNotice(p, e.Path) {
					return nil
				}
			}
			if len(p.Findings()) == 0 {
				p.NotApplicable("no NOTICE file")
			}
			return nil
		},
	}
}

func isNotice(p *checks.Pass, path string) bool {
	base := path[strings.LastIndex(path, "/")+1:]
	for _, n := range p.Options["names"].([]string) {
		if strings.EqualFold(base, n) {
			return true
		}
	}
	return false
}

func TestExternalCheck(t *testing.T) {
	c := noticeFile()
	if err := checks.Validate([]*checks.Check{c}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		files fstest.MapFS
		user  map[string]any
		want  []string // path:line of each finding
		na    bool
	}{
		{"at the root", fstest.MapFS{"NOTICE": {Data: []byte("Example\n")}, "docs/a.md": {Data: []byte("x")}}, nil, nil, false},
		{"below the root", fstest.MapFS{"legal/NOTICE.txt": {Data: []byte("Example\n")}}, nil, []string{"legal/NOTICE.txt:1"}, false},
		{"empty one below is not reported", fstest.MapFS{"legal/NOTICE": {Data: nil}}, nil, nil, true},
		{"option renames it", fstest.MapFS{"legal/ATTRIBUTION": {Data: []byte("Example\n")}}, map[string]any{"names": []any{"ATTRIBUTION"}}, []string{"legal/ATTRIBUTION:1"}, false},
		{"none at all", fstest.MapFS{"main.go": {Data: []byte("package main\n")}}, nil, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tgt, err := checks.NewTargetFS(context.Background(), tc.files)
			if err != nil {
				t.Fatal(err)
			}
			p, err := checks.Evaluate(c, tgt, tc.user)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range p.Findings() {
				got = append(got, fmt.Sprintf("%s:%d", f.Path, f.Line))
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("findings %v, want %v", got, tc.want)
			}
			if na := p.NotApplicableReason() != ""; na != tc.na {
				t.Errorf("not applicable = %v, want %v", na, tc.na)
			}
		})
	}
}

func TestEvaluateRejectsUnknownOption(t *testing.T) {
	tgt, err := checks.NewTargetFS(context.Background(), fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := checks.Evaluate(noticeFile(), tgt, map[string]any{"nmaes": []any{"X"}}); err == nil || !strings.Contains(err.Error(), "nmaes") {
		t.Fatalf("want an error naming the unknown option, got %v", err)
	}
}
