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
  publisher=$(curl -fsS "$base/nl/community" | grep -o 'href="/nl/publisher/[^"]*"' | grep -v '/search"' | head -n 1 | sed 's/href="//; s/"$//' || true)
fi
if [ -z "$publisher" ]; then
  # else the first organisation directory-service lists
  key=$(curl -fsS "$base/api/directory/v1/organisations?limit=1" | grep -o '"key":"[^"]*"' | head -n 1 \
    | sed 's/"key":"//; s/"$//' || true)
  publisher=${key:+/nl/publisher/$key}
fi
post=${POST_PATH:-}
if [ -z "$post" ]; then
  # the newest Dutch post of whatever site runs
  post=$(curl -fsS "$base/api/content/v1/posts?lang=nl&limit=1" | grep -o '"permalink":"[^"]*"' | head -n 1 \
    | sed 's/"permalink":"//; s/"$//' || true)
fi
shoot() { # name path width height scale
  "$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --virtual-time-budget=8000 --force-device-scale-factor="$5" \
    --window-size="$3,$4" --screenshot="$out/$1-$3.png" "$base$2" >/dev/null 2>&1
  echo "$out/$1-$3.png"
}
for page in "home /" "nl-community /nl/community" "post ${post:-/nl/news}" "news /nl/news" "publisher ${publisher:-/publisher/search}"; do
  set -- $page
  shoot "$1" "$2" 1280 1600 0.5
  shoot "$1" "$2" 375 1100 1
done
