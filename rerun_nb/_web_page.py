"""``rerun-nb``'s browser viewer page: the notebook viewer's renderer, served over plain HTTP.

Each recording gets one ``rerun_nb.Viewer`` (created when a browser first asks for it), used only through its
public API: ``render()`` for frames, its ``timeline``/``time``/``follow_latest`` traits for the timeline, and
its canvas's ``handle_event`` (jupyter_rfb's event format) for orbit/pan/zoom. Frames go to the page as PNGs
by long polling: the page asks for the frame after the one it has, and the server answers once something
changed (new data, time, camera) or after 2 s, so an idle page costs nothing and a live one follows the data.
Stdlib only (``http.server``); binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import json
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import numpy as np

__all__ = ["WebViewer", "png_bytes"]

_EVENT_TYPES = {"pointer_down", "pointer_move", "pointer_up", "wheel", "double_click"}
_MAX_BODY_BYTES = 64 * 1024


def png_bytes(rgba: np.ndarray) -> bytes:
    """An (H, W, 3|4) uint8 array as a PNG (zlib level 1: fast, frames are short-lived)."""
    h, w, c = rgba.shape
    raw = np.zeros((h, 1 + w * c), np.uint8)
    raw[:, 1:] = np.ascontiguousarray(rgba, np.uint8).reshape(h, w * c)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", w, h, 8, 6 if c == 4 else 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw.tobytes(), 1))
            + chunk(b"IEND", b""))


class _Page:
    """One recording's viewer and the version of its last frame."""

    def __init__(self, rec, width: int, height: int) -> None:
        from .widget import Viewer

        self.rec = rec
        self.viewer = Viewer(rec, width=width, height=height)
        self.version = 0  # bumped by every change the page made (time, camera)
        self.changed = threading.Condition()

    def key(self) -> tuple:
        return self.rec.store.generation, self.version, self.viewer.timeline, self.viewer.time

    def bump(self) -> None:
        with self.changed:
            self.version += 1
            self.changed.notify_all()


class WebViewer:
    """Serves the viewer page for the recordings ``list_recordings()`` returns, on ``http://BIND:PORT/``."""

    def __init__(self, list_recordings, *, bind: str = "127.0.0.1", port: int = 9090, width: int = 960,
                 height: int = 600) -> None:
        self.list_recordings = list_recordings
        self.width, self.height = width, height
        self._pages: dict[str, _Page] = {}
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"app": self})
        self.httpd = ThreadingHTTPServer((bind, port), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://{'127.0.0.1' if bind in ('0.0.0.0', '') else bind}:{self.port}/"
        threading.Thread(target=self.httpd.serve_forever, name="rerun_nb-web", daemon=True).start()

    def recordings(self) -> dict[str, object]:
        return {f"{r.application_id}/{r.recording_id}": r for r in self.list_recordings()}

    def page(self, key: str) -> _Page | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                rec = self.recordings().get(key)
                if rec is None:
                    return None
                page = self._pages[key] = _Page(rec, self.width, self.height)
            return page

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        with self._lock:
            for page in self._pages.values():
                page.viewer.close()
            self._pages.clear()


class _Handler(BaseHTTPRequestHandler):
    app: WebViewer

    def log_message(self, *args) -> None:
        """Quiet: the command prints its own lines, not one per HTTP request."""

    def _send(self, code: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, obj, code: int = 200) -> None:
        self._send(code, json.dumps(obj).encode(), "application/json")

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        q = {k: v[-1] for k, v in parse_qs(url.query).items()}
        if url.path == "/":
            self._send(200, PAGE.encode(), "text/html; charset=utf-8")
        elif url.path == "/api/recordings":
            self._json([{"key": k, "application_id": r.application_id, "recording_id": r.recording_id}
                        for k, r in self.app.recordings().items()])
        elif url.path in ("/api/state", "/api/frame.png"):
            page = self.app.page(q.get("rec", ""))
            if page is None:
                self._json({"error": f"no recording {q.get('rec')!r}"}, 404)
            elif url.path == "/api/state":
                v = page.viewer
                self._json({"timelines": list(v.timelines), "timeline": v.timeline, "time": v.time,
                            "time_min": v.time_min, "time_max": v.time_max, "follow_latest": v.follow_latest})
            else:
                self._frame(page, q.get("after", ""))
        else:
            self._json({"error": "not found"}, 404)

    def _frame(self, page: _Page, after: str) -> None:
        deadline = time.monotonic() + 2.0
        while repr(page.key()) == after and time.monotonic() < deadline:
            with page.changed:
                page.changed.wait(0.05)
        key = repr(page.key())
        try:
            frame = page.viewer.render()
        except Exception as exc:  # noqa: BLE001 - no GPU adapter, a broken driver: say so on the page
            self._json({"error": f"cannot render: {exc}"}, 500)
            return
        self._send(200, png_bytes(np.asarray(frame)), "image/png", {"X-Frame-Key": key.replace("\n", " ")})

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        q = {k: v[-1] for k, v in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY_BYTES:
            self._json({"error": "body too large"}, 413)
            return
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            self._json({"error": "body is not JSON"}, 400)
            return
        page = self.app.page(q.get("rec", ""))
        if page is None or not isinstance(body, dict):
            self._json({"error": "unknown recording or bad body"}, 404)
            return
        v = page.viewer
        if url.path == "/api/state":
            with v.hold_trait_notifications():
                if isinstance(body.get("timeline"), str) and body["timeline"] in v.timelines:
                    v.timeline = body["timeline"]
                if isinstance(body.get("time"), int):
                    v.follow_latest = False
                    v.time = body["time"]
                if isinstance(body.get("follow_latest"), bool):
                    v.follow_latest = body["follow_latest"]
        elif url.path == "/api/event" and body.get("event_type") in _EVENT_TYPES:
            event = {k: body[k] for k in ("event_type", "x", "y", "dx", "dy", "button", "buttons", "modifiers")
                     if k in body}
            event.setdefault("modifiers", [])
            event.setdefault("buttons", [])
            event["time_stamp"] = time.perf_counter()
            v.canvas.handle_event(event)
        elif url.path == "/api/reset_camera":
            v.reset_camera()
        else:
            self._json({"error": "not found"}, 404)
            return
        page.bump()
        self._json({"ok": True})


PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>rerun-nb</title>
<style>
 body { font: 13px system-ui, sans-serif; margin: 0; background: #15171a; color: #ddd; }
 header { display: flex; gap: 12px; align-items: center; padding: 8px 12px; background: #202328; }
 #view { display: block; margin: 8px 12px; cursor: grab; user-select: none; background: #0d0e10; }
 #timebar { display: flex; gap: 10px; align-items: center; padding: 0 12px; }
 #slider { flex: 1; } select, button { background: #2b2f36; color: #ddd; border: 1px solid #444; }
 #msg { color: #e88; padding: 0 12px; }
</style></head><body>
<header><b>rerun-nb</b> <select id="rec"></select> <button id="reset">reset camera</button>
<span id="info"></span></header>
<img id="view" width="960" height="600" alt="">
<div id="timebar"><select id="timeline"></select><input id="slider" type="range" min="0" max="0" value="0">
<label><input id="follow" type="checkbox" checked> follow live</label><span id="time"></span></div>
<div id="msg"></div>
<script>
const $ = (id) => document.getElementById(id);
let rec = "", frameKey = "", state = null, dragging = false, lastMove = 0;
async function post(path, body) {
  if (!rec) return;
  await fetch(path + "?rec=" + encodeURIComponent(rec), {method: "POST", body: JSON.stringify(body)});
}
async function refreshRecordings() {
  const list = await (await fetch("/api/recordings")).json();
  const sel = $("rec"), keys = list.map((r) => r.key);
  if (keys.join() !== [...sel.options].map((o) => o.value).join()) {
    sel.innerHTML = keys.map((k) => `<option>${k}</option>`).join("");
    if (!rec && keys.length) { rec = keys[keys.length - 1]; }
    sel.value = rec;
  }
  $("info").textContent = keys.length ? "" : "waiting for data: rr.connect_grpc() to this server";
}
async function refreshState() {
  if (!rec) return;
  state = await (await fetch("/api/state?rec=" + encodeURIComponent(rec))).json();
  const tl = $("timeline");
  if (state.timelines.join() !== [...tl.options].map((o) => o.value).join())
    tl.innerHTML = state.timelines.map((t) => `<option>${t}</option>`).join("");
  tl.value = state.timeline;
  const s = $("slider"); s.min = state.time_min; s.max = state.time_max;
  if (!dragging) s.value = state.time;
  $("follow").checked = state.follow_latest;
  $("time").textContent = state.timeline ? `${state.timeline} = ${state.time}` : "";
}
async function frameLoop() {
  while (true) {
    if (!rec) { await new Promise((r) => setTimeout(r, 300)); continue; }
    try {
      const resp = await fetch(`/api/frame.png?rec=${encodeURIComponent(rec)}&after=${encodeURIComponent(frameKey)}`);
      if (!resp.ok) { $("msg").textContent = (await resp.json()).error; await new Promise((r) => setTimeout(r, 1000)); continue; }
      frameKey = resp.headers.get("X-Frame-Key") || "";
      const url = URL.createObjectURL(await resp.blob()), img = $("view"), old = img.src;
      img.src = url; if (old.startsWith("blob:")) URL.revokeObjectURL(old);
      $("msg").textContent = "";
    } catch (e) { await new Promise((r) => setTimeout(r, 1000)); }
  }
}
function pointer(ev, type) {
  const r = $("view").getBoundingClientRect();
  return {event_type: type, x: ev.clientX - r.left, y: ev.clientY - r.top, button: ev.button + 1,
          buttons: ev.buttons ? [1 + (ev.buttons & 2 ? 1 : 0)] : [], modifiers: ev.shiftKey ? ["Shift"] : []};
}
const view = $("view");
view.addEventListener("pointerdown", (ev) => { view.setPointerCapture(ev.pointerId); post("/api/event", pointer(ev, "pointer_down")); });
view.addEventListener("pointerup", (ev) => post("/api/event", pointer(ev, "pointer_up")));
view.addEventListener("pointermove", (ev) => {
  if (!ev.buttons || performance.now() - lastMove < 30) return;
  lastMove = performance.now(); post("/api/event", pointer(ev, "pointer_move"));
});
view.addEventListener("wheel", (ev) => { ev.preventDefault(); post("/api/event", {...pointer(ev, "wheel"), dx: ev.deltaX, dy: ev.deltaY}); }, {passive: false});
view.addEventListener("dragstart", (ev) => ev.preventDefault());
$("rec").onchange = (ev) => { rec = ev.target.value; frameKey = ""; refreshState(); };
$("reset").onclick = () => post("/api/reset_camera", {});
$("timeline").onchange = (ev) => post("/api/state", {timeline: ev.target.value});
$("slider").oninput = (ev) => { dragging = true; post("/api/state", {time: parseInt(ev.target.value)}); };
$("slider").onchange = () => { dragging = false; };
$("follow").onchange = (ev) => post("/api/state", {follow_latest: ev.target.checked});
setInterval(refreshRecordings, 1000); setInterval(refreshState, 500);
refreshRecordings().then(refreshState); frameLoop();
</script></body></html>
"""
