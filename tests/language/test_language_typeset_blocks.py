"""Typesetting block by block (cached) gives the same text as typesetting a document whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.pipeline import load_project
from pressgen.language.typography import _typeset, typeset_markdown
from pressgen.project.layout import Layout
from pressgen.language.locale import locale_for
from pressgen.render.localize import localize
from pressgen.render.release import RELEASE_TEMPLATE
from pressgen.render.renderer import Renderer

REPO = Path(__file__).resolve().parents[2]


def raw_releases() -> list[tuple[str, str, str]]:
    """The example's releases as the templates write them, before any typography."""
    layout = Layout(REPO)
    project = load_project(layout)
    renderer = Renderer(layout, project)
    out = []
    for milestone in project.milestones:
        for locale in project.locales:
            m = localize(milestone, locale_for(locale), project.nouns)
            out.append((milestone.id, locale, renderer._call(locale, RELEASE_TEMPLATE, m=m, locale=locale, here="")))
    return out


@pytest.mark.parametrize("milestone, locale, raw", raw_releases(), ids=lambda v: v if len(v) < 30 else "")
def test_blockwise_equals_whole(milestone: str, locale: str, raw: str) -> None:
    assert typeset_markdown(raw, locale) == _typeset(raw, locale, "markdown")


def test_fenced_code_with_blank_lines_is_typeset_whole() -> None:
    text = 'Il a dit : "oui".\n\n```\nx = "a" -- b\n\ny = \'c\'\n```\n'
    result = typeset_markdown(text, "fr")
    assert 'x = "a" -- b\n\ny = \'c\'' in result
    assert result.startswith("Il a dit\u00a0: «\u00a0oui\u00a0».")
