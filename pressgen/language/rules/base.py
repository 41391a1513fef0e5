"""The one interface every language style implements: :class:`LanguageRules`.

numbers, nouns, dates, ordinals, lists and typography in ``pressgen.language``, the figures
audit and the sentence splitter ask a locale's rules (``locale.rules``) instead of testing
which language it is. Each style is one module beside this one (french.py, english.py,
generic.py); the value types the rules hand back (:class:`Reading`, :class:`Typography`) are
here, so that the modules that read them need not know any language.

Nothing here imports Babel or polytypo: a style loads them inside the methods that need them.
"""

from __future__ import annotations

import abc
import dataclasses
import functools
import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from pressgen.language.locale import Locale
    from pressgen.language.nouns import NounForms
    from pressgen.language.style import HouseStyle

NBSP = "\u00a0"
NNBSP = "\u202f"
SPACES = " \u00a0\u202f"  # every space that may stand between a figure and its neighbour


@dataclass(frozen=True)
class Reading:
    """How one language writes figures, dates and times: what the figures audit looks for
    (``pressgen.checks.audit.figures``)."""

    number: str  # regex of a number in the locale's format
    point: str
    group: str  # every character that may group digits
    months: str  # regex alternation of month names and abbreviations
    day: str  # regex of a day of the month, ordinal mark included
    joiner: str  # what may stand between day, month and year besides spaces ("de" in Spanish)
    magnitudes: dict[str, int]  # « millions » -> 10**6
    words: dict[str, int]  # number words read before a magnitude: « deux » -> 2
    ordinal: str  # regex of an ordinal mark after a number
    times: tuple[str, ...]  # regexes of clock times, which are not figures


@dataclass(frozen=True)
class Typography:
    """pressgen's fixes on top of polytypo for a hand-tuned style (see typography.py).

    Each field switches on one fix, so a style says what its copy editors want, and
    typography.py, which applies the fixes, never asks which language it is typesetting.
    """

    polytypo_tag: str  # the polytypo rules for the style: fr, fr-CA, en-US, en-GB
    quotes_from: str | None = None  # polytypo locale whose quotes to use instead (en-GB: en-US)
    dash: str = "—"  # a double hyphen polytypo left alone (``2009 --**``) becomes this
    spaced_dash: bool = True  # keep the spaces typed around that dash (« a — b ») or drop them
    magnitude_words: tuple[str, ...] = ()  # « 2 millions » may not break after the figure
    glued_percent: bool = False  # "12 %" -> "12%"
    spaced_hours: bool = False  # « 14 h 30 » with no-break spaces
    spaced_guillemets: bool = False  # a no-break space inside « », markup or not
    spaced_units: bool = False  # a no-break space before % ‰ € glued to a figure (« 12 % »)
    digit_group: str | None = None  # the space between digit groups typed with spaces
    unify_dashes: bool = False  # every dash between words becomes ``dash`` (one convention)
    ranges: bool = False  # polytypo's ``ranges`` rule: 1964–2009, pp. 34–36
    tied_units: tuple[str, ...] = ()  # symbols tied to their figure (« 5 M€ », « 100 MW »)
    single_quotes: bool = False  # 'quoted' as typed stays single (‘quoted’), not “quoted”
    ligatures: bool = False  # « oeuvre » -> « œuvre » (a house-style setting)


class LanguageRules(abc.ABC):
    """Everything pressgen knows about writing one language style.

    A rules object belongs to one :class:`~pressgen.language.locale.Locale` (``self.locale``).
    The public functions of ``pressgen.language`` check their arguments (a whole number, a
    known unit or conjunction) and format plain numbers with CLDR; what differs between
    languages is asked here. Values arrive as ``Decimal`` (see numbers.to_decimal).
    """

    # Class data of a hand-tuned style, read by locale_for before any rules object exists.
    # Generic locales take theirs from CLDR (generic.describe).
    cldr: ClassVar[str] = ""  # Babel's locale id: fr_FR, en_GB
    language: ClassVar[str] = ""  # the language subtag: fr, en
    english_name: ClassVar[str] = ""  # "French", as pressgen's messages name the language
    native_names: ClassVar[dict[str, str]] = {}  # template folder name -> "Français (Canada)"

    #: The named house style and its defaults (pressgen.language.style); None for the
    #: generic CLDR path, which has no house style to change.
    house_style: ClassVar[HouseStyle | None] = None

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    @property
    def house(self) -> HouseStyle | None:
        """The house style as this project writes it: the style's defaults with its settings."""
        style = type(self).house_style
        return style.with_settings(self.locale.settings) if style is not None else None

    # -- numbers and counted nouns ---------------------------------------------------------
    @abc.abstractmethod
    def percent(self, value: Decimal, digits: int | None) -> str:
        """A fraction as a percentage: 0.12 -> « 12 % », "12%"."""

    @abc.abstractmethod
    def is_singular(self, n: Decimal) -> bool:
        """Whether ``n`` takes a noun's ``one`` form (French 0 ≤ n < 2, English n = 1)."""

    @abc.abstractmethod
    def in_words(self, n: Decimal, exact: bool, decimals: int = 1) -> tuple[str, bool] | None:
        """(« 1,5 million », plural?) when ``n`` reads in words and figures, else None.

        ``exact``: only round values (a tenth of the magnitude, or a hundredth with
        ``decimals=2``) qualify; otherwise ``n`` is rounded to ``decimals``, moving up a
        magnitude rather than writing « 1000 millions »."""

    def spelled(self, n: Decimal, gender: str | None) -> str | None:
        """``n`` in words where the house style spells it out (« sept »), else None."""
        return None

    @abc.abstractmethod
    def noun_after_magnitude(self, words: str, noun: NounForms) -> str:
        """A counted noun after a magnitude word: « 2 millions d’abonnés », "2 million followers"."""

    # -- dates and times -------------------------------------------------------------------
    @abc.abstractmethod
    def long_date(self, d: datetime.date, weekday: bool) -> str:
        """« 1er septembre 2009 », "September 2, 2009"; with the weekday when asked."""

    @abc.abstractmethod
    def dateline(self, d: datetime.date, city: str, dash: bool) -> str:
        """The opening of a release, its dash tied by U+00A0 (« Paris, le 2 septembre 2009 — »)."""

    @abc.abstractmethod
    def duration(self, value: int, unit: str) -> str:
        """« 8 ans », "8 years"; ``unit`` is year, month, week or day."""

    @abc.abstractmethod
    def time(self, t: datetime.time) -> str:
        """A clock time: « 14 h 30 », "2:30 p.m.", "2.30pm"."""

    def moment(self, when: datetime.datetime, zone: str) -> str:
        """A date and a time with its zone's name (what an embargo line says): "9 a.m. CET,
        Nov. 15, 2016", « 15 novembre 2016 à 9 h (heure de Paris) »; CLDR's order elsewhere."""
        return f"{self.long_date(when.date(), False)} {self.time(when.time())} ({zone})"

    def zone_abbreviation(self, abbreviation: str) -> str | None:
        """A zone's abbreviation as this language writes it ("CET"), or None to name the zone
        by its city instead."""
        return abbreviation

    def zone_of_city(self, city: str) -> str:
        """A time zone named after its city: "Paris time", « heure de Paris »."""
        return city

    def elide(self, word: str, particle: str) -> str:
        """``particle`` before ``word``, elided where the language does (« d’habitants »,
        « l’hôpital », but « de hauts lieux », « le hibou »); as it is elsewhere."""
        return f"{particle} {word}"

    # -- ordinals and lists ----------------------------------------------------------------
    @abc.abstractmethod
    def ordinal(self, n: int, gender: str, html: bool) -> str:
        """« 1<sup>er</sup> », "21st", « 2. »; ``html=False`` keeps a suffix on the line."""

    #: True where « 2. » is an ordinal (German): a number's full stop ends no sentence.
    ordinal_period: ClassVar[bool] = False

    @abc.abstractmethod
    def join(self, words: list[str], conjunction: str) -> str:
        """Two or more items joined with "and" or "or": « A, B et C », "A, B, and C"."""

    # -- grammar of a subject: agreement, articles, prepositions ------------------------------
    # A name is given as running text writes it, with its article (« les Berges », "the
    # Centquatre"). Languages without these rules refuse, so a template for them says the
    # sentence its own way rather than printing a guess.
    def article_grammar(self, name: str) -> tuple[bool | None, bool | None]:
        """(feminine?, plural?) as the name's article says them; None where it says nothing."""
        return None, None

    def of_phrase(self, text: str) -> str:
        """``text`` after the language's "of": « du Vélib’ », « de la Ville », « d’arbres »."""
        raise ValueError(f"pressgen has no rule for 'of' in {self.locale.tag}: write the phrase in the template")

    def possessive(self, plural_owner: bool, feminine_thing: bool, plural_thing: bool, thing: str) -> str:
        """The possessive before ``thing``: « ses », « sa », « son » (« son école »), « leur(s) »; "its", "their"."""
        raise ValueError(f"pressgen has no possessives for {self.locale.tag}: write them in the template")

    # -- typography, the figures audit, the sentence splitter ------------------------------
    @property
    @abc.abstractmethod
    def typography(self) -> Typography | None:
        """pressgen's typography fixes, or None for polytypo's rules alone."""

    @functools.cached_property
    def typesetting(self) -> Typography | None:
        """:attr:`typography` with the house style's choices (its dash, the ligatures): what
        typography.py applies, for every block it typesets (so made once)."""
        style, house = self.typography, self.house
        if style is None or house is None:
            return style
        return dataclasses.replace(style, dash=house.dash_mark, spaced_dash=house.spaced_dash,
                                   ligatures=bool(house.ligatures))

    @property
    @abc.abstractmethod
    def polytypo_tag(self) -> str | None:
        """The polytypo locale for the language, or None if polytypo has no rules for it."""

    @property
    @abc.abstractmethod
    def reading(self) -> Reading:
        """How the figures audit reads this language."""

    # -- print -------------------------------------------------------------------------------
    #: Territories whose offices print on US Letter (CLDR's paperSize data); A4 elsewhere.
    LETTER_TERRITORIES: ClassVar[frozenset[str]] = frozenset(
        {"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "GT", "BZ", "CR", "SV", "NI", "PA", "DO"})

    @property
    def paper_size(self) -> str:
        """The page size a press office of this locale prints on: ``A4`` or ``letter``."""
        territory = self.locale.region or (self.locale.cldr.split("_")[1] if "_" in self.locale.cldr else "")
        return "letter" if territory in self.LETTER_TERRITORIES else "A4"

    #: Words that end with a full stop without ending a sentence (« M », "Sept"), compared
    #: without the stop, as written and lower-cased.
    abbreviations: ClassVar[frozenset[str]] = frozenset()
