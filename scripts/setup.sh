#!/usr/bin/env bash
# Set up everything rerun_nb's tests and demos need, from a fresh checkout. Idempotent: a second run
# checks and returns in about a second.
#   - Debian packages: mesa-vulkan-drivers (lavapipe, software Vulkan for pygfx/wgpu on a machine
#     without a GPU) and chromium (the browser the end-to-end tests drive).
#   - A virtual environment .venv with `pip install -e .[test]` (reinstalled when pyproject.toml changes).
# Environment: PYTHON (default python3) picks the interpreter for the venv; SKIP_APT=1 skips apt.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(mesa-vulkan-drivers chromium)
PYTHON=${PYTHON:-python3}
VENV=.venv

log() { printf '[setup] %s\n' "$*"; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ] && [ "${SKIP_APT:-0}" != 1 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install ${missing[*]}"; exit 1; }
        SUDO="sudo"
    fi
    log "apt-get install ${missing[*]}"
    t0=$SECONDS
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    log "apt done in $((SECONDS - t0)) s"
fi

# The venv is rebuilt from scratch only if it is missing or broken; pip runs again when pyproject.toml changes.
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import sys" 2>/dev/null; then
    log "creating $VENV with $("$PYTHON" --version 2>&1)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.rerun_nb-installed"
want="$(sha256sum pyproject.toml | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "pip install -e .[test] into $VENV"
    t0=$SECONDS
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    echo "$want" >"$stamp"
    log "pip done in $((SECONDS - t0)) s"
fi
log "ready: $VENV ($("$VENV/bin/python" --version 2>&1)), chromium $(command -v chromium || echo missing)"
