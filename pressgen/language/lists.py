"""Lists joined with a conjunction, per locale.

« Facebook, Instagram et Snapchat »; en_US uses the serial (Oxford) comma, as Chicago and most
US corporate style guides do; en_GB does not, as the Guardian and the BBC do not.
"""

from __future__ import annotations

from collections.abc import Iterable

from pressgen.language.locales import language, resolve

_WORDS = {"fr": {"and": "et", "or": "ou"}, "en": {"and": "and", "or": "or"}}


def format_list(items: Iterable[object], locale: str, conjunction: str = "and") -> str:
    """« A, B et C » / "A, B, and C" (en_US) / "A, B and C" (en_GB); "or" gives « ou » / "or"."""
    words = [str(item) for item in items]
    try:
        word = _WORDS[language(locale)][conjunction]
    except KeyError:
        raise ValueError(f"conjunction must be 'and' or 'or', not {conjunction!r}") from None
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return f"{words[0]} {word} {words[1]}"
    serial = "," if resolve(locale) == "en_US" else ""
    return f"{', '.join(words[:-1])}{serial} {word} {words[-1]}"
