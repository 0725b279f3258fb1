#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: 2026 The ospolint Authors
#
# Org scan load check (issue 12): 1,000 small repositories (N) behind a fake
# GitHub API on loopback, each scan in its own process. Prints repositories
# per second against the clone-only baseline measured in the same run, API
# requests per repository beyond the listing, the share of a second run's
# requests answered 304 from the ETag cache, and peak RSS at 100 and N
# repositories. Exits 1 when N repositories take over 60 s, more than 3
# requests per repository, under 90% 304s, or memory grows more than 1.5x.
#
# Usage: bench/org.sh [N]      env: JOBS (default: the CPUs)
set -euo pipefail
n=${1:-1000}
cd "$(dirname "$0")/.."
out=$(OSPOLINT_BENCH_REPOS="$n" OSPOLINT_BENCH_JOBS="${JOBS:-}" go test ./internal/org -run '^$' -bench OrgScan -benchtime 1x -timeout 30m)
echo "$out" | grep -E 'bench_test|Benchmark'
metric() { echo "$out" | grep -oE "[0-9.]+ $1" | head -1 | cut -d' ' -f1; }
rate=$(metric repos/s); req=$(metric req/repo); share=$(metric %304)
rss100=$(metric MiB-rss-100); rssall=$(metric MiB-rss-all)
awk -v n="$n" -v rate="$rate" -v req="$req" -v share="$share" -v a="$rss100" -v b="$rssall" 'BEGIN {
	secs = n / rate; bad = 0
	if (secs > 60)   { printf "FAIL: %d repositories took %.0f s (over 60 s)\n", n, secs; bad = 1 }
	if (req > 3)     { printf "FAIL: %.2f API requests per repository (over 3)\n", req; bad = 1 }
	if (share < 90)  { printf "FAIL: %.1f%% of the second run answered 304 (under 90%%)\n", share; bad = 1 }
	if (b > 1.5 * a) { printf "FAIL: peak RSS grew from %.0f to %.0f MiB\n", a, b; bad = 1 }
	if (!bad) printf "ok: %d repositories in %.0f s, %.2f requests each, %.1f%% 304 on the second run, RSS %.0f -> %.0f MiB\n", n, secs, req, share, a, b
	exit bad }'
