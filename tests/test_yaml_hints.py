"""YAML mistakes told in the writer's words: the parser's own wording replaced by what is wrong
and what to type, with libyaml's C parser (the one pressgen uses) and PyYAML's own alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pressgen.pipeline import load_project
from pressgen.project.decode import _date_readings, _offset_hint
from pressgen.project.layout import Layout
from pressgen.project.read import declared_time_zone
from pressgen.project.syntax import explain
from test_validate import MINIMAL, problems_for, replace

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


def explained(text: str, loader) -> tuple[int, int, str, str]:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.compose(text, Loader=loader)
    said = explain(caught.value, text)
    return said.line, said.column, said.message, said.hint


@pytest.mark.parametrize("loader", LOADERS, ids=lambda L: L.__name__)
@pytest.mark.parametrize("text, expected", [
    ("a:\n  handle: @paris  # the account\n", (2, 11, "YAML syntax: '@' is reserved in YAML and cannot start a value unless it is in quotes",
                                               'put the value in quotes: handle: "@paris"  # the account')),
    ("a: {h: @x, b: 1}\n", (1, 8, "YAML syntax: '@' is reserved in YAML and cannot start a value unless it is in quotes",
                            'put the value in quotes: a: {h: "@x", b: 1}')),
    ("a:\n  b: %x\n", (2, 6, "YAML syntax: '%' starts a YAML directive and cannot start a value unless it is in quotes",
                       'put the value in quotes: b: "%x"')),
    ("a:\n  b: *headline\n", (2, 6, "YAML syntax: '*' starts an alias, a value given elsewhere as '&headline', and there is none",
                              'put the value in quotes if you mean the text: b: "*headline"')),
    ("a:\n  b: & co\n", (2, 6, "YAML syntax: '&' starts a YAML anchor and cannot start a text unless it is in quotes",
                         'put the value in quotes: b: "& co"')),
    ("a:\n  b: 1\n  just text\n  c: 2\n", (3, 3, "YAML syntax: line 3 is neither a 'key: value' line nor the continuation of a value",
                                        "add the ':' after its key, or indent a text that goes on from the line above under its key")),
    ("a:\n\tb: 1\n", (2, 1, "YAML syntax: a tab cannot indent YAML",
                      "indent with spaces, not tabs (most editors can turn tabs into spaces)")),
    # A key two spaces too far after a plain value ("mapping values are not allowed") …
    ("a:\n    date: 2017\n      status: x\n", (3, 7, "YAML syntax: line 3 is indented 6 spaces, but its neighbour `date:` on "
                                                "line 2 is indented 4 spaces", "indent line 3 with 4 spaces (like `date:` "
                                                "on line 2): the keys of one mapping start in the same column")),
    # … after a flow mapping ("did not find expected key" / "expected <block end>") …
    ("m:\n  - id: x\n    f: {c: 1}\n      h: y\n", (4, 7, "YAML syntax: line 4 is indented 6 spaces, but its neighbour `f:` on "
                                                   "line 3 is indented 4 spaces", "indent line 4 with 4 spaces (like `f:` on "
                                                   "line 3): the keys of one mapping start in the same column")),
    # … and between two levels: either may be meant.
    ("a:\n  b:\n    c: 1\n   d: 2\n", (4, 4, "YAML syntax: line 4 is indented 3 spaces, but its neighbour `c:` on line 3 is "
                                       "indented 4 spaces", "indent line 4 with 4 spaces (like `c:` on line 3) or 2 spaces "
                                       "(like `b:` on line 2): the keys of one mapping start in the same column")),
    # … and after a text, between the keys it is written under.
    ("m:\n  - q:\n      - t: >-\n          Some text\n          goes on\n      h: x\n",
     (6, 7, "YAML syntax: line 6 is indented 6 spaces, like no key above it: `q:` on line 2 is indented 4 spaces, "
            "`t:` on line 3 is indented 8 spaces",
      "indent line 6 with 4 spaces (like `q:`) or 8 spaces (like `t:`): the keys of one mapping start in the same column")),
    ("a:\n  b: Twitter: a\n", (2, 13, "YAML syntax: a ': ' inside a value that is not in quotes starts a new key",
                               "a value that contains ': ' must be put in quotes: b: \"Twitter: a\"")),
    ("a:\n  b: \"x\" y\n", (2, 10, "YAML syntax: text after the closing quote of a value",
                            "put the whole value in quotes: b: '\"x\" y'")),
])
def test_syntax_errors_say_what_is_wrong_and_what_to_type(text: str, expected, loader) -> None:
    assert explained(text, loader) == expected


def test_an_unquoted_hashtag_is_an_error_not_a_silently_empty_key(tmp_path: Path) -> None:
    messages = problems_for(tmp_path, replace("    status: published\n", "    status: published\n    hashtag: #Paris3Millions\n"))
    assert len(messages) == 1
    assert ("hashtag: 'hashtag' is empty: YAML reads everything after # as a comment, so #Paris3Millions is lost"
            in messages[0])
    assert 'hint: put the hashtag in quotes: hashtag: "#Paris3Millions"' in messages[0]


def test_a_translated_text_lost_to_a_comment_is_reported_in_its_language(tmp_path: Path) -> None:
    text = replace("    status: published\n", "    status: published\n    subhead: {fr: Bonjour, en: }\n")
    text = text.replace("    subhead: {fr: Bonjour, en: }\n", "    subhead:\n      fr: Bonjour\n      en: #Hello world\n")
    messages = problems_for(tmp_path, text)
    assert any("subhead.en: 'en' is empty: YAML reads everything after # as a comment, so #Hello world is lost" in m
               and 'put the value in quotes: en: "#Hello world"' in m for m in messages), messages


def test_a_comment_after_a_space_leaves_an_optional_key_empty(tmp_path: Path) -> None:
    """``key:  # a note`` is how comments are written: not a value lost."""
    text = replace("    status: published\n", "    status: published\n    hashtag: # none for this one\n")
    root = tmp_path / "p"
    (root / "templates" / "fr").mkdir(parents=True)
    (root / "templates" / "en").mkdir(parents=True)
    (root / "milestones.yaml").write_text(text, encoding="utf-8")
    assert load_project(Layout(root)).milestones[0].hashtag is None


@pytest.mark.parametrize("raw, readings", [
    ("12/03/2025", ["2025-03-12", "2025-12-03"]),
    ("03.12.2025", ["2025-12-03", "2025-03-12"]),
    ("12-03-2025", ["2025-03-12", "2025-12-03"]),
    ("25/03/2025", ["2025-03-25"]),
    ("05/05/2025", ["2025-05-05"]),
    ("2025/03/12", ["2025-03-12"]),
    ("2025-3-12", ["2025-03-12"]),
    ("31/31/2025", []),
    ("next Monday", []),
])
def test_a_date_typed_as_people_write_it_gets_each_of_its_readings(raw: str, readings: list[str]) -> None:
    assert [d.isoformat() for d in _date_readings(raw)] == readings


@pytest.mark.parametrize("moment, offset", [
    (dt.datetime(2025, 3, 12, 9, 0), "+01:00"),  # winter: no summer time for a March date
    (dt.datetime(2025, 7, 1, 9, 0), "+02:00"),
])
def test_the_embargo_example_has_the_offset_of_that_date_in_the_organisation_time_zone(moment, offset) -> None:
    assert _offset_hint(moment, "Europe/Paris") == (
        f"add the offset it has in Europe/Paris on that date: {moment.isoformat(timespec='seconds')}{offset}")


def test_without_a_time_zone_the_embargo_example_claims_no_offset() -> None:
    hint = _offset_hint(dt.datetime(2025, 3, 12, 9, 0), None)
    assert "2025-03-12T09:00:00+HH:MM" in hint and "+02:00" not in hint and "+01:00" not in hint
    assert _offset_hint(dt.datetime(2025, 3, 12, 9, 0), "Not/AZone") == hint


def test_the_organisation_time_zone_is_read_from_the_nodes() -> None:
    root = yaml.compose("defaults:\n  organisation:\n    time_zone: Europe/Paris\n")
    assert declared_time_zone(root) == "Europe/Paris"
    assert declared_time_zone(yaml.compose(MINIMAL)) is None


def test_an_embargo_with_a_time_it_cannot_read_keeps_its_date_in_the_example(tmp_path: Path) -> None:
    text = replace("    status: published\n", "    status: embargoed\n    embargo_until: 2017-04-11 9h\n")
    messages = problems_for(tmp_path, text)
    assert any("'2017-04-11 9h' is not a date and time" in m and "hint: write 2017-04-11T09:00:00+HH:MM for 11 April" in m
               for m in messages), messages


def test_a_list_item_lost_to_a_comment_is_reported(tmp_path: Path) -> None:
    text = replace("    status: published\n", "    status: published\n    highlights:\n      - #Bravo\n")
    messages = problems_for(tmp_path, text)
    assert any("highlights[0]: this item is empty: YAML reads everything after # as a comment, so #Bravo is lost" in m
               and 'hint: put the hashtag in quotes: - "#Bravo"' in m for m in messages), messages
