"""The channels a press office sends a release on: wire text, e-mail and PDF, read back.

Each is produced from the same rendered release as the page; the committed out/ holds them as
golden files (tests/test_build.py compares them byte for byte). Here each is read the way its
recipient reads it: the text by column, the e-mail by Python's email parser, the PDF by pypdf.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
from pathlib import Path

import pypdf
import pytest

from helpers import REPO, copy_example
from pressgen.cli import main
from pressgen.render.formats import FORMATS, output_path

OUT = REPO / "out"
IDS = ("paris-2-millions", "paris-1-million", "paris-instagram-150000",
       "velib-100-millions", "centquatre-15-ans", "pistes-cyclables-1000-km")
RELEASES = [(milestone, locale) for milestone in IDS for locale in ("fr", "en")]


def read(kind: str, milestone: str, locale: str) -> bytes:
    return (OUT / output_path(kind, milestone, locale)).read_bytes()


# -- the wire text ---------------------------------------------------------------------------
@pytest.mark.parametrize("milestone, locale", RELEASES)
def test_text_is_plain_and_within_72_columns(milestone: str, locale: str) -> None:
    text = read("txt", milestone, locale).decode("utf-8")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 72
    assert not any(re.match(r"#{1,6} ", line) for line in lines)  # no Markdown heading
    assert "**" not in text and "](" not in text and "<" not in text  # no emphasis, link or tag syntax
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_text_keeps_figures_with_their_words_and_writes_links_out() -> None:
    french = read("txt", "paris-2-millions", "fr").decode("utf-8")
    assert "2\u00a0millions d’abonnés" in french and "environ\n8\u202f500\u00a0sollicitations" in french
    assert "- Le compte @Paris sur Twitter (https://twitter.com/Paris)" in french
    english = read("txt", "paris-2-millions", "en").decode("utf-8")
    assert english.splitlines()[0] == "FOR IMMEDIATE RELEASE"
    assert english.rstrip().endswith("###")  # the English end mark, centred
    assert "\nLEARN MORE\n" in english


# -- the e-mail ------------------------------------------------------------------------------
def message(milestone: str, locale: str) -> email.message.EmailMessage:
    return email.message_from_bytes(read("eml", milestone, locale), policy=email.policy.default)


@pytest.mark.parametrize("milestone, locale", RELEASES)
def test_email_has_the_expected_parts_and_headers(milestone: str, locale: str) -> None:
    raw = read("eml", milestone, locale)
    parsed = message(milestone, locale)
    headline = read("txt", milestone, locale).decode("utf-8").split("\n\n")[1].replace("\n", " ")
    assert parsed["Subject"] == headline
    assert parsed["Content-Language"] == locale
    desk = "Service de presse de la Ville de Paris" if locale == "fr" else "City of Paris Press Office"
    assert parsed["From"] == parsed["Reply-To"] == f"{desk} <presse@paris.fr>"
    assert parsed["Date"] is None and parsed["Message-ID"] is None  # same sources, same bytes
    assert raw.count(b"MIME-Version:") == 1 and b"\r\n" in raw and re.search(rb"[^\r]\n", raw) is None
    assert parsed.get_content_type() == "multipart/alternative"
    plain = parsed.get_body(("plain",)).get_content()
    assert plain == read("txt", milestone, locale).decode("utf-8").replace("\n", "\r\n").replace("\r\r", "\r") \
        or plain.replace("\r\n", "\n") == read("txt", milestone, locale).decode("utf-8")
    page = parsed.get_body(("html",)).get_content()
    assert "<style" not in page and 'width="600"' in page
    addresses = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert addresses and all(a.startswith(("https://", "mailto:", "cid:")) for a in addresses), addresses


def test_email_headers_are_encoded_and_the_image_travels_inside() -> None:
    raw = read("eml", "paris-2-millions", "fr")
    subject = raw.split(b"\r\nFrom:", 1)[0]
    assert subject.isascii() and b"=?utf-8?" in subject  # RFC 2047: « » and accents arrive intact
    assert "Twitter\u00a0: le compte" in message("paris-2-millions", "fr")["Subject"]  # and no-break spaces
    parsed = message("paris-2-millions", "fr")
    related = [part for part in parsed.walk() if part.get_content_type() == "multipart/related"]
    assert len(related) == 1
    image = next(part for part in parsed.walk() if part.get_content_type() == "image/svg+xml")
    assert image.get_content() == (REPO / "images" / "bravo-paris.svg").read_bytes()
    cid = image["Content-ID"].strip("<>")
    page = parsed.get_body(("html",)).get_content()
    assert f'src="cid:{cid}"' in page and 'alt="Une photo de la Terre depuis l’espace' in page


# -- the PDF ---------------------------------------------------------------------------------
def pdf(milestone: str, locale: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(read("pdf", milestone, locale)))


@pytest.mark.parametrize("milestone, locale", RELEASES)
def test_pdf_is_tagged_with_its_language_and_title(milestone: str, locale: str) -> None:
    document = pdf(milestone, locale)
    root = document.trailer["/Root"]
    assert root["/Lang"] == locale
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root  # tagged (PDF/UA-1)
    headline = read("txt", milestone, locale).decode("utf-8").split("\n\n")[1].replace("\n", " ")
    assert document.metadata.title == headline
    assert document.metadata["/CreationDate"] == document.metadata["/ModDate"]  # the milestone's date


def test_pdf_is_one_page_on_letterhead_with_the_right_paper() -> None:
    french, english = pdf("paris-2-millions", "fr"), pdf("paris-2-millions", "en")
    assert len(french.pages) == len(english.pages) == 1
    text = french.pages[0].extract_text()
    assert "Numérique" in text  # the logo's words, drawn from images/logo.svg
    assert "VILLE DE PARIS" in text and "Service de presse de la Ville de Paris · presse@paris.fr" in text
    assert "1 / 1" in text  # the page number in the footer
    a4 = [round(float(v)) for v in french.pages[0].mediabox[2:]]
    letter = [round(float(v)) for v in english.pages[0].mediabox[2:]]
    assert a4 == [595, 842] and letter == [612, 792]  # A4 in France, US Letter for en (en_US)


# -- switching outputs off -------------------------------------------------------------------
def test_outputs_can_be_switched_off(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project", outputs=None)
    source = project / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("locales: [fr, en]\n", "locales: [fr, en]\noutputs: [md, html]\n", 1),
                      encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 0
    suffixes = {p.suffix for p in (project / "out").rglob("*") if p.is_file()}
    assert {".md", ".html"} <= suffixes and not suffixes & {".txt", ".eml", ".pdf"}


def test_an_unknown_output_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_example(tmp_path / "project", outputs=None)
    source = project / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("locales: [fr, en]\n", "locales: [fr, en]\noutputs: [md, htm]\n", 1),
                      encoding="utf-8")
    assert main(["--project", str(project), "build"]) == 1
    assert "error: outputs[1]: 'htm' is not an output format" in capsys.readouterr().err


def test_every_format_has_its_module() -> None:
    for name, format in FORMATS.items():
        assert callable(format.render), name


def _interrupted_where_it_is_swallowed(tmp_path: Path, monkeypatch, outputs: tuple[str, ...], owner, name: str) -> None:
    """Build, edit, then build again with a Ctrl-C arriving in ``owner.name``: the build must
    stop as interrupted, and out/ stay as the first build left it."""
    project = copy_example(tmp_path / "project", outputs=outputs)
    assert main(["--project", str(project), "build"]) == 0
    before = {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()}
    source = project / "milestones.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("Bruno Julliard", "Bruno Julliard Jr"), encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(owner, name, interrupted)
    assert main(["--project", str(project), "build", "--jobs", "1"]) == 130  # interrupted, as Ctrl-C exits
    assert {p: p.read_bytes() for p in (project / "out").rglob("*") if p.is_file()} == before


def test_a_ctrl_c_while_weasyprint_draws_the_logo_stops_the_build(tmp_path: Path, monkeypatch) -> None:
    """WeasyPrint catches every exception, Ctrl-C included, around drawing an SVG, and goes on
    without the image. The interrupt must still stop the build: no PDF without its logo, out/
    as it was. The Ctrl-C is made to arrive exactly there (where a real one lands by chance)."""
    import weasyprint.svg

    _interrupted_where_it_is_swallowed(tmp_path, monkeypatch, ("pdf",), weasyprint.svg.SVG, "draw")


def test_a_ctrl_c_inside_the_sanitiser_s_link_check_stops_the_build(tmp_path: Path, monkeypatch) -> None:
    """nh3 reports what its attribute hook raises and goes on without the attribute. A Ctrl-C
    landing in the hook must still stop the build: no page without its links, out/ as it was."""
    import pressgen.render.sanitize

    _interrupted_where_it_is_swallowed(tmp_path, monkeypatch, ("html",), pressgen.render.sanitize, "link_refusal")
