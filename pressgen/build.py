"""The pipeline end to end: load → validate → render → write.

``build`` writes ``out/``; ``check`` does everything but the writing. Both raise
:class:`pressgen.errors.PressgenError` for bad input and leave ``out/`` untouched when they do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pressgen import model
from pressgen.layout import Layout

Progress = Callable[[int, int, str], None]


@dataclass
class BuildReport:
    """What a build did, for the terminal and for tests."""

    milestones: list[str]
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)


def load_project(layout: Layout) -> model.Project:
    """Read and check ``milestones.yaml``."""
    from pressgen.load import load_source
    from pressgen.validate import validate

    source = load_source(layout.source, layout.display(layout.source))
    return validate(source, layout.root, layout.template_locales())


def render_project(layout: Layout, project: model.Project, progress: Progress | None = None):
    """Every output file in memory (``pressgen.render.Rendered``)."""
    from pressgen.render import Renderer

    renderer = Renderer(layout, project)
    return renderer.render_all(progress)


def milestone_digests(project: model.Project) -> dict[str, str]:
    """A fingerprint of each milestone's data, so callers can tell which milestones changed."""
    return {m.id: hashlib.sha256(repr(m).encode("utf-8")).hexdigest()[:16] for m in project.milestones}


def build(layout: Layout, progress: Progress | None = None) -> BuildReport:
    """Build ``out/`` from the sources; on bad input raise before anything is written."""
    from pressgen import write

    project = load_project(layout)
    rendered = render_project(layout, project, progress)
    changes = write.plan(layout.output, rendered.files)
    write.apply(layout.output, changes)
    return BuildReport(
        milestones=[m.id for m in project.milestones],
        written=sorted(changes.write),
        unchanged=changes.unchanged,
        removed=changes.remove,
        digests=milestone_digests(project),
    )


def check(layout: Layout, progress: Progress | None = None) -> BuildReport:
    """Everything ``build`` does but writing: for CI and pre-commit."""
    project = load_project(layout)
    rendered = render_project(layout, project, progress)
    return BuildReport(milestones=[m.id for m in project.milestones], unchanged=sorted(rendered.files),
                       digests=milestone_digests(project))


def find_root(start: Path) -> Path:
    """The folder holding ``milestones.yaml``: ``start`` or the nearest parent that has one."""
    from pressgen.layout import SOURCE_NAME

    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / SOURCE_NAME).is_file():
            return folder
    return start
