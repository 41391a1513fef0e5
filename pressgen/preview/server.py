"""The preview's HTTP side: a threading ``http.server`` that serves only the preview's output.

Three guards come before anything else: the Host header must name this server by a loopback
name (or the ``--host`` the user chose), which stops DNS-rebinding pages from reading the
preview; the path must stay inside the output folder once decoded and resolved (no ``..``, no
hidden files, no absolute paths, no symlink out); and only GET and HEAD are answered.
"""

from __future__ import annotations

import ipaddress
import mimetypes
import posixpath
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pressgen.preview import pages
from pressgen.preview.rebuild import Rebuilder
from pressgen.render.formats import FORMATS

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
# What each output is served as; Markdown and e-mails as text, so the browser shows them.
_TYPES = {**{f.suffix: f.media_type for f in FORMATS.values()},
          ".md": "text/plain; charset=utf-8", ".eml": "text/plain; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".js": "text/javascript; charset=utf-8"}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values this server answers: loopback names, plus ``host`` when it is another."""
    names = set(LOOPBACK_NAMES)
    if not is_loopback(host):
        if host in ("0.0.0.0", "::", ""):
            names.add(socket.gethostname().lower())
        else:
            names.add(f"[{host}]" if ":" in host and not host.startswith("[") else host.lower())
    values = {f"{name}:{port}" for name in names}
    if port == 80:
        values |= names
    return frozenset(values)


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, rebuilder: Rebuilder, quiet: bool = True):
        if ":" in host.strip("[]"):
            self.address_family = socket.AF_INET6
        self.rebuilder = rebuilder
        self.quiet = quiet
        super().__init__((host.strip("[]"), port), PreviewHandler)
        self.allowed = allowed_hosts(host.strip("[]"), self.server_address[1])

    @property
    def port(self) -> int:
        return self.server_address[1]


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "pressgen-preview"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(with_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if not self.server.quiet:
            super().log_message(format, *args)

    # -- the one path for every request ----------------------------------------------------------
    def _answer(self, with_body: bool) -> None:
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in self.server.allowed:
            return self._send(HTTPStatus.BAD_REQUEST, b"Bad Host header: the preview answers only to "
                              + ", ".join(sorted(self.server.allowed)).encode() + b"\n", "text/plain; charset=utf-8", with_body)
        path = _clean_path(self.path)
        if path is None:
            return self._not_found(with_body)
        rebuilder = self.server.rebuilder
        if path == pages.STATE_PATH:
            with rebuilder.lock:
                body = pages.state_json(rebuilder.state)
            return self._send(HTTPStatus.OK, body, "application/json", with_body)
        with rebuilder.lock:  # a rebuild moves its files into place under this lock
            version = rebuilder.state.version
            if path == "/":
                body = pages.overview(rebuilder.state)
            elif path.startswith(pages.SIDE_BY_SIDE_PREFIX) and path.endswith(".html"):
                body = pages.side_by_side(rebuilder.state, path[len(pages.SIDE_BY_SIDE_PREFIX):-len(".html")])
            elif path.endswith("/") and path.count("/") == 2:
                body = pages.side_by_side(rebuilder.state, path.strip("/"))
            else:
                file = _inside(rebuilder.output, path)
                if file is not None and file.is_dir():
                    return self._redirect(path + "/", with_body)
                body = _read(file)
                if body is not None and file is not None:
                    kind = _TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                    if kind.startswith("text/html"):
                        body = pages.inject(body, version)
                    return self._send(HTTPStatus.OK, body, kind, with_body)
        if body is None:
            return self._not_found(with_body)
        self._send(HTTPStatus.OK, pages.inject(body, version), "text/html; charset=utf-8", with_body)

    def _not_found(self, with_body: bool) -> None:
        self._send(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8", with_body)

    def _redirect(self, location: str, with_body: bool) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, body: bytes, kind: str, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if with_body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass


def _clean_path(raw: str) -> str | None:
    """The request's path, decoded; None when it tries to leave the output folder or is odd."""
    if not raw.startswith("/") or raw.startswith("//"):
        return None  # absolute-form URLs and network-path references are not ours
    path = urlsplit(raw).path
    try:
        decoded = unquote(path, errors="strict") if "%" in path else path
    except UnicodeDecodeError:
        return None
    if "\\" in decoded or "\x00" in decoded or decoded.startswith("//"):
        return None
    segments = decoded.split("/")[1:]
    if any(s in (".", "..") or s.startswith(".") for s in segments):
        return None  # no '..', and no hidden files (.pressgen-manifest, staged temporaries)
    if "//" in decoded or posixpath.normpath(decoded) != decoded.rstrip("/") and decoded != "/":
        return None
    return decoded


def _inside(output: Path, path: str) -> Path | None:
    """The file ``path`` names under ``output``, after resolving links; None when outside."""
    root = output.resolve()
    target = (root / path.lstrip("/")).resolve()
    try:
        target.relative_to(root)
    except ValueError:
        return None
    return target


def _read(file: Path | None) -> bytes | None:
    if file is None or not file.is_file():
        return None
    try:
        return file.read_bytes()
    except OSError:
        return None
