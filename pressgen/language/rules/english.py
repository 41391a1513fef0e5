"""English as American (AP) press copy writes it (en, en_US), and British English (en_GB).

en_US, the AP Stylebook: months abbreviated in dates everywhere ("Sept. 2, 2009"; Jan., Feb.,
Aug., Sept., Oct., Nov., Dec.; March to July in full), the dateline "PARIS, Sept. 2, 2009 —",
"2:30 p.m.", one to nine in words ("seven years"), no serial comma ("A, B and C"), a spaced
em dash ("a — b"), the embargo time named by its zone's abbreviation ("9 a.m. CET, Nov. 15,
2016"). en_GB, Guardian and BBC style: "2 September 2009", "PARIS, 2 September 2009 –",
"2.30pm", "9am", one to nine in words, no serial comma, a spaced en dash ("a – b"), and double
quotes as typed (BBC, Guardian, Reuters, FT) where polytypo's en-GB follows Hart's Rules and
turns them into single ones. Both: "2 million followers", "1st", "21st" on the line, number
ranges with an en dash ("1964–2009", "pp. 34–36"), single quotes kept single as typed. Each
choice is a setting of the house style (pressgen.language.style).
"""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from pressgen.language.numbers import format_number
from pressgen.language.rules.base import NBSP, Typography
from pressgen.language.rules.press import PressRules, press_reading
from pressgen.language.style import HouseStyle

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


_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """1 to 99 in words: "seven", "twenty-one"."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


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

    # The AP Stylebook's entries: "months", "numerals", "comma" (no serial comma in a simple
    # series), "a.m., p.m.", "dash" (a space on both sides), "time zones" (an abbreviation
    # linked with a clock reading, not set off by commas: "9 a.m. PST"). AP spells out the zones
    # used outside North America in body copy; an embargo line, a wire header, abbreviates
    # them as wire services do ("9 A.M. CET"), and ``time_zone_names: city`` gives "Paris time".
    house_style = HouseStyle(
        name="AP", serial_comma=False, spell_out_below=10, abbreviate_months=True, clock="ap",
        time_zone_names="abbreviation", dateline_dash=True, dash="em dash", spaced_dash=True,
        ligatures=None,
    )
    typography = Typography(
        polytypo_tag="en-US",
        # "milliard" is British English too, if dated.
        magnitude_words=("million", "millions", "milliard", "milliards", "billion", "billions",
                         "trillion", "trillions"),
        glued_percent=True,
        unify_dashes=True,
        ranges=True,
        single_quotes=True,
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

    def number_words(self, n: int, gender: str | None) -> str | None:
        return number_words(n)

    def month(self, d: datetime.date) -> str:
        """The month as a date writes it: "Sept." where the style abbreviates, else in full."""
        return _AP_MONTHS[d.month] if self.house.abbreviate_months else self.month_and_day(d)[0]

    def long_date(self, d: datetime.date, weekday: bool) -> str:
        """"Sept. 2, 2009" (AP), "September 2, 2009"; "Wednesday, Sept. 2, 2009"."""
        text = f"{self.month(d)} {d.day}, {d.year}"
        return f"{self.month_and_day(d)[1]}, {text}" if weekday else text

    def dateline(self, d: datetime.date, city: str, dash: bool) -> str:
        return self.dateline_end(f"{city.upper()}, {self.long_date(d, False)}", dash)

    def time(self, t: datetime.time) -> str:
        """"2:30 p.m.", "2 p.m." (AP), "2.30pm", "2pm" (Guardian); "noon", "midnight"."""
        if t.minute == 0 and t.hour in (0, 12):
            return "midnight" if t.hour == 0 else "noon"
        hour = t.hour % 12 or 12
        if self.house.clock == "guardian":
            clock = f"{hour}.{t.minute:02d}" if t.minute else str(hour)
            return f"{clock}{'am' if t.hour < 12 else 'pm'}"
        clock = f"{hour}:{t.minute:02d}" if t.minute else str(hour)
        return f"{clock}{NBSP}{'a.m.' if t.hour < 12 else 'p.m.'}"

    def moment(self, when: datetime.datetime, zone: str) -> str:
        """"9 a.m. CET, Nov. 15, 2016": time, zone, date, as wire services write an embargo."""
        return f"{self.time(when.time())} {zone}, {self.long_date(when.date(), False)}"

    def zone_of_city(self, city: str) -> str:
        return f"{city} time"

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
    # The Guardian and Observer style guide and the BBC News style guide: dates "15 November
    # 2016", "9am", "2.30pm", numbers one to nine in words, no serial comma, spaced en dashes.
    house_style = HouseStyle(
        name="Guardian and BBC", serial_comma=False, spell_out_below=10, abbreviate_months=False,
        clock="guardian", time_zone_names="abbreviation", dateline_dash=True, dash="en dash",
        spaced_dash=True, ligatures=None,
    )
    typography = dataclasses.replace(AmericanEnglish.typography, polytypo_tag="en-GB",
                                     quotes_from="en-US")

    def long_date(self, d: datetime.date, weekday: bool) -> str:
        """"2 September 2009", "Wednesday, 2 September 2009"."""
        text = f"{d.day} {self.month(d)} {d.year}"
        return f"{self.month_and_day(d)[1]}, {text}" if weekday else text
