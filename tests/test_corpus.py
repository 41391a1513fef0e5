"""The corpus of hostile and broken inputs: each gives exactly the message beside it.

``tests/corpus/NAME.yaml`` is a whole ``milestones.yaml``; ``NAME.patch`` edits the example
project (a YAML mapping: ``file``, default ``milestones.yaml``; ``find``, the text to replace,
or nothing to append; ``replace``, in which ``{repeat}`` stands for ``repeat: [text, count]``,
so that 30,000 brackets need not be committed). ``NAME.expected`` is the exact stderr of
``pressgen build``: empty when the input builds (exit status 0), else ending with
"nothing was written." (exit status 1). A failed build must leave ``out/`` as it was.

Run in-process for speed; the cases that crashed the interpreter itself (a segfault is not an
exception) run in a real subprocess too. ``PRESSGEN_UPDATE_CORPUS=1`` rewrites the expected
files from what pressgen says now (review the diff).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from helpers import REPO, copy_example, run_pressgen, tree
from pressgen.cli import main

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".patch"))
# Cases that once killed the interpreter: run as a user runs pressgen.
IN_SUBPROCESS = {"nested-brackets-30000", "nested-sequences-block"}
# Progress, shown on stderr once a build has run for a second (click drops the \x1b[K when
# stderr is not a terminal): not part of the message.
_IDS = "|".join(re.findall(r"^  - id: (\S+)$", (REPO / "milestones.yaml").read_text(encoding="utf-8"), re.M))
_PROGRESS = re.compile(rf"\r  rendering \d+/\d+: (?:{_IDS})(?:\x1b\[K)?|\r(?:\x1b\[K)?")


def name_of(case: Path) -> str:
    return case.name.removesuffix(case.suffix)


@pytest.fixture(scope="module")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project after a good build (built once: each case copies it)."""
    project = copy_example(tmp_path_factory.mktemp("corpus") / "project")
    assert main(["--project", str(project), "build"]) == 0
    (project / "translations.lock").unlink()  # no translation-drift warnings about the edits
    return project


def make_project(case: Path, built: Path, folder: Path) -> Path:
    """The built example project with ``case`` applied."""
    project = folder / "project"
    shutil.copytree(built, project)
    if case.suffix == ".yaml":
        (project / "milestones.yaml").write_bytes(case.read_bytes())
        return project
    patch = yaml.safe_load(case.read_text(encoding="utf-8"))
    target = project / patch.get("file", "milestones.yaml")
    text = target.read_text(encoding="utf-8")
    replacement = patch["replace"]
    if "repeat" in patch:
        piece, count = patch["repeat"]
        replacement = replacement.replace("{repeat}", piece * count)
    if "find" in patch:
        assert text.count(patch["find"]) == 1, f"{case.name}: 'find' must occur once in {target.name}"
        text = text.replace(patch["find"], replacement)
    else:
        text += replacement
    target.write_text(text, encoding="utf-8")
    return project


def check(case: Path, stderr: str, status: int, before: dict[str, bytes], project: Path) -> None:
    expected_file = case.with_suffix(".expected")
    stderr = _PROGRESS.sub("", stderr)
    if os.environ.get("PRESSGEN_UPDATE_CORPUS"):
        expected_file.write_bytes(stderr.encode("utf-8"))
    expected = expected_file.read_bytes().decode("utf-8")
    assert stderr == expected
    assert status == (1 if expected.endswith("nothing was written.\n") else 0)
    if status:
        assert tree(project / "out") == before, "a failed build changed out/"


@pytest.mark.parametrize("case", CASES, ids=name_of)
def test_corpus_case(case: Path, built_example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if name_of(case) in IN_SUBPROCESS:
        pytest.skip("runs in a subprocess: test_corpus_case_in_a_subprocess")
    project = make_project(case, built_example, tmp_path)
    before = tree(project / "out")
    capsys.readouterr()
    status = main(["--project", str(project), "build"])
    check(case, capsys.readouterr().err, status, before, project)


@pytest.mark.subprocess
@pytest.mark.parametrize("name", sorted(IN_SUBPROCESS))
def test_corpus_case_in_a_subprocess(name: str, built_example: Path, tmp_path: Path) -> None:
    case = next(p for p in CASES if name_of(p) == name)
    project = make_project(case, built_example, tmp_path)
    before = tree(project / "out")
    done = run_pressgen("build", cwd=project)
    assert done.returncode in (0, 1), f"exit status {done.returncode}: {done.stderr[-500:]}"
    check(case, done.stderr, done.returncode, before, project)


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    for case in CASES:
        assert case.with_suffix(".expected").is_file(), f"{case.name} has no .expected beside it"


@pytest.mark.parametrize("lock", ["[" * 30_000, "{", "", "[1, 2]", '{"agreed": [1]}'], ids=["nested", "cut", "empty", "list", "odd"])
def test_an_unreadable_translation_lock_is_rewritten(lock: str, built_example: Path, tmp_path: Path) -> None:
    """translations.lock is written by pressgen; one it cannot read counts as empty."""
    project = tmp_path / "project"
    shutil.copytree(built_example, project)
    (project / "translations.lock").write_text(lock, encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 0
    assert (project / "translations.lock").read_text(encoding="utf-8").startswith("{\n")
