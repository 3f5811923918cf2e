#!/usr/bin/env bash
# Page benchmark (the page's targets in bench/README.md): builds the page as shipped (`trunk build
# --release`), then prints markdown tables: the bytes of every file of dist/ (raw, gzip -9,
# brotli 11), and in Debian's headless Chromium on 127.0.0.1 the time to the first cards,
# the time from a filter input to the updated cards, the JS heap and the wasm memory, with
# the 5 bundled seeds and with 1,000 generated articles stored as the reader's own.
# What each figure measures is written at the top of bench/page.mjs. Never fails on time.
#
#   scripts/bench-page.sh                  # build, then 7 loads and 30 inputs per corpus
#   scripts/bench-page.sh --quick          # 2 loads and 6 inputs, to check that it works
#   scripts/bench-page.sh --no-build ...   # measure the dist/ already there
#   scripts/bench-page.sh --profile        # no table: where the main thread's time goes
#                                          # until the first cards (V8's sampling profiler,
#                                          # on the same wasm with its function names kept)
#   scripts/bench-page.sh --no-build --trace   # no table: one load per corpus under Chromium's
#                                          # tracing: main-thread time by event (wasm lazy
#                                          # compilation, style, layout, paint)
#   scripts/bench-page.sh --no-build --paste   # the long tasks of a 1 MB and a 5 MB paste, from
#                                          # the paste until it is added (the page must not freeze)
#   scripts/bench-page.sh --phases         # no table: the steps before the first cards timed
#                                          # apart with the engine alone (builds bench/pkg-z)
# Other options go to bench/page.mjs (--loads N, --inputs N, --articles N, --dist DIR).
# Installs what is missing through scripts/setup.sh --for-tests (Trunk, wasm-bindgen,
# wasm-opt, Chromium) and bench/node_modules (npm ci); never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { echo "bench-page: $*" >&2; }

build=true
profile=false
phases=false
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=false ;;
    --profile) profile=true ;;
    --phases) phases=true ;;
    *) args+=("$a") ;;
  esac
done

if ! command -v trunk >/dev/null || ! command -v wasm-opt >/dev/null || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  scripts/setup.sh --for-tests
fi
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "npm ci in bench/"
  (cd bench && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts)
fi

if $build; then
  say "trunk build --release"
  trunk build --release >&2
fi
[ -f dist/index.html ] || { say "dist/ is missing: run without --no-build"; exit 1; }

if $phases; then
  # The engine alone, built as the page's wasm is: release profile, wasm-opt -Oz.
  say "building bench/pkg-z (crates/bench-wasm, release profile, wasm-opt -Oz)"
  cargo build --quiet --release --target wasm32-unknown-unknown -p entente-bench-wasm
  rm -rf bench/pkg-z
  wasm-bindgen --target web --no-typescript --out-dir bench/pkg-z \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/entente_bench_wasm.wasm"
  wasm-opt -Oz bench/pkg-z/entente_bench_wasm_bg.wasm -o bench/pkg-z/entente_bench_wasm_bg.wasm
  node bench/page.mjs --phases "${args[@]}"
  exit
fi

if $profile; then
  # The shipped wasm again with its names kept: wasm-bindgen's output, which trunk leaves in
  # the target dir, through the same wasm-opt -Oz plus -g (its code is within 1% of the
  # shipped one's; run right after the build, as another build would replace that file).
  bg="${CARGO_TARGET_DIR:-target}/wasm-bindgen/release/entente-web_bg.wasm"
  names=$(mktemp -d)/names.wasm
  wasm-opt -Oz -g --enable-reference-types "$bg" -o "$names"
  node bench/page.mjs --profile "$names" "${args[@]}"
  exit
fi

say "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with local changes)'), $(nproc) cores $(uname -m)"
node bench/page.mjs "${args[@]}"
