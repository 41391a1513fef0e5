"""Read the folder layout: ``pressgen.yaml`` (the settings) and ``releases/<id>.yaml``.

Each release file is decoded at the key path of its id (``paris-2-millions.quotes[0].text``),
as a release of ``milestones.yaml`` is, and its places carry its own file name, so every
problem names the right file and line. The file name is the id; an ``id:`` inside may be left
out, and must match when given. Releases come in the order of their file names; the result is
the same :class:`pressgen.model.SourceFile` the one-file layout gives.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Callable

from pressgen import model
from pressgen.errors import PressgenError, Problem
from pressgen.project.ahead import decode_ahead
from pressgen.project.decode import INVALID
from pressgen.project.layout import RELEASE_SUFFIX, RELEASES_NAME, SETTINGS_NAME, Layout
from pressgen.project.load import load_source
from pressgen.project.memo import ReleaseMemo, release_key, settings_digest
from pressgen.project.read import declared_locales, declared_time_zone, decode_file
from pressgen.project.sources import Place, SourceMap

_RESERVED = {f.name for f in dataclasses.fields(model.SourceFile)}


def read_folder(layout: Layout, sources: SourceMap, memo: ReleaseMemo | None = None,
                jobs: int = 1) -> tuple[Any, list[str], list[Problem]]:
    """The decoded project (INVALID when a value is wrong), its declared locales, the problems.
    ``memo``: the releases the last build decoded (:mod:`pressgen.project.memo`), to take
    unchanged files from; it receives this build's, and the key of each file read. ``jobs``:
    how many processes may decode the other files (:mod:`pressgen.project.ahead`)."""
    problems: list[Problem] = []
    settings_name = layout.display(layout.settings)
    try:
        settings = load_source(layout.settings, settings_name, sources)
    except PressgenError as error:
        problems += error.problems
        settings = None
    locales = declared_locales(settings.root) if settings is not None else []
    top: Any = INVALID
    if settings is not None:
        top, found = decode_file(settings, model.Settings, "", locales, sources,
                                 f"give at least 'locales:' in {SETTINGS_NAME}")
        problems += found
    milestones: list[Any] = []
    time_zone = declared_time_zone(settings.root) if settings is not None else None
    settings_key = settings_digest(settings.text.encode("utf-8") if settings is not None else b"")
    files = list(enumerate(layout.release_files()))
    if jobs > 1 and settings is not None:
        unknown = [(index, path) for index, path in files if memo is None or not memo.knows(layout.display(path))]
        entries = decode_ahead(layout, unknown, locales, time_zone, settings_key, jobs)
        if entries:
            memo = memo if memo is not None else ReleaseMemo()  # check's: this build's entries only
            memo.take(entries)
    for index, path in files:
        milestone, found = read_release(layout, path, index, locales, sources, time_zone, memo, settings_key)
        problems += found
        milestones.append(milestone)
    problems += _misnamed_files(layout)
    if top is INVALID or any(m is INVALID for m in milestones):
        return INVALID, locales, problems
    shared = {f.name: getattr(top, f.name) for f in dataclasses.fields(model.Settings)}
    return model.SourceFile(**shared, milestones=milestones), locales, problems


def read_release(layout: Layout, path: Path, index: int, locales: list[str], sources: SourceMap,
                  time_zone: str | None = None, memo: ReleaseMemo | None = None,
                  settings: bytes = b"") -> tuple[Any, list[Problem]]:
    """One release file as a :class:`pressgen.model.Milestone` named by its file name;
    ``settings``: the settings' part of the memo's keys (:func:`pressgen.project.memo.settings_digest`)."""
    name = layout.display(path)
    stem = path.name[: -len(RELEASE_SUFFIX)]
    positional = f"milestones[{index}]"
    usable = bool(model.Slug.pattern.fullmatch(stem)) and stem not in _RESERVED and not sources.has(stem)
    key = stem if usable else positional
    memo_key = kept = None
    if memo is not None:
        try:
            raw = path.read_bytes()
            memo_key = release_key(settings, name, key, raw)
            kept = memo.reuse(name, memo_key, key)
            if kept is not None:
                sources.add_text(name, raw.decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            memo_key = kept = None
    if kept is not None:
        value, own_places, deeper = kept
        sources.places.update(own_places)
        sources.defer(key, lambda: _places_inside(deeper, path, name, key, locales, time_zone))
        problems: list[Problem] = []
    else:
        own = SourceMap()  # this file's places alone, to keep them for the next build
        try:
            source = load_source(path, name, own)
        except PressgenError as error:
            return INVALID, error.problems
        value, problems = decode_file(source, model.ReleaseFile, key, locales, own,
                                      "start from `pressgen new ID`, which writes a release to fill in", time_zone)
        sources.add_text(name, source.text)
        sources.places.update(own.places)
        own_places = own.places
    sources.record(positional, sources.places.get(key, Place(name)))
    if not sources.has(key):
        sources.record(key, Place(name))
    if not sources.has(f"{key}.id"):
        sources.record(f"{key}.id", Place(name))  # the file name gives it
    if not model.Slug.pattern.fullmatch(stem):
        problems.append(sources.problem(Place(name), f"the file name '{stem}' is not a slug, so it cannot be an id",
                                        key, f"rename it with lower-case letters, digits and hyphens, "
                                             f"e.g. {RELEASES_NAME}/{model.Slug.example}{RELEASE_SUFFIX}"))
        return INVALID, problems
    if value is INVALID:
        return INVALID, problems
    if value.id is not None and value.id != stem:
        problems.append(sources.problem_at(
            f"{key}.id", f"the id '{value.id}' is not the file's name ('{stem}')",
            f"leave 'id:' out (the file name is the id), or rename the file to {RELEASES_NAME}/{value.id}{RELEASE_SUFFIX}"))
        return INVALID, problems
    if memo is not None and memo_key is not None:
        memo.keys[stem] = memo_key
    if kept is not None:
        return value, problems
    fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(model.Milestone)}
    fields["id"] = model.Slug(stem)
    milestone = model.Milestone(**fields)
    if memo is not None and memo_key is not None and not problems:
        memo.remember(name, memo_key, key, milestone, own_places)
    return milestone, problems


def _places_inside(deeper: Callable[[], dict[str, Place] | None], path: Path, name: str, key: str,
                   locales: list[str], time_zone: str | None) -> dict[str, Place]:
    """The places inside the fields of a release taken from the memo, for a message: as the
    memo kept them or, if they are not what it writes, as decoding the file gives them."""
    found = deeper()
    if found is None:
        own = SourceMap()
        try:
            decode_file(load_source(path, name, own), model.ReleaseFile, key, locales, own, "", time_zone)
        except PressgenError:
            return {}
        found = own.places
    return found


def _misnamed_files(layout: Layout) -> list[Problem]:
    """Files of releases/ that look like releases but would not be read (``.yml``)."""
    if not layout.releases.is_dir():
        return []
    return [Problem(layout.display(p), 0, 0, f"not read: a release file's name ends in {RELEASE_SUFFIX}",
                    hint=f"rename it to {p.stem}{RELEASE_SUFFIX}")
            for p in sorted(layout.releases.glob("*.yml")) if p.is_file()]
