"""Bad input: every kind of mistake is reported at its exact place, all in one run."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.project.layout import Layout
from pressgen.project.sources import Place
from pressgen.pipeline import load_project

MINIMAL = """\
locales: [fr, en]
nouns:
  follower:
    fr: {one: abonné, other: abonnés}
    en: {one: follower, other: followers}
defaults:
  organisation:
    name: {fr: Ville de Paris, en: City of Paris}
    short_name: {fr: la Ville, en: the City}
  city: {fr: Paris, en: Paris}
  account:
    network: Twitter
    handle: "@Paris"
    url: https://twitter.com/Paris
  about: {fr: À propos., en: About.}
milestones:
  - id: two-millions
    status: published
    date: 2017-04-11
    figure: {count: 2000000, noun: follower}
"""


def problems_for(tmp_path: Path, text: str) -> list[str]:
    """The formatted problems for ``text`` as milestones.yaml (first lines: location: message)."""
    root = tmp_path / "p"
    (root / "templates" / "fr").mkdir(parents=True)
    (root / "templates" / "en").mkdir(parents=True)
    (root / "milestones.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(PressgenError) as caught:
        load_project(Layout(root))
    return [p.format() for p in caught.value.problems]


def replace(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new)


def test_minimal_file_is_valid(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "templates" / "fr").mkdir(parents=True)
    (root / "templates" / "en").mkdir(parents=True)
    (root / "milestones.yaml").write_text(MINIMAL, encoding="utf-8")
    project = load_project(Layout(root))
    assert [m.id for m in project.milestones] == ["two-millions"]
    assert project.milestones[0].figure.count == 2_000_000
    assert project.milestones[0].organisation.short_name == {"fr": "la Ville", "en": "the City"}
    assert project.sources.place("two-millions.figure.count") == Place("milestones.yaml", 20, 21)
    assert project.sources.place("milestones[0].figure.count") is None  # named by its id


@pytest.mark.parametrize(
    ("old", "new", "expected_start", "expected_hint"),
    [
        # A misspelt key, with a suggestion.
        ("    status: published\n", "    statut: published\n",
         "milestones.yaml:18:5: error: two-millions.statut: unknown key 'statut' in milestone",
         "did you mean 'status'?"),
        # A duplicate key.
        ("    status: published\n", "    status: published\n    status: draft\n",
         "milestones.yaml:19:5: error: two-millions.status: duplicate key 'status' (first given on line 18)",
         "keep one of the two"),
        # A wrong type: a list where a mapping is expected.
        ("    figure: {count: 2000000, noun: follower}\n", "    figure: [2000000]\n",
         "milestones.yaml:20:13: error: two-millions.figure: expected a mapping of figure fields, found a list", ""),
        # YAML 1.1: `no` is a boolean, not text.
        ("    network: Twitter\n", "    network: no\n",
         "milestones.yaml:12:14: error: defaults.account.network: YAML reads no as the boolean false, not as text",
         'put it in quotes if you mean the text: "no"'),
        # YAML 1.1: 12:30 is a base-60 number.
        ("count: 2000000", "count: 12:30",
         "milestones.yaml:20:21: error: two-millions.figure.count: YAML 1.1 reads 12:30 as the number 750 (base 60)", ""),
        # YAML 1.1: a leading zero makes an octal number.
        ("count: 2000000", "count: 0123",
         "milestones.yaml:20:21: error: two-millions.figure.count: YAML 1.1 reads 0123 as the number 83 (a leading zero means octal)",
         "write it without the leading zero: 123"),
        # A number written with spaces.
        ("count: 2000000", "count: 2 000 000",
         "milestones.yaml:20:21: error: two-millions.figure.count: '2 000 000' is not a whole number",
         "write it as 2000000 or 2_000_000"),
        # A missing translation.
        ("  city: {fr: Paris, en: Paris}\n", "  city: {fr: Paris}\n",
         "milestones.yaml:10:9: error: defaults.city: missing the 'en' translation", "add 'en: …'"),
        # A translation in a language the project does not have.
        ("  city: {fr: Paris, en: Paris}\n", "  city: {fr: Paris, en: Paris, de: Paris}\n",
         "milestones.yaml:10:32: error: defaults.city.de: 'de' is not one of the project's languages (fr, en)", ""),
        # An id that is not a safe slug (it becomes a folder name).
        ("  - id: two-millions\n", "  - id: ../Two Millions\n",
         "milestones.yaml:17:9: error: milestones[0].id: '../Two Millions' is not a slug", "for example: paris-2-millions"),
        # A misspelt choice.
        ("    status: published\n", "    status: publshed\n",
         "milestones.yaml:18:13: error: two-millions.status: 'publshed' is not one of: draft, embargoed, published",
         "did you mean 'published'?"),
        # A date that does not exist.
        ("date: 2017-04-11", "date: 2017-02-30",
         "milestones.yaml:19:11: error: two-millions.date: '2017-02-30' is not a real date", ""),
        # An unknown noun, with a suggestion.
        ("noun: follower}", "noun: folower}",
         "milestones.yaml:20:36: error: two-millions.figure.noun: no noun named 'folower' under 'nouns'",
         "did you mean 'follower'?"),
        # A tag that would build a Python object in an unsafe loader.
        ("    status: published\n", "    status: !!python/object:os.system published\n",
         "milestones.yaml:18:13: error: two-millions.status: the YAML tag !!python/object:os.system is not allowed", ""),
        # Raw HTML in a text: it could load anything from anywhere into the page.
        ("  about: {fr: À propos., en: About.}\n", "  about: {fr: À propos., en: 'About <iframe src=\"https://x.org\">.'}\n",
         "milestones.yaml:15:30: error: defaults.about.en: HTML is not allowed in milestones.yaml: <iframe src=\"https://x.org\">",
         "write Markdown"),
        # An image from the web in Markdown: the page would fetch it.
        ("  about: {fr: À propos., en: About.}\n", "  about: {fr: À propos., en: 'About ![logo](https://x.org/a.png)'}\n",
         "milestones.yaml:15:30: error: defaults.about.en: an image from the web would make every reader's browser fetch it", ""),
        # A missing required key.
        ("    date: 2017-04-11\n", "",
         "milestones.yaml:17:5: error: two-millions: missing key 'date'", "add 'date:'"),
        # An embargo without its date-time.
        ("    status: published\n", "    status: embargoed\n",
         "milestones.yaml:18:13: error: two-millions.status: an embargoed release needs 'embargo_until'", ""),
        # An embargo date-time without its time zone.
        ("    status: published\n", "    status: embargoed\n    embargo_until: 2017-04-11T09:00:00\n",
         "milestones.yaml:19:20: error: two-millions.embargo_until: '2017-04-11T09:00:00' has no time zone", ""),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else None,
)
def test_each_mistake_is_located(tmp_path: Path, old: str, new: str, expected_start: str, expected_hint: str) -> None:
    messages = problems_for(tmp_path, replace(old, new))
    assert any(m.startswith(expected_start) for m in messages), "\n".join(messages)
    if expected_hint:
        assert any(m.startswith(expected_start) and expected_hint in m for m in messages), "\n".join(messages)


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    text = MINIMAL.replace("    status: published\n", "    statut: published\n").replace(
        "  city: {fr: Paris, en: Paris}\n", "  city: {fr: Paris}\n").replace("count: 2000000", "count: 0123")
    messages = problems_for(tmp_path, text)
    locations = [m.split(": error")[0] for m in messages]
    assert locations == ["milestones.yaml:10:9", "milestones.yaml:18:5", "milestones.yaml:20:21"]


def test_syntax_error_is_located_with_a_hint(tmp_path: Path) -> None:
    messages = problems_for(tmp_path, MINIMAL.replace("    status: published\n", "    status: published: now\n"))
    assert messages[0].startswith("milestones.yaml:18:22: error: YAML syntax: a ': ' inside a value that is not in quotes starts a new key")
    assert "hint: a value that contains ': ' must be put in quotes" in messages[0]


def test_problem_shows_the_line_and_a_caret(tmp_path: Path) -> None:
    messages = problems_for(tmp_path, replace("    status: published\n", "    statut: published\n"))
    assert len(messages) == 1, "a misspelt key is one problem, not also a missing one"
    assert messages[0].splitlines()[1:3] == ["        statut: published", "        ^"]


def test_a_language_without_templates_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL.replace("locales: [fr, en]", "locales: [fr, en, de]")
    messages = problems_for(tmp_path, text)
    assert any(m.startswith("milestones.yaml:1:19: error: locales[2]: no templates/de/ folder for 'de'") for m in messages)


def test_a_regional_language_falls_back_to_its_parent(tmp_path: Path) -> None:
    """fr_CA with no templates/fr_CA/ and no fr_CA texts takes those of fr."""
    root = tmp_path / "p"
    (root / "templates" / "fr").mkdir(parents=True)
    (root / "templates" / "en").mkdir(parents=True)
    (root / "milestones.yaml").write_text(MINIMAL.replace("locales: [fr, en]", "locales: [fr_CA, en]"), encoding="utf-8")
    project = load_project(Layout(root))
    assert project.locales == ["fr_CA", "en"]
    assert project.milestones[0].organisation.short_name == {"fr": "la Ville", "en": "the City"}


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "templates" / "fr").mkdir(parents=True)
    (root / "milestones.yaml").write_bytes(b"locales: [fr]\nmilestones:\n  - id: caf\xe9\n")
    with pytest.raises(PressgenError) as caught:
        load_project(Layout(root))
    assert caught.value.problems[0].format().startswith("milestones.yaml:3:12: error: the file is not valid UTF-8")


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    second = MINIMAL.split("milestones:\n")[1]
    messages = problems_for(tmp_path, MINIMAL + second)
    assert any(m.startswith("milestones.yaml:21:9: error: milestones[1].id: the id 'two-millions' is already used") for m in messages)


def test_a_language_listed_twice_is_an_error(tmp_path: Path) -> None:
    messages = problems_for(tmp_path, MINIMAL.replace("locales: [fr, en]", "locales: [fr, en, fr]"))
    assert any(m.startswith("milestones.yaml:1:19: error: locales[2]: 'fr' is listed twice") for m in messages)


def test_a_language_pressgen_cannot_write_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL.replace("locales: [fr, en]", "locales: [fr, en, xq]")
    messages = problems_for(tmp_path, text)
    assert any(m.startswith("milestones.yaml:1:19: error: locales[2]: pressgen cannot write 'xq'") for m in messages)


def test_an_alias_to_a_mapping_is_read_where_it_is_used(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "templates" / "fr").mkdir(parents=True)
    (root / "templates" / "en").mkdir(parents=True)
    text = MINIMAL.replace("  city: {fr: Paris, en: Paris}\n", "  city: &paris {fr: Paris, en: Paris}\n") + "    city: *paris\n"
    (root / "milestones.yaml").write_text(text, encoding="utf-8")
    assert load_project(Layout(root)).milestones[0].city == {"fr": "Paris", "en": "Paris"}


def test_a_billion_laughs_file_is_refused_quickly(tmp_path: Path) -> None:
    """100 milestones of 100 quotes each, from a few lines of aliases: the walk stops at a
    budget set by the file's size, with one problem, instead of reading them all."""
    quote = "q: &q {text: {fr: a, en: b}, role: {fr: a, en: b}}"
    milestone = "m: &m {quotes: [" + ", ".join(["*q"] * 100) + "]}"
    milestones = "milestones: [" + ", ".join(["*m"] * 100) + "]"
    messages = problems_for(tmp_path, "\n".join(["locales: [fr, en]", quote, milestone, milestones]) + "\n")
    bombs = [m for m in messages if "error: the aliases (*name) in this file expand to more than" in m]
    assert len(bombs) == 1 and bombs[0].startswith("milestones.yaml:2:"), "\n".join(messages)
