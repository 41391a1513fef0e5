"""Locales on the generic path (CLDR through Babel, polytypo for typography): de, es, it, nl.

Exact strings, repr-visible: U+00A0 ties a figure to its word, as in French and English.
icu_oracle.py compares the same filters with ICU for de, es, it, nl and pt_BR; this file pins
what a reader sees, the refusals, and one whole build with a German templates folder.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import add_german, copy_example
from pressgen.language import NounForms, filters_for, typeset_markdown, typeset_text
from pressgen.language.locales import is_supported, is_tuned, polytypo_tag, resolve

NBSP = "\u00a0"

FOLLOWER = {
    "de": NounForms("Follower", "Follower"),
    "es": NounForms("seguidor", "seguidores"),
    "it": NounForms("follower", "follower"),
    "nl": NounForms("volger", "volgers"),
}
SEPT_2 = datetime.date(2009, 9, 2)

# (locale, filter, args, kwargs, expected)
CASES: list[tuple[str, str, tuple, dict, str]] = [
    # number, percent, currency: CLDR symbols and patterns as they are.
    ("de", "number", (8500,), {}, "8.500"),
    ("de", "number", (3,), {"digits": 2}, "3,00"),
    ("es", "number", (1234567.891,), {}, "1.234.567,891"),
    ("it", "number", (1.5,), {}, "1,5"),
    ("nl", "number", (-8500,), {}, "-8.500"),
    ("de", "percent", (0.12,), {}, "12\u00a0%"),
    ("de", "percent", (0.125,), {"digits": 2}, "12,50\u00a0%"),
    ("es", "percent", (0.12,), {}, "12\u00a0%"),
    ("it", "percent", (0.125,), {}, "12,5%"),
    ("nl", "percent", (1,), {}, "100%"),
    ("de", "currency", (1234.5, "EUR"), {}, "1.234,50\u00a0€"),
    ("de", "currency", (2000, "EUR", 0), {}, "2.000\u00a0€"),
    ("es", "currency", (1234.5, "USD"), {}, "1.234,50\u00a0US$"),
    ("it", "currency", (1234.5, "EUR"), {}, "1.234,50\u00a0€"),
    ("nl", "currency", (1234.5, "EUR"), {}, "€\u00a01.234,50"),
    # count: CLDR plural rules for the noun, compact long patterns for round millions.
    ("de", "count", (0, FOLLOWER["de"]), {}, "0\u00a0Follower"),
    ("de", "count", (1, FOLLOWER["de"]), {}, "1\u00a0Follower"),
    ("de", "count", (169_000, FOLLOWER["de"]), {}, "169.000\u00a0Follower"),
    ("de", "count", (1_000_000, FOLLOWER["de"]), {}, "1\u00a0Million Follower"),
    ("de", "count", (1_500_000, FOLLOWER["de"]), {}, "1,5\u00a0Millionen Follower"),
    ("de", "count", (2_000_000, FOLLOWER["de"]), {}, "2\u00a0Millionen Follower"),
    ("de", "count", (10**9, FOLLOWER["de"]), {}, "1\u00a0Milliarde Follower"),
    ("de", "count", (3 * 10**9, FOLLOWER["de"]), {}, "3\u00a0Milliarden Follower"),
    ("de", "count", (1_234_567, FOLLOWER["de"]), {}, "1.234.567\u00a0Follower"),
    ("de", "count", (2_000_000, FOLLOWER["de"]), {"words_from": 10**9},
     "2.000.000\u00a0Follower"),
    ("es", "count", (0, FOLLOWER["es"]), {}, "0\u00a0seguidores"),
    ("es", "count", (1, FOLLOWER["es"]), {}, "1\u00a0seguidor"),
    ("es", "count", (1.5, FOLLOWER["es"]), {}, "1,5\u00a0seguidores"),
    ("es", "count", (1_000_000, FOLLOWER["es"]), {}, "1\u00a0millón de seguidores"),
    ("es", "count", (2_000_000, FOLLOWER["es"]), {}, "2\u00a0millones de seguidores"),
    ("es", "count", (3 * 10**9, FOLLOWER["es"]), {}, "3\u00a0mil millones de seguidores"),
    ("es", "count", (1_000_000, FOLLOWER["es"]), {"words_from": 10**9},
     "1.000.000\u00a0seguidores"),
    ("it", "count", (1, FOLLOWER["it"]), {}, "1\u00a0follower"),
    ("it", "count", (1_000_000, FOLLOWER["it"]), {}, "1\u00a0milione di follower"),
    ("it", "count", (2_000_000, FOLLOWER["it"]), {}, "2\u00a0milioni di follower"),
    ("it", "count", (10**9, FOLLOWER["it"]), {}, "1\u00a0miliardo di follower"),
    ("nl", "count", (1, FOLLOWER["nl"]), {}, "1\u00a0volger"),
    ("nl", "count", (2, FOLLOWER["nl"]), {}, "2\u00a0volgers"),
    ("nl", "count", (2_000_000, FOLLOWER["nl"]), {}, "2\u00a0miljoen volgers"),
    # compact: never "1000 Tausend", never rounded up to a million.
    ("de", "compact", (999_999,), {}, "999.999"),
    ("de", "compact", (1_000_000,), {}, "1\u00a0Million"),
    ("de", "compact", (1_234_567,), {}, "1,2\u00a0Millionen"),
    ("de", "compact", (999_999_999,), {}, "1\u00a0Milliarde"),
    ("es", "compact", (2_000_000,), {}, "2\u00a0millones"),
    ("es", "compact", (999_999_999,), {}, "1\u00a0mil millones"),
    ("it", "compact", (1_500_000,), {}, "1,5\u00a0milioni"),
    ("nl", "compact", (12_000_000,), {}, "12\u00a0miljoen"),
    # dates and times: CLDR's long, full and short patterns; U+00A0 after a day's period.
    ("de", "long_date", (SEPT_2,), {}, "2.\u00a0September 2009"),
    ("de", "long_date", (SEPT_2,), {"weekday": True}, "Mittwoch, 2.\u00a0September 2009"),
    ("es", "long_date", (SEPT_2,), {}, "2 de septiembre de 2009"),
    ("es", "long_date", (SEPT_2,), {"weekday": True}, "miércoles, 2 de septiembre de 2009"),
    ("it", "long_date", (datetime.date(2009, 9, 1),), {}, "1 settembre 2009"),
    ("it", "long_date", (SEPT_2,), {"weekday": True}, "mercoledì 2 settembre 2009"),
    ("nl", "long_date", (SEPT_2,), {}, "2 september 2009"),
    # dateline: polytypo's parenthetical dash for the language (en dash in de and nl, em dash
    # in it; es has none, so the em dash).
    ("de", "dateline", (SEPT_2, "Berlin"), {}, "Berlin, 2.\u00a0September 2009\u00a0– "),
    ("de", "dateline", (SEPT_2, "Berlin"), {"dash": False}, "Berlin, 2.\u00a0September 2009"),
    ("es", "dateline", (SEPT_2, "Madrid"), {}, "Madrid, 2 de septiembre de 2009\u00a0— "),
    ("it", "dateline", (SEPT_2, "Roma"), {}, "Roma, 2 settembre 2009\u00a0— "),
    ("nl", "dateline", (SEPT_2, "Amsterdam"), {}, "Amsterdam, 2 september 2009\u00a0– "),
    ("de", "time", (datetime.time(14, 30),), {}, "14:30"),
    ("de", "time", (datetime.time(9, 5),), {}, "09:05"),
    ("es", "time", (datetime.time(9, 5),), {}, "9:05"),
    ("it", "time", (datetime.time(12, 0),), {}, "12:00"),
    ("de", "duration", (8, "year"), {}, "8\u00a0Jahre"),
    ("de", "duration", (1, "year"), {}, "1\u00a0Jahr"),
    ("de", "duration", (3, "months"), {}, "3\u00a0Monate"),
    ("es", "duration", (1, "day"), {}, "1\u00a0día"),
    ("es", "duration", (2, "week"), {}, "2\u00a0semanas"),
    # Italian keeps its long year pattern where CLDR inherits it (from the short one).
    ("it", "duration", (8, "year"), {}, "8\u00a0anni"),
    ("it", "duration", (1, "year"), {}, "1\u00a0anno"),
    ("nl", "duration", (8, "year"), {}, "8\u00a0jaar"),
    # ordinal: a short table of suffixes (ICU agrees, see icu_oracle.py).
    ("de", "ordinal", (2,), {}, "2."),
    ("de", "ordinal", (1000,), {}, "1.000."),
    ("es", "ordinal", (1,), {}, "1.º"),
    ("es", "ordinal", (1, "feminine"), {}, "1.ª"),
    ("it", "ordinal", (2,), {}, "2º"),
    ("it", "ordinal", (2, "feminine"), {"html": False}, "2ª"),
    ("nl", "ordinal", (21,), {}, "21e"),
    # and_list: CLDR list patterns.
    ("de", "and_list", (["Facebook", "Instagram", "Snapchat"],), {},
     "Facebook, Instagram und Snapchat"),
    ("de", "and_list", (["A", "B"],), {}, "A und B"),
    ("de", "and_list", (["A", "B", "C"], "or"), {}, "A, B oder C"),
    ("es", "and_list", (["Facebook", "Instagram", "Snapchat"],), {},
     "Facebook, Instagram y Snapchat"),
    ("es", "and_list", (["A", "B", "C"], "or"), {}, "A, B o C"),
    ("it", "and_list", (["A", "B", "C"],), {}, "A, B e C"),
    ("nl", "and_list", (["A", "B", "C"],), {}, "A, B en C"),
    ("nl", "and_list", ([],), {}, ""),
]


@pytest.mark.parametrize(("locale", "name", "args", "kwargs", "expected"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_generic_filter(locale: str, name: str, args: tuple, kwargs: dict, expected: str) -> None:
    assert filters_for(locale)[name](*args, **kwargs) == expected


def test_plural_categories_beyond_one_and_other_use_other() -> None:
    """Polish has one/few/many/other: the noun takes ``other`` for all but one (documented
    approximation), while CLDR's magnitude word still follows the category."""
    noun = NounForms("obserwujący", "obserwujących")
    f = filters_for("pl")
    assert f["count"](1, noun) == "1\u00a0obserwujący"
    assert f["count"](2, noun) == "2\u00a0obserwujących"
    assert f["count"](5, noun) == "5\u00a0obserwujących"
    assert f["compact"](2_000_000) == "2\u00a0miliony"
    assert f["compact"](5_000_000) == "5\u00a0milionów"


def test_languages_without_compact_long_data_inherit_the_short_one() -> None:
    """ja has no long compact patterns in CLDR: they inherit the short ones (as in ICU)."""
    assert filters_for("ja")["compact"](2_000_000) == "200万"
    assert filters_for("ja")["compact"](999_999) == "999,999"


def test_ordinal_without_a_rule_raises_a_clear_error() -> None:
    with pytest.raises(ValueError, match="the ordinal filter has no rule for 'ru'"):
        filters_for("ru")["ordinal"](2)
    with pytest.raises(ValueError, match="gender"):
        filters_for("es")["ordinal"](2, "neuter")


def test_unknown_duration_unit_and_conjunction_still_raise() -> None:
    with pytest.raises(ValueError, match="unknown duration unit"):
        filters_for("de")["duration"](2, "hour")
    with pytest.raises(ValueError, match="conjunction"):
        filters_for("de")["and_list"](["A", "B"], "but")


# --- which names resolve --------------------------------------------------------------------

@pytest.mark.parametrize(("name", "cldr"), [
    ("de", "de"), ("de_CH", "de_CH"), ("de-CH", "de_CH"), ("es", "es"), ("it", "it"),
    ("nl", "nl"), ("pt_BR", "pt_BR"), ("pt-BR", "pt_BR"), ("ja", "ja"),
    ("fr", "fr_FR"), ("fr_CA", "fr_CA"), ("en", "en_US"), ("en_GB", "en_GB"),
])
def test_resolve(name: str, cldr: str) -> None:
    assert resolve(name) == cldr
    assert is_supported(name)


@pytest.mark.parametrize("name", ["xx", "de_XX", "und", "root", "", "deutsch"])
def test_unknown_locale_raises_a_clear_value_error(name: str) -> None:
    with pytest.raises(ValueError, match=r"unknown locale .*not a CLDR locale"):
        resolve(name)
    with pytest.raises(ValueError):
        filters_for(name)
    assert not is_supported(name)


@pytest.mark.parametrize("name", ["fr_BE", "fr_CH", "en_AU", "en_IE"])
def test_other_french_and_english_regions_are_refused_not_generic(name: str) -> None:
    """The generic path would print worse French or English than the tuned one (no « de »
    before the noun, no « 1er », "billion"): a clear error is better than two grades."""
    with pytest.raises(ValueError, match="hand-tuned"):
        resolve(name)
    assert not is_supported(name)


def test_tuned_and_generic() -> None:
    assert is_tuned("fr_CA") and is_tuned("en")
    assert not is_tuned("de") and not is_tuned("pt_BR")


@pytest.mark.subprocess
def test_is_supported_does_not_import_babel_for_tuned_names() -> None:
    code = (
        "import sys; from pressgen.language.locales import is_supported;"
        "assert is_supported('fr_CA') and is_supported('en');"
        "sys.exit(1 if 'babel' in sys.modules else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(("name", "tag"), [
    ("de", "de-DE"), ("de_AT", "de-DE"), ("de_CH", "de-CH"), ("es", "es"), ("es_MX", "es"),
    ("pt", "pt-PT"), ("pt_BR", "pt-BR"), ("nl", "nl"), ("ja", None), ("da", None),
])
def test_polytypo_tag(name: str, tag: str | None) -> None:
    assert polytypo_tag(name) == tag


# --- typography -----------------------------------------------------------------------------

TYPOGRAPHY = [
    ("de", 'Er sagte: "Das ist toll..." -- und ging.',
     "Er sagte: „Das ist toll…“ – und ging."),
    ("de", "Siehe https://x.de/a--b und @Paris, #1millionParis, jean--luc@x.fr.",
     "Siehe https://x.de/a--b und @Paris, #1millionParis, jean--luc@x.fr."),
    ("es", 'Dijo: "Es genial..." y se fue.', "Dijo: «Es genial…» y se fue."),
    ("it", "Ha detto: \"È l'anno...\" -- poi.", "Ha detto: «È l’anno…» — poi."),
    ("it", 'Poi <span lang="en">"It\'s fine"</span>.', 'Poi <span lang="en">“It’s fine”</span>.'),
    ("nl", 'Hij zei: "Mooi..." -- ja.', "Hij zei: “Mooi…” – ja."),
    # polytypo has no rules for Japanese or Danish: the prose is left exactly as typed.
    ("ja", '彼は"こんにちは..."と言った -- https://x.jp/a--b',
     '彼は"こんにちは..."と言った -- https://x.jp/a--b'),
    ("da", 'Han sagde: "Godt..." -- ja.', 'Han sagde: "Godt..." -- ja.'),
    # ... but a quote in a language pressgen typesets is still typeset by its own rules.
    ("da", 'Han sagde <span lang="fr">"Bonjour !"</span>.',
     'Han sagde <span lang="fr">«\u00a0Bonjour\u202f!\u00a0»</span>.'),
]


@pytest.mark.parametrize(("locale", "typed", "expected"), TYPOGRAPHY)
def test_generic_typography(locale: str, typed: str, expected: str) -> None:
    once = typeset_markdown(typed, locale)
    assert once == expected
    assert typeset_markdown(once, locale) == once
    text = typeset_text(typed, locale)
    assert typeset_text(text, locale) == text


def test_typeset_filter_in_a_generic_locale() -> None:
    assert filters_for("de")["typeset"]('"Hallo"') == "„Hallo“"


def test_filter_output_survives_typesetting() -> None:
    """What the filters print is already typeset: the typography pass changes nothing."""
    f = filters_for("de")
    line = (f"{f['dateline'](SEPT_2, 'Berlin')}{f['count'](2_000_000, FOLLOWER['de'])}, "
            f"{f['percent'](0.12)}, {f['duration'](8, 'year')}, {f['currency'](2000, 'EUR', 0)}.")
    assert typeset_markdown(line, "de") == line


# --- a whole build with a German templates folder -------------------------------------------

def test_build_with_a_german_templates_folder(tmp_path: Path) -> None:
    from pressgen.cli import main

    project = add_german(copy_example(tmp_path / "project"))

    assert main(["--project", str(project), "build"]) == 0

    md = (project / "out" / "paris-2-millions" / "de.md").read_text(encoding="utf-8")
    html = (project / "out" / "paris-2-millions" / "de.html").read_text(encoding="utf-8")
    assert "zählt jetzt 2\u00a0Millionen Follower." in md
    assert "Paris, 11.\u00a0April 2017\u00a0– @Paris" in md
    assert "erschien am 2.\u00a0September 2009; seitdem" in md
    assert "über 7\u00a0Jahre hinweg" in md
    # German quotes from polytypo; the English first post keeps its own language in a span.
    assert "„<span lang=\"en\">Preparing nuit blanche 2009</span>“" in md
    assert '<html lang="de">' in html
    # The French and English releases are still the committed golden files, byte for byte.
    for name in ("fr.md", "en.md"):  # the HTML pages now link to the German one too
        built = (project / "out" / "paris-2-millions" / name).read_bytes()
        golden = (Path(__file__).resolve().parents[2] / "out" / "paris-2-millions" / name)
        assert built == golden.read_bytes(), name
