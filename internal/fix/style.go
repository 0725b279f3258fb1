// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: 2026 The ospolint Authors

package fix

import (
	"path"
	"strings"
)

// style is how a language writes a comment line: prefix and suffix around
// the text.
type style struct {
	prefix, suffix string
}

func (s style) line(text string) string {
	if s.suffix == "" {
		return s.prefix + " " + text
	}
	return s.prefix + " " + text + " " + s.suffix
}

// styleFor returns the comment style for a file, or false when the format
// has none (JSON, plain text, images): such files get a .license sidecar.
func styleFor(p string) (style, bool) {
	name := strings.ToLower(path.Base(p))
	switch name {
	case "makefile", "gnumakefile", "dockerfile", "containerfile", "cmakelists.txt", "jenkinsfile", "vagrantfile",
		"gemfile", "rakefile", "procfile", ".gitignore", ".gitattributes", ".dockerignore", ".editorconfig",
		"codeowners", ".gitmodules", "requirements.txt", "pipfile", "justfile":
		return style{prefix: "#"}, true
	}
	switch {
	case strings.HasPrefix(name, "dockerfile."),
		// Kconfig and Kbuild files (Kconfig.debug), defconfig fragments.
		name == "kconfig", name == "kbuild", strings.HasPrefix(name, "kconfig."), strings.HasSuffix(name, "defconfig"):
		return style{prefix: "#"}, true
	}
	ext := path.Ext(name)
	for _, s := range styleTable() {
		for _, e := range s.exts {
			if e == ext {
				return s.style, true
			}
		}
	}
	return style{}, false
}

type extStyle struct {
	style style
	exts  []string
}

func styleTable() []extStyle {
	return []extStyle{
		// C headers take /* */ as they may be included from assembly and
		// linker scripts (the Linux kernel's licence rules say the same).
		{style{prefix: "//"}, []string{".go", ".c", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".hxx", ".java", ".js", ".mjs", ".cjs",
			".ts", ".mts", ".cts", ".tsx", ".jsx", ".rs", ".swift", ".kt", ".kts", ".scala", ".sc", ".cs", ".fs", ".dart", ".groovy",
			".gradle", ".proto", ".zig", ".php", ".m", ".mm", ".sol", ".scss", ".less", ".jsonc", ".json5",
			".dts", ".dtsi", ".dtso", ".its", ".cocci"}},
		{style{prefix: "#"}, []string{".py", ".pyi", ".sh", ".bash", ".zsh", ".fish", ".ksh", ".rb", ".pl", ".pm", ".r", ".yml", ".yaml",
			".toml", ".cfg", ".conf", ".cmake", ".tf", ".tfvars", ".hcl", ".nix", ".ex", ".exs", ".ps1", ".psm1", ".jl", ".mk",
			".properties", ".awk", ".sed", ".tcl", ".cr", ".nim", ".coffee", ".gd", ".bzl", ".bazel", ".star", ".dockerfile", ".env"}},
		{style{prefix: "--"}, []string{".sql", ".lua", ".hs", ".lhs", ".elm", ".ada", ".adb", ".ads", ".vhd", ".vhdl", ".asn1"}},
		{style{prefix: ";;"}, []string{".el", ".lisp", ".lsp", ".clj", ".cljs", ".cljc", ".edn", ".scm", ".rkt"}},
		// NASM and MASM; GNU as sources (.s, .S) take /* */ below: ";" separates
		// statements there on ARM.
		{style{prefix: ";"}, []string{".ini", ".asm"}},
		{style{prefix: "%"}, []string{".tex", ".sty", ".cls", ".erl", ".hrl", ".bib"}},
		{style{prefix: "<!--", suffix: "-->"}, []string{".html", ".htm", ".xhtml", ".xml", ".svg", ".md", ".markdown", ".vue", ".xsd",
			".xsl", ".xslt", ".plist", ".csproj", ".fsproj", ".vbproj", ".props", ".targets", ".nuspec", ".wxs", ".rss", ".atom"}},
		{style{prefix: "/*", suffix: "*/"}, []string{".css", ".h", ".s", ".lds", ".ld"}},
		{style{prefix: ".."}, []string{".rst"}},
		{style{prefix: "\""}, []string{".vim"}},
		{style{prefix: "REM"}, []string{".bat", ".cmd"}},
		{style{prefix: "'"}, []string{".vb", ".vbs", ".bas"}},
		{style{prefix: "{{/*", suffix: "*/}}"}, []string{".tpl", ".gotmpl", ".tmpl"}},
		{style{prefix: "{#", suffix: "#}"}, []string{".j2", ".jinja", ".jinja2", ".njk"}},
	}
}
