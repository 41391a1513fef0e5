"""Counted nouns (« 2 millions d’abonnés », "1 follower") and compact figures (« 2 millions »).

Babel's compact long format is not usable for press prose: it prints « 1 millions » for
1 000 000 in French and "1000 thousand" for 999 999 in every locale, and it has no idea that
« million » and « milliard » are nouns that take « de ». So the words-and-figures form is written
here, on top of Babel's plain number formatting.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from pressgen.language.locales import language
from pressgen.language.numbers import Number, format_number, to_decimal


@dataclass(frozen=True)
class NounForms:
    """How one language says a counted noun.

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


def is_singular(n: Number, locale: str) -> bool:
    """CLDR "one" as our figures print: French 0 ≤ n < 2 (« 0 abonné », « 1,5 abonné »),
    English exactly 1 (1.0 prints as "1", so it is singular too)."""
    value = to_decimal(n)
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
