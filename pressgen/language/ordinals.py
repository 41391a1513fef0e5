"""Ordinal numbers: French « 1er », « 1re », « 2e » (suffix in <sup>); English "1st", "2nd".

French copy editors write the suffix as a superscript and never « 2ème » or « 2nd »; the output
goes into Markdown that becomes HTML, where raw inline ``<sup>`` is allowed. English style
guides (AP, Chicago, Guardian) write "21st" on the line, without superscript. Each language's
suffixes are its rules' (rules/french.py, rules/english.py; a short table for other languages
in rules/generic.py, which raises for a language it has no rule for).
"""

from __future__ import annotations

from pressgen.language.locale import LocaleLike, locale_for
from pressgen.language.numbers import Number, to_decimal

_FEMININE = {"feminine", "f", "fem", "féminin"}
_MASCULINE = {"masculine", "m", "masc", "masculin"}


def is_feminine(gender: str) -> bool:
    """Whether the ``gender`` argument of the filter asks for the feminine; ValueError when it
    is neither (the spellings of both are accepted: "f", "féminin")."""
    if gender not in _FEMININE | _MASCULINE:
        raise ValueError(f"gender must be 'masculine' or 'feminine', not {gender!r}")
    return gender in _FEMININE


def writes_ordinals_with_a_period(locale: LocaleLike) -> bool:
    """True where « 2. » is an ordinal (German, Danish …): a number and a full stop do not
    end a sentence there."""
    return locale_for(locale).rules.ordinal_period


def format_ordinal(n: Number, locale: LocaleLike, gender: str = "masculine",
                   html: bool = True) -> str:
    """« 1<sup>er</sup> », « 1<sup>re</sup> », « 2<sup>e</sup> »; "1st", "21st", "112th".

    ``html=False`` writes the French suffix on the line (« 1er »), for titles and meta
    descriptions where HTML is not allowed. Generic locales never use HTML.
    """
    value = to_decimal(n)
    if value != value.to_integral() or value < 0:
        raise ValueError(f"an ordinal needs a whole number >= 0, not {n!r}")
    return locale_for(locale).rules.ordinal(int(value), gender, html)
