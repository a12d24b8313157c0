"""The live preview server of `sketch watch --serve`: the stdlib's HTTP server on 127.0.0.1.

Two routes: `/` is the current page (design.html with the status panel, see
`sketch.rendering.live`), `/events` a server-sent-events stream that says the number of
each new build, on which the page reloads itself. Nothing else is served: the page holds
its pictures inline, so no path can reach a file. Only the loopback interface is bound;
the preview is for the person at the keyboard.
"""

from __future__ import annotations

import threading
from collections import Counter
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from sketch.errors import UsageError

HOST = "127.0.0.1"
KEEPALIVE_SECONDS = 10.0


class Preview:
    """What the server shows; `publish` swaps in a new page and wakes every open stream."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.version = 0
        self.page = ""
        self.closing = False
        self.served: Counter[int] = Counter()  # pages sent, by build: a reload shows here

    def publish(self, page: str) -> int:
        with self._changed:
            self.version += 1
            self.page = page
            self._changed.notify_all()
            return self.version

    def current(self) -> tuple[int, str]:
        with self._changed:
            return self.version, self.page

    def wait_past(self, version: int, timeout: float) -> int:
        """The current version once it differs from `version`, or after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != version or self.closing, timeout)
            return self.version

    def close(self) -> None:
        with self._changed:
            self.closing = True
            self._changed.notify_all()


class PreviewServer:
    """A `Preview` served on 127.0.0.1:`port` from a background thread (port 0: any free)."""

    def __init__(self, preview: Preview, port: int) -> None:
        handler = type("Handler", (_Handler,), {"preview": preview})
        try:
            self.httpd = ThreadingHTTPServer((HOST, port), handler)
        except OSError as exc:
            raise UsageError(
                f"cannot serve on {HOST}:{port}: {exc.strerror or exc}",
                "another program uses the port: pass another with --port N (0 picks a free one)",
            ) from exc
        self.httpd.daemon_threads = True
        self.preview = preview
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.httpd.server_address[1]}/"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.preview.close()
        if self._thread.is_alive():  # shutdown() waits for a serve_forever() that must run
            self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    preview: Preview
    server_version = "sketch-watch"
    sys_version = ""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/":
            self._page()
        elif path == "/events":
            self._events()
        else:
            self.send_error(HTTPStatus.NOT_FOUND, "only / and /events are served")

    def _page(self) -> None:
        version, page = self.preview.current()
        body = page.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        # The page runs its own inline script only, and talks to this server only.
        self.send_header(
            "Content-Security-Policy",
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'; connect-src 'self'",
        )
        self.end_headers()
        self.wfile.write(body)
        self.preview.served[version] += 1

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1  # so a page opened during a build learns the latest version at once
        try:
            while not self.preview.closing:
                current = self.preview.wait_past(seen, KEEPALIVE_SECONDS)
                if current != seen:
                    self.wfile.write(f"data: {current}\n\n".encode())
                    seen = current
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the tab was closed or reloaded

    def log_message(self, format: str, *args: object) -> None:
        return  # the terminal shows builds, not requests
