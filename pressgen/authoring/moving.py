"""What ``split`` and ``join`` share: writing a set of files as one step, checked by reading.

A move is checked before it is kept: the project is read in its new layout and must give the
same releases, settings and defaults as before, else every file goes back as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pressgen.errors import PressgenError, Problem
from pressgen.project.layout import Layout

_ASIDE = ".pressgen-tmp-"


@dataclass
class Moved:
    """What a move wrote and removed, as messages show the paths."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def refuse(file: str, message: str, hint: str = "") -> PressgenError:
    return PressgenError([Problem(file, 0, 0, message, hint=hint)])


def move(layout: Layout, files: dict[Path, str], remove: list[Path]) -> Moved:
    """Write ``files``, remove ``remove``, and keep the result only if it reads as before."""
    from pressgen.project.read import read_project

    before = read_project(layout)
    for path in files:
        if path.exists():
            raise refuse(layout.display(path), "this file exists already; nothing was written",
                         "move it away or delete it, then run the command again")
    aside = [(path, path.with_name(_ASIDE + path.name)) for path in remove]
    written: list[Path] = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
        for path, temp in aside:
            os.replace(path, temp)
        after = read_project(layout)
        if _content(after) != _content(before):
            raise refuse(layout.display(layout.source), "the project would not read the same after the move; "
                         "nothing was changed", "this is a bug in pressgen: please report it with the file")
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for path, temp in aside:
            if temp.exists():
                os.replace(temp, path)
        raise
    for _, temp in aside:
        temp.unlink()
    for folder in {p.parent for p in remove}:
        if folder != layout.root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return Moved(sorted(layout.display(p) for p in files), sorted(layout.display(p) for p in remove))


def _content(project) -> tuple:
    """What must not change in a move: everything but the places and the order of the releases
    (the folder layout reads them in the order of their file names)."""
    return (project.locales, project.nouns, sorted(project.milestones, key=lambda m: m.id), project.outputs)
