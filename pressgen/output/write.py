"""Bring ``out/`` in line with the rendered files, safely.

Three promises: a file whose bytes did not change is not touched (its mtime stays, so watchers
and ``make`` see nothing); every new file is first written beside its target and only then moved
over it, so a failure leaves ``out/`` as it was; and only files pressgen wrote before, as listed
in ``out/.pressgen-manifest``, are ever deleted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = ".pressgen-manifest"
_TEMP_PREFIX = ".pressgen-tmp-"


@dataclass
class Plan:
    """What a build changes in ``out/``; paths are relative to it, in sorted order."""

    write: dict[str, bytes] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(self.write or self.remove)


def read_manifest(output: Path) -> list[str]:
    """The files the last build wrote; empty when there was none."""
    try:
        text = (output / MANIFEST_NAME).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def manifest_bytes(paths: list[str]) -> bytes:
    header = "# Files written by pressgen; it deletes only these when their milestone goes.\n"
    return (header + "".join(f"{p}\n" for p in sorted(paths))).encode("utf-8")


def plan(output: Path, files: dict[str, bytes]) -> Plan:
    """Compare ``files`` with what is on disk; the manifest is part of the files."""
    wanted = dict(files)
    wanted[MANIFEST_NAME] = manifest_bytes(list(files))
    result = Plan()
    for rel, data in sorted(wanted.items()):
        target = output / rel
        try:
            same = target.stat().st_size == len(data) and target.read_bytes() == data
        except OSError:
            same = False
        if same:
            result.unchanged.append(rel)
        else:
            result.write[rel] = data
    previous = read_manifest(output)
    result.remove = sorted(rel for rel in previous if rel not in wanted and _is_inside(output, rel)
                           and (output / rel).is_file())
    return result


def apply(output: Path, changes: Plan) -> None:
    """Carry out ``changes``: stage every file, move them all into place, then delete.

    If a move fails half-way, the files already moved get their old bytes back, so ``out/`` is
    left as it was.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, data in changes.write.items():
            target = output / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(_TEMP_PREFIX + target.name)
            with open(temp, "wb") as handle:
                handle.write(data)
            staged.append((temp, target))
        # The manifest goes last: until then, the old one still lists the old files.
        staged.sort(key=lambda pair: pair[1].name == MANIFEST_NAME)
        _move_all(staged)
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
    for rel in changes.remove:
        path = output / rel
        path.unlink(missing_ok=True)
        _remove_empty_parents(path.parent, output)


def _move_all(staged: list[tuple[Path, Path]]) -> None:
    done: list[tuple[Path, bytes | None]] = []
    try:
        for temp, target in staged:
            old = target.read_bytes() if target.is_file() else None
            os.replace(temp, target)
            done.append((target, old))
    except BaseException:
        for target, old in reversed(done):
            if old is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(old)
        raise


def _remove_empty_parents(folder: Path, output: Path) -> None:
    while folder != output and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _is_inside(output: Path, rel: str) -> bool:
    """A manifest line may not point outside ``out/`` (a hand-edited manifest, say)."""
    return not Path(rel).is_absolute() and ".." not in Path(rel).parts
