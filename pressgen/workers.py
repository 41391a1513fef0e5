"""Worker processes for a build: started the same way everywhere, and never outliving it.

Both kinds of work a build hands out (decoding release files, :mod:`pressgen.project.ahead`;
rendering milestones, :mod:`pressgen.render.parallel`) go through :func:`worker_pool`, so that
they share the two rules that matter:

- processes are started with ``spawn`` (the same on every system, and safe with the threads of
  the preview);
- a worker ends as soon as the build that started it is gone. A build killed outright (SIGKILL,
  the machine's memory killer) cannot tell its workers, and an idle worker waits for its next
  task forever: the other workers hold the task queue open. So each worker watches its parent.

When the ``with`` block ends, normally or not (a failed build, Ctrl-C), the tasks not yet begun
are cancelled rather than waited for.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# How often a worker looks whether its build is still there, in seconds.
WATCH_INTERVAL = 0.2


@contextmanager
def worker_pool(processes: int, initializer: Callable[..., None] | None = None,
                initargs: tuple[Any, ...] = ()) -> Iterator["ProcessPoolExecutor"]:
    """A pool of ``processes`` workers, each set up by ``initializer(*initargs)`` (a function
    of a module, as ``spawn`` pickles it by name)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start, initargs=(os.getpid(), initializer, initargs))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    """In a worker, first of all: follow the parent, then set up as asked."""
    _follow(parent)
    if initializer is not None:
        initializer(*initargs)


def _follow(parent: int) -> None:
    """End this worker as soon as process ``parent`` is no longer its parent (it died: the
    worker was handed to another): it must not go on working, or waiting, for nobody."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="pressgen-parent-watch", daemon=True).start()
