#!/usr/bin/env bash
# Fails when a user-visible string has no finished zh_CN translation: runs lupdate over the
# sources into a copy of the committed catalog; any new or unfinished entry is reported.
# Usage: check-translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/translations/callvault_zh_CN.ts" "$work/callvault_zh_CN.ts"
(cd "$root" && "$lupdate" -silent -no-obsolete -locations none ui app/callvault -ts "$work/callvault_zh_CN.ts")
unfinished=$(grep -c 'type="unfinished"' "$work/callvault_zh_CN.ts" || true)
if [ "$unfinished" -gt 0 ]; then
  echo "zh_CN: $unfinished strings without a finished translation:" >&2
  grep -B3 'type="unfinished"' "$work/callvault_zh_CN.ts" | grep '<source>' >&2
  echo "Run lupdate (cmake --build <dir> --target update_translations) and translate them." >&2
  exit 1
fi
total=$(grep -c '<message' "$work/callvault_zh_CN.ts")
echo "zh_CN: all $total strings translated"
