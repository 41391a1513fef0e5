"""Counted nouns (« 2 millions d’abonnés », "1 follower") and compact figures (« 2 millions »).

Babel's compact long format is not usable for press prose: it prints « 1 millions » for
1 000 000 in French and "1000 thousand" for 999 999 in every locale, and it has no idea that
« million » and « milliard » are nouns that take « de ». So the words-and-figures form is the
locale's rules' (``in_words``, ``noun_after_magnitude``: rules/french.py, rules/english.py,
CLDR's compact long patterns in rules/generic.py), on top of Babel's plain number formatting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Literal

from pressgen.language.locale import LocaleLike, babel_locale, locale_for
from pressgen.language.numbers import Number, format_number, to_decimal


@dataclass(frozen=True)
class NounForms:
    """How one language says a counted noun.

    ``one`` and ``other`` are CLDR plural categories. Languages with more categories (few,
    many, two, zero: Polish, Russian, Arabic…) use ``other`` for all of them: an
    approximation, since a Polish « 5 obserwujących » and « 2 obserwujący » differ.

    ``elide`` forces (True) or forbids (False) the French elision « d’ » before the noun;
    None lets the lexicon decide (rules/french_lexicon.py: a vowel or a mute h elide, an h
    aspiré and a few other words do not). ``gender`` lets French write « un », « une » in
    words (the house style spells counts out below a threshold); without it, 1 stays « 1 ».
    """

    # The descriptions are the editor schema's (pressgen schema), in plain words.
    one: str = field(metadata={"doc": "The noun after 1 (« abonné », “follower”)"})
    other: str = field(metadata={"doc": "The noun after 2 and more (« abonnés », “followers”)"})
    elide: bool | None = field(default=None, metadata={
        "doc": "French only: true for « d’ » before the noun, false for « de »; left out, pressgen's lexicon decides (h aspiré…)"})
    gender: Literal["masculine", "feminine"] | None = field(default=None, metadata={
        "doc": "The noun's gender, where a count written in words agrees (« une personne »), and for ordinals and possessives (« sa 500e école »); left out, masculine"})


def plural_category(n: Number, locale: LocaleLike) -> str:
    """The CLDR plural category of ``n`` as our figures print it (up to three decimals, no
    trailing zeros: 1.0 prints "1", so it is "one" wherever 1 is)."""
    value = to_decimal(n).quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)
    value = value.to_integral() if value == value.to_integral() else value.normalize()
    return babel_locale(locale_for(locale).cldr).plural_form(value)


def is_singular(n: Number, locale: LocaleLike) -> bool:
    """Whether ``n`` takes the ``one`` form, as our figures print: French 0 ≤ n < 2
    (« 0 abonné », « 1,5 abonné »), English exactly 1 (1.0 prints as "1", so it is singular
    too); other languages by their CLDR rules (de 1, es 1, pl 1 only)."""
    return locale_for(locale).rules.is_singular(to_decimal(n))


def format_count(n: Number, noun: NounForms, locale: LocaleLike,
                 words_from: Number = 1_000_000) -> str:
    """« 169 000 abonnés », « 2 millions d’abonnés », "1.5 million followers".

    The figure is tied to the word after it by U+00A0, so a line never starts with the noun.

    Round counts of at least ``words_from`` (and of at least a million) read in words and
    figures; all others are written in full figures, except the whole numbers below the house
    style's ``spell_out_below``, in words (« sept abonnés », "seven followers").
    """
    rules = locale_for(locale).rules
    value = to_decimal(n)
    if abs(value) >= to_decimal(words_from):
        words = rules.in_words(value, exact=True)
        if words is not None:
            return rules.noun_after_magnitude(words[0], noun)
    return _in_figures(value, noun, rules)


def _in_figures(value: Decimal, noun: NounForms, rules) -> str:
    """« 169 000 abonnés »; below the house style's threshold, in words (« sept abonnés »)."""
    word = noun.one if rules.is_singular(value) else noun.other
    spelled = rules.spelled(value, noun.gender)
    if spelled is not None:
        return f"{spelled} {word}"
    return f"{format_number(value, rules.locale)}\u00a0{word}"


Form = Literal["auto", "figures", "words"]


def format_compared(n: Number, among: Iterable[Number], noun: NounForms, locale: LocaleLike,
                    form: str = "auto") -> str:
    """``n`` counted in the one form shared by every figure it is compared with (``among``,
    ``n`` included or not): a list of figures never mixes « 1 250 000 abonnés » with
    « 2,1 millions d’abonnés ».

    ``form="auto"``: words and figures (« 1,25 million d’abonnés », up to two decimals) when
    every figure of the list reads so exactly, full figures for all otherwise; ``"figures"``:
    full figures always; ``"words"``: words and figures for every figure of a million or more
    (rounded to two decimals), full figures below."""
    if form not in ("auto", "figures", "words"):
        raise ValueError(f"form must be 'auto', 'figures' or 'words', not {form!r}")
    rules = locale_for(locale).rules
    value = to_decimal(n)
    figures = [to_decimal(x) for x in among] + [value]
    if form == "auto":
        words = all(rules.in_words(x, exact=True, decimals=2) is not None for x in figures)
    else:
        words = form == "words"
    if words:
        found = rules.in_words(value, exact=form == "auto", decimals=2)
        if found is not None:
            return rules.noun_after_magnitude(found[0], noun)
    word = noun.one if rules.is_singular(value) else noun.other
    return f"{format_number(value, rules.locale)}\u00a0{word}"


def format_compact(n: Number, locale: LocaleLike) -> str:
    """« 2 millions » / "2 million", rounded to one decimal; below a million, full figures.

    Thousands are never abbreviated (« 169 000 », not « 169 k » nor "1000 thousand").
    """
    rules = locale_for(locale).rules
    value = to_decimal(n)
    words = rules.in_words(value, exact=False)
    return words[0] if words is not None else format_number(value, rules.locale)
