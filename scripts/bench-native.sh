#!/usr/bin/env bash
# Native benchmark of the analysis core, and of `entente analyze --jobs N`. Prints tables;
# never fails on time.
#
#   scripts/bench-native.sh            # full run (about a minute on 2 loaded cores)
#   scripts/bench-native.sh --quick    # fewer rounds, to check that it works
#
# 1. crates/core/examples/bench.rs with the full-speed `bench` profile (opt-level 3):
#    MB/s of parse, split and the whole analysis, one thread, by the thread's CPU time
#    (schedstat) and best wall time; then the same documents on a rayon pool of as many
#    threads as cores: MB/s by best wall time, speed-up, and CPU summed over threads.
# 2. The CLI (`bench` profile) on the ~1 MB corpus written as 224 files, `--json` to
#    /dev/null, with --jobs 1 and --jobs <cores>: best of 3 wall times, and user+sys CPU.
# Installs nothing but what cargo fetches. The machine may be shared: wall-clock figures
# then understate, CPU-time figures much less so.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target_dir=${CARGO_TARGET_DIR:-target}
say() { echo "bench-native: $*" >&2; }

quick=false
[ "${1:-}" = "--quick" ] && quick=true

say "building (bench profile: opt-level 3) at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
cargo build --quiet --profile bench -p entente-core --example bench
cargo build --quiet --profile bench -p entente-cli
bench="$target_dir/release/examples/bench"
cli="$target_dir/release/entente"

echo "== core, one thread and thread pool (crates/core/examples/bench.rs) =="
"$bench" "$@"

echo
echo "== CLI: entente analyze --json, ~1 MB as 224 files =="
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bench" --write-corpus "$dir/corpus" >/dev/null
bytes=$(cat "$dir"/corpus/*.txt | wc -c)
cores=$(nproc)
runs=3
$quick && runs=1
printf '%-10s %10s %10s %10s %12s\n' "jobs" "best wall" "MB/s" "CPU (u+s)" "MB/s of CPU"
for jobs in 1 "$cores"; do
  best="" cpu=""
  for _ in $(seq "$runs"); do
    # %e wall, %U user, %S sys (seconds), from GNU time if present, else bash's time.
    if [ -x /usr/bin/time ]; then
      t=$(/usr/bin/time -f '%e %U %S' "$cli" analyze --json --jobs "$jobs" "$dir"/corpus/*.txt 2>&1 >/dev/null | tail -1)
    else
      t=$( { TIMEFORMAT='%R %U %S'; time "$cli" analyze --json --jobs "$jobs" "$dir"/corpus/*.txt >/dev/null; } 2>&1 | tail -1)
    fi
    read -r wall user sys <<<"$t"
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
    c=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    if [ -z "$cpu" ] || awk -v a="$c" -v b="$cpu" 'BEGIN { exit !(a < b) }'; then cpu=$c; fi
  done
  awk -v j="$jobs" -v w="$best" -v c="$cpu" -v b="$bytes" 'BEGIN {
    printf "%-10s %9.2fs %10.1f %9.2fs %12.1f\n", j, w, b / 1e6 / w, c, b / 1e6 / c }'
done
echo "($bytes bytes; wall: best of $runs runs; CPU: least user+sys of a run, all threads; the process also reads the files and writes JSON)"
