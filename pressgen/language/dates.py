"""Dates, datelines, durations and clock times, as press copy writes them.

Month and weekday names come from Babel (CLDR); the patterns of the hand-tuned styles are
theirs because press style differs from CLDR in small, visible ways: French « 1er septembre »,
AP's "Sept. 2", AP's "2:30 p.m.", French « 14 h 30 » (rules/french.py, rules/english.py).
Generic locales use CLDR's own patterns (rules/generic.py): de « 2. September 2009 »,
« 14:30 », « 8 Jahre ».
"""

from __future__ import annotations

import datetime

from pressgen.language.locale import LocaleLike, locale_for

UNITS = ("year", "month", "week", "day")


def format_long_date(d: datetime.date, locale: LocaleLike, weekday: bool = False) -> str:
    """« 2 septembre 2009 » (tied by U+00A0), « 1er septembre 2009 », "Sept. 2, 2009" (AP),
    "2 September 2009" (en_GB), as the house style sets the months.

    ``weekday=True``: « mercredi 2 septembre 2009 », "Wednesday, Sept. 2, 2009",
    "Wednesday, 2 September 2009".
    """
    return locale_for(locale).rules.long_date(d, weekday)


def format_dateline(d: datetime.date, city: str, locale: LocaleLike, dash: bool = True) -> str:
    """The opening of a release with what leads to the lede, as the house style sets it:
    en_US (AP) "PARIS, Sept. 2, 2009 — ", en_GB "PARIS, 2 September 2009 – ", fr_CA
    « Montréal, le 2 septembre 2009 – » (the dash, tied by U+00A0, and a space), fr
    « Paris, le 2 septembre 2009 » and a paragraph break (the Lexique sets it on its own line);
    de « Berlin, 2. September 2009 – » (the language's own dash, and a space). Templates
    write ``{{ m.date | dateline(m.city) -}}`` and the lede right after it.
    ``dash=False`` gives the bare dateline (« Paris, le 2 septembre 2009 »).
    """
    return locale_for(locale).rules.dateline(d, city, dash)


def format_duration(value: int, unit: str, locale: LocaleLike) -> str:
    """« 8 ans », "8 years", « 8 Jahre »; the template writes « depuis » / "for" around it.

    ``unit`` is year, month, week or day (a trailing "s" is accepted).
    """
    key = unit.lower().rstrip("s")
    if key not in UNITS:
        raise ValueError(f"unknown duration unit {unit!r}: expected year, month, week or day")
    return locale_for(locale).rules.duration(value, key)


def format_time(t: datetime.time, locale: LocaleLike) -> str:
    """« 14 h 30 » / « 14 h » (fr, U+00A0), "2:30 p.m." / "2 p.m." / "noon" (en_US, AP),
    "2.30pm" / "2pm" / "noon" (en_GB, Guardian and BBC style); CLDR's short time elsewhere
    (de « 14:30 »)."""
    return locale_for(locale).rules.time(t)
