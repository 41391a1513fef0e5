"""Where a web address in a release may lead, judged as a browser reads it.

A link's effect is decided by how it begins: ``javascript:`` runs code, ``data:`` and ``file:``
open what the address carries or the reader's own files, ``//host/…`` and ``/\\host/…`` go to
another site. A browser reads the address only after undoing character references
(``jav&#x61;script:``, ``javascript&colon;``), dropping the ASCII tabs and newlines anywhere in
it and the spaces and control characters at its ends, and it compares schemes case-insensitively.
:func:`as_browser_reads` does the same, and the checks below also undo percent-encoding
(``%6Aavascript:``), which a browser would not: an address that only looks harmless encoded is
refused too. Everything here is shared by the text policy (:mod:`pressgen.model.text`), the
``Url`` type and the HTML sanitiser (:mod:`pressgen.render.sanitize`).
"""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

# The schemes a release may link to: the web, e-mail and phone numbers.
ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")
_WEB = ("https", "http")
# What a browser's URL parser strips at both ends and removes anywhere.
_ENDS = "".join(chr(c) for c in range(0x21))
_REMOVED = {ord("\t"): None, ord("\n"): None, ord("\r"): None}
# What may not stand in an address given on its own (links[].url, account.url): characters that
# end the (…) of a Markdown link, start a title, an attribute list or HTML, or escape.
_BREAKS_OUT = set(" \t\n\r\f\v<>\"'`{}[]\\|^")
_BREAKS_OUT_FOUND = re.compile("[" + re.escape("".join(sorted(_BREAKS_OUT))) + "]")


class Refusal(NamedTuple):
    """Why a value may not be published, and what to write instead."""

    message: str
    hint: str


_ONLY = "link with https://…, http://…, mailto:… or tel:… only"


def as_browser_reads(url: str) -> str:
    """``url`` as the browser's URL parser receives it from an HTML attribute."""
    return html.unescape(url).strip(_ENDS).translate(_REMOVED)


def _decoded(url: str) -> str:
    """As the browser reads it, then percent-decoded (and cleaned again: ``%09`` is a tab)."""
    return as_browser_reads(unquote(as_browser_reads(url)))


def _split(url: str):
    try:
        return urlsplit(url)
    except ValueError:  # an unclosed [IPv6 host, say
        return None


def _shown(url: str, limit: int = 60) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


# Most addresses: http(s), a host of letters, digits and hyphens, a path of the characters
# that no step of the reading below changes (no &, %, space, control character or backslash).
# Read as a browser reads it, such an address is itself, with a scheme of the web and a host:
# every check passes (tests/fuzz/test_fuzz_equivalence.py proves it against the full reading).
PLAIN_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:/[A-Za-z0-9._~/-]*)?")


def link_refusal(url: str, *, relative: bool = False) -> Refusal | None:
    """Why ``url`` may not be a link's target; None when it may.

    A text's links must say where they go (a scheme of :data:`ALLOWED_SCHEMES`) or stay on the
    page (``#fragment``): the page may be published anywhere, so a relative link would lead
    wherever it happens to be. ``relative=True`` also accepts a path on the same site (the
    templates' links between releases); an address starting ``//`` or with a backslash never.
    """
    if PLAIN_WEB_ADDRESS.fullmatch(url):
        return None
    return read_link_refusal(url, relative=relative)


def read_link_refusal(url: str, *, relative: bool = False) -> Refusal | None:
    """:func:`link_refusal`, always reading ``url`` as a browser does."""
    seen = _decoded(url)
    if seen.startswith("#"):
        return None
    parts = _split(seen)
    if parts is None:
        return Refusal(f"'{_shown(url)}' is not a web address", _ONLY)
    scheme = parts.scheme.lower()
    if not scheme:
        if seen.startswith(("//", "\\", "/\\")):
            return Refusal(f"'{_shown(url)}' leads to another site without saying how",
                           "write the full address, starting with https://")
        if relative and "\\" not in seen:
            return None
        return Refusal(f"'{_shown(url)}' is relative to the page, which may be published anywhere",
                       "write the full address (https://…), or #name for a place on the same page")
    if scheme not in ALLOWED_SCHEMES:
        return Refusal(f"a link to '{scheme}:' is not allowed: it could run code or open files in "
                       "the reader's browser", _ONLY)
    if scheme in _WEB and (not parts.netloc or "\\" in seen):
        return Refusal(f"'{_shown(url)}' is not a full web address", "write it as https://host/path")
    if scheme not in _WEB and not parts.path:
        return Refusal(f"'{_shown(url)}' gives no address after '{scheme}:'",
                       "mailto:presse@example.org, tel:+33123456789")
    return None


def image_refusal(src: str) -> Refusal | None:
    """Why ``src`` may not be an image's source; None when it may.

    An image is a file of the release's own folder: anything else makes every reader's browser
    fetch it from somewhere (and tells that place who reads the release).
    """
    seen = _decoded(src)
    parts = _split(seen)
    if parts is None or parts.scheme or parts.netloc or seen.startswith(("//", "\\", "/\\")) or "\\" in seen:
        return Refusal("an image from the web would make every reader's browser fetch it",
                       "give the release's image under 'image:', as a file beside milestones.yaml")
    if not seen:
        return Refusal("an image without a file", "write ![what it shows](file), with a file of the release")
    if seen.startswith("/") or ".." in PurePosixPath(parts.path).parts:
        return Refusal(f"the image '{_shown(src)}' is outside the release's folder",
                       "give the release's image under 'image:', as a file beside milestones.yaml")
    return None


def address_refusal(url: str) -> Refusal | None:
    """Why ``url``, given on its own (``links[].url``), may not be published; None when it may.

    The templates put it inside Markdown (``[label](url)``): besides :func:`link_refusal`, it
    may hold no character that would end the link and carry on as Markdown. Percent-encoded,
    any character is fine; parentheses are fine when they pair up (Wikipedia's ``Paris_(ville)``).
    """
    if PLAIN_WEB_ADDRESS.fullmatch(url):
        return None  # nothing that ends a link either
    return read_address_refusal(url)


def read_address_refusal(url: str) -> Refusal | None:
    """:func:`address_refusal`, always reading ``url`` as a browser does."""
    refused = read_link_refusal(url)
    if refused:
        return refused
    if url.isprintable() and not _BREAKS_OUT_FOUND.search(url) and "(" not in url and ")" not in url:
        return None  # most addresses: nothing the lines below look for
    bad = sorted({c for c in url if c in _BREAKS_OUT or not c.isprintable()})
    depth = 0
    for c in url:
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            break
    if depth:
        bad.append("(" if depth > 0 else ")")
    if bad:
        shown = ", ".join(repr(c) for c in bad)
        return Refusal(f"the address '{_shown(url)}' holds {shown}, which would end the link in the release",
                       "percent-encode them: %20 for a space, %28 and %29 for unpaired parentheses, %7B %7D for braces")
    return None
