"""Shared and found online: the site address, sharing cards and structured data, the posts per
network, the feeds and the sitemap, on real builds of the example."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from helpers import copy_example
from pressgen.errors import PressgenError
from pressgen.pipeline import build, load_project
from pressgen.project.layout import Layout
from pressgen.render import networks
from pressgen.render.sanitize import json_ld_text, sanitize_page

SITE = "https://newsroom.example.org/"
MILESTONE = "paris-2-millions"
OUTPUTS = ("md", "html", "posts")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "project", outputs=OUTPUTS)


def built(project: Path) -> Path:
    build(Layout(project))
    return project / "out"


def problems_of(project: Path) -> list:
    with pytest.raises(PressgenError) as caught:
        build(Layout(project))
    return caught.value.problems


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the site address ------------------------------------------------------------------------
@pytest.mark.parametrize("address", ["http://newsroom.example.org/", "newsroom.example.org", "/news/",
                                     "https://newsroom.example.org/?page=1", "https://newsroom.example.org/#top"])
def test_a_site_address_that_is_not_absolute_https_is_refused_where_it_is(example: Path, address: str) -> None:
    source = example / "milestones.yaml"
    edit(source, "site: {base_url: https://newsroom.example.org/}", f"site: {{base_url: '{address}'}}")
    line = next(number for number, text in enumerate(source.read_text(encoding="utf-8").split("\n"), 1)
                if text.startswith("site:"))
    with pytest.raises(PressgenError) as caught:
        load_project(Layout(example))
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.key_path) == ("milestones.yaml", line, "site.base_url")
    assert "absolute https://" in problem.message and problem.hint


def test_without_a_site_address_pages_keep_relative_links_and_nothing_absolute(example: Path) -> None:
    edit(example / "milestones.yaml", "site: {base_url: https://newsroom.example.org/}  #", "#")
    out = built(example)
    page = (out / MILESTONE / "fr.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en" href="en.html">' in page
    for absent in ("canonical", "x-default", "og:url", "og:image", "twitter:card", "application/ld+json", "https://newsroom"):
        assert absent not in page, absent
    assert '<meta property="og:title"' in page  # what needs no address stays
    assert not (out / "sitemap.xml").exists() and not (out / "feed.fr.xml").exists()
    posts = (out / MILESTONE / "posts.fr.txt").read_text(encoding="utf-8")
    assert posts.startswith("# site.base_url is not set")
    embargoed = (out / "paris-instagram-150000" / "posts.en.txt").read_text(encoding="utf-8")
    assert embargoed.startswith("# EMBARGOED UNTIL") and "# site.base_url is not set" in embargoed


# -- sharing cards and structured data ---------------------------------------------------------
def structured_data(page: str) -> dict:
    [inside] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    return json.loads(inside)


def meta(page: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', page))


def test_every_page_has_open_graph_with_the_image_size_read_from_the_file(example: Path) -> None:
    out = built(example)
    page = (out / MILESTONE / "en.html").read_text(encoding="utf-8")
    og = meta(page)
    assert og["og:type"] == "article" and og["og:url"] == f"{SITE}{MILESTONE}/en.html"
    assert og["og:title"].startswith("@Paris passes 2\u00a0million") and len(og["og:description"]) > 40
    assert (og["og:locale"], og["og:locale:alternate"]) == ("en_US", "fr_FR")
    assert og["og:image"] == f"{SITE}{MILESTONE}/bravo-paris.svg"
    assert (og["og:image:width"], og["og:image:height"]) == ("640", "360")  # images/bravo-paris.svg
    assert og["og:image:alt"].startswith("A photograph of the Earth")
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    # A release without an image shows the organisation's logo, sized from its file.
    logo = meta((out / "paris-1-million" / "fr.html").read_text(encoding="utf-8"))
    assert (logo["og:image"], logo["og:image:width"], logo["og:image:height"]) == (
        f"{SITE}paris-1-million/logo.svg", "240", "60")


def test_a_raster_image_is_sized_from_its_file(example: Path) -> None:
    from PIL import Image

    Image.new("RGB", (1200, 630), "navy").save(example / "images" / "card.png")
    edit(example / "milestones.yaml", "file: images/bravo-paris.svg", "file: images/card.png")
    og = meta((built(example) / MILESTONE / "fr.html").read_text(encoding="utf-8"))
    assert (og["og:image"], og["og:image:type"], og["og:image:width"], og["og:image:height"]) == (
        f"{SITE}{MILESTONE}/card.png", "image/png", "1200", "630")


# Google's Article structured data: no property is required; these are recommended.
GOOGLE_RECOMMENDED = ("author", "dateModified", "datePublished", "headline", "image")


@pytest.mark.parametrize("locale, other", [("fr", "en"), ("en", "fr")])
def test_structured_data_is_a_news_article_with_what_google_recommends(example: Path, locale: str, other: str) -> None:
    data = structured_data((built(example) / MILESTONE / f"{locale}.html").read_text(encoding="utf-8"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    for name in GOOGLE_RECOMMENDED:
        assert data.get(name), name
    for author in data["author"]:
        assert author["@type"] in ("Person", "Organization") and author["name"] and author["url"].startswith("https://")
    assert data["datePublished"] == "2017-04-11" and data["inLanguage"] == locale
    assert all(image["url"].startswith(SITE) and image["width"] and image["height"] for image in data["image"])
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization" and publisher["logo"]["url"] == f"{SITE}{MILESTONE}/logo.svg"
    link = data["workTranslation"][0] if locale == "fr" else data["translationOfWork"]
    assert link["@id"] == f"{SITE}{MILESTONE}/{other}.html" and link["inLanguage"] == other


def test_a_text_with_markup_characters_stays_data_in_the_structured_data(example: Path) -> None:
    # The text policy refuses HTML in the sources; what it lets through is escaped here too.
    edit(example / "milestones.yaml", '"@Paris passes 2 million followers on Twitter, a world record"', '"a < b & c > d"')
    page = (built(example) / MILESTONE / "en.html").read_text(encoding="utf-8")
    assert page.count("<script") == 1 and page.count("</script>") == 1
    inside = re.search(r'application/ld\+json">(.*?)</script>', page, re.DOTALL).group(1)
    assert "<" not in inside and ">" not in inside and "&" not in inside and "\\u003c" in inside
    assert structured_data(page)["headline"] == "a < b & c > d"


@pytest.mark.parametrize("inside", ['{"a": "</script><script>alert(1)"}', '{"a": 1}', "[1]", "alert(1)"])
def test_the_sanitiser_refuses_structured_data_pressgen_did_not_write(inside: str) -> None:
    page = ('<!DOCTYPE html>\n<html lang="fr">\n<head>\n<title>t</title>\n'
            f'<script type="application/ld+json">{inside}</script>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n')
    with pytest.raises(PressgenError) as caught:
        sanitize_page(page, "x/fr.html")
    assert "application/ld+json" in caught.value.problems[0].message
    good = page.replace(inside, json_ld_text({"a": "</script>"}))
    assert sanitize_page(good, "x/fr.html") == good and "\\u003c/script\\u003e" in good


def test_another_script_in_the_head_is_removed() -> None:
    page = ('<!DOCTYPE html>\n<html lang="fr">\n<head>\n<script type="text/javascript">alert(1)</script>\n'
            '<script type="application/ld+json">{}</script>\n</head>\n<body>\n</body>\n</html>\n')
    cleaned = sanitize_page(page, "x/fr.html")
    assert "alert" not in cleaned and cleaned.count("<script") == 1


# -- how each network counts ---------------------------------------------------------------------
LONG_URL = "https://newsroom.example.org/paris-2-millions/" + "a" * 80 + ".html"


@pytest.mark.parametrize("text, x, bluesky, mastodon", [
    ("Bonjour", 7, 7, 7),
    (LONG_URL, 23, len(LONG_URL), 23),  # a URL longer than 23 counts 23 on X and Mastodon
    ("😀", 2, 1, 1),  # an emoji weighs 2 on X
    ("漢", 2, 1, 1),  # so does a CJK character
    ("e\u0301", 1, 1, 1),  # a combining accent makes one letter with its base
    ("🇫🇷", 2, 1, 1),  # a flag: two regional indicators, one grapheme
    ("👩‍👩‍👧‍👦", 2, 1, 1),  # a family: seven code points joined
    ("Merci @Paris@mastodon.social !", 30, 30, 14),  # Mastodon counts a remote mention as @user
])
def test_each_network_counts_as_it_does(text: str, x: int, bluesky: int, mastodon: int) -> None:
    assert networks.x_length(text) == x
    assert networks.graphemes(text) == bluesky
    assert networks.mastodon_length(text) == mastodon


@pytest.mark.parametrize("text, weighted", [
    ("Hi http://test.co", 26),
    ("http://test.co", 23),
    ("https://www.twitter.com/aloha " * 10, 240),
    ("故" * 160, 320),
    ("😷👾😡🔥💩", 10),
    ("A\u0301B", 2),  # normalised: Á and B
])
def test_x_counts_as_the_twitter_text_conformance_suite_says(text: str, weighted: int) -> None:
    """Cases of twitter-text's conformance suite (validate.yml, WeightedTweetsCounterTest)."""
    assert networks.x_length(text) == weighted


def test_published_examples_of_the_networks_limits() -> None:
    # X: 280 Latin letters fit, 281 do not; 140 CJK characters or emoji fill a post.
    assert networks.x_length("a" * 280) == 280 and networks.x_length("漢" * 140) == 280
    assert networks.x_length("🎉" * 140) == 280
    # Bluesky: 300 graphemes, however many code points each is.
    assert networks.graphemes("🇫🇷" * 300) == 300 and len("🇫🇷" * 300) == 600
    # Mastodon: a post of 477 letters and a link of any length is exactly 500.
    assert networks.mastodon_length("a" * 476 + " " + LONG_URL) == 500
    limits = {network.name: network.limit for network in networks.NETWORKS}
    assert limits == {"x": 280, "bluesky": 300, "mastodon": 500, "linkedin": 3000, "threads": 500}


# -- the posts ---------------------------------------------------------------------------------
def test_each_post_shows_its_count_and_holds_the_link_and_the_hashtag(example: Path) -> None:
    out = built(example)
    for locale in ("fr", "en"):
        text = (out / MILESTONE / f"posts.{locale}.txt").read_text(encoding="utf-8")
        blocks = text.strip().split("\n\n[")
        assert len(blocks) == 5
        for block, network in zip(blocks, networks.NETWORKS):
            heading, post = block.lstrip("[").split("\n", 1)
            count, limit = re.fullmatch(rf"{network.label}\] (\d+)/(\d+)", heading).groups()
            assert int(count) == network.count(post.strip()) and int(limit) == network.limit
            assert f"{SITE}{MILESTONE}/{locale}.html" in post and "#2MillionsParis" in post


def test_a_post_one_over_its_limit_fails_at_its_template_line(example: Path) -> None:
    template = example / "templates" / "en" / "posts" / "bluesky.txt"
    lines = template.read_text(encoding="utf-8").split("\n")
    # What the post holds besides the padding: the headline, the hashtag and the link, on
    # their lines, counted as Bluesky counts them.
    out = built(copy_example(example.parent / "probe", outputs=OUTPUTS))
    post = (out / MILESTONE / "posts.en.txt").read_text(encoding="utf-8").split("[Bluesky] ")[1]
    used = int(post.split("/")[0])
    padding = "x" * (300 - used - 1)  # with its line break: exactly 300
    at = len(lines) - 1  # a last line, after the link: the one that takes the post past 300
    lines.insert(at, padding)
    template.write_text("\n".join(lines), encoding="utf-8")
    assert built(example)  # 300: within the limit
    lines[at] = padding + "y"
    template.write_text("\n".join(lines), encoding="utf-8")
    [problem] = [p for p in problems_of(example) if "Bluesky" in p.message]
    assert (problem.file, problem.line) == ("templates/en/posts/bluesky.txt", at + 1)
    assert "counts 301 graphemes, over its limit of 300 (by 1)" in problem.message and problem.hint
    assert problem.source_line.strip() == padding + "y"


def test_a_post_without_the_link_or_the_hashtag_fails(example: Path) -> None:
    edit(example / "templates" / "fr" / "posts" / "x.txt", "{{ link }}", "")
    messages = [p.message for p in problems_of(example) if p.file == "templates/fr/posts/x.txt"]
    assert any("does not include the release's link" in m for m in messages)
    edit(example / "templates" / "fr" / "posts" / "x.txt", "{{ hashtag }}", "")
    messages = [p.message for p in problems_of(example) if p.file == "templates/fr/posts/x.txt"]
    assert any("does not include the hashtag #2MillionsParis" in m for m in messages)


# -- feeds and sitemap -------------------------------------------------------------------------
ATOM = "{http://www.w3.org/2005/Atom}"


# The example's published releases, newest first (the embargoed one and the draft are left out).
PUBLISHED_NEWEST_FIRST = ("velib-100-millions", "centquatre-15-ans", "paris-2-millions", "paris-1-million")


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_the_feed_is_atom_with_what_the_rfc_requires(example: Path, locale: str) -> None:
    import feedparser

    path = built(example) / f"feed.{locale}.xml"
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and parsed.feed.language == locale
    assert parsed.feed.id == f"{SITE}feed.{locale}.xml" and parsed.feed.title and parsed.feed.updated
    assert [e.id for e in parsed.entries] == [f"{SITE}{m}/{locale}.html" for m in PUBLISHED_NEWEST_FIRST]
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.summary and entry.updated and entry.author
    [enclosure] = next(e for e in parsed.entries if e.id == f"{SITE}{MILESTONE}/{locale}.html").enclosures
    assert enclosure.href == f"{SITE}{MILESTONE}/bravo-paris.svg" and enclosure.type == "image/svg+xml"
    assert int(enclosure.length) == (example / "images" / "bravo-paris.svg").stat().st_size
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, an author (or every
    # entry has one); each entry one id, title and updated; dates from the sources.
    root = ElementTree.parse(path).getroot()
    for name in ("id", "title", "updated"):
        assert len(root.findall(ATOM + name)) == 1
    assert root.findtext(ATOM + "updated") == "2024-06-18T00:00:00Z"  # the newest release's date
    for entry in root.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(ATOM + name)) == 1
        assert entry.findall(ATOM + "author") or root.findall(ATOM + "author")


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_the_sitemap_follows_the_protocol_with_its_languages(example: Path) -> None:
    root = ElementTree.parse(built(example) / "sitemap.xml").getroot()
    assert root.tag == SITEMAP + "urlset"
    locations = []
    for url in root:
        assert url.tag == SITEMAP + "url"
        [loc] = url.findall(SITEMAP + "loc")
        assert loc.text.startswith(SITE) and len(loc.text) < 2048
        locations.append(loc.text)
        lastmod = url.findtext(SITEMAP + "lastmod")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(XHTML + "link")}
        assert set(alternates) == {"fr", "en"} and loc.text in alternates.values()  # itself too
        assert all(link.get("rel") == "alternate" for link in url.findall(XHTML + "link"))
        assert {child.tag for child in url} <= {SITEMAP + "loc", SITEMAP + "lastmod", XHTML + "link"}
    assert len(locations) == len(set(locations)) and len(locations) < 50_000
    assert f"{SITE}paris-instagram-150000/fr.html" not in locations  # embargoed in the sources
    assert f"{SITE}{MILESTONE}/fr.html" in locations and f"{SITE}index.en.html" in locations


def test_the_newsroom_is_in_each_language_most_recent_first(example: Path) -> None:
    out = built(example)
    french, english = ((out / name).read_text(encoding="utf-8") for name in ("index.html", "index.en.html"))
    assert '<html lang="fr">' in french and "<h1>Communiqués de presse</h1>" in french and "11\u00a0avril\u00a02017" in french
    assert '<html lang="en">' in english and "<h1>Press releases</h1>" in english and "April 11, 2017" in english
    order = [french.index(f'id="{m}"') for m in ("paris-2-millions", "paris-instagram-150000", "paris-1-million")]
    assert order == sorted(order)
    assert 'class="thumbnail" src="paris-2-millions/bravo-paris.svg"' in french
    assert 'En anglais\u00a0: <a href="paris-2-millions/en.html" hreflang="en" lang="en">' in french
    assert 'In French: <a href="paris-2-millions/fr.html" hreflang="fr" lang="fr">' in english


# -- what publish deploys ----------------------------------------------------------------------
EMBARGOED = "paris-instagram-150000"
DRAFT = """
  - id: zz-draft-never-public
    status: draft
    date: 2018-01-01
    figure: {count: 3_000_000, noun: follower}
"""


def published(project: Path, target: Path, at: str):
    import datetime as dt

    from pressgen.pipeline import publish

    return publish(Layout(project), target, dt.datetime.fromisoformat(at))


@pytest.mark.parametrize("at, listed", [("2016-11-15T08:59:59+01:00", False), ("2016-11-15T09:00:00+01:00", True)])
def test_a_draft_or_a_running_embargo_never_reaches_a_published_feed_or_sitemap(
        example: Path, tmp_path: Path, at: str, listed: bool) -> None:
    import feedparser

    source = example / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n" + DRAFT, encoding="utf-8")
    site = tmp_path / "site"
    report = published(example, site, at)
    assert report.warnings == []
    for locale in ("fr", "en"):
        feed = feedparser.parse((site / f"feed.{locale}.xml").read_bytes())
        ids = [entry.id for entry in feed.entries]
        assert (f"{SITE}{EMBARGOED}/{locale}.html" in ids) is listed
        assert not any("zz-draft" in entry_id for entry_id in ids)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (EMBARGOED in sitemap) is listed and "zz-draft" not in sitemap
    for name in ("feed.fr.xml", "feed.en.xml", "sitemap.xml", "index.html", "index.en.html"):
        text = (site / name).read_text(encoding="utf-8")
        assert "zz-draft" not in text and "embargo" not in text.lower()
    if listed:  # lifted: dated from the sources, as published
        assert "<updated>2017-04-11T00:00:00Z</updated>" in (site / "feed.fr.xml").read_text(encoding="utf-8")


def test_publish_without_a_site_address_warns_and_writes_no_feed(example: Path, tmp_path: Path) -> None:
    edit(example / "milestones.yaml", "site: {base_url: https://newsroom.example.org/}  #", "#")
    site = tmp_path / "site"
    [warning] = published(example, site, "2020-01-01T00:00:00+00:00").warnings
    assert warning.file == "milestones.yaml" and "no site address" in warning.message and "base_url" in warning.hint
    assert (site / "index.html").is_file() and not (site / "sitemap.xml").exists()
