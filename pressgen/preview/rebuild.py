"""Rebuild the preview's output folder, incrementally, and keep what the browser polls.

The preview renders into its own folder (a temporary one, never the project's ``out/``), with
``pressgen.output.write`` so only files whose bytes changed are written. A milestone is re-rendered
only when its data changed, when the templates changed, or when an image it uses changed;
the index is re-rendered every time (it lists every title).

Readers (the HTTP handler) and the rebuild share :attr:`Rebuilder.lock`: files are moved into
place and the version is bumped under it, so a page is never served half-built.
"""

from __future__ import annotations

import hashlib
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pressgen import model
from pressgen.errors import PressgenError, Problem
from pressgen.project.layout import Layout

Echo = Callable[[str], None]


@dataclass(frozen=True)
class Entry:
    """One milestone of the last good build, as the overview shows it."""

    id: str
    status: str
    date: str
    embargo_until: str
    titles: dict[str, str]
    notes: tuple[str, ...] = ()  # what is left to do (pressgen status): reviews, figures, placeholders


@dataclass
class State:
    """What a page needs to know: which good build it shows, and what is wrong now."""

    version: int = 0  # bumped after every successful rebuild, once its files are in place
    problems: list[Problem] = field(default_factory=list)
    locales: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)


@dataclass
class _Cached:
    digest: str
    files: dict[str, bytes]
    releases: list


class Rebuilder:
    """Renders ``layout`` into ``output``; call :meth:`rebuild` with the paths that changed."""

    def __init__(self, layout: Layout, output: Path, echo: Echo):
        self.layout = layout
        self.output = output
        self.echo = echo
        self.lock = threading.RLock()
        self.state = State()
        self._renderer = None
        self._shared_digest = ""
        self._cache: dict[str, _Cached] = {}
        self._everything = True  # nothing rendered yet, or a change that touches every milestone
        self._pending: set[Path] = set()  # changed paths not yet taken into a successful render
        self.rendered_last: list[str] = []  # the milestones the last rebuild rendered (tests, terminal)

    # -- the one entry point ---------------------------------------------------------------------
    def rebuild(self, changed: set[Path] | None = None) -> bool:
        """Rebuild after ``changed`` (None: everything). True when the build succeeded.

        Never raises for bad input or a bug in a rebuild: the problem goes to the state (the
        browser's overlay) and the terminal, and the last good files stay in place.
        """
        started = time.monotonic()
        if changed is None:
            self._everything = True
        else:
            self._pending |= {path.resolve() for path in changed}
        try:
            rendered, files, locales, entries = self._render()
        except PressgenError as error:
            self._fail(error.problems, error.format().replace("nothing was written.", "still showing the last good build."))
            return False
        except Exception as error:  # a bug must not stop the preview
            detail = "".join(traceback.format_exception(error))
            problem = Problem("pressgen", 0, 0, f"unexpected error: {type(error).__name__}: {error}",
                              hint="this is a bug in pressgen or a problem of the machine; the terminal shows the details")
            self._fail([problem], f"{detail.rstrip()}\n{problem.format()}")
            return False
        from pressgen.output import write

        with self.lock:
            changes = write.update(self.output, files)
            self.state.version += 1
            self.state.problems = []
            self.state.locales = locales
            self.state.entries = entries
        self._everything = False
        self._pending.clear()
        self.rendered_last = rendered
        elapsed = (time.monotonic() - started) * 1000
        what = ", ".join(rendered) if rendered else "no milestone changed"
        self.echo(f"Rebuilt ({what}): {len(changes.written)} file{'s' if len(changes.written) != 1 else ''} "
                  f"written in {elapsed:.0f} ms.")
        return True

    # -- internals -----------------------------------------------------------------------------
    def _fail(self, problems: list[Problem], text: str) -> None:
        with self.lock:
            self.state.problems = list(problems)
        self.echo(text)

    def _render(self) -> tuple[list[str], dict[str, bytes], list[str], list[Entry]]:
        from pressgen.pipeline import load_project, milestone_digests
        from pressgen.render.renderer import Renderer

        project = load_project(self.layout)
        shared = _digest(repr((project.locales, sorted(project.nouns.items()))))
        templates = self.layout.templates.resolve()
        templates_changed = self._everything or any(_inside(path, templates) for path in self._pending)
        if self._renderer is None or templates_changed or shared != self._shared_digest:
            self._renderer = Renderer(self.layout, project)  # fresh Jinja2 environments: templates re-read
            self._cache.clear()
        else:
            self._renderer.project = project
        self._shared_digest = shared
        changed_images = self._pending
        digests = milestone_digests(project)
        renderer = self._renderer
        rendered: list[str] = []
        cache: dict[str, _Cached] = {}

        def render_changed(milestone: model.Milestone) -> tuple[dict[str, bytes], list]:
            cached = self._cache.get(milestone.id)
            image = (self.layout.root / milestone.image.file).resolve() if milestone.image else None
            if cached is None or cached.digest != digests[milestone.id] or image in changed_images:
                files, releases = renderer.render_milestone(milestone)
                cached = _Cached(digests[milestone.id], files, releases)
                rendered.append(milestone.id)
            cache[milestone.id] = cached
            return cached.files, cached.releases

        try:
            result = renderer.render_all(render_milestone=render_changed)
        except PressgenError:
            # Keep what did render (with this renderer): the fix then re-renders only the rest.
            self._cache.update(cache)
            self._everything = False
            self._pending -= {p for p in self._pending if _inside(p, templates)}
            raise
        self._cache = cache
        releases = result.releases
        files = result.files
        from pressgen.authoring.status import Notes, notes
        from pressgen.checks.drift import compare

        left = notes(project, releases, compare(project, self.layout.root))
        entries = [_entry(m, releases, left.get(m.id, Notes()).lines(project.locales)) for m in project.milestones]
        return rendered, files, list(project.locales), entries


def _entry(milestone: model.Milestone, releases: list, notes: list[str]) -> Entry:
    from pressgen.render.renderer import utc_offset

    embargo = ""
    if milestone.embargo_until is not None:
        moment = milestone.embargo_until
        embargo = f"{moment.date().isoformat()} {moment.strftime('%H:%M')} ({utc_offset(moment)})"
    titles = {r.locale: r.title for r in releases if r.milestone_id == milestone.id}
    return Entry(milestone.id, milestone.status, milestone.date.isoformat(), embargo, titles, tuple(notes))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True
