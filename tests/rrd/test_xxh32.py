"""The RRD footer checksum: the C xxhash package and the pure-Python fallback give the same answers."""

import os

import pytest

from rerun_nb.rrd import _xxh32


def test_known_value():
    assert _xxh32._py_xxh32(b"abc", 0) == 852579327  # xxHash32 reference value


@pytest.mark.parametrize("n", [0, 1, 4, 15, 16, 17, 31, 32, 100, 4099])
def test_c_and_fallback_agree(n):
    data = os.urandom(n)
    for seed in (0, 0x9E3779B1):
        assert _xxh32.xxh32(data, seed) == _xxh32._py_xxh32(data, seed)
