"""count and compact: counted nouns in figures or in words-and-figures, never « 1 millions »."""

from __future__ import annotations

import pytest

from pressgen.language import NounForms, filters_for
from pressgen.language.rules.french import elides

NN, NB = "\u202f", "\u00a0"
ABONNE = NounForms("abonné", "abonnés")
VUE = NounForms("vue", "vues")
HEROS = NounForms("héros", "héros")
HABITANT = NounForms("habitant", "habitants")
HASHTAG = NounForms("hashtag", "hashtags", elide=False)
YAOURT = NounForms("yaourt", "yaourts")
FOLLOWER = NounForms("follower", "followers")
VIEW = NounForms("view", "views")

COUNT = [
    ("fr", 1, ABONNE, f"1{NB}abonné"),
    ("fr", 0, ABONNE, f"0{NB}abonné"),
    ("fr", 1.5, ABONNE, f"1,5{NB}abonné"),
    # One to nine in words (the house styles); French « un »/« une » needs the noun's gender.
    ("fr", 2, ABONNE, "deux abonnés"),
    ("fr", 1, NounForms("personne", "personnes", gender="feminine"), "une personne"),
    ("fr", 1, NounForms("abonné", "abonnés", gender="masculine"), "un abonné"),
    ("fr", 9, ABONNE, "neuf abonnés"),
    ("fr", 10, ABONNE, f"10{NB}abonnés"),
    ("fr", 169_000, ABONNE, f"169{NN}000{NB}abonnés"),
    ("fr_CA", 169_000, ABONNE, f"169{NB}000{NB}abonnés"),
    ("fr", 999_999, ABONNE, f"999{NN}999{NB}abonnés"),
    ("fr", 1_000_000, ABONNE, f"1{NB}million d’abonnés"),
    ("fr", 1_500_000, ABONNE, f"1,5{NB}million d’abonnés"),
    ("fr", 2_000_000, ABONNE, f"2{NB}millions d’abonnés"),
    ("fr", 1_234_567, ABONNE, f"1{NN}234{NN}567{NB}abonnés"),
    ("fr", 3_000_000_000, VUE, f"3{NB}milliards de vues"),
    ("fr", 1_000_000_000, VUE, f"1{NB}milliard de vues"),
    ("fr", 2_300_000_000, VUE, f"2,3{NB}milliards de vues"),
    ("fr", 10**12, VUE, f"1{NN}000{NB}milliards de vues"),
    ("fr", 2_000_000, HEROS, f"2{NB}millions de héros"),
    ("fr", 2_000_000, HABITANT, f"2{NB}millions d’habitants"),
    ("fr", 2_000_000, HASHTAG, f"2{NB}millions de hashtags"),
    ("fr", 2_000_000, YAOURT, f"2{NB}millions de yaourts"),
    ("en", 1, FOLLOWER, "one follower"),
    ("en", 0, FOLLOWER, f"0{NB}followers"),
    ("en", 1.0, FOLLOWER, "one follower"),
    ("en", 1.5, FOLLOWER, f"1.5{NB}followers"),
    ("en", 2, FOLLOWER, "two followers"),
    ("en", 12, FOLLOWER, f"12{NB}followers"),
    ("en", 169_000, FOLLOWER, f"169,000{NB}followers"),
    ("en", 1_000_000, FOLLOWER, f"1{NB}million followers"),
    ("en", 2_000_000, FOLLOWER, f"2{NB}million followers"),
    ("en_GB", 1_500_000, FOLLOWER, f"1.5{NB}million followers"),
    ("en", 3_000_000_000, VIEW, f"3{NB}billion views"),
    ("en", 10**12, VIEW, f"1{NB}trillion views"),
    ("en", 1_234_567, VIEW, f"1,234,567{NB}views"),
]


@pytest.mark.parametrize(("locale", "n", "noun", "expected"), COUNT, ids=ascii)
def test_count(locale: str, n, noun: NounForms, expected: str) -> None:
    result = filters_for(locale)["count"](n, noun)
    assert result == expected, repr(result)


@pytest.mark.parametrize(
    ("locale", "n", "words_from", "expected"),
    [
        ("fr", 2_000_000, 10**9, f"2{NN}000{NN}000{NB}abonnés"),
        ("fr", 2_000_000, 2_000_000, f"2{NB}millions d’abonnés"),
        ("fr", 169_000, 1000, f"169{NN}000{NB}abonnés"),  # thousands never read in words
        ("en", 2_000_000, 10**9, f"2,000,000{NB}followers"),
    ],
    ids=ascii,
)
def test_count_threshold_is_a_template_choice(locale: str, n, words_from, expected: str) -> None:
    noun = ABONNE if locale == "fr" else FOLLOWER
    result = filters_for(locale)["count"](n, noun, words_from=words_from)
    assert result == expected, repr(result)


@pytest.mark.parametrize("n", [1_000_000, 1_000_000_000, 1_100_000, 1_900_000])
def test_never_one_millions(n: int) -> None:
    result = filters_for("fr")["count"](n, ABONNE)
    assert "millions" not in result and "milliards" not in result, repr(result)


COMPACT = [
    ("fr", 2_000_000, f"2{NB}millions"),
    ("fr", 1_000_000, f"1{NB}million"),
    ("fr", 1_234_567, f"1,2{NB}million"),
    ("fr", 1_960_000, f"2{NB}millions"),
    ("fr", 999_999, f"999{NN}999"),
    ("fr", 999_999_999, f"1{NB}milliard"),  # never « 1000 millions »
    ("fr", 999_960_000, f"1{NB}milliard"),
    ("fr", 10**12, f"1{NN}000{NB}milliards"),
    ("fr_CA", 10**12, f"1{NB}000{NB}milliards"),
    ("en", 2_000_000, f"2{NB}million"),
    ("en", 999_999, "999,999"),  # never "1000 thousand"
    ("en", 999_999_999, f"1{NB}billion"),
    ("en_GB", 1_234_567, f"1.2{NB}million"),
    ("en", 999_999_999_999, f"1{NB}trillion"),
]


@pytest.mark.parametrize(("locale", "n", "expected"), COMPACT, ids=ascii)
def test_compact(locale: str, n: int, expected: str) -> None:
    result = filters_for(locale)["compact"](n)
    assert result == expected, repr(result)


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        (NounForms("abonné", "abonnés"), True),
        (NounForms("écran", "écrans"), True),
        (NounForms("utilisateur", "utilisateurs"), True),
        (NounForms("œuvre", "œuvres"), True),
        (NounForms("Instagrameur", "Instagrameurs"), True),
        (NounForms("habitant", "habitants"), True),
        (NounForms("heure", "heures"), True),
        (NounForms("héros", "héros"), False),
        (NounForms("hausse", "hausses"), False),
        (NounForms("vue", "vues"), False),
        (NounForms("yaourt", "yaourts"), False),
        (NounForms("iPhone", "iPhone", elide=False), False),
        (NounForms("youtubeur", "youtubeurs", elide=True), True),
    ],
    ids=ascii,
)
def test_elision(noun: NounForms, expected: bool) -> None:
    assert elides(noun) is expected


# --- compared: a list of figures in one form ------------------------------------------------

def test_compared_figures_share_one_form() -> None:
    f = filters_for("fr")
    peers = [1_250_000, 2_100_000]
    # Both read exactly in words and figures: both are written so.
    assert [f["compared"](n, peers, ABONNE) for n in peers] == [
        f"1,25{NB}million d’abonnés", f"2,1{NB}millions d’abonnés"]
    # One of them does not (444 000): all in full figures, never a mix.
    peers = [2_100_000, 444_000]
    assert [f["compared"](n, peers, ABONNE) for n in peers] == [
        f"2{NN}100{NN}000{NB}abonnés", f"444{NN}000{NB}abonnés"]
    e = filters_for("en")
    assert [e["compared"](n, [1_250_000, 2_100_000], FOLLOWER) for n in (1_250_000, 2_100_000)] == [
        f"1.25{NB}million followers", f"2.1{NB}million followers"]


def test_compared_form_can_be_chosen() -> None:
    f = filters_for("fr")
    assert f["compared"](2_000_000, [2_000_000], ABONNE, form="figures") == f"2{NN}000{NN}000{NB}abonnés"
    assert f["compared"](1_234_567, [1_234_567], ABONNE, form="words") == f"1,23{NB}million d’abonnés"
    assert f["compared"](444_000, [2_000_000], ABONNE, form="words") == f"444{NN}000{NB}abonnés"
    with pytest.raises(ValueError):
        f["compared"](1, [1], ABONNE, form="mixed")


def test_compared_writes_small_figures_in_figures() -> None:
    """Compared figures stay figures, even below the house style's spelling threshold."""
    assert filters_for("en")["compared"](7, [7, 15_300], FOLLOWER) == f"7{NB}followers"
