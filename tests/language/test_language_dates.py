"""long_date, dateline, duration, time."""

from __future__ import annotations

import datetime

import pytest

from pressgen.language import filters_for

NB = "\u00a0"
D = datetime.date(2009, 9, 2)
FIRST = datetime.date(2009, 9, 1)

LONG_DATE = [
    ("fr", D, False, f"2{NB}septembre{NB}2009"),
    ("fr", FIRST, False, f"1er{NB}septembre{NB}2009"),
    ("fr", D, True, f"mercredi 2{NB}septembre{NB}2009"),
    ("fr", FIRST, True, f"mardi 1er{NB}septembre{NB}2009"),
    ("fr_CA", FIRST, False, f"1er{NB}septembre{NB}2009"),
    ("en", D, False, "Sept. 2, 2009"),
    ("en", FIRST, False, "Sept. 1, 2009"),
    ("en", D, True, "Wednesday, Sept. 2, 2009"),
    ("en_GB", D, False, "2 September 2009"),
    ("en_GB", D, True, "Wednesday, 2 September 2009"),
    ("fr", datetime.date(2024, 2, 29), False, f"29{NB}février{NB}2024"),
    ("fr", datetime.date(2000, 8, 15), False, f"15{NB}août{NB}2000"),
]


@pytest.mark.parametrize(("locale", "d", "weekday", "expected"), LONG_DATE, ids=ascii)
def test_long_date(locale: str, d, weekday: bool, expected: str) -> None:
    result = filters_for(locale)["long_date"](d, weekday=weekday)
    assert result == expected, repr(result)


def test_long_date_accepts_a_datetime() -> None:
    result = filters_for("fr")["long_date"](datetime.datetime(2009, 9, 2, 14, 30))
    assert result == f"2{NB}septembre{NB}2009", repr(result)


DATELINE = [
    # The Lexique: the dateline on its own line, no dash; the lede starts a new paragraph.
    ("fr", D, f"Paris, le 2{NB}septembre{NB}2009\n\n"),
    ("fr", FIRST, f"Paris, le 1er{NB}septembre{NB}2009\n\n"),
    ("fr_CA", D, f"Paris, le 2{NB}septembre{NB}2009{NB}– "),  # Quebec: the dash, en
    # AP and the Guardian: the dash (the style's own), then the lede on the same line.
    ("en", D, f"PARIS, Sept. 2, 2009{NB}— "),
    ("en_GB", D, f"PARIS, 2 September 2009{NB}– "),
]


@pytest.mark.parametrize(("locale", "d", "expected"), DATELINE, ids=ascii)
def test_dateline(locale: str, d, expected: str) -> None:
    result = filters_for(locale)["dateline"](d, "Paris")
    assert result == expected, repr(result)


def test_dateline_without_dash() -> None:
    assert filters_for("fr")["dateline"](D, "Paris", dash=False) == f"Paris, le 2{NB}septembre{NB}2009"
    assert filters_for("en")["dateline"](D, "Paris", dash=False) == "PARIS, Sept. 2, 2009"


@pytest.mark.parametrize(
    ("month", "expected"),
    [(1, "Jan."), (2, "Feb."), (3, "March"), (4, "April"), (5, "May"), (6, "June"),
     (7, "July"), (8, "Aug."), (9, "Sept."), (10, "Oct."), (11, "Nov."), (12, "Dec.")],
)
def test_ap_month_abbreviations(month: int, expected: str) -> None:
    result = filters_for("en")["dateline"](datetime.date(2009, month, 2), "New York")
    assert result == f"NEW YORK, {expected} 2, 2009{NB}— ", repr(result)
    # AP abbreviates the same months with a date everywhere, not only in the dateline.
    assert filters_for("en")["long_date"](datetime.date(2009, month, 2)) == f"{expected} 2, 2009"


DURATION = [
    # One to nine in words (the Lexique, AP, the Guardian); from ten, figures.
    ("fr", 8, "year", "huit ans"),
    ("fr", 1, "year", "un an"),
    ("fr", 0, "year", f"0{NB}an"),
    ("fr", 3, "month", "trois mois"),
    ("fr", 2, "weeks", "deux semaines"),
    ("fr", 1, "week", "une semaine"),
    ("fr", 1, "day", "un jour"),
    ("fr", 10, "year", f"10{NB}ans"),
    ("en", 8, "year", "eight years"),
    ("en", 1, "year", "one year"),
    ("en", 10, "year", f"10{NB}years"),
    ("en_GB", 7, "year", "seven years"),
    ("en_GB", 0, "month", f"0{NB}months"),
    ("en", 1000, "day", f"1,000{NB}days"),
]


@pytest.mark.parametrize(("locale", "value", "unit", "expected"), DURATION, ids=ascii)
def test_duration(locale: str, value: int, unit: str, expected: str) -> None:
    result = filters_for(locale)["duration"](value, unit)
    assert result == expected, repr(result)


def test_duration_unknown_unit() -> None:
    with pytest.raises(ValueError):
        filters_for("fr")["duration"](8, "decade")


T = datetime.time
TIME = [
    ("fr", T(14, 30), f"14{NB}h{NB}30"),
    ("fr", T(14, 0), f"14{NB}h"),
    ("fr", T(9, 5), f"9{NB}h{NB}05"),
    ("fr", T(0, 0), f"0{NB}h"),
    ("fr_CA", T(14, 30), f"14{NB}h{NB}30"),
    ("en", T(14, 30), f"2:30{NB}p.m."),
    ("en", T(14, 0), f"2{NB}p.m."),
    ("en", T(9, 5), f"9:05{NB}a.m."),
    ("en", T(12, 0), "noon"),
    ("en", T(0, 0), "midnight"),
    ("en", T(12, 30), f"12:30{NB}p.m."),
    ("en", T(0, 30), f"12:30{NB}a.m."),
    ("en_GB", T(14, 30), "2.30pm"),
    ("en_GB", T(14, 0), "2pm"),
    ("en_GB", T(9, 5), "9.05am"),
    ("en_GB", T(12, 0), "noon"),
]


@pytest.mark.parametrize(("locale", "t", "expected"), TIME, ids=ascii)
def test_time(locale: str, t, expected: str) -> None:
    result = filters_for(locale)["time"](t)
    assert result == expected, repr(result)
