"""A build that renders only what changed, into an open transaction, one milestone at a time.

For each milestone, in the project's order: when the cache (:mod:`pressgen.output.cache`) has
it with the same inputs (:mod:`pressgen.render.inputs`) and its files in ``out/`` are still
the ones written, its files are kept as they are and its summaries taken from the cache;
otherwise it is rendered and its files go to the transaction at once (nothing waits in memory
for the end of the build). The site-wide pages (the index) are then made from every
milestone's summaries, and kept as well when those did not change. The figures audit gets
the texts of every milestone whose languages state different figures, kept or rendered. Nothing of Jinja2,
Markdown or the typography is imported until a milestone or a page has to be rendered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Protocol

from pressgen.errors import PressgenError, Problem
from pressgen.output.cache import Cache, Entry, fingerprint, verified
from pressgen.project.layout import Layout
from pressgen.render import inputs
from pressgen.render.parallel import Rendered, render_here, render_in_processes, worthwhile
from pressgen.render.summary import Summary, site_digest, summary_digest, summary_from_json

if TYPE_CHECKING:
    from pressgen import model

Progress = Callable[[int, int, str], None]


class Sink(Protocol):
    """Where the files go: :class:`pressgen.output.transaction.Transaction`."""

    def add(self, rel: str, data: bytes) -> None: ...

    def keep(self, rel: str) -> None: ...

    def location(self, rel: str) -> Path: ...


@dataclass
class Result:
    """The cache to commit with the files, and which milestones and pages were rendered."""

    cache: Cache
    rendered: list[str] = field(default_factory=list)  # milestone ids, in the project's order
    rendered_pages: list[str] = field(default_factory=list)  # site-wide pages, by path
    # (milestone id, (language, Markdown, end mark)) of the milestones whose figures differ
    audit_texts: list[tuple[str, tuple[str, str, str]]] = field(default_factory=list)


class IncrementalBuild:
    """Renders ``project`` into ``sink``, reusing what ``previous`` (None: nothing) says is still right."""

    def __init__(self, layout: Layout, project: model.Project, previous: Cache | None,
                 sources: Mapping[str, str] | None = None, compiled: Path | None = None):
        """``sources``: the key of the release file each milestone was read from
        (:func:`pressgen.project.memo.release_key`; the folder layout): the digest of a
        milestone's data is not made again when its file is the one the last build read.
        ``compiled``: where compiled templates are kept (pressgen.render.compiled), or None."""
        self.layout = layout
        self.project = project
        self.compiled = compiled
        self.sources = sources or {}
        code, shared = inputs.code_digest(), inputs.project_digest(project)
        self.previous = previous if previous is not None and (previous.code, previous.project) == (code, shared) else None
        self.cache = Cache(code, shared)
        self.templates = inputs.Templates(layout.templates)
        self._output = layout.output  # a path made once, not once per milestone kept
        self._file_digests: dict[str, str] = {}
        self._renderer = None

    def run(self, sink: Sink, progress: Progress | None = None, jobs: int = 1) -> Result:
        """Keep what is still right, render the rest (in up to ``jobs`` processes), in order."""
        result = Result(self.cache)
        summaries: dict[str, Summary] = {}
        audit: dict[str, list[tuple[str, str, str]]] = {}
        keys: dict[str, tuple[str, str, str]] = {}  # milestone id -> (its key, its data's digest, its source)
        changed: list[model.Milestone] = []
        for milestone in self.project.milestones:
            old = self.previous.milestones.get(milestone.id) if self.previous else None
            source = self.sources.get(milestone.id, "")
            data = old.data if old is not None and old.data and source and old.source == source \
                else inputs.data_digest(milestone)
            key = inputs.milestone_digest(self.project, milestone, self._file_digests, data)
            kept = self._reuse(old, key, sink, summarised=True)
            if kept is None:
                keys[milestone.id] = (key, data, source)
                changed.append(milestone)
                continue
            self.cache.milestones[milestone.id], summaries[milestone.id] = kept
            audit[milestone.id] = [tuple(text) for text in kept[0].audit]
        problems: list[Problem] = []
        fresh: list[str] = []
        for rendered in self._render(changed, jobs, progress):
            result.rendered.append(rendered.milestone_id)
            problems.extend(rendered.problems)
            if problems:
                continue  # the build fails: nothing more to stage
            summaries[rendered.milestone_id] = summary_from_json(rendered.summary)
            audit[rendered.milestone_id] = rendered.texts
            self.cache.milestones[rendered.milestone_id] = self._staged(
                sink, *keys[rendered.milestone_id], set(rendered.asked), rendered.files, rendered.summary,
                audit[rendered.milestone_id])
            fresh.append(rendered.milestone_id)
        if problems:
            raise PressgenError(list(dict.fromkeys(problems)))
        self._site(sink, [summaries[milestone.id] for milestone in self.project.milestones],
                   [self.cache.milestones[milestone.id].summary_digest for milestone in self.project.milestones], result)
        result.audit_texts = [(m.id, text) for m in self.project.milestones for text in audit[m.id]]
        for entry in (*[self.cache.milestones[name] for name in fresh],
                      *([self.cache.site[SITE]] if result.rendered_pages else [])):
            entry.files = {rel: fingerprint(sink.location(rel), value[3]) for rel, value in entry.files.items()}
        return result

    def _render(self, milestones: list[model.Milestone], jobs: int, progress: Progress | None) -> Iterator[Rendered]:
        """The renders of ``milestones`` in their order; ``progress`` is told before each one
        (in one process) or as each comes back (from several)."""
        processes = worthwhile(jobs, len(milestones))
        if processes > 1:
            for number, rendered in enumerate(render_in_processes(self.layout, self.project, milestones, processes, self.compiled), 1):
                if progress is not None:
                    progress(number, len(milestones), rendered.milestone_id)
                yield rendered
            return
        renderer = self._renderer_for()
        for number, milestone in enumerate(milestones, 1):
            if progress is not None:
                progress(number, len(milestones), milestone.id)
            yield render_here(renderer, milestone)

    # -- internals -----------------------------------------------------------------------------
    def _site(self, sink: Sink, summaries: list[Summary], digests: list[str], result: Result) -> None:
        """The site-wide pages (newsroom, feeds, sitemap), made again only when their summaries
        (``digests``: theirs) or templates changed; all of them together, as one entry of the cache."""
        key = site_digest(self.project.locales, digests)
        kept = self._reuse((self.previous.site if self.previous else {}).get(SITE), key, sink)
        if kept is not None:
            self.cache.site[SITE] = kept[0]
            return
        from pressgen.render.site import render_site_pages

        renderer = self._renderer_for()
        renderer.asked_templates()
        files = render_site_pages(summaries, renderer)
        self.cache.site[SITE] = self._staged(sink, key, "", "", renderer.asked_templates(), files, None, [])
        result.rendered_pages.extend(sorted(files))

    def _reuse(self, old: Entry | None, key: str, sink: Sink,
               summarised: bool = False) -> tuple[Entry, Summary | None] | None:
        """``old`` (and its summary, read, when it is a milestone's) when it is still right, its
        files kept in ``sink``; None to render again."""
        if old is None or old.key != key or self.templates.digest(old.templates) != old.templates_digest \
                or (old.summary is None) == summarised:
            return None
        try:  # checked here, not when the cache is read: a build with nothing to do never needs it
            summary = summary_from_json(old.summary) if old.summary is not None else None
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None
        files = verified(self._output, old.files)
        if files is None:
            return None
        for rel in files:
            sink.keep(rel)
        return Entry(key, old.templates, old.templates_digest, files, old.summary, old.audit, old.data,
                     old.summary_digest, old.source, old.read_as), summary

    def _staged(self, sink: Sink, key: str, data_digest: str, source: str, asked: set[tuple[str, str]],
                files: dict[str, bytes], summary: dict | None, audit: list) -> Entry:
        for rel, data in files.items():
            sink.add(rel, data)
        asked_list = sorted(asked)
        return Entry(key, asked_list, self.templates.digest(asked_list),
                     {rel: (len(data), 0, 0, hashlib.sha256(data).hexdigest()) for rel, data in files.items()},
                     summary, [list(text) for text in audit], data_digest,
                     summary_digest(summary) if summary is not None else "", source)

    def _renderer_for(self):
        if self._renderer is None:
            from pressgen.render.renderer import Renderer

            self._renderer = Renderer(self.layout, self.project, self.compiled)
        return self._renderer



def render_everything(layout: Layout, project: "model.Project", progress: Progress | None = None, jobs: int = 1,
                      keep: Callable[[str, tuple[str, str, str]], None] | None = None) -> Iterator[tuple[str, bytes]]:
    """Every file of ``out/`` from scratch, in up to ``jobs`` processes, as each milestone is
    rendered, then the site-wide pages: for ``check`` and ``build --check``, which never read the
    cache. ``keep`` receives the texts the figures audit needs: those of the releases whose
    languages state different figures. Every template problem is raised at the end, together."""
    build = IncrementalBuild(layout, project, None)
    summaries: dict[str, Summary] = {}
    problems: list[Problem] = []
    for rendered in build._render(list(project.milestones), jobs, progress):
        problems.extend(rendered.problems)
        if problems:
            continue
        summaries[rendered.milestone_id] = summary_from_json(rendered.summary)
        if keep is not None:
            for text in rendered.texts:
                keep(rendered.milestone_id, text)
        yield from rendered.files.items()
    if problems:
        raise PressgenError(list(dict.fromkeys(problems)))
    from pressgen.render.site import render_site_pages

    yield from render_site_pages([summaries[m.id] for m in project.milestones], build._renderer_for()).items()


SITE = "site"  # the cache's entry for the site-wide pages
