"""Read ``milestones.yaml`` into a YAML node tree that remembers where every value stands.

Only nodes are built here, never Python objects: no tag can make the loader run code, and every
value keeps its line and column for the error messages of ``pressgen.project.decode``. libyaml's C
composer is used when PyYAML was built with it (about ten times faster); the marks are the same.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pressgen.errors import PressgenError, Problem, source_line
from pressgen.project.limits import MAX_DEPTH, MAX_FILE_BYTES
from pressgen.project.sources import SourceMap

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _Loader = yaml.SafeLoader  # type: ignore[misc]


@dataclass(frozen=True)
class Source:
    """A YAML file's text and its node tree."""

    path: Path
    name: str  # as shown in messages: relative to the project root
    text: str
    root: yaml.Node | None


def load_source(path: Path, name: str, sources: SourceMap) -> Source:
    """Parse ``path`` and keep its text in ``sources``; a file that is not readable YAML raises
    :class:`PressgenError`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PressgenError([Problem(name, 0, 0, "file not found", hint="run pressgen in the folder that holds milestones.yaml, or pass --project")]) from None
    except OSError as error:
        raise PressgenError([Problem(name, 0, 0, f"cannot read the file ({error.strerror})")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise PressgenError([_too_large(raw, name)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PressgenError([_not_utf8(raw, error.start, name)]) from None
    sources.add_text(name, text)
    controls = _control_characters(text, name)
    if controls:
        raise PressgenError(controls)
    try:
        too_deep = _too_deep(text)
        if too_deep is not None:
            raise PressgenError([_problem(name, text, too_deep, f"more than {MAX_DEPTH} levels of nested lists and mappings",
                                          "a milestones.yaml needs a few levels: check the brackets [ ] and { }")])
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        from pressgen.project.syntax import explain

        said = explain(error, text)
        raise PressgenError(
            [Problem(name, said.line, said.column, said.message, hint=said.hint, source_line=source_line(None, text, said.line))]
        ) from None
    except yaml.reader.ReaderError as error:  # the characters checked above; kept as a safety net
        line, column = _Lines(text).locate(error.position)
        raise PressgenError([Problem(name, line, column, f"YAML cannot read the character {error.character!r}",
                                     source_line=source_line(None, text, line))]) from None
    except yaml.YAMLError as error:
        raise PressgenError([Problem(name, 1, 0, f"YAML syntax: {error}")]) from None
    return Source(path, name, text, root)


def _too_deep(text: str) -> yaml.Mark | None:
    """Where the nesting of lists and mappings goes past :data:`MAX_DEPTH`, if it does.

    libyaml's composer recurses once per level (30,000 nested ``[`` overflow the C stack and
    kill the interpreter), its parser does not: the events are read first, with a counter."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _problem(name: str, text: str, mark: yaml.Mark, message: str, hint: str = "") -> Problem:
    line = mark.line + 1
    return Problem(name, line, mark.column + 1, message, hint=hint, source_line=source_line(None, text, line))


# What YAML may not hold: control characters other than tab, line feed and carriage return (YAML
# refuses them, with an offset instead of a line), lone surrogates, and U+FFFE / U+FFFF.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # as YAML counts lines
_SHOWN_CONTROLS = 10


def _control_characters(text: str, name: str) -> list[Problem]:
    """Every line with an invisible character YAML refuses, located (the first ten)."""
    if _NOT_PRINTABLE.search(text) is None:
        return []
    lines = _Lines(text)
    found: list[Problem] = []
    last_line = 0
    for match in _NOT_PRINTABLE.finditer(text):
        line, column = lines.locate(match.start())
        if line == last_line:
            continue
        last_line = line
        if len(found) == _SHOWN_CONTROLS:
            found.append(Problem(name, line, column, "more lines with invisible control characters follow",
                                 hint="fix the lines above, then run pressgen again"))
            break
        found.append(Problem(name, line, column, f"an invisible control character (U+{ord(match.group()):04X}) is not allowed",
                             hint="delete it: it often comes with text pasted from another program",
                             source_line=_visible(lines.text_of(line))))
    return found


def _visible(line: str) -> str:
    """``line`` with its control characters drawn (␀, ␛…), so the message does not print them."""
    return _NOT_PRINTABLE.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "\ufffd", line)


class _Lines:
    """Where each line of a text starts, counting lines as YAML does (CR, LF, CRLF, NEL, LS, PS)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def text_of(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n\x85\u2028\u2029")


def _not_utf8(raw: bytes, offset: int, name: str) -> Problem:
    """Located at the first byte that is not UTF-8, the column counted in characters."""
    if raw.startswith(b"\xef\xbb\xbf"):
        offset += 3  # utf-8-sig counts from after the byte order mark
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line_end = raw.find(b"\n", offset)
    shown = raw[line_start:line_end if line_end >= 0 else len(raw)].decode("utf-8", "replace")
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return Problem(name, raw.count(b"\n", 0, offset) + 1, column, "the file is not valid UTF-8",
                   hint="save it as UTF-8 in your editor (this byte is shown as \ufffd)",
                   source_line=_visible(shown).rstrip())


def _too_large(raw: bytes, name: str) -> Problem:
    """Located where the file goes past :data:`MAX_FILE_BYTES`."""
    line_start = raw.rfind(b"\n", 0, MAX_FILE_BYTES) + 1
    line_end = raw.find(b"\n", line_start)
    shown = raw[line_start:line_end if line_end >= 0 else len(raw)].decode("utf-8", "replace")
    return Problem(name, raw.count(b"\n", 0, MAX_FILE_BYTES) + 1, MAX_FILE_BYTES - line_start + 1,
                   f"the file is {len(raw) / 1e6:.1f} MB; pressgen reads at most {MAX_FILE_BYTES // 1_000_000} MB",
                   hint="a milestones.yaml is a few hundred kB at most: check what was pasted into it",
                   source_line=_visible(shown).rstrip())
