"""The one reviewed table of places where pressgen deliberately prints something other than ICU.

test_icu_oracle.py fails on any disagreement with ICU that is not listed here with the exact
two strings, and on any entry here that no longer disagrees (a stale entry hides nothing, but
it means the reason should be re-read). Add an entry only with a reason a copy editor would
sign; "Babel says so" is not a reason.
"""

from __future__ import annotations

from typing import NamedTuple

NNBSP = "\u202f"
NBSP = "\u00a0"


class Difference(NamedTuple):
    check: str
    locale: str
    value: str
    ours: str
    icu: str
    reason: str


FIRST_OF_MONTH = (
    "French writes the first of the month as an ordinal, « 1er septembre »; CLDR and ICU print "
    "« 1 septembre »."
)
NO_ROUNDING_UP_TO_A_MILLION = (
    "Below a million pressgen prints full figures (« 999 999 »); ICU's compact form rounds "
    "999 999 up to « 1 million », which a release must not claim."
)
NO_FRENCH_BILLION = (
    "« billion » is 10^12 in French but reads as 10^9 to anyone who knows English; French press "
    "copy writes « 1 000 milliards », so pressgen's French stops at milliard."
)

KNOWN_DIFFERENCES: list[Difference] = []

TIED_DATE = (
    "The Lexique ties the parts of a date with no-break spaces (« 11 avril 2017 » never breaks "
    "across lines); ICU keeps CLDR's ordinary spaces. Only the spaces differ."
)
_FRENCH_DATES = (("2009-09-02", "2", "septembre 2009", "mercredi"),
                 ("2009-09-01", "1", "septembre 2009", "mardi"),
                 ("2000-01-01", "1", "janvier 2000", "samedi"),
                 ("2024-02-29", "29", "février 2024", "jeudi"),
                 ("2023-12-31", "31", "décembre 2023", "dimanche"))

for _locale, _group in (("fr", NNBSP), ("fr_CA", NBSP)):
    for _date, _day, _rest, _weekday in _FRENCH_DATES:
        _ours = f"{'1er' if _day == '1' else _day}{NBSP}{_rest.replace(' ', NBSP)}"
        _reason = f"{FIRST_OF_MONTH} {TIED_DATE}" if _day == "1" else TIED_DATE
        KNOWN_DIFFERENCES += [
            Difference("long_date", _locale, _date, _ours, f"{_day} {_rest}", _reason),
            Difference("long_date weekday", _locale, _date, f"{_weekday} {_ours}",
                       f"{_weekday} {_day} {_rest}", _reason),
        ]
    KNOWN_DIFFERENCES += [
        Difference("compact figure", _locale, "999999", f"999{_group}999", "1",
                   NO_ROUNDING_UP_TO_A_MILLION),
        Difference("compact figure", _locale, "1000000000000", f"1{_group}000", "1",
                   NO_FRENCH_BILLION),
    ]
for _locale in ("en", "en_GB"):
    KNOWN_DIFFERENCES.append(
        Difference("compact figure", _locale, "999999", "999,999", "1",
                   NO_ROUNDING_UP_TO_A_MILLION)
    )
# The generic locales keep the same guard: ICU's compact form rounds 999 999 up.
for _locale, _figure, _icu in (("de", "999.999", "1 Million"), ("es", "999.999", "1 millón"),
                               ("it", "999.999", "1 milione"), ("nl", "999.999", "1 miljoen"),
                               ("pt_BR", "999.999", "1 milhão")):
    KNOWN_DIFFERENCES.append(
        Difference("compact", _locale, "999999", _figure, _icu, NO_ROUNDING_UP_TO_A_MILLION)
    )

# German dates: « 2. September » keeps the day with its month (see the reason).
DAY_PERIOD_NBSP = (
    "German writes the day with a period (« 2. September 2009 »); pressgen ties it to the month "
    "with U+00A0 so that no line ends on « 2. » and the sentence splitter does not read the "
    "period as the end of a sentence. ICU keeps CLDR's ordinary space. Only the space differs."
)
for _date, _day, _weekday in (("2009-09-02", "2. September 2009", "Mittwoch"),
                              ("2009-09-01", "1. September 2009", "Dienstag"),
                              ("2000-01-01", "1. Januar 2000", "Samstag"),
                              ("2024-02-29", "29. Februar 2024", "Donnerstag"),
                              ("2023-12-31", "31. Dezember 2023", "Sonntag")):
    KNOWN_DIFFERENCES += [
        Difference("long_date", "de", _date, _day.replace(" ", NBSP, 1), _day, DAY_PERIOD_NBSP),
        Difference("long_date weekday", "de", _date,
                   f"{_weekday}, {_day.replace(' ', NBSP, 1)}", f"{_weekday}, {_day}",
                   DAY_PERIOD_NBSP),
    ]

# Checks compared after one reviewed normalisation, applied to both sides.
NORMALISE_NBSP = {
    "duration": (
        "pressgen ties a figure to its unit with U+00A0 in every locale (« 8 ans » never breaks "
        "across lines); ICU uses U+00A0 in some French singular patterns and a plain space "
        "elsewhere. Spaces are compared as equal; the words must match."
    ),
}
