import pytest

from ._helpers import HAVE_SDK, run_sdk_script


@pytest.fixture(scope="session")
def sdk_dna_rrd(tmp_path_factory):
    """The DNA tutorial written by the real rerun-sdk 0.41."""
    if not HAVE_SDK:
        pytest.skip("rerun-sdk 0.41 is not installed (`import rerun` fails)")
    path = tmp_path_factory.mktemp("sdk") / "dna_sdk.rrd"
    run_sdk_script("sdk_dna.py", "rerun", str(path))
    return path


@pytest.fixture(scope="session")
def sdk_rich_rrd(tmp_path_factory):
    """A recording + blueprint with every timeline kind, static data, images, Clear, AnyValues (rerun-sdk)."""
    if not HAVE_SDK:
        pytest.skip("rerun-sdk 0.41 is not installed (`import rerun` fails)")
    path = tmp_path_factory.mktemp("sdk") / "rich_sdk.rrd"
    run_sdk_script("sdk_rich.py", str(path))
    return path
