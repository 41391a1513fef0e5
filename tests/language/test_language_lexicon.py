"""French elision from a lexicon (rules/french_lexicon.py), not from the first letter alone."""

from __future__ import annotations

import pytest

from pressgen.language import NounForms, filters_for
from pressgen.language.rules.french import elides
from pressgen.language.rules.french_lexicon import H_ASPIRE, NOT_ELIDED, elides_before

NB = "\u00a0"

DE = [
    # h aspiré: « de », even in a plural or a compound
    ("hauts lieux", "de hauts lieux"), ("héros", "de héros"), ("hérissons", "de hérissons"),
    ("haricots", "de haricots"), ("hamburgers", "de hamburgers"), ("hot-dogs", "de hot-dogs"),
    ("haut-parleurs", "de haut-parleurs"), ("handicapés", "de handicapés"),
    # h muet: « d’ », including words an h-prefix list got wrong (hall… / hallucinations)
    ("habitants", "d’habitants"), ("hôtels", "d’hôtels"), ("hallucinations", "d’hallucinations"),
    ("héroïnes", "d’héroïnes"), ("heures", "d’heures"), ("hommes", "d’hommes"),
    # vowels that do not elide, y as a consonant or a vowel
    ("onze", "de onze"), ("oui", "de oui"), ("ouistitis", "de ouistitis"), ("uhlans", "de uhlans"),
    ("yaourts", "de yaourts"), ("yachts", "de yachts"), ("yeux", "d’yeux"), ("ypérite", "d’ypérite"),
    ("ouate", "d’ouate"), ("abonnés", "d’abonnés"), ("œuvres", "d’œuvres"), ("Élysée", "d’Élysée"),
    ("vues", "de vues"),
]


@pytest.mark.parametrize(("word", "expected"), DE, ids=[w for w, _ in DE])
def test_de(word: str, expected: str) -> None:
    assert filters_for("fr")["elide"](word, "de") == expected


@pytest.mark.parametrize(("word", "particle", "expected"), [
    ("hibou", "le", "le hibou"), ("hôpital", "le", "l’hôpital"), ("hache", "la", "la hache"),
    ("heure", "la", "l’heure"), ("onze", "le", "le onze"), ("yacht", "le", "le yacht"),
    ("ouate", "la", "l’ouate"), ("hasard", "le", "le hasard"), ("histoire", "la", "l’histoire"),
])
def test_le_la(word: str, particle: str, expected: str) -> None:
    assert filters_for("fr")["elide"](word, particle) == expected


def test_counts_use_the_lexicon_and_the_override_wins() -> None:
    f = filters_for("fr")
    assert f["count"](2_000_000, NounForms("haut lieu", "hauts lieux")) == f"2{NB}millions de hauts lieux"
    assert f["count"](2_000_000, NounForms("hôtel", "hôtels")) == f"2{NB}millions d’hôtels"
    assert f["count"](2_000_000, NounForms("yaourt", "yaourts")) == f"2{NB}millions de yaourts"
    # The noun's own elide: wins over the lexicon either way.
    assert f["count"](2_000_000, NounForms("hashtag", "hashtags", elide=False)) == f"2{NB}millions de hashtags"
    assert f["count"](2_000_000, NounForms("héros", "héros", elide=True)) == f"2{NB}millions d’héros"
    assert elides(NounForms("x", "yeux")) and not elides(NounForms("x", "onzièmes"))


def test_the_lexicon_holds_words_not_prefixes() -> None:
    # « hall » is aspiré, « hallucination » is not: whole words, with their plurals only.
    assert "hall" in H_ASPIRE and not elides_before("halls") and elides_before("hallucinations")
    assert NOT_ELIDED.isdisjoint(H_ASPIRE)


def test_english_leaves_the_particle_alone() -> None:
    assert filters_for("en")["elide"]("hour", "the") == "the hour"
