"""Read ``milestones.yaml`` into a YAML node tree that remembers where every value stands.

Only nodes are built here, never Python objects: no tag can make the loader run code, and every
value keeps its line and column for the error messages of ``pressgen.project.decode``. libyaml's C
composer is used when PyYAML was built with it (about ten times faster); the marks are the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pressgen.errors import PressgenError, Problem, source_line
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
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise PressgenError(
            [Problem(name, line, column, "the file is not valid UTF-8", hint="save it as UTF-8 in your editor")]
        ) from None
    sources.add_text(name, text)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        what = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            what = f"{error.problem} ({error.context})"
        raise PressgenError(
            [Problem(name, line, column, f"YAML syntax: {what}", hint=_syntax_hint(what), source_line=source_line(None, text, line))]
        ) from None
    except yaml.YAMLError as error:
        raise PressgenError([Problem(name, 0, 0, f"YAML syntax: {error}")]) from None
    return Source(path, name, text, root)


def _syntax_hint(what: str) -> str:
    if "tab" in what:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in what:
        return "a value that contains ': ' must be put in quotes"
    if "could not find expected ':'" in what or "simple key" in what:
        return "check the indentation, and that every key ends with ':'"
    if "found character '@'" in what or "found character '`'" in what:
        return "a value that starts with @ or ` must be put in quotes"
    return ""
