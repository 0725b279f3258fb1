// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package checks

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestLicenseScanning(t *testing.T) {
	const noScanner = "no CI job runs a licence scanner (reuse lint, ospolint, ScanCode, ORT, FOSSA, ...): add one, for example the fsfe/reuse-action step or `ospolint scan`"
	workflow := func(steps string) *fstest.MapFile {
		return file("name: CI\non:\n  pull_request:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" + steps)
	}
	tests := []struct {
		name  string
		files fstest.MapFS
		opts  map[string]any
		want  []string
	}{
		{
			name:  "reuse action",
			files: fstest.MapFS{".github/workflows/ci.yml": workflow("      - name: REUSE\n        uses: fsfe/reuse-action@v5\n")},
		},
		{
			name:  "reuse lint in a run block",
			files: fstest.MapFS{".github/workflows/ci.yaml": workflow("      - run: |\n          pipx install reuse\n          reuse --root . lint\n")},
		},
		{
			name:  "ospolint action",
			files: fstest.MapFS{".github/workflows/gov.yml": workflow("      - uses: ospolint/ospolint@v1\n        with:\n          fail-on: error\n")},
		},
		{
			name: "local action running ospolint",
			files: fstest.MapFS{
				".github/workflows/gov.yml": workflow("      - uses: ./\n        with:\n          fail-on: error\n"),
				"action.yml":                file("runs:\n  using: composite\n  steps:\n    - run: ospolint scan .\n      shell: bash\n"),
			},
		},
		{
			name: "local action running something else",
			files: fstest.MapFS{
				".github/workflows/gov.yml":         workflow("      - uses: ./.github/actions/build\n"),
				".github/actions/build/action.yaml": file("runs:\n  using: composite\n  steps:\n    - run: make\n      shell: bash\n"),
			},
			want: []string{".github/workflows:0: " + noScanner},
		},
		{
			name:  "reusable workflow from ospolint",
			files: fstest.MapFS{".github/workflows/gov.yml": file("on: push\njobs:\n  gov:\n    uses: ospolint/ospolint/.github/workflows/scan.yml@v1\n")},
		},
		{
			// Apache Commons: "mvn" without goals runs the POM's
			// defaultGoal, which holds apache-rat:check.
			name: "maven default goal running RAT",
			files: fstest.MapFS{
				".github/workflows/maven.yml": workflow("      - name: Build\n        run: mvn --errors --show-version --batch-mode -Ddoclint=all\n"),
				"pom.xml":                     file(ratPOM("<defaultGoal>clean verify apache-rat:check javadoc:javadoc</defaultGoal>", "")),
			},
		},
		{
			name: "maven phase with RAT bound",
			files: fstest.MapFS{
				".github/workflows/maven.yml": workflow("      - run: ./mvnw -B verify\n"),
				"pom.xml":                     file(ratPOM("", "<executions><execution><goals><goal>check</goal></goals></execution></executions>")),
			},
		},
		{
			name:  "RAT goal named",
			files: fstest.MapFS{".github/workflows/maven.yml": workflow("      - run: mvn -B apache-rat:check\n")},
		},
		{
			name: "maven goals that skip the default goal",
			files: fstest.MapFS{
				".github/workflows/maven.yml": workflow("      - run: mvn -B verify\n      - run: cp conf/mvn-settings.xml ~/.m2/settings.xml\n"),
				"pom.xml":                     file(ratPOM("<defaultGoal>apache-rat:check</defaultGoal>", "")),
			},
			want: []string{".github/workflows:0: " + noScanner},
		},
		{
			name: "RAT only in pluginManagement",
			files: fstest.MapFS{
				".github/workflows/maven.yml": workflow("      - run: mvn -B install\n"),
				"pom.xml": file("<project><build><pluginManagement><plugins><plugin><artifactId>apache-rat-plugin</artifactId>" +
					"<executions><execution><goals><goal>check</goal></goals></execution></executions></plugin></plugins></pluginManagement></build></project>\n"),
			},
			want: []string{".github/workflows:0: " + noScanner},
		},
		{
			name:  "trivy action without the licence scanner",
			files: fstest.MapFS{".github/workflows/sec.yml": workflow("      - uses: aquasecurity/trivy-action@0.24.0\n        with:\n          scan-type: fs\n          scanners: vuln,secret\n")},
			want:  []string{".github/workflows:0: " + noScanner},
		},
		{
			name:  "trivy action with the licence scanner",
			files: fstest.MapFS{".github/workflows/sec.yml": workflow("      - uses: aquasecurity/trivy-action@0.24.0\n        with:\n          scan-type: fs\n          scanners: vuln,license\n")},
		},
		{
			name:  "trivy command",
			files: fstest.MapFS{".github/workflows/sec.yml": workflow("      - run: trivy fs --scanners license --severity HIGH .\n")},
		},
		{
			name:  "dependency review without licence rules",
			files: fstest.MapFS{".github/workflows/dr.yml": workflow("      - uses: actions/dependency-review-action@v4\n        with:\n          fail-on-severity: high\n")},
			want:  []string{".github/workflows:0: " + noScanner},
		},
		{
			name:  "dependency review with allow-licenses",
			files: fstest.MapFS{".github/workflows/dr.yml": workflow("      - uses: actions/dependency-review-action@v4\n        with:\n          allow-licenses: MIT, Apache-2.0\n")},
		},
		{
			name: "dependency review config file without licence rules",
			files: fstest.MapFS{
				".github/workflows/dr.yml":      workflow("      - uses: actions/dependency-review-action@v4\n        with:\n          config-file: ./.github/dependency-review.yml\n"),
				".github/dependency-review.yml": file("fail-on-severity: critical\n"),
			},
			want: []string{".github/workflows:0: " + noScanner},
		},
		{
			name: "dependency review config file with licence rules",
			files: fstest.MapFS{
				".github/workflows/dr.yml":      workflow("      - uses: actions/dependency-review-action@v4\n        with:\n          config-file: ./.github/dependency-review.yml\n"),
				".github/dependency-review.yml": file("deny-licenses:\n  - GPL-3.0-only\n"),
			},
		},
		{
			name:  "cargo deny without licences",
			files: fstest.MapFS{".github/workflows/rust.yml": workflow("      - run: cargo deny check advisories bans\n")},
			want:  []string{".github/workflows:0: " + noScanner},
		},
		{
			name:  "cargo deny all checks",
			files: fstest.MapFS{".github/workflows/rust.yml": workflow("      - uses: EmbarkStudios/cargo-deny-action@v2\n")},
		},
		{
			name:  "a step named after a scanner that runs something else",
			files: fstest.MapFS{".github/workflows/ci.yml": workflow("      - name: reuse lint\n        run: echo \"reuse lint is next\"\n")},
			want:  []string{".github/workflows:0: " + noScanner},
		},
		{
			name:  "gitlab template",
			files: fstest.MapFS{".gitlab-ci.yml": file("include:\n  - template: Security/License-Scanning.gitlab-ci.yml\nstages: [test]\n")},
		},
		{
			name: "gitlab local include with a scanner",
			files: fstest.MapFS{
				".gitlab-ci.yml":  file("include:\n  - local: /ci/licences.yml\ntest:\n  script: [make test]\n"),
				"ci/licences.yml": file("licences:\n  image: fsfe/reuse:latest\n  script:\n    - reuse lint\n"),
			},
		},
		{
			name:  "gitlab without a scanner",
			files: fstest.MapFS{".gitlab-ci.yml": file("test:\n  script:\n    - go test ./...\n")},
			want:  []string{".gitlab-ci.yml:0: " + noScanner},
		},
		{
			name:  "circleci orb",
			files: fstest.MapFS{".circleci/config.yml": file("version: 2.1\norbs:\n  fossa: fossas/fossa@1.0.0\nworkflows:\n  main:\n    jobs: [fossa/analyze]\n")},
		},
		{
			name:  "jenkinsfile",
			files: fstest.MapFS{"Jenkinsfile": file("pipeline {\n  agent any\n  stages {\n    stage('licences') {\n      steps { sh 'scancode --license --json-pp out.json .' }\n    }\n  }\n}\n")},
		},
		{
			name:  "jenkinsfile comment only",
			files: fstest.MapFS{"Jenkinsfile": file("// TODO: sh 'reuse lint'\npipeline { agent any }\n")},
			want:  []string{"Jenkinsfile:0: " + noScanner},
		},
		{
			name:  "azure pipelines",
			files: fstest.MapFS{"azure-pipelines.yml": file("steps:\n  - script: go run github.com/google/go-licenses@v1.6.0 check ./...\n")},
		},
		{
			name: "pre-commit REUSE hook with workflows",
			files: fstest.MapFS{
				".github/workflows/ci.yml": workflow("      - run: make test\n"),
				".pre-commit-config.yaml":  file("repos:\n  - repo: https://github.com/fsfe/reuse-tool\n    rev: v4.0.3\n    hooks:\n      - id: reuse\n"),
			},
		},
		{
			name:  "pre-commit only, no scanner",
			files: fstest.MapFS{".pre-commit-config.yaml": file("repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.6.0\n    hooks:\n      - id: end-of-file-fixer\n")},
			want:  []string{".github/workflows:0: " + noScanner},
		},
		{
			name:  "invalid YAML read as text",
			files: fstest.MapFS{".github/workflows/ci.yml": file("jobs:\n  a:\n\tsteps:\n      - run: reuse lint\n")},
		},
		{
			name:  "extra scanner",
			files: fstest.MapFS{".github/workflows/ci.yml": workflow("      - run: ./tools/acme-license-audit --strict\n")},
			opts:  map[string]any{"extra": []any{`\bacme-license-audit\b`}},
		},
		{
			name:  "no CI at all",
			files: fstest.MapFS{"README.md": file("# x\n")},
			want:  []string{".github/workflows:0: no CI definitions found; add a workflow running a licence scanner (for example reuse lint or ospolint) under .github/workflows/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, _ := runCheck(t, licenseScanning(), tt.files, tt.opts)
			if diff := cmp.Diff(tt.want, brief(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLicenseScanningValidate(t *testing.T) {
	if err := licenseScanning().ValidateOptions(map[string]any{"extra": []any{"("}}); err == nil {
		t.Error("a bad regular expression was accepted")
	}
}

// ratPOM is a pom.xml with a build section: a defaultGoal element and the
// apache-rat-plugin with the given executions.
func ratPOM(defaultGoal, executions string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <artifactId>widget</artifactId>
  <build>
    ` + defaultGoal + `
    <plugins>
      <plugin>
        <groupId>org.apache.rat</groupId>
        <artifactId>apache-rat-plugin</artifactId>
        ` + executions + `
      </plugin>
    </plugins>
  </build>
</project>
`
}
