"""Locale: a folder name resolved once, with its names and its rules (rules/)."""

from __future__ import annotations

import dataclasses
import datetime
import subprocess
import sys

import pytest

from pressgen.language import NounForms, filters_for, locale_for, typeset_text
from pressgen.language import locale as locale_module
from pressgen.language import rules
from pressgen.language.rules.base import LanguageRules
from pressgen.language.rules.english import AmericanEnglish, BritishEnglish
from pressgen.language.rules.french import CanadianFrench, French
from pressgen.language.rules.generic import Generic

NBSP = "\u00a0"


@pytest.mark.parametrize(("tag", "cldr", "language", "region", "style", "polytypo"), [
    ("fr", "fr_FR", "fr", None, French, "fr"),
    ("fr_FR", "fr_FR", "fr", "FR", French, "fr"),
    ("fr-CA", "fr_CA", "fr", "CA", CanadianFrench, "fr-CA"),
    ("en", "en_US", "en", None, AmericanEnglish, "en-US"),
    ("en_US", "en_US", "en", "US", AmericanEnglish, "en-US"),
    ("en_GB", "en_GB", "en", "GB", BritishEnglish, "en-GB"),
    ("de", "de", "de", None, Generic, "de-DE"),
    ("pt_BR", "pt_BR", "pt", "BR", Generic, "pt-BR"),
])
def test_attributes(tag: str, cldr: str, language: str, region: str | None, style: type,
                    polytypo: str) -> None:
    locale = locale_for(tag)
    assert (locale.cldr, locale.language, locale.region) == (cldr, language, region)
    assert type(locale.rules) is style and isinstance(locale.rules, LanguageRules)
    assert locale.tuned is (style is not Generic)
    assert locale.polytypo_tag == polytypo
    assert locale.html_lang == locale.tag.replace("_", "-")
    assert locale_for(locale) is locale and locale_for(tag) is locale


@pytest.mark.parametrize("tag", [*rules.TUNED, "de", "pt_BR", "ja"])
def test_native_names_are_cldr_display_names_capitalised(tag: str) -> None:
    """What the language links said when they asked Babel; the tuned ones are written down
    so that resolving them stays free of Babel."""
    from babel import Locale as BabelLocale

    name = BabelLocale.parse(tag).get_display_name(tag)
    assert locale_for(tag).native_name == name[:1].upper() + name[1:]


@pytest.mark.parametrize(("tag", "region"), [
    ("de_CH", "CH"), ("es_419", "419"), ("zh_Hant", None), ("sr_Latn_RS", "RS"),
])
def test_a_script_is_not_a_region(tag: str, region: str | None) -> None:
    assert locale_for(tag).region == region


@pytest.mark.parametrize(("tag", "name"), [
    ("fr", "French"), ("fr_CA", "French"), ("en_GB", "English"), ("de", "German"),
    ("nl", "Dutch"), ("pt_BR", "Portuguese"), ("ja", "Japanese"),
])
def test_english_names(tag: str, name: str) -> None:
    assert locale_for(tag).english_name == name


def test_tuned_names_resolve_without_babel_or_polytypo() -> None:
    code = (
        "import sys; from pressgen.language import locale_for;"
        "l = locale_for('fr_CA'); l.rules; l.polytypo_tag; l.native_name;"
        "bad = [m for m in ('babel', 'polytypo') if m in sys.modules]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_tuned_variant_is_one_subclass_and_one_line_in_the_registry(monkeypatch) -> None:
    """What rules/__init__.py tells a contributor adding fr_BE, done here for real."""

    class BelgianFrench(French):
        cldr = "fr_BE"
        native_names = {"fr_BE": "Français (Belgique)"}
        typography = dataclasses.replace(French.typography, digit_group=NBSP)

    with pytest.raises(ValueError, match="hand-tuned"):
        locale_for("fr_BE")
    monkeypatch.setitem(rules.TUNED, "fr_BE", BelgianFrench)
    locale_module._resolve.cache_clear()
    try:
        locale = locale_for("fr_BE")
        assert locale.tuned and locale.native_name == "Français (Belgique)"
        f = filters_for(locale)
        assert f["count"](2_000_000, NounForms("abonné", "abonnés")) == f"2{NBSP}millions d’abonnés"
        assert f["long_date"](datetime.date(2009, 9, 1)) == f"1er{NBSP}septembre{NBSP}2009"
        assert typeset_text("1 000 000 de vues", "fr_BE") == f"1{NBSP}000{NBSP}000 de vues"
    finally:
        monkeypatch.undo()
        locale_module._resolve.cache_clear()
    with pytest.raises(ValueError, match="hand-tuned"):
        locale_for("fr_BE")
