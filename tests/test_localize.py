"""The model seen from one language: what each value of a release becomes for a template."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from pressgen import model
from pressgen.language import NounForms
from pressgen.language.locale import locale_for
from pressgen.model.walk import children, is_record
from pressgen.pipeline import load_project
from pressgen.project.layout import Layout
from pressgen.render.localize import localize, pick

REPO = Path(__file__).resolve().parents[1]


def _asking_each_value(value: Any, locale, nouns) -> Any:
    """localize as it was written first: every value asked what it is, through the model's walk."""
    if isinstance(value, model.PerLocale):
        return _asking_each_value(pick(value, locale), locale, nouns)
    if isinstance(value, model.NounRef):
        return pick(nouns[value], locale)
    if isinstance(value, list):
        return [_asking_each_value(item, locale, nouns) for item in value]
    if is_record(value) and not isinstance(value, NounForms):
        return SimpleNamespace(**{step[1:]: _asking_each_value(child, locale, nouns) for step, child in children(value)})
    return value


@pytest.mark.parametrize("tag", ["fr", "en", "fr_CA", "en_GB"])
def test_every_release_of_the_example_is_seen_as_by_asking_each_value(tag: str) -> None:
    project = load_project(Layout(REPO))
    locale = locale_for(tag)
    for milestone in project.milestones:
        assert localize(milestone, locale, project.nouns) == _asking_each_value(milestone, locale, project.nouns)


def test_texts_nouns_and_records_become_the_languages_values() -> None:
    forms = {tag: NounForms(one=one, other=other) for tag, one, other in
             (("fr", "abonné", "abonnés"), ("en", "follower", "followers"))}
    nouns = {"follower": model.PerLocale(forms)}
    value = [model.PerLocale({"fr": [model.PerLocale({"fr": "oui", "en": "yes"})], "en": []}),
             model.NounRef("follower"), forms["en"], model.Slug("paris"), 3, None]
    seen = localize(value, locale_for("fr_CA"), nouns)
    assert seen == [["oui"], forms["fr"], forms["en"], "paris", 3, None]
    assert type(seen[3]) is model.Slug  # a checked text stays what it is
