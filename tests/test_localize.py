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


def test_the_sandbox_lets_a_template_read_the_fields_localize_made_and_nothing_else() -> None:
    """BoundedSandbox answers at once for localize's namespaces: the same answers as Jinja2's
    own rule, and a template still cannot reach a namespace's internals."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from pressgen.render.environment import make_environment

    project = load_project(Layout(REPO))
    m = localize(project.milestones[0], locale_for("fr"), project.nouns)
    ours, jinjas = make_environment(REPO / "templates", locale_for("fr")), SandboxedEnvironment()
    for attr in [*vars(m), "_private", "__class__", "__dict__", "__init__", "__reduce_ex__", "mro"]:
        value = getattr(m, attr, None)
        assert ours.is_safe_attribute(m, attr, value) == jinjas.is_safe_attribute(m, attr, value), attr
    assert ours.from_string("{{ m.id }}").render(m=m) == m.id
    for unsafe in ("{{ m.__class__ }}", "{{ m.__dict__ }}", "{{ m.figure.__class__.__mro__ }}"):
        with pytest.raises(jinja2.exceptions.SecurityError):
            ours.from_string(unsafe).render(m=m)
