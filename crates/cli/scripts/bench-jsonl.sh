#!/usr/bin/env bash
# Benchmark of `entente analyze --jsonl`: wall time, MB/s, MB/s per core and peak RSS
# (GNU time -v) on generated inputs (the five seeds repeated with new ids, see
# examples/make_jsonl.rs). The same peak RSS for a small and a large input is the
# bounded-memory check. Prints a table; never fails on time.
#
#   crates/cli/scripts/bench-jsonl.sh              # 20 MB with --jobs 1 and all cores, 200 MB with all cores
#   crates/cli/scripts/bench-jsonl.sh 5 50         # other sizes in MB (each with all cores; the first also with 1)
set -euo pipefail
cd "$(dirname "$0")/../../.."
export PATH="$HOME/.cargo/bin:$PATH"
target_dir=${CARGO_TARGET_DIR:-target}
say() { echo "bench-jsonl: $*" >&2; }
[ -x /usr/bin/time ] || { say "needs GNU time (/usr/bin/time, Debian package time)"; exit 1; }

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20 200)
cores=$(nproc)

say "building (bench profile: opt-level 3) at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
cargo build --quiet --profile bench -p entente-cli --bin entente --example make_jsonl
cli="$target_dir/release/entente"
make="$target_dir/release/examples/make_jsonl"

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

printf '%-8s %5s %8s %9s %8s %10s %10s %11s %11s %8s\n' \
  "input" "jobs" "lines" "wall" "MB/s" "MB/s/core" "CPU (u+s)" "MB/s of CPU" "peak RSS" "out MB"
first=true
for mb in "${sizes[@]}"; do
  in="$dir/in-$mb.jsonl"
  "$make" "$mb" >"$in"
  bytes=$(stat -c %s "$in")
  lines=$(wc -l <"$in")
  jobs_list=("$cores")
  if $first && [ "$cores" -gt 1 ]; then jobs_list=(1 "$cores"); fi
  first=false
  for jobs in "${jobs_list[@]}"; do
    out_bytes=$(/usr/bin/time -v -o "$dir/time" "$cli" analyze --jsonl --jobs "$jobs" "$in" | wc -c)
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$dir/time")
    user=$(awk -F': ' '/User time/ { print $2 }' "$dir/time")
    sys=$(awk -F': ' '/System time/ { print $2 }' "$dir/time")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time")
    awk -v mb="$mb" -v j="$jobs" -v l="$lines" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v o="$out_bytes" 'BEGIN {
      printf "%-8s %5d %8d %8.2fs %8.1f %10.1f %9.2fs %11.1f %8.1f MB %8.0f\n",
        sprintf("%d MB", mb), j, l, w, b / 1e6 / w, b / 1e6 / w / j, u + s, b / 1e6 / (u + s), r / 1024, o / 1e6 }'
  done
  rm -f "$in"
done
echo "(MB/s: input MB per wall second, MB/s/core: that over --jobs, MB/s of CPU: per second of"
echo " user+sys CPU, the stable figure on a loaded machine; peak RSS of the entente process; load $(cut -d' ' -f1-3 /proc/loadavg))"
