"""The notebook widget (the only package importing ipywidgets / anywidget / jupyter_rfb)."""

from ._viewer import Viewer as Viewer

__all__ = ["Viewer"]
