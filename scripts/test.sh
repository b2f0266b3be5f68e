#!/usr/bin/env bash
# Run the whole test suite the way CI does: set up (apt + .venv, idempotent), then pytest.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/e2e -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp}
exec .venv/bin/python -m pytest "$@"
