"""The staging folder inside ``out/`` and the journal that commits a build.

Layout, on the same file system as ``out/`` so that every move is a rename::

    out/.pressgen-staging/files/<path>   the new bytes, mirroring out/
    out/.pressgen-staging/journal        the list of steps: written (flushed, renamed) last

The journal is the commit point. Before it exists, ``out/`` has not been touched and the staging
folder is thrown away (rolled back). Once it exists, its steps are carried out, and carrying
them out again is harmless (the journal is deleted only after the staged copies, see
:func:`discard`): a move whose staged file is gone was done already, a removal of a
missing file is done. A step is ``("move", path)`` (a file, or a whole folder that ``out/`` did
not have) or ``("remove", path)``; the manifest is moved last.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from pressgen.output.durable import remove_folder, sync_file_system, sync_folder, write_atomically

STAGING_NAME = ".pressgen-staging"
FILES_NAME = "files"
JOURNAL_NAME = "journal"
_FORMAT = "pressgen-journal/1"

Step = tuple[str, str]  # ("move" | "remove", path relative to out/)


class DamagedJournal(Exception):
    """The journal exists but is not one pressgen wrote (it is only ever renamed into place whole)."""


@dataclass(frozen=True)
class Staging:
    """The staging folder of ``output``, and where each of its parts lives."""

    output: Path

    @property
    def root(self) -> Path:
        return self.output / STAGING_NAME

    @property
    def files(self) -> Path:
        return self.root / FILES_NAME

    @property
    def journal(self) -> Path:
        return self.root / JOURNAL_NAME

    def staged(self, rel: str) -> Path:
        return self.files / rel


def write_journal(staging: Staging, steps: list[Step]) -> None:
    """Commit: after this returns, the build is carried out even if the process dies now."""
    text = json.dumps({"format": _FORMAT, "steps": [list(step) for step in steps]}, ensure_ascii=False, indent=0)
    write_atomically(staging.journal, text.encode("utf-8"))


def read_journal(staging: Staging) -> list[Step] | None:
    """The committed steps, or None when the build never reached its commit point."""
    try:
        raw = staging.journal.read_bytes()
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != _FORMAT:
            raise ValueError(f"format {data.get('format')!r}")
        steps = [(str(kind), str(rel)) for kind, rel in data["steps"]]
        if any(kind not in ("move", "remove") for kind, _ in steps):
            raise ValueError("unknown step")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise DamagedJournal(str(error)) from None
    return steps


def carry_out(staging: Staging, steps: list[Step]) -> None:
    """Do every step, skipping those already done, then flush them (before the journal goes)."""
    output = staging.output
    for kind, rel in steps:
        target = output / rel
        if kind == "move":
            source = staging.staged(rel)
            if os.path.lexists(source):  # gone: moved by an earlier, interrupted run
                os.replace(source, target)
        else:
            if os.path.lexists(target) and not target.is_dir():
                target.unlink()
            _remove_empty_parents(target.parent, output)
    sync_file_system(output)


def discard(staging: Staging) -> None:
    """Delete the staging folder of a build carried out: what is left of the staged copies first,
    then the journal (the build is then over), then the folder. So staged files without a
    journal always mean a build that never committed, one that left ``out/`` untouched."""
    if not staging.root.exists():
        return
    if staging.files.exists():
        remove_folder(staging.files)
        sync_folder(staging.root)
    try:
        staging.journal.unlink()
    except FileNotFoundError:
        pass
    remove_folder(staging.root)
    sync_folder(staging.output)


def _remove_empty_parents(folder: Path, output: Path) -> None:
    """Delete ``folder`` and its parents while empty, up to ``output``."""
    while folder != output and folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
