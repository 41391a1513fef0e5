"""Embargoes that have ended while the release still says it is embargoed.

``pressgen publish`` already shows such a release as published; out/, the review copy, still
shows the embargo line until someone sets ``status: published``. A warning, never an error: the
release is not wrong, only out of date, and the moment is given (``pressgen check --at``).
"""

from __future__ import annotations

import datetime as dt

from pressgen import model
from pressgen.errors import Problem
from pressgen.publish.visibility import embargo_lifted, require_aware


def lapsed_embargoes(project: model.Project, at: dt.datetime) -> list[Problem]:
    """One problem per embargo ended at ``at``, at its ``embargo_until`` value."""
    require_aware(at)
    problems = []
    for index, milestone in enumerate(project.milestones):
        if not embargo_lifted(milestone, at):
            continue
        path = project.sources.item_path("milestones", index, milestone.id)
        problems.append(project.sources.problem_at(
            f"{path}.embargo_until",
            f"the embargo ended at {milestone.embargo_until.isoformat()} (this check is as of {at.isoformat()}) "
            "but the status still says embargoed",
            "`pressgen publish` already publishes it; set status: published and remove embargo_until "
            "so that out/ says so too"))
    return problems
