"""Every field of every release, as the checks that report on the sources see it: its own, or
taken from ``defaults``.

A value a release takes from defaults is located at its place there (``defaults.about``) and
reported once, not once per release. "Once" is per value, not per field name: a release with
a subject takes no account, so its ``account`` from defaults is nothing, and the releases that
do take the default account must still see it (:mod:`pressgen.checks.drift`,
:mod:`pressgen.checks.placeholders`).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator, NamedTuple

from pressgen import model


class ReleaseField(NamedTuple):
    milestone: model.Milestone
    name: str  # the field's name: "quotes"
    value: Any
    path: str  # its key path in the sources: "paris-2-millions.quotes", or "defaults.about"
    shared: bool  # taken from defaults
    first: bool  # not shared, or the first time this shared value comes


def release_fields(project: model.Project) -> Iterator[ReleaseField]:
    """The fields of every release, in file order, field by field."""
    seen: set[tuple[str, int]] = set()  # the shared values met: one object for every release that takes it
    for index, milestone in enumerate(project.milestones):
        own = project.sources.item_path("milestones", index, milestone.id)
        for f in dataclasses.fields(milestone):
            value = getattr(milestone, f.name)
            path = f"{own}.{f.name}"
            if f.name in model.SHARED_FIELDS and not project.sources.has(path):
                key = (f.name, id(value))
                yield ReleaseField(milestone, f.name, value, f"defaults.{f.name}", True, key not in seen)
                seen.add(key)
            else:
                yield ReleaseField(milestone, f.name, value, path, False, True)
