"""Incremental builds: only what changed is rendered, and the cache is never trusted blindly.

Which milestones a build rendered is what :class:`pressgen.pipeline.BuildReport` says
(``rendered``, filled in by the build as it renders, not a mock); "the same bytes" is always
compared with a fresh copy of the project built with ``--no-cache``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import copy_example, read_cache_file, run_pressgen, tree, write_cache_file
from pressgen import pipeline
from pressgen.cli import main
from pressgen.output.cache import CACHE_NAME
from pressgen.project.layout import Layout

MILESTONES = ["paris-2-millions", "paris-1-million", "paris-instagram-150000",  # the project's order
              "velib-100-millions", "centquatre-15-ans", "pistes-cyclables-1000-km"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "project")


def build(project: Path, use_cache: bool = True) -> pipeline.BuildReport:
    return pipeline.build(Layout(project), use_cache=use_cache)


def same_as_without_cache(project: Path, tmp_path: Path) -> None:
    """``project``'s out/ is byte for byte what a build from scratch of the same sources makes."""
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    for name in ("milestones.yaml", "translations.lock", "templates", "images"):
        source = project / name
        if source.is_dir():
            shutil.copytree(source, fresh / name)
        elif source.exists():
            shutil.copy2(source, fresh / name)
    assert main(["--project", str(fresh), "build", "--no-cache"]) == 0
    assert tree(project / "out") == tree(fresh / "out")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_build_with_nothing_changed_renders_nothing(project: Path) -> None:
    assert build(project).rendered == MILESTONES
    again = build(project)
    assert again.rendered == [] and again.written == [] and again.milestones == MILESTONES
    assert build(project, use_cache=False).rendered == MILESTONES


def test_a_build_with_nothing_changed_leaves_the_cache_as_it_is(project: Path) -> None:
    """Not rewritten, not even with the same bytes: at 10,000 releases it is over 100 MB."""
    build(project)
    before = (project / "out" / CACHE_NAME).stat()
    build(project)
    after = (project / "out" / CACHE_NAME).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    page = project / "out/paris-1-million/en.md"
    page.write_bytes(page.read_bytes())  # the same bytes, a new modification time: noted in the cache
    build(project)
    assert (project / "out" / CACHE_NAME).stat().st_mtime_ns != after.st_mtime_ns
    assert build(project).rendered == []


def test_a_kept_milestone_with_a_summary_pressgen_did_not_write_is_rendered_again(project: Path, tmp_path: Path) -> None:
    build(project)
    edit(project / "milestones.yaml", "Bruno Julliard", "Bruno Julliard Jr")  # so that the build reads the project
    _rewrite_cache(project, lambda body: body["milestones"]["paris-1-million"]["summary"].update(languages=[["fr"]]))
    assert build(project).rendered == ["paris-2-millions", "paris-1-million"]
    same_as_without_cache(project, tmp_path)


def test_an_edit_renders_only_its_milestone(project: Path, tmp_path: Path) -> None:
    build(project)
    edit(project / "milestones.yaml", "Bruno Julliard", "Bruno Julliard Jr")
    report = build(project)
    assert report.rendered == ["paris-2-millions"]
    assert report.written == ["paris-2-millions/en.html", "paris-2-millions/en.md",
                              "paris-2-millions/fr.html", "paris-2-millions/fr.md"]
    same_as_without_cache(project, tmp_path)


def test_an_edited_template_renders_the_milestones_that_use_it(project: Path, tmp_path: Path) -> None:
    # One milestone includes a template of its own; editing it renders that milestone only.
    edit(project / "templates/fr/release.md", "{% set a = m.account %}",
         '{% set a = m.account %}{% if m.id == "paris-1-million" %}{% include "note.md" %}{% endif %}')
    (project / "templates/fr/note.md").write_text("", encoding="utf-8")
    build(project)
    (project / "templates/fr/note.md").write_text("{% set lead_note = 1 %}Note.\n", encoding="utf-8")
    assert build(project).rendered == ["paris-1-million"]
    same_as_without_cache(project, tmp_path)
    # A template every page uses, shadowed by a new one along the chain (templates/fr/ before
    # templates/): every milestone is rendered again.
    base = (project / "templates/base.html").read_text(encoding="utf-8")
    (project / "templates/fr/base.html").write_text(base.replace('<meta name="author"', '<meta name="generator" content="fr">\n<meta name="author"', 1), encoding="utf-8")
    report = build(project)
    assert report.rendered == MILESTONES
    assert 'content="fr"' in (project / "out/paris-1-million/fr.html").read_text(encoding="utf-8")
    same_as_without_cache(project, tmp_path)


def test_an_edited_image_renders_its_milestone(project: Path, tmp_path: Path) -> None:
    build(project)
    image = next((project / "images").glob("bravo-paris.svg"))
    edit(image, "</svg>", "<!-- retouched --></svg>")
    assert build(project).rendered == ["paris-2-millions"]
    same_as_without_cache(project, tmp_path)


def test_a_build_with_nothing_changed_reports_the_same_translation_flags(project: Path, capsys) -> None:
    edit(project / "milestones.yaml", "Bruno Julliard", "Bruno Julliard Jr")  # in both languages: no flag
    assert main(["--project", str(project), "build"]) == 0
    text = (project / "milestones.yaml").read_text(encoding="utf-8")
    fr = text.index("fr:", text.index("quotes:"))
    (project / "milestones.yaml").write_text(text[:fr] + text[fr:].replace("Paris", "Paris,", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(project), "build"]) == 0
    first = capsys.readouterr()
    assert "translation" in first.err
    assert main(["--project", str(project), "build"]) == 0
    again = capsys.readouterr()
    assert again.err == first.err and build(project).rendered == []


def test_a_file_of_out_edited_or_deleted_by_hand_is_written_again(project: Path, tmp_path: Path) -> None:
    build(project)
    page = project / "out/paris-1-million/en.md"
    data = page.read_bytes()
    page.write_bytes(data.replace(b"a", b"b", 1))  # same size
    (project / "out/paris-2-millions/fr.html").unlink()
    (project / "out/index.html").write_text("edited", encoding="utf-8")
    report = build(project)
    assert report.written == ["index.html", "paris-1-million/en.md", "paris-2-millions/fr.html"]
    same_as_without_cache(project, tmp_path)


def _rewrite_cache(project: Path, change) -> None:
    """Change the cache's content and sign it again, as only a deliberate edit would."""
    path = project / "out" / CACHE_NAME
    body = read_cache_file(path)
    change(body)
    write_cache_file(path, body)


def _foreign_version(body: dict) -> None:
    body["code"] = "0" * 64


def _other_format(body: dict) -> None:
    body["format"] = "pressgen-cache/0"


def _no_milestones(body: dict) -> None:
    body["milestones"] = "nothing"


@pytest.mark.parametrize("damage", [
    lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),  # truncated
    lambda path: path.write_bytes(path.read_bytes().replace(b"paris", b"lyon", 3)),  # edited, unsigned
    lambda path: path.write_bytes(b"\x00\xff not a cache"),
    lambda path: path.write_bytes(b""),
    lambda path: path.unlink(),
    lambda path: _rewrite_cache(path.parent.parent, _foreign_version),
    lambda path: _rewrite_cache(path.parent.parent, _other_format),
    lambda path: _rewrite_cache(path.parent.parent, _no_milestones),
], ids=["truncated", "edited", "garbage", "empty", "missing", "other-version", "other-format", "malformed"])
def test_a_damaged_or_foreign_cache_is_ignored(project: Path, tmp_path: Path, damage) -> None:
    build(project)
    edit(project / "milestones.yaml", "Bruno Julliard", "Bruno Julliard Jr")
    damage(project / "out" / CACHE_NAME)
    assert build(project).rendered == MILESTONES
    same_as_without_cache(project, tmp_path)
    assert build(project).rendered == []  # the cache written afresh is used next time


def test_a_kept_milestone_s_files_are_recorded_as_they_are_now(project: Path) -> None:
    """A file of out/ touched but not changed is kept, and the cache records its new time; the
    entries of the other kept milestones stay as they were."""
    from pressgen.output.cache import read_cache
    from pressgen.render.inputs import code_digest

    build(project)
    before = read_cache(project / "out", code_digest())
    page = project / "out/paris-1-million/fr.md"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000_000))
    edit(project / "milestones.yaml", "Bruno Julliard", "Bruno Julliard Jr")  # the build loads the project
    assert build(project).rendered == ["paris-2-millions"]
    after = read_cache(project / "out", code_digest())
    assert after.milestones["paris-1-million"].files["paris-1-million/fr.md"][1] == page.stat().st_mtime_ns
    for kept in MILESTONES[2:]:
        assert after.milestones[kept] == before.milestones[kept]


def test_a_folder_in_the_cache_s_place_is_left_alone(project: Path, tmp_path: Path) -> None:
    build(project)
    (project / "out" / CACHE_NAME).unlink()
    (project / "out" / CACHE_NAME).mkdir()
    assert build(project).rendered == MILESTONES
    assert build(project).rendered == MILESTONES  # no cache can be written: every build renders
    assert (project / "out" / CACHE_NAME).is_dir()
    same_as_without_cache(project, tmp_path)


def test_a_signed_cache_with_a_false_fingerprint_is_checked_against_the_file(project: Path, tmp_path: Path) -> None:
    """Even a cache that passes its own checksum is not taken at its word for a file's bytes."""
    build(project)
    page = project / "out/paris-1-million/en.md"
    page.write_bytes(page.read_bytes().replace(b"a", b"b", 1))

    def claim_the_edited_file(body: dict) -> None:
        info = page.stat()
        entry = body["milestones"]["paris-1-million"]["files"]["paris-1-million/en.md"]
        entry[1:3] = [info.st_mtime_ns + 1, info.st_ino]  # a fingerprint that differs: the file is read

    _rewrite_cache(project, claim_the_edited_file)
    assert "paris-1-million/en.md" in build(project).written
    same_as_without_cache(project, tmp_path)


def test_a_failed_build_leaves_out_and_its_cache_as_they_were(project: Path) -> None:
    build(project)
    before = {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()}
    edit(project / "milestones.yaml", "Bruno Julliard", "Bruno Julliard Jr")
    edit(project / "templates/en/release.md", "{% set a = m.account %}", "{% set a = m.account %}{{ m.nowhere }}")
    assert main(["--project", str(project), "build"]) == 1
    assert {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()} == before


def test_the_cache_is_neither_published_nor_a_leftover(project: Path) -> None:
    build(project)
    assert (project / "out" / CACHE_NAME).is_file()
    assert CACHE_NAME not in (project / "out/.pressgen-manifest").read_text(encoding="utf-8")
    result = run_pressgen("build", "--check", cwd=project)
    assert result.returncode == 0, result.stderr


@pytest.mark.subprocess
def test_a_build_with_nothing_to_do_loads_no_renderer(project: Path) -> None:
    """Neither Jinja2, Markdown, Babel, polytypo nor WeasyPrint: nor even the YAML."""
    assert run_pressgen("build", cwd=project).returncode == 0
    probe = ("import sys\nfrom pressgen.cli import main\nstatus = main(['build'])\n"
             "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'jinja2', 'markdown', 'babel', 'polytypo',"
             " 'weasyprint', 'yaml', 'nh3'})\nprint(status, heavy)\n")
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout + result.stderr


def test_figures_that_differ_are_told_by_every_build_not_only_the_one_that_rendered_them(project: Path) -> None:
    """The figures audit of a milestone kept from the cache still speaks: its texts are kept
    when (and only when) its languages state different figures."""
    edit(project / "milestones.yaml", "to our two\n            million followers", "to our three\n            million followers")
    first = build(project)
    told = [w.message for w in first.warnings if "figures differ" in w.message]
    assert len(told) == 1 and "paris-2-millions" in told[0]
    edit(project / "milestones.yaml", "with a time-lapse", "with a timelapse")  # paris-1-million only
    again = build(project)
    assert "paris-2-millions" not in again.rendered
    assert [w.message for w in again.warnings if "figures differ" in w.message] == told
    nothing = build(project)  # nothing changed: the last report, replayed
    assert nothing.rendered == [] and [w.message for w in nothing.warnings if "figures differ" in w.message] == told


@pytest.mark.subprocess
def test_the_cache_holds_whichever_way_pressgen_is_started(project: Path, tmp_path: Path) -> None:
    """`pressgen build`, `python -m pressgen build` and a PYTHONPATH with no distributions in it
    run the same code: a build after another, with nothing changed, keeps the cache as it is.
    Also in pressgen's own checkout, which is a project too and holds pressgen's metadata
    (``pip install -e`` writes pressgen.egg-info there): ``python -m`` puts it on sys.path."""
    import os
    import subprocess
    import sys

    (project / "pressgen.egg-info").mkdir()
    assert run_pressgen("build", cwd=project).returncode == 0
    cache = project / "out" / CACHE_NAME
    written = cache.read_bytes()
    empty = tmp_path / "no-distributions"
    empty.mkdir()
    console_script = Path(sys.executable).with_name("pressgen")
    for command, extra in (([str(console_script), "build"], {}),
                           ([sys.executable, "-m", "pressgen", "build"], {"PYTHONPATH": f"{empty}{os.pathsep}{empty}"})):
        result = subprocess.run(command, cwd=project, env={**os.environ, **extra}, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
        assert cache.read_bytes() == written, command


def test_the_code_digest_follows_every_file_of_the_package_but_its_bytecode(tmp_path: Path) -> None:
    """What makes a cache another code's: any byte, name or file of pressgen changed; a file
    of ``__pycache__`` (written by whichever Python ran) does not count."""
    from pressgen.render.inputs import files_digest

    package = tmp_path / "pressgen"
    shutil.copytree(Path(pipeline.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "render" / "__pycache__").mkdir()

    def digest() -> str:
        return files_digest(str(package), [])

    first = digest()
    assert digest() == first
    (package / "render" / "__pycache__" / "inputs.cpython-311.pyc").write_bytes(b"\0")
    assert digest() == first
    source = package / "render" / "inputs.py"
    text = source.read_bytes()
    seen = {first}
    for change in (lambda: source.write_bytes(text + b"\n"),
                   lambda: source.write_bytes(text),  # back as it was
                   lambda: source.rename(package / "render" / "inputs2.py"),
                   lambda: (package / "render" / "inputs2.py").rename(source),
                   lambda: (package / "templates.txt").write_bytes(b"")):
        change()
        seen.add(digest())
    assert len(seen) == 4  # the two changes undone give the first digest back
