"""Placeholders left in the sources: texts holding ``TODO``, as ``pressgen new`` writes them.

A release being written may keep its placeholders through ``build`` and the preview (the
writer sees where they stand); ``pressgen check`` fails on each one, located, and
``pressgen status`` lists them. A shared value (from ``defaults``) is reported once, there.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Iterator

from pressgen import model
from pressgen.errors import Problem
from pressgen.model.walk import children

MARKER = "TODO"
_FOUND = re.compile(rf"\b{MARKER}\b")


@dataclass(frozen=True)
class Placeholder:
    milestone: str  # the release's id, or "" for a shared value (defaults, nouns)
    key_path: str  # "paris-3-millions.quotes[0].text.fr"
    text: str


def placeholders(project: model.Project) -> list[Placeholder]:
    """Every text of the project that still holds the marker, in file order, shared ones once."""
    found: dict[str, Placeholder] = {}
    for name, forms in project.nouns.items():
        for path, text in _texts(forms, f"nouns.{name}"):
            found.setdefault(path, Placeholder("", path, text))
    for index, milestone in enumerate(project.milestones):
        own = project.sources.item_path("milestones", index, milestone.id)
        for f in dataclasses.fields(milestone):
            path = f"{own}.{f.name}"
            shared = f.name in model.SHARED_FIELDS and not project.sources.has(path)
            for where, text in _texts(getattr(milestone, f.name), f"defaults.{f.name}" if shared else path):
                found.setdefault(where, Placeholder("" if shared else milestone.id, where, text))
    return list(found.values())


def problems(project: model.Project) -> list[Problem]:
    """One located problem per placeholder, for ``pressgen check``."""
    return [project.sources.problem_at(p.key_path, f"placeholder left: '{_short(p.text)}'",
                                       "replace it with the real text (or remove the field) before publishing")
            for p in placeholders(project)]


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if _FOUND.search(value):
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}")
    else:
        for step, child in children(value):
            yield from _texts(child, path + step)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
