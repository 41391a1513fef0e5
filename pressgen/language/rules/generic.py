"""Every language without a hand-tuned style: CLDR's own forms, through Babel.

Numbers and percentages in CLDR's patterns (de « 12 % », tr « %12 »); dates in CLDR's long and
full patterns (de « 2. September 2009 », with U+00A0 after the day's period), short times
(« 14:30 ») and long duration units (« 8 Jahre »); lists from CLDR's list patterns
(« A, B und C »); round millions from CLDR's compact *long* patterns, chosen by the plural
category of the scaled figure (« 1 Million », « 2 Millionen »), with the tuned styles' guards:
full figures below a million, never « 1000 Tausend ». CLDR does not say everything press
prose needs, so two short tables of languages we know fill the gaps: the preposition between
a magnitude word and a counted noun (:data:`_PREPOSITIONS`) and ordinal suffixes
(:data:`_SUFFIXES`). Typography is polytypo's own for the languages it has rules for; the
others are left as typed, since any rule would be a guess.
"""

from __future__ import annotations

import datetime
import functools
import re
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from pressgen.language.locale import babel_locale
from pressgen.language.nouns import plural_category
from pressgen.language.numbers import format_number, fraction
from pressgen.language.ordinals import is_feminine
from pressgen.language.rules import tuned_languages
from pressgen.language.rules.base import NBSP, SPACES, LanguageRules, Reading, Typography

if TYPE_CHECKING:
    from pressgen.language.nouns import NounForms

# Languages whose counted noun follows a magnitude word with a preposition
# (es « 2 millones de seguidores », it « 2 milioni di follower »). CLDR has no data for this;
# every other language juxtaposes (de « 2 Millionen Follower », nl « 2 miljoen volgers »).
# Romanian already puts « de » between figure and magnitude in CLDR (« 20 de milioane ») but
# not before the noun.
_PREPOSITIONS: dict[str, str] = {"es": "de", "pt": "de", "ca": "de", "it": "di", "ro": "de"}

# Ordinal suffixes that do not depend on the number, checked against ICU's digits-ordinal
# rules in the tests: language -> (masculine, feminine). Babel has no ordinal formatting
# (CLDR keeps it in RBNF rules, which Babel does not read); any other language raises
# ValueError: the template should spell its ordinal out rather than print a guess.
_SUFFIXES: dict[str, tuple[str, str]] = {
    **{lang: (".", ".") for lang in ("de", "da", "nb", "fi", "cs", "pl", "tr", "hu")},
    "es": (".º", ".ª"),
    "it": ("º", "ª"),
    "pt": ("º", "ª"),
    "nl": ("e", "e"),
}


def describe(key: str) -> tuple[str, str, str, str] | None:
    """(CLDR id, language, native name, English name) for a locale Babel knows, else None.

    Babel maps "und" to en_US and accepts "root": neither names a language."""
    from babel import Locale, UnknownLocaleError, localedata

    try:
        parsed = Locale.parse(key)
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    if (
        key.split("_")[0].lower() != parsed.language
        or key.lower() == "root"
        or not localedata.exists(str(parsed))
    ):
        return None
    cldr = str(parsed)
    native = parsed.get_display_name(parsed) or key
    english = parsed.get_language_name("en") or key
    return cldr, cldr.split("_")[0], native[:1].upper() + native[1:], english


def _unquote(literal: str) -> str:
    """A CLDR pattern literal as text: 'x' quotes, '' is an apostrophe."""
    return literal.replace("''", "\0").replace("'", "").replace("\0", "'")


class Generic(LanguageRules):
    """CLDR's forms for ``self.locale`` (any language Babel knows but French and English)."""

    typography: Typography | None = None  # polytypo alone: none of pressgen's own fixes

    def _babel(self):  # -> babel.Locale
        return babel_locale(self.locale.cldr)

    # -- numbers and counted nouns ---------------------------------------------------------
    def percent(self, value: Decimal, digits: int | None) -> str:
        """CLDR's percent pattern (de ``12 %``, nl ``12%``, tr ``%12``), with the same
        ``digits`` rule as format_number."""
        from babel.numbers import format_percent as babel_percent

        pattern = self._babel().percent_formats[None].pattern.split(";")[0]
        # The integer part is the first run of #, 0 and grouping commas: add the fraction after it.
        pattern = re.sub(r"[#0,]*0", lambda m: m.group(0) + fraction(digits), pattern, count=1)
        return babel_percent(value, format=pattern, locale=self.locale.cldr)

    def is_singular(self, n: Decimal) -> bool:
        """CLDR "one" (de 1, es 1, pl 1 only)."""
        return plural_category(n, self.locale) == "one"

    @functools.cached_property
    def _compact_patterns(self) -> dict[int, dict[str, str]]:
        """CLDR's compact long patterns from a million up, by power of ten then plural category.

        CLDR inherits a missing long pattern from the short one (ja, zh have no long data), as
        ICU does; Babel does not, so the fallback is written here."""
        formats = self._babel().compact_decimal_formats
        table: dict[int, dict[str, str]] = {}
        for length in ("short", "long"):  # long last, so it wins where both exist
            try:
                data = formats[length]
            except KeyError:
                continue
            for category, by_size in data.items():
                for size, pattern in by_size.items():
                    if int(size) >= 10**6:
                        table.setdefault(int(size), {})[category] = pattern.pattern
        return table

    def in_words(self, n: Decimal, exact: bool, decimals: int = 1) -> tuple[str, bool] | None:
        """(« 2 Millionen », plural?) from CLDR's compact long patterns.

        The power of ten just below |n| picks the pattern; its zeros say what it divides by
        (« 00 Millionen » for 10^7 divides by 10^6). When rounding reaches the next power of
        ten, the next pattern is used (« 1 Milliarde »).
        """
        step = Decimal(1).scaleb(-decimals)
        table = self._compact_patterns
        if abs(n) < 10**6 or not table:
            return None
        value = n
        for _ in range(2):  # a second pass only after rounding up to the next power of ten
            size = max((s for s in table if s <= abs(value)), default=None)
            if size is None:
                return None
            patterns = table[size]
            sample = patterns.get("other") or next(iter(patterns.values()))
            zeros = sample.count("0")
            if zeros == 0 or sample.strip("0") == "":  # "0": CLDR has no word for this size
                return None
            divisor = Decimal(size) / Decimal(10) ** (zeros - 1)
            scaled = value / divisor
            if exact:
                if scaled != scaled.quantize(step):
                    return None
            else:
                scaled = scaled.quantize(step, rounding=ROUND_HALF_EVEN)
                rounded = scaled * divisor
                if abs(rounded) > abs(value) and any(abs(value) < s <= abs(rounded) for s in table):
                    value = rounded
                    continue
            break
        category = plural_category(scaled, self.locale)
        pattern = patterns.get(category) or patterns["other"]
        figure = format_number(scaled, self.locale)
        start, end = pattern.index("0"), pattern.rindex("0") + 1
        before, after = _unquote(pattern[:start]), _unquote(pattern[end:])
        # The figure is tied to its word by U+00A0, as in French and English.
        if after[:1].isspace():
            after = NBSP + after[1:]
        if before[-1:].isspace():
            before = before[:-1] + NBSP
        return f"{before}{figure}{after}", category != "one"

    def noun_after_magnitude(self, words: str, noun: NounForms) -> str:
        preposition = _PREPOSITIONS.get(self.locale.language)
        return f"{words} {preposition + ' ' if preposition else ''}{noun.other}"

    # -- dates and times -------------------------------------------------------------------
    def long_date(self, d: datetime.date, weekday: bool) -> str:
        from babel.dates import format_date

        text = format_date(d, "full" if weekday else "long", locale=self.locale.cldr)
        # « 2. September »: the day's period is not a sentence end, and the day never ends a
        # line without its month (the sentence splitter only breaks at ordinary spaces).
        return re.sub(r"(?<=\d\.) ", NBSP, text)

    def dateline(self, d: datetime.date, city: str, dash: bool) -> str:
        text = f"{city}, {self.long_date(d, False)}"
        return f"{text}{NBSP}{self._dash()} " if dash else text

    def _dash(self) -> str:
        """The dash polytypo's data gives the language for a parenthetical (de, nl « – »,
        it, ru « — »); an em dash where it gives none or has no rules for the language."""
        tag = self.polytypo_tag
        if tag is None:
            return "—"
        from polytypo._engine.locale import get_locale_data

        style = get_locale_data(tag).get("dash", {}).get("parenthetical", "")
        return "–" if style.startswith("en") else "—"

    def duration(self, value: int, unit: str) -> str:
        """CLDR's long unit pattern (« 8 Jahre », « 1 año »), the figure tied by U+00A0.

        CLDR inherits a missing long pattern from the short one (Italian, Portuguese store
        « {0} anni » only there); Babel's format_unit does not and prints "8 duration-year",
        so the lookup is done here, in CLDR's order: long, short, then their "other" pattern."""
        data = self._babel()._data["unit_patterns"][f"duration-{unit}"]
        category = plural_category(value, self.locale)
        long, short = data.get("long", {}), data.get("short", {})
        for table, wanted in ((long, category), (short, category), (long, "other"), (short, "other")):
            if wanted in table:
                pattern = table[wanted]
                break
        else:
            raise ValueError(f"CLDR has no {unit} unit for {self.locale.tag!r}")
        pattern = pattern.replace("{0} ", "{0}" + NBSP).replace(" {0}", NBSP + "{0}")
        return pattern.replace("{0}", format_number(value, self.locale))

    def time(self, t: datetime.time) -> str:
        from babel.dates import format_time as babel_time

        return babel_time(t, "short", locale=self.locale.cldr)

    # -- ordinals and lists ----------------------------------------------------------------
    def ordinal(self, n: int, gender: str, html: bool) -> str:
        feminine = is_feminine(gender)
        suffixes = _SUFFIXES.get(self.locale.language)
        if suffixes is None:
            tuned = ", ".join(tuned_languages())
            raise ValueError(
                f"the ordinal filter has no rule for {self.locale.tag!r}: write the ordinal in "
                f"the template (rules exist for {tuned}, {', '.join(sorted(_SUFFIXES))})"
            )
        return f"{format_number(n, self.locale)}{suffixes[1] if feminine else suffixes[0]}"

    @property
    def ordinal_period(self) -> bool:  # type: ignore[override]
        return _SUFFIXES.get(self.locale.language, ("", ""))[0] == "."

    def join(self, words: list[str], conjunction: str) -> str:
        from babel.lists import format_list as babel_list

        style = "standard" if conjunction == "and" else "or"
        return babel_list(words, style=style, locale=self.locale.cldr)

    # -- typography and the figures audit --------------------------------------------------
    @functools.cached_property
    def polytypo_tag(self) -> str | None:  # type: ignore[override]
        """polytypo's own resolution decides (``de_AT`` -> ``de-DE``, its base language); a
        script or a region polytypo does not know never borrows another language."""
        from polytypo._engine.locale import resolve as polytypo_resolve
        from polytypo.errors import PolytypoError

        parsed = self._babel()
        tag = parsed.language + (f"-{parsed.territory}" if parsed.territory else "")
        try:
            return polytypo_resolve(tag)
        except PolytypoError:
            return None

    @functools.cached_property
    def reading(self) -> Reading:  # type: ignore[override]
        """Digit grouping, month names, and the words of CLDR's compact long forms
        (Millionen, millones); no number words."""
        from babel.numbers import get_decimal_symbol, get_group_symbol

        cldr = self.locale.cldr
        data = self._babel()
        point, group = get_decimal_symbol(cldr), get_group_symbol(cldr)
        if group.isspace():
            group = SPACES
        groups, decimals = re.escape(group), re.escape(point)
        number = rf"\d{{1,3}}(?:[{groups}]\d{{3}})+(?:{decimals}\d+)?|\d+(?:{decimals}\d+)?"
        names = {name for context in ("format", "stand-alone") for width in ("wide", "abbreviated")
                 for name in data.months[context][width].values()}
        months = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        magnitudes: dict[str, int] = {}
        for by_size in data.compact_decimal_formats.get("long", {}).values():
            for size, pattern in by_size.items():
                zeros = pattern.pattern.count("0")
                word = pattern.pattern.replace("0", "").replace("'", "").replace("¤", "").strip()
                if zeros and word and int(size) >= 10**6:
                    magnitudes[word] = int(size) // 10 ** (zeros - 1)
        ordinal = r"(?:\.(?=[\s\u00a0])|º|ª)"
        times = (r"\b\d{1,2}[:.]\d{2}\b",)
        joiner = rf"(?:[^\W\d]{{1,3}}[{SPACES}]+)?"  # « 25 de enero de 2016 »
        return Reading(number, point, group, months, r"\d{1,2}\.?", joiner, magnitudes, {},
                       ordinal, times)
