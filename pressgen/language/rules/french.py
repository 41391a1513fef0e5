"""French as French press copy writes it (fr, fr_FR), and Canadian French (fr_CA) as a variant.

« 2 millions d’abonnés » (« de » before an h aspiré), « 0 abonné » and « 1,5 million » (the
singular below 2), « 1er septembre 2009 », « Paris, le 2 septembre 2009 — », « 14 h 30 »,
« 1<sup>er</sup> » and « 2<sup>e</sup> » (never « 2ème »), « A, B et C »; typography with
no-break spaces inside « » and before ; ! ? : and %. Counts stop at milliard: « billion »
means 10^12 in French and 10^9 to English readers, so press copy writes « 1 000 milliards ».

fr_CA differs only where Quebec usage does: polytypo's fr-CA rules (no space before ; ! ?),
U+00A0 between digit groups (CLDR's, as the number filter prints them) instead of U+202F, the
spaced en dash (« a – b ») as the one dash, the dateline followed by it as Quebec releases
write it (« Montréal, le 11 avril 2017 – »), and time zones by their French abbreviations
(« 9 h (HNE) », heure normale de l’Est; « HAE » in summer), as the Office québécois de la
langue française writes them.
"""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from pressgen.language.numbers import format_number
from pressgen.language.ordinals import is_feminine
from pressgen.language.rules.base import NBSP, NNBSP, SPACES, Typography
from pressgen.language.rules.french_lexicon import elides_before
from pressgen.language.rules.press import PressRules, press_reading
from pressgen.language.style import HouseStyle

if TYPE_CHECKING:
    from pressgen.language.nouns import NounForms

def elides(noun: NounForms) -> bool:
    """Whether French writes « d’ » (not « de ») before the plural form of ``noun``: the noun's
    own ``elide`` when given, else the lexicon (french_lexicon.py: h aspiré and the other
    exceptions)."""
    if noun.elide is not None:
        return noun.elide
    return elides_before(noun.other)


_ONES = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
         "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
         "dix-neuf")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def number_words(n: int, feminine: bool = False) -> str:
    """1 to 99 in words, in the traditional spelling the Lexique uses: « vingt et un »,
    « soixante et onze », « quatre-vingts », « quatre-vingt-un »; « une » in the feminine."""
    if n < 20:
        words = _ONES[n]
    elif n < 70:
        tens, ones = divmod(n, 10)
        words = _TENS[tens] + ("" if ones == 0 else " et un" if ones == 1 else f"-{_ONES[ones]}")
    elif n < 80:
        words = "soixante et onze" if n == 71 else f"soixante-{_ONES[n - 60]}"
    else:
        words = "quatre-vingts" if n == 80 else f"quatre-vingt-{_ONES[n - 80]}"
    if feminine and (words == "un" or words.endswith((" un", "-un"))):
        words += "e"
    return words


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
# The Lexique's abbreviations of the months (« 11 avr. 2017 »), when the style abbreviates.
_ABBREVIATED = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc.")
# Unit and currency symbols tied to their figure by U+00A0 (« 5 M€ », « 100 MW », « 20 ha »),
# beside the % ‰ € polytypo and typography.py already tie.
_UNITS = ("M€", "Md€", "Mds€", "k€", "€", "$", "$ CA", "£", "¥", "CHF", "MW", "GW", "kW", "TW",
          "W", "MWh", "GWh", "TWh", "kWh", "Wh", "ha", "km²", "m²", "m³", "km", "m", "cm", "mm",
          "t", "Mt", "kt", "kg", "g", "mg", "L", "l", "hl", "ml", "cl", "°C", "ko", "Mo", "Go",
          "To", "dB")
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
    unit_genders = {"week": "feminine"}

    # The Lexique des règles typographiques en usage à l'Imprimerie nationale: dates whose
    # parts never break apart (« 11 avril 2017 »), numbers below ten in words in running text
    # (« en sept ans »), no serial comma, the dateline on its own line without a dash, and one
    # dash between words throughout, the spaced cadratin (« a — b », as polytypo's French).
    house_style = HouseStyle(
        name="Lexique de l’Imprimerie nationale", serial_comma=False, spell_out_below=10,
        abbreviate_months=False, clock=None, time_zone_names="city", dateline_dash=False,
        dash="em dash", spaced_dash=True, ligatures=False,
    )
    typography = Typography(
        polytypo_tag="fr",
        magnitude_words=("million", "millions", "milliard", "milliards", "billion", "billions",
                         "trillion", "trillions"),
        spaced_hours=True,
        spaced_guillemets=True,
        spaced_units=True,
        digit_group=NNBSP,
        unify_dashes=True,
        tied_units=_UNITS,
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

    def number_words(self, n: int, gender: str | None) -> str | None:
        """« sept », « vingt et une »; None for 1 (and 21, 31…) when the gender is not known."""
        if gender is None and (n % 10 == 1 and n not in (11, 71)):
            return None
        return number_words(n, gender == "feminine")

    def long_date(self, d: datetime.date, weekday: bool) -> str:
        """« 2 septembre 2009 », « 1er septembre 2009 », « mercredi 2 septembre 2009 », tied
        by U+00A0 so that a date never breaks across lines."""
        month, day_name = self.month_and_day(d)
        if self.house.abbreviate_months:
            month = _ABBREVIATED[d.month - 1]
        day = "1er" if d.day == 1 else str(d.day)
        text = f"{day}{NBSP}{month}{NBSP}{d.year}"
        return f"{day_name} {text}" if weekday else text

    def dateline(self, d: datetime.date, city: str, dash: bool) -> str:
        return self.dateline_end(f"{city}, le {self.long_date(d, False)}", dash)

    def moment(self, when: datetime.datetime, zone: str) -> str:
        """« 15 novembre 2016 à 9 h (heure de Paris) »."""
        return f"{self.long_date(when.date(), False)} à {self.time(when.time())} ({zone})"

    def zone_of_city(self, city: str) -> str:
        """« heure de Paris », « heure d’Athènes »."""
        return f"heure d’{city}" if elides_before(city) else f"heure de {city}"

    def elide(self, word: str, particle: str) -> str:
        """« de hauts lieux », « d’habitants », « le hibou », « l’hôpital »."""
        if particle.lower() in ("de", "le", "la", "que", "ne", "je", "me", "te", "se") and elides_before(word):
            return f"{particle[:-1]}’{word}"
        return f"{particle} {word}"

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
        return f"d’{text}" if elides_before(text) else f"de {text}"

    def possessive(self, plural_owner: bool, feminine_thing: bool, plural_thing: bool, thing: str) -> str:
        """« leurs 15 ans », « leur 500e école »; « ses », « sa 500e école »; « son » before a
        vowel even for a feminine noun (« son école »)."""
        if plural_owner:
            return "leurs" if plural_thing else "leur"
        if plural_thing:
            return "ses"
        return "sa" if feminine_thing and not elides_before(thing) else "son"


class CanadianFrench(French):
    """fr_CA: French as Quebec writes it."""

    cldr = "fr_CA"
    native_names = {"fr_CA": "Français (Canada)"}
    typography = dataclasses.replace(French.typography, polytypo_tag="fr-CA", digit_group=NBSP)
    house_style = dataclasses.replace(
        French.house_style, name="Lexique, as Quebec writes it (OQLF)", dash="en dash",
        dateline_dash=True, time_zone_names="abbreviation")

    def zone_abbreviation(self, abbreviation: str) -> str | None:
        """The OQLF's abbreviations of North America's zones (EST -> HNE); None for others,
        which are named by their city."""
        return _QUEBEC_ZONES.get(abbreviation)


# The OQLF's abbreviations: heure normale / avancée de l'Est, du Centre, des Rocheuses, du
# Pacifique, de l'Atlantique, de Terre-Neuve.
_QUEBEC_ZONES = {"EST": "HNE", "EDT": "HAE", "CST": "HNC", "CDT": "HAC", "MST": "HNR",
                 "MDT": "HAR", "PST": "HNP", "PDT": "HAP", "AST": "HNA", "ADT": "HAA",
                 "NST": "HNT", "NDT": "HAT"}
