"""The project as the deployed site shows it at a moment: public releases, published formats."""

from __future__ import annotations

import dataclasses
import datetime as dt

from pressgen import model
from pressgen.errors import PressgenError
from pressgen.project.layout import SOURCE_NAME
from pressgen.publish.visibility import public_at
from pressgen.render.formats import FORMATS


def published_formats(project: model.Project) -> tuple[str, ...]:
    """The project's formats that are deployed (the HTML pages; the Markdown is for review)."""
    return tuple(name for name in project.outputs if FORMATS[name].published)


def site_project(project: model.Project, at: dt.datetime) -> model.Project:
    """What ``pressgen publish`` renders: only releases public at ``at``, only deployed formats."""
    formats = published_formats(project)
    if not formats:
        deployed = ", ".join(name for name, format in FORMATS.items() if format.published)
        raise PressgenError([project.sources.problem_at(
            "outputs", "none of these outputs is published, so the site would have no releases",
            f"add {deployed} to outputs", default_file=SOURCE_NAME)])
    return dataclasses.replace(public_at(project, at), outputs=formats)
