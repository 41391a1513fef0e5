"""One writer at a time in ``out/``: an advisory lock on the folder itself.

Locking the folder (not a lock file) leaves nothing behind in ``out/``, and the kernel releases
the lock when the process dies, however it dies, so a killed build never blocks the next one.
Recovery needs it too: without it, a second command could take a running build's staging
folder for the leftover of a killed one.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locking, one pressgen at a time is up to you
    fcntl = None  # type: ignore[assignment]


class Busy(Exception):
    """Another process holds the lock."""


class FolderLock:
    """An exclusive lock on a folder, taken without waiting; release it with :meth:`release`."""

    def __init__(self, folder: Path):
        self._fd: int | None = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
                                       | getattr(os, "O_CLOEXEC", 0))
        if fcntl is None:
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.release()
            raise Busy(str(folder)) from None
        except OSError:
            pass  # a file system without flock (some network ones): go on unlocked, as before

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None

    def __enter__(self) -> "FolderLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
