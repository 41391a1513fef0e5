"""Worker processes for a build: started the same way everywhere, and never outliving it.

Both kinds of work a build hands out (decoding release files, :mod:`pressgen.project.ahead`;
rendering milestones, :mod:`pressgen.render.parallel`) go through :func:`worker_pool`, so that
they share the two rules that matter:

- processes are started with ``spawn`` (the same on every system, and safe with the threads of
  the preview);
- a worker ends as soon as the build that started it is gone. A build killed outright (SIGKILL,
  the machine's memory killer) cannot tell its workers, and an idle worker waits for its next
  task forever: the other workers hold the task queue open. So each worker watches its parent;
- what every worker starts from (the checked project, for rendering) reaches it through a
  temporary file, not through the pipe ``spawn`` starts it with: Python writes that pipe while
  holding its other end open, so a worker killed as it starts (by the memory killer, say) left
  the build waiting forever as soon as the data was larger than the pipe (64 KB, a few dozen
  releases). A worker lost that way ends the build with :class:`WorkerLost`. The file is named
  after the build's process, so that the next pool deletes the file of a build killed outright
  (which cannot delete its own).

When the ``with`` block ends, normally or not (a failed build, Ctrl-C), the tasks not yet begun
are cancelled rather than waited for.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# How often a worker looks whether its build is still there, in seconds.
WATCH_INTERVAL = 0.2
# What the temporary file a pool's workers start from is called: this, the build's process id, a dash.
FILE_PREFIX = "pressgen-workers-"


class WorkerLost(Exception):
    """A worker process ended before its work was done, or could not start (killed, or out of
    memory)."""


@contextmanager
def worker_pool(processes: int, initializer: Callable[[bytes], None] | None = None,
                start_from: bytes = b"") -> Iterator["ProcessPoolExecutor"]:
    """A pool of ``processes`` workers, each set up by ``initializer(start_from)`` (a function
    of a module, as ``spawn`` pickles it by name). Raises :class:`WorkerLost` when one of them
    ends before its work is done."""
    import multiprocessing
    import tempfile
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _delete_files_of_dead_builds(Path(tempfile.gettempdir()))
    handle, name = tempfile.mkstemp(prefix=f"{FILE_PREFIX}{os.getpid()}-")  # only this user may read it
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(start_from)
        pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start, initargs=(os.getpid(), initializer, name))
        try:
            yield pool
        except Exception as error:  # as a pool breaks, its pipes and descriptors close: that too
            if isinstance(error, BrokenProcessPool) or _broken(pool):
                raise WorkerLost(str(error)) from None
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        Path(name).unlink(missing_ok=True)


def _delete_files_of_dead_builds(folder: Path) -> None:
    """Delete the start files in ``folder`` of builds that are no longer running (killed)."""
    if os.name != "posix":
        return  # elsewhere os.kill(pid, 0) is no question: it ends the process
    for path in folder.glob(f"{FILE_PREFIX}*-*"):
        pid = path.name[len(FILE_PREFIX):].partition("-")[0]
        if not pid.isdigit() or _running(int(pid)):
            continue
        try:
            path.unlink()
        except OSError:
            continue  # another user's, or gone meanwhile


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's)
    return True


def _broken(pool: "ProcessPoolExecutor") -> bool:
    """Whether ``pool`` can no longer run anything (a worker died): it says so when given a task
    (BrokenProcessPool, or whatever its closed pipes raise)."""
    try:
        pool.submit(int).cancel()
    except Exception:  # noqa: BLE001 - no longer able to take a task, whatever it says
        return True
    return False


def _start(parent: int, initializer: Callable[[bytes], None] | None, start_from: str) -> None:
    """In a worker, first of all: follow the parent, then set up as asked."""
    _follow(parent)
    if initializer is not None:
        initializer(Path(start_from).read_bytes())


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
