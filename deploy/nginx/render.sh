#!/bin/sh
# Renders talkoften.conf.template with the values below (envsubst, from Debian's gettext-base) to
# stdout. Run it again after every deploy with the new build's id, then `nginx -s reload`:
#
#   TALKOFTEN_SERVER_NAME=talkoften.example \
#   TALKOFTEN_APP_SERVERS="server 10.0.0.11:3000; server 10.0.0.12:3000;" \
#   TALKOFTEN_CERT=/etc/letsencrypt/live/talkoften.example/fullchain.pem \
#   TALKOFTEN_KEY=/etc/letsencrypt/live/talkoften.example/privkey.pem \
#   deploy/nginx/render.sh > /etc/nginx/conf.d/talkoften.conf && nginx -t && nginx -s reload
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${TALKOFTEN_SERVER_NAME:?set TALKOFTEN_SERVER_NAME, e.g. talkoften.example}"
: "${TALKOFTEN_APP_SERVERS:?set TALKOFTEN_APP_SERVERS, e.g. \"server 127.0.0.1:3000;\"}"
: "${TALKOFTEN_CERT:?set TALKOFTEN_CERT to the certificate (full chain) file}"
: "${TALKOFTEN_KEY:?set TALKOFTEN_KEY to its private key file}"
export TALKOFTEN_HTTP_PORT="${TALKOFTEN_HTTP_PORT:-80}"
export TALKOFTEN_HTTPS_PORT="${TALKOFTEN_HTTPS_PORT:-443}"
export TALKOFTEN_PUBLIC_ORIGIN="${TALKOFTEN_PUBLIC_ORIGIN:-https://$TALKOFTEN_SERVER_NAME}"
export TALKOFTEN_CACHE_DIR="${TALKOFTEN_CACHE_DIR:-/var/cache/nginx/talkoften}"
# Brotli when Debian's module is installed (TALKOFTEN_BROTLI=on/off to decide), compressing on a
# loopback port of its own.
if [ -z "${TALKOFTEN_BROTLI:-}" ]; then
  if [ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ]; then TALKOFTEN_BROTLI=on; else TALKOFTEN_BROTLI=off; fi
fi
export TALKOFTEN_BROTLI_PORT="${TALKOFTEN_BROTLI_PORT:-8181}"
encoding="$here/encoding-gzip.conf"
[ "$TALKOFTEN_BROTLI" = on ] && encoding="$here/encoding-brotli.conf"
# The build's id (Next.js writes it to .next/BUILD_ID): part of every cache key.
export TALKOFTEN_BUILD_ID="${TALKOFTEN_BUILD_ID:-$(cat "$here/../../.next/BUILD_ID")}"
export TALKOFTEN_SERVER_NAME TALKOFTEN_APP_SERVERS TALKOFTEN_CERT TALKOFTEN_KEY
cat "$here/talkoften.conf.template" "$encoding" |
  envsubst '$TALKOFTEN_SERVER_NAME $TALKOFTEN_APP_SERVERS $TALKOFTEN_CERT $TALKOFTEN_KEY $TALKOFTEN_HTTP_PORT $TALKOFTEN_HTTPS_PORT $TALKOFTEN_PUBLIC_ORIGIN $TALKOFTEN_CACHE_DIR $TALKOFTEN_BUILD_ID $TALKOFTEN_BROTLI_PORT'
