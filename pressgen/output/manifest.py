"""``out/.pressgen-manifest``: the files pressgen wrote, so that it deletes nothing else.

A build deletes a file of ``out/`` only when the previous manifest lists it and the build no
longer writes it; files a person put in ``out/`` are never pressgen's to delete.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Iterable

MANIFEST_NAME = ".pressgen-manifest"
_HEADER = "# Files written by pressgen; it deletes only these when their milestone goes.\n"


def read_manifest(output: Path) -> list[str]:
    """The files the last build wrote; empty when there was none."""
    try:
        text = (output / MANIFEST_NAME).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def manifest_bytes(paths: Iterable[str]) -> bytes:
    """The manifest listing ``paths`` (the manifest itself is not listed)."""
    return (_HEADER + "".join(f"{p}\n" for p in sorted(set(paths) - {MANIFEST_NAME}))).encode("utf-8")


def files_to_remove(output: Path, wanted: Iterable[str]) -> list[str]:
    """Files of the last build that this one no longer writes: listed, still there, inside ``out/``."""
    keep = set(wanted) | {MANIFEST_NAME}
    return sorted(rel for rel in set(read_manifest(output))
                  if rel not in keep and is_inside(rel) and (output / rel).is_file())


def is_inside(rel: str) -> bool:
    """A manifest line may not point outside ``out/`` (a hand-edited manifest, say)."""
    path = PurePosixPath(rel)
    return bool(path.parts) and not path.is_absolute() and ".." not in path.parts
