"""Read a project: its files → YAML nodes → the model, checked by the project's rules.

Both layouts (:mod:`pressgen.project.layout`) end in the same :class:`pressgen.model.SourceFile`
and the same source map, so nothing after this module knows which one a project uses; only
the places recorded (file, line, column) differ.
"""

from __future__ import annotations

from typing import Any

import yaml

from pressgen import model
from pressgen.errors import PressgenError, Problem
from pressgen.language.locale import fallback_chains
from pressgen.project.decode import INVALID, AliasBomb, Decoder
from pressgen.project.layout import FOLDER, Layout
from pressgen.project.load import Source, load_source
from pressgen.project.memo import ReleaseMemo
from pressgen.project.rules import Decoded, apply_rules
from pressgen.project.sources import Place, SourceMap


def read_project(layout: Layout, memo: ReleaseMemo | None = None, jobs: int = 1) -> model.Project:
    """The checked project, or :class:`PressgenError` with every problem found. ``memo``: the
    release files the last build decoded, to reuse (folder layout; ``build`` only). ``jobs``:
    how many processes may decode release files (folder layout)."""
    sources = SourceMap()
    if layout.kind() == FOLDER:
        from pressgen.project.folder import read_folder

        top, locales, problems = read_folder(layout, sources, memo, jobs)
    else:
        top, locales, problems = _read_one_file(layout, sources)
    decoded = Decoded(None if top is INVALID else top, locales, sources, layout.root,
                      layout.display(layout.source), layout.template_locales())
    project, rule_problems = apply_rules(decoded)
    problems = problems + rule_problems
    if problems or project is None:
        raise PressgenError(list(dict.fromkeys(problems)))
    return project


def _read_one_file(layout: Layout, sources: SourceMap) -> tuple[Any, list[str], list[Problem]]:
    source = load_source(layout.milestones_file, layout.display(layout.milestones_file), sources)
    locales = declared_locales(source.root)
    top, problems = decode_file(source, model.SourceFile, "", locales, sources,
                                "start from the example milestones.yaml")
    return top, locales, problems


def decode_file(source: Source, hint: Any, path: str, locales: list[str], sources: SourceMap,
                empty_hint: str, time_zone: str | None = None) -> tuple[Any, list[Problem]]:
    """One file's top value as ``hint`` at key path ``path`` (INVALID when it has a problem).
    ``time_zone`` is the organisation's, from another file; else the file's own, if it gives one."""
    decoder = Decoder(source.name, source.text, sources, locales, fallback_chains(locales),
                      time_zone or declared_time_zone(source.root))
    if source.root is None:  # at its first line: every problem points inside the file
        decoder.problems.append(sources.problem(Place(source.name, 1), "the file is empty", path, empty_hint))
        return INVALID, decoder.problems
    try:
        value = decoder.value(source.root, hint, path)
    except AliasBomb as bomb:
        decoder.fail(bomb.node, path, f"the aliases (*name) in this file expand to more than {decoder.budget} values",
                     "write the values out instead of nesting aliases")
        return INVALID, decoder.problems
    return value, decoder.problems


def declared_locales(root: yaml.Node | None) -> list[str]:
    """The languages named under 'locales', read first: every translated field depends on them."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if getattr(key, "value", None) == "locales" and isinstance(value, yaml.SequenceNode):
                return [item.value for item in value.value if isinstance(item, yaml.ScalarNode)]
    return []


def declared_time_zone(root: yaml.Node | None) -> str | None:
    """The organisation's time zone (``defaults: organisation: time_zone: Europe/Paris``), read
    from the nodes before decoding, for the examples of the embargo hints; None when not given."""
    node = root
    for step in ("defaults", "organisation", "time_zone"):
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((value for key, value in node.value if getattr(key, "value", None) == step), None)
    return node.value if isinstance(node, yaml.ScalarNode) and node.value else None
