"""`pressgen status`: where every release stands, in the terminal, as JSON and in the preview."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import edit_source as edit, invoke
from pressgen.preview.pages import overview
from pressgen.preview.rebuild import Rebuilder
from pressgen.project.layout import Layout

BEFORE = "2016-11-15T08:59:59+01:00"
AFTER = "2016-11-15T09:00:00+01:00"


def test_each_release_with_its_status_at_a_moment(project: Path) -> None:
    result = invoke(project, "status", "--at", BEFORE)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Releases as of {BEFORE}:",
        "  paris-2-millions  2017-04-11  published  (milestones.yaml)",
        "  paris-1-million  2016-01-25  published  (milestones.yaml)",
        "  paris-instagram-150000  2016-11-14  embargoed until 2016-11-15T09:00:00+01:00  (milestones.yaml)",
        "  velib-100-millions  2024-06-18  published  (milestones.yaml)",
        "  centquatre-15-ans  2023-10-11  published  (milestones.yaml)",
        "  pistes-cyclables-1000-km  2025-09-22  draft  (milestones.yaml)",
    ]
    after = invoke(project, "status", "--at", AFTER).output
    assert ("  paris-instagram-150000  2016-11-14  published: its embargo ended at 2016-11-15T09:00:00+01:00 "
            "(set status: published)  (milestones.yaml)") in after


def test_what_is_left_to_do_is_listed_under_its_release(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    edit(project, "Nous nous réjouissons du succès", "Nous sommes ravis du succès")
    edit(project, "150 000 personnes partagent", "160 000 personnes partagent")
    assert invoke(project, "new", "paris-3-millions", "--count", "3000000", "--date", "2018-05-01").exit_code == 0
    result = invoke(project, "status", "--at", BEFORE)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    at = lines.index("  paris-2-millions  2017-04-11  published  (milestones.yaml)")
    assert lines[at + 1] == "      translation to review in en: paris-2-millions/quotes[0]/text"
    figures = [line for line in lines if line.startswith("      figures differ: “160")]
    assert len(figures) == 1 and figures[0].endswith("” in fr but not in en; “150,000” in en but not in fr")
    assert ("      9 placeholders (TODO) left in: record, highlights[0], quotes[0].text, quotes[0].role, "
            "quotes[0].speaker") in lines
    assert "\x1b[" not in result.output  # no colour: this is not a terminal


def test_json_for_scripts(project: Path) -> None:
    assert invoke(project, "new", "paris-3-millions", "--count", "3000000", "--date", "2018-05-01").exit_code == 0
    result = invoke(project, "status", "--json", "--at", AFTER)
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["at"] == AFTER and report["locales"] == ["fr", "en"]
    by_id = {release["id"]: release for release in report["releases"]}
    assert by_id["paris-instagram-150000"] | {} == {
        "id": "paris-instagram-150000", "status": "embargoed", "public": True, "date": "2016-11-14",
        "embargo_until": "2016-11-15T09:00:00+01:00", "embargo_lifted": True, "file": "milestones.yaml",
        "review": {}, "figures": [], "placeholders": [],
        "label": "published: its embargo ended at 2016-11-15T09:00:00+01:00 (set status: published)"}
    assert by_id["paris-3-millions"]["status"] == "draft" and not by_id["paris-3-millions"]["public"]
    assert len(by_id["paris-3-millions"]["placeholders"]) == 9


def test_a_shared_value_is_reported_once_apart(project: Path) -> None:
    assert invoke(project, "build").exit_code == 0
    edit(project, "Paris Numérique rassemble les comptes", "Paris Numérique réunit les comptes")
    lines = invoke(project, "status", "--at", BEFORE).output.splitlines()
    assert lines[-2:] == ["  shared values (defaults, nouns):", "      translation to review in en: defaults/about"]


def test_the_preview_overview_shows_the_same_notes(project: Path, tmp_path: Path) -> None:
    assert invoke(project, "new", "paris-3-millions", "--count", "3000000", "--date", "2018-05-01").exit_code == 0
    rebuilder = Rebuilder(Layout(project), tmp_path / "preview", lambda _text: None)
    assert rebuilder.rebuild(None)
    page = overview(rebuilder.state).decode("utf-8")
    assert '<ul class="notes"><li>9 placeholders (TODO) left in: record, highlights[0], quotes[0].text' in page
    assert page.count('<ul class="notes">') == 1  # the other releases have nothing left to do


def test_a_project_that_does_not_read_is_exit_1(project: Path) -> None:
    edit(project, "status: embargoed", "status: embargoes")
    result = invoke(project, "status")
    assert result.exit_code == 1 and "'embargoes' is not one of" in result.output


def _status_on_a_terminal(project: Path, **env: str) -> str:
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "pressgen", "status", "--at", BEFORE], cwd=project,
                                   stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.PIPE,
                                   env={**{k: v for k, v in os.environ.items() if k != "NO_COLOR"},
                                        "PYTHONPATH": os.pathsep.join(sys.path), **env})
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=60) == 0
    finally:
        os.close(leader)
    return output.decode("utf-8")


@pytest.mark.subprocess
def test_colours_on_a_terminal_only_and_never_with_no_color(project: Path) -> None:
    coloured = _status_on_a_terminal(project)
    assert "\x1b[32m  paris-2-millions" in coloured
    plain = _status_on_a_terminal(project, NO_COLOR="1")
    assert "\x1b[" not in plain and "  paris-2-millions  2017-04-11  published" in plain
