#!/usr/bin/env bash
# Installs what the real-VS-Code end-to-end tests need into a cache dir (default: <repo>/.e2e-cache):
# Debian's chromium (+ build deps for code-server's native modules) from apt, and from npm
# code-server 4.100.3 (= VS Code 1.100.3 with a Node extension host) and playwright-core.
# Only the npm registry and Debian apt are used. Idempotent: a second run takes ~2 s.
#
#   bash client/test/e2e/setup.sh [CACHE_DIR]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
CACHE="${1:-$REPO/.e2e-cache}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"
LOGS="$CACHE/logs"
mkdir -p "$LOGS"

# code-server 4.100.3 is the newest release whose engines.node is 20; its postinstall refuses other majors.
CODE_SERVER_VERSION="4.100.3"
# @vscode/ripgrep version pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json) and the
# ripgrep-prebuilt tag it downloads; we pre-seed its download cache with Debian's rg instead.
VSCODE_RIPGREP_VERSION="1.15.11"
RIPGREP_PREBUILT_TAG="v13.0.0-10"
PLAYWRIGHT_CORE_VERSION="1.65.1"

log() { printf '[e2e-setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
T0=$(date +%s)

if [ "$(node -p 'process.versions.node.split(".")[0]')" != "20" ]; then
  echo "code-server $CODE_SERVER_VERSION needs node 20 (found $(node -v))." >&2
  exit 1
fi

# chromium: the browser Playwright drives; libkrb5-dev: headers for the 'kerberos' native module;
# ripgrep: replaces @vscode/ripgrep's GitHub download; make/g++/python3: node-gyp.
need_pkgs=()
for p in chromium libkrb5-dev ripgrep make g++; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
command -v python3 >/dev/null 2>&1 || need_pkgs+=(python3)
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  log "apt-get install ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >"$LOGS/apt-update.log" 2>&1
  apt-get install -y --no-install-recommends "${need_pkgs[@]}" >"$LOGS/apt-install.log" 2>&1
fi

# node-gyp must use the local node headers: it cannot download them here.
node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [ -z "${npm_config_nodedir:-}" ] && ! npm config get nodedir 2>/dev/null | grep -q '^/'; then
  if [ -f "$node_prefix/include/node/node.h" ]; then
    export npm_config_nodedir="$node_prefix"
  else
    echo "No node headers at $node_prefix/include/node: node-gyp would try to download them." >&2
    exit 1
  fi
fi
export npm_config_unsafe_perm=true   # code-server's postinstall insists on it when run as root
export npm_config_yes=true           # node-pty's postinstall runs `npx node-gyp`
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"
cs_ok() {
  [ -x "$CS_BIN" ] &&
  [ -x "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] &&
  [ -f "$CS_PKG/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] &&
  "$CS_BIN" --config /dev/null --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "
}
if cs_ok; then
  log "code-server $CODE_SERVER_VERSION already installed"
else
  log "installing code-server $CODE_SERVER_VERSION (compiles native modules, ~1-2 min)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;;
  esac
  INSTALL_TMP="$CACHE/tmp"
  rg_cache="$INSTALL_TMP/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
  mkdir -p "$rg_cache" "$INSTALL_TMP/rgpack"
  cp "$(command -v rg)" "$INSTALL_TMP/rgpack/rg"
  tar czf "$rg_cache/ripgrep-$RIPGREP_PREBUILT_TAG-$rg_target.tar.gz" -C "$INSTALL_TMP/rgpack" rg
  if ! TMPDIR="$INSTALL_TMP" npm install "code-server@$CODE_SERVER_VERSION" \
        --prefix "$CS_DIR" --foreground-scripts >"$LOGS/code-server-install.log" 2>&1; then
    tail -40 "$LOGS/code-server-install.log" >&2
    echo "code-server install failed; full log: $LOGS/code-server-install.log" >&2
    exit 1
  fi
  cs_ok || { echo "code-server installed but its self-check failed" >&2; exit 1; }
  rm -rf "$INSTALL_TMP"
fi

PW_DIR="$CACHE/pw"
if [ -f "$PW_DIR/node_modules/playwright-core/package.json" ] &&
   [ "$(node -p "require('$PW_DIR/node_modules/playwright-core/package.json').version")" = "$PLAYWRIGHT_CORE_VERSION" ]; then
  log "playwright-core $PLAYWRIGHT_CORE_VERSION already installed"
else
  log "installing playwright-core $PLAYWRIGHT_CORE_VERSION (uses /usr/bin/chromium, downloads no browser)"
  mkdir -p "$PW_DIR"
  npm install "playwright-core@$PLAYWRIGHT_CORE_VERSION" --prefix "$PW_DIR" >"$LOGS/pw-install.log" 2>&1
fi

log "done in $(( $(date +%s) - T0 ))s"
