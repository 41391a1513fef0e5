"""The model seen from one language: what a template receives as ``m``."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from pressgen import model
from pressgen.language import NounForms
from pressgen.language.locale import Locale
from pressgen.model.walk import field_names, is_record

# What localize does with a value, by its class: a release holds about 700 values in each
# language, and asking each one what it is, through isinstance and dataclasses, took longer
# than making its localized copy.
_PER_LOCALE, _NOUN, _LIST, _RECORD, _AS_IT_IS = range(5)
_KINDS: dict[type, int] = {}


def _kind(value: Any) -> int:
    if isinstance(value, model.PerLocale):
        return _PER_LOCALE
    if isinstance(value, model.NounRef):
        return _NOUN
    if isinstance(value, list):
        return _LIST
    if is_record(value) and not isinstance(value, NounForms):
        return _RECORD
    return _AS_IT_IS


def localize(value: Any, locale: Locale, nouns: dict[str, model.PerLocale]) -> Any:
    """Every translated field becomes its text in ``locale`` (or in the nearest language of its
    chain that gives one: ``fr`` for ``fr_CA``), every noun reference that language's
    :class:`NounForms`."""
    cls = type(value)
    kind = _KINDS.get(cls)
    if kind is None:
        kind = _KINDS[cls] = _kind(value)  # the same for every value of the class
    if kind == _AS_IT_IS:
        return value
    if kind == _PER_LOCALE:
        return localize(pick(value, locale), locale, nouns)
    if kind == _NOUN:
        return pick(nouns[value], locale)
    if kind == _LIST:
        return [localize(item, locale, nouns) for item in value]
    return SimpleNamespace(**{name: localize(getattr(value, name), locale, nouns) for name in field_names(cls)})


def pick(value: model.PerLocale, locale: Locale) -> Any:
    """The value for ``locale`` along its fallback chain; the decoder made sure one is given."""
    for tag in locale.chain:
        if tag in value:
            return value[tag]
    raise KeyError(locale.tag)
