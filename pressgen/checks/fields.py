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
from typing import Any, Callable, Iterator, NamedTuple

from pressgen import model


class ReleaseField(NamedTuple):
    milestone: model.Milestone
    name: str  # the field's name: "quotes"
    value: Any
    path: str  # its key path in the sources: "paris-2-millions.quotes", or "defaults.about"
    shared: bool  # taken from defaults
    first: bool  # not shared, or the first time this shared value comes


def release_fields(project: model.Project,
                   own: Callable[[model.Milestone, str], bool] | None = None) -> Iterator[ReleaseField]:
    """The fields of every release, in file order, field by field. ``own``: whether a release's
    own fields are wanted, given the release and its key path (its fields from defaults always
    are): a check that knows it has nothing to find in most releases walks only their shared
    fields, a quarter of them."""
    seen: set[tuple[str, int]] = set()  # the shared values met: one object for every release that takes it
    for index, milestone in enumerate(project.milestones):
        path = project.sources.item_path("milestones", index, milestone.id)
        walked = own is None or own(milestone, path)
        for name in _ALL if walked else _SHARED:
            value = getattr(milestone, name)
            field_path = f"{path}.{name}"
            if name in model.SHARED_FIELDS and not project.sources.has(field_path):
                key = (name, id(value))
                yield ReleaseField(milestone, name, value, f"defaults.{name}", True, key not in seen)
                seen.add(key)
            elif walked:
                yield ReleaseField(milestone, name, value, field_path, False, True)


_ALL = tuple(f.name for f in dataclasses.fields(model.Milestone))
_SHARED = tuple(name for name in _ALL if name in model.SHARED_FIELDS)  # in the same order
