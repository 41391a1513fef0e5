"""`pressgen build` and `pressgen check` end to end, on real files."""

from __future__ import annotations

import pytest

import sys
from pathlib import Path

from click.testing import CliRunner

from helpers import REPO, copy_example, run_pressgen, tree
from pressgen.cli import cli, main

MILESTONES = ("paris-1-million", "paris-2-millions", "paris-instagram-150000",
              "velib-100-millions", "centquatre-15-ans", "pistes-cyclables-1000-km")


# The site-wide files: the newsroom in each language, the feeds and the sitemap (site.base_url).
SITE_FILES = ["index.html", "index.en.html", "feed.fr.xml", "feed.en.xml", "sitemap.xml"]


def expected_files(extensions: tuple[str, ...]) -> list[str]:
    """What a build of the example writes with these outputs: the releases, the image, the
    organisation's logo beside each release, the site-wide files and the manifest."""
    def name(lang: str, ext: str) -> str:
        return f"posts.{lang}.txt" if ext == "posts" else f"{lang}.{ext}"

    return sorted([".pressgen-manifest", *SITE_FILES]
                  + [f"{m}/{name(lang, ext)}" for m in MILESTONES for lang in ("en", "fr") for ext in extensions]
                  + ["paris-2-millions/bravo-paris.svg"] + [f"{m}/logo.svg" for m in MILESTONES])


# The example with every output (the committed out/), and with the two most tests build.
GOLDEN_FILES = expected_files(("html", "md", "txt", "eml", "pdf", "posts"))
EXPECTED_FILES = expected_files(("html", "md"))


def build(project: Path, *args: str) -> int:
    return main(["--project", str(project), "build", *args])


def test_golden_output_is_what_the_example_produces(tmp_path: Path) -> None:
    """The committed out/ is the golden output: reviewed in pull requests, byte for byte."""
    project = copy_example(tmp_path / "project", outputs=None)
    assert build(project) == 0
    built, golden = tree(project / "out"), tree(REPO / "out")
    assert sorted(built) == GOLDEN_FILES
    for name in GOLDEN_FILES:
        assert built[name] == golden.get(name), f"out/{name} differs from the committed golden file; run `make build`"


def test_build_reports_what_it_did_and_rewrites_nothing_unchanged(project: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["--project", str(project), "build"])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"Built 6 milestones into out/: {len(EXPECTED_FILES)} written, 0 unchanged, 0 removed.")
    stamps = {p: p.stat().st_mtime_ns for p in (project / "out").rglob("*") if p.is_file()}
    second = runner.invoke(cli, ["--project", str(project), "build"])
    assert second.exit_code == 0
    assert second.stdout == f"Built 6 milestones into out/: 0 written, {len(EXPECTED_FILES)} unchanged, 0 removed.\n"
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_a_changed_source_rewrites_only_its_files(project: Path) -> None:
    assert build(project) == 0
    source = project / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("Bruno Julliard", "Bruno Julliard Jr"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "build"])
    assert f"4 written, {len(EXPECTED_FILES) - 4} unchanged" in result.output.splitlines()[0]
    assert "  wrote   out/paris-2-millions/fr.md" in result.output.splitlines()


def test_bad_yaml_leaves_out_exactly_as_it_was(project: Path) -> None:
    assert build(project) == 0
    (project / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    before = tree(project / "out")
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    line = text[: text.index("status: published")].count("\n") + 1
    source.write_text(text.replace("status: published", "status: publshed", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "build"])
    assert result.exit_code == 1
    assert f"milestones.yaml:{line}:13: error: paris-2-millions.status: 'publshed' is not one of" in result.output
    assert "Traceback" not in result.output
    assert tree(project / "out") == before


def test_template_error_names_the_template_line_and_writes_nothing(project: Path) -> None:
    assert build(project) == 0
    before = tree(project / "out")
    template = project / "templates" / "en" / "release.md"
    lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("# "))
    lines[number - 1] = "# {{ m.headlne }}\n"
    template.write_text("".join(lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "build"])
    assert result.exit_code == 1
    assert f"templates/en/release.md:{number}: error: template: " in result.output
    assert "headlne" in result.output
    assert tree(project / "out") == before


def test_template_syntax_error_is_located(project: Path) -> None:
    template = project / "templates" / "fr" / "page.html"
    template.write_text(template.read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 1
    assert "templates/fr/page.html:4: error: template: Expected an expression" in result.output


def test_removed_milestone_loses_its_files_but_foreign_files_stay(project: Path) -> None:
    assert build(project) == 0
    (project / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    (project / "out" / "paris-1-million" / "extra.txt").write_text("mine too", encoding="utf-8")
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    start = text.index("  # The 1 million mark")
    end = text.index("  # Illustrative, not from the seeds")
    source.write_text(text[:start] + text[end:], encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "build"])
    assert result.exit_code == 0, result.output
    assert "5 removed" in result.output  # its four releases and its copy of the logo
    assert not (project / "out" / "paris-1-million" / "fr.md").exists()
    assert (project / "out" / "paris-1-million" / "extra.txt").read_text(encoding="utf-8") == "mine too"
    assert (project / "out" / "notes.txt").exists()
    assert "paris-1-million" not in (project / "out" / "index.html").read_text(encoding="utf-8")


def test_removed_milestone_folder_goes_when_empty(project: Path) -> None:
    assert build(project) == 0
    source = project / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    start = text.index("  # The 1 million mark")
    end = text.index("  # Illustrative, not from the seeds")
    source.write_text(text[:start] + text[end:], encoding="utf-8")
    assert build(project) == 0
    assert not (project / "out" / "paris-1-million").exists()


def test_a_write_that_fails_half_way_restores_out(project: Path) -> None:
    assert build(project) == 0
    source = project / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("Bruno Julliard", "B. Julliard"), encoding="utf-8")
    # fr.md sorts after en.md: make it impossible to replace, so the failure comes after en.md moved.
    target = project / "out" / "paris-2-millions" / "fr.md"
    target.unlink()
    target.mkdir()
    (target / "keep").write_text("x", encoding="utf-8")
    before = tree(project / "out")
    assert main(["--project", str(project), "build"]) == 2
    assert tree(project / "out") == before
    assert not list((project / "out").rglob(".pressgen-tmp-*"))


def test_check_writes_nothing_and_fails_on_bad_input(project: Path) -> None:
    assert main(["--project", str(project), "check"]) == 0
    assert not (project / "out").exists()
    source = project / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("count: 2_000_000", "count: 2 000 000"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 1
    assert "'2 000 000' is not a whole number" in result.output
    assert not (project / "out").exists()


@pytest.mark.subprocess
def test_real_subprocess_build_from_the_project_folder(project: Path) -> None:
    result = run_pressgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Built 6 milestones into out/")
    assert (project / "out" / "paris-2-millions" / "fr.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.subprocess
def test_real_subprocess_bad_input_prints_no_traceback(project: Path) -> None:
    (project / "milestones.yaml").write_text("locales: [fr, en]\nmilestones:\n  - id: x\n    status: yes\n", encoding="utf-8")
    result = run_pressgen("build", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "milestones.yaml:4:13: error: x.status: 'yes' is not one of: draft, embargoed, published" in result.stderr
    assert "nothing was written" in result.stderr


@pytest.mark.subprocess
def test_help_does_not_load_babel_or_jinja() -> None:
    code = ("import sys; from pressgen.cli import main; status = main(['--help']); "
            "print(status, sorted(m for m in ('babel', 'jinja2', 'yaml', 'markdown') if m in sys.modules))")
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout + result.stderr


def test_missing_source_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "build"])
    assert result.exit_code == 1
    assert "milestones.yaml: error: file not found" in result.output



def test_a_build_keeps_the_garbage_collector_away_from_its_model_and_hands_everything_back(project: Path) -> None:
    """While a build runs, what was alive after its load is kept out of the collector's walks
    (the model lives to the end); then the collector has everything again, or a process that
    builds again and again (the tests, the preview) would keep its garbage."""
    import gc
    import weakref

    from pressgen import pipeline
    from pressgen.project.layout import Layout

    class Cycle:
        itself: object

    def garbage_in_a_cycle() -> weakref.ref:
        held = Cycle()
        held.itself = held
        gc.collect()  # now among the oldest objects: only a full collection frees it
        return weakref.ref(held)

    gone = garbage_in_a_cycle()
    with pipeline._outside_the_collector(lambda: pipeline.load_project(Layout(project))) as loaded:
        gc.collect()
        assert gone() is not None and loaded.milestones
    gc.collect()
    assert gone() is None
    gone = garbage_in_a_cycle()
    pipeline.build(Layout(project))
    gc.collect()
    assert gone() is None
