"""The bilingual figures audit: the French and English releases state the same figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from helpers import add_german, edit_source as edit
from pressgen.checks.audit import compare, figures
from pressgen.cli import cli


def values(text: str, locale: str) -> list[tuple[Decimal, bool]]:
    return [f.key for f in figures(text, locale)]


@pytest.mark.parametrize("text, locale, expected", [
    ("environ 8\u202f500 sollicitations", "fr", [(Decimal(8500), False)]),
    ("environ 8\u00a0500 et 8 500", "fr", [(Decimal(8500), False)] * 2),
    ("about 8,500 questions", "en", [(Decimal(8500), False)]),
    ("1,5 million", "fr", [(Decimal(1500000), False)]),
    ("1.5 million", "en", [(Decimal(1500000), False)]),
    ("2 millions d’abonnés", "fr", [(Decimal(2000000), False)]),
    ("nos deux millions d’abonnés", "fr", [(Decimal(2000000), False)]),
    ("our two million followers", "en", [(Decimal(2000000), False)]),
    ("12\u00a0% des Parisiens", "fr", [(Decimal(12), True)]),
    ("12% of Parisians", "en", [(Decimal(12), True)]),
    ("la 2e ville", "fr", [(Decimal(2), False)]),
    ("the 2nd city", "en", [(Decimal(2), False)]),
])
def test_figures_are_read_in_each_locale_format(text: str, locale: str, expected) -> None:
    assert values(text, locale) == expected


@pytest.mark.parametrize("text, locale", [
    ("Paris, le 11 avril 2017 — le 1er septembre 2009", "fr"),
    ("PARIS, April 11, 2017 — on Sept. 2, 2009 and on 2 September 2009", "en"),
    ("Sous embargo jusqu’au 15 novembre 2016 à 9 h (UTC+1), puis 14 h 30", "fr"),
    ("EMBARGOED UNTIL 9 a.m. (UTC+1), Nov. 15, 2016; 2:30 p.m.", "en"),
    ("le mot-dièse #2MillionsParis, le site 1million.paris, @Paris2024", "fr"),
    ("[le site](https://example.org/2017/04/8500) <https://x.org/1> presse2017@example.org", "fr"),
    ("Preparing nuit blanche 2009", "en"),
    ("un abonné, one follower, deux comptes, two accounts", "fr"),
])
def test_dates_years_urls_handles_and_bare_number_words_are_not_figures(text: str, locale: str) -> None:
    assert values(text, locale) == []


def test_a_differing_figure_is_found_in_each_direction() -> None:
    found = compare({"fr": "« 8\u202f500 personnes »", "en": "“8,000 people”"})
    assert len(found) == 1
    first, other, only_fr, only_en = found[0]
    assert (first, other) == ("fr", "en")
    assert [f.text for f in only_fr] == ["8\u202f500"] and [f.text for f in only_en] == ["8,000"]
    assert compare({"fr": "8\u202f500 et 8\u202f500", "en": "8,500"})  # a figure said once less
    assert compare({"fr": "2 millions", "en": "2 million"}) == []


def test_the_example_passes_the_audit(project: Path) -> None:
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 0, result.output


def test_a_quote_saying_8_500_in_french_and_8000_in_english_is_reported(project: Path) -> None:
    edit(project, "le vivent :\n            150 000 personnes partagent", "le vivent :\n            8 500 personnes partagent")
    edit(project, "see it:\n            150,000 people now share", "see it:\n            8,000 people now share")
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 1
    lines = (project / "milestones.yaml").read_text(encoding="utf-8").splitlines()
    fr_line = next(i for i, line in enumerate(lines) if "Chaque photo publiée" in line)  # the line before: `fr: >-`
    # Neither figure is stated elsewhere: the first language is blamed; figures shown as typed.
    assert (f"milestones.yaml:{fr_line}:15: error: paris-instagram-150000.quotes[0].text.fr: figures differ between "
            f"languages in paris-instagram-150000: “8 500” in fr but not in en; “8,000” in en but not in fr"
            ) in result.stderr
    assert result.stderr.count("figures differ") == 1


def test_a_figure_missing_from_one_language_is_reported_at_the_milestone(project: Path) -> None:
    edit(project, "the first to send her congratulations.", "the first of 3 to send her congratulations.")
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 1
    assert "“3” in en but not in fr" in result.stderr
    assert "paris-1-million.highlights[0].en: figures differ" in result.stderr


@pytest.mark.parametrize("text, locale, expected", [
    ("Am 11.\u00a0April 2017 um 14:30: 15.300 Follower, 2\u00a0Millionen, 1,5 Milliarden.", "de",
     [("15300", "15.300"), ("2000000", "2\u00a0Millionen"), ("1500000000", "1,5 Milliarden")]),
    ("el 25 de enero de 2016, 444.000 seguidores y 2 millones de personas, el 12\u00a0%", "es",
     [("444000", "444.000"), ("2000000", "2 millones"), ("12", "12\u00a0%")]),
])
def test_a_language_without_tuned_rules_is_read_in_its_own_format(text: str, locale: str, expected) -> None:
    """German groups with a period and says « Millionen »: read from CLDR, dates and times left out."""
    assert [(f"{f.value:f}", f.text) for f in figures(text, locale)] == expected


def test_a_figure_that_differs_in_german_is_reported(project: Path) -> None:
    add_german(project)
    source = project / "milestones.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    quote = data["milestones"][2]["quotes"][0]["text"]
    quote["de"] = quote["de"].replace("150,000", "150.500")
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 1
    assert ("paris-instagram-150000.quotes[0].text.de: figures differ between languages in paris-instagram-150000: "
            "“150 000” in fr but not in de; “150.500” in de but not in fr") in result.stderr


def test_a_wrong_figure_in_the_english_quote_is_blamed_on_the_english_quote(project: Path) -> None:
    """Only the English quote is wrong: the French headline and quote are right, and so is the
    English headline. The odd one out is the English quote, and it is where check points."""
    edit(project, "to our two\n            million followers", "to our three\n            million followers")
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 1
    lines = (project / "milestones.yaml").read_text(encoding="utf-8").splitlines()
    en_line = next(i for i, line in enumerate(lines) if "We are delighted by the success" in line)  # after `en: >-`
    assert (f"milestones.yaml:{en_line}:15: error: paris-2-millions.quotes[0].text.en: figures differ between "
            "languages in paris-2-millions: “deux millions” in fr but not in en; “three million” in en but not in fr"
            ) in result.stderr
    assert "hint: the en text is the odd one out" in result.stderr
    assert result.stderr.count("figures differ") == 1
    assert "headline" not in result.stderr


def test_build_warns_about_figures_that_differ_and_still_writes(project: Path) -> None:
    edit(project, "to our two\n            million followers", "to our three\n            million followers")
    result = CliRunner().invoke(cli, ["--project", str(project), "build"])
    assert result.exit_code == 0, result.output
    assert "warning: paris-2-millions.quotes[0].text.en: figures differ between languages" in result.stderr
    assert "three million" in (project / "out" / "paris-2-millions" / "en.md").read_text(encoding="utf-8")


def test_a_wrong_figure_in_the_french_quote_is_blamed_on_the_french_quote(project: Path) -> None:
    """The same reasoning the other way round: the French quote is the odd one out."""
    edit(project, "à\n            nos deux millions d’abonnés", "à\n            nos trois millions d’abonnés")
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 1
    assert "error: paris-2-millions.quotes[0].text.fr: figures differ between languages" in result.stderr
    assert "“trois millions” in fr but not in en; “two million” in en but not in fr" in result.stderr
    assert "hint: the fr text is the odd one out" in result.stderr
    assert result.stderr.count("figures differ") == 1


def test_the_quick_forms_of_the_date_patterns_change_no_match() -> None:
    """The date patterns try the month names only where one can start, and read a day or an
    hour's digit before looking behind it (for speed); on every text of the example's sources
    and releases, and on texts made to trip them (capitals, accents, abbreviations, the long s
    and the Kelvin sign that case-insensitive matching folds, digits after letters, after an
    underscore, at the very start, digits of other scripts), in the hand-tuned languages and
    CLDR ones, they remove exactly what the plain patterns remove."""
    import re

    from pressgen.checks.audit import date_patterns
    from pressgen.language.locale import locale_for

    repo = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((repo / "out").glob("*/*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((repo / "out").glob("*/*.txt"))]

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    texts += list(strings(yaml.safe_load((repo / "milestones.yaml").read_text(encoding="utf-8"))))
    texts += ["le 1er JANVIER 2017, le 3 févr. 2020, 12 DÉCEMBRE, ſeptembre, Ѕept. 4, 2009",
              "On Sept. 2, 2009, on 1st March, 2016 and MAY 3; Dec.5; mars 2015 et 11 avr. 2017",
              "11 h 30, 9:45 a.m., 14 h, 3 p.m., 1er août, août 2016, 31st Dec. 2019",
              "9 h, a9 h, _9:30, x12 h 30, 123 h, 1234:56, ٣ h, ١٢:٣٠ p.m., 2e9 h, é7 mars, 07.30",
              "3:30", "12 juin", "7\u00a0h\u202f15", "(9 h)", "«\u00a014 h\u00a0»"]
    assert len(texts) > 100
    for tag in ("fr", "en", "en_GB", "fr_CA", "de", "es", "it", "pt_BR", "ru"):
        reading = locale_for(tag).rules.reading
        pairs = list(zip(date_patterns(reading), date_patterns(reading, guarded=False)))
        assert all(quick != plain for quick, plain in pairs), tag  # each has a quick form
        for quick, plain in pairs:
            for text in texts:
                assert re.sub(quick, " ", text, flags=re.I) == re.sub(plain, " ", text, flags=re.I), (tag, text[:60])
