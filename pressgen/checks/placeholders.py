"""Placeholders left in the sources: texts holding ``TODO``, as ``pressgen new`` writes them,
and addresses that reach no one (``presse@example.org``) in a published release.

A release being written may keep its placeholders through ``build`` and the preview (the
writer sees where they stand); ``pressgen check`` fails on each one, located, and
``pressgen status`` lists them. A shared value (from ``defaults``) is reported once, there.

A placeholder address is an e-mail address or a URL on a domain reserved for examples and
tests (RFC 2606 and RFC 6761: ``example.org``, ``example.com``, ``example.net`` and the
``.example``, ``.invalid``, ``.test``, ``.localhost`` top-level domains). Journalists would write to it: in a
release whose status is published, ``pressgen check`` fails on it and ``pressgen build`` warns.

A release's own values are only walked when its source file could hold what is looked for
(:class:`_Sources`): most files of an archive hold neither, and an edit must not walk them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from pressgen import model
from pressgen.checks.fields import release_fields
from pressgen.errors import Problem
from pressgen.model.walk import children

MARKER = "TODO"
_FOUND = re.compile(rf"\b{MARKER}\b")
# The domain of an e-mail address or of a URL, and the domains reserved for examples.
_ADDRESS = re.compile(r"[\w.+-]+@(?P<mail>[\w-]+(?:\.[\w-]+)+)|\b[a-z][a-z0-9+.-]*://(?:[^@/\s]*@)?(?P<host>[\w.-]+)",
                      re.IGNORECASE)
_RESERVED = re.compile(r"(?:^|\.)(?:example\.(?:org|com|net)|example|invalid|test|localhost)$", re.IGNORECASE)
# A text can hold a reserved domain only if it holds one of these words: the others are skipped.
_RESERVED_WORDS = ("example", "invalid", "test", "localhost")
_COULD_BE_RESERVED = re.compile("|".join(_RESERVED_WORDS), re.IGNORECASE)
# The characters re.IGNORECASE takes for an ASCII letter that str.lower() does not make one
# (dotless i, long s): a file is searched in lower case, faster than with the pattern.
FOLDS_TO_ASCII = ("ı", "ſ")


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
    sources = _Sources(project, _could_hold_marker)
    for field in release_fields(project, lambda milestone, path: sources.may_hold(path)):
        if field.first:  # a value from defaults is read once
            for where, text in _texts(field.value, field.path):
                found.setdefault(where, Placeholder("" if field.shared else field.milestone.id, where, text))
    return list(found.values())


def problems(project: model.Project) -> list[Problem]:
    """One located problem per placeholder, for ``pressgen check``."""
    return [project.sources.problem_at(p.key_path, f"placeholder left: '{_short(p.text)}'",
                                       "replace it with the real text (or remove the field) before publishing")
            for p in placeholders(project)]


def placeholder_addresses(project: model.Project) -> list[Problem]:
    """One located problem per placeholder address in a published release (a shared one once,
    naming the published releases that show it): errors for ``check``, warnings for ``build``."""
    found: dict[str, tuple[str, list[str]]] = {}  # key path -> (address, releases)
    shared_hits: dict[tuple[str, int], list[tuple[str, str]]] = {}  # a value from defaults: read once
    sources = _Sources(project, _could_hold_reserved)
    for field in release_fields(project, lambda milestone, path: milestone.status == "published"
                                and sources.may_hold(path)):
        if field.milestone.status != "published":
            continue
        if not field.shared:
            hits = _addresses_in(field.value, field.path)
        elif field.first:
            hits = shared_hits[field.name, id(field.value)] = _addresses_in(field.value, field.path)
        else:
            hits = shared_hits[field.name, id(field.value)]
        for where, address in hits:
            entry = found.setdefault(f"{where}\0{address}", (address, []))
            entry[1].append(field.milestone.id)
    problems = []
    for key, (address, releases) in found.items():
        where = key.split("\0", 1)[0]
        named = ", ".join(releases)
        problems.append(project.sources.problem_at(
            where, f"placeholder address '{address}' in {'a published release' if len(releases) == 1 else 'published releases'} "
                   f"({named}): its domain is reserved for examples and reaches no one",
            "give the real address before publishing (or set the release's status to draft)"))
    return problems


class _Sources:
    """Whether a release's source file could hold a text that a search finds.

    A text decoded from YAML is made of its file's characters, in their order: only an escape
    (a backslash, in a double-quoted string) writes one that is not there, and an alias
    repeats a value of the same file. So a file in which ``could_hold`` finds nothing and no
    backslash is written holds no value in which the search finds something. A release's own
    values all come from its one file; the others are the model's empty defaults, or made by
    the rules from the file's (an id from the file's name, a subject's grammar), and hold
    neither the marker nor an address. A release whose place is unknown is always walked."""

    def __init__(self, project: model.Project, could_hold: Callable[[str], bool]):
        self.sources = project.sources
        self.could_hold = could_hold
        self._files: dict[str, bool] = {}

    def may_hold(self, path: str) -> bool:
        """Whether the file of the value at key path ``path`` could hold it."""
        place = self.sources.place(path)
        text = self.sources.texts.get(place.file) if place is not None else None
        if text is None:
            return True
        found = self._files.get(place.file)
        if found is None:
            found = self._files[place.file] = "\\" in text or self.could_hold(text)
        return found


def _could_hold_marker(text: str) -> bool:
    """Whether ``_FOUND`` could find something in a value taken from ``text``."""
    return MARKER in text


def _could_hold_reserved(text: str) -> bool:
    """Whether ``_COULD_BE_RESERVED`` could find something in a value taken from ``text``."""
    lowered = text.lower()
    return any(word in lowered for word in _RESERVED_WORDS) or any(c in text for c in FOLDS_TO_ASCII)


def _addresses_in(value: Any, path: str) -> list[tuple[str, str]]:
    """(key path, address) for every placeholder address in the texts under ``value``."""
    return [(where, address) for where, text in _texts(value, path, _COULD_BE_RESERVED)
            for address in _placeholder_addresses(text)]


def _placeholder_addresses(text: str) -> list[str]:
    out = []
    for match in _ADDRESS.finditer(text):
        domain = match.group("mail") or match.group("host") or ""
        shown = match.group(0).rstrip(".")  # a sentence's full stop is not part of it
        if _RESERVED.search(domain.rstrip(".")) and shown not in out:
            out.append(shown)
    return out


def _texts(value: Any, path: str, marker: re.Pattern[str] | None = _FOUND) -> Iterator[tuple[str, str]]:
    """The texts under ``value`` with their key paths (only those ``marker`` finds, when given)."""
    if isinstance(value, str):
        if marker is None or marker.search(value):
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}", marker)
    else:
        for step, child in children(value):
            yield from _texts(child, path + step, marker)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
