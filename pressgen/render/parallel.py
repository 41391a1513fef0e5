"""Rendering milestones in several processes, with the results in the project's order.

Each worker process receives the checked project once (pickled: it is not read or checked
again) and builds its own renderer; the build hands it milestones in small batches and takes
the results back in the order it gave them, so files, messages and errors come out exactly as
one process makes them. The processes are :func:`pressgen.workers.worker_pool`'s; starting
one costs about as much as rendering a few dozen milestones, so small builds stay in one
process (:func:`worthwhile`).
"""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from pathlib import Path

    from pressgen import model
    from pressgen.errors import Problem
    from pressgen.project.layout import Layout

# Below this many milestones to render per process, one process is faster.
MILESTONES_PER_PROCESS = 24
BATCH = 4  # milestones per task: small enough that few rendered files wait in memory


@dataclass
class Rendered:
    """One milestone's render, as a worker sends it back."""

    milestone_id: str
    files: dict[str, bytes]
    summary: dict | None  # pressgen.render.summary.summary_json(); None when it failed
    asked: list[tuple[str, str]]
    problems: list["Problem"]
    # What the figures audit reads of each release (language, Markdown, end mark), only when the
    # languages state different figures: otherwise the audit has nothing to say about them. Told
    # apart here, in the worker, so that the build's own process does not read every release.
    texts: list[tuple[str, str, str]] = field(default_factory=list)


def worthwhile(jobs: int, milestones: int) -> int:
    """How many processes to use for ``milestones`` to render with at most ``jobs``."""
    return max(1, min(jobs, milestones // MILESTONES_PER_PROCESS))


def render_in_processes(layout: "Layout", project: "model.Project", milestones: list["model.Milestone"],
                        jobs: int, compiled: "Path | None" = None) -> Iterator[Rendered]:
    """The renders of ``milestones`` in their order, by ``jobs`` processes (``compiled``: as
    :class:`pressgen.render.renderer.Renderer` takes it)."""
    from pressgen.output.errors import OutputError
    from pressgen.project.sources import SourceMap
    from pressgen.workers import WorkerLost, worker_pool

    ids = [milestone.id for milestone in milestones]
    batches = [ids[start:start + BATCH] for start in range(0, len(ids), BATCH)]
    # Rendering never asks where a value came from (the checks do, here): the source map, a
    # million places and every source text at 10,000 releases, stays in this process.
    payload = pickle.dumps((layout, dataclasses.replace(project, sources=SourceMap()), compiled),
                           protocol=pickle.HIGHEST_PROTOCOL)
    try:
        with worker_pool(jobs, _start, payload) as pool:
            del payload  # in the pool's file now (37 MB at 10,000 releases)
            for batch in pool.map(_render, batches):
                yield from batch
    except WorkerLost:
        raise OutputError("a rendering process stopped before its work was done (killed, or out of memory?)",
                          "out/ was not touched by this build",
                          hint="run the build again; `--jobs 1` renders in this process alone") from None


def render_here(renderer, milestone: "model.Milestone") -> Rendered:
    """One milestone's render with ``renderer``, in this process."""
    from pressgen.checks.audit import texts_differ
    from pressgen.errors import PressgenError
    from pressgen.render.summary import summarize, summary_json

    renderer.asked_templates()
    try:
        files, releases = renderer.render_milestone(milestone)
    except PressgenError as error:
        renderer.asked_templates()
        return Rendered(milestone.id, {}, None, [], list(error.problems))
    texts = [(release.locale, release.markdown, release.parts.get("end_mark", "")) for release in releases]
    return Rendered(milestone.id, files, summary_json(summarize(milestone, releases, renderer)),
                    sorted(renderer.asked_templates()), [], texts if texts_differ(texts) else [])


# -- in the worker processes ------------------------------------------------------------------
_WORKER: dict = {}


def _start(payload: bytes) -> None:
    from pressgen.render.renderer import Renderer

    layout, project, compiled = pickle.loads(payload)
    _WORKER["renderer"] = Renderer(layout, project, compiled)
    _WORKER["milestones"] = {milestone.id: milestone for milestone in project.milestones}


def _render(ids: list[str]) -> list[Rendered]:
    renderer = _WORKER["renderer"]
    return [render_here(renderer, _WORKER["milestones"][name]) for name in ids]
