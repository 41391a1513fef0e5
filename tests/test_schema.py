"""The editor schema: generated from the model, committed, and right about the example.

The YAML is read here as an editor's YAML server reads it (YAML 1.2 core: dates and
``2_000_000`` are strings), since that is what the schema is checked against there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from helpers import REPO, copy_example_as_folder, editor_yaml, run_pressgen
from pressgen.authoring.schema import FILES, schema, schema_file_name, schema_text

EXAMPLE_LOCALES = ["fr", "en"]


def errors(name: str, data: Any) -> list[str]:
    validator = jsonschema.Draft7Validator(schema(name, EXAMPLE_LOCALES))
    return sorted(f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data))


@pytest.mark.parametrize("name", list(FILES))
def test_the_committed_schema_is_up_to_date(name: str) -> None:
    committed = REPO / "schema" / schema_file_name(name)
    assert committed.read_text(encoding="utf-8") == schema_text(name, EXAMPLE_LOCALES), \
        f"{committed.relative_to(REPO)} is out of date: run `pressgen schema --write schema` and commit it"


@pytest.mark.parametrize("name", list(FILES))
def test_the_schema_is_valid_draft_07(name: str) -> None:
    document = schema(name, EXAMPLE_LOCALES)
    assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(document)
    jsonschema.Draft7Validator.check_schema(schema(name, None))


def test_the_example_references_the_committed_schema_on_its_first_line() -> None:
    first = (REPO / "milestones.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/milestones.schema.json"
    assert (REPO / "schema" / "milestones.schema.json").is_file()


def test_the_example_is_valid() -> None:
    data = editor_yaml((REPO / "milestones.yaml").read_text(encoding="utf-8"))
    assert errors("milestones", data) == []


def test_the_example_in_the_folder_layout_is_valid(tmp_path: Path) -> None:
    folder = copy_example_as_folder(tmp_path / "folder")
    assert errors("pressgen", editor_yaml((folder / "pressgen.yaml").read_text(encoding="utf-8"))) == []
    for release in sorted((folder / "releases").iterdir()):
        text = release.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schema/release.schema.json\n")
        assert errors("release", editor_yaml(text)) == [], release.name


def test_a_misspelt_key_and_a_wrong_type_are_rejected() -> None:
    data = editor_yaml((REPO / "milestones.yaml").read_text(encoding="utf-8"))
    release = data["milestones"][1]
    release["statut"] = release.pop("status")
    release["figure"]["count"] = "a million"
    data["milestones"][2]["quotes"][0]["gender"] = "neuter"
    data["defaults"]["city"].pop("en")
    found = errors("milestones", data)
    assert "milestones.1: 'status' is a required property" in found
    assert "milestones.1: Additional properties are not allowed ('statut' was unexpected)" in found
    assert any(e.startswith("milestones.1.figure.count: 'a million' is not valid") for e in found)
    assert "milestones.2.quotes.0.gender: 'neuter' is not one of ['masculine', 'feminine']" in found
    assert "defaults.city: 'en' is a required property" in found
    assert len(found) == 5, found


def test_a_language_may_be_given_by_its_parent() -> None:
    """fr_CA falls back to fr: either key satisfies it, as in the decoder."""
    document = schema("release", ["fr_CA", "en"])
    city = {"status": "draft", "date": "2017-04-11", "figure": {"count": 1, "noun": "follower"}}
    validator = jsonschema.Draft7Validator(document)
    assert not list(validator.iter_errors({**city, "city": {"fr": "Montréal", "en": "Montreal"}}))
    assert not list(validator.iter_errors({**city, "city": {"fr_CA": "Montréal", "en": "Montreal"}}))
    assert list(validator.iter_errors({**city, "city": {"en": "Montreal"}}))
    assert list(validator.iter_errors({**city, "city": {"de": "Montreal", "en": "Montreal"}}))


def test_every_field_has_a_description_and_every_choice_its_values() -> None:
    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                assert prop.get("description"), f"{path}.{key} has no description"
            for key, child in node.items():
                walk(child, f"{path}.{key}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                walk(child, f"{path}[{i}]")

    for name in FILES:
        document = schema(name, EXAMPLE_LOCALES)
        walk(document, name)
    status = schema("release", EXAMPLE_LOCALES)["properties"]["status"]
    assert status["enum"] == ["draft", "embargoed", "published"]


@pytest.mark.subprocess
def test_pressgen_schema_prints_the_committed_copy() -> None:
    result = run_pressgen("schema", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (REPO / "schema" / "milestones.schema.json").read_text(encoding="utf-8")
    assert json.loads(run_pressgen("schema", "release", "--locales", "de", cwd=REPO).stdout)["properties"][
        "headline"]["required"] == ["de"]
