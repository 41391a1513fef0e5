"""The name of a moment's time zone, as a reader understands it: "CET", "Paris time",
« heure de Paris », or "UTC+1" when nothing better can be known.

An offset alone does not say which zone it is (+01:00 is CET in Paris in winter, WAT in
Lagos, BST in London in summer), so the name comes from the organisation's time zone, an IANA
name (``organisation.time_zone: Europe/Paris``) read with the standard library's zoneinfo
from the pinned ``tzdata`` package, never from the machine's own tz database: the same name
on every machine, and known on one that has none.
The name is used only when that zone has the moment's offset at that moment; otherwise (no
time zone given, or an offset that is not the zone's then) the offset is named as it is,
"UTC+1", so a wrong name is never printed.
"""

from __future__ import annotations

import datetime as dt
import functools

from pressgen.language.locale import LocaleLike, locale_for


def utc_offset(moment: dt.datetime) -> str:
    """``UTC+1``, ``UTC−3:30``: the offset of an aware datetime, as a reader understands it."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@functools.lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    """Every IANA zone name of the pinned tzdata."""
    from importlib.resources import files

    return frozenset(files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())


@functools.lru_cache(maxsize=None)
def time_zone(name: str):  # -> zoneinfo.ZoneInfo | None
    """The zone ``name`` from the pinned tzdata; None for a name it does not hold."""
    from importlib.resources import files
    from zoneinfo import ZoneInfo

    if name not in known_zones():
        return None
    data = files("tzdata.zoneinfo").joinpath(*name.split("/"))
    with data.open("rb") as handle:
        return ZoneInfo.from_file(handle, key=name)


def zone_name(moment: dt.datetime, zone: str | None, locale: LocaleLike) -> str:
    """"CET" / "CEST" (the zone's abbreviation, where it has a lettered one) or "Paris time"
    / « heure de Paris » (the house style's ``time_zone_names``); "UTC+1" without a zone or
    when the zone does not have the moment's offset then."""
    if not zone or moment.utcoffset() is None:
        return utc_offset(moment)
    info = time_zone(zone)
    if info is None:
        return utc_offset(moment)
    local = moment.astimezone(info)
    if local.utcoffset() != moment.utcoffset():
        return utc_offset(moment)
    rules = locale_for(locale).rules
    house = rules.house
    abbreviation = local.tzname() or ""
    if (house is None or house.time_zone_names == "abbreviation") and abbreviation.isalpha():
        written = rules.zone_abbreviation(abbreviation)
        if written is not None:
            return written
    return rules.zone_of_city(_city(zone, locale_for(locale).cldr))


def _city(zone: str, cldr: str) -> str:
    """The zone's city in the language (« Londres »), from CLDR; the IANA name's last part
    otherwise (``America/Port_of_Spain`` -> "Port of Spain")."""
    from babel.dates import get_timezone, get_timezone_location

    try:
        return get_timezone_location(get_timezone(zone), locale=cldr, return_city=True)
    except (LookupError, ValueError):
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def format_moment(moment: dt.datetime, zone: str | None, locale: LocaleLike) -> str:
    """A date and time with its zone, in the house style: "9 a.m. CET, Nov. 15, 2016",
    "9am CET, 15 November 2016", « 15 novembre 2016 à 9 h (heure de Paris) »."""
    rules = locale_for(locale).rules
    return rules.moment(moment, zone_name(moment, zone, locale))
