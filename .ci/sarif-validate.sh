#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: 2026 The ospolint Authors
#
# Validates SARIF files with Microsoft's SARIF Multitool (npm package
# @microsoft/sarif-multitool), rule kinds "Sarif;Gh" (the SARIF spec rules and
# GitHub code scanning's ingestion rules). Exits non-zero when the validation
# log holds any result or tool notification at level error; warnings and notes
# are printed but do not fail.
#
# Usage: .ci/sarif-validate.sh FILE.sarif [FILE...]
# The multitool is taken from $SARIF_MULTITOOL (the native binary), from an
# earlier install under /tmp/sarifmt, from PATH, or installed with npm into a
# temporary directory.
set -euo pipefail

MULTITOOL_VERSION=5.7.0

if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.sarif [FILE...]" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# native_in DIR prints the multitool binary of an npm install under DIR. The
# npm wrapper (bin.js) runs it through a shell, which splits "Sarif;Gh" at the
# semicolon, so the binary is called directly.
native_in() {
  local dir=$1 bin
  bin=$(cd "$dir" && node -p "require('@microsoft/sarif-multitool')" 2>/dev/null) || return 1
  [ -f "$bin" ] || return 1
  # npm may skip the package's postinstall (chmod u+x) when scripts are not
  # allowed.
  [ -x "$bin" ] || chmod u+x "$bin"
  printf '%s\n' "$bin"
}

find_multitool() {
  if [ -n "${SARIF_MULTITOOL:-}" ] && [ -x "$SARIF_MULTITOOL" ]; then
    printf '%s\n' "$SARIF_MULTITOOL"
    return
  fi
  if [ -d /tmp/sarifmt/node_modules/@microsoft/sarif-multitool ] && native_in /tmp/sarifmt; then
    return
  fi
  if command -v sarif-multitool-linux >/dev/null 2>&1; then
    command -v sarif-multitool-linux
    return
  fi
  echo "installing @microsoft/sarif-multitool@$MULTITOOL_VERSION with npm" >&2
  mkdir -p "$work/npm"
  (cd "$work/npm" && npm install --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool@$MULTITOOL_VERSION" >&2)
  native_in "$work/npm"
}

mt=$(find_multitool) || {
  echo "sarif-validate: SARIF Multitool not found and could not be installed" >&2
  exit 1
}

status=0
for f in "$@"; do
  if [ ! -f "$f" ]; then
    echo "sarif-validate: $f: no such file" >&2
    status=1
    continue
  fi
  # The multitool only analyses files ending in .sarif (a golden file would
  # be skipped with ERR997), so it reads a copy.
  in="$work/input.sarif"
  out="$work/validation.sarif"
  cp "$f" "$in"
  rm -f "$out"
  echo "==> validating $f (rule kinds Sarif;Gh)"
  set +e
  # DOTNET_CLI_TELEMETRY_OPTOUT: the bundled .NET runtime must not phone home.
  DOTNET_CLI_TELEMETRY_OPTOUT=1 "$mt" validate --rule-kind "Sarif;Gh" --level "Error;Warning" \
    --output "$out" "$in" >"$work/console.txt" 2>&1
  rc=$?
  set -e
  grep -E ': (error|warning) ' "$work/console.txt" | sed "s|$in|$f|" || true
  if [ ! -s "$out" ]; then
    cat "$work/console.txt" >&2
    echo "sarif-validate: $f: the multitool wrote no validation log (exit $rc)" >&2
    status=1
    continue
  fi
  # Count error-level results and notifications in the validation log. A
  # result without a level takes its rule's default, which is "warning" in
  # SARIF unless the rule says otherwise.
  if ! node - "$out" "$f" <<'EOF'
const fs = require('fs');
const [logPath, name] = process.argv.slice(2);
const log = JSON.parse(fs.readFileSync(logPath, 'utf8'));
let errors = 0, warnings = 0;
const gh = new Set();
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const r of run.results || []) {
    let level = r.level;
    if (!level) {
      const rule = rules[r.ruleIndex] || rules.find((x) => x.id === r.ruleId);
      level = (rule && rule.defaultConfiguration && rule.defaultConfiguration.level) || 'warning';
    }
    if (level === 'error') errors++;
    if (level === 'warning') warnings++;
    if (String(r.ruleId).startsWith('GH')) gh.add(r.ruleId);
  }
  for (const inv of run.invocations || []) {
    for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
      if (n.level === 'error') {
        errors++;
        console.log(`notification: ${n.message && n.message.text}`);
      }
    }
    if (inv.executionSuccessful === false) {
      errors++;
      console.log('the multitool did not run successfully');
    }
  }
}
console.log(`${name}: ${errors} error(s), ${warnings} warning(s)${gh.size ? ', GitHub rules hit: ' + [...gh].join(' ') : ''}`);
process.exit(errors > 0 ? 1 : 0);
EOF
  then
    status=1
  elif [ "$rc" -ne 0 ]; then
    cat "$work/console.txt" >&2
    echo "sarif-validate: $f: the multitool exited $rc" >&2
    status=1
  fi
done
exit "$status"
