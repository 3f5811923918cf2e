#!/usr/bin/env bash
# Browser benchmark: Entente's analysis core compiled to wasm against compromise 14 and
# wink-nlp (+ eng-lite-web-model) on the same texts (the five seeds, and the ~1 MB corpus
# of varied seed copies the native bench uses), in Debian's headless Chromium. Prints a
# table: MB/s (wall clock and main-thread CPU, best of 5 after a warm-up), entities found,
# ratio to ours, setup times and sizes. Never fails on time.
#
#   scripts/bench-browser.sh            # full run (a few minutes on 2 loaded cores)
#   scripts/bench-browser.sh --quick    # 2 short rounds, to check that it works
#   scripts/bench-browser.sh --cpu-profile   # no table: where the time goes in our wasm
#                                            # (V8's sampling profiler, self time per function)
#
# Ours is built twice: the size-tuned `release` profile (opt-level z) + wasm-opt -Oz, as the
# page ships, into bench/pkg-z; and `bench-wasm` (opt-level 3) + wasm-opt -O3 into
# bench/pkg-o3. The peers are dev dependencies of bench/package.json only.
# Installs what is missing: the wasm32 target, the wasm-bindgen CLI at Cargo.lock's version,
# wasm-opt (binaryen, from npm), Debian's chromium, and bench/node_modules (npm ci).
# Never downloads a browser: Playwright drives /usr/bin/chromium (CHROMIUM=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target_dir=${CARGO_TARGET_DIR:-target}
say() { echo "bench-browser: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  say "installing wasm-bindgen-cli $wb"
  cargo install wasm-bindgen-cli --version "$wb" --force
fi
if ! command -v wasm-opt >/dev/null; then
  say "installing wasm-opt (binaryen 132) from npm"
  npm install -g --no-audit --no-fund binaryen@132
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  say "installing Debian's chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "npm ci in bench/"
  (cd bench && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts)
fi

# profile, wasm-opt options, output directory
builds=("release -Oz pkg-z" "bench-wasm -O3 pkg-o3")
# The shipped build again, with its function names kept (-g) for the profiler.
[ "${1:-}" = "--cpu-profile" ] && builds=("release -Oz,-g pkg-z-names")
for build in "${builds[@]}"; do
  read -r profile opts dir <<<"$build"
  say "building entente-bench-wasm ($profile profile, wasm-opt ${opts//,/ })"
  cargo build --quiet --profile "$profile" --target wasm32-unknown-unknown -p entente-bench-wasm
  rm -rf "bench/$dir"
  wasm-bindgen --target web --no-typescript --out-dir "bench/$dir" \
    "$target_dir/wasm32-unknown-unknown/$profile/entente_bench_wasm.wasm"
  # shellcheck disable=SC2086 # opts is a list
  wasm-opt ${opts//,/ } "bench/$dir/entente_bench_wasm_bg.wasm" -o "bench/$dir/entente_bench_wasm_bg.wasm"
done

say "running in headless Chromium (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
if [ "${1:-}" = "--cpu-profile" ]; then
  node bench/run.mjs --chromium "$chromium" --cpu-profile pkg-z-names
else
  node bench/run.mjs --chromium "$chromium" "$@"
fi
