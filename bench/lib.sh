# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: 2026 The ospolint Authors
#
# Setup shared by the bench scripts that time the built binary: source it,
# then call `bench_setup NAME`. It sets root (the checkout), timebin (GNU
# time, needed for the peak RSS) and work (a temporary directory removed on
# exit unless KEEP is set), and builds $work/ospolint.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
timebin=/usr/bin/time

bench_setup() {
	if ! "$timebin" -f %e true >/dev/null 2>&1; then
		echo "$1: GNU time is needed for the peak RSS (Debian: apt-get install time)" >&2
		exit 2
	fi
	work=$(mktemp -d "${TMPDIR:-/tmp}/ospolint-$1.XXXXXX")
	trap bench_cleanup EXIT
	echo "building ospolint" >&2
	(cd "$root" && go build -o "$work/ospolint" ./cmd/ospolint)
}

bench_cleanup() {
	if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work" >&2; fi
}

# timed CMD...: runs CMD under GNU time, prints "seconds max-rss-KiB
# cpu-seconds". ospolint exiting 1 (findings at --fail-on) is a normal
# scan; any other failure stops the script with CMD's stderr.
timed() {
	"$timebin" -o "$work/time.out" -f '%e %M %U %S' "$@" >/dev/null 2>"$work/stderr" || {
		rc=$?
		if [ "$rc" -ne 1 ] || [ "$1" != "$work/ospolint" ]; then
			echo "$(basename "$0"): $* failed ($rc):" >&2
			cat "$work/stderr" >&2
			exit 1
		fi
	}
	tail -n 1 "$work/time.out" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}'
}
