"""Every page pressgen writes, read by a real headless Chromium: the sharing card and the
structured data as a network's or a search engine's crawler reads them from the rendered page,
and axe-core's accessibility rules (WCAG 2.1 A and AA) with no violation.

axe-core is the npm package, installed by ``make test`` (see the Makefile's ``axe`` target)
into the virtual environment; PRESSGEN_AXE names another copy of ``axe.min.js``.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import sys
from pathlib import Path

import pytest

from helpers import copy_example
from pressgen.pipeline import build
from pressgen.project.layout import Layout
from test_preview_browser import browser  # noqa: F401 (the fixture: Debian's Chromium)

pytestmark = pytest.mark.browser

AXE = Path(os.environ.get("PRESSGEN_AXE", Path(sys.prefix) / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SITE = "https://newsroom.example.org/"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    project = copy_example(tmp_path_factory.mktemp("online") / "project", outputs=("html", "eml", "posts"))
    build(Layout(project))
    return project / "out"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `make test` (it installs the npm package axe-core), "
                    "or set PRESSGEN_AXE to an axe.min.js", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def pages(out: Path) -> list[Path]:
    """Every HTML page of out/, and the HTML part of every e-mail, written beside it."""
    found = sorted(out.rglob("*.html"))
    for message in sorted(out.rglob("*.eml")):
        parsed = email.message_from_bytes(message.read_bytes(), policy=email.policy.default)
        part = parsed.get_body(preferencelist=("html",))
        page = message.with_name(message.stem + ".eml.html")
        page.write_text(part.get_content(), encoding="utf-8")
        found.append(page)
    return found


def test_a_crawler_reads_the_card_and_the_structured_data_from_the_rendered_page(browser, out: Path) -> None:
    browser.get((out / "paris-2-millions" / "fr.html").as_uri())
    og = browser.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('meta[property^=\"og:\"]')]"
        ".map(m => [m.getAttribute('property'), m.content]))")
    assert og["og:type"] == "article" and og["og:url"] == f"{SITE}paris-2-millions/fr.html"
    assert og["og:title"] == browser.title
    assert (og["og:image"], og["og:image:width"], og["og:image:height"]) == (
        f"{SITE}paris-2-millions/bravo-paris.svg", "640", "360")
    card = browser.execute_script("return document.querySelector('meta[name=\"twitter:card\"]').content")
    assert card == "summary_large_image"
    data = browser.execute_script(
        "return [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))")
    assert len(data) == 1
    article = data[0]
    assert article["@type"] == "NewsArticle" and article["headline"] == browser.title
    assert article["datePublished"] == "2017-04-11" and article["inLanguage"] == "fr"
    assert article["workTranslation"][0]["@id"] == f"{SITE}paris-2-millions/en.html"
    alternates = browser.execute_script(
        "return [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => [l.hreflang, l.href])")
    assert dict(alternates) == {"fr": f"{SITE}paris-2-millions/fr.html", "en": f"{SITE}paris-2-millions/en.html",
                                "x-default": f"{SITE}paris-2-millions/fr.html"}


def axe_run(browser, page: Path, axe_source: str) -> dict:
    """axe-core's results for ``page``, at WCAG 2.1 A and AA."""
    browser.get(page.as_uri())
    browser.execute_script(axe_source)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length,"
        " version: r.testEngine.version})), e => done(JSON.stringify({error: String(e)})));", WCAG_21_AA)
    found = json.loads(result)
    assert "error" not in found, found
    return found


def test_axe_core_finds_what_it_must(browser, tmp_path: Path, axe_source: str) -> None:
    """The harness itself: a page with an image without alt text and no language fails."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><head><title>t</title></head><body><img src='x.png'></body></html>",
                    encoding="utf-8")
    found = axe_run(browser, page, axe_source)
    assert {"image-alt", "html-has-lang"} <= {v["id"] for v in found["violations"]}


def test_every_page_passes_axe_core_at_wcag_21_aa(browser, out: Path, axe_source: str) -> None:
    checked, failures = [], {}
    for page in pages(out):
        found = axe_run(browser, page, axe_source)
        assert found["passes"] > 10  # the rules ran
        checked.append(page.relative_to(out).as_posix())
        if found["violations"]:
            failures[checked[-1]] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                                     for v in found["violations"]]
    assert failures == {}
    # The release pages, the newsroom in each language and the e-mails: none left out.
    assert {"index.html", "index.en.html", "paris-2-millions/fr.html", "paris-2-millions/fr.eml.html"} <= set(checked)
    assert len(checked) == 6 * 2 * 2 + 2  # 6 milestones × 2 languages × (page + e-mail), 2 newsroom pages
