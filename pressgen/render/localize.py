"""The model seen from one language: what a template receives as ``m``."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from pressgen import model
from pressgen.language import NounForms
from pressgen.language.locale import Locale
from pressgen.model.walk import children, is_record


def localize(value: Any, locale: Locale, nouns: dict[str, model.PerLocale]) -> Any:
    """Every translated field becomes its text in ``locale`` (or in the nearest language of its
    chain that gives one: ``fr`` for ``fr_CA``), every noun reference that language's
    :class:`NounForms`."""
    if isinstance(value, model.PerLocale):
        return localize(pick(value, locale), locale, nouns)
    if isinstance(value, model.NounRef):
        return pick(nouns[value], locale)
    if isinstance(value, list):
        return [localize(item, locale, nouns) for item in value]
    if is_record(value) and not isinstance(value, NounForms):
        return SimpleNamespace(**{step[1:]: localize(child, locale, nouns) for step, child in children(value)})
    return value


def pick(value: model.PerLocale, locale: Locale) -> Any:
    """The value for ``locale`` along its fallback chain; the decoder made sure one is given."""
    for tag in locale.chain:
        if tag in value:
            return value[tag]
    raise KeyError(locale.tag)
