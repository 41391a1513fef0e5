"""What the hand-tuned press styles share: the same mechanics, driven by each style's tables.

French and English both write round millions in words and figures from a table of magnitudes,
join lists with a conjunction word, say durations from a table of unit words, place a percent
sign after the figure and take month and weekday names from CLDR. A style (french.py,
english.py) fills in the tables and writes the rest by hand.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cached_property, lru_cache
from typing import ClassVar

from pressgen.language.numbers import format_number, to_decimal
from pressgen.language.rules.base import NBSP, SPACES, LanguageRules, Reading, Typography
from pressgen.language.style import HouseStyle

# Clock times in either tuned press style: « 9 h », « 14 h 30 », "9 a.m.", "2:30 p.m.",
# "2.30pm", « 14:30 ». The audit skips them all in every tuned language, since a release in
# one may quote a time written the other's way.
_SP = f"[{SPACES}]"
CLOCK_TIMES = (
    rf"\b\d{{1,2}}{_SP}?h(?:{_SP}?\d{{2}})?\b",
    rf"\b\d{{1,2}}(?:[:.]\d{{2}})?{_SP}?(?:a\.m\.|p\.m\.|am\b|pm\b)",
    r"\b\d{1,2}:\d{2}\b",
)


def press_reading(number: str, point: str, group: str, months: str, ordinal: str,
                  magnitudes: dict[str, int], words: dict[str, int]) -> Reading:
    """The audit's reading of a tuned style: its number format, its words, and
    :data:`CLOCK_TIMES`."""
    return Reading(number, point, group, months, rf"\d{{1,2}}(?:{ordinal})?", "",
                   magnitudes, words, ordinal, CLOCK_TIMES)


@lru_cache(maxsize=None)
def names(cldr: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(12 month names, 7 weekday names Monday first) from CLDR, as used inside dates."""
    from babel import Locale

    data = Locale.parse(cldr)
    months = tuple(data.months["format"]["wide"][m] for m in range(1, 13))
    days = tuple(data.days["format"]["wide"][d] for d in range(7))
    return months, days


class PressRules(LanguageRules):
    """A hand-tuned style: the shared mechanics below, read from the tables a style sets."""

    # Magnitudes read in words, largest first: (size, singular, plural).
    magnitudes: ClassVar[tuple[tuple[int, str, str], ...]] = ()
    # Duration unit (year, month, week, day) -> (singular, plural).
    units: ClassVar[dict[str, tuple[str, str]]] = {}
    # "and" / "or" -> the word that joins the last two items.
    conjunctions: ClassVar[dict[str, str]] = {}
    percent_sign: ClassVar[str] = "%"  # what follows the figure: « \u00a0% » or "%"
    # Duration unit -> its grammatical gender, where number words agree (« une semaine »).
    unit_genders: ClassVar[dict[str, str]] = {}
    typography: ClassVar[Typography]  # type: ignore[misc]
    house_style: ClassVar[HouseStyle]  # type: ignore[misc]
    reading: ClassVar[Reading]  # type: ignore[misc]

    @cached_property
    def house(self) -> HouseStyle:
        """The style's defaults with the project's settings (``style:``) for this locale
        (kept: the locale, and so its settings, never change)."""
        return self.house_style.with_settings(self.locale.settings)

    @property
    def polytypo_tag(self) -> str:
        return self.typography.polytypo_tag

    def percent(self, value: Decimal, digits: int | None) -> str:
        return format_number(value * 100, self.locale, digits) + self.percent_sign

    def in_words(self, n: Decimal, exact: bool, decimals: int = 1) -> tuple[str, bool] | None:
        step = Decimal(1).scaleb(-decimals)
        magnitudes = self.magnitudes
        for index, (size, one, other) in enumerate(magnitudes):
            if abs(n) < size:
                continue
            scaled = n / size
            if exact:
                if scaled != scaled.quantize(step):
                    return None
            else:
                scaled = scaled.quantize(step, rounding=ROUND_HALF_EVEN)
                if abs(scaled) >= 1000 and index > 0:
                    size, one, other = magnitudes[index - 1]
                    scaled = (n / size).quantize(step, rounding=ROUND_HALF_EVEN)
            figure = format_number(scaled, self.locale)
            plural = self.is_singular(scaled) is False
            return f"{figure}{NBSP}{other if plural else one}", plural
        return None

    def duration(self, value: int, unit: str) -> str:
        one, other = self.units[unit]
        word = one if self.is_singular(to_decimal(value)) else other
        spelled = self.spelled(to_decimal(value), self.unit_genders.get(unit, "masculine"))
        if spelled is not None:
            return f"{spelled} {word}"
        return f"{format_number(value, self.locale)}{NBSP}{word}"

    def spelled(self, n: Decimal, gender: str | None) -> str | None:
        """``n`` in words when the house style spells it out (a whole number from one up to
        ``spell_out_below``), else None; None too where the word depends on a gender that is
        not known (French « un »/« une »)."""
        house = self.house
        if n != n.to_integral() or not 0 < n < house.spell_out_below:
            return None
        return self.number_words(int(n), gender)

    def number_words(self, n: int, gender: str | None) -> str | None:
        """``n`` (1 to 99) in words; None where this style has none."""
        return None

    def join(self, words: list[str], conjunction: str) -> str:
        word = self.conjunctions[conjunction]
        if len(words) == 1:
            return words[0]
        if len(words) == 2:
            return f"{words[0]} {word} {words[1]}"
        serial = "," if self.house.serial_comma else ""
        return f"{', '.join(words[:-1])}{serial} {word} {words[-1]}"

    def dateline_end(self, text: str, dash: bool) -> str:
        """The dateline ``text`` with what leads to the first sentence: its dash, tied by
        U+00A0, and a space (« PARIS, Nov. 14, 2016 — »), or a paragraph break where the house
        style sets it on its own line; ``dash=False``: the dateline alone."""
        if not dash:
            return text
        house = self.house
        if not house.dateline_dash:
            return f"{text}\n\n"
        if not house.spaced_dash:
            return f"{text}{house.dash_mark}"
        return f"{text}{NBSP}{house.dash_mark} "

    def month_and_day(self, d: datetime.date) -> tuple[str, str]:
        """The month's and the weekday's names for ``d`` in this style's language."""
        months, days = names(self.locale.cldr)
        return months[d.month - 1], days[d.weekday()]
