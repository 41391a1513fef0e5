"""The two layouts: one milestones.yaml, or pressgen.yaml and one releases/<id>.yaml per release.

Everything after reading must be the same (out/, the translation lock, drift, the audit,
build --check, the preview); only the places in messages differ, and they name the right file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import REPO, copy_example, copy_example_as_folder, invoke, run_pressgen, tree
from pressgen.preview.rebuild import Rebuilder
from pressgen.preview.watch import Watcher
from pressgen.project.layout import FOLDER, ONE_FILE, Layout


def line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    assert content.count(text) == 1, text
    return content[: content.index(text)].count("\n") + 1


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert content.count(old) == 1, old
    path.write_text(content.replace(old, new), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_example_as_folder(tmp_path / "folder")


def test_split_writes_one_file_per_release_keeping_the_comments(folder: Path) -> None:
    assert not (folder / "milestones.yaml").exists()
    assert sorted(p.name for p in (folder / "releases").iterdir()) == [
        "centquatre-15-ans.yaml", "paris-1-million.yaml", "paris-2-millions.yaml", "paris-instagram-150000.yaml",
        "pistes-cyclables-1000-km.yaml", "velib-100-millions.yaml"]
    release = (folder / "releases" / "paris-2-millions.yaml").read_text(encoding="utf-8")
    # The comment above the release moved with it, the one inside stayed inside; the id is the name.
    assert release.startswith("# yaml-language-server: $schema=../schema/release.schema.json\n"
                              "# The release of ../shared/seeds/000")
    assert "  # A stand-in drawing for the photograph Thomas Pesquet signed aboard" in release
    assert "\nid:" not in release and release.count("\nstatus: published\n") == 1
    settings = (folder / "pressgen.yaml").read_text(encoding="utf-8")
    assert settings.startswith("# yaml-language-server: $schema=schema/pressgen.schema.json\n")
    assert "# Counted nouns, one and several in each language;" in settings
    assert "milestones" not in settings.split("# Shared by every milestone")[1]
    assert Layout(folder).kind() == FOLDER


def test_both_layouts_give_byte_identical_output(tmp_path: Path) -> None:
    """The proof that nothing after reading knows the layout: out/ and the lock, byte for byte,
    with every output."""
    project = copy_example(tmp_path / "one", outputs=None)
    folder = copy_example_as_folder(tmp_path / "folder", outputs=None)
    assert invoke(project, "build").exit_code == 0
    result = invoke(folder, "build")
    assert result.exit_code == 0, result.output
    assert tree(folder / "out") == tree(project / "out") == tree(REPO / "out")
    assert (folder / "translations.lock").read_bytes() == (project / "translations.lock").read_bytes()
    assert invoke(folder, "build", "--check").exit_code == 0
    assert invoke(folder, "check", "--at", "2016-11-01T00:00Z").exit_code == 0


def test_join_gives_back_every_line_and_comment(tmp_path: Path) -> None:
    folder = copy_example_as_folder(tmp_path / "folder", outputs=None)
    result = invoke(folder, "join")
    assert result.exit_code == 0, result.output
    joined = (folder / "milestones.yaml").read_text(encoding="utf-8")
    original = (REPO / "milestones.yaml").read_text(encoding="utf-8")
    # The same lines, releases in the order of their files (which changes no output).
    assert sorted(joined.splitlines()) == sorted(original.splitlines())
    assert joined.index("- id: paris-1-million") < joined.index("- id: paris-2-millions")
    assert invoke(folder, "build").exit_code == 0
    assert tree(folder / "out") == tree(REPO / "out")
    assert not (folder / "pressgen.yaml").exists() and not (folder / "releases").exists()
    assert Layout(folder).kind() == ONE_FILE


def test_an_error_in_a_release_file_names_that_file_and_line(folder: Path) -> None:
    release = folder / "releases" / "paris-1-million.yaml"
    line = line_of(release, "status: published")
    edit(release, "status: published", "status: publshed")
    result = invoke(folder, "build")
    assert result.exit_code == 1
    assert (f"releases/paris-1-million.yaml:{line}:9: error: paris-1-million.status: "
            "'publshed' is not one of: draft, embargoed, published") in result.output
    assert "hint: did you mean 'published'?" in result.output
    assert "1 problem found; nothing was written." in result.output


def test_a_rule_across_files_names_the_release_that_breaks_it(folder: Path) -> None:
    """A noun renamed in pressgen.yaml: the release that still uses it is named, in its own file."""
    edit(folder / "pressgen.yaml", "  person:", "  persn:")
    result = invoke(folder, "build")
    assert result.exit_code == 1
    release = folder / "releases" / "paris-2-millions.yaml"
    use = line_of(release, "{network: Facebook, count: 3_000_000, noun: person}")
    assert (f"releases/paris-2-millions.yaml:{use}:49: error: paris-2-millions.platforms[0].noun: "
            "no noun named 'person' under 'nouns'") in result.output
    assert "hint: did you mean 'persn'?" in result.output


def test_a_mismatching_id_inside_the_file_is_a_located_error(folder: Path) -> None:
    release = folder / "releases" / "paris-1-million.yaml"
    release.write_text("id: paris-one-million\n" + release.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(folder, "check")
    assert result.exit_code == 1
    assert ("releases/paris-1-million.yaml:1:5: error: paris-1-million.id: the id 'paris-one-million' "
            "is not the file's name ('paris-1-million')") in result.output
    assert "rename the file to releases/paris-one-million.yaml" in result.output
    # The same id as the name is fine.
    release.write_text(release.read_text(encoding="utf-8").replace("paris-one-million", "paris-1-million", 1),
                       encoding="utf-8")
    assert invoke(folder, "check", "--at", "2016-11-01T00:00Z").exit_code == 0


def test_unsafe_file_names_and_yml_files_are_refused(folder: Path) -> None:
    releases = folder / "releases"
    shutil.copy(releases / "paris-1-million.yaml", releases / "Paris 1 Million.yaml")
    shutil.copy(releases / "paris-1-million.yaml", releases / "paris-3-millions.yml")
    result = invoke(folder, "build")
    assert result.exit_code == 1
    assert "releases/Paris 1 Million.yaml: error: milestones[0]: the file name 'Paris 1 Million' is not a slug" \
        in result.output
    assert "releases/paris-3-millions.yml: error: not read: a release file's name ends in .yaml" in result.output
    assert "hint: rename it to paris-3-millions.yaml" in result.output
    assert not (folder / "out").exists()


def test_a_project_with_both_layouts_is_a_clear_error(folder: Path) -> None:
    shutil.copy(REPO / "milestones.yaml", folder / "milestones.yaml")
    result = invoke(folder, "build")
    assert result.exit_code == 1
    assert ("pressgen.yaml: error: this project has both milestones.yaml and pressgen.yaml: "
            "a project keeps its releases in one layout only") in result.output
    assert "Traceback" not in result.output


def test_drift_and_the_audit_locate_in_the_release_file(folder: Path) -> None:
    assert invoke(folder, "build").exit_code == 0
    release = folder / "releases" / "paris-2-millions.yaml"
    line = line_of(release, "Nous nous réjouissons") - 1  # the text starts at its '>-'
    edit(release, "Nous nous réjouissons", "Nous sommes ravis")
    instagram = folder / "releases" / "paris-instagram-150000.yaml"
    figure_line = line_of(instagram, "Chaque photo publiée est choisie")
    edit(instagram, "150 000 personnes partagent", "160 000 personnes partagent")
    result = invoke(folder, "check")
    assert result.exit_code == 1
    assert f"releases/paris-2-millions.yaml:{line}:" in result.output
    assert "paris-2-millions.quotes[0].text: translation drift" in result.output
    assert f"releases/paris-instagram-150000.yaml:{figure_line - 1}:" in result.output
    assert "figures differ between languages in paris-instagram-150000" in result.output


def test_build_check_sees_a_stale_out_in_the_folder_layout(folder: Path) -> None:
    assert invoke(folder, "build").exit_code == 0
    edit(folder / "releases" / "paris-1-million.yaml", "far ahead of other", "well ahead of other")
    result = invoke(folder, "build", "--check")
    assert result.exit_code == 1
    assert "would rewrite out/paris-1-million/en.md" in result.output


def test_a_release_added_or_removed_is_a_file_added_or_removed(folder: Path) -> None:
    releases = folder / "releases"
    shutil.copy(releases / "paris-1-million.yaml", releases / "paris-1-million-again.yaml")
    assert invoke(folder, "build").exit_code == 0
    assert (folder / "out" / "paris-1-million-again" / "fr.md").is_file()
    (releases / "paris-1-million-again.yaml").unlink()
    result = invoke(folder, "build")
    assert "  removed out/paris-1-million-again/fr.md" in result.output


@pytest.mark.subprocess
def test_pressgen_finds_the_project_from_its_releases_folder(folder: Path) -> None:
    result = run_pressgen("check", "--at", "2016-11-01T00:00Z", cwd=folder / "releases")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 6 milestones")


def test_the_preview_watches_pressgen_yaml_and_the_releases(folder: Path, tmp_path: Path) -> None:
    layout = Layout(folder)
    watcher = Watcher(layout, lambda _paths: None, lambda _text: None)
    assert watcher._relevant((folder / "pressgen.yaml").resolve())
    assert watcher._relevant((folder / "releases" / "paris-1-million.yaml").resolve())
    assert (folder / "releases").resolve() in watcher._groups[0][0]
    assert not watcher._relevant((folder / "notes.txt").resolve())
    # And a rebuild after an edit of one release renders that release only.
    rebuilder = Rebuilder(layout, tmp_path / "preview", lambda _text: None)
    assert rebuilder.rebuild(None)
    release = folder / "releases" / "paris-1-million.yaml"
    edit(release, "far ahead of other", "well ahead of other")
    assert rebuilder.rebuild({release})
    assert rebuilder.rendered_last == ["paris-1-million"]


def test_an_empty_release_file_says_so(folder: Path) -> None:
    (folder / "releases" / "paris-2-millions.yaml").write_text("# nothing yet\n", encoding="utf-8")
    result = invoke(folder, "check")
    assert "releases/paris-2-millions.yaml:1: error: paris-2-millions: the file is empty" in result.output


def test_split_refuses_a_project_already_split_and_join_one_already_joined(project: Path, folder: Path) -> None:
    result = invoke(folder, "split")
    assert result.exit_code == 1 and "already one file per release" in result.output
    result = invoke(project, "join")
    assert result.exit_code == 1 and "already in one milestones.yaml" in result.output


def test_split_refuses_an_invalid_project_and_changes_nothing(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "p")
    source = project / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("status: published", "status: publshed", 1),
                      encoding="utf-8")
    before = tree(project)
    result = invoke(project, "split")
    assert result.exit_code == 1
    assert "'publshed' is not one of" in result.output
    assert tree(project) == before


def test_split_cuts_releases_written_with_a_dash_alone_on_its_line() -> None:
    from pressgen.authoring.split import join_text, split_text

    text = ("locales: [fr]\n\nmilestones:\n  # first\n  -\n    id: a\n    status: draft\n\n"
            "  # second\n  - id: b  # kept\n    status: published\n")
    settings, releases = split_text(text)
    assert settings == "locales: [fr]\n"
    # The id line goes (its comment stays); each comment goes with the release below it.
    assert releases == [("a", "# first\nstatus: draft\n"), ("b", "# second\n# kept\nstatus: published\n")]
    assert join_text(settings, releases) == ("locales: [fr]\n\nmilestones:\n  # first\n  - id: a\n    status: draft\n\n"
                                             "  # second\n  # kept\n  - id: b\n    status: published\n")
