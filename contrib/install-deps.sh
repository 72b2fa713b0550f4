#!/bin/sh
# Installs what building, running and testing Cblue needs on Debian 12 (run as root).
set -eu
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 \
  meson ninja-build pkg-config gcc g++ \
  libglib2.0-dev libglib2.0-bin libsoup-3.0-dev libjson-glib-dev \
  libicu-dev libthai-dev libthai-data libdatrie-dev libsqlite3-dev libpcre2-dev libsodium-dev \
  gobject-introspection libgirepository1.0-dev gir1.2-soup-3.0 gir1.2-json-1.0 \
  python3-gi python3-pytest python3-prometheus-client python3-selenium chromium chromium-driver gettext gi-docgen ca-certificates \
  python3-jsonschema python3-yaml python3-websocket \
  libhiredis-dev redis-server redis-tools nginx openssl systemd \
  libpq-dev postgresql \
  fonts-thai-tlwg fonts-wqy-microhei
