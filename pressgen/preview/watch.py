"""Watch the project's sources with watchfiles and hand each burst of changes to a callback.

What is watched: ``milestones.yaml`` or ``pressgen.yaml`` (through their folder, not recursively,
so editors that save by writing a new file and renaming it are seen), ``releases/`` (a release
added, edited or deleted), the ``templates/`` tree, and the folders of the images the milestones
use (as they were when the preview started). ``out/``, ``.git``, virtual
environments and editors' temporary files are never looked at.

Changes are debounced twice: watchfiles groups the events of one save (``step``), and
:class:`Watcher` then waits until the sources have been quiet for ``quiet`` seconds, so one save
gives one rebuild even when an editor writes several files or two watchers both see it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Iterable

from pressgen.project.layout import SETTINGS_NAME, SOURCE_NAME, Layout

OnChange = Callable[[set[Path]], None]
Echo = Callable[[str], None]

_IGNORED_NAMES = (".swp", ".swx", ".tmp", "~", ".part")
_SOURCE_NAMES = {SOURCE_NAME, SETTINGS_NAME}  # either layout; both at once is an error to show
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"}


class Watcher:
    """Background threads calling ``on_change(paths)`` once per burst of source changes."""

    def __init__(self, layout: Layout, on_change: OnChange, echo: Echo, image_dirs: Iterable[Path] = (),
                 quiet: float = 0.08, step_ms: int = 40, debounce_ms: int = 300):
        self.layout = layout
        self.on_change = on_change
        self.echo = echo
        self.quiet = quiet
        self.step_ms = step_ms
        self.debounce_ms = debounce_ms
        self._stop = threading.Event()
        self._wake = threading.Condition()
        self._pending: set[Path] = set()
        self._events = 0  # bursts seen so far, to tell when the sources went quiet
        self._threads: list[threading.Thread] = []
        root = layout.root.resolve()
        flat = {root} | {d.resolve() for d in image_dirs if d.is_dir()}
        if layout.releases.is_dir():
            flat.add(layout.releases.resolve())
        self._groups: list[tuple[list[Path], bool]] = [(sorted(flat), False)]
        if layout.templates.is_dir():
            self._groups.append(([layout.templates.resolve()], True))

    def start(self, timeout: float = 5.0) -> None:
        """Start watching; returns once every watch is in place, so no save can slip by."""
        ready = []
        for number, (paths, recursive) in enumerate(self._groups):
            event = threading.Event()
            ready.append(event)
            thread = threading.Thread(target=self._watch, args=(paths, recursive, event), daemon=True,
                                      name=f"pressgen-watch-{number}")
            thread.start()
            self._threads.append(thread)
        for event in ready:
            event.wait(timeout)
        dispatcher = threading.Thread(target=self._dispatch, daemon=True, name="pressgen-rebuild")
        dispatcher.start()
        self._threads.append(dispatcher)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self._wake:
            self._wake.notify_all()
        for thread in self._threads:
            thread.join(timeout)

    # -- threads -------------------------------------------------------------------------------
    def _watch(self, paths: list[Path], recursive: bool, ready: threading.Event) -> None:
        import watchfiles

        relevant = self._relevant
        try:
            # yield_on_timeout: the first (empty) yield comes once the watch is in place.
            for changes in watchfiles.watch(*paths, watch_filter=lambda _change, path: relevant(Path(path)),
                                            recursive=recursive, debounce=self.debounce_ms, step=self.step_ms,
                                            stop_event=self._stop, rust_timeout=100,
                                            yield_on_timeout=True, raise_interrupt=False):
                ready.set()
                if not changes:
                    continue
                with self._wake:
                    self._pending |= {Path(path) for _change, path in changes}
                    self._events += 1
                    self._wake.notify_all()
        except Exception as error:  # a watcher that dies must say so, not fail silently
            ready.set()
            if not self._stop.is_set():
                self.echo(f"pressgen serve: watching {', '.join(map(str, paths))} stopped: {error}")

    def _dispatch(self) -> None:
        while not self._stop.is_set():
            with self._wake:
                while not self._pending and not self._stop.is_set():
                    self._wake.wait()
                # Wait for quiet: more events of the same save may still be coming.
                while not self._stop.is_set():
                    seen = self._events
                    self._wake.wait(self.quiet)
                    if self._events == seen:
                        break
                if self._stop.is_set():
                    return
                batch, self._pending = self._pending, set()
            try:
                self.on_change(batch)
            except Exception as error:  # the callback reports its own failures; this is a last resort
                self.echo(f"pressgen serve: rebuild failed: {type(error).__name__}: {error}")

    def _relevant(self, path: Path) -> bool:
        name = path.name
        if name.startswith((".", "#")) or name.endswith(_IGNORED_NAMES):
            return False
        root = self.layout.root.resolve()
        if path.parent == root:
            return name in _SOURCE_NAMES or path.suffix.lower() in _IMAGE_SUFFIXES
        return True
