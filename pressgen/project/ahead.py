"""Release files decoded in several processes before the build reads them (folder layout).

A build that reads an archive afresh (the first build, ``--no-cache``, ``check``, ``build
--check``) decodes every release file, about 2 ms each, in its own process before the rendering
processes start, while the other cores wait: a sixth of a full build at 1,000 releases. Here
worker processes decode the files the memo has no entry for into memo entries, as
:meth:`pressgen.project.memo.ReleaseMemo.remember` makes them. The build then takes each file
from the memo as it takes a file the last build decoded: under the key of the bytes it reads
itself, so that its values and places are those of decoding it here. A file a worker could
not decode without a problem, or that changed since, is decoded by the build itself, which
reports its problems in its own words and order.
"""

from __future__ import annotations

from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pressgen.project.layout import Layout

# Below this many files to decode per process, starting the processes costs more than it saves.
FILES_PER_PROCESS = 64
BATCH = 16  # files per task


def decode_ahead(layout: "Layout", files: list[tuple[int, Path]], locales: list[str], time_zone: str | None,
                 settings: bytes, jobs: int) -> list[tuple[str, str, bytes]]:
    """The memo entries of ``files`` (each with its place in the release order), decoded by up
    to ``jobs`` processes; none when too few files are worth it, or when a process fails (the
    build then decodes them all itself). ``settings``: the settings' part of the memo's keys."""
    processes = min(jobs, len(files) // FILES_PER_PROCESS)
    if processes < 2:
        return []
    from pressgen.workers import WorkerLost, worker_pool

    batches = [files[start:start + BATCH] for start in range(0, len(files), BATCH)]
    entries: list[tuple[str, str, bytes]] = []
    try:
        with worker_pool(processes) as pool:
            for found in pool.map(_decode, repeat(layout.root), batches, repeat(locales), repeat(time_zone),
                                  repeat(settings)):
                entries.extend(found)
    except (WorkerLost, OSError):
        return []
    return entries


def _decode(root: Path, batch: list[tuple[int, Path]], locales: list[str], time_zone: str | None,
            settings: bytes) -> list[tuple[str, str, bytes]]:
    """In a worker: the memo entries of the files of ``batch`` that decode without a problem."""
    from pressgen.project.folder import read_release
    from pressgen.project.layout import Layout
    from pressgen.project.memo import ReleaseMemo
    from pressgen.project.sources import SourceMap

    layout, memo = Layout(root), ReleaseMemo()
    for index, path in batch:
        try:
            read_release(layout, path, index, locales, SourceMap(), time_zone, memo, settings)
        except Exception:  # noqa: BLE001 - left to the build, which decodes it and says what is wrong
            continue
    return memo.decoded_entries()
