"""The pipeline end to end: load → validate → render → write.

``build`` writes ``out/``; ``check`` does everything but the writing; ``publish`` writes the
site to deploy, only what is public at a given moment. They raise
:class:`pressgen.errors.PressgenError` for bad input and leave their folder untouched when they do.
"""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable, Iterator, TypeVar

from pressgen.errors import PressgenError

if TYPE_CHECKING:  # not imported at run time: a build with nothing to do never loads the model
    from pressgen import model
    from pressgen.project.layout import Layout

Progress = Callable[[int, int, str], None]
T = TypeVar("T")


@dataclass
class BuildReport:
    """What a build did, for the terminal and for tests."""

    milestones: list[str]
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Translated fields changed in one language only (pressgen.checks.drift), as problems to warn about.
    translation_flags: list = field(default_factory=list)
    lock_written: bool = False
    # The milestones rendered (the others were unchanged since the last build: out/.pressgen-cache).
    rendered: list[str] = field(default_factory=list)
    # Not wrong, but to be told (an embargo ended while the status still says embargoed).
    warnings: list = field(default_factory=list)
    # The release files decoded from their YAML, in the folder layout: the others were taken as
    # the last build decoded them (pressgen.project.memo).
    decoded: list[str] = field(default_factory=list)


@dataclass
class PublishReport:
    """What ``publish`` wrote: the public releases, by id, and the files."""

    milestones: list[str]
    lifted: list[str]  # embargoed in the sources, published at this moment
    withheld: int  # releases not public at this moment: never named outside the terminal
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Not wrong, but to be told (no site.base_url: no feeds, no sitemap, no sharing cards).
    warnings: list = field(default_factory=list)


class CheckFailed(PressgenError):
    """``check`` found problems; the warnings it found too are shown with them."""

    def __init__(self, problems: list, warnings: list):
        super().__init__(problems)
        self.warnings = warnings


def load_project(layout: Layout, memo=None, jobs: int = 1) -> model.Project:
    """Read and check the project's sources (either layout); ``memo``
    (:class:`pressgen.project.memo.ReleaseMemo`): release files decoded by the last build;
    ``jobs``: how many processes may decode the others."""
    from pressgen.project.read import read_project

    return read_project(layout, memo, jobs)


@contextmanager
def _outside_the_collector(load: Callable[[], T]) -> Iterator[T]:
    """What ``load()`` makes, kept out of the garbage collector's walks while the block runs.

    The model is made of plain values, about 170 objects a release, which no cycle holds and
    which live to the end of the build: a collection while they are made finds nothing, and
    every later one walked them all again (a quarter of a second at 1,000 releases). Nothing
    is collected before the freeze: the load leaves almost no garbage in cycles (about a
    hundred objects at 1,000 releases), and that one collection walked every object of the
    model (half a second at 10,000). After the block every object is the collector's again: a
    process that builds again and again (the tests, the preview) must not keep its garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        made = load()
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
    try:
        yield made
    finally:
        gc.unfreeze()


def render_project(layout: Layout, project: model.Project, progress: Progress | None = None):
    """Every output file in memory (``pressgen.render.Rendered``)."""
    from pressgen.render.renderer import Renderer

    renderer = Renderer(layout, project)
    return renderer.render_all(progress)


def milestone_digests(project: model.Project) -> dict[str, str]:
    """A fingerprint of each milestone's data, so callers can tell which milestones changed."""
    from pressgen.render.inputs import data_digest

    return {m.id: data_digest(m) for m in project.milestones}


def build(layout: Layout, progress: Progress | None = None, use_cache: bool = True, jobs: int = 1,
          user_cache: Path | None = None, keep: list | None = None) -> BuildReport:
    """Build ``out/`` from the sources; on bad input raise and leave ``out/`` as it was.

    Each milestone's files go to the transaction as soon as it is rendered; a milestone whose
    inputs did not change since the last build (``out/.pressgen-cache``) is not rendered at all,
    and when no byte the build reads changed, the project is not even loaded.
    ``use_cache=False`` renders everything (and writes the cache afresh). ``jobs``: how many
    processes may render (the same files and messages, in the same order, as one).
    ``user_cache``: the user's cache folder, outside the project, where the compiled templates
    (pressgen.render.compiled) and the decoded release files (pressgen.project.memo) are kept
    between builds; None compiles and decodes everything. ``keep``: a list that receives what the
    build loaded, for a process that ends right after it and need not free it one object at a
    time (a tenth of an edit at 10,000 releases).
    """
    from pressgen.output import write
    from pressgen.output.cache import read_cache
    from pressgen.render import inputs

    sources = inputs.Sources(layout)  # before loading: a file saved during the build is noticed next time
    previous = read_cache(layout.output, inputs.code_digest()) if use_cache else None
    if previous is not None:
        report = _nothing_changed(layout, sources, previous)
        if report is not None:
            return report
    from pressgen.checks.audit import audit
    from pressgen.checks.drift import lock_path
    from pressgen.checks.placeholders import placeholder_addresses
    from pressgen.project.memo import ReleaseMemo, memo_path
    from pressgen.render.incremental import IncrementalBuild

    code = inputs.code_digest()
    kept = memo_path(user_cache / "releases", layout.root, code) if user_cache is not None and use_cache else None
    memo = ReleaseMemo(kept, code)
    compiled = user_cache / "templates" if user_cache is not None else None
    with (_outside_the_collector(lambda: load_project(layout, memo, jobs)) as project,
          write.Transaction(layout.output) as output):
        result = IncrementalBuild(layout, project, previous, memo.keys, compiled).run(output, progress, jobs)
        # The lock entries of the releases read as the last build read them are the last build's, if the lock is.
        translations = _drift(layout, project, _as_last_read(previous, memo.keys),
                              previous.lock_digest if previous is not None else None)
        flags = _drift_problems(project, translations)
        # What check fails on, build tells: figures that differ between the languages (only the
        # milestones whose figures differ, kept or rendered, have texts to read), and addresses
        # on example domains in published releases.
        warnings = audit(project, [SimpleNamespace(milestone_id=milestone_id, locale=locale, markdown=markdown,
                                                   parts={"end_mark": end_mark})
                                   for milestone_id, (locale, markdown, end_mark) in result.audit_texts])
        warnings += placeholder_addresses(project)
        cache = result.cache
        lock_digest = translations.digest  # 56 MB at 10,000 releases: hashed once
        cache.sources = sources.digest(inputs.named_in_project(project), lock_digest)
        cache.named = sorted(project.files)
        cache.order = [m.id for m in project.milestones]
        cache.lock = layout.display(lock_path(layout.root))
        cache.lock_digest = lock_digest
        cache.flags = [_problem_fields(problem) for problem in flags]
        cache.warnings = [_problem_fields(problem) for problem in warnings]
        changes = output.commit(cache.to_parts())
    memo.save()
    if translations.lock_changed:
        from pressgen.checks.drift import write_lock

        write_lock(lock_path(layout.root), translations.lock)
    if keep is not None:
        keep += (project, previous, memo, result, translations)
    return BuildReport(
        milestones=[m.id for m in project.milestones],
        written=changes.written,
        unchanged=changes.unchanged,
        removed=changes.removed,
        translation_flags=flags,
        lock_written=translations.lock_changed,
        warnings=warnings,
        rendered=result.rendered,
        decoded=memo.decoded,
    )


def _nothing_changed(layout: Layout, sources, cache) -> BuildReport | None:
    """The build when no byte it reads changed and every file of ``out/`` is as it was written:
    the last build's report, without loading the project; None when something changed."""
    from pressgen.errors import Problem
    from pressgen.output import write
    from pressgen.output.cache import verified
    from pressgen.render import inputs

    lock = layout.root / cache.lock
    lock_digest = inputs.bytes_digest(lock.read_bytes()) if lock.is_file() else "absent"
    if sources.digest(sources.named_on_disk(cache.named), lock_digest) != cache.sources:
        return None
    untouched = True  # every file as the cache says, to the inode: the cache stays as it is
    with write.Transaction(layout.output) as output:
        for entry in cache.entries():
            files = verified(layout.output, entry.files)
            if files is None:
                return None  # leaving the block unused: out/ untouched
            untouched = untouched and files == entry.files
            entry.files = files
            for rel in files:
                output.keep(rel)
        changes = output.commit(None if untouched else cache.to_parts())
    return BuildReport(milestones=list(cache.order), written=changes.written, unchanged=changes.unchanged,
                       removed=changes.removed, translation_flags=[Problem(**fields) for fields in cache.flags],
                       warnings=[Problem(**fields) for fields in cache.warnings])


def _as_last_read(cache, keys: dict[str, str]) -> list[str]:
    """The milestones whose release file is the one the build of ``cache`` read (``keys``: the
    key of each file read now, :func:`pressgen.project.memo.release_key`)."""
    if cache is None:
        return []
    return [milestone_id for milestone_id, key in keys.items()
            if (entry := cache.milestones.get(milestone_id)) is not None and entry.source == key]


def _problem_fields(problem) -> dict:
    import dataclasses

    return {f.name: getattr(problem, f.name) for f in dataclasses.fields(problem)}


def check(layout: Layout, progress: Progress | None = None, at: dt.datetime | None = None,
          jobs: int = 1) -> BuildReport:
    """Everything ``build`` does but writing: for CI and pre-commit. With ``at``, also warn
    about embargoes that have ended by then while the status still says embargoed."""
    from pressgen.checks import placeholders
    from pressgen.checks.audit import audit
    from pressgen.checks.embargo import lapsed_embargoes

    from pressgen.render.incremental import render_everything

    project = load_project(layout, jobs=jobs)
    texts: list = []  # what the figures audit reads of each release, not the whole release

    def keep(milestone_id: str, text: tuple[str, str, str]) -> None:
        locale, markdown, end_mark = text
        texts.append(SimpleNamespace(milestone_id=milestone_id, locale=locale, markdown=markdown,
                                     parts={"end_mark": end_mark}))

    names = sorted(rel for rel, _ in render_everything(layout, project, progress, jobs, keep))
    warnings = lapsed_embargoes(project, at) if at is not None else []
    # The sources are valid; now what a reviewer must know: translations out of step, and
    # figures that differ between the languages.
    problems = _drift_problems(project, _drift(layout, project))
    problems += audit(project, texts)
    problems += placeholders.problems(project)  # texts `pressgen new` left to fill in
    problems += placeholders.placeholder_addresses(project)  # presse@example.org, published
    if problems:
        raise CheckFailed(problems, warnings)
    return BuildReport(milestones=[m.id for m in project.milestones], unchanged=names, warnings=warnings)


def publish(layout: Layout, target: Path, at: dt.datetime, progress: Progress | None = None) -> PublishReport:
    """Write into ``target`` the site to deploy: the releases public at ``at`` and nothing else.

    The output depends on the sources and ``at`` only. Like ``out/``, ``target`` has a manifest:
    a release no longer public is removed, and nothing pressgen did not write is touched.
    """
    from pressgen.output import write
    from pressgen.publish.site import site_project
    from pressgen.publish.target import check_target
    from pressgen.publish.visibility import embargo_lifted

    project = load_project(layout)
    check_target(layout, target, project)
    public = site_project(project, at)
    rendered = render_project(layout, public, progress)
    changes = write.update(target, rendered.files, str(target))
    warnings = []
    if project.site is None:
        from pressgen.project.layout import SOURCE_NAME

        warnings.append(project.sources.problem_at(
            "site", "no site address: the pages link to each other relatively, and have no sharing card, no "
            "structured data, no feed and no sitemap", "add site: {base_url: https://…/} with the address the "
            "site is served from", default_file=SOURCE_NAME))
    return PublishReport(
        milestones=[m.id for m in public.milestones],
        lifted=[m.id for m in project.milestones if embargo_lifted(m, at)],
        withheld=len(project.milestones) - len(public.milestones),
        written=changes.written,
        unchanged=changes.unchanged,
        removed=changes.removed,
        warnings=warnings,
    )


def stale(layout: Layout, progress: Progress | None = None, jobs: int = 1):
    """``build --check``: how ``out/`` (and the translation lock) differ from what the sources
    produce, as :class:`pressgen.stale.StaleReport`. Writes nothing, but first finishes or undoes a
    build interrupted in ``out/`` (a difference too, that the report names)."""
    from pressgen.checks import stale as stale_check
    from pressgen.checks.drift import lock_path
    from pressgen.output import write

    from pressgen.render.incremental import render_everything

    recovered = write.recover(layout.output)
    project = load_project(layout, jobs=jobs)
    translations = _drift(layout, project)
    lock = lock_path(layout.root)
    files = render_everything(layout, project, progress, jobs)  # compared as they come: never all in memory
    return stale_check.compare(layout.output, files, layout.display(layout.output),
                               extra={layout.display(lock): (lock, translations.lock)}, recovered=recovered)


def mark_translation_reviewed(layout: Layout, keys: list[str]) -> list[str]:
    """Accept the current texts of the flagged fields ``keys``; return the keys that were not
    flagged (nothing is written when there is one)."""
    from pressgen.checks.drift import lock_path, mark_reviewed, write_lock

    project = load_project(layout)
    data, unknown = mark_reviewed(project, layout.root, keys)
    if not unknown:
        write_lock(lock_path(layout.root), data)
    return unknown


def _drift(layout: Layout, project: model.Project, unchanged: list[str] | None = None, written: str | None = None):
    from pressgen.checks.drift import compare

    return compare(project, layout.root, unchanged or (), written)


def _drift_problems(project: model.Project, translations) -> list:
    from pressgen.checks.drift import problems

    return problems(translations, project.sources)


def find_root(start: Path) -> Path:
    """The project's folder: ``start`` or the nearest parent holding ``milestones.yaml`` or
    ``pressgen.yaml``."""
    from pressgen.project.layout import is_project_root

    start = start.resolve()
    for folder in (start, *start.parents):
        if is_project_root(folder):
            return folder
    return start
