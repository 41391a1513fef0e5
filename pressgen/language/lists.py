"""Lists joined with a conjunction, per locale.

« Facebook, Instagram et Snapchat », "Facebook, Instagram and Snapchat": no house style uses
the serial (Oxford) comma unless a project sets ``serial_comma`` (pressgen.language.style). Generic locales use CLDR's list patterns (de « A, B und C »).
"""

from __future__ import annotations

from collections.abc import Iterable

from pressgen.language.locale import LocaleLike, locale_for


def format_list(items: Iterable[object], locale: LocaleLike, conjunction: str = "and") -> str:
    """« A, B et C » / "A, B and C" ("A, B, and C" with ``serial_comma``); "or" gives « ou »
    / "or"."""
    words = [str(item) for item in items]
    if conjunction not in ("and", "or"):
        raise ValueError(f"conjunction must be 'and' or 'or', not {conjunction!r}")
    if not words:
        return ""
    return locale_for(locale).rules.join(words, conjunction)
