"""Everything pressgen read, and where each value came from.

A :class:`SourceMap` keeps the text of every file read (so a message can show the line with a
caret without opening the file again) and, for every key path of the model, the place of its
value: ``paris-2-millions.quotes[0].text.fr`` → ``milestones.yaml:61:13``. Every stage
(decoding, project rules, drift, the figures audit) locates its problems through it, so moving
a release into a file of its own changes nothing but the places recorded here.

Key paths name a milestone by its id (``paris-2-millions.status``); ``milestones[0]`` is an
alias kept for the milestones whose id could not be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from pressgen.errors import Problem


class Place(NamedTuple):
    """A position in a source file; line and column are 1-based, 0 when unknown. A tuple: an
    archive of 10,000 releases has a million of them, made and kept at a tuple's cost."""

    file: str
    line: int = 0
    column: int = 0


@dataclass
class SourceMap:
    """Texts by file name (as messages show it) and places by key path."""

    texts: dict[str, str] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    # Each file's lines, split when a message first asks for one: a check that reports
    # thousands of problems must not split a large file for each.
    _lines: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    # The places inside a release's fields, by the release's key path, made when first asked
    # for (:meth:`defer`).
    _deferred: dict[str, Callable[[], dict[str, Place]]] = field(default_factory=dict, repr=False, compare=False)

    def add_text(self, file: str, text: str) -> None:
        self.texts[file] = text
        self._lines.pop(file, None)

    def record(self, path: str, place: Place) -> None:
        self.places[path] = place

    def defer(self, release: str, deeper: Callable[[], dict[str, Place]]) -> None:
        """``deeper()`` gives the places inside the fields of the release at key path
        ``release`` (``paris-2-millions.quotes[0].text``); the release itself and its fields
        are recorded already. A build that takes its releases from the memo needs them only
        for a message: 100 places a release, a million at 10,000."""
        self._deferred[release] = deeper

    def _get(self, path: str) -> Place | None:
        found = self.places.get(path)
        if found is None and self._deferred:
            release, deep = release_part(path)
            deeper = self._deferred.pop(release, None) if deep else None
            if deeper is not None:
                self.places.update(deeper())
                found = self.places.get(path)
        return found

    def has(self, path: str) -> bool:
        """Whether the sources themselves give ``path`` (not a default filled in later)."""
        return self._get(path) is not None

    def place(self, *paths: str) -> Place | None:
        """The place of the first of ``paths`` the sources give."""
        for path in paths:
            found = self._get(path)
            if found is not None:
                return found
        return None

    def item_path(self, list_path: str, index: int, name: str) -> str:
        """An item's key path: ``name`` (a milestone's id) when the sources named it so, else
        its place in the list (``milestones[3]``)."""
        positional = f"{list_path}[{index}]"
        if name in self.places and self.places.get(name) == self.places.get(positional):
            return name
        return positional

    def line(self, file: str, line: int) -> str:
        """The text of ``line`` in ``file``, for the caret display."""
        text = self.texts.get(file)
        if text is None or line < 1:
            return ""
        lines = self._lines.get(file)
        if lines is None:
            lines = self._lines[file] = text.splitlines()
        return lines[line - 1].rstrip() if line <= len(lines) else ""

    def problem(self, place: Place | None, message: str, key_path: str = "", hint: str = "",
                default_file: str = "") -> Problem:
        """A :class:`Problem` at ``place`` (or at ``default_file`` as a whole)."""
        where = place or Place(default_file)
        return Problem(where.file, where.line, where.column, message, key_path, hint,
                       self.line(where.file, where.line))

    def problem_at(self, paths: tuple[str, ...] | str, message: str, hint: str = "",
                   default_file: str = "") -> Problem:
        """A :class:`Problem` at the first of ``paths`` the sources give, named by it."""
        candidates = (paths,) if isinstance(paths, str) else paths
        for path in candidates:
            found = self._get(path)
            if found is not None:
                return self.problem(found, message, path, hint)
        return self.problem(None, message, candidates[0] if candidates else "", hint, default_file)


def release_part(path: str) -> tuple[str, bool]:
    """The key path of the release ``path`` starts with (``paris-2-millions``, or
    ``milestones[3]``), and whether ``path`` goes deeper than the release and its fields."""
    if path.startswith("milestones["):
        end = path.find("]") + 1 or len(path)
    else:
        ends = [i for i in (path.find("."), path.find("[")) if i >= 0]
        end = min(ends) if ends else len(path)
    rest = path[end:]
    return path[:end], bool(rest) and (rest[0] != "." or "." in rest[1:] or "[" in rest[1:])
