"""Counted nouns (« 2 millions d’abonnés », "1 follower") and compact figures (« 2 millions »).

Babel's compact long format is not usable for press prose: it prints « 1 millions » for
1 000 000 in French and "1000 thousand" for 999 999 in every locale, and it has no idea that
« million » and « milliard » are nouns that take « de ». So the words-and-figures form is written
here, on top of Babel's plain number formatting.

Generic locales (neither French nor English) take their magnitude words from CLDR's compact
*long* patterns, chosen by the plural category of the scaled figure (de « 1 Million »,
« 2 Millionen »), with the same guards: full figures below a million, never « 1000 Tausend ».
CLDR does not say how a counted noun attaches to « millones »; see ``_PREPOSITIONS``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from pressgen.language.locales import is_tuned, language, resolve
from pressgen.language.numbers import Number, format_number, to_decimal


@dataclass(frozen=True)
class NounForms:
    """How one language says a counted noun.

    ``one`` and ``other`` are CLDR plural categories. Languages with more categories (few,
    many, two, zero: Polish, Russian, Arabic…) use ``other`` for all of them: an
    approximation, since a Polish « 5 obserwujących » and « 2 obserwujący » differ.

    ``elide`` forces (True) or forbids (False) the French elision « d’ » before the noun;
    None lets the first letter decide (vowel or mute h elide).
    """

    one: str
    other: str
    elide: bool | None = None


# Magnitudes read in words, largest first. French stops at « milliard »: « billion » means
# 10^12 in French and 10^9 to English readers, so press copy writes « 1 000 milliards ».
_MAGNITUDES: dict[str, tuple[tuple[int, str, str], ...]] = {
    "fr": ((10**9, "milliard", "milliards"), (10**6, "million", "millions")),
    "en": (
        (10**12, "trillion", "trillion"),
        (10**9, "billion", "billion"),
        (10**6, "million", "million"),
    ),
}

# Words starting with an h aspiré (or a loanword) that refuse « d’ »: « 3 millions de héros ».
# NounForms(elide=...) overrides this list either way.
_H_ASPIRE = (
    "hack", "haie", "hall", "hamac", "hamburger", "hameau", "hanche", "handicap", "hangar",
    "hareng", "haricot", "hasard", "hausse", "haut", "héros", "hérisson", "hibou", "hiérarch",
    "hockey", "homard", "honte", "hors", "hublot", "hurl", "hotdog", "hot-dog",
)
_VOWELS = set("aeiouœæ")


# Generic locales whose counted noun follows a magnitude word with a preposition
# (es « 2 millones de seguidores », it « 2 milioni di follower »). CLDR has no data for this,
# so it is a short table of languages we know; every other language juxtaposes
# (de « 2 Millionen Follower », nl « 2 miljoen volgers »). Romanian already puts « de »
# between figure and magnitude in CLDR (« 20 de milioane ») but not before the noun.
_PREPOSITIONS: dict[str, str] = {"es": "de", "pt": "de", "ca": "de", "it": "di", "ro": "de"}


def plural_category(n: Number, locale: str) -> str:
    """The CLDR plural category of ``n`` as our figures print it (up to three decimals, no
    trailing zeros: 1.0 prints "1", so it is "one" wherever 1 is)."""
    from babel import Locale

    value = to_decimal(n).quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)
    value = value.to_integral() if value == value.to_integral() else value.normalize()
    return Locale.parse(resolve(locale)).plural_form(value)


def is_singular(n: Number, locale: str) -> bool:
    """CLDR "one" as our figures print: French 0 ≤ n < 2 (« 0 abonné », « 1,5 abonné »),
    English exactly 1 (1.0 prints as "1", so it is singular too); other languages by their
    CLDR rules (de 1, es 1, pl 1 only)."""
    value = to_decimal(n)
    if not is_tuned(locale):
        return plural_category(value, locale) == "one"
    if language(locale) == "fr":
        return 0 <= abs(value) < 2
    return value == 1


def elides(noun: NounForms) -> bool:
    """Whether French writes « d’ » (not « de ») before the plural form of ``noun``."""
    if noun.elide is not None:
        return noun.elide
    word = noun.other.strip().lower()
    if not word:
        return False
    base = unicodedata.normalize("NFD", word[0])[0]
    if base in _VOWELS:
        return True
    if base == "h":
        return not word.startswith(_H_ASPIRE)
    return False


def _in_words(n: Decimal, locale: str, exact: bool) -> tuple[str, bool] | None:
    """(« 1,5 million », plural-of-magnitude?) if n reads in words, else None.

    ``exact``: only round values (a multiple of a tenth of the magnitude) qualify; otherwise
    n is rounded to one decimal, promoting to the next magnitude when rounding reaches 1000
    (999 999 999 -> « 1 milliard », never « 1000 millions »).
    """
    if not is_tuned(locale):
        return _generic_in_words(n, locale, exact)
    lang = language(locale)
    magnitudes = _MAGNITUDES[lang]
    for index, (size, one, other) in enumerate(magnitudes):
        if abs(n) < size:
            continue
        scaled = n / size
        if exact:
            if scaled != scaled.quantize(Decimal("0.1")):
                return None
        else:
            scaled = scaled.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
            if abs(scaled) >= 1000 and index > 0:
                size, one, other = magnitudes[index - 1]
                scaled = (n / size).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
        figure = format_number(scaled, locale)
        plural = is_singular(scaled, locale) is False
        return f"{figure}\u00a0{other if plural else one}", plural
    return None


def format_count(n: Number, noun: NounForms, locale: str, words_from: Number = 1_000_000) -> str:
    """« 169 000 abonnés », « 2 millions d’abonnés », "1.5 million followers".

    The figure is tied to the word after it by U+00A0, so a line never starts with the noun.

    Round counts of at least ``words_from`` (and of at least a million) read in words and
    figures; all others are written in full figures.
    """
    value = to_decimal(n)
    if abs(value) >= to_decimal(words_from):
        words = _in_words(value, locale, exact=True)
        if words is not None:
            figure, _ = words
            if not is_tuned(locale):
                preposition = _PREPOSITIONS.get(language(locale))
                return f"{figure} {preposition + ' ' if preposition else ''}{noun.other}"
            if language(locale) == "fr":
                return f"{figure} d’{noun.other}" if elides(noun) else f"{figure} de {noun.other}"
            return f"{figure} {noun.other}"
    word = noun.one if is_singular(value, locale) else noun.other
    return f"{format_number(value, locale)}\u00a0{word}"


def format_compact(n: Number, locale: str) -> str:
    """« 2 millions » / "2 million", rounded to one decimal; below a million, full figures.

    Thousands are never abbreviated (« 169 000 », not « 169 k » nor "1000 thousand").
    """
    value = to_decimal(n)
    words = _in_words(value, locale, exact=False)
    return words[0] if words is not None else format_number(value, locale)


def _compact_patterns(locale: str) -> dict[int, dict[str, str]]:
    """CLDR's compact long patterns from a million up, by power of ten then plural category.

    CLDR inherits a missing long pattern from the short one (ja, zh have no long data), as
    ICU does; Babel does not, so the fallback is written here."""
    from babel import Locale

    formats = Locale.parse(resolve(locale)).compact_decimal_formats
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


def _generic_in_words(n: Decimal, locale: str, exact: bool) -> tuple[str, bool] | None:
    """(« 2 Millionen », plural?) from CLDR's compact long patterns, or None for full figures.

    The power of ten just below |n| picks the pattern; its zeros say what it divides by
    (« 00 Millionen » for 10^7 divides by 10^6). ``exact`` as in :func:`_in_words`; when
    rounding reaches the next power of ten, the next pattern is used (« 1 Milliarde »).
    """
    table = _compact_patterns(locale)
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
            if scaled != scaled.quantize(Decimal("0.1")):
                return None
        else:
            scaled = scaled.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
            rounded = scaled * divisor
            if abs(rounded) > abs(value) and any(abs(value) < s <= abs(rounded) for s in table):
                value = rounded
                continue
        break
    category = plural_category(scaled, locale)
    pattern = patterns.get(category) or patterns["other"]
    figure = format_number(scaled, locale)
    start, end = pattern.index("0"), pattern.rindex("0") + 1
    before, after = _unquote(pattern[:start]), _unquote(pattern[end:])
    # The figure is tied to its word by U+00A0, as in French and English.
    if after[:1].isspace():
        after = "\u00a0" + after[1:]
    if before[-1:].isspace():
        before = before[:-1] + "\u00a0"
    return f"{before}{figure}{after}", category != "one"


def _unquote(literal: str) -> str:
    """A CLDR pattern literal as text: 'x' quotes, '' is an apostrophe."""
    return literal.replace("''", "\0").replace("'", "").replace("\0", "'")
