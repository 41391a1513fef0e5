"""Ordinal numbers: French « 1er », « 1re », « 2e » (suffix in <sup>); English "1st", "2nd".

French copy editors write the suffix as a superscript and never « 2ème » or « 2nd »; the output
goes into Markdown that becomes HTML, where raw inline ``<sup>`` is allowed. English style
guides (AP, Chicago, Guardian) write "21st" on the line, without superscript.

Babel has no ordinal formatting (CLDR keeps it in RBNF rules, which Babel does not read), so
generic locales have a short table of suffixes that do not depend on the number, checked
against ICU's digits-ordinal rules in the tests: de « 2. », es « 2.º » / « 2.ª », it and pt
« 2º » / « 2ª », nl « 2e ». Any other language raises ValueError: the template should
spell its ordinal out rather than print a guess.
"""

from __future__ import annotations

from pressgen.language.locales import is_tuned, language
from pressgen.language.numbers import Number, format_number, to_decimal

_FEMININE = {"feminine", "f", "fem", "féminin"}
_MASCULINE = {"masculine", "m", "masc", "masculin"}


def french_suffix(n: int, gender: str = "masculine") -> str:
    """« er » / « re » for 1, « e » for everything else."""
    if gender not in _FEMININE | _MASCULINE:
        raise ValueError(f"gender must be 'masculine' or 'feminine', not {gender!r}")
    if n == 1:
        return "re" if gender in _FEMININE else "er"
    return "e"


def english_suffix(n: int) -> str:
    """st/nd/rd after 1/2/3 except in 11–13 of each hundred (11th, 112th); th otherwise."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# Language -> (masculine suffix, feminine suffix); the same suffix for every number.
_SUFFIXES: dict[str, tuple[str, str]] = {
    **{lang: (".", ".") for lang in ("de", "da", "nb", "fi", "cs", "pl", "tr", "hu")},
    "es": (".º", ".ª"),
    "it": ("º", "ª"),
    "pt": ("º", "ª"),
    "nl": ("e", "e"),
}


def writes_ordinals_with_a_period(locale: str) -> bool:
    """True where « 2. » is an ordinal (German, Danish …): a number and a full stop do not
    end a sentence there."""
    return _SUFFIXES.get(language(locale), ("", ""))[0] == "."


def _generic_suffix(locale: str, gender: str) -> str:
    if gender not in _FEMININE | _MASCULINE:
        raise ValueError(f"gender must be 'masculine' or 'feminine', not {gender!r}")
    lang = language(locale)
    if lang not in _SUFFIXES:
        raise ValueError(
            f"the ordinal filter has no rule for {locale!r}: write the ordinal in the template "
            f"(rules exist for fr, en, {', '.join(sorted(_SUFFIXES))})"
        )
    masculine, feminine = _SUFFIXES[lang]
    return feminine if gender in _FEMININE else masculine


def format_ordinal(n: Number, locale: str, gender: str = "masculine", html: bool = True) -> str:
    """« 1<sup>er</sup> », « 1<sup>re</sup> », « 2<sup>e</sup> »; "1st", "21st", "112th".

    ``html=False`` writes the French suffix on the line (« 1er »), for titles and meta
    descriptions where HTML is not allowed. Generic locales: see ``_SUFFIXES`` (no HTML).
    """
    value = to_decimal(n)
    if value != value.to_integral() or value < 0:
        raise ValueError(f"an ordinal needs a whole number >= 0, not {n!r}")
    whole = int(value)
    figure = format_number(whole, locale)
    if not is_tuned(locale):
        return f"{figure}{_generic_suffix(locale, gender)}"
    if language(locale) == "fr":
        suffix = french_suffix(whole, gender)
        return f"{figure}<sup>{suffix}</sup>" if html else f"{figure}{suffix}"
    return f"{figure}{english_suffix(whole)}"
