#!/usr/bin/env bash
# Run the built bundle's self-test the way a teacher's laptop would: from a folder outside
# the checkout, with a clean environment (no .venv on PATH, no PYTHONPATH, no
# LANTERN_MODELS_DIR, a fresh home), Qt offscreen. Passes only when the last line of
# output is the JSON result with "ok": true.
#
#   packaging/bundle_selftest.sh [path/to/dist/Lantern]
set -euo pipefail

bundle="$(cd "${1:-dist/Lantern}" && pwd)"
exe="$bundle/Lantern"
[ -x "$exe" ] || { echo "no bundle at $bundle: run 'make bundle' first" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"

set +e
env -i HOME="$work" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    LANTERN_HOME="$work/home" "$exe" --self-test >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e

last="$(tail -n 1 "$work/out.txt")"
echo "$last"
if [ "$status" -ne 0 ] || ! grep -q '"ok": true' <<<"$last"; then
  echo "bundle self-test FAILED (exit $status); its stderr ends with:" >&2
  tail -n 30 "$work/err.txt" >&2
  exit 1
fi
