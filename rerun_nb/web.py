"""`rerun.web` of 0.41: the web viewer server. rerun_nb's viewer is the inline widget (`rr.notebook_show()`)
and the `rerun-nb` command; serving Rerun's own web viewer needs the gRPC server (the streaming issue)."""

from __future__ import annotations

__all__ = ["serve_web_viewer", "start_web_viewer_server"]

_MISSING = ("rerun_nb does not serve Rerun's web viewer; use the inline viewer (rr.notebook_show()) or the "
            "`rerun-nb` command. Streaming to a viewer over gRPC comes with the streaming issue.")


def serve_web_viewer(*, web_port: int | None = None, open_browser: bool = True, connect_to: str | None = None) -> None:
    """Serve Rerun's web viewer (not available in rerun_nb: raises NotImplementedError saying what to use)."""
    raise NotImplementedError(f"rr.serve_web_viewer: {_MISSING}")


def start_web_viewer_server(port: int = 0) -> None:
    """Deprecated in Rerun 0.41 for `serve_web_viewer`; not available in rerun_nb either."""
    raise NotImplementedError(f"rr.start_web_viewer_server: {_MISSING}")
