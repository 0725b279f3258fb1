#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: 2026 The ospolint Authors
#
# Scan speed check (issue 2): builds ospolint, generates a synthetic tree of
# N files (default 100000) in a temporary directory, then times, alternately
# and RUNS times each (default 3), the baseline
#     find . -type f -print0 | xargs -0 head -c 4096 > /dev/null
# and the full default scan
#     ospolint scan --format json . > /dev/null
# Prints the median wall times, their ratio and the scan's peak RSS, and
# exits 1 when the ratio is over 1.5 or the RSS over 200 MiB.
# Page caches are not dropped (that needs root): one untimed run of each
# warms them, so both sides read from memory.
#
# Usage: bench/scan.sh [N]      env: RUNS=3 MAX_RATIO=1.5 MAX_RSS_MIB=200 KEEP=1
set -euo pipefail

n=${1:-100000}
runs=${RUNS:-3}
max_ratio=${MAX_RATIO:-1.5}
max_rss=${MAX_RSS_MIB:-200}

. "$(dirname "$0")/lib.sh"
bench_setup bench
echo "generating $n files" >&2
(cd "$root" && go run ./bench/gentree -n "$n" -out "$work/tree")

cd "$work/tree"

baseline() { timed sh -c 'find . -type f -print0 | xargs -0 head -c 4096 > /dev/null'; }
scan() { timed "$work/ospolint" scan --format json .; }

baseline >/dev/null
scan >/dev/null

base_times=() scan_times=() rss_max=0
for i in $(seq "$runs"); do
	read -r t _ < <(baseline)
	base_times+=("$t")
	read -r t rss _ < <(scan)
	scan_times+=("$t")
	if [ "$rss" -gt "$rss_max" ]; then rss_max=$rss; fi
	echo "run $i: baseline ${base_times[-1]} s, scan $t s, scan RSS $((rss / 1024)) MiB" >&2
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
base=$(median "${base_times[@]}")
scanned=$(median "${scan_times[@]}")
ratio=$(awk -v s="$scanned" -v b="$base" 'BEGIN {printf "%.2f", (b > 0 ? s / b : 0)}')
rss_mib=$((rss_max / 1024))

echo "files:           $n"
echo "baseline (head): ${base} s (median of $runs)"
echo "ospolint scan:   ${scanned} s (median of $runs)"
echo "ratio:           ${ratio} (max ${max_ratio})"
echo "peak RSS:        ${rss_mib} MiB (max ${max_rss})"

fail=0
if awk -v r="$ratio" -v m="$max_ratio" 'BEGIN {exit !(r > m)}'; then
	echo "FAIL: scan takes ${ratio}x the baseline" >&2
	fail=1
fi
if [ "$rss_mib" -gt "$max_rss" ]; then
	echo "FAIL: peak RSS ${rss_mib} MiB" >&2
	fail=1
fi
exit "$fail"
