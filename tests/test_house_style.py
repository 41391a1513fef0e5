"""House styles in a project: `style:` in milestones.yaml, checked where it is written, and
applied to every part of a release; the example's golden files in one style per language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO, copy_example
from pressgen.cli import main
from test_validate import MINIMAL, problems_for, replace

NB = "\u00a0"


@pytest.mark.parametrize(("extra", "expected", "hint"), [
    ("  en: {serial_coma: true}", "17:8: error: style.en.serial_coma: unknown key 'serial_coma' in style settings",
     "did you mean 'serial_comma'?"),
    ("  en: {clock: 24h}", "17:15: error: style.en.clock: '24h' is not one of: ap, guardian", ""),
    ("  fr: {clock: ap}", "17:15: error: style.fr.clock: 'clock' is not a setting of the Lexique de l’Imprimerie "
     "nationale style (fr)", "its settings are: serial_comma, spell_out_below, abbreviate_months, time_zone_names"),
    ("  en: {ligatures: true}", "17:19: error: style.en.ligatures: 'ligatures' is not a setting of the AP style (en)",
     "clock"),
    ("  fr_CA: {serial_comma: true}", "17:10: error: style.fr_CA: 'fr_CA' is not one of the project's languages (fr, en)",
     "add it to 'locales', or remove it"),
    ("  en: {spell_out_below: 1000}", "17:25: error: style.en.spell_out_below: spell_out_below is 1000; it goes from 0 to 100",
     "10 spells out one to nine"),
])
def test_style_mistakes_are_located(tmp_path: Path, extra: str, expected: str, hint: str) -> None:
    problems = problems_for(tmp_path, MINIMAL.replace("milestones:\n", f"style:\n{extra}\nmilestones:\n"))
    assert len(problems) == 1 and problems[0].startswith(f"milestones.yaml:{expected}"), problems
    assert hint in problems[0], problems


def test_an_unknown_time_zone_is_located_with_a_suggestion(tmp_path: Path) -> None:
    text = replace("    short_name: {fr: la Ville, en: the City}\n",
                   "    short_name: {fr: la Ville, en: the City}\n    time_zone: Europe/Pari\n")
    problems = problems_for(tmp_path, text)
    assert problems[0].startswith("milestones.yaml:10:16: error: defaults.organisation.time_zone: "
                                  "'Europe/Pari' is not a time zone pressgen knows"), problems
    assert "did you mean 'Europe/Paris'?" in problems[0]


def test_a_setting_reaches_every_part_of_the_release(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "p")
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("\nnouns:\n", "\nstyle:\n  en: {serial_comma: true, abbreviate_months: false, spell_out_below: 0}\n"
                        "  fr: {dateline_dash: true, spell_out_below: 0}\n\nnouns:\n", 1)
    source.write_text(text, encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 0
    en = (project / "out" / "paris-2-millions" / "en.md").read_text(encoding="utf-8")
    assert "Snapchat, WeChat, and Sina Weibo" in en
    assert "on September 2, 2009" in en and f"in the 7{NB}years since" in en
    embargo = (project / "out" / "paris-instagram-150000" / "en.md").read_text(encoding="utf-8")
    assert f"**EMBARGOED UNTIL 9{NB}A.M. CET, NOVEMBER 15, 2016**" in embargo
    assert f"PARIS, November 14, 2016{NB}— The" in embargo
    fr = (project / "out" / "paris-2-millions" / "fr.md").read_text(encoding="utf-8")
    assert f"Paris, le 11{NB}avril{NB}2017{NB}— Le compte" in fr


# --- the example's golden files: one style per language ------------------------------------

def _golden(language: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((REPO / "out").glob(f"*/{language}.md"))]


def test_english_golden_files_are_ap_throughout() -> None:
    for text in _golden("en"):
        # Months with a date as AP abbreviates them, in the body as in the dateline.
        assert not re.search(r"\b(?:January|February|August|September|October|November|December) \d", text)
        assert not re.search(r"\b(?:JANUARY|FEBRUARY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER) \d", text)
        assert not re.search(r"\b[1-9][\u00a0 ](?:years|months|weeks|days)\b", text)  # one to nine in words
        assert ", and Sina Weibo" not in text and "UTC+" not in text
        assert "–" not in text.replace("\u2060–\u2060", "")  # one dash: the em dash
    embargoed = (REPO / "out" / "paris-instagram-150000" / "en.md").read_text(encoding="utf-8")
    assert embargoed.startswith(f"**EMBARGOED UNTIL 9{NB}A.M. CET, NOV. 15, 2016**\n")
    assert f"PARIS, Nov. 14, 2016{NB}— The" in embargoed


def test_french_golden_files_follow_the_lexique() -> None:
    months = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    for text in _golden("fr"):
        assert not re.search(rf"\d (?:{months})|(?:{months}) \d{{4}}", text)  # dates never break
        assert re.search(rf"\d{NB}(?:{months}){NB}\d{{4}}", text)
        assert "–" not in text  # one dash: the cadratin
        assert not re.search(r"\ben \d\u00a0ans\b", text)  # « en sept ans »
        dateline = re.search(r"^Paris, le .*$", text, re.M)
        assert dateline and re.search(r"\d{4}$", dateline.group(0)), dateline  # its own line, no dash
    embargoed = (REPO / "out" / "paris-instagram-150000" / "fr.md").read_text(encoding="utf-8")
    assert embargoed.startswith(f"**Sous embargo jusqu’au 15{NB}novembre{NB}2016 à 9{NB}h (heure de Paris)**\n")


def test_every_language_spells_numbers_out_below_the_same_threshold(tmp_path: Path) -> None:
    """Otherwise "7 years" would be a figure that « sept ans » does not state, for the audit."""
    problems = problems_for(tmp_path, MINIMAL.replace("milestones:\n", "style:\n  en: {spell_out_below: 0}\nmilestones:\n"))
    assert problems == [p for p in problems if p.startswith(
        "milestones.yaml:17:25: error: style.en.spell_out_below: the languages spell numbers out below "
        "different thresholds (fr 10, en 0)")] and len(problems) == 1, problems
    same = "style:\n  en: {spell_out_below: 0}\n  fr: {spell_out_below: 0}\nmilestones:\n"
    root = tmp_path / "same"
    (root / "templates" / "fr").mkdir(parents=True)
    (root / "templates" / "en").mkdir(parents=True)
    (root / "milestones.yaml").write_text(MINIMAL.replace("milestones:\n", same), encoding="utf-8")
    from pressgen.pipeline import load_project
    from pressgen.project.layout import Layout

    assert load_project(Layout(root)).style["fr"].spell_out_below == 0
