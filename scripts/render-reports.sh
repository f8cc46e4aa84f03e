#!/usr/bin/env bash
# Renders ASLUnit's HTML reports to PNG with headless Chromium (Debian's package), to look at them as
# a person would: the coverage summary, each definition's page, and any execution pages given.
#
#   scripts/render-reports.sh [REPORT_DIR [OUT_DIR [EXTRA.html ...]]]
#
# REPORT_DIR defaults to target/aslunit (what `mvn verify` writes), OUT_DIR to docs/images.
# Installs chromium with apt-get when it is missing (needs root, as on the project's machines).
set -euo pipefail

report_dir="${1:-target/aslunit}"
out_dir="${2:-docs/images}"
shift $(( $# > 2 ? 2 : $# ))

if [[ ! -f "$report_dir/index.html" ]]; then
  echo "No $report_dir/index.html: run 'mvn -B verify' first (or give the report directory)." >&2
  exit 1
fi

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "Installing Debian's chromium package..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi

mkdir -p "$out_dir"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# shot URL PNG WIDTH HEIGHT
shot() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
  echo "$2"
}

index="file://$(cd "$report_dir" && pwd)/index.html"
shot "$index" "$out_dir/coverage-summary.png" 1200 520
# One page per definition: index.html#def-1, #def-2, ... as many as the summary lists.
pages="$(grep -o 'id="def-[0-9]*"' "$report_dir/index.html" | grep -o '[0-9]*' || true)"
for n in $pages; do
  shot "$index#def-$n" "$out_dir/coverage-def-$n.png" 1200 1500
done
for page in "$@"; do
  name="$(basename "$page" .html)"
  shot "file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")" "$out_dir/execution-$name.png" 1200 1300
done
