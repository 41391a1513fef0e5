"""French as French press copy writes it (fr, fr_FR), and Canadian French (fr_CA) as a variant.

« 2 millions d’abonnés » (« de » before an h aspiré), « 0 abonné » and « 1,5 million » (the
singular below 2), « 1er septembre 2009 », « Paris, le 2 septembre 2009 — », « 14 h 30 »,
« 1<sup>er</sup> » and « 2<sup>e</sup> » (never « 2ème »), « A, B et C »; typography with
no-break spaces inside « » and before ; ! ? : and %. Counts stop at milliard: « billion »
means 10^12 in French and 10^9 to English readers, so press copy writes « 1 000 milliards ».

fr_CA differs only where Quebec usage does: polytypo's fr-CA rules (no space before ; ! ?)
and U+00A0 between digit groups (CLDR's, as the number filter prints them) instead of U+202F.
"""

from __future__ import annotations

import dataclasses
import datetime
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from pressgen.language.numbers import format_number
from pressgen.language.ordinals import is_feminine
from pressgen.language.rules.base import NBSP, NNBSP, SPACES, Typography
from pressgen.language.rules.press import PressRules, press_reading

if TYPE_CHECKING:
    from pressgen.language.nouns import NounForms

# Words starting with an h aspiré (or a loanword) that refuse « d’ »: « 3 millions de héros ».
# NounForms(elide=...) overrides this list either way.
_H_ASPIRE = (
    "hack", "haie", "hall", "hamac", "hamburger", "hameau", "hanche", "handicap", "hangar",
    "hareng", "haricot", "hasard", "hausse", "haut", "héros", "hérisson", "hibou", "hiérarch",
    "hockey", "homard", "honte", "hors", "hublot", "hurl", "hotdog", "hot-dog",
)
_VOWELS = set("aeiouœæ")


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


def elides_word(word: str) -> bool:
    """Whether « de », « le » and « la » elide before ``word`` (vowel or mute h)."""
    word = word.strip().lower()
    if not word:
        return False
    base = unicodedata.normalize("NFD", word[0])[0]
    if base in _VOWELS:
        return True
    return base == "h" and not word.startswith(_H_ASPIRE)


# The articles a name may open with, and what they say: (feminine?, plural?).
_ARTICLES = {"le": (False, False), "la": (True, False), "les": (None, True)}
_ELIDED = ("l’", "l'")


def split_article(name: str) -> tuple[str, str]:
    """(« les », « Berges ») from « les Berges »; (« l’ », « Atelier »); ("", name) without one."""
    lower = name.lower()
    for elided in _ELIDED:
        if lower.startswith(elided):
            return name[:len(elided)], name[len(elided):]
    head, _, rest = name.partition(" ")
    if head.lower() in _ARTICLES and rest:
        return head, rest
    return "", name


def suffix(n: int, gender: str = "masculine") -> str:
    """« er » / « re » for 1, « e » for everything else."""
    feminine = is_feminine(gender)
    if n == 1:
        return "re" if feminine else "er"
    return "e"


_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|janv\\.|févr\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|déc\\."
)
_MAGNITUDE_VALUES = {"mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9,
                     "milliards": 10**9}
_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "cent": 100,
}


class French(PressRules):
    """fr and fr_FR: French press style as in France."""

    cldr = "fr_FR"
    language = "fr"
    english_name = "French"
    native_names = {"fr": "Français", "fr_FR": "Français (France)"}

    magnitudes = ((10**9, "milliard", "milliards"), (10**6, "million", "millions"))
    units = {"year": ("an", "ans"), "month": ("mois", "mois"), "week": ("semaine", "semaines"),
             "day": ("jour", "jours")}
    conjunctions = {"and": "et", "or": "ou"}
    percent_sign = NBSP + "%"  # U+00A0, as in CLDR and the typography pass: a fixed point

    typography = Typography(
        polytypo_tag="fr",
        magnitude_words=("million", "millions", "milliard", "milliards", "billion", "billions",
                         "trillion", "trillions"),
        spaced_hours=True,
        spaced_guillemets=True,
        spaced_units=True,
        digit_group=NNBSP,
    )
    reading = press_reading(
        number=r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
        point=",", group=SPACES, months=_MONTHS, ordinal=r"(?:er|re|ère|e|ème|nd|nde)",
        magnitudes=_MAGNITUDE_VALUES, words=_NUMBER_WORDS,
    )
    abbreviations = frozenset({
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me", "Dr", "Pr", "Prof", "Ste",
        "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
        "no", "No", "nos", "Nos", "vol", "p", "pp", "cf", "Cf", "env", "av", "apr", "J.-C",
        "Bd", "bd", "Av", "fig", "Fig",
    })

    def is_singular(self, n: Decimal) -> bool:
        """« 0 abonné », « 1,5 abonné »: French is singular from 0 up to 2."""
        return 0 <= abs(n) < 2

    def noun_after_magnitude(self, words: str, noun: NounForms) -> str:
        return f"{words} d’{noun.other}" if elides(noun) else f"{words} de {noun.other}"

    def long_date(self, d: datetime.date, weekday: bool) -> str:
        """« 2 septembre 2009 », « 1er septembre 2009 », « mercredi 2 septembre 2009 »."""
        month, day_name = self.month_and_day(d)
        day = "1er" if d.day == 1 else str(d.day)
        text = f"{day} {month} {d.year}"
        return f"{day_name} {text}" if weekday else text

    def dateline(self, d: datetime.date, city: str, dash: bool) -> str:
        text = f"{city}, le {self.long_date(d, False)}"
        return f"{text}{NBSP}—" if dash else text

    def time(self, t: datetime.time) -> str:
        """« 14 h 30 », « 14 h » (U+00A0)."""
        minutes = f"{NBSP}{t.minute:02d}" if t.minute else ""
        return f"{t.hour}{NBSP}h{minutes}"

    def ordinal(self, n: int, gender: str, html: bool) -> str:
        figure, end = format_number(n, self.locale), suffix(n, gender)
        return f"{figure}<sup>{end}</sup>" if html else f"{figure}{end}"

    def article_grammar(self, name: str) -> tuple[bool | None, bool | None]:
        article, _ = split_article(name)
        if article.lower() in _ELIDED:
            return None, False
        return _ARTICLES.get(article.lower(), (None, None))

    def of_phrase(self, text: str) -> str:
        """« de » with the article it meets: « du Vélib’ », « des Berges », « de la Ville »,
        « de l’Atelier », « d’arbres », « de héros » (h aspiré)."""
        article, rest = split_article(text)
        lower = article.lower()
        if lower == "le":
            return f"du {rest}"
        if lower == "les":
            return f"des {rest}"
        if lower in ("la", *_ELIDED):
            return f"de {text}"
        return f"d’{text}" if elides_word(text) else f"de {text}"

    def possessive(self, plural_owner: bool, feminine_thing: bool, plural_thing: bool, thing: str) -> str:
        """« leurs 15 ans », « leur 500e école »; « ses », « sa 500e école »; « son » before a
        vowel even for a feminine noun (« son école »)."""
        if plural_owner:
            return "leurs" if plural_thing else "leur"
        if plural_thing:
            return "ses"
        return "sa" if feminine_thing and not elides_word(thing) else "son"


class CanadianFrench(French):
    """fr_CA: French as Quebec writes it."""

    cldr = "fr_CA"
    native_names = {"fr_CA": "Français (Canada)"}
    typography = dataclasses.replace(French.typography, polytypo_tag="fr-CA", digit_group=NBSP)
