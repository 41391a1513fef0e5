"""``pressgen build --check``: is ``out/`` exactly what the sources produce?

Nothing is written. The comparison reuses :func:`pressgen.write.plan` (the same decision a
build makes: files to write, including the manifest, and files to remove) and adds the
translation lock (``translations.lock``), which a build also keeps up to date. The differences
are shown as one unified diff per file, like ``black --check --diff``: the file on disk first
(``a/``), what the sources produce second (``b/``). Files that are not text (images) are only
said to differ.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from pressgen.output import write

_TEXT_SUFFIXES = {".md", ".html", ".css", ".txt", ".json", ".lock", ".xml", ""}


@dataclass(frozen=True)
class FileDiff:
    """One file that a build would change; ``path`` as messages show it."""

    path: str
    action: str  # "rewrite", "create" or "remove"
    diff: str  # a unified diff, or a one-line note for binary files


@dataclass
class StaleReport:
    diffs: list[FileDiff] = field(default_factory=list)
    unchanged: int = 0

    @property
    def stale(self) -> bool:
        return bool(self.diffs)


def compare(output: Path, files: dict[str, bytes], display_output: str,
            extra: dict[str, tuple[Path, bytes]] | None = None) -> StaleReport:
    """What a build would change in ``output`` (shown as ``display_output``) and in ``extra``.

    ``extra`` maps a displayed name to a file outside ``out/`` and the bytes it should hold.
    """
    changes = write.plan(output, files)
    report = StaleReport(unchanged=len(changes.unchanged))
    for rel, data in changes.write.items():
        report.diffs.append(_diff(f"{display_output}/{rel}", _read(output / rel), data))
    for rel in changes.remove:
        report.diffs.append(_diff(f"{display_output}/{rel}", _read(output / rel), None))
    for name, (path, data) in sorted((extra or {}).items()):
        old = _read(path)
        if old == data:
            report.unchanged += 1
        else:
            report.diffs.append(_diff(name, old, data))
    report.diffs.sort(key=lambda d: d.path)
    return report


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
