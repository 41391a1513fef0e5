"""Locale-aware wording: numbers, counted nouns, dates, ordinals, lists and typography.

This package is pure: every function takes the locale explicitly (a template folder name such
as ``fr``, ``fr_CA``, ``en``, ``en_GB`` or ``de``, or the :class:`Locale` it resolves to) and
never reads the environment. A locale is resolved once (locale.py); what a language knows
lives in its rules module (rules/: french.py, english.py, and generic.py, the CLDR path for
any other locale Babel knows, so a new templates folder needs no code change). The rest of
pressgen reaches it through :func:`filters_for`, :func:`typeset_markdown`, :func:`locale_for`
and :class:`NounForms`.

Importing it loads neither Babel nor polytypo, nor the typography module's regular
expressions: they are imported inside the functions that need them, so ``pressgen --help``
stays fast.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Any, Callable

from pressgen.language import agreement
from pressgen.language.dates import (
    format_dateline,
    format_duration,
    format_long_date,
    format_time,
)
from pressgen.language.lists import format_list
from pressgen.language.locale import Locale, LocaleLike, locale_for
from pressgen.language.nouns import NounForms, format_compact, format_compared, format_count
from pressgen.language.numbers import format_currency, format_number, format_percent
from pressgen.language.ordinals import format_ordinal
from pressgen.language.style import StyleSettings

__all__ = ["Locale", "NounForms", "StyleSettings", "filters_for", "locale_for", "typeset_markdown",
           "typeset_text"]


@lru_cache(maxsize=None)
def _filters(locale: Locale) -> tuple[tuple[str, Callable[..., Any]], ...]:
    return (
        ("number", lambda value, digits=None: format_number(value, locale, digits)),
        ("percent", lambda value, digits=None: format_percent(value, locale, digits)),
        (
            "currency",
            lambda value, code, digits=None: format_currency(value, code, locale, digits),
        ),
        (
            "count",
            lambda n, noun, words_from=1_000_000: format_count(n, noun, locale, words_from),
        ),
        ("compact", lambda n: format_compact(n, locale)),
        (
            "compared",
            lambda n, among, noun, form="auto": format_compared(n, among, noun, locale, form),
        ),
        ("long_date", lambda d, weekday=False: format_long_date(d, locale, weekday)),
        ("dateline", lambda d, city, dash=True: format_dateline(d, city, locale, dash)),
        ("duration", lambda value, unit: format_duration(value, unit, locale)),
        ("time", lambda t: format_time(t, locale)),
        ("date_time", lambda moment, zone=None: _moment(moment, zone, locale)),
        ("zone", lambda moment, zone=None: _zone(moment, zone, locale)),
        ("elide", lambda word, particle: locale.rules.elide(str(word), particle)),
        (
            "ordinal",
            lambda n, gender="masculine", html=True: format_ordinal(n, locale, gender, html),
        ),
        ("and_list", lambda items, conjunction="and": format_list(items, locale, conjunction)),
        ("typeset", partial(_typeset, locale=locale)),
        ("agree", partial(agreement.agree, locale=locale)),
        ("of", partial(agreement.of, locale=locale)),
        ("possessive", partial(agreement.possessive, locale=locale)),
        ("sentence_start", agreement.sentence_start),
    )


def _typeset(text: str, locale: Locale) -> str:
    return typeset_text(str(text), locale)


def _moment(moment, zone: str | None, locale: Locale) -> str:
    from pressgen.language.zones import format_moment

    return format_moment(moment, zone, locale)


def _zone(moment, zone: str | None, locale: Locale) -> str:
    from pressgen.language.zones import zone_name

    return zone_name(moment, zone, locale)


def typeset_markdown(text: str, locale: LocaleLike) -> str:
    """Typography for a whole rendered Markdown document: quotes, apostrophes, dashes,
    ellipses, no-break spaces; never inside URLs, e-mail addresses, @handles, #hashtags, code,
    HTML tags or attributes. Idempotent and deterministic. See typography.py."""
    from pressgen.language.typography import typeset_markdown as run

    return run(text, locale_for(locale))


def typeset_text(text: str, locale: LocaleLike) -> str:
    """The same typography for one plain string (a title, a meta description)."""
    from pressgen.language.typography import typeset_text as run

    return run(text, locale_for(locale))


def filters_for(locale: LocaleLike) -> dict[str, Callable[..., Any]]:
    """The Jinja2 filters bound to ``locale`` (see README, "Template filters"), in its house
    style (a Locale from ``locale_for(tag, style)`` carries the project's settings);
    ValueError for an unknown folder name.

    The functions are built once per locale and cached; each call returns a fresh dict, so a
    caller that adds to it cannot change what the next caller gets.
    """
    return dict(_filters(locale_for(locale)))
