"""``build --jobs``: several processes render, and the result is exactly one process's.

The example has three milestones, fewer than a process is worth
(:data:`pressgen.render.parallel.MILESTONES_PER_PROCESS`); the tests lower that threshold so
that two real worker processes render them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import copy_example, tree
from pressgen.cli import main
from pressgen.render import parallel

pytestmark = pytest.mark.subprocess  # worker processes


@pytest.fixture(autouse=True)
def every_milestone_is_worth_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MILESTONES_PER_PROCESS", 1)
    monkeypatch.setattr(parallel, "BATCH", 1)


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--project", str(project), "build", "--no-cache", *args])
    captured = capsys.readouterr()
    # The progress line (shown once a build has taken a second: starting processes may) aside.
    return status, captured.out, re.sub(r"\r(  rendering [^\r]*)?(\x1b\[K)?", "", captured.err)


def test_two_processes_write_the_same_tree_with_the_same_messages(tmp_path: Path, capsys) -> None:
    one, two = copy_example(tmp_path / "one"), copy_example(tmp_path / "two")
    first, second = run(one, capsys, "--jobs", "1"), run(two, capsys, "--jobs", "2")
    assert first == second and first[0] == 0
    assert tree(one / "out") == tree(two / "out")


def test_errors_in_two_milestones_come_in_the_same_order(tmp_path: Path, capsys) -> None:
    projects = []
    for name in ("one", "two"):
        project = copy_example(tmp_path / name)
        template = project / "templates/en/release.md"
        text = template.read_text(encoding="utf-8")
        template.write_text(text.replace("{% set a = m.account %}", "{% set a = m.account %}"
                                         '{% if m.id != "paris-2-millions" %}{{ m.nowhere }}{% endif %}', 1),
                            encoding="utf-8")
        projects.append(project)
    first, second = run(projects[0], capsys, "--jobs", "1"), run(projects[1], capsys, "--jobs", "2")
    assert first[0] == 1 and first == second
    assert first[2].count("error:") == 1  # one template line, reported once
    assert not (projects[1] / "out").exists() or tree(projects[1] / "out") == {}
