"""English as American (AP) press copy writes it (en, en_US), and British English (en_GB).

en_US: "September 2, 2009", the AP dateline "PARIS, Sept. 2, 2009 —" (Jan., Feb., Aug.,
Sept., Oct., Nov., Dec.; March to July in full), "2:30 p.m.", the serial comma ("A, B, and C",
as Chicago and most US corporate style guides), "a—b". en_GB: "2 September 2009",
"PARIS, 2 September 2009 —", "2.30pm" (Guardian and BBC style), no serial comma, "a – b", and
double quotes as typed (BBC, Guardian, Reuters, FT) where polytypo's en-GB follows Hart's
Rules and turns them into single ones. Both: "2 million followers", "1st", "21st" on the line.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from pressgen.language.numbers import format_number
from pressgen.language.rules.base import NBSP, Typography
from pressgen.language.rules.press import PressRules, press_reading

if TYPE_CHECKING:
    from pressgen.language.nouns import NounForms

# AP Stylebook: abbreviate these months before a day; spell out March–July.
_AP_MONTHS = {
    1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June",
    7: "July", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec.",
}
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\."
)
_MAGNITUDE_VALUES = {"thousand": 10**3, "million": 10**6, "millions": 10**6, "billion": 10**9,
                     "billions": 10**9}
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "hundred": 100,
}


def suffix(n: int) -> str:
    """st/nd/rd after 1/2/3 except in 11–13 of each hundred (11th, 112th); th otherwise."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class AmericanEnglish(PressRules):
    """en and en_US: AP style."""

    cldr = "en_US"
    language = "en"
    english_name = "English"
    native_names = {"en": "English", "en_US": "English (United States)"}

    magnitudes = (
        (10**12, "trillion", "trillion"),
        (10**9, "billion", "billion"),
        (10**6, "million", "million"),
    )
    units = {"year": ("year", "years"), "month": ("month", "months"),
             "week": ("week", "weeks"), "day": ("day", "days")}
    conjunctions = {"and": "and", "or": "or"}
    serial_comma = True

    typography = Typography(
        polytypo_tag="en-US",
        spaced_dash=False,
        # "milliard" is British English too, if dated.
        magnitude_words=("million", "millions", "milliard", "milliards", "billion", "billions",
                         "trillion", "trillions"),
        glued_percent=True,
    )
    reading = press_reading(
        number=r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
        point=".", group=",", months=_MONTHS, ordinal=r"(?:st|nd|rd|th)",
        magnitudes=_MAGNITUDE_VALUES, words=_NUMBER_WORDS,
    )
    abbreviations = frozenset({
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Sr", "Jr", "St", "Sts", "Gen", "Gov",
        "Sen", "Rep", "Rev", "Hon", "Capt",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun",
        "no", "No", "nos", "Nos", "vol", "p", "pp", "cf", "vs", "a.m", "p.m", "e.g", "i.e",
        "Inc", "Ltd", "Co", "Corp", "fig", "Fig",
    })

    def is_singular(self, n: Decimal) -> bool:
        """Exactly 1 (1.0 prints as "1", so it is singular too)."""
        return n == 1

    def noun_after_magnitude(self, words: str, noun: NounForms) -> str:
        return f"{words} {noun.other}"

    def long_date(self, d: datetime.date, weekday: bool) -> str:
        """"September 2, 2009", "Wednesday, September 2, 2009"."""
        month, day_name = self.month_and_day(d)
        text = f"{month} {d.day}, {d.year}"
        return f"{day_name}, {text}" if weekday else text

    def dateline(self, d: datetime.date, city: str, dash: bool) -> str:
        text = f"{city.upper()}, {_AP_MONTHS[d.month]} {d.day}, {d.year}"
        return f"{text}{NBSP}—" if dash else text

    def time(self, t: datetime.time) -> str:
        """"2:30 p.m.", "2 p.m.", "noon", "midnight" (AP)."""
        if t.minute == 0 and t.hour in (0, 12):
            return "midnight" if t.hour == 0 else "noon"
        return self._clock(t)

    def _clock(self, t: datetime.time) -> str:
        hour = t.hour % 12 or 12
        mark = "a.m." if t.hour < 12 else "p.m."
        clock = f"{hour}:{t.minute:02d}" if t.minute else str(hour)
        return f"{clock}{NBSP}{mark}"

    def of_phrase(self, text: str) -> str:
        return f"of {text}"

    def possessive(self, plural_owner: bool, feminine_thing: bool, plural_thing: bool, thing: str) -> str:
        return "their" if plural_owner else "its"

    def ordinal(self, n: int, gender: str, html: bool) -> str:
        """"1st", "21st", "112th": on the line, as AP, Chicago and the Guardian write them."""
        return f"{format_number(n, self.locale)}{suffix(n)}"


class BritishEnglish(AmericanEnglish):
    """en_GB: British news style (Guardian, BBC)."""

    cldr = "en_GB"
    native_names = {"en_GB": "English (United Kingdom)"}
    serial_comma = False
    typography = Typography(
        polytypo_tag="en-GB",
        quotes_from="en-US",
        dash="–",
        magnitude_words=AmericanEnglish.typography.magnitude_words,
        glued_percent=True,
    )

    def long_date(self, d: datetime.date, weekday: bool) -> str:
        """"2 September 2009", "Wednesday, 2 September 2009"."""
        month, day_name = self.month_and_day(d)
        text = f"{d.day} {month} {d.year}"
        return f"{day_name}, {text}" if weekday else text

    def dateline(self, d: datetime.date, city: str, dash: bool) -> str:
        text = f"{city.upper()}, {self.long_date(d, False)}"
        return f"{text}{NBSP}—" if dash else text

    def _clock(self, t: datetime.time) -> str:
        """"2.30pm", "2pm"."""
        hour = t.hour % 12 or 12
        mark = "am" if t.hour < 12 else "pm"
        clock = f"{hour}.{t.minute:02d}" if t.minute else str(hour)
        return f"{clock}{mark}"
