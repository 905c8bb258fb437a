#!/usr/bin/env bash
# Installs what the end-to-end tests need, and reuses what is already there (idempotent):
#   - Debian packages: chromium (driven by playwright-core), libkrb5-dev and ripgrep (needed by
#     code-server's install scripts);
#   - code-server 4.100.3 (VS Code 1.100.3, the newest that accepts Node 20) into a cache dir
#     OUTSIDE the repo's node_modules: the repo's .npmrc has ignore-scripts=true and code-server
#     needs its install scripts. @vscode/ripgrep's download is pre-seeded with Debian's rg because
#     GitHub is not reachable. See ../shared/notes/MACHINE.md ("Real VS Code for end-to-end tests").
# The install dir is $MOAT_E2E_HOME (default $HOME/.cache/moat-e2e); run.mjs reads the same default.
# Prints the path of the code-server binary on its last line.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
E2E_HOME="${MOAT_E2E_HOME:-$HOME/.cache/moat-e2e}"
CS_DIR="$E2E_HOME/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

log() { echo "[e2e install] $*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
missing=()
for pkg in chromium libkrb5-dev ripgrep; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  log "chromium, libkrb5-dev, ripgrep: already installed"
fi

# --- code-server -----------------------------------------------------------------------------
installed_version() {
  [ -f "$CS_DIR/node_modules/code-server/package.json" ] &&
    node -e 'process.stdout.write(require(process.argv[1]).version)' "$CS_DIR/node_modules/code-server/package.json" 2>/dev/null
}
# .install-ok is written last, after a complete install: a broken one is redone.
if [ -f "$CS_DIR/.install-ok" ] && [ -x "$CS_BIN" ] && [ "$(installed_version || true)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION: already installed in $CS_DIR"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (about a minute)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # @vscode/ripgrep downloads rg from GitHub at install time; give it Debian's binary instead.
  cache="$tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$cache/rgpkg"
  cp /usr/bin/rg "$cache/rgpkg/rg"
  tar -C "$cache/rgpkg" -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
  echo '{"name":"moat-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  # argon2 (a native module of code-server) has no reachable prebuilt binary, so node-gyp builds
  # it, and would download Node's headers: point it at the installed ones instead.
  nodedir="${npm_config_nodedir:-}"
  if [ -z "$nodedir" ]; then
    prefix="$(dirname "$(dirname "$(command -v node)")")"
    if [ -f "$prefix/include/node/node_version.h" ]; then nodedir="$prefix"; fi
  fi
  [ -n "$nodedir" ] || log "warning: no Node headers in $prefix/include/node; node-gyp will try to download them"
  # Installed from $CS_DIR, which has its own package.json: the repo's .npmrc (ignore-scripts=true)
  # does not apply there; npm_config_ignore_scripts=false makes sure of it.
  (cd "$CS_DIR" &&
    TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_ignore_scripts=false \
    npm_config_nodedir="$nodedir" \
    npm i --no-audit --no-fund --foreground-scripts \
      "code-server@$CODE_SERVER_VERSION" </dev/null >"$tmp/npm.log" 2>&1) || {
    tail -50 "$tmp/npm.log" >&2
    log "code-server install failed"
    exit 1
  }
  [ -x "$CS_BIN" ] || { log "code-server binary missing after install: $CS_BIN"; exit 1; }
  [ -x "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || { log "ripgrep missing after install"; exit 1; }
  touch "$CS_DIR/.install-ok"
  log "code-server $(installed_version) installed"
fi
echo "$CS_BIN"
