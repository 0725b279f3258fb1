// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestKindFileContains(t *testing.T) {
	dco := "# Contributing\n\nSign your commits (Signed-off-by) to certify the Developer Certificate of Origin.\n"
	tests := []struct {
		name  string
		files fstest.MapFS
		user  map[string]any
		want  []Finding
		na    bool
	}{
		{
			name:  "every file contains the pattern",
			files: fstest.MapFS{"CONTRIBUTING.md": file(dco), ".github/CONTRIBUTING.md": file(dco)},
			user:  map[string]any{"paths": []any{"CONTRIBUTING.md", ".github/CONTRIBUTING.md"}, "pattern": "Signed-off-by"},
		},
		{
			name: "each file lacking it is a finding",
			files: fstest.MapFS{
				"services/api/README.md":  file("# API\n\n## Support\nAsk in #api.\n"),
				"services/web/README.md":  file("# Web\n\nNothing here yet.\n"),
				"services/jobs/README.md": file("# Jobs\n\n## support\n"),
			},
			user: map[string]any{"paths": "services/*/README.md", "pattern": "^## Support$"},
			want: []Finding{
				{Path: "services/jobs/README.md", Key: "lacks pattern", Message: `services/jobs/README.md does not contain a match of "^## Support$": add it`},
				{Path: "services/web/README.md", Key: "lacks pattern", Message: `services/web/README.md does not contain a match of "^## Support$": add it`},
			},
		},
		{
			name: "ignore-case applies to the pattern and the paths",
			files: fstest.MapFS{
				"services/api/readme.md":  file("# API\n\n## Support\n"),
				"services/jobs/README.md": file("# Jobs\n\n## support\n"),
			},
			user: map[string]any{"paths": "services/*/README.md", "pattern": "^## Support$", "ignore-case": true},
		},
		{
			name:  "(?s) crosses lines",
			files: fstest.MapFS{"SECURITY.md": file("# Security\n\nReport to\nsecurity@example.com\n")},
			user:  map[string]any{"paths": "SECURITY.md", "pattern": `(?s)Report to.*@example\.com`},
		},
		{
			name:  "no file matches: not applicable",
			files: fstest.MapFS{"README.md": file("# x\n")},
			user:  map[string]any{"paths": "CONTRIBUTING.md", "pattern": "DCO"},
			na:    true,
		},
		{
			name:  "no file matches with fail-on-missing",
			files: fstest.MapFS{"README.md": file("# x\n")},
			user:  map[string]any{"paths": "CONTRIBUTING*", "pattern": "DCO", "fail-on-missing": true},
			want:  []Finding{{Path: "CONTRIBUTING", Key: "missing", Message: `no file matches CONTRIBUTING*, so none contains "DCO": add one`}},
		},
		{
			name:  "user message",
			files: fstest.MapFS{"CONTRIBUTING.md": file("# Contributing\n")},
			user:  map[string]any{"paths": "CONTRIBUTING.md", "pattern": "DCO", "message": "ask contributors for a DCO sign-off"},
			want:  []Finding{{Path: "CONTRIBUTING.md", Key: "lacks pattern", Message: "ask contributors for a DCO sign-off"}},
		},
		{
			name:  "binary content is not searched, and said so",
			files: fstest.MapFS{"docs/guide.md": file("DCO\x00\x01\x02")},
			user:  map[string]any{"paths": "docs/*", "pattern": "DCO"},
			want: []Finding{{Path: "docs/guide.md", Key: "binary",
				Message: "docs/guide.md is a binary file; its content was not searched: narrow paths to text files"}},
		},
		{
			name:  "a file over the read cap is a finding, not a pass",
			files: fstest.MapFS{"data/big.txt": file(strings.Repeat("x", maxRead) + "DCO")},
			user:  map[string]any{"paths": "data/*.txt", "pattern": "DCO"},
			want: []Finding{{Path: "data/big.txt", Key: "too large",
				Message: "data/big.txt is too large to check (over 4 MiB); split it, or narrow paths to leave it out"}},
		},
		{
			name:  "a link leaving the repository is a finding",
			files: fstest.MapFS{"CONTRIBUTING.md": kindSymlink("../../handbook/CONTRIBUTING.md")},
			user:  map[string]any{"paths": "CONTRIBUTING.md", "pattern": "DCO"},
			want: []Finding{{Path: "CONTRIBUTING.md", Key: "escapes",
				Message: "CONTRIBUTING.md is a symbolic link that leaves the repository and was not checked; commit the file itself or narrow paths"}},
		},
		{
			name:  "non-UTF-8 text is searched",
			files: fstest.MapFS{"NOTICE": file("Copyright \xa9 2024 Caf\xe9 GmbH\n")},
			user:  map[string]any{"paths": "NOTICE", "pattern": `Copyright .* \d{4}`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, p := runCheck(t, kindFileContains(), tt.files, tt.user)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if na := p.NotApplicableReason() != ""; na != tt.na {
				t.Errorf("not applicable = %v (%q), want %v", na, p.NotApplicableReason(), tt.na)
			}
		})
	}
}
