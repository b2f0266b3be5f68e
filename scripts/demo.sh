#!/usr/bin/env bash
# The demo: set up (apt + .venv, idempotent), then start JupyterLab on the DNA notebook.
# Extra arguments go to JupyterLab, e.g. `bash scripts/demo.sh --no-browser --port 8899`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp}
args=()
[ "$(id -u)" -eq 0 ] && args+=(--allow-root)   # JupyterLab refuses to start as root without it
exec .venv/bin/jupyter lab "${args[@]}" "$@" notebooks/dna.ipynb
