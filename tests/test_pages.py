"""The HTML pages are complete standalone documents, and a new language needs no code."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from pressgen.cli import main


class PageFacts(HTMLParser):
    """What a page declares, read with a real HTML parser rather than string searches."""

    def __init__(self) -> None:
        super().__init__()
        self.html_lang = ""
        self.charset = ""
        self.title = ""
        self.description = ""
        self.alternates: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.visible_links: list[tuple[str, str]] = []
        self.resources: list[str] = []
        self.h1 = ""
        self.styles = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self._in.append(tag)
        if tag == "html":
            self.html_lang = a.get("lang", "")
        elif tag == "meta" and "charset" in a:
            self.charset = a["charset"]
        elif tag == "meta" and a.get("name") == "description":
            self.description = a.get("content", "")
        elif tag == "link":
            if a.get("rel") == "alternate" and "hreflang" in a:
                self.alternates[a["hreflang"]] = a["href"]
            elif a.get("rel") in ("alternate", "canonical"):
                self.links[a.get("type", a["rel"])] = a["href"]  # never fetched by a browser
            else:
                self.resources.append(a.get("href", ""))
        elif tag == "a" and "hreflang" in a:
            self.visible_links.append((a["hreflang"], a["href"]))
        if tag in ("img", "script", "iframe", "source", "video", "audio") and a.get("src"):
            self.resources.append(a["src"])

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        current = self._in[-1] if self._in else ""
        if current == "title":
            self.title += data
        elif current == "h1":
            self.h1 += data
        elif current == "style":
            self.styles += data


def facts(path: Path) -> PageFacts:
    parser = PageFacts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture
def built(project: Path) -> Path:
    assert main(["--project", str(project), "build"]) == 0
    return project / "out"


@pytest.mark.parametrize("locale, other", [("fr", "en"), ("en", "fr")])
def test_release_page_is_a_complete_standalone_document(built: Path, locale: str, other: str) -> None:
    page = facts(built / "paris-2-millions" / f"{locale}.html")
    assert page.html_lang == locale
    assert page.charset == "utf-8"
    assert page.title.strip() and page.title == " ".join(page.h1.split(" "))
    assert len(page.description) > 40
    site = "https://newsroom.example.org/paris-2-millions/"
    assert page.alternates == {locale: f"{site}{locale}.html", other: f"{site}{other}.html", "x-default": f"{site}fr.html"}
    assert page.links["canonical"] == f"{site}{locale}.html"
    assert page.links["application/atom+xml"] == f"https://newsroom.example.org/feed.{locale}.xml"
    assert page.visible_links == [(other, f"{other}.html")]
    assert "@media print" in page.styles
    external = [r for r in page.resources if r.startswith(("http:", "https:", "//"))]
    assert external == [], "a page must load nothing from the network"
    assert (built / "paris-2-millions" / page.resources[0]).is_file()


def test_french_page_reads_in_french(built: Path) -> None:
    text = (built / "paris-2-millions" / "fr.md").read_text(encoding="utf-8")
    assert "2\u00a0millions d’abonnés" in text or "2 millions d’abonnés" in text
    assert "explique Bruno Julliard, premier adjoint à la maire de Paris." in text
    assert '<span lang="en">Preparing nuit blanche 2009</span>' in text


def test_index_links_every_release_in_every_language(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    for milestone in ("paris-2-millions", "paris-1-million", "paris-instagram-150000"):
        for locale in ("fr", "en"):
            assert f'href="{milestone}/{locale}.html"' in index
            assert (built / milestone / f"{locale}.html").is_file()


def _add_locale(value, source: str, new: str):
    """Every per-language mapping gets a ``new`` entry copied from ``source``."""
    if isinstance(value, dict):
        copied = {k: _add_locale(v, source, new) for k, v in value.items()}
        if source in value and ("en" in value or "fr" in value):
            copied[new] = copied[source]
        return copied
    if isinstance(value, list):
        return [_add_locale(v, source, new) for v in value]
    return value


def test_a_new_locale_needs_templates_and_yaml_only(project: Path) -> None:
    """fr_CA: a templates folder and translations, no code; its own number format follows."""
    data = yaml.safe_load((project / "milestones.yaml").read_text(encoding="utf-8"))
    data = _add_locale(data, "fr", "fr_CA")
    data["locales"].append("fr_CA")
    (project / "milestones.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (project / "templates" / "fr_CA").mkdir()
    for name in ("release.md", "page.html"):
        (project / "templates" / "fr_CA" / name).write_bytes((project / "templates" / "fr" / name).read_bytes())
    assert main(["--project", str(project), "build"]) == 0
    canadian = (project / "out" / "paris-2-millions" / "fr_CA.md").read_text(encoding="utf-8")
    assert "169\u00a0000\u00a0abonnés" in canadian, "fr_CA groups digits with a no-break space"
    assert facts(project / "out" / "paris-2-millions" / "fr_CA.html").html_lang == "fr-CA"
    assert 'hreflang="fr-CA"' in (project / "out" / "paris-2-millions" / "en.html").read_text(encoding="utf-8")
