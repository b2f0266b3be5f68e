#!/usr/bin/env bash
# Check the Binder environment as far as a machine without Docker allows: build a fresh venv from binder/
# (requirements.txt, then postBuild), check apt.txt's packages are installed, and run every notebook in it
# headless (nbclient), failing on any error output. Binder itself also uses runtime.txt and start.
# Usage: bash scripts/check_binder.sh [VENV_DIR]   (default: a fresh temp dir, removed afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
venv=${1:-$(mktemp -d /tmp/binder-venv.XXXXXX)}
[ -n "${1:-}" ] || trap 'rm -rf "$venv"' EXIT

for p in $(grep -v '^\s*#' binder/apt.txt); do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || { echo "apt.txt: $p is not installed (run scripts/setup.sh)"; exit 1; }
done
t0=$SECONDS
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -r binder/requirements.txt
PATH="$venv/bin:$PATH" bash binder/postBuild
echo "[binder] environment built in $((SECONDS - t0)) s"

# Run through binder/start, as Binder does, from outside the repo (so the installed package is the one used).
cd "$(mktemp -d)"
PATH="$venv/bin:$PATH" "$repo/binder/start" python - "$repo"/notebooks/*.ipynb <<'PY'
import sys, time, nbformat
from nbclient import NotebookClient
bad = 0
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    t = time.time()
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True).execute()
    errs = [f"{o.get('ename', o.get('name'))}: {o.get('evalue', o.get('text', ''))[:300]}"
            for c in nb.cells for o in c.get("outputs", [])
            if o["output_type"] == "error" or (o["output_type"] == "stream" and o["name"] == "stderr")]
    imgs = sum(1 for c in nb.cells for o in c.get("outputs", []) if any(m.startswith("image/") for m in
               o.get("data", {})) or "data:image" in str(o.get("data", {}).get("text/html", "")))
    print(f"[binder] {path.split('/')[-1]}: {time.time() - t:.1f} s, {len(errs)} errors, {imgs} image outputs")
    for e in errs:
        print("    ", e)
    bad += bool(errs)
print(f"{len(sys.argv) - 1 - bad} passed, {bad} failed")
sys.exit(1 if bad else 0)
PY
