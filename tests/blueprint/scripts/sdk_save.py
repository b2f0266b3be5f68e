"""Save one of tests/blueprint/_layouts.py's blueprints with the real rerun-sdk: `python sdk_save.py NAME OUT.rbl`."""

import sys
from pathlib import Path

import rerun as rr
import rerun.blueprint as rrb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _layouts import LAYOUTS  # noqa: E402

LAYOUTS[sys.argv[1]](rrb, rr).save("bp_app", sys.argv[2])
