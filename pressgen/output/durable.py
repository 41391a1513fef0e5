"""File-system steps that survive a crash or a power cut, in the order that makes them safe.

``os.replace`` is atomic, but a file's bytes and a folder's entries may still sit in the page
cache after it returns (a killed process loses nothing of it; a power cut may). The journal of
a build is its commit point, so everything it refers to (the staged files and their folders) is
flushed before it is written, and the moves it lists are flushed before it is deleted. One
flush of the whole file system does for the thousands of staged files: one ``fsync`` each is
several times slower as soon as other processes write to the disk.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Sequence, Union

_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


# A file's bytes, or the parts they are made of, written one after the other: the build cache
# is 100 MB at 10,000 releases, and joining it first made a copy of all of it.
Content = Union[bytes, Sequence[Union[bytes, memoryview]]]


def parts_of(data: Content) -> Sequence[bytes | memoryview]:
    """``data`` as a sequence of parts (bytes are one part)."""
    return [data] if isinstance(data, bytes) else data


def write_file(path: Path, data: Content, flush: bool = False) -> None:
    """Create or truncate ``path`` and write ``data``; with ``flush``, wait until it is on disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        for part in parts_of(data):
            view = memoryview(part)
            while view:
                view = view[os.write(fd, view):]
        if flush:
            os.fsync(fd)
    finally:
        os.close(fd)


def remove_folder(path: Path) -> None:
    """Delete a folder and all it holds. ``shutil`` is imported only here: its archive modules
    would cost every build a few milliseconds of start-up, one with nothing to write included."""
    import shutil

    shutil.rmtree(path)


def sync_folder(path: Path) -> None:
    """Flush a folder's entries (files created, renamed or deleted in it)."""
    try:
        fd = os.open(path, os.O_RDONLY | _DIRECTORY)
    except (FileNotFoundError, NotADirectoryError):
        return  # gone (removed when empty): nothing to flush
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise  # the others: a file system that cannot flush a folder; nothing more to do
    finally:
        os.close(fd)


def sync_file_system(folder: Path) -> None:
    """Flush everything written so far on the file system of ``folder`` (syncfs on Linux)."""
    syncfs = _syncfs()
    if syncfs is None:
        os.sync()
        return
    fd = os.open(folder, os.O_RDONLY | _DIRECTORY)
    try:
        if syncfs(fd) != 0:
            import ctypes

            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), str(folder))
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """``path`` holds either nothing or all of ``data``, even after a crash: write, flush, rename."""
    temp = path.with_name(path.name + ".tmp")
    write_file(temp, data, flush=True)
    os.replace(temp, path)
    sync_folder(path.parent)


_SYNCFS: list = []


def _syncfs():
    """libc's ``syncfs``, or None where there is none (then ``os.sync`` flushes every disk)."""
    if not _SYNCFS:
        function = None
        try:
            import ctypes

            function = ctypes.CDLL(None, use_errno=True).syncfs
            function.argtypes = [ctypes.c_int]
        except (ImportError, OSError, AttributeError):
            function = None
        _SYNCFS.append(function)
    return _SYNCFS[0]
