"""Semantic line breaks: one sentence per line in the Markdown, the same HTML as before."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

import pressgen.render.renderer
from pressgen.pipeline import load_project, render_project
from pressgen.project.layout import Layout
from pressgen.render.linebreaks import break_sentences, sentence_ends
from pressgen.render.release import MARKDOWN_EXTENSIONS

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize("text, expected", [
    ("One. Two! Three? Four… Five.", "One.\nTwo!\nThree?\nFour…\nFive."),
    (f"Merci{NNBSP}! Bravo{NNBSP}? Oui.", f"Merci{NNBSP}!\nBravo{NNBSP}?\nOui."),
    (f"«{NNBSP}Il part{NNBSP}!{NNBSP}» Puis «{NNBSP}Non. Oui{NNBSP}!{NNBSP}», dit-il.",
     f"«{NNBSP}Il part{NNBSP}!{NNBSP}»\nPuis «{NNBSP}Non.\nOui{NNBSP}!{NNBSP}», dit-il."),
    ("“It works.” Then it stopped.", "“It works.”\nThen it stopped."),
    (f"Fin. «{NBSP}Début{NBSP}»", f"Fin.\n«{NBSP}Début{NBSP}»"),
])
def test_sentences_are_split(text: str, expected: str) -> None:
    assert break_sentences(text) == expected


@pytest.mark.parametrize("text", [
    "M. Dupont et Mme Durand sont là.",
    "Mr. Smith met Dr. Jones at St. Paul’s.",
    "On Sept. 2, 2009 and Nov. 14, 2016 at 9 a.m. Paris time.",
    "J. K. Rowling wrote it.",
    "It grew 1.5 times. it did",  # no capital: not a new sentence
    "Parisien.ne.s et 1million.paris restent entiers.",
    f"Un grand merci{NNBSP}!{NNBSP}», explique Bruno Julliard.",
    "Code `x. Y` and a link [to it](https://x.org/c. D) and <a title=\"a. B\">tag</a>.",
])
def test_no_break_inside_abbreviations_numbers_code_links_or_a_quote_that_goes_on(text: str) -> None:
    assert sentence_ends(text) == []
    assert break_sentences(text) == text


def test_a_url_is_never_split() -> None:
    assert break_sentences("See https://example.org/a. B is next.") == "See https://example.org/a. B is next."
    assert break_sentences("See [the site](https://example.org/a). Next.") == "See [the site](https://example.org/a).\nNext."


def test_headings_lists_images_and_html_blocks_stay_as_they_are() -> None:
    text = ("# Title. With two sentences.\n\n- Item one. Item two.\n- Next. One.\n\n"
            "![Alt. Text](a.svg)\n*Caption. More.*\n\n<div>Block. Here.</div>\n\n"
            "Prose one. Prose two.\n")
    assert break_sentences(text) == text.replace("Prose one. Prose two.", "Prose one.\nProse two.")


@pytest.fixture
def renders(project: Path, monkeypatch: pytest.MonkeyPatch):
    """The example rendered twice: with semantic line breaks, and with them turned off."""
    layout = Layout(project)
    loaded = load_project(layout)
    broken = render_project(layout, loaded)
    monkeypatch.setattr(pressgen.render.renderer, "break_sentences", lambda text, locale=None: text)
    plain = render_project(layout, loaded)
    return broken, plain


def test_example_markdown_has_one_sentence_per_line(renders) -> None:
    broken, plain = renders
    assert broken.files != plain.files  # the breaks do something on the example
    for release in broken.releases:
        assert break_sentences(release.markdown) == release.markdown
        for block in release.markdown.split("\n\n"):
            if block.startswith(("#", "- ", "![", "<")):  # headings, lists, images: as written
                continue
            for line in block.splitlines():
                assert sentence_ends(line) == [], f"{release.milestone_id}/{release.locale}.md has two sentences: {line}"


def test_line_breaks_leave_the_html_byte_identical(renders) -> None:
    broken, plain = renders
    html = sorted(name for name in plain.files if not name.endswith(".md"))
    assert html
    for name in html:
        assert broken.files[name] == plain.files[name], name


def test_broken_markdown_renders_to_the_same_html_as_before(renders) -> None:
    """Converting the Markdown as written to out/ gives the HTML of the unbroken text, except that
    a space between two sentences became a newline (which HTML renders as a space)."""
    broken, plain = renders
    for before, after in zip(plain.releases, broken.releases, strict=True):
        assert (before.milestone_id, before.locale) == (after.milestone_id, after.locale)
        old = markdown.markdown(before.markdown, extensions=MARKDOWN_EXTENSIONS, output_format="html")
        new = markdown.markdown(after.markdown, extensions=MARKDOWN_EXTENSIONS, output_format="html")
        assert new.count("\n") > old.count("\n") or before.markdown == after.markdown
        assert new.replace("\n", " ") == old.replace("\n", " "), f"{after.milestone_id}/{after.locale}"
        # and the line breaks are the only change to the Markdown
        assert after.markdown.replace("\n", " ") == before.markdown.replace("\n", " ")


def test_a_number_and_full_stop_is_an_ordinal_in_german_not_a_sentence_end() -> None:
    text = "Paris belegt den 1. Platz. Danach kommt New York. Im Jahr 2009. Ende."
    assert break_sentences(text, "de") == "Paris belegt den 1. Platz.\nDanach kommt New York.\nIm Jahr 2009. Ende."
    assert break_sentences("It began in 2009. Then it grew.", "en") == "It began in 2009.\nThen it grew."
