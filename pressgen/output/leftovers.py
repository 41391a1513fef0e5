"""Files in ``out/`` that no build writes: what ``build --check`` must not call clean.

``out/`` is published as it is, so a stray file (a leftover temporary, a staging folder, a file
copied in by hand) would be published too; the check names each one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pressgen.output.cache import CACHE_NAME
from pressgen.output.journal import STAGING_NAME, Staging

LEGACY_TEMP_PREFIX = ".pressgen-tmp-"  # what builds before the staging folder left when killed


@dataclass(frozen=True)
class Leftover:
    """``rel`` (relative to ``out/``) is in ``out/`` but no build writes it; ``kind`` says what it is."""

    rel: str
    kind: str  # "staging" (a staging folder), "temporary" (a legacy temporary file) or "foreign"


def find_leftovers(output: Path, written: Iterable[str]) -> list[Leftover]:
    """Everything under ``output`` but the files in ``written`` (those a build writes or removes)."""
    if not output.is_dir():
        return []
    known = set(written)
    found: list[Leftover] = []
    for folder, dirs, files in os.walk(output):
        base = Path(folder).relative_to(output)
        for name in sorted(dirs):
            path = Path(folder) / name
            if base == Path(".") and name == STAGING_NAME:
                found.append(Leftover(STAGING_NAME, "staging"))
                dirs.remove(name)
            elif path.is_symlink():  # a link to a folder: not walked into, and not pressgen's
                found.append(Leftover((base / name).as_posix(), "foreign"))
        for name in files:
            rel = (base / name).as_posix()
            if rel not in known and rel != CACHE_NAME:  # the build cache: pressgen's, never published
                found.append(Leftover(rel, "temporary" if name.startswith(LEGACY_TEMP_PREFIX) else "foreign"))
    return sorted(found, key=lambda item: item.rel)


def has_journal(output: Path) -> bool:
    """True when ``output``'s staging folder holds a journal (an unfinished, committed build)."""
    return Staging(output).journal.exists()
