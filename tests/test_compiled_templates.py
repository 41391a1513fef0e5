"""Compiled templates kept between builds in the user's cache folder, never in the project:
the same bytes as compiling every template, whatever is (or is not) in that folder."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from helpers import compiled_entries, compiled_parts, copy_example, tree
from pressgen import pipeline
from pressgen.cli import main
from pressgen.project.layout import Layout
from pressgen.cache_folder import DIGEST_LENGTH


def build(project: Path, compiled: Path | None) -> pipeline.BuildReport:
    """``compiled``: the ``templates`` folder of the user's cache folder given to the build."""
    # use_cache=False: every milestone is rendered, so every template is compiled or loaded.
    return pipeline.build(Layout(project), use_cache=False, user_cache=compiled.parent if compiled else None)


@pytest.fixture
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The example's out/, every template compiled afresh."""
    project = copy_example(tmp_path_factory.mktemp("reference") / "project")
    build(project, None)
    return tree(project / "out")


def test_a_second_build_takes_the_templates_compiled_by_the_first(tmp_path: Path, reference) -> None:
    project, compiled = copy_example(tmp_path / "project"), tmp_path / "cache" / "templates"
    build(project, compiled)
    first = compiled_entries(compiled)
    assert len(first) >= 6  # release.md, page.html, the newsroom… in both languages
    assert not list(project.rglob("*.jinja"))  # nothing compiled is kept in the project
    build(project, compiled)
    assert compiled_entries(compiled) == first  # every template loaded, none compiled and written again
    assert tree(project / "out") == reference


def test_a_template_edited_since_is_compiled_again(tmp_path: Path) -> None:
    project, compiled = copy_example(tmp_path / "project"), tmp_path / "cache" / "templates"
    build(project, compiled)
    first = compiled_entries(compiled)
    template = project / "templates" / "en" / "release.md"
    template.write_text(template.read_text(encoding="utf-8") + "\nEdited since.\n", encoding="utf-8")
    build(project, compiled)
    assert "Edited since." in (project / "out" / "paris-2-millions" / "en.md").read_text(encoding="utf-8")
    changed = [name for name, (inode, _) in compiled_entries(compiled).items() if first[name][0] != inode]
    assert len(changed) == 1


def damaged(data: bytes, damage: str) -> bytes:
    """An entry's bytes (Jinja2's header, the pickled digest of the source, the marshalled
    code) after ``damage``."""
    header, _ = compiled_parts(data)
    return {"garbage": bytes(range(256)) * 4, "empty": b"", "cut in the header": data[:len(bc_magic) + 2],
            "cut in the code": data[:len(header) + 40], "not code": header + marshal.dumps(42)}[damage]


@pytest.mark.parametrize("damage", ["garbage", "empty", "cut in the header", "cut in the code", "not code"])
def test_a_damaged_entry_is_compiled_again(tmp_path: Path, reference, damage: str) -> None:
    project, compiled = copy_example(tmp_path / "project"), tmp_path / "cache" / "templates"
    build(project, compiled)
    for path in compiled.glob("*/*.jinja"):
        path.write_bytes(damaged(path.read_bytes(), damage))
    build(project, compiled)
    assert tree(project / "out") == reference
    again = compiled_entries(compiled)
    build(project, compiled)
    assert compiled_entries(compiled) == again  # written whole again by the build that found them damaged


def test_a_folder_in_the_place_of_an_entry_changes_nothing(tmp_path: Path, reference) -> None:
    project, compiled = copy_example(tmp_path / "project"), tmp_path / "cache" / "templates"
    build(project, compiled)
    for path in compiled.glob("*/*.jinja"):
        path.unlink()
        path.mkdir()
    build(project, compiled)
    assert tree(project / "out") == reference
    assert all(path.is_dir() for path in compiled.glob("*/*.jinja"))
    assert not list(compiled.glob("*/*.tmp"))  # what could not take its place is not left behind


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tmp_path: Path, reference) -> None:
    project, blocked = copy_example(tmp_path / "project"), tmp_path / "a-file"
    blocked.write_text("not a folder\n", encoding="utf-8")
    build(project, blocked / "templates")
    assert tree(project / "out") == reference
    assert blocked.read_text(encoding="utf-8") == "not a folder\n"


def test_the_templates_compiled_by_another_version_are_removed(tmp_path: Path) -> None:
    project, compiled = copy_example(tmp_path / "project"), tmp_path / "cache" / "templates"
    other = compiled / ("0" * DIGEST_LENGTH)
    other.mkdir(parents=True)
    (other / "old.jinja").write_bytes(b"from another version")
    unrelated = compiled / "notes"
    unrelated.mkdir()
    build(project, compiled)
    assert not other.exists()
    assert unrelated.is_dir()
    assert len({p.parent for p in compiled.glob("*/*.jinja")}) == 1


def test_build_keeps_them_in_the_users_cache_folder_and_no_cache_uses_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference) -> None:
    project = copy_example(tmp_path / "project")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert main(["--project", str(project), "build", "--no-cache"]) == 0
    assert not (tmp_path / "xdg").exists()
    shutil.rmtree(project / "out")
    assert main(["--project", str(project), "build"]) == 0
    assert compiled_entries(tmp_path / "xdg" / "pressgen" / "templates")
    assert tree(project / "out") == reference
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")  # the XDG rule: then ~/.cache
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    shutil.rmtree(project / "out")
    assert main(["--project", str(project), "build"]) == 0
    assert compiled_entries(tmp_path / "home" / ".cache" / "pressgen" / "templates")
    assert not Path(os.getcwd(), "relative").exists()
