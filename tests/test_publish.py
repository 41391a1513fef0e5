"""`pressgen publish`: the deployed site holds only what is public at the given moment.

The project is the example (two published releases, one embargoed until
2016-11-15T09:00:00+01:00) plus a draft with its own image, whose id, headline, quotes and image
are words found nowhere else, so that any byte of it in the publish folder is found.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from helpers import REPO, copy_example, run_pressgen, tree
from pressgen.cli import main
from pressgen.project.layout import Layout
from pressgen.publish.visibility import public_at
from pressgen.pipeline import load_project

EMBARGOED = "paris-instagram-150000"
EMBARGO = "2016-11-15T09:00:00+01:00"
BEFORE = "2016-11-15T08:59:59+01:00"
LIFTED = EMBARGO  # the embargo's own moment: public from then on
DRAFT = "xyzzy-draft"

DRAFT_MILESTONE = f"""\
  - id: {DRAFT}
    status: draft
    date: 2017-06-01
    figure: {{count: 2_500_000, noun: follower}}
    headline:
      fr: Plughheadline en français
      en: Plughheadline in English
    quotes:
      - role: {{fr: Frobozzrole fr, en: Frobozzrole en}}
        speaker: Zorkspeaker
        text:
          fr: Grueword dans une citation.
          en: Grueword in a quote.
    image:
      file: images/quuxdraftimage.svg
      alt: {{fr: Quuxalt, en: Quuxalt}}
      credit: Quuxcredit
"""
# Where the example's milestones of other kinds than an account's begin.
OTHER_KINDS = "\n  # Illustrative, not from the seeds: a service's count"
DRAFT_IMAGE = b'<svg xmlns="http://www.w3.org/2000/svg"><title>Quuximagebytes</title></svg>\n'
# Every trace the draft could leave: its id, headline, quote, speaker, role, image name and bytes.
DRAFT_NEEDLES = [DRAFT, "xyzzy", "Plughheadline", "Grueword", "Zorkspeaker", "Frobozzrole", "quuxdraftimage",
                 "Quuxalt", "Quuxcredit", "Quuximagebytes", "2,5\u00a0millions", "2.5\u00a0million"]

# The example as most tests build it (md and html: see tests/helpers.py); the organisation's
# logo goes beside each release whose page shows it.
PUBLISHED_FILES = [".pressgen-manifest", "feed.en.xml", "feed.fr.xml", "index.en.html", "index.html",
                   "paris-1-million/en.html", "paris-1-million/fr.html", "paris-1-million/logo.svg",
                   "paris-2-millions/bravo-paris.svg", "paris-2-millions/en.html", "paris-2-millions/fr.html",
                   "paris-2-millions/logo.svg", "sitemap.xml"]
LIFTED_FILES = sorted(PUBLISHED_FILES + [f"{EMBARGOED}/en.html", f"{EMBARGOED}/fr.html", f"{EMBARGOED}/logo.svg"])


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """The example project's account milestones (one embargoed) plus a draft with an image of
    its own: the other kinds of milestone are the same to publishing."""
    root = copy_example(tmp_path / "project")
    (root / "images" / "quuxdraftimage.svg").write_bytes(DRAFT_IMAGE)
    source = root / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    accounts = text[:text.index(OTHER_KINDS)] if OTHER_KINDS in text else text
    source.write_text(accounts.rstrip("\n") + "\n\n" + DRAFT_MILESTONE, encoding="utf-8")
    return root


def publish(root: Path, target: Path, at: str | None, *more: str) -> int:
    args = ["--project", str(root), "publish", str(target)] + (["--at", at] if at else [])
    return main([*args, *more])


class _Index(HTMLParser):
    """What a reader of the newsroom sees: entries, the links of its list and all the text."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self.in_main = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.in_main = self.in_main or tag == "main"
        if tag == "li":
            self.entries.append(values.get("id") or "")
        if tag == "a" and self.in_main and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        self.in_main = self.in_main and tag != "main"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_index(path: Path) -> _Index:
    parser = _Index()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def assert_no_trace_of_the_draft(site: Path) -> None:
    for name, data in tree(site).items():
        for needle in DRAFT_NEEDLES:
            assert needle.encode("utf-8") not in data and needle not in name, f"{needle!r} in {site.name}/{name}"


# -- what is published at each moment ------------------------------------------------------------
def test_before_the_embargo_only_published_releases_are_written(newsroom: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert publish(newsroom, site, BEFORE) == 0
    assert sorted(tree(site)) == PUBLISHED_FILES
    index = read_index(site / "index.html")
    assert index.entries == ["paris-2-millions", "paris-1-million"]
    assert sorted(index.links) == sorted(f"{m}/{lang}.html" for m in ("paris-2-millions", "paris-1-million")
                                         for lang in ("fr", "en"))
    text = " ".join(index.text)
    assert "Instagram" not in text and "150" not in text and "embargo" not in text.lower()
    assert_no_trace_of_the_draft(site)
    assert not any(EMBARGOED in name or EMBARGOED.encode() in data for name, data in tree(site).items())


def test_once_the_embargo_has_lifted_its_release_is_published_without_the_embargo_line(
        newsroom: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert publish(newsroom, site, LIFTED) == 0
    assert sorted(tree(site)) == LIFTED_FILES
    index = read_index(site / "index.html")
    assert index.entries == ["paris-2-millions", EMBARGOED, "paris-1-million"]  # newest first
    assert len(index.links) == 6 and f"{EMBARGOED}/fr.html" in index.links
    assert "embargo" not in " ".join(index.text).lower()
    for lang, status in (("fr", "Communiqué de presse"), ("en", "FOR IMMEDIATE RELEASE")):
        page = (site / EMBARGOED / f"{lang}.html").read_text(encoding="utf-8")
        assert f"<p><strong>{status}</strong></p>" in page
        assert "embargo" not in page.lower()
        assert 'name="robots"' not in page
        assert 'class="release status-published"' in page
    assert_no_trace_of_the_draft(site)
    # Every page of the site is public: none asks search engines to stay away.
    assert not any(b"noindex" in data for data in tree(site).values())


def test_a_lifted_embargo_is_exactly_the_release_marked_published(newsroom: Path, tmp_path: Path) -> None:
    """Lifting an embargo renders what `status: published` would: nothing is special-cased."""
    site = tmp_path / "site"
    assert publish(newsroom, site, LIFTED) == 0
    source = newsroom / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace(f"    status: embargoed\n    embargo_until: {EMBARGO}\n", "    status: published\n"),
                      encoding="utf-8")
    marked = tmp_path / "marked"
    assert publish(newsroom, marked, BEFORE) == 0
    assert tree(marked) == tree(site)


def test_the_same_moment_in_any_offset_publishes_the_same_bytes(newsroom: Path, tmp_path: Path) -> None:
    assert publish(newsroom, tmp_path / "paris", LIFTED) == 0
    assert publish(newsroom, tmp_path / "utc", "2016-11-15T08:00Z") == 0
    assert publish(newsroom, tmp_path / "early", "2016-11-15T07:59:59Z") == 0
    assert tree(tmp_path / "utc") == tree(tmp_path / "paris")
    assert sorted(tree(tmp_path / "early")) == PUBLISHED_FILES


def test_the_markdown_is_not_published_but_stays_in_out(newsroom: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert publish(newsroom, site, LIFTED) == 0
    assert not [name for name in tree(site) if name.endswith(".md")]
    assert main(["--project", str(newsroom), "build"]) == 0
    assert (newsroom / "out" / EMBARGOED / "fr.md").is_file()


# -- publishing again ---------------------------------------------------------------------------
def test_a_later_publish_adds_the_lifted_release_and_removes_one_moved_back_to_draft(
        newsroom: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site).mkdir()
    (site / "CNAME").write_text("press.example.org\n", encoding="utf-8")  # not pressgen's: kept
    assert publish(newsroom, site, BEFORE) == 0
    capsys.readouterr()

    assert publish(newsroom, site, "2016-11-16T12:00+01:00") == 0
    output = capsys.readouterr().out
    assert sorted(tree(site)) == sorted(LIFTED_FILES + ["CNAME"])
    assert "  embargo lifted: paris-instagram-150000" in output.splitlines()
    assert f"  wrote   {site}/{EMBARGOED}/fr.html" in output.splitlines()

    source = newsroom / "milestones.yaml"
    text = source.read_text(encoding="utf-8")
    start = text.index("  - id: paris-1-million\n")
    source.write_text(text[:start] + text[start:].replace("status: published", "status: draft", 1), encoding="utf-8")
    assert publish(newsroom, site, "2016-11-16T12:00+01:00") == 0
    output = capsys.readouterr().out
    assert sorted(tree(site)) == sorted(set(LIFTED_FILES + ["CNAME"]) - {"paris-1-million/en.html", "paris-1-million/fr.html",
                                                                        "paris-1-million/logo.svg"})
    assert not (site / "paris-1-million").exists()
    assert f"  removed {site}/paris-1-million/fr.html" in output.splitlines()
    index = read_index(site / "index.html")
    assert index.entries == ["paris-2-millions", EMBARGOED]
    assert not any(b"paris-1-million" in data for data in tree(site).values())
    assert (site / "CNAME").read_text(encoding="utf-8") == "press.example.org\n"


def test_publish_touches_neither_out_nor_the_translation_lock(newsroom: Path, tmp_path: Path) -> None:
    assert main(["--project", str(newsroom), "build"]) == 0
    before = tree(newsroom)
    assert publish(newsroom, tmp_path / "site", LIFTED) == 0
    assert tree(newsroom) == before


def test_bad_sources_write_nothing(newsroom: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert publish(newsroom, site, BEFORE) == 0
    before = tree(site)
    source = newsroom / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("status: draft", "status: drfat"), encoding="utf-8")
    assert publish(newsroom, site, LIFTED) == 1
    assert "error: xyzzy-draft.status: 'drfat' is not one of" in capsys.readouterr().err
    assert tree(site) == before


# -- determinism ----------------------------------------------------------------------------------
def test_the_site_is_the_same_bytes_whatever_the_machine_settings(newsroom: Path, tmp_path: Path) -> None:
    """Two real subprocesses, different time zone, locale and hash seed: the same bytes."""
    trees = []
    for number, settings in enumerate([
        {"TZ": "UTC", "LANG": "C", "LC_ALL": "C", "PYTHONHASHSEED": "0"},
        {"TZ": "Pacific/Kiritimati", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "PYTHONHASHSEED": "77"},
    ]):
        env = {k: v for k, v in os.environ.items() if k not in ("TZ", "LANG", "LC_ALL", "LANGUAGE", "PYTHONHASHSEED")}
        env.update(settings)
        site = tmp_path / f"site-{number}"
        result = run_pressgen("--project", str(newsroom), "publish", str(site), "--at", LIFTED,
                              cwd=tmp_path, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"Publishing releases public at {EMBARGO}\n")
        trees.append(tree(site))
    assert sorted(trees[0]) == LIFTED_FILES
    assert trees[0] == trees[1]


# -- the command line -------------------------------------------------------------------------------
def test_the_moment_is_printed_and_now_by_default(newsroom: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert publish(newsroom, tmp_path / "site", None) == 0
    output = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"Publishing releases public at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", output[0])
    moment = dt.datetime.fromisoformat(output[0].rsplit(" ", 1)[1])
    assert moment > dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    assert output[1].startswith("Published 3 releases into ")
    assert "  not public at this moment: 1 release (drafts, embargoes not yet ended)" in output
    assert sorted(tree(tmp_path / "site")) == LIFTED_FILES


@pytest.mark.parametrize(("at", "message"), [
    ("2016-11-15T09:00", "'2016-11-15T09:00' has no time zone"),
    ("2016-11-15", "'2016-11-15' has no time zone"),
    ("tomorrow", "'tomorrow' is not a date and time"),
])
def test_a_moment_without_a_time_zone_is_refused(newsroom: Path, tmp_path: Path, at: str, message: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert publish(newsroom, tmp_path / "site", at) == 2
    err = capsys.readouterr().err
    assert f"Error: Invalid value for '--at': {message}" in err
    assert "Traceback" not in err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(("folder", "shown", "message"), [
    ("out", "out/", "this is the review copy out/"),
    ("out/site", "out/site/", "this is the review copy out/"),
    (".", "./", "this folder holds the project's sources (milestones.yaml)"),
    ("..", None, "this folder holds the project's sources (milestones.yaml)"),
    ("templates", "templates/", "this is inside templates/"),
    ("templates/fr/site", "templates/fr/site/", "this is inside templates/"),
    ("images", "images/", "this folder holds images/bravo-paris.svg, an image of the sources"),
])
def test_a_folder_that_would_deploy_sources_or_the_review_copy_is_refused(
        newsroom: Path, folder: str, shown: str | None, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(newsroom), "build"]) == 0
    before = tree(newsroom)
    capsys.readouterr()
    assert publish(newsroom, newsroom / folder, LIFTED) == 1
    err = capsys.readouterr().err
    shown = shown or f"{newsroom.parent}/"
    assert f"{shown}: error: {message}" in err, err
    assert "hint: publish into a folder of its own, e.g. `pressgen publish site`" in err
    assert "1 problem found; nothing was written." in err
    assert tree(newsroom) == before


def test_a_project_that_publishes_no_html_is_told_so(newsroom: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    source = newsroom / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("outputs: [md, html]\n", "outputs: [md]\n"),
                      encoding="utf-8")
    assert publish(newsroom, tmp_path / "site", LIFTED) == 1
    assert "milestones.yaml:2:10: error: outputs: none of these outputs is published" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_public_at_refuses_a_moment_without_a_time_zone(newsroom: Path) -> None:
    project = load_project(Layout(newsroom))
    with pytest.raises(ValueError, match="no time zone"):
        public_at(project, dt.datetime(2016, 11, 15, 9))
    public = public_at(project, dt.datetime(2016, 11, 15, 8, tzinfo=dt.timezone.utc))
    assert [(m.id, m.status, m.embargo_until) for m in public.milestones] == [
        ("paris-2-millions", "published", None), ("paris-1-million", "published", None), (EMBARGOED, "published", None)]
    assert [m.id for m in project.milestones][-1] == DRAFT  # the project itself is unchanged


# -- out/, the review copy ------------------------------------------------------------------------
def test_out_keeps_every_release_and_marks_the_ones_not_public(newsroom: Path) -> None:
    assert main(["--project", str(newsroom), "build"]) == 0
    out = newsroom / "out"
    noindex = '<meta name="robots" content="noindex">'
    for milestone, hidden in ((DRAFT, True), (EMBARGOED, True), ("paris-2-millions", False), ("paris-1-million", False)):
        for lang in ("fr", "en"):
            page = (out / milestone / f"{lang}.html").read_text(encoding="utf-8")
            assert (noindex in page) is hidden, (milestone, lang)
    assert "Projet — ne pas diffuser" in (out / DRAFT / "fr.html").read_text(encoding="utf-8")
    assert read_index(out / "index.html").entries == [DRAFT, "paris-2-millions", EMBARGOED, "paris-1-million"]  # newest first
    # The draft's traces are there to be found: the search in the publish folder is not blind.
    written = tree(out)
    for needle in DRAFT_NEEDLES:
        assert any(needle.encode("utf-8") in data or needle in name for name, data in written.items()), needle


# -- pressgen check and embargoes -------------------------------------------------------------------
def _line_col(root: Path, needle: str) -> str:
    text = (root / "milestones.yaml").read_text(encoding="utf-8")
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - text.rfind(chr(10), 0, offset)}"


def test_check_warns_about_an_embargo_that_has_ended(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = copy_example(tmp_path / "project", with_output=True)
    shutil.copy2(REPO / "translations.lock", root / "translations.lock")
    where = _line_col(root, EMBARGO)
    assert main(["--project", str(root), "check", "--at", BEFORE]) == 0
    assert capsys.readouterr().err == ""
    assert main(["--project", str(root), "check", "--at", "2016-11-15T09:00+01:00"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(
        f"milestones.yaml:{where}: warning: {EMBARGOED}.embargo_until: the embargo ended at {EMBARGO} "
        "(this check is as of 2016-11-15T09:00:00+01:00) but the status still says embargoed\n")
    assert "hint: `pressgen publish` already publishes it; set status: published" in captured.err
    assert captured.out.startswith("OK: 6 milestones")
    # Without --at, the check is as of now: long after 2016.
    assert main(["--project", str(root), "check"]) == 0
    assert f"milestones.yaml:{where}: warning:" in capsys.readouterr().err


def test_check_shows_the_embargo_warning_beside_its_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = copy_example(tmp_path / "project")
    source = root / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("rejoint ainsi la page", "rejoint désormais la page", 1),
                      encoding="utf-8")
    shutil.copy2(REPO / "translations.lock", root / "translations.lock")
    assert main(["--project", str(root), "check", "--at", "2017-01-01T00:00Z"]) == 1
    err = capsys.readouterr().err
    assert f"warning: {EMBARGOED}.embargo_until: the embargo ended" in err
    assert f"error: {EMBARGOED}.record: translation drift" in err
    assert err.index("warning:") < err.index("error:")


@pytest.mark.parametrize(("old", "new", "message"), [
    (f"embargo_until: {EMBARGO}", "embargo_until: 2016-11-13T09:00:00+01:00",
     f"error: {EMBARGOED}.embargo_until: the embargo ends on 2016-11-13, before the milestone's date 2016-11-14"),
    (f"embargo_until: {EMBARGO}", "embargo_until: 2016-11-15T09:00:00",
     f"error: {EMBARGOED}.embargo_until: '2016-11-15T09:00:00' has no time zone"),
])
def test_check_fails_on_an_embargo_without_time_zone_or_before_its_date(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str, new: str, message: str) -> None:
    root = copy_example(tmp_path / "project")
    source = root / "milestones.yaml"
    where = _line_col(root, EMBARGO)
    source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    for command in (["check", "--at", BEFORE], ["publish", str(tmp_path / "site"), "--at", LIFTED]):
        assert main(["--project", str(root), *command]) == 1
        err = capsys.readouterr().err
        assert f"milestones.yaml:{where}: {message}" in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_an_embargo_ending_on_the_milestone_day_is_fine(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "project")
    source = root / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(f"embargo_until: {EMBARGO}",
                                                                 "embargo_until: 2016-11-14T00:00:00-11:00"),
                      encoding="utf-8")
    assert EMBARGOED in [m.id for m in load_project(Layout(root)).milestones]


# -- the scheduled deployment -----------------------------------------------------------------------
WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
PUBLISH_COMMAND = 'pressgen publish site --at "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)"'


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_workflow_publishes_every_15_minutes_and_on_push() -> None:
    workflow = _workflow()
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["schedule"] == [{"cron": "*/15 * * * *"}]
    assert triggers["push"]["branches"] == ["main"]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    assert any(PUBLISH_COMMAND in run for run in runs), runs
    uses = {step.get("uses", "").split("@")[0]: step for step in steps}
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert "actions/deploy-pages" in uses
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"


def test_the_workflow_command_runs_as_written(newsroom: Path) -> None:
    """The workflow's own line, through a shell and `date`, in a real subprocess."""
    command = PUBLISH_COMMAND.replace("pressgen ", f"{sys.executable} -m pressgen ", 1)
    result = subprocess.run(["bash", "-c", command], cwd=newsroom, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "TZ": "America/St_Johns"})
    assert result.returncode == 0, result.stderr
    assert re.match(r"Publishing releases public at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\n", result.stdout)
    assert sorted(tree(newsroom / "site")) == LIFTED_FILES
    assert_no_trace_of_the_draft(newsroom / "site")
