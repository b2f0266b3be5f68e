#!/usr/bin/env bash
# The demo: set up (apt + .venv, idempotent), then start JupyterLab with the DNA notebook open.
# The URL JupyterLab prints opens notebooks/dna.ipynb itself (not the Launcher).
# Extra arguments go to JupyterLab, e.g. `bash scripts/demo.sh --no-browser --port 8899`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp}
# The demo's JupyterLab settings (in the venv, so nothing outside this checkout changes): no "Jupyter news?"
# toast over the notebook, no update check.
settings=.venv/share/jupyter/lab/settings
mkdir -p "$settings"
cat >"$settings/overrides.json" <<'JSON'
{
  "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}
}
JSON
args=(--ServerApp.root_dir=notebooks --LabApp.default_url=/lab/tree/dna.ipynb)
[ "$(id -u)" -eq 0 ] && args+=(--allow-root)   # JupyterLab refuses to start as root without it
exec .venv/bin/jupyter lab "${args[@]}" "$@"
