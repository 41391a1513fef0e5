"""`pressgen init DIR`: a new project that builds at once, and never a file overwritten."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from helpers import REPO, editor_yaml, run_pressgen, tree
from pressgen.authoring.schema import schema
from pressgen.cli import cli

STARTER = REPO / "pressgen" / "project" / "starter"
PROJECT_FILES = sorted([
    ".github/CODEOWNERS", ".github/workflows/pressgen.yml", ".gitignore", "milestones.yaml",
    "schema/milestones.schema.json", "schema/pressgen.schema.json", "schema/release.schema.json",
    "templates/atom.xml", "templates/base.html", "templates/email.html", "templates/head.html", "templates/newsroom.html",
    "templates/print.html", "templates/release.txt", "templates/sitemap.xml", "templates/style.css",
] + [f"templates/{lang}/{name}" for lang in ("en", "fr") for name in (
    "feed.xml", "index.html", "page.html", "release.md",
    *(f"posts/{network}.txt" for network in ("bluesky", "linkedin", "mastodon", "threads", "x")))])


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.subprocess
def test_init_then_build_gives_the_expected_files(tmp_path: Path) -> None:
    result = run_pressgen("init", "newsroom", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "newsroom"
    assert sorted(tree(project)) == PROJECT_FILES
    assert result.stdout.splitlines()[-1] == \
        "Created the project in newsroom/: 34 written, 0 skipped. Next: cd newsroom && pressgen build"
    built = run_pressgen("build", cwd=project)
    assert built.returncode == 0, built.stderr
    assert sorted(tree(project / "out")) == sorted([".pressgen-manifest", "index.html", "index.en.html"] + [
        f"example-100000/{lang}.{ext}" for lang in ("en", "fr") for ext in ("eml", "html", "md", "pdf", "txt")]
        + [f"example-100000/posts.{lang}.txt" for lang in ("en", "fr")])
    assert "# @ExampleMuseum reaches 100,000\u00a0followers on Instagram" in (
        project / "out" / "example-100000" / "en.md").read_text(encoding="utf-8")
    assert "Le compte Instagram @ExampleMuseum a dépassé 100\u202f000\u00a0abonnés." in (
        project / "out" / "example-100000" / "fr.md").read_text(encoding="utf-8")
    for command in (["check"], ["build", "--check"]):
        checked = run_pressgen(*command, cwd=project)
        assert checked.returncode == 0, (command, checked.stderr)


def test_the_languages_and_the_folder_layout_can_be_chosen(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path / "p"), "--locales", "fr_CA,en_GB", "--layout", "folder")
    assert result.exit_code == 0, result.output
    project = tmp_path / "p"
    files = sorted(tree(project))
    assert "pressgen.yaml" in files and "releases/example-100000.yaml" in files and "milestones.yaml" not in files
    assert "templates/fr_CA/release.md" in files and "templates/en_GB/page.html" in files
    assert "templates/fr/release.md" not in files
    settings = (project / "pressgen.yaml").read_text(encoding="utf-8")
    assert "locales: [fr_CA, en_GB]" in settings and "name: {fr_CA: Musée d’exemple, en_GB: Example Museum}" in settings
    owners = (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/templates/fr_CA/" in owners and "/out/*/en_GB.*" in owners
    assert invoke("--project", str(project), "build").exit_code == 0
    assert "LYON, 1 March 2025\u00a0–" in (project / "out" / "example-100000" / "en_GB.md").read_text(encoding="utf-8")
    assert invoke("--project", str(project), "check").exit_code == 0


def test_the_new_project_is_valid_for_its_own_schema(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path / "p"), "--locales", "fr,en_GB").exit_code == 0
    project = tmp_path / "p"
    data = editor_yaml((project / "milestones.yaml").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft7Validator(schema("milestones", ["fr", "en_GB"])).iter_errors(data))
    assert (project / "schema" / "milestones.schema.json").read_text(encoding="utf-8").count('"en_GB"') > 10


def test_an_existing_file_is_never_overwritten_and_is_named(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "templates" / "fr").mkdir(parents=True)
    (project / "templates" / "fr" / "release.md").write_text("mine", encoding="utf-8")
    (project / ".gitignore").write_text("mine too\n", encoding="utf-8")
    result = invoke("init", str(project))
    assert result.exit_code == 0
    assert f"  skipped {project}/.gitignore (it exists; left as it is)" in result.output
    assert f"  skipped {project}/templates/fr/release.md (it exists; left as it is)" in result.output
    assert "32 written, 2 skipped" in result.output
    assert (project / "templates" / "fr" / "release.md").read_text(encoding="utf-8") == "mine"
    assert (project / ".gitignore").read_text(encoding="utf-8") == "mine too\n"
    again = invoke("init", str(project))
    assert "0 written, 34 skipped" in again.output


def test_an_existing_project_in_the_other_layout_is_not_doubled(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert invoke("init", str(project), "--layout", "folder").exit_code == 0
    result = invoke("init", str(project))
    assert "skipped" in result.output and not (project / "milestones.yaml").exists()


def test_a_language_without_default_templates_is_wrong_usage(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path / "p"), "--locales", "fr,de")
    assert result.exit_code == 2
    assert "default templates for French and English only, not 'de'" in result.output
    assert not (tmp_path / "p").exists()
    assert invoke("init", str(tmp_path / "p"), "--locales", "fr,xx_YY").exit_code == 2


def test_the_default_templates_are_the_example_s(tmp_path: Path) -> None:
    """The package's templates and the repository's example project's are one set: a fix to one
    is a fix to the other."""
    starter = tree(STARTER / "templates")
    assert starter == tree(REPO / "templates"), "copy templates/ into pressgen/project/starter/templates/"


def test_every_starter_file_is_package_data() -> None:
    """pressgen init reads them from the installed package: the wheel must carry them."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["pressgen.project"]
    for path in sorted(p for p in STARTER.rglob("*") if p.is_file()):
        rel = path.relative_to(STARTER.parent).as_posix()
        assert any(fnmatch(rel, pattern) and rel.count("/") == pattern.count("/") for pattern in patterns), rel
