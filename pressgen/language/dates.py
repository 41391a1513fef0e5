"""Dates, datelines, durations and clock times, as press copy writes them.

Month and weekday names come from Babel (CLDR); the patterns are ours because press style
differs from CLDR in small, visible ways: French « 1er septembre », AP's "Sept. 2", AP's
"2:30 p.m.", French « 14 h 30 ».

Generic locales (neither French nor English) use CLDR's own patterns through Babel: the long
date (de « 2. September 2009 », with U+00A0 after the day's period), the full one with a weekday, the short time (« 14:30 ») and
the long duration units (« 8 Jahre »).
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from pressgen.language.locales import is_tuned, language, polytypo_tag, resolve
from pressgen.language.nouns import is_singular, plural_category
from pressgen.language.numbers import format_number

NBSP = "\u00a0"

# AP Stylebook: abbreviate these months before a day; spell out March–July.
_AP_MONTHS = {
    1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June",
    7: "July", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec.",
}


@lru_cache(maxsize=None)
def _names(locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(12 month names, 7 weekday names Monday first) from CLDR, in the form used inside dates."""
    from babel import Locale

    data = Locale.parse(resolve(locale))
    months = tuple(data.months["format"]["wide"][m] for m in range(1, 13))
    days = tuple(data.days["format"]["wide"][d] for d in range(7))
    return months, days


def _day(d: datetime.date, locale: str) -> str:
    """French writes the first of the month as an ordinal: « 1er »."""
    if language(locale) == "fr" and d.day == 1:
        return "1er"
    return str(d.day)


def format_long_date(d: datetime.date, locale: str, weekday: bool = False) -> str:
    """« 2 septembre 2009 », « 1er septembre 2009 », "September 2, 2009", "2 September 2009".

    ``weekday=True``: « mercredi 2 septembre 2009 », "Wednesday, September 2, 2009",
    "Wednesday, 2 September 2009" (CLDR's full patterns).
    """
    if not is_tuned(locale):
        from babel.dates import format_date

        text = format_date(d, "full" if weekday else "long", locale=resolve(locale))
        # « 2. September »: the day's period is not a sentence end, and the day never ends a
        # line without its month (the sentence splitter only breaks at ordinary spaces).
        return re.sub(r"(?<=\d\.) ", NBSP, text)
    months, days = _names(locale)
    month, day_name = months[d.month - 1], days[d.weekday()]
    cldr = resolve(locale)
    if cldr == "en_US":
        text = f"{month} {d.day}, {d.year}"
        return f"{day_name}, {text}" if weekday else text
    text = f"{_day(d, locale)} {month} {d.year}"
    if not weekday:
        return text
    return f"{day_name}, {text}" if cldr == "en_GB" else f"{day_name} {text}"


def format_dateline(d: datetime.date, city: str, locale: str, dash: bool = True) -> str:
    """The opening of a release, separator included, so the lede follows after one space.

    fr « Paris, le 2 septembre 2009 — », en_US (AP) "PARIS, Sept. 2, 2009 —",
    en_GB "PARIS, 2 September 2009 —". The space before the dash is U+00A0 so the dash never
    starts a line. ``dash=False`` gives the bare dateline (« Paris, le 2 septembre 2009 »).
    """
    cldr = resolve(locale)
    if not is_tuned(locale):
        text = f"{city}, {format_long_date(d, locale)}"
        return f"{text}{NBSP}{_generic_dash(locale)}" if dash else text
    if language(locale) == "fr":
        text = f"{city}, le {format_long_date(d, locale)}"
    elif cldr == "en_US":
        text = f"{city.upper()}, {_AP_MONTHS[d.month]} {d.day}, {d.year}"
    else:
        text = f"{city.upper()}, {format_long_date(d, locale)}"
    return f"{text}{NBSP}—" if dash else text


def _generic_dash(locale: str) -> str:
    """The dash polytypo's data gives the language for a parenthetical (de, nl « – »,
    it, ru « — »); an em dash where it gives none or has no rules for the language."""
    tag = polytypo_tag(locale)
    if tag is None:
        return "—"
    from polytypo._engine.locale import get_locale_data

    style = get_locale_data(tag).get("dash", {}).get("parenthetical", "")
    return "–" if style.startswith("en") else "—"


_UNITS = {
    "fr": {"year": ("an", "ans"), "month": ("mois", "mois"), "week": ("semaine", "semaines"),
           "day": ("jour", "jours")},
    "en": {"year": ("year", "years"), "month": ("month", "months"), "week": ("week", "weeks"),
           "day": ("day", "days")},
}


def format_duration(value: int, unit: str, locale: str) -> str:
    """« 8 ans », "8 years"; the template writes « depuis » / "for" around it.

    ``unit`` is year, month, week or day (a trailing "s" is accepted).
    """
    key = unit.lower().rstrip("s")
    if key not in _UNITS["en"]:
        raise ValueError(f"unknown duration unit {unit!r}: expected year, month, week or day")
    if not is_tuned(locale):
        return _generic_duration(value, key, locale)
    table = _UNITS[language(locale)]
    one, other = table[key]
    word = one if is_singular(value, locale) else other
    return f"{format_number(value, locale)}{NBSP}{word}"


def _generic_duration(value: int, key: str, locale: str) -> str:
    """CLDR's long unit pattern (« 8 Jahre », « 1 año »), the figure tied by U+00A0.

    CLDR inherits a missing long pattern from the short one (Italian, Portuguese store
    « {0} anni » only there); Babel's format_unit does not and prints "8 duration-year", so
    the lookup is done here, in CLDR's order: long, short, then their "other" pattern."""
    from babel import Locale

    data = Locale.parse(resolve(locale))._data["unit_patterns"][f"duration-{key}"]
    category = plural_category(value, locale)
    long, short = data.get("long", {}), data.get("short", {})
    for table, wanted in ((long, category), (short, category), (long, "other"), (short, "other")):
        if wanted in table:
            pattern = table[wanted]
            break
    else:
        raise ValueError(f"CLDR has no {key} unit for {locale!r}")
    pattern = pattern.replace("{0} ", "{0}" + NBSP).replace(" {0}", NBSP + "{0}")
    return pattern.replace("{0}", format_number(value, locale))


def format_time(t: datetime.time, locale: str) -> str:
    """« 14 h 30 » / « 14 h » (fr, U+00A0), "2:30 p.m." / "2 p.m." / "noon" (en_US, AP),
    "2.30pm" / "2pm" / "noon" (en_GB, Guardian and BBC style); CLDR's short time elsewhere
    (de « 14:30 »)."""
    if not is_tuned(locale):
        from babel.dates import format_time as babel_time

        return babel_time(t, "short", locale=resolve(locale))
    cldr = resolve(locale)
    if language(locale) == "fr":
        minutes = f"{NBSP}{t.minute:02d}" if t.minute else ""
        return f"{t.hour}{NBSP}h{minutes}"
    if t.minute == 0 and t.hour in (0, 12):
        return "midnight" if t.hour == 0 else "noon"
    hour = t.hour % 12 or 12
    if cldr == "en_US":
        suffix = "a.m." if t.hour < 12 else "p.m."
        clock = f"{hour}:{t.minute:02d}" if t.minute else str(hour)
        return f"{clock}{NBSP}{suffix}"
    suffix = "am" if t.hour < 12 else "pm"
    clock = f"{hour}.{t.minute:02d}" if t.minute else str(hour)
    return f"{clock}{suffix}"
