"""The languages pressgen writes: one module per press style, behind one interface.

base.py is the interface (:class:`~pressgen.language.rules.base.LanguageRules`); french.py
(fr, fr_FR, and fr_CA as a variant) and english.py (AP American en/en_US, British en_GB) are
the hand-tuned styles, sharing the table-driven mechanics of press.py; generic.py is the CLDR
path for every other language Babel knows. No module outside this package tests which
language it is writing (tests/language/test_language_rules_boundary.py checks it).

Adding a hand-tuned regional variant, say Belgian French (``fr_BE``):

1. In french.py, subclass the nearest style and override only what differs, e.g.::

       class BelgianFrench(French):
           cldr = "fr_BE"
           native_names = {"fr_BE": "Français (Belgique)"}
           typography = dataclasses.replace(French.typography, digit_group=NBSP)

   (``en_CA`` likewise in english.py, from ``AmericanEnglish``.) Every method not overridden
   (dates, counts, ordinals, lists, the audit's reading, abbreviations) is inherited, and so
   is the house style (``house_style``, a :class:`~pressgen.language.style.HouseStyle`):
   ``house_style = dataclasses.replace(French.house_style, name=…, dash="en dash")`` changes
   its defaults, which a project's ``style:`` changes in turn.
2. Register it in :data:`TUNED` below: ``"fr_BE": BelgianFrench``. From then on ``fr_BE`` is
   no longer refused as "another French region", and ``<span lang="fr-BE">`` uses it.
3. Add ``templates/fr_BE/`` and put ``fr_BE`` under ``locales`` in milestones.yaml.

A new language with its own hand-tuned style is a new module with a subclass of
:class:`~pressgen.language.rules.press.PressRules` (or of ``LanguageRules``), registered here.
"""

from __future__ import annotations

from pressgen.language.rules.base import LanguageRules
from pressgen.language.rules.english import AmericanEnglish, BritishEnglish
from pressgen.language.rules.french import CanadianFrench, French

# Template folder name -> hand-tuned style. Outputs of these are reviewed by hand.
TUNED: dict[str, type[LanguageRules]] = {
    "fr": French,
    "fr_FR": French,
    "fr_CA": CanadianFrench,
    "en": AmericanEnglish,
    "en_US": AmericanEnglish,
    "en_GB": BritishEnglish,
}


def tuned_languages() -> tuple[str, ...]:
    """The languages with a hand-tuned style (fr, en), in the order of :data:`TUNED`."""
    return tuple(dict.fromkeys(style.language for style in TUNED.values()))


def tuned_language_names() -> str:
    """"French and English": the tuned languages as a message names them."""
    names = list(dict.fromkeys(style.english_name for style in TUNED.values()))
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def tuned_tag_for(language: str, region: str) -> str | None:
    """The tuned template folder name for a language and region (from a ``lang`` attribute):
    the exact one (``fr_CA``), else the language's own (``fr`` for ``fr-BE``), else None."""
    for key in (f"{language}_{region}", language):
        if key in TUNED:
            return key
    return None


def abbreviations(own: LanguageRules | None = None) -> frozenset[str]:
    """Words that never end a sentence before their full stop: those of every tuned style (a
    French release quotes "Mr. Smith", an English one « M. Dupont »), plus ``own``'s."""
    words = frozenset().union(*(style.abbreviations for style in TUNED.values()))
    return words | own.abbreviations if own is not None else words
