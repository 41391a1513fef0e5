"""Lists joined with a conjunction, per locale.

« Facebook, Instagram et Snapchat »; en_US uses the serial (Oxford) comma, as Chicago and most
US corporate style guides do; en_GB does not, as the Guardian and the BBC do not.
Generic locales use CLDR's list patterns through Babel (de « A, B und C », es « A, B y C »).
"""

from __future__ import annotations

from collections.abc import Iterable

from pressgen.language.locales import is_tuned, language, resolve

_WORDS = {"fr": {"and": "et", "or": "ou"}, "en": {"and": "and", "or": "or"}}


def format_list(items: Iterable[object], locale: str, conjunction: str = "and") -> str:
    """« A, B et C » / "A, B, and C" (en_US) / "A, B and C" (en_GB); "or" gives « ou » / "or"."""
    words = [str(item) for item in items]
    if conjunction not in ("and", "or"):
        raise ValueError(f"conjunction must be 'and' or 'or', not {conjunction!r}")
    if not words:
        return ""
    if not is_tuned(locale):
        from babel.lists import format_list as babel_list

        style = "standard" if conjunction == "and" else "or"
        return babel_list(words, style=style, locale=resolve(locale))
    word = _WORDS[language(locale)][conjunction]
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return f"{words[0]} {word} {words[1]}"
    serial = "," if resolve(locale) == "en_US" else ""
    return f"{', '.join(words[:-1])}{serial} {word} {words[-1]}"
