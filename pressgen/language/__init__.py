"""Locale-aware wording: numbers, counted nouns, dates, ordinals, lists and typography.

This package is pure: every function takes the locale explicitly (a template folder name such
as ``fr``, ``fr_CA``, ``en`` or ``en_GB``) and never reads the environment. The rest of
pressgen reaches it through :func:`filters_for`, :func:`typeset_markdown` and :class:`NounForms`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class NounForms:
    """How one language says a counted noun.

    ``elide`` forces (True) or forbids (False) the French elision « d’ » before the noun;
    None lets the first letter decide (vowel or mute h elide).
    """

    one: str
    other: str
    elide: bool | None = None


def filters_for(locale: str) -> dict[str, Callable[..., Any]]:
    """The Jinja2 filters bound to ``locale`` (see README, "Template filters")."""
    from babel.numbers import format_decimal

    def number(value: float, digits: int | None = None) -> str:
        return format_decimal(value, locale=locale)

    def count(n: int, noun: NounForms, words_from: int = 1_000_000) -> str:
        return f"{number(n)} {noun.one if n < 2 else noun.other}"

    return {"number": number, "count": count}


def typeset_markdown(text: str, locale: str) -> str:
    """Typography for Markdown prose; leaves code, URLs, @handles and #hashtags alone."""
    return text


def typeset_text(text: str, locale: str) -> str:
    """Typography for one plain-text string (a title, an attribute value)."""
    return text
