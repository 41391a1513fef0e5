"""Placeholder addresses (RFC 2606 / 6761 example domains) in published releases: check fails,
build warns and writes, a draft may keep them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import edit_source as edit, invoke
from pressgen.checks.placeholders import _placeholder_addresses

AT = ["--at", "2016-11-01T00:00Z"]  # before the example's embargo ends: no warning


@pytest.mark.parametrize("text, expected", [
    ("presse@example.org", ["presse@example.org"]),
    ("see https://www.example.com/page.", ["https://www.example.com"]),
    ("mailto:a@press.invalid or http://site.test/a", ["a@press.invalid", "http://site.test"]),
    ("https://news.example and http://localhost:8000/", ["https://news.example", "http://localhost"]),
    ("presse@paris.fr, https://1million.paris, https://examples.org, https://example.org.fr", []),
])
def test_reserved_domains_are_found_in_addresses_only(text: str, expected: list[str]) -> None:
    assert _placeholder_addresses(text) == expected


def test_the_example_has_no_placeholder_address(project: Path) -> None:
    assert invoke(project, "check", *AT).exit_code == 0


def test_a_shared_placeholder_contact_fails_check_once_naming_the_published_releases(project: Path) -> None:
    edit(project, "email: presse@paris.fr", "email: presse@example.org")
    result = invoke(project, "check", *AT)
    assert result.exit_code == 1
    line = next(i for i, text in enumerate((project / "milestones.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if "presse@example.org" in text)
    assert (f"milestones.yaml:{line}:14: error: defaults.contacts[0].email: placeholder address 'presse@example.org' "
            "in published releases (paris-2-millions, paris-1-million, velib-100-millions, centquatre-15-ans): its domain is reserved for examples "
            "and reaches no one") in result.stderr
    assert result.stderr.count("placeholder address") == 1


def test_build_warns_about_a_placeholder_address_and_writes(project: Path) -> None:
    edit(project, "        url: https://1million.paris\n", "        url: https://1million.example\n")
    result = invoke(project, "build")
    assert result.exit_code == 0, result.output
    assert ("warning: paris-1-million.links[0].url: placeholder address 'https://1million.example' "
            "in a published release (paris-1-million)") in result.stderr
    assert "https://1million.example" in (project / "out" / "paris-1-million" / "en.md").read_text(encoding="utf-8")


def test_a_draft_may_keep_a_placeholder_address(project: Path) -> None:
    edit(project, "  - id: paris-1-million\n    status: published\n", "  - id: paris-1-million\n    status: draft\n")
    edit(project, "        url: https://1million.paris\n", "        url: https://1million.example\n")
    assert invoke(project, "check", *AT).exit_code == 0


def test_a_default_the_first_release_does_not_take_is_still_read(tmp_path: Path) -> None:
    """In the folder layout the first release has a subject, and so no account: a placeholder
    in the default account is still found, once, naming the releases that do take it."""
    from helpers import copy_example_as_folder
    from pressgen.checks.placeholders import placeholder_addresses, placeholders
    from pressgen.pipeline import load_project
    from pressgen.project.layout import Layout

    folder = copy_example_as_folder(tmp_path / "folder")
    settings = folder / "pressgen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "    network: Twitter\n", "    network: Twitter TODO\n", 1).replace(
        "    url: https://twitter.com/Paris\n", "    url: https://paris.example/compte\n", 1), encoding="utf-8")
    project = load_project(Layout(folder))
    assert project.milestones[0].subject is not None and project.milestones[0].account is None
    assert [(p.milestone, p.key_path) for p in placeholders(project)] == [("", "defaults.account.network")]
    found = [p for p in placeholder_addresses(project) if "paris.example" in p.message]
    assert len(found) == 1 and found[0].key_path == "defaults.account.url"
    assert "paris-1-million" in found[0].message and "centquatre-15-ans" not in found[0].message


def test_a_placeholder_written_with_escapes_is_found_in_a_file_kept_from_the_last_build(tmp_path: Path) -> None:
    """Files holding neither the marker nor a reserved domain are not walked; the characters
    a double-quoted string writes with escapes are not in its file, and are still found, in
    a release the next build takes as the last one decoded it."""
    from helpers import copy_example_as_folder
    from pressgen.checks.placeholders import placeholders
    from pressgen.pipeline import load_project
    from pressgen.project.layout import Layout

    folder = copy_example_as_folder(tmp_path / "folder")
    release = folder / "releases" / "paris-1-million.yaml"
    release.write_text(release.read_text(encoding="utf-8").replace(
        "label: {fr: Le site 1million.paris,", r'label: {fr: "Le site \x54ODO",', 1).replace(
        "url: https://1million.paris\n", 'url: "https://1million\\x2eexample"\n', 1), encoding="utf-8")
    assert "TODO" not in release.read_text(encoding="utf-8")
    assert [p.key_path for p in placeholders(load_project(Layout(folder)))] == ["paris-1-million.links[0].label.fr"]
    warning = ("warning: paris-1-million.links[0].url: placeholder address 'https://1million.example' "
               "in a published release (paris-1-million)")
    assert warning in invoke(folder, "build").stderr
    other = folder / "releases" / "velib-100-millions.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = invoke(folder, "build")
    assert result.exit_code == 0, result.output
    assert warning in result.stderr


def test_a_file_is_searched_in_lower_case_as_the_pattern_ignores_case() -> None:
    """Every character the case-blind pattern takes for a letter of a reserved word is that
    letter once lowered, or one of FOLDS_TO_ASCII, which a file is searched for as well."""
    import re
    import sys

    from pressgen.checks.placeholders import _RESERVED_WORDS, FOLDS_TO_ASCII

    letters = "".join(sorted(set("".join(_RESERVED_WORDS))))
    any_letter = re.compile(f"[{letters}]", re.IGNORECASE)
    taken = [chr(code) for code in range(sys.maxunicode + 1) if any_letter.fullmatch(chr(code))]
    odd = {c for c in taken for letter in letters
           if re.fullmatch(letter, c, re.IGNORECASE) and letter not in c.lower()}
    assert odd and odd <= set(FOLDS_TO_ASCII)
