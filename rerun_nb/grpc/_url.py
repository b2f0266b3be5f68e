"""``rerun+http://HOST:PORT/proxy`` URLs, read as rerun-sdk 0.41 reads them (grpc-protocol.md section 1)."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["DEFAULT_URL", "parse_url"]

DEFAULT_URL = "rerun+http://127.0.0.1:9876/proxy"
_SCHEMES = {"rerun+http": False, "rerun+https": True, "rerun": True}  # scheme -> TLS


def parse_url(url: str | None) -> tuple[str, int, bool]:
    """``(host, port, tls)`` of a proxy URL; raises ValueError for what rerun-sdk 0.41 refuses.

    No URL means the default ``rerun+http://127.0.0.1:9876/proxy``. Without a scheme, text naming a local
    host is taken as ``rerun+http``. A local host without a port gets 9876; ``0.0.0.0`` is dialled as
    127.0.0.1.
    """
    text = DEFAULT_URL if url is None else str(url).strip()
    if "://" not in text and ("127.0.0.1" in text or "localhost" in text):
        text = "rerun+http://" + text
    parts = urlsplit(text)
    if parts.scheme not in _SCHEMES:
        raise ValueError(f"Invalid or missing scheme in {url!r}: expected rerun+http://, rerun+https:// or rerun://")
    if parts.path.rstrip("/") != "/proxy":
        raise ValueError(f"Unexpected URI {url!r}: the path must be /proxy (e.g. {DEFAULT_URL})")
    host = parts.hostname or ""
    if not host:
        raise ValueError(f"no host in {url!r}")
    tls = _SCHEMES[parts.scheme]
    local = host in ("127.0.0.1", "localhost", "0.0.0.0", "::1")
    try:
        port = parts.port
    except ValueError as err:
        raise ValueError(f"bad port in {url!r}: {err}") from None
    if port is None:
        port = 9876 if local else (443 if tls else 80)
    if host == "0.0.0.0":
        host = "127.0.0.1"
    return host, port, tls
