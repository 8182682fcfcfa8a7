#!/usr/bin/env bash
# Renders a report.html as a person sees it: a PNG of the first screen
# (1366x900, a common laptop), a PNG of the whole page at that width, and the
# printed A4 pages (print to PDF, then each page to PNG), with headless
# Chromium. Look at them: someone who has never seen the tool must
# understand the first screen within ten seconds.
#
#   scripts/screenshot.sh REPORT.html OUT_DIR
#
# Needs Debian's `chromium` and `poppler-utils` (pdftoppm); run as root, the
# script installs them with apt-get when they are missing, else install them
# yourself: `sudo apt-get install chromium poppler-utils`.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 REPORT.html OUT_DIR" >&2
    exit 2
fi
report=$(realpath "$1")
out=$2
mkdir -p "$out"
out=$(realpath "$out")

need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "$0: '$1' is missing; install it with: sudo apt-get install $2" >&2
        exit 1
    fi
    apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
}
need chromium chromium
need pdftoppm poppler-utils

# No network, no profile of the user's, no GPU: the page must stand alone.
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
    --disable-extensions --user-data-dir="$(mktemp -d)" --proxy-server=127.0.0.1:9)

"${chrome[@]}" --window-size=1366,900 --screenshot="$out/screen.png" "file://$report" 2>/dev/null
"${chrome[@]}" --window-size=1366,6000 --screenshot="$out/full.png" "file://$report" 2>/dev/null
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/a4.pdf" "file://$report" 2>/dev/null
rm -f "$out"/a4-*.png
pdftoppm -png -r 96 "$out/a4.pdf" "$out/a4"
ls "$out"
