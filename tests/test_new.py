"""`pressgen new ID`: a release skeleton, in either layout, that validates once filled in."""

from __future__ import annotations

import difflib
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import copy_example_as_folder
from pressgen.cli import cli

NEW = ["new", "paris-3-millions", "--date", "2018-05-01", "--count", "3000000", "--noun", "follower"]
AT = ["--at", "2016-11-01T00:00Z"]  # before the example's embargo ends: no warning


def invoke(project: Path, *args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["--project", str(project), *args], input=stdin)


def fill_in(path: Path) -> None:
    """What a writer does: every placeholder replaced by a real text."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"TODO: ([^\"'\n]*)", lambda m: "Real " + m.group(1).replace("'", "’"), text)
    path.write_text(text, encoding="utf-8")


def test_new_in_milestones_yaml_adds_an_entry_and_keeps_every_other_line(project: Path) -> None:
    source = project / "milestones.yaml"
    before = source.read_text(encoding="utf-8")
    result = invoke(project, *NEW)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Wrote milestones.yaml: release paris-3-millions, a draft.")
    after = source.read_text(encoding="utf-8")
    changes = [op for op in difflib.SequenceMatcher(None, before.splitlines(True), after.splitlines(True),
                                                     autojunk=False).get_opcodes() if op[0] != "equal"]
    assert len(changes) == 1 and changes[0][0] == "insert"  # one block added, nothing else touched
    assert after.startswith(before)
    added = after[len(before):]
    assert added.startswith("\n  - id: paris-3-millions\n    # draft while you write")
    assert "    status: draft\n    # the day the figure was reached (YYYY-MM-DD)\n    date: 2018-05-01\n" in added
    assert "    figure: {count: 3000000, noun: follower}\n" in added


def test_the_skeleton_builds_fails_check_on_its_placeholders_and_passes_once_filled(project: Path) -> None:
    assert invoke(project, *NEW).exit_code == 0
    assert invoke(project, "build").exit_code == 0  # a draft with placeholders previews and builds
    assert (project / "out" / "paris-3-millions" / "fr.html").is_file()
    checked = invoke(project, "check", *AT)
    assert checked.exit_code == 1
    source = (project / "milestones.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(source, 1) if "TODO: one sentence on what the figure means" in text)
    assert (f"milestones.yaml:{line}:11: error: paris-3-millions.record.fr: placeholder left: "
            "'TODO: one sentence on what the figure means'") in checked.output
    assert "hint: replace it with the real text (or remove the field) before publishing" in checked.output
    assert "9 problems found" in checked.output  # record, highlight, speaker, role and text, fr and en
    fill_in(project / "milestones.yaml")
    result = invoke(project, "check", *AT)
    assert result.exit_code == 0, result.output


def test_new_in_the_folder_layout_writes_a_file_with_its_account(tmp_path: Path) -> None:
    folder = copy_example_as_folder(tmp_path / "folder")
    before = {p.name: p.read_bytes() for p in (folder / "releases").iterdir()}
    result = invoke(folder, "new", "paris-tiktok-10000", "--count", "10000", "--date", "2019-02-01",
                    "--network", "TikTok", "--account", "@paris")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Wrote releases/paris-tiktok-10000.yaml")
    text = (folder / "releases" / "paris-tiktok-10000.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/release.schema.json\n# draft while you write")
    assert 'account:\n  network: TikTok\n  handle: "@paris"\n  url: https://www.tiktok.com/@paris\n' in text
    assert "\nid:" not in text
    assert {p.name: p.read_bytes() for p in (folder / "releases").iterdir() if p.name in before} == before
    fill_in(folder / "releases" / "paris-tiktok-10000.yaml")
    result = invoke(folder, "check", *AT)
    assert result.exit_code == 0, result.output


def test_an_existing_id_is_refused_where_it_is(project: Path, tmp_path: Path) -> None:
    before = (project / "milestones.yaml").read_bytes()
    result = invoke(project, "new", "paris-1-million", "--count", "1")
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(before.decode().splitlines(), 1) if text == "  - id: paris-1-million")
    assert (f"milestones.yaml:{line}:9: error: paris-1-million.id: a release with the id 'paris-1-million' "
            "exists already") in result.output
    assert (project / "milestones.yaml").read_bytes() == before
    folder = copy_example_as_folder(tmp_path / "folder")
    result = invoke(folder, "new", "paris-1-million", "--count", "1")
    assert result.exit_code == 1
    assert "releases/paris-1-million.yaml: error: a release with the id 'paris-1-million' exists already" in result.output


@pytest.mark.parametrize("milestone_id, message", [
    ("Paris 3", "'Paris 3' is not a slug: lower-case letters, digits and single hyphens"),
    ("../etc/passwd", "'../etc/passwd' is not a slug"),
    ("locales", "'locales' is a reserved name"),
])
def test_an_unsafe_id_is_wrong_usage(project: Path, milestone_id: str, message: str) -> None:
    before = (project / "milestones.yaml").read_bytes()
    result = invoke(project, "new", milestone_id, "--count", "1")
    assert result.exit_code == 2
    assert message in result.output and "Invalid value for ID" in result.output
    assert (project / "milestones.yaml").read_bytes() == before


def test_an_unknown_noun_is_wrong_usage(project: Path) -> None:
    result = invoke(project, "new", "paris-3", "--count", "1", "--noun", "folower")
    assert result.exit_code == 2
    assert "no noun named 'folower' under 'nouns'; use one of: follower, person, post, request" in result.output


def test_without_a_terminal_nothing_is_asked(project: Path) -> None:
    result = invoke(project, "new", "paris-3-millions", stdin="")
    assert result.exit_code == 2
    assert "--count is needed (there is no terminal to ask for it)" in result.output


@pytest.mark.subprocess
def test_in_a_terminal_it_asks_for_what_is_missing(project: Path) -> None:
    original = (project / "milestones.yaml").read_text(encoding="utf-8")
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "pressgen", "new", "paris-3-millions"], cwd=project,
                                   stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        os.write(leader, b"2018-05-01\n3000000\nperson\n")
        out, err = process.communicate(timeout=60)
    finally:
        os.close(leader)
        os.close(follower)
    assert process.returncode == 0, err
    assert "Date reached (YYYY-MM-DD)" in out and "Figure reached" in out and "What is counted" in out
    text = (project / "milestones.yaml").read_text(encoding="utf-8")
    assert "    date: 2018-05-01\n" in text and "    figure: {count: 3000000, noun: person}\n" in text
    assert original in text


@pytest.mark.parametrize("empty", ["milestones: []\n", "milestones:\n"])
def test_new_in_an_empty_list_rewrites_that_line_only(project: Path, empty: str) -> None:
    source = project / "milestones.yaml"
    head = source.read_text(encoding="utf-8").split("milestones:\n")[0]
    source.write_text(head + empty, encoding="utf-8")
    assert invoke(project, "check").exit_code == 0
    result = invoke(project, *NEW)
    assert result.exit_code == 0, result.output
    text = source.read_text(encoding="utf-8")
    assert text.startswith(head + "milestones:\n  - id: paris-3-millions\n")
    fill_in(source)
    assert invoke(project, "check").exit_code == 0
