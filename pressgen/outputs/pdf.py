"""The PDF: the release on letterhead, laid out by WeasyPrint from ``templates/print.html``.

Logo and organisation at the top, page numbers and the press contact in the footer, the
language's hyphenation and page size (A4, US Letter in the United States and Canada), tagged
for accessibility (PDF/UA-1) with the document's language and title. WeasyPrint fetches
nothing: it is given the release's checked files and refuses every other address. The
metadata dates are the milestone's date, so the same sources give the same bytes.
"""

from __future__ import annotations

import contextlib
import logging
import posixpath
import re
from typing import Iterator

import markupsafe

from pressgen.language.locale import locale_for
from pressgen.render.formats import OutputContext, output_path
from pressgen.render.release import Release

PRINT_TEMPLATE = "print.html"
# Relative addresses in the release resolve under this base, which only our fetcher answers.
_BASE = "https://pressgen.invalid/release/"


def render(release: Release, context: OutputContext) -> bytes:
    import weasyprint
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    milestone = release.milestone
    files = {_BASE + posixpath.basename(relative): context.project_file(milestone, relative)
             for relative in _published_files(milestone)}
    logo = milestone.organisation.logo if milestone.organisation is not None else None

    class ReleaseFiles(URLFetcher):
        """Answers the release's own files and nothing else: no network, no file system."""

        def fetch(self, url: str, headers=None) -> URLFetcherResponse:
            if url not in files:
                raise ValueError(f"pressgen fetches nothing for a PDF: {url}")
            return URLFetcherResponse(url, files[url].data, {"Content-Type": files[url].kind.media_type})

    page = context.template(
        release.locale, PRINT_TEMPLATE, m=release.m, locale=release.locale, title=release.title,
        description=release.description, body=markupsafe.Markup(_keep_tokens_whole(release.body)),
        paper_size=locale_for(release.locale).rules.paper_size,
        logo=posixpath.basename(logo) if logo else "",
        here=output_path("pdf", release.milestone_id, release.locale),
    )
    document = weasyprint.HTML(string=page, base_url=_BASE, url_fetcher=ReleaseFiles())
    with _interrupts_not_swallowed():
        return document.write_pdf(pdf_variant="pdf/ua-1")


class _Interrupts(logging.Handler):
    """Records a Ctrl-C that WeasyPrint caught and logged instead of letting it through."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.caught: BaseException | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and isinstance(record.exc_info[1], (KeyboardInterrupt, SystemExit)):
            self.caught = self.caught or record.exc_info[1]


@contextlib.contextmanager
def _interrupts_not_swallowed() -> Iterator[None]:
    """WeasyPrint draws an SVG inside ``except BaseException`` (weasyprint/images.py), which it
    logs at debug level: a Ctrl-C arriving while the logo is drawn was swallowed, and the build
    went on to write a PDF without its logo. The interrupt is raised again once WeasyPrint
    returns, so the build stops and ``out/`` stays as it was."""
    logger = logging.getLogger("weasyprint")
    catcher, level = _Interrupts(), logger.level
    logger.addHandler(catcher)
    if not logger.isEnabledFor(logging.DEBUG):
        logger.setLevel(logging.DEBUG)  # the debug record, which carries the exception, is made only then
    try:
        yield
    finally:
        logger.removeHandler(catcher)
        logger.setLevel(level)
    if catcher.caught is not None:
        raise catcher.caught


_TEXT = re.compile(r">([^<]+)<")  # the text between two tags


def _keep_tokens_whole(body: str) -> str:
    """Mark @handles, #hashtags and addresses (what typography protects) so the print styles do
    not hyphenate them."""
    from pressgen.language.typography import PROTECTED_WORDS

    def mark(segment: re.Match[str]) -> str:
        return ">" + PROTECTED_WORDS.sub(lambda m: f'<span class="token">{m.group(0)}</span>', segment.group(1)) + "<"

    return _TEXT.sub(mark, body)


def _published_files(milestone) -> list[str]:
    from pressgen.model.walk import project_files

    return [str(relative) for _, relative in project_files(milestone, milestone.id)]
