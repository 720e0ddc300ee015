#!/usr/bin/env bash
# Screenshots of the key pages at 1280 and 375 px for render-service/README.md, from a running portal.
#   docs/screenshots/take.sh [BASE_URL]        (default http://localhost:8080)
# Needs headless Chromium (/usr/bin/chromium, or CHROMIUM=...). The 1280 px shots are taken at half scale (640 px
# wide files) to keep the repository small.
set -euo pipefail
base=${1:-http://localhost:8080}
chromium=${CHROMIUM:-/usr/bin/chromium}
out=$(cd "$(dirname "$0")" && pwd)
publisher=${PUBLISHER_PATH:-}
if [ -z "$publisher" ]; then
  # the first member's page, as the Dutch community page links to it
  publisher=$(curl -fsS "$base/nl/community" | grep -o 'href="/nl/publisher/[^"]*"' | grep -v '/search"' | head -n 1 | sed 's/href="//; s/"$//')
fi
shoot() { # name path width height scale
  "$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --virtual-time-budget=8000 --force-device-scale-factor="$5" \
    --window-size="$3,$4" --screenshot="$out/$1-$3.png" "$base$2" >/dev/null 2>&1
  echo "$out/$1-$3.png"
}
for page in "home /" "nl-community /nl/community" "post /post/2024/riparias" "news /nl/news" "publisher ${publisher:-/publisher/search}"; do
  set -- $page
  shoot "$1" "$2" 1280 1600 0.5
  shoot "$1" "$2" 375 1100 1
done
