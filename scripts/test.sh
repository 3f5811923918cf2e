#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test of Entente:
# format, lints (native and wasm), native tests, browser unit tests (wasm-bindgen-test in
# headless Chromium), the release build, and the end-to-end tests (Playwright in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --for-tests
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n== %s\n' "$*" >&2; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo clippy (wasm32, warnings denied)"
# The page with its tests; the core as a library (its native-only test tools, e.g. proptest, stay native).
cargo clippy -p entente --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
cargo clippy -p entente-core --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests"
cargo test --workspace --locked

step "browser unit tests (wasm-bindgen-test, headless Chromium)"
cargo test -p entente --target wasm32-unknown-unknown --locked

step "release build (trunk)"
trunk build --release

step "end-to-end tests (Playwright, headless Chromium)"
(cd e2e && npx playwright test)
