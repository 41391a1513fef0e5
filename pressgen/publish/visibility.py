"""Which releases the public may read at a given moment: one definition for every output.

The publish pipeline renders :func:`public_at`'s project, never the full one, so the index, and
any list, feed or sitemap rendered from it later, cannot name, link or count a draft or an
embargo still running: they never see one. Nothing here reads the clock or the machine's time
zone; the moment is always given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from pressgen import model


def require_aware(at: dt.datetime) -> None:
    """A moment without its time zone could be any of 26 hours: refuse it."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"the moment {at.isoformat()} has no time zone")


def embargo_lifted(milestone: model.Milestone, at: dt.datetime) -> bool:
    """Still marked embargoed, but its embargo has ended at ``at`` (the end itself included)."""
    return milestone.status == "embargoed" and milestone.embargo_until is not None and milestone.embargo_until <= at


def is_public(milestone: model.Milestone, at: dt.datetime) -> bool:
    """Published, or embargoed until a moment that has come; a draft never is."""
    return milestone.status == "published" or embargo_lifted(milestone, at)


def as_published(milestone: model.Milestone) -> model.Milestone:
    """The release as the public reads it once its embargo has lifted: no embargo line left."""
    return dataclasses.replace(milestone, status="published", embargo_until=None)


def public_at(project: model.Project, at: dt.datetime) -> model.Project:
    """The project with only the releases public at ``at``, lifted embargoes shown as published."""
    require_aware(at)
    milestones = [as_published(m) if embargo_lifted(m, at) else m
                  for m in project.milestones if is_public(m, at)]
    return dataclasses.replace(project, milestones=milestones)
