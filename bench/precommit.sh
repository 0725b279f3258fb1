#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: 2026 The ospolint Authors
#
# Speed of the ospolint-files pre-commit hook (issue 11): builds ospolint,
# generates a synthetic git repository of N files (default 20000), then
# times, RUNS times each (default 7), what the hook runs on 50 staged files
#     ospolint scan --files F1 ... F50
# against two baselines measured in the same run: starting the binary
# (ospolint version) and reading the 50 files' heads (head -c 4096). The
# figure is the median after one untimed run (pre-commit builds the hook
# once; every later commit starts it). For scale it also times the whole
# REUSE scan of the repository once. Exits 1 when the hook's median is over
# MAX_MS (default 200).
#
# Usage: bench/precommit.sh [N]      env: RUNS=7 MAX_MS=200 KEEP=1
set -euo pipefail

n=${1:-20000}
runs=${RUNS:-7}
max_ms=${MAX_MS:-200}

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ospolint-bench.XXXXXX")
cleanup() { if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work" >&2; fi; }
trap cleanup EXIT

echo "building ospolint" >&2
(cd "$root" && CGO_ENABLED=0 go build -o "$work/ospolint" ./cmd/ospolint)
echo "generating $n files" >&2
(cd "$root" && go run ./bench/gentree -n "$n" -out "$work/tree")
cd "$work/tree"
git init -q -b main
git add -A
git -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false -c gc.auto=0 -c maintenance.auto=false commit -qm tree

# 50 files spread over the tree, as a commit touching several packages.
mapfile -t files < <(git ls-files | awk -v n="$(git ls-files | wc -l)" 'NR % int(n / 50) == 0' | head -n 50)

# ms CMD...: wall time of one run in milliseconds; exit 1 (findings) is a
# normal outcome of a scan.
ms() {
	local start end rc=0
	start=$(date +%s%N)
	"$@" >/dev/null 2>"$work/stderr" || rc=$?
	end=$(date +%s%N)
	if [ "$rc" -gt 1 ]; then echo "precommit.sh: $* failed ($rc):" >&2; cat "$work/stderr" >&2; exit 1; fi
	echo $(((end - start) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

hook() { ms "$work/ospolint" scan --files "${files[@]}"; }
start() { ms "$work/ospolint" version; }
heads() { ms head -q -c 4096 "${files[@]}"; }

hook >/dev/null
start >/dev/null
heads >/dev/null
hook_t=() start_t=() heads_t=()
for i in $(seq "$runs"); do
	hook_t+=("$(hook)")
	start_t+=("$(start)")
	heads_t+=("$(heads)")
	echo "run $i: hook ${hook_t[-1]} ms, process start ${start_t[-1]} ms, head ${heads_t[-1]} ms" >&2
done
full=$(ms "$work/ospolint" scan --rules reuse --format json .)

h=$(median "${hook_t[@]}")
s=$(median "${start_t[@]}")
r=$(median "${heads_t[@]}")
echo "repository:                 $n files; ${#files[@]} files given to the hook"
echo "ospolint scan --files:      ${h} ms (median of $runs)"
echo "process start (version):    ${s} ms; hook / start = $(awk -v a="$h" -v b="$s" 'BEGIN {printf "%.1f", (b > 0 ? a / b : 0)}')x"
echo "reading the heads (head):   ${r} ms"
echo "whole REUSE scan, for scale: ${full} ms"
if [ "$h" -gt "$max_ms" ]; then
	echo "the hook takes over ${max_ms} ms on ${#files[@]} files" >&2
	exit 1
fi
