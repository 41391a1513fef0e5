"""Read a project: its files → YAML nodes → the model, checked by the project's rules."""

from __future__ import annotations

import yaml

from pressgen import model
from pressgen.errors import PressgenError
from pressgen.project.decode import INVALID, AliasBomb, Decoder
from pressgen.project.layout import Layout
from pressgen.project.load import load_source
from pressgen.project.rules import Decoded, apply_rules
from pressgen.project.sources import Place, SourceMap


def read_project(layout: Layout) -> model.Project:
    """The checked project, or :class:`PressgenError` with every problem found."""
    sources = SourceMap()
    name = layout.display(layout.source)
    source = load_source(layout.source, name, sources)
    locales = _declared_locales(source.root)
    decoder = Decoder(name, source.text, sources, locales, _chains(locales))
    try:
        top = decoder.value(source.root, model.SourceFile, "") if source.root is not None else INVALID
    except AliasBomb as bomb:
        decoder.fail(bomb.node, "", f"the aliases (*name) in this file expand to more than {decoder.budget} values",
                     "write the values out instead of nesting aliases")
        raise PressgenError(decoder.problems) from None
    if source.root is None:
        decoder.problems.append(sources.problem(Place(name, 1), "the file is empty", hint="start from the example milestones.yaml"))
    decoded = Decoded(None if top is INVALID else top, locales, sources, layout.root, name, layout.template_locales())
    project, problems = apply_rules(decoded)
    problems = decoder.problems + problems
    if problems or project is None:
        raise PressgenError(list(dict.fromkeys(problems)))
    return project


def _declared_locales(root: yaml.Node | None) -> list[str]:
    """The languages named under 'locales', read first: every translated field depends on them."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if getattr(key, "value", None) == "locales" and isinstance(value, yaml.SequenceNode):
                return [item.value for item in value.value if isinstance(item, yaml.ScalarNode)]
    return []


def _chains(locales: list[str]) -> dict[str, tuple[str, ...]]:
    """Each writable language's fallback chain; the rules report the others."""
    from pressgen.language.locale import locale_for

    chains = {}
    for tag in locales:
        try:
            chains[tag] = locale_for(tag).chain
        except (ValueError, TypeError):
            continue
    return chains
