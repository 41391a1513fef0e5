"""The user's cache folder, where pressgen keeps what a build may take as it is: the compiled
templates (:mod:`pressgen.render.compiled`) and the decoded release files
(:mod:`pressgen.project.memo`).

It is never in a project: what is in a project can arrive with a pull request. Each kind of
entry lives in a folder named after the code that wrote it (:func:`pressgen.render.inputs.code_digest`):
a new pressgen, or a library that changes what it writes, starts an empty one, and the folders
of the other versions, which no build of this one reads, are removed. It only ever saves time:
a file that cannot be written is left unwritten.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

DIGEST_LENGTH = 24  # hexadecimal digits of the code's digest that name its folder


def version_folder(root: Path, code: str) -> Path:
    """The folder of the code ``code`` in ``root`` (``templates``, ``releases``)."""
    return root / code[:DIGEST_LENGTH]


def write_whole(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write ``path`` in its version folder (made, and the other versions removed, when it is
    not there) through ``write``: whole or not at all, for a build beside this one may read it
    meanwhile; nothing when it cannot be written."""
    folder = path.parent
    try:
        if not folder.is_dir():
            _remove_other_versions(folder)
            folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _remove_other_versions(folder: Path) -> None:
    """The folders (or files, as an older pressgen kept them) beside ``folder`` named like it."""
    try:
        others = [path for path in folder.parent.iterdir() if len(path.name) == DIGEST_LENGTH and path != folder]
    except OSError:
        return
    for path in others:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
