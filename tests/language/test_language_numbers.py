"""number, percent, currency: exact strings per locale."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pressgen.language import filters_for

NN, NB = "\u202f", "\u00a0"

NUMBER = [
    ("fr", 8500, None, f"8{NN}500"),
    ("fr_CA", 8500, None, f"8{NB}500"),
    ("en", 8500, None, "8,500"),
    ("en_GB", 8500, None, "8,500"),
    ("fr", 1.5, None, "1,5"),
    ("en", 1.5, None, "1.5"),
    ("fr", 1234567.891, None, f"1{NN}234{NN}567,891"),
    ("fr", 999, None, "999"),
    ("fr", 1000, None, f"1{NN}000"),
    ("fr", 3, 2, "3,00"),
    ("en", 3, 2, "3.00"),
    ("fr", 2.345, 1, "2,3"),  # half-even, as Babel and ICU
    ("en", 0.1 + 0.2, None, "0.3"),
    ("fr", "8500", None, f"8{NN}500"),
    ("fr", Decimal("1E+3"), None, f"1{NN}000"),
    ("fr", -8500, None, f"-8{NN}500"),
    ("en", 0, None, "0"),
]


@pytest.mark.parametrize(("locale", "value", "digits", "expected"), NUMBER, ids=ascii)
def test_number(locale: str, value, digits, expected: str) -> None:
    result = filters_for(locale)["number"](value, digits)
    assert result == expected, repr(result)


PERCENT = [
    ("fr", 0.12, f"12{NB}%"),
    ("fr_CA", 0.12, f"12{NB}%"),
    ("en", 0.12, "12%"),
    ("en_GB", 0.12, "12%"),
    ("fr", 0.125, f"12,5{NB}%"),
    ("en", 0.07, "7%"),  # 0.07 * 100 is 7.000000000000001 in floats: must not show
    ("fr", 1, f"100{NB}%"),
    ("fr", 12.5, f"1{NN}250{NB}%"),
]


@pytest.mark.parametrize(("locale", "value", "expected"), PERCENT, ids=ascii)
def test_percent(locale: str, value, expected: str) -> None:
    result = filters_for(locale)["percent"](value)
    assert result == expected, repr(result)


def test_percent_digits() -> None:
    assert filters_for("fr")["percent"](0.12, digits=1) == f"12,0{NB}%"


CURRENCY = [
    ("fr", 1234.5, "EUR", None, f"1{NN}234,50{NB}€"),
    ("fr_CA", 1234.5, "EUR", None, f"1{NB}234,50{NB}€"),
    ("en", 1234.5, "EUR", None, "€1,234.50"),
    ("en_GB", 1234.5, "GBP", None, "£1,234.50"),
    ("en", 1234.5, "USD", None, "$1,234.50"),
    ("fr", 1234.5, "USD", None, f"1{NN}234,50{NB}$US"),
    ("fr_CA", 1234.5, "CAD", None, f"1{NB}234,50{NB}$"),
    ("fr", 2000, "EUR", 0, f"2{NN}000{NB}€"),
    ("en", 2000, "eur", 0, "€2,000"),
    ("fr", 1000, "JPY", None, f"1{NN}000{NB}JPY"),
]


@pytest.mark.parametrize(("locale", "value", "code", "digits", "expected"), CURRENCY, ids=ascii)
def test_currency(locale: str, value, code: str, digits, expected: str) -> None:
    result = filters_for(locale)["currency"](value, code, digits)
    assert result == expected, repr(result)


def test_booleans_are_not_numbers() -> None:
    with pytest.raises(TypeError):
        filters_for("fr")["number"](True)
