// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestKindFileAbsent(t *testing.T) {
	repo := fstest.MapFS{
		"README.md":          file("# x\n"),
		".env":               file("TOKEN=abc\n"),
		"deploy/.env.prod":   file("TOKEN=def\n"),
		"certs/Server.PEM":   file("-----BEGIN PRIVATE KEY-----\n"),
		"docs/env.md":        file("how to write .env\n"),
		"config/local.env":   kindSymlink("../../secrets/local.env"),
		"certs/README.md":    file("certificates go elsewhere\n"),
		"internal/.envrc.md": file("direnv notes\n"),
	}
	tests := []struct {
		name string
		user map[string]any
		want []string
	}{
		{"nothing matches", map[string]any{"paths": "**/*.key"}, []string{}},
		{"every match is a finding", map[string]any{"paths": []any{"**/.env", "**/.env.*"}}, []string{".env:0", "deploy/.env.prod:0"}},
		{"case matters by default", map[string]any{"paths": "**/*.pem"}, []string{}},
		{"ignore-case", map[string]any{"paths": "**/*.pem", "ignore-case": true}, []string{"certs/Server.PEM:0"}},
		{"links are files too", map[string]any{"paths": "**/*.env"}, []string{".env:0", "config/local.env:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := runCheck(t, kindFileAbsent(), repo, tt.user)
			if diff := cmp.Diff(tt.want, kindAt(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}

	got, _ := runCheck(t, kindFileAbsent(), repo, map[string]any{"paths": ".env"})
	want := []Finding{{Path: ".env", Key: "present", Message: ".env must not be in the repository: remove it"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("default message (-want +got):\n%s", diff)
	}
	got, _ = runCheck(t, kindFileAbsent(), repo, map[string]any{"paths": ".env", "message": "remove it and rotate the token"})
	if len(got) != 1 || got[0].Message != "remove it and rotate the token" {
		t.Errorf("user message: got %+v", got)
	}
}
