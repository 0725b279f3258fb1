// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package deps

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// row is what a test compares of a dependency.
type row struct {
	Name, Version string
	Direct, Dev   bool
	Line          int
	License       string
}

func rows(ds []Dependency) []row {
	out := make([]row, len(ds))
	for i, d := range ds {
		out[i] = row{d.Name, d.Version, d.Direct, d.Dev, d.Line, d.License}
	}
	return out
}

// parseCase is one lockfile with the manifest beside it.
type parseCase struct {
	name  string
	files map[string]string // the lockfile first is named by path
	path  string
	want  []row
}

func runParseCases(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for p, s := range tc.files {
				fsys[p] = &fstest.MapFile{Data: []byte(s)}
			}
			inv, err := Read(fsys, []string{tc.path}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, rows(inv.Dependencies)); diff != "" {
				t.Errorf("dependencies (-want +got):\n%s", diff)
			}
		})
	}
}

const goMod = `module example.com/app

go 1.22

require (
	github.com/spf13/cobra v1.10.2
	golang.org/x/sys v0.49.0 // indirect
	example.com/old v1.0.0
	example.com/local v0.0.0
	example.com/graphonly v1.2.0 // indirect
)

replace example.com/old => example.com/new v1.1.0

replace example.com/local => ../local
`

const goSum = `example.com/graphonly v1.2.0/go.mod h1:AAAA=
example.com/new v1.1.0 h1:BBBB=
example.com/new v1.1.0/go.mod h1:CCCC=
github.com/spf13/cobra v1.10.2 h1:DDDD=
github.com/spf13/cobra v1.10.2/go.mod h1:EEEE=
golang.org/x/sys v0.49.0 h1:FFFF=
`

func TestParseGo(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "replace and go.sum", path: "go.mod", files: map[string]string{"go.mod": goMod, "go.sum": goSum}, want: []row{
			{"example.com/local", "", true, false, 9, NoAssertion},
			{"example.com/new", "v1.1.0", true, false, 8, NoAssertion},
			{"github.com/spf13/cobra", "v1.10.2", true, false, 6, NoAssertion},
			{"golang.org/x/sys", "v0.49.0", false, false, 7, NoAssertion},
		}},
		{name: "without go.sum every requirement", path: "go.mod", files: map[string]string{"go.mod": "module m\nrequire a.example/x v1.0.0 // indirect\n"}, want: []row{
			{"a.example/x", "v1.0.0", false, false, 2, NoAssertion},
		}},
	})
}

const packageLockV3 = `{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "app",
      "version": "1.0.0",
      "dependencies": {
        "@scope/lib": "^2.0.0",
        "left-pad": "^1.3.0"
      },
      "devDependencies": {
        "jest-lite": "^1.0.0"
      }
    },
    "node_modules/@scope/lib": {
      "version": "2.1.0",
      "resolved": "https://registry.npmjs.org/@scope/lib/-/lib-2.1.0.tgz",
      "integrity": "sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
      "license": "Apache-2.0",
      "dependencies": {
        "left-pad": "^1.0.0"
      }
    },
    "node_modules/@scope/lib/node_modules/left-pad": {
      "version": "1.0.0",
      "license": "WTFPL"
    },
    "node_modules/left-pad": {
      "version": "1.3.0",
      "license": "BSD-3"
    },
    "node_modules/jest-lite": {
      "version": "1.0.0",
      "dev": true,
      "license": "MIT"
    },
    "node_modules/workspace-a": {
      "resolved": "packages/a",
      "link": true
    },
    "packages/a": {
      "version": "0.1.0"
    }
  }
}
`

const packageLockWorkspaces = `{
  "name": "mono",
  "lockfileVersion": 3,
  "packages": {
    "": {
      "name": "mono",
      "workspaces": ["packages/*"],
      "dependencies": {"chalk": "^4.1.0"}
    },
    "packages/app": {
      "name": "app",
      "dependencies": {"chalk": "^5.0.0", "debug": "^4.0.0", "lib": "*"},
      "devDependencies": {"typescript": "^5.0.0"}
    },
    "packages/lib": {
      "name": "lib",
      "devDependencies": {"chalk": "^4.0.0"}
    },
    "node_modules/app": {"resolved": "packages/app", "link": true},
    "node_modules/lib": {"resolved": "packages/lib", "link": true},
    "packages/app/node_modules/chalk": {
      "version": "5.3.0"
    },
    "packages/app/node_modules/debug": {
      "version": "4.3.4",
      "dependencies": {"ms": "2.1.3"}
    },
    "node_modules/chalk": {
      "version": "4.1.2"
    },
    "node_modules/typescript": {
      "version": "5.4.2",
      "dev": true
    },
    "node_modules/ms": {
      "version": "2.1.3"
    },
    "node_modules/debug": {
      "version": "2.6.9"
    }
  }
}
`

const packageLockV1 = `{
  "name": "old",
  "lockfileVersion": 1,
  "dependencies": {
    "a": {
      "version": "1.0.0",
      "integrity": "sha1-qUWH5Iq5dW3yR3JyYi5URAmsp2s=",
      "dependencies": {
        "b": {"version": "2.0.0"}
      }
    },
    "c": {"version": "3.0.0", "dev": true}
  }
}
`

func TestParseNPM(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "package-lock v3", path: "web/package-lock.json", files: map[string]string{"web/package-lock.json": packageLockV3}, want: []row{
			{"@scope/lib", "2.1.0", true, false, 18, "Apache-2.0"},
			{"jest-lite", "1.0.0", true, true, 35, "MIT"},
			{"left-pad", "1.0.0", false, false, 27, "WTFPL"},
			{"left-pad", "1.3.0", true, false, 31, "BSD-3-Clause"},
		}},
		// A workspace's dependencies are the project's as much as the
		// root's (pnpm's importers say so too): direct where Node resolves
		// them from the workspace, its own node_modules first. A package
		// of the same name that only the tree needs stays indirect, and
		// the lockfile's dev flag is npm's verdict.
		{name: "package-lock workspaces", path: "package-lock.json", files: map[string]string{"package-lock.json": packageLockWorkspaces}, want: []row{
			{"chalk", "4.1.2", true, false, 28, NoAssertion},
			{"chalk", "5.3.0", true, false, 21, NoAssertion},
			{"debug", "2.6.9", false, false, 38, NoAssertion},
			{"debug", "4.3.4", true, false, 24, NoAssertion},
			{"ms", "2.1.3", false, false, 35, NoAssertion},
			{"typescript", "5.4.2", true, true, 31, NoAssertion},
		}},
		{name: "package-lock v1 with package.json", path: "package-lock.json", files: map[string]string{
			"package-lock.json": packageLockV1, "package.json": `{"dependencies": {"a": "^1"}, "devDependencies": {"c": "^3"}}`}, want: []row{
			{"a", "1.0.0", true, false, 5, NoAssertion},
			{"b", "2.0.0", false, false, 5, NoAssertion},
			{"c", "3.0.0", true, true, 12, NoAssertion},
		}},
		{name: "yarn v1", path: "yarn.lock", files: map[string]string{"package.json": `{"dependencies": {"@babel/core": "^7.0.0", "lodash": "^4.17.20"}}`,
			"yarn.lock": `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@babel/core@^7.0.0":
  version "7.24.0"
  resolved "https://registry.yarnpkg.com/@babel/core/-/core-7.24.0.tgz#abc"
  integrity sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==
  dependencies:
    lodash "^4.17.0"

lodash@^4.17.0, lodash@^4.17.20:
  version "4.17.21"
`}, want: []row{
			{"@babel/core", "7.24.0", true, false, 5, NoAssertion},
			{"lodash", "4.17.21", true, false, 12, NoAssertion},
		}},
		// Workspace members declare the project's dependencies too, as in
		// package-lock.json and pnpm-lock.yaml.
		{name: "yarn v1 workspaces", path: "yarn.lock", files: map[string]string{
			"package.json":              `{"private": true, "workspaces": ["packages/*"], "devDependencies": {"jest": "^29.0.0"}}`,
			"packages/app/package.json": `{"name": "app", "dependencies": {"lodash": "^4.17.20", "lib": "1.0.0"}}`,
			"packages/lib/package.json": `{"name": "lib"}`,
			"yarn.lock": `# yarn lockfile v1


jest@^29.0.0:
  version "29.7.0"

lodash@^4.17.0, lodash@^4.17.20:
  version "4.17.21"

ms@^2.1.1:
  version "2.1.3"
`}, want: []row{
			{"jest", "29.7.0", true, false, 4, NoAssertion},
			{"lodash", "4.17.21", true, false, 7, NoAssertion},
			{"ms", "2.1.3", false, false, 10, NoAssertion},
		}},
		{name: "yarn berry workspaces", path: "yarn.lock", files: map[string]string{
			"package.json":             `{"workspaces": {"packages": ["tools/*", "!tools/skip"]}}`,
			"tools/cli/package.json":   `{"dependencies": {"chalk": "^5.0.0"}}`,
			"tools/other/package.json": `{"dependencies": {"chalk": "^4.0.0"}}`,
			"yarn.lock": `__metadata:
  version: 8

"chalk@npm:^4.0.0, chalk@npm:^4.1.0":
  version: 4.1.2
  resolution: "chalk@npm:4.1.2"

"chalk@npm:^5.0.0":
  version: 5.3.0
  resolution: "chalk@npm:5.3.0"

"cli@workspace:tools/cli":
  version: 0.0.0-use.local
  resolution: "cli@workspace:tools/cli"
  dependencies:
    chalk: "npm:^5.0.0"
`}, want: []row{
			{"chalk", "4.1.2", true, false, 4, NoAssertion},
			{"chalk", "5.3.0", true, false, 8, NoAssertion},
		}},
		{name: "yarn berry", path: "yarn.lock", files: map[string]string{"package.json": `{"devDependencies": {"lodash": "^4.17.21"}}`,
			"yarn.lock": `# This file is generated by running "yarn install" inside your project.

__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  languageName: unknown
  linkType: soft

"lodash@npm:^4.17.21":
  version: 4.17.21
  resolution: "lodash@npm:4.17.21"
  checksum: 10c0/d8cbea072bb08655bb4c989da418994b073a608dffa608b09ac04b43a791b12aeae7cd7ad919aa4c925f33b48490b5cfe6c1f71d827956071dae2e7bb3a6b74
  languageName: node
  linkType: hard
`}, want: []row{
			{"lodash", "4.17.21", true, false, 13, NoAssertion},
		}},
		{name: "pnpm v9", path: "pnpm-lock.yaml", files: map[string]string{"pnpm-lock.yaml": `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      react:
        specifier: ^18.2.0
        version: 18.2.0
    devDependencies:
      typescript:
        specifier: ^5.0.0
        version: 5.4.2

packages:

  js-tokens@4.0.0:
    resolution: {integrity: sha512-RdJUflcE3cUzKiMqQgsCu06FPu9UdIJO0beYbPhHN4k6apgJtifcoCtT9bcxOpYBtpD2kCM6Sbzg4CausW/PKQ==}

  react@18.2.0:
    resolution: {integrity: sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==}
    engines: {node: '>=0.10.0'}

  typescript@5.4.2:
    resolution: {integrity: sha512-+2/g0Fds1ERlP6JsakQQDXjZdZMM+rqpamFZJEKh4kwTIn3iDkgKtby0CeNd5ATNZ4Ry1ax15TMx0W2V+miizQ==}

snapshots:

  react@18.2.0:
    dependencies:
      js-tokens: 4.0.0
`}, want: []row{
			{"js-tokens", "4.0.0", false, false, 17, NoAssertion},
			{"react", "18.2.0", true, false, 20, NoAssertion},
			{"typescript", "5.4.2", true, true, 24, NoAssertion},
		}},
		{name: "pnpm v5", path: "pnpm-lock.yaml", files: map[string]string{"pnpm-lock.yaml": `lockfileVersion: 5.4

specifiers:
  string_decoder: ^1.3.0

dependencies:
  string_decoder: 1.3.0

packages:

  /safe-buffer/5.2.1:
    resolution: {integrity: sha512-rp3So07KcdmmKbGvgaNxQSJr7bGVSVk5S9Eq1F+ppbRo70+YeaDxkw5Dd8NPN+GD6bjnYm2VuPuCXmpuYvmCXQ==}
    dev: false

  /string_decoder/1.3.0:
    resolution: {integrity: sha512-hkRX8U1WjJFd8LsDJ2yQ/wWWxaopEsABU1XfkM8A+j0+85JAGppt16cr1Whg6KIbb4okU6Mql6BOj+uup/wKeA==}
    dependencies:
      safe-buffer: 5.2.1
    dev: false
`}, want: []row{
			{"safe-buffer", "5.2.1", false, false, 11, NoAssertion},
			{"string_decoder", "1.3.0", true, false, 15, NoAssertion},
		}},
	})
}

func TestParseCargo(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "workspace", path: "Cargo.lock", files: map[string]string{"Cargo.lock": `# This file is automatically @generated by Cargo.
version = 3

[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "serde",
 "rand 0.8.5",
]

[[package]]
name = "rand"
version = "0.7.3"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "6a6b1679d49b24bbfe0c803429aa1874472f50d9b363131f0e89fc356b544d03"

[[package]]
name = "rand"
version = "0.8.5"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "34af8d1a0e25924bc5b7c43c079c942339d8f0a8b57c39049bef581b46327404"
dependencies = [
 "rand 0.7.3",
]

[[package]]
name = "serde"
version = "1.0.197"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "3fb1c873e1b9b056a4dc4c0c198b24c3ffa059243875552b2bd0933b1aee4ce2"
`}, want: []row{
			{"rand", "0.7.3", false, false, 12, NoAssertion},
			{"rand", "0.8.5", true, false, 18, NoAssertion},
			{"serde", "1.0.197", true, false, 27, NoAssertion},
		}},
	})
}

func TestParsePython(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "poetry", path: "poetry.lock", files: map[string]string{
			"pyproject.toml": "[tool.poetry.dependencies]\npython = \"^3.11\"\nRequests = \"^2.31\"\n[tool.poetry.group.dev.dependencies]\npytest = \"^8\"\n",
			"poetry.lock": `# This file is automatically @generated by Poetry 1.8.2 and should not be changed by hand.

[[package]]
name = "certifi"
version = "2024.2.2"
description = "Python package for providing Mozilla's CA Bundle."
optional = false
python-versions = ">=3.6"
files = [
    {file = "certifi-2024.2.2-py3-none-any.whl", hash = "sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1"},
]

[[package]]
name = "pytest"
version = "8.1.1"
description = "pytest: simple powerful testing with Python"
optional = false
python-versions = ">=3.8"
groups = ["dev"]

[[package]]
name = "requests"
version = "2.31.0"
description = "Python HTTP for Humans."
optional = false
python-versions = ">=3.7"
groups = ["main"]

[package.dependencies]
certifi = ">=2017.4.17"

[metadata]
lock-version = "2.0"
python-versions = "^3.11"
content-hash = "abc"
`}, want: []row{
			{"certifi", "2024.2.2", false, false, 3, NoAssertion},
			{"pytest", "8.1.1", true, true, 13, NoAssertion},
			{"requests", "2.31.0", true, false, 21, NoAssertion},
		}},
		{name: "uv", path: "uv.lock", files: map[string]string{"uv.lock": `version = 1
requires-python = ">=3.12"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "requests" },
]

[package.dev-dependencies]
dev = [
    { name = "pytest" },
]

[[package]]
name = "pytest"
version = "8.1.1"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files.pythonhosted.org/pytest-8.1.1.tar.gz", hash = "sha256:ac978141a75948948817d360297b7aae0fcb9d6ff6bc9ec6d514b85d5a65c044", size = 1409703 }

[[package]]
name = "requests"
version = "2.31.0"
source = { registry = "https://pypi.org/simple" }
`}, want: []row{
			{"pytest", "8.1.1", true, true, 17, NoAssertion},
			{"requests", "2.31.0", true, false, 23, NoAssertion},
		}},
		{name: "Pipfile.lock", path: "Pipfile.lock", files: map[string]string{
			"Pipfile": "[packages]\nrequests = \"*\"\n[dev-packages]\nblack = \"*\"\n",
			"Pipfile.lock": `{
    "_meta": {"hash": {"sha256": "x"}, "pipfile-spec": 6},
    "default": {
        "certifi": {"hashes": ["sha256:x"], "version": "==2024.2.2"},
        "requests": {"hashes": ["sha256:y"], "index": "pypi", "version": "==2.31.0"}
    },
    "develop": {
        "black": {"version": "==24.3.0"}
    }
}
`}, want: []row{
			{"black", "24.3.0", true, true, 8, NoAssertion},
			{"certifi", "2024.2.2", false, false, 4, NoAssertion},
			{"requests", "2.31.0", true, false, 5, NoAssertion},
		}},
		{name: "requirements (pip-compile)", path: "requirements.txt", files: map[string]string{"requirements.txt": `#
# This file is autogenerated by pip-compile with Python 3.11
#
certifi==2024.2.2 \
    --hash=sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1
    # via requests
Django[argon2]>=4.2 ; python_version >= "3.10"
requests==2.31.0
    # via -r requirements.in
-r base.txt
--index-url https://pypi.org/simple
git+https://github.com/org/tool.git@v1#egg=tool
`}, want: []row{
			{"Django", "", true, false, 7, NoAssertion},
			{"certifi", "2024.2.2", false, false, 4, NoAssertion},
			{"requests", "2.31.0", true, false, 8, NoAssertion},
			{"tool", "", true, false, 12, NoAssertion},
		}},
		// pip-compile run on pyproject.toml names the project and its file
		// (Flask's examples/celery): those lines are direct.
		{name: "requirements (pip-compile pyproject.toml)", path: "requirements.txt", files: map[string]string{"requirements.txt": `#
#    pip-compile --resolver=backtracking pyproject.toml
#
amqp==5.1.1
    # via kombu
celery[redis]==5.2.7
    # via example-app (pyproject.toml)
click==8.1.3
    # via
    #   celery
    #   flask
flask==2.3.2
    # via example-app (pyproject.toml)
kombu==5.2.4
    # via celery
`}, want: []row{
			{"amqp", "5.1.1", false, false, 4, NoAssertion},
			{"celery", "5.2.7", true, false, 6, NoAssertion},
			{"click", "8.1.3", false, false, 8, NoAssertion},
			{"flask", "2.3.2", true, false, 12, NoAssertion},
			{"kombu", "5.2.4", false, false, 14, NoAssertion},
		}},
	})
}

func TestParseOthers(t *testing.T) {
	runParseCases(t, []parseCase{
		{name: "Gemfile.lock", path: "Gemfile.lock", files: map[string]string{"Gemfile.lock": `PATH
  remote: .
  specs:
    mygem (0.1.0)
      rake

GEM
  remote: https://rubygems.org/
  specs:
    nokogiri (1.16.0-x86_64-linux)
      racc (~> 1.4)
    nokogiri (1.16.0-arm64-darwin)
      racc (~> 1.4)
    racc (1.7.3)
    rake (13.1.0)

PLATFORMS
  x86_64-linux

DEPENDENCIES
  mygem!
  nokogiri (~> 1.16)

CHECKSUMS
  rake (13.1.0) sha256=1b82d5c1c2f2d4c32ee3ac4ff1e1b4e5fb6a8e3e2dd6c1f17e5d1c7a2a4bcbf7

BUNDLED WITH
   2.5.6
`}, want: []row{
			{"nokogiri", "1.16.0", true, false, 10, NoAssertion},
			{"racc", "1.7.3", false, false, 14, NoAssertion},
			{"rake", "13.1.0", false, false, 15, NoAssertion},
		}},
		{name: "composer.lock", path: "composer.lock", files: map[string]string{
			"composer.json": `{"require": {"php": ">=8.1", "monolog/monolog": "^3.0"}, "require-dev": {"phpunit/phpunit": "^10"}}`,
			"composer.lock": `{
    "content-hash": "x",
    "packages": [
        {
            "name": "monolog/monolog",
            "version": "3.5.0",
            "dist": {"type": "zip", "url": "https://api.github.com/x", "shasum": ""},
            "license": ["MIT"]
        },
        {
            "name": "psr/log",
            "version": "3.0.0",
            "license": ["MIT", "Apache-2.0"]
        }
    ],
    "packages-dev": [
        {
            "name": "phpunit/phpunit",
            "version": "10.5.0",
            "license": ["BSD-3-Clause"]
        }
    ]
}
`}, want: []row{
			{"monolog/monolog", "3.5.0", true, false, 4, "MIT"},
			{"phpunit/phpunit", "10.5.0", true, true, 17, "BSD-3-Clause"},
			{"psr/log", "3.0.0", false, false, 10, "MIT OR Apache-2.0"},
		}},
		{name: "pom.xml", path: "pom.xml", files: map[string]string{"pom.xml": `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>app</artifactId>
  <version>1.2.0</version>
  <properties>
    <guava.version>33.0.0-jre</guava.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>managed</groupId><artifactId>bom</artifactId><version>9</version></dependency>
      <dependency><groupId>org.mockito</groupId><artifactId>mockito-core</artifactId><version>${mockito.version}</version></dependency>
      <dependency><groupId>io.netty</groupId><artifactId>netty-all</artifactId><version>4.1.100.Final</version></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>com.google.guava</groupId>
      <artifactId>guava</artifactId>
      <version>${guava.version}</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.10.2</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.example</groupId>
      <artifactId>sibling</artifactId>
      <version>${project.version}</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
    </dependency>
    <dependency>
      <groupId>io.netty</groupId>
      <artifactId>netty-all</artifactId>
    </dependency>
    <dependency>
      <groupId>org.mockito</groupId>
      <artifactId>mockito-core</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.openjdk.jmh</groupId>
      <artifactId>jmh-core</artifactId>
      <version>${jmh.version}</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>commons-io</groupId>
      <artifactId>commons-io</artifactId>
      <version>[2.0,3.0)</version>
    </dependency>
  </dependencies>
</project>
`}, want: []row{
			// Managed by a parent POM, a property the parent defines, a
			// range: listed with no version (Apache Commons' poms left 6
			// of 8 dependencies out of the SBOM).
			{"com.google.guava:guava", "33.0.0-jre", true, false, 18, NoAssertion},
			{"commons-io:commons-io", "", true, false, 53, NoAssertion},
			{"io.netty:netty-all", "4.1.100.Final", true, false, 38, NoAssertion},
			{"org.example:sibling", "1.2.0", true, false, 29, NoAssertion},
			{"org.junit.jupiter:junit-jupiter", "5.10.2", true, true, 23, NoAssertion},
			{"org.mockito:mockito-core", "", true, true, 42, NoAssertion},
			{"org.openjdk.jmh:jmh-core", "", true, true, 47, NoAssertion},
			{"org.slf4j:slf4j-api", "", true, false, 34, NoAssertion},
		}},
	})
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		path, data string
		line       int
		msg        string
	}{
		{"go.mod", "module m\nrequire (\n\tbad\n", 4, "unterminated block"},
		{"go.mod", "go 1.22\n", 1, "no module line"},
		{"package-lock.json", "{\n  \"packages\": {\n    \"node_modules/a\": {\"version\": 1}\n", 3, "unexpected JSON value"},
		{"package-lock.json", "{\n  \"packages\": {\n", 3, "unexpected end"},
		{"yarn.lock", "a@^1:\n  version \"1\"\nnot an entry\n", 3, "expected an entry"},
		{"pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  - a\n", 3, "must be a mapping"},
		{"Cargo.lock", "[[package]]\nname = \"a\"\nversion = \n", 3, "invalid TOML"},
		{"Gemfile.lock", "GEM\n  specs:\n    not a gem\n", 3, "expected a gem"},
		{"composer.lock", "{\"packages\": {}}", 1, "expected a JSON array"},
		{"pom.xml", "<project>\n<dependencies>\n</project>\n", 3, "invalid XML"},
		{"Pipfile.lock", "[]", 1, "expected a JSON object"},
		{"uv.lock", "\x00\x01", 0, "binary"},
	}
	for _, tc := range cases {
		_, err := Parse(tc.path, []byte(tc.data))
		if err == nil {
			t.Errorf("%s %q: no error", tc.path, tc.data)
			continue
		}
		var le *LineError
		if !errors.As(err, &le) || le.Line != tc.line || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s %q: error %v, want line %d containing %q", tc.path, tc.data, err, tc.line, tc.msg)
		}
	}
}

func TestPURL(t *testing.T) {
	cases := map[string]string{
		PURL(Go, "github.com/spf13/cobra", "v1.10.2"):      "pkg:golang/github.com/spf13/cobra@v1.10.2",
		PURL(NPM, "@Babel/Core", "7.0.0"):                  "pkg:npm/%40babel/core@7.0.0",
		PURL(PyPI, "Django_Rest.framework", "3.0"):         "pkg:pypi/django-rest-framework@3.0",
		PURL(Maven, "org.apache:commons-lang3", "3.14.0"):  "pkg:maven/org.apache/commons-lang3@3.14.0",
		PURL(Composer, "Monolog/Monolog", "3.5.0"):         "pkg:composer/monolog/monolog@3.5.0",
		PURL(Cargo, "serde", "1.0.0"):                      "pkg:cargo/serde@1.0.0",
		PURL(Gem, "rake", ""):                              "pkg:gem/rake",
		PURL(Go, "example.com/a b", "v1.0.0+incompatible"): "pkg:golang/example.com/a%20b@v1.0.0%2Bincompatible",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("purl %q, want %q", got, want)
		}
	}
}
