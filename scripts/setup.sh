#!/usr/bin/env bash
# Installs what Entente needs to build, serve and test, and skips what is already there.
# usage: scripts/setup.sh [--for-tests]   (--for-tests adds Chromium, ChromeDriver and the e2e packages)
# Needs: Rust through rustup, Node.js with npm, and (for --for-tests, as root or with sudo) apt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

for_tests=false
[ "${1:-}" = "--for-tests" ] && for_tests=true

say() { echo "setup: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen CLI must be exactly the library version in Cargo.lock (pinned with `=` in Cargo.toml).
wasm_bindgen_version() {
  if [ -f Cargo.lock ]; then
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
  else
    sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml
  fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# Trunk 0.22 needs a newer rustc than these machines have: stay on 0.21.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 9 minutes on 2 cores)"
  cargo install trunk --version '^0.21' --locked
fi

wb=$(wasm_bindgen_version)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  # No --locked: the registry mirror lacks one locked dependency version of the CLI.
  say "installing wasm-bindgen-cli $wb"
  cargo install wasm-bindgen-cli --version "$wb" --force
fi

# Debian's binaryen is too old for Trunk; npm's binaryen 132 puts wasm-opt on PATH.
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "installing wasm-opt (binaryen 132) from npm"
  npm install -g --no-audit --no-fund binaryen@132
fi

if $for_tests; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ]; then
    say "installing Debian's chromium, chromium-driver and firefox-esr"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr >/dev/null
  fi
  if [ ! -f e2e/node_modules/.package-lock.json ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
    say "installing the end-to-end test packages"
    (cd e2e && npm ci --no-audit --no-fund)
  fi
fi
say "ready"
