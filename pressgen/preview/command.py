"""``pressgen serve``: build, serve the preview, watch the sources, rebuild and reload.

Where files go: the preview renders into a temporary folder of its own (outside the project,
deleted when it stops), never into ``out/``; run ``pressgen build`` to update ``out/``. That
folder is all the server serves. Only loopback is listened on unless ``host`` says otherwise.

:class:`Preview` is the whole thing as an object (tests start it on port 0 and stop it);
:func:`serve` runs one until Ctrl-C. The command line (``pressgen.cli``) is a thin layer on
:func:`serve`; nothing here imports click.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Callable

from pressgen.project.layout import Layout

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
Echo = Callable[[str], None]


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Preview:
    """A running preview: output folder, rebuilder, watcher and HTTP server."""

    def __init__(self, layout: Layout, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 echo: Echo = _stderr, watch: bool = True, quiet_requests: bool = True):
        from pressgen.preview.rebuild import Rebuilder
        from pressgen.preview.server import PreviewServer

        self.layout = layout
        self.echo = echo
        self.output = Path(tempfile.mkdtemp(prefix="pressgen-preview-"))
        try:
            self.rebuilder = Rebuilder(layout, self.output, echo)
            self.server = PreviewServer(host, port, self.rebuilder, quiet=quiet_requests)
        except BaseException:
            shutil.rmtree(self.output, ignore_errors=True)
            raise
        self.host = host
        self._watch = watch
        self.watcher = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = self.host if ":" not in self.host else f"[{self.host.strip('[]')}]"
        return f"http://{host}:{self.server.port}/"

    def build(self) -> bool:
        """The first, full build; False (problems printed, overlay ready) when it failed."""
        return self.rebuilder.rebuild(None)

    def start_watching(self) -> None:
        from pressgen.preview.watch import Watcher

        image_dirs = {(self.layout.root / e).parent for e in self._image_files()}
        self.watcher = Watcher(self.layout, self.rebuilder.rebuild, self.echo, image_dirs)
        self.watcher.start()

    def start(self) -> "Preview":
        """Build, watch and serve in background threads (for tests and embedding)."""
        self.build()
        if self._watch:
            self.start_watching()
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                        daemon=True, name="pressgen-http")
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and watching, and delete the preview's folder. Safe to call twice."""
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(5)
            self._thread = None
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self.server.server_close()
        shutil.rmtree(self.output, ignore_errors=True)

    def __enter__(self) -> "Preview":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _image_files(self) -> list[str]:
        try:
            from pressgen.pipeline import load_project

            return [m.image.file for m in load_project(self.layout).milestones if m.image is not None]
        except Exception:
            return []


def serve(layout: Layout, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, echo: Echo = _stderr,
          on_ready: Callable[[Preview], None] | None = None) -> None:
    """Build, serve and watch until Ctrl-C (KeyboardInterrupt), then stop cleanly and return."""
    from pressgen.preview.server import is_loopback

    if not is_loopback(host.strip("[]")):
        echo(f"Warning: listening on {host}, not on loopback: anyone who can reach this machine "
             f"on port {port} can read the preview, including drafts and embargoed releases.")
    _recover_output(layout, echo)
    preview = Preview(layout, host, port, echo)
    restore = _sigterm_as_interrupt()
    try:
        preview.build()
        preview.start_watching()
        echo(f"Serving the preview of {layout.display(layout.source)} at {preview.url} (Ctrl-C to stop).")
        echo("It renders into a temporary folder; out/ is not touched (run `pressgen build` for that).")
        if on_ready is not None:
            on_ready(preview)
        preview.server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
        restore()
    echo("Stopped the preview.")


def _recover_output(layout: Layout, echo: Echo) -> None:
    """Finish or undo a ``pressgen build`` that was interrupted in ``out/``, like every command
    that touches it; the preview itself never writes there, so a failure is only reported."""
    from pressgen.output.errors import OutputError
    from pressgen.output.recovery import recover

    out = layout.display(layout.output)
    try:
        recovered = recover(layout.output, out)
    except OutputError as error:
        echo(f"pressgen: {error}")
        return
    if recovered is not None:
        echo(f"pressgen: {recovered.describe(out)}")


def _sigterm_as_interrupt() -> Callable[[], None]:
    """Make SIGTERM stop the preview like Ctrl-C (temporary folder deleted); returns the undo."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    return lambda: signal.signal(signal.SIGTERM, previous)
