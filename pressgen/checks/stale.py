"""``pressgen build --check``: is ``out/`` exactly what the sources produce?

Nothing is written, except that, like every command, it first finishes or undoes a build that
was interrupted in ``out/`` (and reports that it found one). The comparison reuses
:func:`pressgen.output.write.plan` (the same decision a build makes: files to write, including
the manifest, and files to remove), adds the translation lock (``translations.lock``), which a
build also keeps up to date, and names every file in ``out/`` that no build writes (a leftover
temporary, a staging folder, a file not in the manifest): ``out/`` is published as it is. The differences
are shown as one unified diff per file, like ``black --check --diff``: the file on disk first
(``a/``), what the sources produce second (``b/``). Files that are not text (images) are only
said to differ.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from pressgen.output import write
from pressgen.output.leftovers import Leftover, find_leftovers, has_journal

_TEXT_SUFFIXES = {".md", ".html", ".css", ".txt", ".json", ".lock", ".xml", ""}


@dataclass(frozen=True)
class FileDiff:
    """One file that a build would change, or that should not be in ``out/``; ``path`` as shown."""

    path: str
    action: str  # "rewrite", "create", "remove"; "leftover" (no build writes it), "recovered"
    diff: str  # a unified diff, a one-line note for binary files, or "" for the last two
    note: str = ""  # for "leftover" and "recovered": what it is and what to do

    @property
    def message(self) -> str:
        """The line for the terminal."""
        return self.note or f"would {self.action} {self.path}"


@dataclass
class StaleReport:
    diffs: list[FileDiff] = field(default_factory=list)
    unchanged: int = 0

    @property
    def stale(self) -> bool:
        return bool(self.diffs)


def compare(output: Path, files: Mapping[str, bytes] | Iterable[tuple[str, bytes]], display_output: str,
            extra: dict[str, tuple[Path, bytes]] | None = None,
            recovered: write.Recovery | None = None) -> StaleReport:
    """What a build would change in ``output`` (shown as ``display_output``) and in ``extra``,
    and what is in ``output`` that no build writes.

    ``files`` may be a stream of (path, bytes) as they are rendered: only the differences are kept.
    ``extra`` maps a displayed name to a file outside ``out/`` and the bytes it should hold.
    ``recovered`` is the interrupted build that the command finished or undid before comparing:
    ``out/`` was not as a build leaves it, so it is a difference too.
    """
    changes = write.plan(output, files)
    report = StaleReport(unchanged=len(changes.unchanged))
    if recovered is not None:
        report.diffs.append(_recovered(display_output, recovered))
    for rel, data in changes.write.items():
        report.diffs.append(_diff(f"{display_output}/{rel}", _read(output / rel), data))
    for rel in changes.remove:
        report.diffs.append(_diff(f"{display_output}/{rel}", _read(output / rel), None))
    known = [*changes.write, *changes.unchanged, *changes.remove]
    for item in find_leftovers(output, known):
        report.diffs.append(_leftover(output, display_output, item))
    for name, (path, data) in sorted((extra or {}).items()):
        old = _read(path)
        if old == data:
            report.unchanged += 1
        else:
            report.diffs.append(_diff(name, old, data))
    report.diffs.sort(key=lambda d: d.path)
    return report


def _recovered(out: str, recovered: write.Recovery) -> FileDiff:
    staging = f"{out}/{write.STAGING_NAME}"
    if recovered.kind == "finished":
        note = (f"{staging}/journal: unfinished journal of a build interrupted after its commit point; "
                f"finished it ({recovered.steps} steps) before comparing")
    elif recovered.kind == "undone":
        note = (f"{staging}: staging folder of a build interrupted before its commit point (no journal); "
                f"deleted it before comparing ({out}/ is as that build found it)")
    else:
        note = f"{staging}: empty staging folder of an interrupted build; deleted it before comparing"
    return FileDiff(staging, "recovered", "", note)


def _leftover(output: Path, out: str, item: Leftover) -> FileDiff:
    path = f"{out}/{item.rel}"
    if item.kind == "staging":
        state = "an unfinished journal" if has_journal(output) else "no journal"
        note = (f"{path}: staging folder of a build that is running or was interrupted ({state}); "
                "`pressgen build` finishes or deletes it")
    elif item.kind == "temporary":
        note = f"{path}: temporary file of an interrupted build; no build writes it: delete it"
    else:
        note = (f"{path}: not written by pressgen (not in {out}/{write.MANIFEST_NAME}): "
                f"move it out of {out}/ or delete it")
    return FileDiff(path, "leftover", "", note)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _diff(name: str, old: bytes | None, new: bytes | None) -> FileDiff:
    action = "create" if old is None else "remove" if new is None else "rewrite"
    old_text, new_text = _text(name, old), _text(name, new)
    if old_text is None or new_text is None:
        note = {"create": "would be created", "remove": "would be removed", "rewrite": "differs"}[action]
        return FileDiff(name, action, f"Binary file {name} {note}\n")
    lines = difflib.unified_diff(
        old_text.splitlines(keepends=True), new_text.splitlines(keepends=True),
        fromfile=f"a/{name}" if old is not None else "/dev/null",
        tofile=f"b/{name}" if new is not None else "/dev/null",
    )
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return FileDiff(name, action, "".join(out))


def _text(name: str, data: bytes | None) -> str | None:
    """The file as text, or None when it is binary; a missing file is empty text."""
    if data is None:
        return ""
    if Path(name).suffix.lower() not in _TEXT_SUFFIXES:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
