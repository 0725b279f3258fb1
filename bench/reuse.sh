#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: 2026 The ospolint Authors
#
# REUSE-IgnoreStart
#
# Times ospolint's REUSE scan against `reuse lint` and against the physical
# baseline (reading the first 4 KiB of every file) on a generated tree, and
# diffs the non-compliant files both tools name.
#
#   bench/reuse.sh [N]        N source files (default 100000)
#
# The tree: N Go files in 100 directories, ~1.5 KiB each. 85% carry an SPDX
# header; 5% lack the licence line, 5% the copyright line, 5% both; every
# 10th file lives under gen/ without a header, covered by REUSE.toml. With a
# REUSE tool older than 3.0 (Debian 12 ships 1.1.2), which does not read
# REUSE.toml, the same annotation is given to it as .reuse/dep5.
# Targets (docs/reuse.md): ospolint at least 10x faster than reuse lint, and
# within 1.5x of the read baseline.
set -euo pipefail

n=${1:-100000}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=$work/tree

echo "building ospolint"
(cd "$here" && go build -o "$work/ospolint" ./cmd/ospolint)

echo "generating $n files in $tree"
mkdir -p "$tree/LICENSES" "$tree/gen"
for d in $(seq 0 99); do mkdir -p "$tree/pkg$d"; done
printf 'Apache License, Version 2.0 (benchmark stand-in; https://spdx.org/licenses/Apache-2.0.html)\n' >"$tree/LICENSES/Apache-2.0.txt"
printf 'CC0 1.0 Universal (benchmark stand-in; https://spdx.org/licenses/CC0-1.0.html)\n' >"$tree/LICENSES/CC0-1.0.txt"
cat >"$tree/REUSE.toml" <<'EOF'
version = 1

[[annotations]]
path = "gen/**"
SPDX-FileCopyrightText = "2026 Example Corp"
SPDX-License-Identifier = "CC0-1.0"
EOF
awk -v n="$n" -v root="$tree" 'BEGIN {
	body = ""
	for (k = 0; k < 40; k++) body = body "func f" k "() int { return " k " }\n"
	for (i = 0; i < n; i++) {
		cp = "// SPDX-FileCopyrightText: 2026 Example Corp\n"
		lic = "// SPDX-License-Identifier: Apache-2.0\n"
		m = i % 20
		if (m == 1) lic = ""
		else if (m == 2) cp = ""
		else if (m == 3) { cp = ""; lic = "" }
		if (i % 10 == 5) { f = sprintf("%s/gen/data%06d.go", root, i); cp = ""; lic = "" }
		else f = sprintf("%s/pkg%d/file%06d.go", root, i % 100, i)
		printf "%s%s\npackage p\n\n%s", cp, lic, body > f
		close(f)
	}
}'

files=$(find "$tree" -type f | wc -l)
echo "$files files"

calc() { awk "BEGIN { printf \"%.4f\", $* }"; }
lesser() { calc "($1 < $2) ? $1 : $2"; }

# Seconds, with a fraction, that a command takes.
timeit() {
	local start
	start=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || true
	calc "$(date +%s.%N) - $start"
}

read_heads() { find "$tree" -type f -print0 | xargs -0 -n 2000 head -q -c 4096 >/dev/null; }
ids=$("$work/ospolint" checks 2>/dev/null | awk '$1 ~ /^reuse-/ {printf "%s%s", sep, $1; sep=","}')
if [ -z "$ids" ]; then
	ids=reuse-missing-license,reuse-missing-copyright,reuse-missing-licenses,reuse-unused-licenses,reuse-bad-licenses,reuse-deprecated-licenses,reuse-licenses-without-extension,reuse-invalid-expression,reuse-read-error,reuse-invalid-config
fi
ospolint_reuse() { "$work/ospolint" scan --rules reuse --checks "$ids" --format json --output "$work/ospolint.json" "$tree"; }
ospolint_all() { "$work/ospolint" scan --rules reuse --format json --output "$work/ospolint-all.json" "$tree"; }

read_heads # warm the page cache, so every run below reads from memory
t_read=$(timeit read_heads)
t_read2=$(timeit read_heads)
t_read=$(lesser "$t_read" "$t_read2")
t_osp=$(timeit ospolint_reuse)
t_osp2=$(timeit ospolint_reuse)
t_osp=$(lesser "$t_osp" "$t_osp2")
t_all=$(timeit ospolint_all)

printf '\n%-44s %8.2f s\n' "read first 4 KiB of each file (head -c)" "$t_read"
printf '%-44s %8.2f s   %5.2fx the read baseline\n' "ospolint scan --rules reuse (reuse-* only)" "$t_osp" "$(calc "$t_osp / $t_read")"
printf '%-44s %8.2f s\n' "ospolint scan --rules reuse (whole set)" "$t_all"

if ! command -v reuse >/dev/null; then
	echo "reuse is not installed (apt-get install reuse): no comparison"
	exit 0
fi
version=$(reuse --version | grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -1)
major=${version%%.*}
if [ "$major" -lt 3 ]; then
	# This REUSE tool predates REUSE.toml: give it the same annotation as dep5.
	mv "$tree/REUSE.toml" "$work/REUSE.toml"
	mkdir -p "$tree/.reuse"
	printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: gen/*\nCopyright: 2026 Example Corp\nLicense: CC0-1.0\n' >"$tree/.reuse/dep5"
fi
lint_args=(--root "$tree" lint)
[ "$major" -ge 4 ] && lint_args+=(--lines)
start=$(date +%s.%N)
(cd "$work" && reuse "${lint_args[@]}" >"$work/reuse.out" 2>"$work/reuse.err") || true
t_reuse=$(calc "$(date +%s.%N) - $start")
if [ "$major" -lt 3 ]; then
	rm -r "$tree/.reuse"
	mv "$work/REUSE.toml" "$tree/REUSE.toml"
fi
printf '%-44s %8.2f s   ospolint is %5.1fx faster\n' "reuse lint (reuse $version)" "$t_reuse" "$(calc "$t_reuse / $t_osp")"

# The non-compliant files each tool names, relative to the tree.
python3 - "$work/ospolint.json" "$work/reuse.out" "$tree" "$major" >"$work/diff.txt" <<'EOF'
import json, os, re, sys, glob
ours_path, theirs_path, tree, major = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ours = set()
for t in json.load(open(ours_path))["targets"]:
    for f in t["findings"]:
        if f["check"] == "reuse-missing-licenses":
            # one finding per missing text; it names the files using it
            ours.update(r["path"] for r in f.get("properties", {}).get("files", []))
        elif f["check"].startswith("reuse-") and f["check"] != "reuse-invalid-config":
            ours.add(f["path"])
theirs, section = set(), ""
rel = lambda p: os.path.relpath(os.path.join(tree, p) if not os.path.isabs(p) else p, tree)
for line in open(theirs_path):
    line = line.rstrip("\n")
    if major >= 4:
        m = re.match(r"^(.+?)(?::\d+)?: ", line)
        if m: theirs.add(rel(m.group(1)))
        continue
    if line.startswith("# "):
        section = line[2:]; continue
    if not line.startswith("* ") or section == "SUMMARY":
        continue
    item = line[2:]
    if section in ("DEPRECATED LICENSES", "UNUSED LICENSES"):
        for p in glob.glob(os.path.join(tree, "LICENSES", item + "*")):
            theirs.add(rel(p))
    else:
        theirs.add(rel(item))
print(f"non-compliant files: ospolint {len(ours)}, reuse lint {len(theirs)}")
for p in sorted(theirs - ours): print("  only reuse lint:", p)
for p in sorted(ours - theirs): print("  only ospolint:  ", p)
EOF
cat "$work/diff.txt"
# REUSE-IgnoreEnd
