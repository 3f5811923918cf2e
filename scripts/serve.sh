#!/usr/bin/env bash
# Sets up what is missing, builds the explorer (release) and serves it on http://127.0.0.1:8080/
# usage: scripts/serve.sh [--port N]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
port=8080
[ "${1:-}" = "--port" ] && port="$2"
exec trunk serve --release --port "$port"
