"""Problems in the user's files, and how they are shown.

Every check collects :class:`Problem` values instead of stopping at the first one, so a single
run reports everything that is wrong. :class:`PressgenError` carries them to the one place that
turns them into a message and an exit status (``pressgen.cli``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a source file, with where it is and what to do about it."""

    file: str
    line: int  # 1-based; 0 when the problem is about the file as a whole
    column: int  # 1-based; 0 when unknown
    message: str
    key_path: str = ""
    hint: str = ""
    source_line: str = field(default="", compare=False)

    @property
    def location(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}" if self.column else f"{self.file}:{self.line}"

    def format(self) -> str:
        """The problem as the terminal (and the preview's error page) shows it."""
        where = f"{self.key_path}: " if self.key_path else ""
        lines = [f"{self.location}: error: {where}{self.message}"]
        if self.source_line:
            shown, column = _window(self.source_line, self.column)
            lines.append(f"    {shown}")
            if column:
                prefix = shown[: column - 1]
                pad = "".join(c if c == "\t" else " " for c in prefix)
                lines.append(f"    {pad}^")
        if self.hint:
            lines.append(f"    hint: {self.hint}")
        return "\n".join(lines)


_SHOWN_LINE = 120  # characters of a long source line shown around the column


def _window(line: str, column: int) -> tuple[str, int]:
    """A long line cut to the part around ``column`` (a 5 MB line is not printed), and the
    column in what is shown."""
    if len(line) <= _SHOWN_LINE:
        return line, column
    start = max(0, min(column - 1 - _SHOWN_LINE // 2, len(line) - _SHOWN_LINE))
    end = start + _SHOWN_LINE
    shown = ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
    return shown, (column - start + (1 if start else 0)) if column else 0


class PressgenError(Exception):
    """Bad input: one or more problems. Never a bug in pressgen."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.format())

    def format(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        body = "\n".join(p.format() for p in self.problems)
        return f"{body}\n{count} {noun} found; nothing was written."


def source_line(path: Path | None, text: str | None, line: int) -> str:
    """The text of ``line`` (1-based) for the caret display, from ``text`` or the file."""
    if line < 1:
        return ""
    if text is None:
        if path is None:
            return ""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""
    lines = text.splitlines()
    return lines[line - 1].rstrip() if line <= len(lines) else ""
