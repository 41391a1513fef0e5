"""ordinal and and_list."""

from __future__ import annotations

import pytest

from pressgen.language import filters_for

NN = "\u202f"

ORDINAL = [
    ("fr", 1, "masculine", "1<sup>er</sup>"),
    ("fr", 1, "feminine", "1<sup>re</sup>"),
    ("fr", 2, "masculine", "2<sup>e</sup>"),
    ("fr", 2, "feminine", "2<sup>e</sup>"),
    ("fr", 21, "masculine", "21<sup>e</sup>"),
    ("fr", 1000, "masculine", f"1{NN}000<sup>e</sup>"),
    ("fr_CA", 1, "f", "1<sup>re</sup>"),
    ("en", 1, "masculine", "1st"),
    ("en", 2, "masculine", "2nd"),
    ("en", 3, "masculine", "3rd"),
    ("en", 4, "masculine", "4th"),
    ("en", 11, "masculine", "11th"),
    ("en", 12, "masculine", "12th"),
    ("en", 13, "masculine", "13th"),
    ("en", 21, "feminine", "21st"),
    ("en", 22, "masculine", "22nd"),
    ("en", 101, "masculine", "101st"),
    ("en", 111, "masculine", "111th"),
    ("en", 112, "masculine", "112th"),
    ("en_GB", 1000, "masculine", "1,000th"),
]


@pytest.mark.parametrize(("locale", "n", "gender", "expected"), ORDINAL, ids=ascii)
def test_ordinal(locale: str, n: int, gender: str, expected: str) -> None:
    result = filters_for(locale)["ordinal"](n, gender)
    assert result == expected, repr(result)


def test_ordinal_plain_for_titles() -> None:
    assert filters_for("fr")["ordinal"](1, html=False) == "1er"
    assert filters_for("fr")["ordinal"](2, "feminine", html=False) == "2e"


@pytest.mark.parametrize("n", range(1, 200))
def test_never_eme(n: int) -> None:
    result = filters_for("fr")["ordinal"](n)
    assert "ème" not in result and "nd" not in result, repr(result)


@pytest.mark.parametrize("bad", [1.5, -1, "deux"])
def test_ordinal_rejects_non_whole_numbers(bad) -> None:
    with pytest.raises((ValueError, ArithmeticError)):
        filters_for("fr")["ordinal"](bad)


def test_ordinal_rejects_unknown_gender() -> None:
    with pytest.raises(ValueError):
        filters_for("fr")["ordinal"](1, "neutral")


ITEMS = ["Facebook", "Instagram", "Snapchat"]
AND_LIST = [
    ("fr", ITEMS, "Facebook, Instagram et Snapchat"),
    ("fr_CA", ITEMS, "Facebook, Instagram et Snapchat"),
    ("en", ITEMS, "Facebook, Instagram and Snapchat"),  # AP: no serial comma
    ("en_GB", ITEMS, "Facebook, Instagram and Snapchat"),
    ("fr", ["A", "B"], "A et B"),
    ("en", ["A", "B"], "A and B"),
    ("en", ["A"], "A"),
    ("en", [], ""),
    pytest.param("en", (x for x in ["A", "B", "C", "D"]), "A, B, C and D", id="'en'-a generator-'A, B, C and D'"),
]


@pytest.mark.parametrize(("locale", "items", "expected"), AND_LIST, ids=ascii)
def test_and_list(locale: str, items, expected: str) -> None:
    result = filters_for(locale)["and_list"](items)
    assert result == expected, repr(result)


def test_or_list() -> None:
    assert filters_for("fr")["and_list"](["A", "B", "C"], conjunction="or") == "A, B ou C"
    assert filters_for("en")["and_list"](["A", "B", "C"], "or") == "A, B or C"
